//! The report's sections, one module each. Every section is a function from a [`Ctx`] (the
//! export, the language and what is computed once from them) to blocks; the committee report,
//! the department notices and the DOCX writer put the same sections together.

pub mod approval;
pub mod cover;
pub mod evidence;
pub mod findings;
pub mod followup;
pub mod matrix;
pub mod notice;
pub mod outline;
pub mod remarks;
pub mod summary;
pub mod yoy;

use std::collections::HashMap;

use chrono::NaiveDate;
use tenken_core::calendar::{english_date, fiscal_year_label, fiscal_year_label_en, wareki_date};
use tenken_core::checklist::TOPIC_KEYS;
use tenken_core::export::AssessmentExport;
use tenken_core::i18n::{tr, Arg};
use tenken_core::store::Response;
use tenken_core::{AssessmentKind, Lang, ScaleKind};

use crate::layout::{Block, Color};

/// How a report is issued: a draft (watermarked 案) or a numbered final version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    Draft,
    Final { version: i64 },
}

/// The export and language a report is made from, and what every section needs from them.
pub struct Ctx<'a> {
    pub e: &'a AssessmentExport,
    pub lang: Lang,
    pub today: NaiveDate,
    pub fingerprint: &'a str,
    pub issue: Issue,
    /// The answer of (department, item id).
    pub answer: HashMap<(&'a str, &'a str), &'a Response>,
    /// Policy areas present in the checklist, in the bank's order.
    pub topics: Vec<String>,
    pub none: String,
    pub sep: String,
}

impl<'a> Ctx<'a> {
    pub fn new(
        e: &'a AssessmentExport,
        lang: Lang,
        fingerprint: &'a str,
        today: NaiveDate,
        issue: Issue,
    ) -> Ctx<'a> {
        let answer = e
            .answers
            .iter()
            .map(|r| ((r.department.as_str(), r.item_id.as_str()), r))
            .collect();
        let items = &e.assessment.checklist.items;
        let mut topics: Vec<String> = TOPIC_KEYS
            .iter()
            .filter(|k| items.iter().any(|i| i.topic == **k))
            .map(|k| k.to_string())
            .collect();
        for i in items {
            if !topics.contains(&i.topic) {
                topics.push(i.topic.clone());
            }
        }
        Ctx {
            e,
            lang,
            today,
            fingerprint,
            issue,
            answer,
            topics,
            none: t(lang, "report-none", &[]),
            sep: t(lang, "report-list-sep", &[]),
        }
    }

    /// Whether the item is asked of the department (scope per department).
    pub fn in_scope(&self, department: &str, item: &str) -> bool {
        self.e.in_scope(department, item)
    }
    pub fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        tr(self.lang, id, args)
    }
    pub fn audit(&self) -> bool {
        self.e.assessment.kind != AssessmentKind::SelfInspection
    }
    pub fn scale(&self) -> ScaleKind {
        self.e.assessment.scale
    }
    pub fn date(&self, d: NaiveDate) -> String {
        date(self.lang, d)
    }
    pub fn date_or_none(&self, d: Option<NaiveDate>) -> String {
        d.map(|d| self.date(d)).unwrap_or_else(|| self.none.clone())
    }
    /// "2026-11-21" or an RFC 3339 timestamp, as a date in the report's language.
    pub fn date_str(&self, s: &str) -> String {
        NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
            .map(|d| self.date(d))
            .unwrap_or_else(|_| s.to_string())
    }
    /// A numbered section title: "3　指摘事項" / "3. Findings".
    pub fn num(&self, n: usize, text: String) -> String {
        match self.lang {
            Lang::Ja => format!("{n}　{text}"),
            Lang::En => format!("{n}. {text}"),
        }
    }
    pub fn or_none(&self, s: &str) -> String {
        if s.trim().is_empty() {
            self.none.clone()
        } else {
            s.to_string()
        }
    }
    pub fn rating_label(&self, key: Option<&str>) -> String {
        match key {
            Some(k) => self.scale().rating_label(k, self.lang),
            None => self.t("report-col-unrated", &[]),
        }
    }
    pub fn topic_label(&self, k: &str) -> String {
        match tenken_core::i18n::try_tr(self.lang, &format!("report-topic-{k}"), &[]) {
            Ok(s) => s,
            Err(_) => self.t("report-topic-other", &[]),
        }
    }
    pub fn title(&self) -> String {
        title(self.e, self.lang)
    }
}

pub fn para(text: String) -> Block {
    Block::Para {
        text,
        size: 9.5,
        indent: 0.0,
        color: Color::BLACK,
    }
}
pub fn note(text: String) -> Block {
    Block::Para {
        text,
        size: 7.5,
        indent: 0.0,
        color: Color::GREY,
    }
}
pub fn h1(text: String) -> Block {
    Block::Heading {
        level: 1,
        text,
        toc: true,
    }
}
pub fn h2(text: String, toc: bool) -> Block {
    Block::Heading {
        level: 2,
        text,
        toc,
    }
}

pub(crate) fn t(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    tr(lang, id, args)
}

pub(crate) fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Ja => wareki_date(d),
        Lang::En => english_date(d),
    }
}

pub fn title(e: &AssessmentExport, lang: Lang) -> String {
    let year = match lang {
        Lang::Ja => fiscal_year_label(e.assessment.fiscal_year),
        Lang::En => fiscal_year_label_en(e.assessment.fiscal_year),
    };
    let kind = if e.assessment.kind != AssessmentKind::SelfInspection {
        "audit"
    } else {
        "self_inspection"
    };
    t(
        lang,
        "report-title",
        &[("year", year.into()), ("kind", kind.into())],
    )
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
