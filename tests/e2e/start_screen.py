#!/usr/bin/env python3
"""End-to-end smoke test of the real window: the start screen in Japanese and English.

Starts tauri-driver (which starts WebKitWebDriver and the app), on a temporary data dir
filled by `tenken demo`, and checks what the window shows against `tenken assessment list`.
Needs a display: scripts/test.sh runs it under xvfb-run. Writes screenshots to
target/e2e-screenshots/. Prints one line per check and `N passed, N failed` last.

    python3 tests/e2e/start_screen.py [--keep-data]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import TENKEN, Checks, close_app, ftl_messages, main, open_app, screenshot, wait_for_text  # noqa: E402

KIND_IDS = {"self_inspection", "internal_audit", "external_audit"}

def run(checks: Checks, data_dir: str) -> None:
    subprocess.run([TENKEN, "--data-dir", data_dir, "demo"], check=True, stdout=subprocess.DEVNULL)
    listed = subprocess.run(
        [TENKEN, "--data-dir", data_dir, "assessment", "list", "--json"],
        check=True, capture_output=True, text=True,
    ).stdout
    assessments = json.loads(listed)
    if not checks.check("demo data has at least one assessment", len(assessments) > 0, listed[:200]):
        return
    ja, en = ftl_messages("ja"), ftl_messages("en")

    started = time.monotonic()
    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="start-ready"]', timeout=60)
        print(f"     launch to start screen: {time.monotonic() - started:.1f} s", flush=True)
        html = session.wait_for("html")
        checks.check("page language is ja", session.attribute(html, "lang") == "ja",
                     str(session.attribute(html, "lang")))
        checks.check("header shows the app title",
                     session.text(session.wait_for("header h1")) == ja["app-title"])
        body = session.text(session.wait_for("main"))
        checks.check("start heading is Japanese", ja["start-heading"] in body)
        for a in assessments:
            checks.check(f"shows organisation {a['organisation_name']}", a["organisation_name"] in body)
            checks.check(f"shows assessment {a['title']}", a["title"] in body)
            checks.check(f"shows 年度 {a['fiscal_year_label']}", a["fiscal_year_label"] in body)
            if a["kind"] in KIND_IDS:
                label = ja[f"kind-{a['kind']}"]
                checks.check(f"shows kind {label}", label in body)
            # The UI groups thousands (Fluent NUMBER in the UI's locale): 877 / 1,210
            progress = f"{a['answered_count']:,} / {a['item_count']:,}"
            checks.check(f"shows progress {progress} as text", progress in body)
        screenshot(session, "start-ja")

        session.click(session.wait_for('button[data-lang="en"]'))
        heading = wait_for_text(session, "#start-heading", en["start-heading"])
        checks.check("language switch: heading becomes English", heading == en["start-heading"], heading)
        checks.check("page language is en", session.attribute(session.wait_for("html"), "lang") == "en")
        body = session.text(session.wait_for("main"))
        for a in assessments:
            checks.check(f"English: shows FY{a['fiscal_year']}", f"FY{a['fiscal_year']}" in body)
            if a["kind"] in KIND_IDS:
                label = en[f"kind-{a['kind']}"]
                checks.check(f"English: shows kind {label}", label in body)
            checks.check(f"English: shows progress of {a['title']}",
                         f"{a['answered_count']:,} of {a['item_count']:,} items answered" in body)
        pressed = session.attribute(session.wait_for('button[data-lang="en"]'), "aria-pressed")
        checks.check("English button is pressed", pressed == "true", str(pressed))
        screenshot(session, "start-en")
    finally:
        close_app(session)


if __name__ == "__main__":
    sys.exit(main(run))
