//! Court profiles: a court's formatting rules as data. One YAML file per court under `courts/`
//! (`nd-cal.yaml`, …) that a lawyer can copy and edit: paper and margins, type sizes, the numbered
//! line grid, the caption layout, heading styles, page limits, when a TOC/TOA is required and the
//! table-of-authorities conventions (*passim* threshold, how *In re* sorts) and the citation
//! settings (whether unverified authorities block filing, hyperlinked citations). A matter picks its
//! profile with `court:` and may override any setting for its judge under `overrides:`. The
//! templates read the profile through a generated `/data/profile.typ`; no Rust code branches on
//! the court.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::{Diagnostic, Result, SourceText};
use crate::units::Length;
use crate::yaml;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The court's full name (for `pleader check` and listings).
    pub name: String,
    /// Lines of the court title on the caption page, before the division.
    pub court_title: Vec<String>,
    pub paper: Paper,
    #[serde(rename = "type")]
    pub type_: TypeRules,
    pub lines: Lines,
    pub caption: Caption,
    #[serde(default)]
    pub footer: Footer,
    pub layout: LayoutRules,
    /// Length limits by document type (`opposition`, `motion`, `reply`, …).
    #[serde(default)]
    pub limits: BTreeMap<String, Limit>,
    #[serde(default)]
    pub front_matter: FrontMatter,
    #[serde(default)]
    pub toa: ToaRules,
    /// A certificate of compliance with the word limit, when the court requires one.
    #[serde(default)]
    pub certificate: Option<Certificate>,
    /// How `pleader check` treats unverified authorities, and whether citations are links.
    #[serde(default)]
    pub citations: CitationRules,
}

/// Citation settings: `citations: {unverified: fail, links: false}`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationRules {
    /// What `pleader check` does when the brief cites an authority whose bank entry has no
    /// `verified:` record: `fail` (not filing-ready; the default), `warn` or `off`.
    #[serde(default)]
    pub unverified: RuleLevel,
    /// Link each case citation, and its entry in the table of authorities, to its CourtListener
    /// citation-lookup address (some judges ask for hyperlinked briefs).
    #[serde(default)]
    pub links: bool,
}

/// How strictly a rule is applied.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// A brief that breaks the rule is not filing-ready.
    #[default]
    Fail,
    /// Reported, but the brief may be filed.
    Warn,
    /// Not checked.
    Off,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    pub width: Length,
    pub height: Length,
    pub margin_top: Length,
    pub margin_left: Length,
    pub margin_right: Length,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeRules {
    /// Font family; must be one of the fonts embedded in pleader.
    pub font: String,
    pub size: Length,
    pub footnote_size: Length,
    pub quote_size: Length,
    pub footer_size: Length,
    /// The smallest type the court accepts in the body, footnotes and quotations.
    pub min_size: Length,
    #[serde(default = "yes")]
    pub justify: bool,
    /// Footnotes `single`- or `double`-spaced (some judges' standing orders want double).
    #[serde(default)]
    pub footnote_spacing: Spacing,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Spacing {
    #[default]
    Single,
    Double,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lines {
    /// Whether the left margin carries line numbers (pleading paper).
    pub numbered: bool,
    /// Numbered lines per page.
    pub count: u32,
    /// Distance between two double-spaced lines.
    pub pitch: Length,
    /// Extra leading between single-spaced lines (0pt: one line box per half pitch at 12pt).
    pub single_leading: Length,
    /// Right edge of the line numbers, from the left edge of the paper.
    pub number_right: Length,
    /// Vertical rules left of the text, from the left edge of the paper.
    #[serde(default)]
    pub rules_left: Vec<Length>,
    /// Vertical rules right of the text.
    #[serde(default)]
    pub rules_right: Vec<Length>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caption {
    /// Numbered line on which the court title begins (the counsel block fills the lines above).
    pub court_title_line: u32,
    /// Keep the right half of the counsel lines blank for the clerk.
    #[serde(default)]
    pub clerk_space: bool,
    /// Print the hearing date, time and courtroom under the document title.
    #[serde(default)]
    pub hearing: bool,
    /// Append the judge's initials to the case number ("3:22-mc-80319-SK").
    #[serde(default = "yes")]
    pub judge_initials: bool,
    /// Print the matter's `division:` under the court title.
    #[serde(default = "yes")]
    pub division: bool,
    /// Print the counsel block at the top of the first page (federal courts in New York put
    /// counsel in the signature block only).
    #[serde(default = "yes")]
    pub counsel: bool,
    /// The caption template: a file `templates/<template>.typ` that defines `caption-page`.
    #[serde(default = "caption_template")]
    pub template: String,
}

fn caption_template() -> String {
    "caption".into()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// Print the short title and case number under the rule.
    #[serde(default = "yes")]
    pub title: bool,
    /// Draw a rule above the footer.
    #[serde(default = "yes")]
    pub rule: bool,
    /// Put the rule between the page number and the title instead (Cal. Rules of Court 2.110).
    #[serde(default)]
    pub rule_under_number: bool,
    /// Space between the last text line and the footer rule.
    #[serde(default = "footer_gap")]
    pub gap: Length,
}

impl Default for Footer {
    fn default() -> Self {
        Footer { title: true, rule: true, rule_under_number: false, gap: footer_gap() }
    }
}

/// A certificate of compliance printed after the signature block.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub title: String,
    /// The statement; `{client}` is the party represented ("Respondent TWITTER, INC."), `{words}`
    /// the word count of the body as typeset, `{limit}` the word limit for this document type.
    pub text: String,
}

fn footer_gap() -> Length {
    Length(8.0)
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutRules {
    /// First-line indent of body paragraphs.
    pub indent: Length,
    /// Left and right indent of block quotations.
    pub quote_indent: Length,
    /// Left indent of headings by level (level 1 first).
    pub heading_indents: Vec<Length>,
    /// Whether headings of each level are set in capitals.
    pub heading_upper: Vec<bool>,
    /// Numbering style of each heading level: `I`, `A`, `1`, `a` or `i`.
    pub heading_numbering: Vec<String>,
    /// Blank numbered lines before a heading of each level (none at the top of a page).
    #[serde(default)]
    pub heading_lines_before: Vec<u32>,
    /// Width reserved for the heading number (hanging indent).
    pub heading_number_width: Length,
    /// Width of the page-number column in the TOC and TOA.
    pub page_column: Length,
    /// Hanging indent of TOA entries.
    pub toa_hanging: Length,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Maximum pages of body text (caption, TOC and TOA not counted).
    #[serde(default)]
    pub pages: Option<u32>,
    /// Maximum words (counted from the typeset text, with the court's exclusions).
    #[serde(default)]
    pub words: Option<u32>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The court requires a TOC and TOA when the body is longer than this many pages.
    #[serde(default)]
    pub required_over_pages: Option<u32>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToaRules {
    /// Print *passim* for an authority cited on at least this many pages; `null` turns it off.
    #[serde(default = "passim_default")]
    pub passim: Option<u32>,
    /// How "In re" names sort: `ignore` files *In re Ramaekers* under R; `as-written` under I.
    #[serde(default)]
    pub in_re: InRe,
    /// Collapse three or more consecutive pages into a range ("11–15").
    #[serde(default = "yes")]
    pub ranges: bool,
}

impl Default for ToaRules {
    fn default() -> Self {
        ToaRules { passim: passim_default(), in_re: InRe::default(), ranges: true }
    }
}

fn passim_default() -> Option<u32> {
    Some(5)
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum InRe {
    #[default]
    Ignore,
    AsWritten,
}

impl Profile {
    /// Parses a profile file, applying the matter's per-judge overrides first.
    /// `overrides` are the matter's `overrides:` value and the matter file (for diagnostics).
    pub fn load(source: &SourceText, overrides: Option<(&SourceText, &serde_yaml::Value)>) -> Result<Profile> {
        // Read the profile on its own first, so that errors in it point into the profile file.
        let profile: Profile = yaml::from_str(source)?;
        let profile = match overrides {
            None => profile,
            Some((matter, over)) => {
                let mut value = yaml::parse(source)?;
                yaml::merge(&mut value, over);
                yaml::from_value(matter, value)?
            }
        };
        profile.check(source)?;
        Ok(profile)
    }

    fn check(&self, source: &SourceText) -> Result<()> {
        let levels = self.layout.heading_indents.len();
        let mut problems = vec![];
        if levels == 0 || self.layout.heading_upper.len() != levels || self.layout.heading_numbering.len() != levels {
            problems.push(
                Diagnostic::error(
                    "layout.heading_indents, heading_upper and heading_numbering must list the same number of levels",
                )
                .in_file(source),
            );
        }
        for style in &self.layout.heading_numbering {
            if !matches!(style.as_str(), "I" | "A" | "1" | "a" | "i") {
                problems.push(
                    Diagnostic::error(format!("unknown heading numbering style `{style}`"))
                        .in_file(source)
                        .with_hint("use I (upper roman), A (letters), 1 (arabic), a or i"),
                );
            }
        }
        if self.lines.count == 0 || self.lines.pitch.pt() <= 0.0 {
            problems.push(Diagnostic::error("lines.count and lines.pitch must be positive").in_file(source));
        }
        if self.type_.size.pt() > self.lines.pitch.pt() {
            problems.push(
                Diagnostic::error("type.size is larger than lines.pitch: text cannot stay on the grid").in_file(source),
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The bottom of the text area: the last numbered line's box ends here (footnotes included).
    pub fn text_bottom(&self) -> f64 {
        self.paper.margin_top.pt() + self.lines.count as f64 * self.lines.pitch.pt()
    }

    /// The heading number for a level (1-based) and a position (1-based): "I.", "B.", "3.".
    pub fn heading_number(&self, level: usize, n: usize) -> String {
        let styles = &self.layout.heading_numbering;
        let style = styles.get(level - 1).or(styles.last()).map_or("1", |s| s.as_str());
        let body = match style {
            "I" => roman(n),
            "i" => roman(n).to_lowercase(),
            "A" => letters(n),
            "a" => letters(n).to_lowercase(),
            _ => n.to_string(),
        };
        format!("{body}.")
    }
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn letters(n: usize) -> String {
    // A … Z, AA … ZZ, as briefs do.
    let letter = (b'A' + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(letter, (n - 1) / 26 + 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(letters(3), "C");
        assert_eq!(letters(27), "AA");
    }
}
