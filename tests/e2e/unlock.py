#!/usr/bin/env python3
"""End-to-end: the unlock screen and auto-lock of an encrypted store in the real window.

Prepared with the CLI: `tenken demo`, then `tenken encrypt` (TENKEN_NEW_PASSPHRASE, with
TENKEN_TEST_WEAK_KDF=1 for a fast key derivation). The window starts on the unlock screen
(password field focused, autocomplete current-password, caps-lock warning); a wrong passphrase
is said in place, nothing in the data folder changes and it stays locked; the right one opens
the start screen. A note typed on the interview screen, then no activity: auto-lock
(TENKEN_AUTOLOCK_SECONDS=5) brings the unlock screen back; after unlocking, the note is still
there (and reaches the store, checked with the CLI and the passphrase). Settings: encrypted,
auto-lock choices, passphrase change (new one twice); "lock now"; only the new passphrase opens.
Screenshots: target/e2e-screenshots/unlock-*.png (1366×768).

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/unlock.py [--keep-data]
"""

from __future__ import annotations

import hashlib
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
)

A = "2"  # the demo's current assessment
PASSPHRASE = "点検 correct horse 2026"
NOTE = "施錠の確認中に自動ロック：書きかけのメモ"
NEW_PASSPHRASE = "新しい passphrase 2027"
AUTOLOCK_SECONDS = 5

# The app reads it at start (tauri-driver passes the environment on).
os.environ["TENKEN_AUTOLOCK_SECONDS"] = str(AUTOLOCK_SECONDS)


# The private copy of tenken (harness.private_binaries, at the start of run).
PRIVATE_TENKEN = ""


def cli(data_dir: str, *args: str, env: dict[str, str] | None = None):
    out = subprocess.run(
        [PRIVATE_TENKEN, "--data-dir", data_dir, *args, "--json"], check=True, capture_output=True, text=True,
        env=dict(os.environ, **(env or {})),
    ).stdout
    return json.loads(out) if out.strip() else None


def digest(data_dir: str) -> dict[str, str]:
    """SHA-256 of the store's own files (not the window's settings, drafts, logs)."""
    out = {}
    for name in sorted(os.listdir(data_dir)):
        p = os.path.join(data_dir, name)
        if os.path.isfile(p) and name not in ("settings.json", "drafts.json", "settings.json.tmp", "drafts.json.tmp"):
            with open(p, "rb") as f:
                out[name] = hashlib.sha256(f.read()).hexdigest()
    return out


def unlock(session, passphrase: str) -> None:
    field = session.wait_for('[data-testid="unlock-passphrase"]', timeout=30)
    session.send_keys(field, passphrase)
    click(session, '[data-testid="unlock-submit"]')


def run(checks: Checks, data_dir: str) -> None:
    global PRIVATE_TENKEN
    PRIVATE_TENKEN = harness.private_binaries("unlock")
    ja = ftl_messages("ja")
    cli(data_dir, "demo")
    key_file = os.path.join(tempfile.mkdtemp(prefix="tenken-e2e-unlock-"), "recovery.txt")
    cli(data_dir, "encrypt", "--recovery-key-out", key_file,
        env={"TENKEN_NEW_PASSPHRASE": PASSPHRASE, "TENKEN_TEST_WEAK_KDF": "1"})
    before = digest(data_dir)
    session = open_app(data_dir)
    try:
        field = session.wait_for('[data-testid="unlock-passphrase"]', timeout=60)
        wait_for_text(session, "#unlock-heading", ja["unlock-heading"])
        checks.check("start: the unlock screen, nothing of the store shown",
                     session.find('[data-testid="start-ready"]') is None and session.find('[data-testid="nav-settings"]') is None)
        checks.check("passphrase field: type=password, autocomplete=current-password",
                     session.attribute(field, "type") == "password"
                     and session.attribute(field, "autocomplete") == "current-password")
        folder = session.find('[data-testid="unlock-folder"]')
        checks.check("the unlock screen names the data folder",
                     folder is not None and session.text(folder) == data_dir, session.text(folder) if folder else "")
        checks.check("passphrase field has the focus",
                     session.execute("return document.activeElement && document.activeElement.id") == "unlock-passphrase")
        # Caps lock: a key event that reports it (a real one cannot be sent through WebDriver).
        caps = session.execute(
            """const f = document.querySelector('[data-testid="unlock-passphrase"]');
            f.dispatchEvent(new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true}));
            return new KeyboardEvent('keydown', {modifierCapsLock: true}).getModifierState('CapsLock');""")
        if caps:
            shown = wait_until(lambda: ja["unlock-caps-on"] in session.text(session.find('[data-testid="unlock-caps"]')), 5)
            checks.check("caps lock on: a warning under the field", shown)
        else:
            print("     (this WebKit does not report CapsLock from a synthetic event: warning not checked)", flush=True)
        axe_check(session, checks, "unlock")
        screenshot(session, "unlock-01-locked-ja")

        # Wrong passphrase: said in place, still locked, nothing changed.
        unlock(session, "wrong passphrase")
        err = wait_for_text(session, '[data-testid="unlock-error"]', ja["unlock-wrong"][:8])
        checks.check("wrong passphrase: the message in place", ja["unlock-wrong"] in err, err)
        checks.check("wrong passphrase: error code wrong_passphrase",
                     session.attribute(session.find('[data-testid="unlock-error"]'), "data-error-code") == "wrong_passphrase")
        checks.check("wrong passphrase: still locked", session.find('[data-testid="start-ready"]') is None)
        checks.check("wrong passphrase: the field is empty and focused again", wait_until(lambda: session.execute(
            "const a = document.activeElement; return !!a && a.id === 'unlock-passphrase' && a.value === ''"), 5))
        checks.check("wrong passphrase: no file of the store changed", digest(data_dir) == before)
        screenshot(session, "unlock-02-wrong-ja")

        # Right passphrase: the start screen.
        unlock(session, PASSPHRASE)
        checks.check("right passphrase: the start screen",
                     session.wait_for('[data-testid="start-ready"]', timeout=30) is not None)
        checks.check("unlocked: lock now in the header", session.find('[data-testid="lock-now"]') is not None)

        # A note typed, then idle: auto-lock, the unlock screen; the note survives.
        click(session, f'[data-testid="open-assessment-{A}"]', timeout=30)
        click(session, '[data-testid="tab-interview"]')
        items = session.wait_for('[data-testid="interview-items"]', timeout=30)
        session.click(items)
        item = session.execute("return document.querySelector('.row.current').dataset.itemId")
        dept = session.execute(
            "const s = document.querySelector('[data-testid=\"interview-department\"]');"
            "return s && s.options[s.selectedIndex] ? s.options[s.selectedIndex].textContent.trim() : ''")
        session.press("n")
        session.send_keys(session.wait_for('[data-testid="interview-note"]'), NOTE)
        t0 = time.monotonic()
        locked = wait_until(lambda: session.find('[data-testid="unlock-screen"]') is not None, AUTOLOCK_SECONDS + 15)
        waited = time.monotonic() - t0
        checks.check(f"auto-lock after {AUTOLOCK_SECONDS} s idle: the unlock screen ({waited:.1f} s)",
                     locked and waited >= AUTOLOCK_SECONDS - 1)
        checks.check("auto-lock: says why", session.find('[data-testid="unlock-auto"]') is not None)
        checks.check("auto-lock: the interview is no longer shown", session.find('[data-testid="interview-note"]') is None)
        screenshot(session, "unlock-03-autolocked-ja")
        unlock(session, PASSPHRASE)
        click(session, '[data-testid="tab-interview"]', timeout=30)
        session.wait_for(f'[data-item-id="{item}"]', timeout=30)
        session.click(session.find(f'[data-item-id="{item}"]'))
        note = session.property(session.wait_for('[data-testid="interview-note"]'), "value")
        checks.check("after unlocking: the note typed before auto-lock is there", note == NOTE, repr(note))
        env = {"TENKEN_PASSPHRASE": PASSPHRASE}
        saved = wait_until(lambda: any(
            a["item_id"] == item and a["note"] == NOTE
            for a in cli(data_dir, "answer", "list", A, "--department", dept, env=env)), 15)
        checks.check("the note is in the (encrypted) store", saved, dept)

        # Settings: encryption and auto-lock; change the passphrase (the two new entries must match).
        click(session, '[data-testid="nav-settings"]')
        card = session.wait_for('[data-testid="settings-lock"]', timeout=30)
        checks.check("settings: the store is said to be encrypted", ja["set-lock-encrypted"] in session.text(card))
        checks.check("settings: auto-lock choices 5/15/30/60 min/never", session.execute(
            "return [...document.querySelector('[data-testid=\"settings-autolock\"]').options].map(o => o.value).join(',')")
            == "5,15,30,60,0")
        session.send_keys(session.find('[data-testid="settings-pass-old"]'), PASSPHRASE)
        session.send_keys(session.find('[data-testid="settings-pass-new"]'), NEW_PASSPHRASE)
        session.send_keys(session.find('[data-testid="settings-pass-new2"]'), NEW_PASSPHRASE + "x")
        click(session, '[data-testid="settings-pass-change"]')
        checks.check("change passphrase: two different new entries refused",
                     ja["set-pass-mismatch"] in wait_for_text(session, '[data-testid="settings-passphrase"] .mismatch', ja["set-pass-mismatch"], 5))
        session.clear(session.find('[data-testid="settings-pass-new2"]'))
        session.send_keys(session.find('[data-testid="settings-pass-new2"]'), NEW_PASSPHRASE)
        click(session, '[data-testid="settings-pass-change"]')
        ok = wait_for_text(session, '[data-testid="settings-passphrase"] .ok', ja["set-pass-changed"], 15)
        checks.check("change passphrase: done", ja["set-pass-changed"] in ok, ok)
        screenshot(session, "unlock-04-settings-ja")

        # Lock now; the old passphrase no longer opens it, the new one does.
        click(session, '[data-testid="lock-now"]')
        checks.check("lock now: the unlock screen",
                     wait_until(lambda: session.find('[data-testid="unlock-screen"]') is not None, 10))
        unlock(session, PASSPHRASE)
        checks.check("after the change: the old passphrase is wrong",
                     ja["unlock-wrong"] in wait_for_text(session, '[data-testid="unlock-error"]', ja["unlock-wrong"]))
        unlock(session, NEW_PASSPHRASE)
        checks.check("after the change: the new passphrase unlocks",
                     wait_until(lambda: session.find('[data-testid="unlock-screen"]') is None, 15))
    finally:
        close_app(session)


if __name__ == "__main__":
    sys.exit(main(run))
