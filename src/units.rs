//! Small value types shared by the data files: lengths written the way lawyers and typesetters
//! write them (`1.5in`, `12pt`, `25mm`) and dates in the matter and the bank (`2022-12-23`),
//! formatted for prose ("December 23, 2022") and for Bluebook parentheticals ("Dec. 23, 2022");
//! and the text helpers several stages share, [`capitalize_first`] and [`number_words`].

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer};
use serde::Deserialize;

/// A length in points, parsed from `<number><unit>` with unit `pt`, `in`, `mm` or `cm`.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Length(pub f64);

impl Length {
    pub fn pt(self) -> f64 {
        self.0
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let split = s
            .find(|c: char| c.is_ascii_alphabetic())
            .ok_or_else(|| format!("`{s}` has no unit; expected a length like `12pt` or `1.5in`"))?;
        let (num, unit) = s.split_at(split);
        let n: f64 = num
            .trim()
            .parse()
            .map_err(|_| format!("`{s}` is not a length; expected a number and a unit, like `12pt` or `1.5in`"))?;
        if !n.is_finite() {
            return Err(format!("`{s}` is not a finite length"));
        }
        let factor = match unit {
            "pt" => 1.0,
            "in" => 72.0,
            "mm" => 72.0 / 25.4,
            "cm" => 72.0 / 2.54,
            other => return Err(format!("unknown unit `{other}` in `{s}`; expected pt, in, mm or cm")),
        };
        Ok(Length(n * factor))
    }

    /// The length as a Typst literal (always points, fixed precision for reproducibility).
    pub fn typst(self) -> String {
        format!("{:.4}pt", self.0)
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Length::parse(&s).map_err(de::Error::custom)
    }
}

/// A calendar date, written `YYYY-MM-DD` in YAML.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).map(Date).map_err(de::Error::custom)
    }
}

/// A trial date as a first page states it (Cal. Rules of Court, rule 3.1110(b)(4)): a date, or
/// `none` where no trial is set (printed "None set").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrialDate {
    Set(Date),
    NoneSet,
}

impl<'de> Deserialize<'de> for TrialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim() == "none" {
            return Ok(TrialDate::NoneSet);
        }
        parse_date(&s).map(|d| TrialDate::Set(Date(d))).map_err(|_| {
            de::Error::custom(format!(
                "`{s}` is not a trial date; expected YYYY-MM-DD, or `none` where no trial is set"
            ))
        })
    }
}

impl TrialDate {
    /// "September 8, 2025", or "None set".
    pub fn long(self) -> String {
        match self {
            TrialDate::Set(d) => d.long(),
            TrialDate::NoneSet => "None set".to_string(),
        }
    }
}

/// Parses an ISO date, with a message a lawyer can act on.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date; expected YYYY-MM-DD, like 2022-12-23"))
}

/// Bluebook table T12 month abbreviations.
const MONTHS_BLUEBOOK: [&str; 12] =
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

impl Date {
    /// "December 23, 2022".
    pub fn long(self) -> String {
        long_date(self.0)
    }

    /// "Dec. 23, 2022" (Bluebook T12).
    pub fn bluebook(self) -> String {
        bluebook_date(self.0)
    }
}

/// "December 23, 2022", formatted by chrono.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

pub fn bluebook_date(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS_BLUEBOOK[d.month0() as usize], d.day(), d.year())
}

/// The text with its first letter capitalised and the rest as written ("see also" → "See also";
/// Tera's own `capitalize` would lowercase the rest).
pub fn capitalize_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.long())
    }
}

/// Whole numbers in words, as briefs write small counts ("nine Doe accounts"); from 100 on, in
/// digits, grouped by commas from 1,000 ("4,000 posts").
pub fn number_words(n: u64) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    match n {
        0..=19 => ONES[n as usize].to_string(),
        20..=99 => {
            let t = TENS[(n / 10) as usize];
            if n.is_multiple_of(10) {
                t.to_string()
            } else {
                format!("{t}-{}", ONES[(n % 10) as usize])
            }
        }
        100..=999 => n.to_string(),
        // "10,000": digits grouped by commas, as the Bluebook writes numbers of five or more
        // digits (and this writes four-digit ones the same way).
        _ => grouped(n),
    }
}

/// Digits grouped by commas from 1,000 ("2,412,003"; "999").
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_words_below_a_hundred_and_grouped_digits_from_a_thousand() {
        assert_eq!(number_words(21), "twenty-one");
        assert_eq!(number_words(100), "100");
        assert_eq!(number_words(999), "999");
        assert_eq!(number_words(1_000), "1,000");
        assert_eq!(number_words(10_000), "10,000");
        assert_eq!(number_words(1_234_567), "1,234,567");
    }

    #[test]
    fn lengths_parse_in_points() {
        assert_eq!(Length::parse("1.5in").unwrap().pt(), 108.0);
        assert_eq!(Length::parse("12pt").unwrap().pt(), 12.0);
        assert!(Length::parse("12").is_err());
        assert!(Length::parse("12px").is_err());
    }

    #[test]
    fn dates_format_long_and_bluebook() {
        let d = Date(NaiveDate::from_ymd_opt(2021, 9, 9).unwrap());
        assert_eq!(d.long(), "September 9, 2021");
        assert_eq!(d.bluebook(), "Sept. 9, 2021");
        let d = Date(NaiveDate::from_ymd_opt(2021, 7, 27).unwrap());
        assert_eq!(d.bluebook(), "July 27, 2021");
    }
}
