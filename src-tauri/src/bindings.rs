//! TypeScript types of everything the commands take and return, generated from the Rust types
//! (ts-rs) into `ui/src/lib/bindings.ts`. The test `bindings_are_up_to_date` fails when the
//! checked-in file differs from what the Rust types say (CI runs it);
//! `TENKEN_WRITE_BINDINGS=1 cargo test -p tenken-app bindings` rewrites it.

use ts_rs::TS;

use crate::commands::{
    about, checklist, edits, encryption, evidence, findings, policy, report, settings, sheets,
    team, unlock,
};
use tenken_core::checklist::derive as d;
use tenken_core::{store as s, views as v};

macro_rules! decls {
    ($($t:ty),* $(,)?) => { vec![$(<$t as TS>::decl()),*] };
}

/// The whole file, deterministic.
pub fn typescript() -> String {
    let decls = decls![
        tenken_core::Lang,
        tenken_core::AssessmentKind,
        tenken_core::ScaleKind,
        tenken_core::ClassificationScheme,
        tenken_core::Priority,
        tenken_core::FindingStatus,
        tenken_core::EvidenceKind,
        s::Organisation,
        s::AssessmentSummary,
        s::Department,
        s::Interview,
        s::NewInterview,
        s::Response,
        s::Finding,
        s::NewFinding,
        s::Evidence,
        s::EvidenceLink,
        d::Profile,
        d::KeptItem,
        d::LeftOutItem,
        d::UncoveredSection,
        d::Coverage,
        d::Derivation,
        v::ChecklistInfo,
        v::PolicySummary,
        v::SectionRow,
        v::TopicRow,
        v::PolicyView,
        v::PolicyChanges,
        v::RatingChoice,
        v::Area,
        v::AssessmentHead,
        v::Cell,
        v::DashboardRow,
        v::Dashboard,
        v::SheetItem,
        v::InterviewSheet,
        policy::PolicyImport,
        checklist::DeriveRequest,
        checklist::DeriveResult,
        checklist::CreateAssessmentRequest,
        findings::FindingEdit,
        evidence::LinkRequest,
        evidence::CopyProgress,
        report::ReportProgress,
        report::ReportResult,
        report::ReportTarget,
        report::NoticesResult,
        crate::commands::assessment::YearRow,
        crate::commands::assessment::YearComparison,
        s::ReportIssue,
        settings::Settings,
        s::StoreCounts,
        about::About,
        settings::BackupDone,
        sheets::SheetsWritten,
        sheets::OnConflict,
        sheets::SheetImport,
        edits::FrontMatter,
        s::InterviewChange,
        s::Remark,
        tenken_core::RemarkKind,
        tenken_core::readiness::Gap,
        tenken_core::readiness::ReportDetails,
        s::ScopeRule,
        s::ItemScope,
        s::DepartmentScope,
        s::ScopeView,
        tenken_core::team::ShareReport,
        tenken_core::team::JoinReport,
        tenken_core::team::ReturnReport,
        tenken_core::team::Conflict,
        tenken_core::team::ConflictView,
        tenken_core::team::merge::PackageReport,
        tenken_core::team::MergeReport,
        tenken_core::team::TeamMember,
        tenken_core::team::TeamStatus,
        team::ConflictChoice,
        crate::state::LockState,
        unlock::LockInfo,
        encryption::EncryptionOn,
        encryption::EncryptionOff,
        settings::BackupInfo,
        crate::command_error::CommandError,
    ];
    let mut out = String::from(
        "// GENERATED from the Rust types by src-tauri/src/bindings.rs (ts-rs). Do not edit.\n\
         // Regenerate: TENKEN_WRITE_BINDINGS=1 cargo test -p tenken-app bindings\n\
         // 64-bit integers are ids and counts sent as JSON numbers: typed `number`, not `bigint`.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl.replace("bigint", "number"));
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn bindings_are_up_to_date() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
        let fresh = super::typescript();
        if std::env::var_os("TENKEN_WRITE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == fresh,
            "ui/src/lib/bindings.ts is stale: run `TENKEN_WRITE_BINDINGS=1 cargo test -p tenken-app bindings` and commit it"
        );
    }
}
