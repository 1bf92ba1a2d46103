//! 年度 (fiscal year, April–March) and 和暦 (Japanese era) formatting used by all human output.

use chrono::{Datelike, NaiveDate};

/// The fiscal year (年度) a date belongs to: April 1 of year Y to March 31 of Y+1 is 年度 Y.
pub fn fiscal_year(date: NaiveDate) -> i32 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// A Japanese era, with the first day it was in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Era {
    pub name: &'static str,
    pub romaji: &'static str,
    pub first_day: (i32, u32, u32),
}

/// Modern eras, newest first. Dates before 昭和 fall back to the Gregorian year.
const ERAS: [Era; 4] = [
    Era {
        name: "令和",
        romaji: "Reiwa",
        first_day: (2019, 5, 1),
    },
    Era {
        name: "平成",
        romaji: "Heisei",
        first_day: (1989, 1, 8),
    },
    Era {
        name: "昭和",
        romaji: "Showa",
        first_day: (1926, 12, 25),
    },
    Era {
        name: "大正",
        romaji: "Taisho",
        first_day: (1912, 7, 30),
    },
];

/// The era of a date and the year within it (1 = 元年), or None before 大正.
pub fn era_of(date: NaiveDate) -> Option<(Era, i32)> {
    ERAS.iter().find_map(|era| {
        let (y, m, d) = era.first_day;
        let first = NaiveDate::from_ymd_opt(y, m, d)?;
        (date >= first).then(|| (*era, date.year() - y + 1))
    })
}

fn era_year_text(era: &Era, year: i32) -> String {
    if year == 1 {
        format!("{}元年", era.name)
    } else {
        format!("{}{}年", era.name, year)
    }
}

/// 和暦 date: 2019-05-01 → "令和元年5月1日", 2019-04-30 → "平成31年4月30日".
pub fn wareki_date(date: NaiveDate) -> String {
    match era_of(date) {
        Some((era, year)) => format!(
            "{}{}月{}日",
            era_year_text(&era, year),
            date.month(),
            date.day()
        ),
        None => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// 年度 label in 和暦: 2026 → "令和8年度", 2019 → "令和元年度", 2018 → "平成30年度".
///
/// A fiscal year is named by the era in force on its first day (April 1), except that the
/// year in which 令和 began (2019, which started under 平成) is conventionally 令和元年度.
pub fn fiscal_year_label(fy: i32) -> String {
    let Some(start) = NaiveDate::from_ymd_opt(fy, 4, 1) else {
        return format!("{fy}年度");
    };
    // Name the fiscal year by the era in force at its end of May: this gives 令和元年度 for 2019.
    let probe = NaiveDate::from_ymd_opt(fy, 5, 1).unwrap_or(start);
    match era_of(probe) {
        Some((era, year)) => format!("{}度", era_year_text(&era, year)),
        None => format!("{fy}年度"),
    }
}

/// English fiscal-year label: 2026 → "FY2026 (Reiwa 8)".
pub fn fiscal_year_label_en(fy: i32) -> String {
    let probe = NaiveDate::from_ymd_opt(fy, 5, 1);
    match probe.and_then(era_of) {
        Some((era, year)) => format!("FY{fy} ({} {year})", era.romaji),
        None => format!("FY{fy}"),
    }
}

/// English date: "1 May 2019".
pub fn english_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// How far from its fiscal year a date of an assessment may lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRule {
    /// When work is done (interviews, the audit period): within the fiscal year, give or take
    /// a year (a 令和8年度 audit may be prepared in March or reported in the next April).
    Fieldwork,
    /// A due date for an improvement: not before the fiscal year starts, at most ten years on.
    Due,
}

/// Checks that `date` (for `field`) fits an assessment of fiscal year `fy`; the message says
/// which range is accepted and why.
pub fn check_date(field: &str, date: NaiveDate, fy: i32, rule: DateRule) -> crate::Result<()> {
    let start = NaiveDate::from_ymd_opt(fy, 4, 1).unwrap_or(NaiveDate::MIN);
    let end = NaiveDate::from_ymd_opt(fy + 1, 3, 31).unwrap_or(NaiveDate::MAX);
    let (from, to, why) = match rule {
        DateRule::Fieldwork => (
            start.with_year(fy - 1).unwrap_or(start),
            end.with_year(fy + 2).unwrap_or(end),
            "年度の前後1年以内 / within a year of the fiscal year",
        ),
        DateRule::Due => (
            start,
            end.with_year(fy + 11).unwrap_or(end),
            "年度の開始日から10年以内 / from the start of the fiscal year, at most ten years on",
        ),
    };
    if date < from || date > to {
        return Err(crate::Error::invalid(
            field,
            date,
            format!("{from} ～ {to}（{why}）"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn fiscal_year_turns_on_april_first() {
        assert_eq!(fiscal_year(d(2027, 3, 31)), 2026);
        assert_eq!(fiscal_year(d(2026, 4, 1)), 2026);
        assert_eq!(fiscal_year(d(2026, 3, 31)), 2025);
        assert_eq!(fiscal_year(d(2026, 12, 31)), 2026);
        assert_eq!(fiscal_year(d(2027, 1, 1)), 2026);
    }

    #[test]
    fn era_boundaries() {
        assert_eq!(wareki_date(d(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(wareki_date(d(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(wareki_date(d(2020, 1, 1)), "令和2年1月1日");
        assert_eq!(wareki_date(d(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(wareki_date(d(1989, 1, 8)), "平成元年1月8日");
        assert_eq!(wareki_date(d(1926, 12, 25)), "昭和元年12月25日");
        assert_eq!(wareki_date(d(2026, 11, 21)), "令和8年11月21日");
        assert_eq!(wareki_date(d(1900, 1, 1)), "1900年1月1日");
    }

    #[test]
    fn fiscal_year_labels() {
        assert_eq!(fiscal_year_label(2026), "令和8年度");
        assert_eq!(fiscal_year_label(2019), "令和元年度");
        assert_eq!(fiscal_year_label(2018), "平成30年度");
        assert_eq!(fiscal_year_label(1989), "平成元年度");
        assert_eq!(fiscal_year_label_en(2026), "FY2026 (Reiwa 8)");
        assert_eq!(english_date(d(2019, 5, 1)), "1 May 2019");
    }
}
