//! Organisations (団体): the body whose policy is audited.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{optional, Store};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    /// Who receives the report (情報セキュリティ委員会, CISO …).
    pub addressee: Option<String>,
    pub created_at: String,
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: r.get(0)?,
        name: r.get(1)?,
        addressee: r.get(2)?,
        created_at: r.get(3)?,
    })
}

impl Store {
    /// Registers an organisation. Names are unique.
    pub fn add_organisation(
        &mut self,
        name: &str,
        addressee: Option<&str>,
    ) -> Result<Organisation> {
        let name = crate::text::clean("name", name, crate::text::Limit::NAME)?;
        let name = name.as_str();
        let addressee = crate::text::clean_opt("addressee", addressee, crate::text::Limit::NAME)?
            .filter(|a| !a.is_empty());
        let addressee = addressee.as_deref();
        if name.is_empty() {
            return Err(Error::invalid(
                "name",
                name,
                "空でない団体名 / a non-empty name",
            ));
        }
        if self.find_organisation(name)?.is_some() {
            return Err(Error::AlreadyExists {
                what: "organisation".into(),
                name: name.into(),
            });
        }
        self.write(|t| {
            t.tx.execute(
                "INSERT INTO organisations (name, addressee, created_at) VALUES (?1, ?2, ?3)",
                params![name, addressee, t.now],
            )?;
            let id = t.tx.last_insert_rowid();
            let org = Organisation {
                id,
                name: name.into(),
                addressee: addressee.map(Into::into),
                created_at: t.now.clone(),
            };
            t.log(
                "organisation.add",
                "organisation",
                id,
                None::<&()>,
                Some(&org),
            )?;
            Ok(org)
        })
    }

    pub fn list_organisations(&self) -> Result<Vec<Organisation>> {
        self.rows(
            "SELECT id, name, addressee, created_at FROM organisations ORDER BY id",
            [],
            row,
        )
    }

    /// By id (digits) or exact name.
    pub fn find_organisation(&self, reference: &str) -> Result<Option<Organisation>> {
        let sql = "SELECT id, name, addressee, created_at FROM organisations WHERE name = ?1 OR (CAST(id AS TEXT) = ?1)";
        optional(self.conn().query_row(sql, [reference.trim()], row))
    }

    pub fn organisation(&self, reference: &str) -> Result<Organisation> {
        self.find_organisation(reference)?
            .ok_or_else(|| Error::UnknownOrganisation(reference.to_string()))
    }
}
