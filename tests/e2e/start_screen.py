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
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webdriver  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# Cargo's target folder (CARGO_TARGET_DIR when set, as cargo itself does).
TARGET = os.path.abspath(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"))
TENKEN = os.path.join(TARGET, "debug", "tenken")
APP = os.path.join(TARGET, "debug", "tenken-app")
SHOTS = os.path.join(TARGET, "e2e-screenshots")
DRIVER_LOG = os.path.join(TARGET, "e2e-tauri-driver.log")
DRIVER_PORT = 4444
DRIVER = f"http://127.0.0.1:{DRIVER_PORT}"
KIND_IDS = {"self_inspection", "internal_audit", "external_audit"}


def ftl_messages(lang: str) -> dict[str, str]:
    """Single-line messages of locales/<lang>/ui.ftl (enough for the texts checked here)."""
    messages = {}
    with open(os.path.join(ROOT, "locales", lang, "ui.ftl"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([a-z][a-z0-9_-]*) = (.+)$", line.rstrip("\n"))
            if m and "{" not in m.group(2):
                messages[m.group(1)] = m.group(2)
    return messages


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {name}{': ' + detail if detail else ''}", flush=True)
        return ok


def wait_for_text(session: webdriver.Session, css: str, needle: str, timeout: float = 15.0) -> str:
    """Text of `css` once it contains `needle` (or the last text seen after `timeout`)."""
    deadline = time.monotonic() + timeout
    while True:
        element = session.find(css)
        text = session.text(element) if element else ""
        if needle in text or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def settle(session: webdriver.Session) -> None:
    """Lets the webview paint the new state before a screenshot."""
    time.sleep(0.5)


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
    session = webdriver.Session(DRIVER, {
        "alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": APP, "args": ["--data-dir", data_dir]},
        }
    })
    try:
        session.set_window_rect(1366, 768)
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
        os.makedirs(SHOTS, exist_ok=True)
        settle(session)
        session.screenshot(os.path.join(SHOTS, "start-ja.png"))

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
        settle(session)
        session.screenshot(os.path.join(SHOTS, "start-en.png"))
        print(f"     screenshots: {SHOTS}/start-ja.png, start-en.png", flush=True)
    finally:
        try:
            session.delete()
        except Exception as e:  # the app may be gone already; report, do not hide the test's error
            print(f"     (deleting the session failed: {e})", flush=True)


def main() -> int:
    keep = "--keep-data" in sys.argv[1:]
    for path in (TENKEN, APP):
        if not os.access(path, os.X_OK):
            print(f"missing {path}: build first (cargo build -p tenken-cli -p tenken-app)")
            print("0 passed, 1 failed")
            return 1
    if not os.environ.get("DISPLAY"):
        print("no DISPLAY: run under xvfb-run -a (scripts/test.sh does)")
        print("0 passed, 1 failed")
        return 1
    driver_bin = shutil.which("tauri-driver") or os.path.expanduser("~/.cargo/bin/tauri-driver")
    checks = Checks()
    data_dir = tempfile.mkdtemp(prefix="tenken-e2e-")
    log = open(DRIVER_LOG, "wb")
    driver = subprocess.Popen(
        [driver_bin, "--port", str(DRIVER_PORT), "--native-port", str(DRIVER_PORT + 1)],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        webdriver.wait_until_ready(DRIVER)
        run(checks, data_dir)
    except Exception:
        traceback.print_exc()
        checks.check("end-to-end run completed without an exception", False)
    finally:
        # tauri-driver runs in its own process group: end it and the WebKitWebDriver it started.
        try:
            os.killpg(driver.pid, signal.SIGTERM)
            driver.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(driver.pid, signal.SIGKILL)
        log.close()
        if checks.failed:
            with open(DRIVER_LOG, encoding="utf-8", errors="replace") as f:
                tail = f.read()[-3000:]
            print(f"     --- end of {DRIVER_LOG} (driver, WebKit and app output) ---\n{tail}")
        if keep:
            print(f"     data dir kept: {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
