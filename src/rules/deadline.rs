//! When the brief is due (`pleader check`'s "time to respond"): the profile's `deadlines:` for
//! the document type, counted from the matter's dates as Fed. R. Civ. P. 6(a) counts a period
//! stated in days — exclude the day of the event, count every day, include the last day, and
//! where the last day is a Saturday, a Sunday or a legal holiday, run on to the next day that is
//! not one (backward from a hearing, to the day before) — with Rule 6(d)'s three days after
//! service by mail, by leaving with the clerk or by other consented means. A date a court set for
//! this brief (`document.due`) replaces the profile's rule.
//!
//! The legal holidays are those Rule 6(a)(6)(A) names, on the day set aside by statute for
//! observing them (5 U.S.C. § 6103: a fixed-date holiday that falls on a Saturday is observed the
//! Friday before, on a Sunday the Monday after). A day the President or Congress declares a
//! holiday (6(a)(6)(B)) and a state's own holidays (6(a)(6)(C)) are unknown here, and the check
//! says so.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::library::court::{Deadline, DeadlineFrom};
use crate::matter::Matter;
use crate::units::long_date;

/// The federal legal holidays of Rule 6(a)(6)(A) in `year`, on their observed days.
pub fn federal_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = |m, d| {
        let day = NaiveDate::from_ymd_opt(year, m, d).expect("a valid date");
        match day.weekday() {
            Weekday::Sat => day - Duration::days(1),
            Weekday::Sun => day + Duration::days(1),
            _ => day,
        }
    };
    // The `n`th `weekday` of month `m` (n = -1: the last).
    let nth = |m, weekday: Weekday, n: i32| {
        if n > 0 {
            let first = NaiveDate::from_ymd_opt(year, m, 1).expect("a valid date");
            let offset =
                (7 + weekday.num_days_from_monday() as i64 - first.weekday().num_days_from_monday() as i64) % 7;
            first + Duration::days(offset + 7 * (n as i64 - 1))
        } else {
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, m + 1, 1) }
                    .expect("a valid date");
            let last = next - Duration::days(1);
            let back = (7 + last.weekday().num_days_from_monday() as i64 - weekday.num_days_from_monday() as i64) % 7;
            last - Duration::days(back)
        }
    };
    vec![
        (fixed(1, 1), "New Year’s Day"),
        (nth(1, Weekday::Mon, 3), "Martin Luther King Jr.’s Birthday"),
        (nth(2, Weekday::Mon, 3), "Washington’s Birthday"),
        (nth(5, Weekday::Mon, -1), "Memorial Day"),
        (fixed(6, 19), "Juneteenth National Independence Day"),
        (fixed(7, 4), "Independence Day"),
        (nth(9, Weekday::Mon, 1), "Labor Day"),
        (nth(10, Weekday::Mon, 2), "Columbus Day"),
        (fixed(11, 11), "Veterans Day"),
        (nth(11, Weekday::Thu, 4), "Thanksgiving Day"),
        (fixed(12, 25), "Christmas Day"),
    ]
}

/// Why the clerk's office is closed on `day` for Rule 6(a)(1)(C), if it is.
pub fn closed(day: NaiveDate) -> Option<&'static str> {
    match day.weekday() {
        Weekday::Sat => return Some("a Saturday"),
        Weekday::Sun => return Some("a Sunday"),
        _ => {}
    }
    // New Year's Day of the next year can be observed on December 31.
    [day.year(), day.year() + 1].into_iter().flat_map(federal_holidays).find(|(d, _)| *d == day).map(|(_, name)| name)
}

/// The last day of a period of `days` after `event` (Rule 6(a)(1)), and the closed days it ran
/// past.
pub fn after(event: NaiveDate, days: i64) -> (NaiveDate, Vec<(NaiveDate, &'static str)>) {
    let mut last = event + Duration::days(days);
    let mut skipped = vec![];
    while let Some(why) = closed(last) {
        skipped.push((last, why));
        last += Duration::days(1);
    }
    (last, skipped)
}

/// The last day of a period of `days` before `event` (Rule 6(a)(1) with 6(a)(5)'s "next day"
/// counted backward).
pub fn before(event: NaiveDate, days: i64) -> (NaiveDate, Vec<(NaiveDate, &'static str)>) {
    let mut last = event - Duration::days(days);
    let mut skipped = vec![];
    while let Some(why) = closed(last) {
        skipped.push((last, why));
        last -= Duration::days(1);
    }
    (last, skipped)
}

/// The due date and how it was reached, or what the matter lacks to compute it.
pub struct Due {
    pub date: NaiveDate,
    /// "14 days after the motion was filed on November 17, 2026, under Civil L.R. 7-3(a), …".
    pub how: String,
}

/// The matter's date at `path` below `facts:`.
fn fact_date(m: &Matter, path: &[&str]) -> Option<NaiveDate> {
    m.fact(path).and_then(|v| v.as_str()).and_then(|s| crate::units::parse_date(s).ok())
}

/// When the brief is due: the date the Court set, or the profile's rule counted from the matter's
/// dates. `Err` names the date the matter does not give.
pub fn due(m: &Matter, rule: Option<&Deadline>, federal: bool) -> Option<Result<Due, String>> {
    if let Some(set) = m.document.due {
        return Some(Ok(Due { date: set.0, how: "the date the Court set (`document.due`)".into() }));
    }
    let rule = rule?;
    let counted = if federal { "counted as Fed. R. Civ. P. 6(a) counts" } else { "counted in calendar days" };
    let skipped_note = |skipped: &[(NaiveDate, &str)]| {
        skipped.iter().map(|(d, why)| format!("; {} is {why}", long_date(*d))).collect::<String>()
    };
    let days = rule.days as i64;
    Some(match rule.from {
        DeadlineFrom::MotionFiled => match fact_date(m, &["motion", "filed"]) {
            Some(filed) => {
                let (date, skipped) = after(filed, days);
                Ok(Due {
                    date,
                    how: format!(
                        "{days} days after the motion was filed on {}, under {}, {counted}{}",
                        long_date(filed),
                        rule.rule,
                        skipped_note(&skipped)
                    ),
                })
            }
            None => Err("counts from the motion’s filing (`motion.filed`)".into()),
        },
        DeadlineFrom::MotionServed => match fact_date(m, &["motion", "served"]) {
            Some(served) => {
                let by = m.fact(&["motion", "served_by"]).and_then(|v| v.as_str()).unwrap_or("electronic");
                let extra = if federal && matches!(by, "mail" | "clerk" | "other") { 3 } else { 0 };
                let (date, skipped) = after(served, days + extra);
                let added = if extra > 0 {
                    format!(", with the 3 days Fed. R. Civ. P. 6(d) adds after service by {by}")
                } else {
                    String::new()
                };
                Ok(Due {
                    date,
                    how: format!(
                        "{days} days after the motion was served on {}, under {}{added}, {counted}{}",
                        long_date(served),
                        rule.rule,
                        skipped_note(&skipped)
                    ),
                })
            }
            None => Err("counts from the motion’s service on the client (`motion.served`)".into()),
        },
        DeadlineFrom::Hearing => match m.document.hearing.as_ref().and_then(|h| h.date) {
            Some(hearing) => {
                let (date, skipped) = before(hearing.0, days);
                Ok(Due {
                    date,
                    how: format!(
                        "{days} days before the hearing on {}, under {}, {counted}{}",
                        hearing.long(),
                        rule.rule,
                        skipped_note(&skipped)
                    ),
                })
            }
            None => Err("counts back from the hearing (`document.hearing.date`)".into()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn holidays_fall_on_their_observed_days() {
        let h: Vec<NaiveDate> = federal_holidays(2026).into_iter().map(|(d, _)| d).collect();
        // 2026: Jan 1 Thu; MLK Jan 19; Presidents Feb 16; Memorial May 25; Juneteenth Jun 19 Fri;
        // July 4 is a Saturday, observed Friday July 3; Labor Sep 7; Columbus Oct 12; Veterans
        // Nov 11 Wed; Thanksgiving Nov 26; Christmas Dec 25 Fri.
        assert_eq!(
            h,
            vec![
                d(2026, 1, 1),
                d(2026, 1, 19),
                d(2026, 2, 16),
                d(2026, 5, 25),
                d(2026, 6, 19),
                d(2026, 7, 3),
                d(2026, 9, 7),
                d(2026, 10, 12),
                d(2026, 11, 11),
                d(2026, 11, 26),
                d(2026, 12, 25),
            ]
        );
        // 2028: New Year's Day is a Saturday, observed Friday December 31, 2027.
        assert_eq!(closed(d(2027, 12, 31)), Some("New Year’s Day"));
        // 2023: Christmas on a Monday; New Year's Day 2023 a Sunday, observed Monday January 2.
        assert_eq!(closed(d(2023, 1, 2)), Some("New Year’s Day"));
    }

    #[test]
    fn a_period_runs_past_weekends_and_holidays() {
        // 14 days after Tuesday November 17, 2026 is Tuesday December 1.
        assert_eq!(after(d(2026, 11, 17), 14).0, d(2026, 12, 1));
        // 14 days after Thursday November 12, 2026 is Thanksgiving, so Friday November 27.
        let (due, skipped) = after(d(2026, 11, 12), 14);
        assert_eq!(due, d(2026, 11, 27));
        assert_eq!(skipped, vec![(d(2026, 11, 26), "Thanksgiving Day")]);
        // Ending on Saturday December 26 runs past Sunday to Monday December 28.
        assert_eq!(after(d(2026, 12, 12), 14).0, d(2026, 12, 28));
        // 21 days before a hearing on Monday, January 11, 2027 is Monday, December 21, 2026;
        // before Sunday, January 17, 2027 it is Sunday, December 27, so back to Saturday and
        // Friday December 25 (Christmas) to Thursday December 24.
        assert_eq!(before(d(2027, 1, 11), 21).0, d(2026, 12, 21));
        assert_eq!(before(d(2027, 1, 17), 21).0, d(2026, 12, 24));
    }
}
