"""Shared parts of the end-to-end tests: paths, the check counter, tauri-driver, app sessions.

Each test script runs under a display (scripts/test.sh uses xvfb-run), starts tauri-driver
(which starts WebKitWebDriver and the real tenken-app), prints one line per check and
`N passed, N failed` last.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from typing import Callable

import webdriver

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# Cargo's target folder (CARGO_TARGET_DIR when set, as cargo itself does).
TARGET = os.path.abspath(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"))
TENKEN = os.path.join(TARGET, "debug", "tenken")
APP = os.path.join(TARGET, "debug", "tenken-app")
SHOTS = os.path.join(TARGET, "e2e-screenshots")
DRIVER_LOG = os.path.join(TARGET, "e2e-tauri-driver.log")
# Another e2e run on the same machine needs its own port: TENKEN_E2E_PORT (and port + 1).
DRIVER_PORT = int(os.environ.get("TENKEN_E2E_PORT", "4444"))
DRIVER = f"http://127.0.0.1:{DRIVER_PORT}"


def ftl_messages(lang: str, files: tuple[str, ...] = ("ui.ftl", "ui-records.ftl", "core.ftl")) -> dict[str, str]:
    """Single-line messages without variables of locales/<lang>/*.ftl (enough for checks)."""
    messages = {}
    for name in files:
        with open(os.path.join(ROOT, "locales", lang, name), encoding="utf-8") as f:
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


def open_app(data_dir: str, env: dict[str, str] | None = None) -> webdriver.Session:
    """A new window of the app on `data_dir`, sized like the auditors' laptops."""
    session = webdriver.Session(DRIVER, {
        "alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": APP, "args": ["--data-dir", data_dir]},
        }
    })
    session.set_window_rect(1366, 768)
    return session


def close_app(session: webdriver.Session) -> None:
    try:
        session.delete()
    except Exception as e:  # the app may be gone already; report, do not hide the test's error
        print(f"     (deleting the session failed: {e})", flush=True)


def wait_for_text(session: webdriver.Session, css: str, needle: str, timeout: float = 15.0) -> str:
    """Text of `css` once it contains `needle` (or the last text seen after `timeout`)."""
    deadline = time.monotonic() + timeout
    while True:
        element = session.find(css)
        text = session.text(element) if element else ""
        if needle in text or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def wait_until(predicate: Callable[[], bool], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def screenshot(session: webdriver.Session, name: str) -> None:
    """Writes target/e2e-screenshots/<name>.png: the X display as it is (xwd → netpbm), so the
    picture is what a person would see, native parts included. (WebKitWebDriver's own
    screenshot hangs when WebKit's accelerated compositing is off, as tenken-app sets it.)"""
    os.makedirs(SHOTS, exist_ok=True)
    time.sleep(0.6)
    png = os.path.join(SHOTS, f"{name}.png")
    with open(png, "wb") as out:
        xwd = subprocess.Popen(["xwd", "-root", "-silent"], stdout=subprocess.PIPE)
        pnm = subprocess.Popen(["xwdtopnm"], stdin=xwd.stdout, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        subprocess.run(["pnmtopng"], stdin=pnm.stdout, stdout=out, stderr=subprocess.DEVNULL, check=True)
        xwd.wait()
        pnm.wait()


AXE = os.path.join(ROOT, "ui", "node_modules", "axe-core", "axe.min.js")


def axe_check(session: webdriver.Session, checks: Checks, screen: str) -> None:
    """Runs axe-core (ui/node_modules, a dev dependency) on the page as it is: no serious or
    critical violation. Each violation is printed with the elements it names."""
    if not os.path.isfile(AXE):
        checks.check(f"accessibility ({screen}): axe-core installed (cd ui && npm ci)", False)
        return
    if not session.execute("return typeof window.axe === 'object'"):
        with open(AXE, encoding="utf-8") as f:
            session.execute(f.read() + "\nreturn true;")
    found = session.execute_async(
        """const done = arguments[arguments.length - 1];
        window.axe.run(document, {resultTypes: ['violations']})
          .then((r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact,
              nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}))),
                (e) => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));""")
    serious = [v for v in found if v.get("impact") in ("serious", "critical")]
    for v in found:
        print(f"     axe {screen}: {v['impact']} {v['id']} {v['nodes']}", flush=True)
    checks.check(f"accessibility ({screen}): no serious axe-core violation", not serious,
                 ", ".join(v["id"] for v in serious))


def output_dir(data_dir: str) -> str:
    """Where the app writes reports and sheets during a test (TENKEN_OUTPUT_DIR)."""
    return data_dir.rstrip("/") + "-out"


def main(run: Callable[[Checks, str], None]) -> int:
    """Starts tauri-driver, runs `run(checks, data_dir)` on a fresh data dir, reports."""
    keep = "--keep-data" in sys.argv[1:]
    for path in (TENKEN, APP):
        if not os.access(path, os.X_OK):
            print(f"missing {path}: build first (cargo build --workspace)")
            print("0 passed, 1 failed")
            return 1
    if not os.environ.get("DISPLAY"):
        print("no DISPLAY: run under xvfb-run -a (scripts/test.sh does)")
        print("0 passed, 1 failed")
        return 1
    driver_bin = shutil.which("tauri-driver") or os.path.expanduser("~/.cargo/bin/tauri-driver")
    checks = Checks()
    data_dir = tempfile.mkdtemp(prefix="tenken-e2e-")
    os.makedirs(TARGET, exist_ok=True)
    log = open(DRIVER_LOG, "wb")
    # The window remembers a chosen data folder in the OS config folder: keep tests out of it.
    # Reports and answer sheets go to the output folder, never inside the data folder: a sibling
    # temporary folder (output_dir(data_dir)), not the tester's Documents.
    os.makedirs(output_dir(data_dir), exist_ok=True)
    env = dict(os.environ, TENKEN_APP_CONFIG=os.path.join(data_dir, "app-config"), TENKEN_OUTPUT_DIR=output_dir(data_dir))
    driver = subprocess.Popen(
        [driver_bin, "--port", str(DRIVER_PORT), "--native-port", str(DRIVER_PORT + 1)],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env,
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
            shutil.rmtree(output_dir(data_dir), ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


def private_binaries(name: str) -> str:
    """Copies tenken and tenken-app into a private folder and starts the app from there: other
    builds on the machine overwrite target/debug while a long script runs. Returns the path of
    the copied `tenken`; the copies (≈ 0.5 GB) are removed when the script ends."""
    global APP
    private = tempfile.mkdtemp(prefix=f"tenken-e2e-{name}-bin-")
    atexit.register(shutil.rmtree, private, True)
    tenken = os.path.join(private, "tenken")
    shutil.copy2(TENKEN, tenken)
    app = os.path.join(private, "tenken-app")
    shutil.copy2(APP, app)
    APP = app
    return tenken


def click(session: webdriver.Session, css: str, timeout: float = 30.0) -> None:
    """Clicks `css` once shown, scrolled into view first (WebKitWebDriver does not always do it
    inside a scrolled pane)."""
    el = session.wait_for(css, timeout=timeout)
    session.execute("arguments[0].scrollIntoView({block: 'center'})", {"element-6066-11e4-a52e-4f735466cecf": el})
    session.click(el)


def drop_files(session: webdriver.Session, paths: list[str]) -> str:
    """Emits the event the webview sends when files are dropped on the window (a native file
    dialog cannot be driven)."""
    return session.execute_async(
        """const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__.invoke('plugin:event|emit',
            {event: 'tauri://drag-drop', payload: {paths: arguments[0], position: {x: 400, y: 300}}})
          .then(() => done('ok'), (e) => done('error: ' + JSON.stringify(e)));""",
        paths,
    )
