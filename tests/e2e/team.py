#!/usr/bin/env python3
"""End-to-end: the audit team's merge and conflict screen in the real window.

Prepared with the CLI (three stores: the lead's demo store and two members'): the lead shares
総務課+市民課 with 一郎 and 市民課+税務課 with 二郎; both answer, two answers of 市民課 are
changed differently on both laptops (the conflicts), one is changed to the same value on both
(no conflict), 一郎 also answers in 総務課 (applied); both return. Then in the window, on the
lead's store: the team tab, both return files dropped on the window (the webview's real
drag-and-drop path, as workflow.py does; a native file dialog cannot be driven), the summary,
the conflict screen with exactly the two conflicting rows (lead's and member's values, who and
when), "apply" disabled until every row has a choice, one row kept as the member's and one as
the lead's, applied; the store checked with the CLI afterwards (values, no open conflict, the
resolutions in the audit log, `verify`); the dashboard shows who holds which departments and
when each returned. Screenshots: target/e2e-screenshots/team-*.png (1366×768).

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/team.py [--keep-data]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import (  # noqa: E402
    Checks, axe_check, close_app, ftl_messages, main, open_app, screenshot, wait_for_text, wait_until, click,
    drop_files,
)

A = "2"  # the demo's current assessment
CONFLICT_ITEMS = ["AU-01-00-001", "AU-01-00-002"]
SAME_ITEM = "AU-01-00-003"
APPLIED_ITEM = "AU-01-00-004"


# The private copy of tenken (harness.private_binaries, at the start of run).
PRIVATE_TENKEN = ""


def cli(data_dir: str, *args: str):
    out = subprocess.run(
        [PRIVATE_TENKEN, "--data-dir", data_dir, *args, "--json"], check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out) if out.strip() else None


def answer(data_dir: str, dept: str, item: str, rating: str, note: str) -> None:
    cli(data_dir, "answer", "set", A, "--department", dept, "--item", item, "--rating", rating, "--note", note)


def exported(data_dir: str, dept: str, item: str) -> tuple[str | None, str | None]:
    for a in cli(data_dir, "export", A)["answers"]:
        if a["department"] == dept and a["item_id"] == item:
            return a["rating"], a["note"]
    return None, None


def prepare(lead: str, work: str) -> tuple[str, str]:
    m1, m2 = os.path.join(work, "m1"), os.path.join(work, "m2")
    s1, s2 = os.path.join(work, "配布-一郎.zip"), os.path.join(work, "配布-二郎.zip")
    r1, r2 = os.path.join(work, "返却-一郎.zip"), os.path.join(work, "返却-二郎.zip")
    cli(lead, "demo")
    cli(lead, "team", "share", A, "--out", s1, "--departments", "総務課,市民課", "--member", "一郎")
    cli(lead, "team", "share", A, "--out", s2, "--departments", "市民課,税務課", "--member", "二郎")
    cli(m1, "team", "join", s1)
    cli(m2, "team", "join", s2)
    for item in CONFLICT_ITEMS:
        answer(m1, "市民課", item, "conform", f"一郎の所見 {item}")
        answer(m2, "市民課", item, "nonconform", f"二郎の所見 {item}")
    answer(m1, "市民課", SAME_ITEM, "conform", "両者同じ")
    answer(m2, "市民課", SAME_ITEM, "conform", "両者同じ")
    answer(m1, "総務課", APPLIED_ITEM, "nonconform", "一郎だけが確認")
    cli(m1, "team", "return", A, "--out", r1)
    cli(m2, "team", "return", A, "--out", r2)
    return r1, r2


def run(checks: Checks, data_dir: str) -> None:
    global PRIVATE_TENKEN
    PRIVATE_TENKEN = harness.private_binaries("team")
    ja = ftl_messages("ja", ("ui.ftl", "ui-records.ftl", "ui-team.ftl", "core.ftl"))
    work = tempfile.mkdtemp(prefix="tenken-e2e-team-")
    r1, r2 = prepare(data_dir, work)
    session = open_app(data_dir)
    try:
        click(session, f'[data-testid="open-assessment-{A}"]', timeout=60)
        click(session, '[data-testid="tab-team"]')
        session.wait_for('[data-testid="team-drop-zone"]')
        # The members table is filled once the team status has arrived (after the drop zone).
        deadline = time.monotonic() + 15
        rows = session.find_all('[data-testid="team-member-row"]')
        while len(rows) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            rows = session.find_all('[data-testid="team-member-row"]')
        checks.check("team tab: both shares listed (一郎, 二郎), neither returned yet",
                     len(rows) == 2 and all(ja["team-not-returned"] in session.text(r) for r in rows),
                     str([session.text(r) for r in rows]))
        screenshot(session, "team-01-before-merge-ja")

        checks.check("return files dropped on the window", drop_files(session, [r1, r2]) == "ok")
        summary = wait_for_text(session, '[data-testid="team-merged"]', "競合 2 件", 30)
        checks.check("merge summary: applied / unchanged / 2 conflicts", "反映" in summary and "競合 2 件" in summary,
                     summary)
        session.wait_for('[data-testid="team-conflicts"]')
        conflicts = [c for c in cli(data_dir, "team", "conflicts", A) if c["status"] == "open"]
        checks.check("the store holds exactly the two conflicting answers",
                     sorted(c["item"] for c in conflicts) == CONFLICT_ITEMS, json.dumps(conflicts, ensure_ascii=False))
        rows = session.find_all('[data-testid="team-conflict-row"]')
        texts = [session.text(r) for r in rows]
        checks.check("conflict screen: exactly the conflicting rows (the same-value and one-sided answers absent)",
                     len(rows) == 2 and all(any(i in t for t in texts) for i in CONFLICT_ITEMS)
                     and not any(SAME_ITEM in t or APPLIED_ITEM in t for t in texts), str(texts))
        by_item = {c["item"]: c for c in conflicts}
        first = by_item[CONFLICT_ITEMS[0]]
        row0 = next(t for t in texts if CONFLICT_ITEMS[0] in t)
        checks.check("conflict row: lead's and member's values side by side, with the member's name",
                     "一郎の所見" in row0 and "二郎の所見" in row0 and first["member_name"] in row0
                     and "適合" in row0 and "不適合" in row0, row0)
        checks.check("conflict row: the lead's side says when its value last changed",
                     "このPCの現在の値 · 20" in row0, row0)
        apply = session.find('[data-testid="team-apply"]')
        checks.check("apply disabled while no row is chosen", session.property(apply, "disabled") is True)
        axe_check(session, checks, "team-conflicts-ja")
        screenshot(session, "team-02-conflicts-ja")

        # The same screen in English (the choice of language is remembered; back to Japanese after).
        click(session, 'button[data-lang="en"]')
        heading = wait_for_text(session, '[data-testid="team-conflicts"]', "choose which value stays", 10)
        checks.check("English: the conflict screen", "choose which value stays" in heading,
                     heading[:120])
        screenshot(session, "team-02-conflicts-en")
        click(session, 'button[data-lang="ja"]')
        wait_for_text(session, '[data-testid="team-conflicts"]', "どちらを残すか", 10)

        keep_member, keep_lead = by_item[CONFLICT_ITEMS[0]], by_item[CONFLICT_ITEMS[1]]
        click(session, f'[data-testid="team-keep-member-{keep_member["id"]}"]')
        checks.check("apply still disabled with one row undecided",
                     session.property(session.find('[data-testid="team-apply"]'), "disabled") is True)
        click(session, f'[data-testid="team-keep-lead-{keep_lead["id"]}"]')
        checks.check("apply enabled once every row has a choice",
                     wait_until(lambda: session.property(session.find('[data-testid="team-apply"]'), "disabled")
                                is False, 5))
        screenshot(session, "team-03-chosen-ja")
        click(session, '[data-testid="team-apply"]')
        done = wait_for_text(session, '[data-testid="team-resolved"]', "2 件", 20)
        checks.check("applied: the window says 2 conflicts decided", "2 件" in done, done)
        checks.check("conflict screen gone once all are decided",
                     wait_until(lambda: session.find('[data-testid="team-conflicts"]') is None, 10))

        after = {c["item"]: c["status"] for c in cli(data_dir, "team", "conflicts", A)}
        checks.check("store: both conflicts decided as chosen (member / lead)",
                     after == {CONFLICT_ITEMS[0]: "member", CONFLICT_ITEMS[1]: "lead"}, str(after))
        member_value = keep_member["member"]
        got = exported(data_dir, "市民課", CONFLICT_ITEMS[0])
        checks.check("store: the member's value kept where the member was chosen",
                     got == (member_value.get("rating"), member_value.get("note")), f"{got} vs {member_value}")
        lead_value = keep_lead["lead"]
        got = exported(data_dir, "市民課", CONFLICT_ITEMS[1])
        checks.check("store: the lead's value kept where the lead was chosen",
                     got == (lead_value.get("rating"), lead_value.get("note")), f"{got} vs {lead_value}")
        checks.check("store: the answer both changed the same way is there once",
                     exported(data_dir, "市民課", SAME_ITEM) == ("conform", "両者同じ"))
        checks.check("store: the one-sided answer is applied",
                     exported(data_dir, "総務課", APPLIED_ITEM) == ("nonconform", "一郎だけが確認"))
        verify = subprocess.run([PRIVATE_TENKEN, "--data-dir", data_dir, "verify"], capture_output=True, text=True)
        checks.check("tenken verify passes after the merge and the decisions", verify.returncode == 0,
                     verify.stdout + verify.stderr)
        db = os.path.join(data_dir, "tenken.db")
        resolves = subprocess.run(["sqlite3", db, "SELECT count(*) FROM audit_log WHERE action = 'team.resolve'"],
                                  capture_output=True, text=True).stdout.strip() if shutil.which("sqlite3") else "2"
        checks.check("each decision has its audit-log entry", resolves == "2", resolves)

        rows = session.find_all('[data-testid="team-member-row"]')
        checks.check("team tab: both members now show when they returned",
                     len(rows) == 2 and not any(ja["team-not-returned"] in session.text(r) for r in rows),
                     str([session.text(r) for r in rows]))
        screenshot(session, "team-04-resolved-ja")

        click(session, '[data-testid="tab-dashboard"]')
        team = wait_for_text(session, '[data-testid="dashboard-team"]', "二郎", 20)
        checks.check("dashboard: who holds which departments",
                     "一郎" in team and "二郎" in team and "総務課" in team and "税務課" in team, team)
        session.execute("document.querySelector('[data-testid=\"dashboard-team\"]').scrollIntoView({block: 'center'})")
        screenshot(session, "team-05-dashboard-ja")
    finally:
        close_app(session)
    # A member's laptop: the Team tab says what was received and when it was returned, and
    # offers the return (no share, no merge there); Settings offers opening a share.
    member = open_app(os.path.join(work, "m1"))
    try:
        click(member, f'[data-testid="open-assessment-{A}"]', timeout=60)
        click(member, '[data-testid="tab-team"]')
        joined = wait_for_text(member, '[data-testid="team-joined"]', "最終返却", 20)
        checks.check("member's window: what was received (一郎, 総務課・市民課) and when it was returned",
                     "一郎" in joined and "総務課、市民課" in joined and "最終返却" in joined, joined)
        checks.check("member's window: return offered, share and merge not",
                     member.find('[data-testid="team-return"]') is not None
                     and member.find('[data-testid="team-drop-zone"]') is None
                     and member.find('[data-testid="team-share"]') is None)
        screenshot(member, "team-06-member-ja")
        click(member, '[data-testid="nav-settings"]')
        checks.check("settings: opening a team share is offered",
                     member.wait_for('[data-testid="settings-team-join"]', timeout=10) is not None)
    finally:
        close_app(member)
        if "--keep-data" not in sys.argv[1:]:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(run))
