//! Scope per department: which checklist items apply to which department of an assessment.
//!
//! The frozen checklist never changes; scope only says which of its items a department is
//! asked. Three layers, the most specific wins:
//!
//! 1. **Item inclusion/exclusion** per department × item (`scope_items`): the auditor's choice.
//! 2. **The department's role** (`assessment_departments.role`): 全庁の管理部門 (`management`),
//!    情報システム所管課 (`systems`), 一般の課 (`general`); the items' respondent tier decides
//!    through the rules — the built-in [`default_applies`] unless the assessment changed a
//!    rule (`scope_rules`).
//! 3. A department **without a role** is asked every item (stores made before scope existed
//!    keep their counts).
//!
//! Out of scope is not the rating 対象外 (N/A): an out-of-scope item is not asked, not
//! counted, not on the department's sheet or in its report columns. An answer recorded before
//! the item went out of scope stays stored (nothing is destroyed; putting the item back in
//! scope shows it again) but is not counted or reported; new answers to it are refused.

use std::collections::HashMap;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{Department, Store};
use crate::checklist::{Item, TIERS};
use crate::error::{Error, Result};

/// Department roles, in display order.
pub const ROLES: [&str; 3] = ["management", "systems", "general"];

/// The built-in rule: does an item of respondent `tier` apply to a department of `role`?
/// 全庁の管理部門 answers everything; 情報システム所管課 every item but the executive ones
/// (CISO, CSIRT, the committee); 一般の課 the manager and staff items.
pub fn default_applies(tier: &str, role: &str) -> bool {
    match role {
        "management" => true,
        "systems" => tier != "executive",
        _ => matches!(tier, "manager" | "staff"),
    }
}

/// One cell of the rule matrix.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScopeRule {
    pub tier: String,
    pub role: String,
    pub applies: bool,
    /// True when the assessment keeps the built-in value.
    pub builtin: bool,
}

/// One item's scope for one department, and why.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemScope {
    pub item_id: String,
    /// The question (Japanese; the window shows it in its language).
    pub question: String,
    pub tier: String,
    pub applies: bool,
    /// "item" (set for this department and item), "rule" (by the department's role), "no_role".
    pub by: String,
    /// An answer (rating or note) is stored although the item is out of scope.
    pub hidden_answer: bool,
}

/// The scope of one department.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DepartmentScope {
    pub department: Department,
    pub role: Option<String>,
    pub items_in: u32,
    pub items_out: u32,
    /// Items set individually: [item id, included].
    pub overrides: Vec<(String, bool)>,
    /// Answers stored for items now out of scope (kept, not counted).
    pub hidden_answers: u32,
}

/// An assessment's scope: the rule matrix and every department's summary.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScopeView {
    pub assessment_id: i64,
    pub item_count: u32,
    pub rules: Vec<ScopeRule>,
    pub departments: Vec<DepartmentScope>,
}

/// The scope as a lookup (read once per use case).
#[derive(Debug, Clone, Default)]
pub struct ScopeMap {
    roles: HashMap<i64, String>,
    rules: HashMap<(String, String), bool>,
    items: HashMap<(i64, String), bool>,
}

impl ScopeMap {
    /// Why and whether `item` applies to department `department_id`.
    fn decide(&self, department_id: i64, item: &Item) -> (bool, &'static str) {
        if let Some(v) = self.items.get(&(department_id, item.id.clone())) {
            return (*v, "item");
        }
        match self.roles.get(&department_id) {
            None => (true, "no_role"),
            Some(role) => (
                self.rules
                    .get(&(item.tier.clone(), role.clone()))
                    .copied()
                    .unwrap_or_else(|| default_applies(&item.tier, role)),
                "rule",
            ),
        }
    }

    /// Whether `item` is asked of department `department_id`.
    pub fn applies(&self, department_id: i64, item: &Item) -> bool {
        if self.roles.is_empty() && self.items.is_empty() {
            return true;
        }
        self.decide(department_id, item).0
    }

    /// True when every item applies to every department (no role, no individual exclusion).
    pub fn is_everything(&self) -> bool {
        self.roles.is_empty() && self.items.values().all(|v| *v)
    }

    fn rule(&self, tier: &str, role: &str) -> (bool, bool) {
        match self.rules.get(&(tier.to_string(), role.to_string())) {
            Some(v) => (*v, *v == default_applies(tier, role)),
            None => (default_applies(tier, role), true),
        }
    }
}

fn check_role(role: &str) -> Result<()> {
    if ROLES.contains(&role) {
        Ok(())
    } else {
        Err(Error::invalid(
            "role",
            role,
            "management（全庁の管理部門）/ systems（情報システム所管課）/ general（一般の課）",
        ))
    }
}

fn check_tier(tier: &str) -> Result<()> {
    if TIERS.contains(&tier) {
        Ok(())
    } else {
        Err(Error::invalid("tier", tier, TIERS.join(" / ")))
    }
}

/// The label of a role (Fluent `scope-role-*`).
pub fn role_key(role: Option<&str>) -> &str {
    role.unwrap_or("none")
}

impl Store {
    /// The scope lookup of an assessment.
    pub fn scope_map(&self, assessment: i64) -> Result<ScopeMap> {
        let c = self.conn();
        let mut m = ScopeMap::default();
        let mut s = c.prepare_cached(
            "SELECT department_id, role FROM assessment_departments WHERE assessment_id = ?1 AND role IS NOT NULL",
        )?;
        for r in s.query_map([assessment], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (d, role): (i64, String) = r?;
            m.roles.insert(d, role);
        }
        let mut s = c.prepare_cached(
            "SELECT tier, role, applies FROM scope_rules WHERE assessment_id = ?1",
        )?;
        for r in s.query_map([assessment], |r| {
            Ok(((r.get(0)?, r.get(1)?), r.get::<_, bool>(2)?))
        })? {
            let (k, v) = r?;
            m.rules.insert(k, v);
        }
        let mut s = c.prepare_cached(
            "SELECT department_id, item_id, included FROM scope_items WHERE assessment_id = ?1",
        )?;
        for r in s.query_map([assessment], |r| {
            Ok(((r.get(0)?, r.get(1)?), r.get::<_, bool>(2)?))
        })? {
            let (k, v) = r?;
            m.items.insert(k, v);
        }
        Ok(m)
    }

    /// The items of the frozen checklist asked of one department, in checklist order.
    pub fn items_in_scope(&self, assessment: i64, department_id: i64) -> Result<Vec<Item>> {
        let a = self.frozen(assessment)?;
        let m = self.scope_map(assessment)?;
        Ok(a.checklist
            .items
            .iter()
            .filter(|i| m.applies(department_id, i))
            .cloned()
            .collect())
    }

    /// Refuses an answer to an item out of a department's scope.
    pub(crate) fn check_in_scope(
        &self,
        assessment: i64,
        department: &Department,
        item: &Item,
    ) -> Result<()> {
        if self.scope_map(assessment)?.applies(department.id, item) {
            Ok(())
        } else {
            Err(Error::OutOfScope {
                department: department.name.clone(),
                item: item.id.clone(),
            })
        }
    }

    /// The scope of an assessment: the rule matrix and each department's counts.
    pub fn scope(&self, assessment: i64) -> Result<ScopeView> {
        let a = self.frozen(assessment)?;
        let m = self.scope_map(assessment)?;
        let answered = self.answered_pairs(assessment)?;
        let mut rules = vec![];
        for tier in TIERS {
            for role in ROLES {
                let (applies, builtin) = m.rule(tier, role);
                rules.push(ScopeRule {
                    tier: tier.into(),
                    role: role.into(),
                    applies,
                    builtin,
                });
            }
        }
        let mut departments = vec![];
        for d in self.departments(assessment)? {
            let (mut items_in, mut items_out, mut hidden) = (0, 0, 0);
            for i in &a.checklist.items {
                if m.applies(d.id, i) {
                    items_in += 1;
                } else {
                    items_out += 1;
                    if answered.contains(&(d.id, i.id.clone())) {
                        hidden += 1;
                    }
                }
            }
            let mut overrides: Vec<(String, bool)> = m
                .items
                .iter()
                .filter(|((dep, _), _)| *dep == d.id)
                .map(|((_, item), v)| (item.clone(), *v))
                .collect();
            overrides.sort();
            departments.push(DepartmentScope {
                role: m.roles.get(&d.id).cloned(),
                department: d,
                items_in,
                items_out,
                overrides,
                hidden_answers: hidden,
            });
        }
        Ok(ScopeView {
            assessment_id: assessment,
            item_count: a.checklist.items.len() as u32,
            rules,
            departments,
        })
    }

    /// Every item's scope for one department, in checklist order.
    pub fn department_scope(&self, assessment: i64, department: &str) -> Result<Vec<ItemScope>> {
        let a = self.frozen(assessment)?;
        let d = self.department(assessment, department)?;
        let m = self.scope_map(assessment)?;
        let answered = self.answered_pairs(assessment)?;
        Ok(a.checklist
            .items
            .iter()
            .map(|i| {
                let (applies, by) = m.decide(d.id, i);
                ItemScope {
                    item_id: i.id.clone(),
                    question: i.question.ja.clone(),
                    tier: i.tier.clone(),
                    applies,
                    by: by.into(),
                    hidden_answer: !applies && answered.contains(&(d.id, i.id.clone())),
                }
            })
            .collect())
    }

    /// Items asked × departments and rated answers among them, following the scope; None
    /// when every item applies to every department (the plain SQL counts are right).
    pub fn scoped_counts(&self, assessment: i64) -> Result<Option<(i64, i64)>> {
        let m = self.scope_map(assessment)?;
        if m.roles.is_empty() && m.items.is_empty() {
            return Ok(None);
        }
        let a = self.frozen(assessment)?;
        let rated: std::collections::HashSet<(i64, String)> = self
            .rows(
                "SELECT department_id, item_id FROM responses WHERE assessment_id = ?1 AND rating IS NOT NULL",
                [assessment],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .into_iter()
            .collect();
        let (mut items, mut answered) = (0, 0);
        for d in self.departments(assessment)? {
            for i in &a.checklist.items {
                if m.applies(d.id, i) {
                    items += 1;
                    if rated.contains(&(d.id, i.id.clone())) {
                        answered += 1;
                    }
                }
            }
        }
        Ok(Some((items, answered)))
    }

    fn answered_pairs(&self, assessment: i64) -> Result<std::collections::HashSet<(i64, String)>> {
        Ok(self
            .rows(
                "SELECT department_id, item_id FROM responses WHERE assessment_id = ?1 AND (rating IS NOT NULL OR note <> '')",
                [assessment],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .into_iter()
            .collect())
    }

    /// Sets (or with `None` clears) a department's role in an assessment.
    pub fn set_department_role(
        &mut self,
        assessment: i64,
        department: &str,
        role: Option<&str>,
    ) -> Result<DepartmentScope> {
        self.frozen(assessment)?;
        let d = self.department(assessment, department)?;
        if let Some(r) = role {
            check_role(r)?;
        }
        let before: Option<String> = self.conn().query_row(
            "SELECT role FROM assessment_departments WHERE assessment_id = ?1 AND department_id = ?2",
            params![assessment, d.id],
            |r| r.get(0),
        )?;
        if before.as_deref() != role {
            self.write(|t| {
                t.tx.execute(
                    "UPDATE assessment_departments SET role = ?1 WHERE assessment_id = ?2 AND department_id = ?3",
                    params![role, assessment, d.id],
                )?;
                t.log(
                    "scope.role",
                    "assessment_department",
                    format!("{assessment}/{}", d.id),
                    Some(&serde_json::json!({"department": d.name, "role": before})),
                    Some(&serde_json::json!({"department": d.name, "role": role})),
                )
            })?;
        }
        self.department_summary(assessment, d.id)
    }

    fn department_summary(&self, assessment: i64, department_id: i64) -> Result<DepartmentScope> {
        self.scope(assessment)?
            .departments
            .into_iter()
            .find(|d| d.department.id == department_id)
            .ok_or_else(|| Error::UnknownDepartment {
                assessment,
                department: department_id.to_string(),
            })
    }

    /// Sets whether items of `tier` apply to departments of `role`; `None` goes back to the
    /// built-in rule.
    pub fn set_scope_rule(
        &mut self,
        assessment: i64,
        tier: &str,
        role: &str,
        applies: Option<bool>,
    ) -> Result<ScopeRule> {
        self.frozen(assessment)?;
        check_tier(tier)?;
        check_role(role)?;
        let m = self.scope_map(assessment)?;
        let before = m.rules.get(&(tier.to_string(), role.to_string())).copied();
        if before != applies {
            self.write(|t| {
                match applies {
                    Some(v) => t.tx.execute(
                        "INSERT INTO scope_rules (assessment_id, tier, role, applies) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (assessment_id, tier, role) DO UPDATE SET applies = excluded.applies",
                        params![assessment, tier, role, v],
                    )?,
                    None => t.tx.execute(
                        "DELETE FROM scope_rules WHERE assessment_id = ?1 AND tier = ?2 AND role = ?3",
                        params![assessment, tier, role],
                    )?,
                };
                t.log(
                    "scope.rule",
                    "assessment",
                    assessment,
                    Some(&serde_json::json!({"tier": tier, "role": role, "applies": before})),
                    Some(&serde_json::json!({"tier": tier, "role": role, "applies": applies})),
                )
            })?;
        }
        let applies = applies.unwrap_or_else(|| default_applies(tier, role));
        Ok(ScopeRule {
            tier: tier.into(),
            role: role.into(),
            applies,
            builtin: applies == default_applies(tier, role),
        })
    }

    /// Includes (`Some(true)`), excludes (`Some(false)`) or returns to the role's rule
    /// (`None`) one item for one department.
    pub fn set_item_scope(
        &mut self,
        assessment: i64,
        department: &str,
        item: &str,
        included: Option<bool>,
    ) -> Result<ItemScope> {
        let a = self.frozen(assessment)?;
        let d = self.department(assessment, department)?;
        if a.checklist.item(item).is_none() {
            return Err(Error::UnknownItem {
                assessment,
                item: item.to_string(),
            });
        }
        let m = self.scope_map(assessment)?;
        let before = m.items.get(&(d.id, item.to_string())).copied();
        if before != included {
            self.write(|t| {
                match included {
                    Some(v) => t.tx.execute(
                        "INSERT INTO scope_items (assessment_id, department_id, item_id, included) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (assessment_id, department_id, item_id) DO UPDATE SET included = excluded.included",
                        params![assessment, d.id, item, v],
                    )?,
                    None => t.tx.execute(
                        "DELETE FROM scope_items WHERE assessment_id = ?1 AND department_id = ?2 AND item_id = ?3",
                        params![assessment, d.id, item],
                    )?,
                };
                t.log(
                    "scope.item",
                    "assessment_department",
                    format!("{assessment}/{}", d.id),
                    Some(&serde_json::json!({"department": d.name, "item_id": item, "included": before})),
                    Some(&serde_json::json!({"department": d.name, "item_id": item, "included": included})),
                )
            })?;
        }
        self.department_scope(assessment, &d.id.to_string())?
            .into_iter()
            .find(|s| s.item_id == item)
            .ok_or_else(|| Error::UnknownItem {
                assessment,
                item: item.to_string(),
            })
    }
}
