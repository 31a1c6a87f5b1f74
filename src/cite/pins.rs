//! Which of the pins a brief cites have been seen: a pin is seen when a `verified:` record of
//! the authority lists it (`pins: [{at: "975–76", saw: …}]`). Pages are compared as pages, so a
//! record of "975" and one of "976" together cover "975–76", and "*2–3" is covered by "*2–3";
//! a pin that is not a list of pages or page ranges ("975 n.3", "§ 3.3") must be recorded as
//! written (spaces and dash styles aside).

use std::collections::{BTreeMap, BTreeSet};

use crate::cite::CiteUse;
use crate::library::bank::{Authority, Bank};

/// One pin as compared: a set of (star, page) pairs, or its normalised text when it is not a
/// list of pages.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pages {
    Set(BTreeSet<(bool, u64)>),
    Text(String),
}

/// Spaces dropped, every dash an en dash, a leading "at " dropped.
fn normalise(pin: &str) -> String {
    let p = pin.trim();
    let p = p.strip_prefix("at ").unwrap_or(p);
    p.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '-' | '‐' | '‑' | '—' | '−') { '–' } else { c })
        .collect()
}

/// "975–76" → {975, 976}; "*2–3, *5" → {*2, *3, *5}; None for anything else.
fn page_set(pin: &str) -> Option<BTreeSet<(bool, u64)>> {
    let text = normalise(pin);
    let mut set = BTreeSet::new();
    for item in text.split([',', '&']) {
        let (star, rest) = match item.strip_prefix('*') {
            Some(r) => (true, r),
            None => (false, item),
        };
        let (a, b) = match rest.split_once('–') {
            Some((a, b)) => (a, Some(b.strip_prefix('*').unwrap_or(b))),
            None => (rest, None),
        };
        let digits = |s: &str| !s.is_empty() && s.len() <= 7 && s.chars().all(|c| c.is_ascii_digit());
        if !digits(a) || b.is_some_and(|b| !digits(b)) {
            return None;
        }
        let start: u64 = a.parse().ok()?;
        let end: u64 = match b {
            None => start,
            // "975–76": the dropped digits are the start's.
            Some(b) if b.len() < a.len() => format!("{}{b}", &a[..a.len() - b.len()]).parse().ok()?,
            Some(b) => b.parse().ok()?,
        };
        if end < start || end - start > 500 {
            return None;
        }
        for p in start..=end {
            set.insert((star, p));
        }
    }
    (!set.is_empty()).then_some(set)
}

fn pages(pin: &str) -> Pages {
    match page_set(pin) {
        Some(s) => Pages::Set(s),
        None => Pages::Text(normalise(pin)),
    }
}

/// Whether the authority's verification records cover `pin`.
pub fn is_seen(a: &Authority, pin: &str) -> bool {
    let recorded: Vec<Pages> = a.verified.iter().flat_map(|v| v.pins.iter()).map(|p| pages(&p.at)).collect();
    match pages(pin) {
        Pages::Text(t) => recorded.iter().any(|r| *r == Pages::Text(t.clone())),
        Pages::Set(want) => {
            let have: BTreeSet<(bool, u64)> = recorded
                .iter()
                .filter_map(|r| match r {
                    Pages::Set(s) => Some(s.iter().copied()),
                    Pages::Text(_) => None,
                })
                .flatten()
                .collect();
            want.is_subset(&have)
        }
    }
}

/// One distinct pin of one authority that the brief cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitedPin {
    pub id: String,
    /// The pin as the brief prints it (the first spelling met).
    pub pin: String,
    /// How many citations print it.
    pub times: usize,
    pub seen: bool,
}

/// Every distinct (authority, pin) the brief cites, in id order and then in reading order.
pub fn cited_pins(uses: &[CiteUse], bank: &Bank) -> Vec<CitedPin> {
    let mut by_id: BTreeMap<&str, Vec<CitedPin>> = BTreeMap::new();
    for u in uses {
        let (Some(pin), Some(a)) = (u.pin.as_deref(), bank.get(&u.id)) else { continue };
        let list = by_id.entry(u.id.as_str()).or_default();
        let key = normalise(pin);
        match list.iter_mut().find(|c| normalise(&c.pin) == key) {
            Some(c) => c.times += 1,
            None => list.push(CitedPin { id: u.id.clone(), pin: pin.to_string(), times: 1, seen: is_seen(a, pin) }),
        }
    }
    by_id.into_values().flatten().collect()
}

/// Whether two pins name the same place (spaces and dash styles aside).
pub fn same_pin(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_pins(pins: &[&str]) -> Authority {
        let list: Vec<String> = pins.iter().map(|p| format!("{{at: \"{p}\"}}")).collect();
        let yaml = format!(
            "x:\n  kind: case\n  name: A v. B\n  cite: 1 F.4th 1\n  year: 2021\n  verified: {{by: AB, on: 2026-12-04, source: Westlaw, pins: [{}]}}\n",
            list.join(", ")
        );
        let mut bank = Bank::default();
        bank.add_file(&crate::diag::SourceText::new("t.yaml", yaml)).unwrap();
        bank.get("x").unwrap().clone()
    }

    #[test]
    fn ranges_are_covered_page_by_page() {
        let a = with_pins(&["975", "976"]);
        assert!(is_seen(&a, "975–76"));
        assert!(is_seen(&a, "975-976"));
        assert!(!is_seen(&a, "975–77"));
        let b = with_pins(&["975–76"]);
        assert!(is_seen(&b, "976"));
        assert!(!is_seen(&b, "974"));
    }

    #[test]
    fn star_pages_are_not_reporter_pages() {
        let a = with_pins(&["*2–3"]);
        assert!(is_seen(&a, "*3"));
        assert!(!is_seen(&a, "3"));
    }

    #[test]
    fn other_pins_match_as_written() {
        let a = with_pins(&["975 n.3"]);
        assert!(is_seen(&a, "975 n.3"));
        assert!(!is_seen(&a, "975"));
        assert!(!is_seen(&with_pins(&[]), "975"));
    }
}
