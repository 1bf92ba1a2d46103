#!/usr/bin/env python3
"""End-to-end: the report screen issues the committee report and the department notices (#15).

On the small demo: a final committee report is issued from the window (第1版, recorded: the
CLI's verify-report names version 1); draft notices of every department are written into a
chosen folder (one PDF each, with the 案 watermark and the department's name); a final notice
for one department is then issued; the list of issued versions shows both finals; evidence
cited by the issued report cannot be removed (the reason shown); the
dashboard compares the year with the previous one (by area and department).
Screenshots in ja and en, axe-core on the screen.

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/reports.py [--keep-data]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (  # noqa: E402
    TENKEN, Checks, axe_check, close_app, main, open_app, output_dir, screenshot, wait_for_text, wait_until,
)

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def cli(data_dir: str, *args: str):
    out = subprocess.run([TENKEN, "--data-dir", data_dir, *args, "--json"], capture_output=True, text=True).stdout
    return json.loads(out)


def click(session, testid: str, timeout: float = 30.0) -> None:
    el = session.wait_for(f'[data-testid="{testid}"]', timeout=timeout)
    session.execute("arguments[0].scrollIntoView({block: 'center'})", {ELEMENT: el})
    session.click(el)


def pdf_text(path: str) -> str:
    return subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True).stdout


def rows(session) -> int:
    return len(session.find_all('[data-testid="issue-row"]'))


def run(checks: Checks, data_dir: str) -> None:
    subprocess.run([TENKEN, "--data-dir", data_dir, "demo"], check=True, stdout=subprocess.DEVNULL)
    aid = max(a["id"] for a in cli(data_dir, "assessment", "list"))
    departments = [d["name"] for d in cli(data_dir, "department", "list", str(aid))]
    folder = os.path.join(output_dir(data_dir), "notices")
    os.makedirs(folder, exist_ok=True)
    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="start-ready"]', timeout=60)
        click(session, f"open-assessment-{aid}")
        click(session, "tab-report")
        session.wait_for('[data-testid="report-issues"]', timeout=30)
        checks.check("no final version listed before one is issued", rows(session) == 0)

        # A final committee report.
        click(session, "report-final")
        click(session, "report-export")
        version = wait_for_text(session, '[data-testid="report-version"]', "第1版", 120)
        checks.check("the committee report is issued as 第1版", "第1版" in version, version)
        file = session.text(session.wait_for('[data-testid="report-file"]'))
        verified = cli(data_dir, "verify-report", file)
        checks.check("verify-report names version 1 of the file the window wrote",
                     verified.get("version") == 1 and verified.get("status") == "match", str(verified)[:200])
        checks.check("the issued version is listed", wait_until(lambda: rows(session) == 1, 10))

        # Evidence listed in the issued report cannot be removed; the window says why.
        evidence = cli(data_dir, "evidence", "list", str(aid))
        ev = evidence[0]["id"]
        click(session, "tab-evidence")
        click(session, f"evidence-remove-{ev}")
        click(session, f"evidence-remove-{ev}-confirm")
        refusal = wait_for_text(session, f'[data-testid="evidence-remove-{ev}-refused"]', "発行済み", 15)
        checks.check("removing evidence cited by the issued report is refused with the reason", "発行済み" in refusal, refusal)
        checks.check("the refused evidence is still stored",
                     any(e["id"] == ev for e in cli(data_dir, "evidence", "list", str(aid))))
        click(session, "tab-report")
        session.wait_for('[data-testid="report-issues"]', timeout=30)

        # Draft notices of every department into the chosen folder.
        # The report screen was opened again: the final box starts unticked (drafts).
        checks.check("the final box starts unticked", not session.property(session.wait_for('[data-testid="report-final"]'), "checked"))
        session.execute("window.__tenkenWriteNotices(arguments[0]); return true;", folder)
        result = session.wait_for('[data-testid="notice-result"]', timeout=180)
        count = session.attribute(result, "data-count")
        checks.check("one notice per department is written", count == str(len(departments)), f"{count} of {len(departments)}")
        pdfs = sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))
        checks.check("the notices are in the chosen folder", len(pdfs) == len(departments), str(pdfs))
        if pdfs:
            first = pdf_text(os.path.join(folder, pdfs[0]))
            checks.check("a notice names its department and carries the 案 watermark",
                         departments[0] in first and "案" in first, first[:200])
            # Evidence lines are left aside: a piece of evidence linked to this department may
            # carry another department's name in its file name (as the demo's do).
            body = "\n".join(line for line in first.splitlines() if "証跡" not in line)
            others = [d for d in departments[1:] if d in body]
            checks.check("a notice names no other department", not others, str(others))
        checks.check("drafts are not listed as issued", rows(session) == 1)

        # A final notice of one department.
        click(session, "report-final")
        sel = session.wait_for('[data-testid="notice-department"]')
        dept_id = next(d["id"] for d in cli(data_dir, "department", "list", str(aid)) if d["name"] == departments[1])
        session.execute(
            "const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true}));",
            {ELEMENT: sel}, str(dept_id))
        session.execute("window.__tenkenWriteNotices(arguments[0]); return true;", folder)
        checks.check("the final notice is listed with the committee report",
                     wait_until(lambda: rows(session) == 2, 120), str(rows(session)))
        listing = session.text(session.wait_for('[data-testid="report-issues"]'))
        checks.check("the list names the department's notice", departments[1] in listing, listing[:300])
        checks.check("a taken file name is not overwritten",
                     len([f for f in os.listdir(folder) if f.endswith(".pdf")]) == len(departments) + 1)
        screenshot(session, "report-issues-ja")
        axe_check(session, checks, "report issuing (ja)")

        session.click(session.wait_for('button[data-lang="en"]'))
        heading = wait_for_text(session, "#issues-heading", "Final versions")
        checks.check("English: the issued list has an English heading", "Final versions" in heading, heading)
        screenshot(session, "report-issues-en")
        axe_check(session, checks, "report issuing (en)")

        # The year comparison on the dashboard (the demo's previous year is complete).
        click(session, "tab-dashboard")
        yoy = wait_for_text(session, '[data-testid="dashboard-yoy"]', "Compared with the previous year", 30)
        checks.check("the dashboard compares with the previous year", "%" in yoy and "pt" in yoy, yoy[:300])
        areas = session.find_all('[data-testid="yoy-by-area"] tbody tr')
        checks.check("the comparison has a row per policy area and a total", len(areas) >= 3, str(len(areas)))
        session.execute("document.querySelector('[data-testid=\"dashboard-yoy\"]').scrollIntoView()")
        screenshot(session, "dashboard-yoy-en")
        axe_check(session, checks, "dashboard with year comparison (en)")
    finally:
        close_app(session)


if __name__ == "__main__":
    sys.exit(main(run))
