#!/usr/bin/env python3
"""End-to-end: the scope editor in the real window (#11 item 4).

On the small demo: the 点検範囲 tab says that out of scope is not 対象外; 市民課 is made an
ordinary department (一般の課) with the role select, and the window shows the same counts as
`tenken scope show`; the audit log has the change; the interview of 市民課 says how many items
are not shown; one item is included individually (checkbox) and a rule cell changed; the
dashboard's item count follows. Screenshots in ja and en, axe-core on the screen.

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/scope.py [--keep-data]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (  # noqa: E402
    TENKEN, Checks, axe_check, close_app, ftl_messages, main, open_app, screenshot, wait_for_text, wait_until,
)

CSIRT = "AU-01-00-014"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def cli(data_dir: str, *args: str):
    out = subprocess.run([TENKEN, "--data-dir", data_dir, *args, "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def click(session, testid: str, timeout: float = 30.0) -> None:
    el = session.wait_for(f'[data-testid="{testid}"]', timeout=timeout)
    session.execute("arguments[0].scrollIntoView({block: 'center'})", {ELEMENT: el})
    session.click(el)


def choose(session, testid: str, value: str) -> None:
    """Selects an option of a <select> as a user does (the change event included)."""
    el = session.wait_for(f'[data-testid="{testid}"]')
    session.execute(
        "const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        {ELEMENT: el}, value)


def department(view: dict, name: str) -> dict:
    return next(d for d in view["departments"] if d["department"]["name"] == name)


def run(checks: Checks, data_dir: str) -> None:
    subprocess.run([TENKEN, "--data-dir", data_dir, "demo"], check=True, stdout=subprocess.DEVNULL)
    aid = max(a["id"] for a in cli(data_dir, "assessment", "list"))
    n = cli(data_dir, "scope", "show", str(aid))["item_count"]
    ja, en = ftl_messages("ja"), ftl_messages("en")
    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="start-ready"]', timeout=60)
        click(session, f"open-assessment-{aid}")
        click(session, "tab-scope")
        intro = wait_for_text(session, '[data-testid="scope-intro"]', "対象外")
        checks.check("the scope screen says out of scope is not 対象外", "対象外" in intro and "範囲外" in intro, intro)
        checks.check("before any role, 市民課 is asked every item",
                     session.text(session.wait_for('[data-testid="scope-in-市民課"]')) == str(n))
        screenshot(session, "scope-ja")
        axe_check(session, checks, "scope (ja)")

        choose(session, "scope-role-市民課", "general")
        view = {}

        def shown_matches_cli() -> bool:
            view.update(cli(data_dir, "scope", "show", str(aid)))
            want = department(view, "市民課")
            got = session.text(session.wait_for('[data-testid="scope-in-市民課"]'))
            return want["role"] == "general" and got == str(want["items_in"])
        checks.check("role set in the window: stored, and the window shows the count the CLI shows",
                     wait_until(shown_matches_cli, 10), json.dumps(view.get("departments", [])[:2], ensure_ascii=False)[:300])
        inn = department(view, "市民課")["items_in"]
        checks.check("an ordinary department is asked fewer items", 0 < inn < n, f"{inn} of {n}")
        log = cli(data_dir, "log", "--limit", "1")
        checks.check("the audit log records the role change", log and log[-1]["action"] == "scope.role", str(log)[:200])

        # One item included individually for 市民課.
        click(session, "scope-open-市民課")
        box = session.wait_for(f'[data-testid="scope-item-{CSIRT}"]')
        checks.check("the CSIRT item is out of 市民課's scope", session.property(box, "checked") is False)
        session.execute("arguments[0].scrollIntoView({block: 'center'})", {ELEMENT: box})
        session.click(box)

        def csirt_included() -> bool:
            items = cli(data_dir, "scope", "show", str(aid), "--department", "市民課")["items"]
            it = next(i for i in items if i["item_id"] == CSIRT)
            return it["applies"] and it["by"] == "item"
        checks.check("an item ticked for 市民課 is stored as included", wait_until(csirt_included, 10))

        # A rule cell: staff items no longer asked of systems departments.
        click(session, "scope-rule-staff-systems")
        checks.check("a rule changed in the window is stored", wait_until(lambda: any(
            r["tier"] == "staff" and r["role"] == "systems" and not r["applies"] and not r["builtin"]
            for r in cli(data_dir, "scope", "show", str(aid))["rules"]), 10))

        # The interview of 市民課 says what is not shown; the dashboard counts follow.
        click(session, "tab-interview")
        sel = session.wait_for('[data-testid="interview-department"]', timeout=30)
        dept_id = department(view, "市民課")["department"]["id"]
        choose(session, "interview-department", str(dept_id))
        note = wait_for_text(session, '[data-testid="interview-out-of-scope"]', "対象外")
        out = n - (inn + 1)
        checks.check("the interview says how many items are out of scope (not 対象外)",
                     f"{out}" in note and "対象外" in note, note)
        screenshot(session, "scope-interview-ja")
        listed = next(a for a in cli(data_dir, "assessment", "list") if a["id"] == aid)
        click(session, "tab-dashboard")
        summary = wait_for_text(session, '[data-testid="dashboard-summary"]', f"{listed['item_count']:,}")
        checks.check("the dashboard counts only the items asked",
                     f"{listed['item_count']:,}" in summary, summary)
        del sel

        # English.
        session.click(session.wait_for('button[data-lang="en"]'))
        click(session, "tab-scope")
        intro = wait_for_text(session, '[data-testid="scope-intro"]', "N/A")
        checks.check("English: the scope screen says out of scope is not N/A", "N/A" in intro, intro)
        roles = session.text(session.wait_for('[data-testid="scope-departments"]'))
        checks.check("English: role names are English", en["scope-role-general"] in roles, roles[:200])
        screenshot(session, "scope-en")
        axe_check(session, checks, "scope (en)")
        checks.check("ja and en define the scope screen", all(k in ja and k in en for k in ("scope-intro", "tab-scope")))
    finally:
        close_app(session)


if __name__ == "__main__":
    sys.exit(main(run))
