#!/usr/bin/env python3
"""End-to-end check of the About panel (in Settings) and of the window's log.

On a data folder filled by `tenken demo`, with TENKEN_LOG_DIR pointing at a temporary folder:
the panel shows the workspace's version, a build date, the data and log folders, the IPA font
licence; its diagnostics name the version, OS, WebView, schema and counts that match the store,
and none of the demo's organisation names or assessment titles (nothing confidential); the copy
button reports success; and the log the window wrote holds its start and store events and none
of those names either.

    xvfb-run -a python3 tests/e2e/about.py [--keep-data]
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import ROOT, Checks, axe_check, close_app, ftl_messages, open_app, screenshot  # noqa: E402

EL = "element-6066-11e4-a52e-4f735466cecf"


def text_of(session, testid: str) -> str:
    el = session.find(f'[data-testid="{testid}"]')
    return session.text(el) if el else ""


def click(session, testid: str) -> None:
    el = session.wait_for(f'[data-testid="{testid}"]', timeout=30)
    session.execute("arguments[0].scrollIntoView({block: 'center'})", {EL: el})
    session.click(el)


def run(checks: Checks, data_dir: str, log_dir: str) -> None:
    tenken = harness.TENKEN
    subprocess.run([tenken, "--data-dir", data_dir, "demo"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, TENKEN_LOG_DIR=os.path.join(log_dir, "cli")))
    assessments = json.loads(subprocess.run([tenken, "--data-dir", data_dir, "assessment", "list", "--json"],
                                            check=True, capture_output=True, text=True).stdout)
    names = {a["organisation_name"] for a in assessments} | {a["title"] for a in assessments}
    with open(os.path.join(ROOT, "Cargo.toml"), "rb") as f:
        version = tomllib.load(f)["workspace"]["package"]["version"]
    ja = ftl_messages("ja", ("ui-records.ftl",))

    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="start-ready"]', timeout=60)
        click(session, "nav-settings")
        session.wait_for('[data-testid="about-diagnostics"]', timeout=30)
        checks.check("About heading is shown", ja["about-heading"] in text_of(session, "about"))
        checks.check("About shows the workspace version", text_of(session, "about-version") == version,
                     text_of(session, "about-version"))
        checks.check("About shows a build date", re.fullmatch(r"\d{4}-\d{2}-\d{2}", text_of(session, "about-build-date"))
                     is not None, text_of(session, "about-build-date"))
        checks.check("About shows the data folder", text_of(session, "about-data-dir") == data_dir)
        checks.check("About (Settings) shows the log folder", text_of(session, "about-log-dir") == log_dir,
                     text_of(session, "about-log-dir"))
        click(session, "about-ipa-licence")
        checks.check("About shows the IPA font licence", "IPAフォントライセンスv1.0" in text_of(session, "about-ipa-licence"))

        diag = text_of(session, "about-diagnostics")
        print("     diagnostics: " + diag.replace("\n", " | "), flush=True)
        checks.check("diagnostics name the version", f"tenken {version}" in diag)
        checks.check("diagnostics name the OS", "OS: linux" in diag)
        checks.check("diagnostics name the WebView version", re.search(r"WebView: \d+\.\d+", diag) is not None)
        counts = subprocess.run([tenken, "--data-dir", data_dir, "--json", "org", "list"], check=True,
                                capture_output=True, text=True).stdout
        checks.check("diagnostics count the organisations",
                     f"organisations {len(json.loads(counts))}," in diag)
        checks.check("diagnostics count the assessments", f"assessments {len(assessments)}," in diag)
        checks.check("diagnostics name the schema", re.search(r"Schema: \d+", diag) is not None)
        leaked = [n for n in names if n in diag]
        checks.check("diagnostics hold no organisation name or title", not leaked, ", ".join(leaked))
        checks.check("diagnostics hold no path", data_dir not in diag and log_dir not in diag
                     and re.search(r"(^|\s)(/|[A-Z]:\\)\w", diag) is None)

        click(session, "about-copy")
        copied = session.wait_for('[data-testid="about-copied"], [data-testid="about-copy-failed"]', timeout=10)
        checks.check("copy diagnostics reports success", session.attribute(copied, "data-testid") == "about-copied")
        screenshot(session, "about-ja")
        axe_check(session, checks, "about-ja")
    finally:
        close_app(session)

    files = glob.glob(os.path.join(log_dir, "tenken-app.*.log"))
    checks.check("the window wrote a log file in TENKEN_LOG_DIR", len(files) == 1, str(files))
    text = "".join(open(f, encoding="utf-8").read() for f in files)
    events = [json.loads(line) for line in text.splitlines() if line.strip()]
    kinds = {e.get("fields", {}).get("event") for e in events}
    checks.check("the window's log has its start and store_open events", {"start", "store_open"} <= kinds, str(kinds))
    leaked = [n for n in names if n in text]
    checks.check("the window's log holds no organisation name or title", not leaked, ", ".join(leaked))


def main() -> int:
    log_dir = tempfile.mkdtemp(prefix="tenken-e2e-logs-")
    # tauri-driver passes its environment on to the app it starts.
    os.environ["TENKEN_LOG_DIR"] = log_dir
    try:
        return harness.main(lambda checks, data_dir: run(checks, data_dir, log_dir))
    finally:
        shutil.rmtree(log_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
