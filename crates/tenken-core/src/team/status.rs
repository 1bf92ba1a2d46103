//! Who holds what: the shares the lead made (member, departments, when) with the time of each
//! member's last merged return, and, on a member's laptop, what it joined. Read-only (the
//! window's dashboard and team screen).

use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::error::Result;
use crate::store::Store;

/// One share made by this store (the lead's side).
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TeamMember {
    pub baseline_id: String,
    /// The member's name as given when sharing ("" when none was given).
    pub member: String,
    pub departments: Vec<String>,
    pub shared_at: String,
    /// When a return package of this share was last merged (None: not returned yet).
    pub last_returned_at: Option<String>,
    pub returns_merged: u32,
    /// Conflicts from this member's returns still waiting for a decision.
    pub open_conflicts: u32,
}

/// The team picture of one assessment.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TeamStatus {
    /// Shares made by this store, newest first.
    pub shares: Vec<TeamMember>,
    /// On a member's laptop: the share it joined (departments and when it last returned).
    pub joined: Option<TeamMember>,
    pub open_conflicts: u32,
}

impl Store {
    /// `TeamStatus` of `assessment` (an unknown assessment is refused).
    pub fn team_status(&self, assessment: i64) -> Result<TeamStatus> {
        super::identity(self, assessment)?;
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT s.baseline_id, s.member, s.departments_json, s.shared_at,
                    (SELECT max(m.merged_at) FROM team_merges m WHERE m.baseline_id = s.baseline_id),
                    (SELECT count(*) FROM team_merges m WHERE m.baseline_id = s.baseline_id),
                    (SELECT count(*) FROM team_conflicts c WHERE c.baseline_id = s.baseline_id AND c.status = 'open')
             FROM team_shares s WHERE s.assessment_id = ?1 ORDER BY s.shared_at DESC, s.baseline_id DESC",
        )?;
        let shares = stmt
            .query_map([assessment], |r| {
                let depts: String = r.get(2)?;
                Ok(TeamMember {
                    baseline_id: r.get(0)?,
                    member: r.get(1)?,
                    departments: serde_json::from_str(&depts).unwrap_or_default(),
                    shared_at: r.get(3)?,
                    last_returned_at: r.get(4)?,
                    returns_merged: r.get(5)?,
                    open_conflicts: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let joined = conn
            .query_row(
                "SELECT baseline_id, member, departments_json, joined_at, returned_at
                 FROM team_memberships WHERE assessment_id = ?1",
                [assessment],
                |r| {
                    let depts: String = r.get(2)?;
                    Ok(TeamMember {
                        baseline_id: r.get(0)?,
                        member: r.get(1)?,
                        departments: serde_json::from_str(&depts).unwrap_or_default(),
                        shared_at: r.get(3)?,
                        last_returned_at: r.get(4)?,
                        returns_merged: 0,
                        open_conflicts: 0,
                    })
                },
            )
            .optional()?;
        let open_conflicts: u32 = conn.query_row(
            "SELECT count(*) FROM team_conflicts WHERE assessment_id = ?1 AND status = 'open'",
            [assessment],
            |r| r.get(0),
        )?;
        Ok(TeamStatus {
            shares,
            joined,
            open_conflicts,
        })
    }
}

/// A conflict as the window's conflict screen shows it: the conflict and when the lead's
/// current value was last changed (the record's `updated_at`; None for a removed record or
/// a table without one). The CLI's `team conflicts` JSON is unchanged.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConflictView {
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub conflict: super::Conflict,
    pub lead_at: Option<String>,
}

impl Store {
    /// `team_conflicts` with the time of the lead's current value of each record.
    pub fn team_conflict_views(&self, assessment: i64) -> Result<Vec<ConflictView>> {
        let list = self.team_conflicts(assessment)?;
        let conn = self.conn();
        let mut out = Vec::with_capacity(list.len());
        for conflict in list {
            let (table, row_id): (String, i64) = conn.query_row(
                "SELECT table_name, row_id FROM team_conflicts WHERE id = ?1",
                [conflict.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let has_updated_at = super::FIELD_TABLES.contains(&table.as_str())
                && conn.query_row(
                    "SELECT count(*) FROM pragma_table_info(?1) WHERE name = 'updated_at'",
                    [&table],
                    |r| r.get::<_, i64>(0),
                )? > 0;
            let lead_at = if has_updated_at {
                // The table name comes from FIELD_TABLES (checked above), never from input.
                conn.query_row(
                    &format!("SELECT updated_at FROM {table} WHERE id = ?1"),
                    [row_id],
                    |r| r.get::<_, Option<String>>(0),
                )
                .optional()?
                .flatten()
            } else {
                None
            };
            out.push(ConflictView { conflict, lead_at });
        }
        Ok(out)
    }
}
