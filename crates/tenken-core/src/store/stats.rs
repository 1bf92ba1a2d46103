//! How much the store holds (the About panel's diagnostics): counts only, nothing of the content.

use serde::Serialize;

use super::Store;
use crate::Result;

/// Row counts of the main tables.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoreCounts {
    pub organisations: i64,
    pub policies: i64,
    pub assessments: i64,
    pub departments: i64,
    pub answers: i64,
    pub findings: i64,
    pub evidence: i64,
    pub audit_log: i64,
}

impl Store {
    /// Row counts of the main tables (one read transaction, so they agree with each other).
    pub fn counts(&self) -> Result<StoreCounts> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        self.conn.execute_batch("BEGIN")?;
        let counts = (|| {
            Ok(StoreCounts {
                organisations: count("organisations")?,
                policies: count("policy_documents")?,
                assessments: count("assessments")?,
                departments: count("assessment_departments")?,
                answers: count("responses")?,
                findings: count("findings")?,
                evidence: count("evidence")?,
                audit_log: count("audit_log")?,
            })
        })();
        self.conn.execute_batch("COMMIT")?;
        counts
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn counts_follow_what_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let empty = store.counts().unwrap();
        assert_eq!(empty.organisations, 0);
        assert_eq!(empty.assessments, 0);
        store.add_organisation("南幌町", None).unwrap();
        let after = store.counts().unwrap();
        assert_eq!(after.organisations, 1);
        assert!(after.audit_log > empty.audit_log, "the addition was logged");
    }
}
