#!/usr/bin/env python3
"""End-to-end: encryption turned on and off in the window, the recovery key shown once, recovery
of a forgotten passphrase on the unlock screen, and "remember on this computer" through the OS
keychain (a real Secret Service: gnome-keyring inside dbus-run-session, see
tests/e2e/with-keychain.sh).

A plain demo store. Settings → encrypt: two different passphrases are refused; then the
recovery-key dialog (the key in its printed form, print and save buttons, closing only after
"kept" is ticked); saving it inside the data folder is refused, outside it works. The database
no longer opens with sqlite3. "Remember on this computer": the next start opens without the
unlock screen; turned off, the next start asks again. Forgotten passphrase: a wrong recovery key
is refused with nothing changed; the right one sets a new passphrase and opens the store (the
CLI then opens it with the new passphrase); in Settings, with the store open, the recovery key
also stands in for a forgotten current passphrase. An encrypted backup restored through the
window's command needs its passphrase. Settings → turn encryption off: a wrong passphrase
is refused; the right one leaves a plain store that sqlite3 reads, with the same records.
Screenshots: target/e2e-screenshots/encryption-*.png (1366×768).

    dbus-run-session -- tests/e2e/with-keychain.sh \
        xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/encryption.py [--keep-data]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import (  # noqa: E402
    Checks, axe_check, close_app, ftl_messages, main, open_app, screenshot, wait_for_text, wait_until, click,
)

PASSPHRASE = "暗号化 passphrase 2026"
NEW_PASSPHRASE = "回復後の passphrase 2027"
THIRD_PASSPHRASE = "設定画面で回復 passphrase 2028"
RECOVERY_FORM = re.compile(r"^[A-Z2-7]{4,}(-[A-Z2-7]{4,})+$")

# Fast key derivation for the test (read by the app at start; tauri-driver passes it on).
os.environ["TENKEN_TEST_WEAK_KDF"] = "1"


# The private copy of tenken (harness.private_binaries, at the start of run).
PRIVATE_TENKEN = ""


def cli(data_dir: str, *args: str, env: dict[str, str] | None = None):
    out = subprocess.run(
        [PRIVATE_TENKEN, "--data-dir", data_dir, *args, "--json"], check=True, capture_output=True, text=True,
        env=dict(os.environ, **(env or {})),
    ).stdout
    return json.loads(out) if out.strip() else None


def sqlite_reads(db: str) -> bool:
    r = subprocess.run(["sqlite3", db, "SELECT count(*) FROM sqlite_master"], capture_output=True, text=True)
    return r.returncode == 0 and r.stdout.strip().isdigit() and int(r.stdout.strip()) > 0


def fill(session, css: str, text: str) -> None:
    el = session.wait_for(css, timeout=15)
    session.clear(el)
    session.send_keys(el, text)


def invoke(session, command: str, args: dict):
    """Calls a command as the UI does; returns {"ok": value} or {"err": {code, message}}."""
    return session.execute_async(
        """const [cmd, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(v => done({ok: v}), e => done({err: e}));""",
        command, args)


def text_when(session, css: str, timeout: float = 15.0) -> str:
    """The text of `css` once it is shown and not empty ("" after `timeout`)."""
    found = wait_until(lambda: session.find(css) is not None and session.text(session.find(css)).strip() != "", timeout)
    return session.text(session.find(css)).strip() if found else ""


def settings_file(data_dir: str) -> dict:
    try:
        with open(os.path.join(data_dir, "settings.json"), encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def run(checks: Checks, data_dir: str) -> None:
    global PRIVATE_TENKEN
    PRIVATE_TENKEN = harness.private_binaries("encryption")
    ja = ftl_messages("ja")
    cli(data_dir, "demo")
    orgs_before = cli(data_dir, "org", "list")
    db = os.path.join(data_dir, "tenken.db")
    keys = os.path.join(data_dir, "tenken-keys.json")
    keychain = bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
    if not keychain:
        print("     (no session bus: run through tests/e2e/with-keychain.sh for the keychain checks)", flush=True)

    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="start-ready"]', timeout=60)
        click(session, '[data-testid="nav-settings"]')
        card = session.wait_for('[data-testid="settings-encryption-off"]', timeout=30)
        checks.check("plain store: Settings says it is not encrypted", ja["set-enc-plain"] in session.text(card))
        fill(session, '[data-testid="settings-encrypt-pass"]', PASSPHRASE)
        fill(session, '[data-testid="settings-encrypt-pass2"]', PASSPHRASE + "x")
        click(session, '[data-testid="settings-encrypt-submit"]')
        checks.check("encrypt: two different passphrases refused",
                     ja["set-pass-mismatch"] in wait_for_text(session, '[data-testid="settings-encrypt"] .mismatch',
                                                               ja["set-pass-mismatch"], 5))
        checks.check("encrypt refused: still plain", not os.path.exists(keys) and sqlite_reads(db))
        fill(session, '[data-testid="settings-encrypt-pass2"]', PASSPHRASE)
        click(session, '[data-testid="settings-encrypt-submit"]')
        dialog = session.wait_for('[data-testid="recovery-dialog"]', timeout=60)
        key = session.text(session.find('[data-testid="recovery-key"]')).strip()
        checks.check("encrypt: the recovery key is shown in its printed form", bool(RECOVERY_FORM.match(key)), key)
        checks.check("encrypt: the keys file exists and sqlite3 cannot read the database",
                     os.path.exists(keys) and not sqlite_reads(db))
        checks.check("recovery dialog: print and save buttons",
                     session.find('[data-testid="recovery-print"]') is not None
                     and session.find('[data-testid="recovery-save"]') is not None)
        close_btn = session.find('[data-testid="recovery-close"]')
        checks.check("recovery dialog: cannot be closed before 'kept' is ticked",
                     session.property(close_btn, "disabled") is True)
        checks.check("the recovery key is in no file of the data folder", not any(
            key.encode() in open(os.path.join(root, f), "rb").read()
            for root, _, files in os.walk(data_dir) for f in files))
        # Saving: never inside the data folder; outside it, a text file with the key and the folder.
        inside = invoke(session, "save_recovery_key", {"path": os.path.join(data_dir, "key.txt"), "recoveryKey": key})
        checks.check("save inside the data folder: refused", "err" in inside and not os.path.exists(
            os.path.join(data_dir, "key.txt")), json.dumps(inside, ensure_ascii=False))
        out_file = os.path.join(harness.output_dir(data_dir), "tenken-recovery-key.txt")
        saved = invoke(session, "save_recovery_key", {"path": out_file, "recoveryKey": key})
        text = open(out_file, encoding="utf-8").read() if os.path.exists(out_file) else ""
        checks.check("save outside: the file holds the key and names the data folder",
                     "ok" in saved and key in text and data_dir in text, json.dumps(saved, ensure_ascii=False))
        again = invoke(session, "save_recovery_key", {"path": out_file, "recoveryKey": key})
        checks.check("save over an existing file: refused", "err" in again)
        axe_check(session, checks, "recovery key dialog")
        screenshot(session, "encryption-01-recovery-key-ja")
        click(session, '[data-testid="recovery-kept"]')
        click(session, '[data-testid="recovery-close"]')
        checks.check("recovery dialog closed; Settings shows the encrypted store",
                     wait_until(lambda: session.find('[data-testid="recovery-dialog"]') is None
                                and session.find('[data-testid="settings-lock"]') is not None, 10))
        checks.check("the header offers lock now", session.find('[data-testid="lock-now"]') is not None)
        checks.check("the records are still there (CLI, with the passphrase)",
                     cli(data_dir, "org", "list", env={"TENKEN_PASSPHRASE": PASSPHRASE}) == orgs_before)

        # Remember on this computer.
        click(session, '[data-testid="settings-remember"]')
        if keychain:
            said = wait_for_text(session, '[data-testid="settings-remember-said"]', ja["set-enc-remember-on"], 15)
            checks.check("remember: said so", ja["set-enc-remember-on"] in said, said)
            checks.check("remember: recorded in settings.json", settings_file(data_dir).get("remember_key") is True)
        else:
            notice = text_when(session, '[data-testid="settings-keychain-notice"]')
            checks.check("remember without a keychain: the reason is shown", notice != "", notice)
        screenshot(session, "encryption-02-settings-encrypted-ja")
    finally:
        close_app(session)

    if keychain:
        session = open_app(data_dir)
        try:
            checks.check("remembered: the next start opens without the unlock screen",
                         session.wait_for('[data-testid="start-ready"]', timeout=60) is not None
                         and session.find('[data-testid="unlock-screen"]') is None)
            click(session, '[data-testid="nav-settings"]')
            box = session.wait_for('[data-testid="settings-remember"]', timeout=30)
            checks.check("Settings shows it is remembered", session.property(box, "checked") is True)
            click(session, '[data-testid="settings-remember"]')
            said = wait_for_text(session, '[data-testid="settings-remember-said"]', ja["set-enc-remember-off"], 15)
            checks.check("forget: said so", ja["set-enc-remember-off"] in said, said)
        finally:
            close_app(session)

    # Forgotten passphrase: the recovery key on the unlock screen.
    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="unlock-screen"]', timeout=60)
        checks.check("not remembered: the unlock screen at start", session.find('[data-testid="start-ready"]') is None)
        click(session, '[data-testid="unlock-forgot"]')
        session.wait_for('[data-testid="recover-form"]', timeout=10)
        wrong = ("A" if key[0] != "A" else "B") + key[1:]
        fill(session, '[data-testid="recover-key"]', wrong)
        fill(session, '[data-testid="recover-new"]', NEW_PASSPHRASE)
        fill(session, '[data-testid="recover-new2"]', NEW_PASSPHRASE)
        keys_before = open(keys, "rb").read()
        click(session, '[data-testid="recover-submit"]')
        session.wait_for('[data-testid="unlock-error"]', timeout=15)
        code = session.attribute(session.find('[data-testid="unlock-error"]'), "data-error-code")
        checks.check("a wrong recovery key: refused (wrong_recovery_key), keys file unchanged, still locked",
                     code == "wrong_recovery_key" and open(keys, "rb").read() == keys_before
                     and session.find('[data-testid="start-ready"]') is None, str(code))
        screenshot(session, "encryption-03-recover-ja")
        fill(session, '[data-testid="recover-key"]', key.lower())
        click(session, '[data-testid="recover-submit"]')
        checks.check("the right recovery key (typed in lower case): the store opens",
                     session.wait_for('[data-testid="start-ready"]', timeout=60) is not None)
        checks.check("recovered: the new passphrase opens the store in the CLI",
                     cli(data_dir, "org", "list", env={"TENKEN_PASSPHRASE": NEW_PASSPHRASE}) == orgs_before)
        old = subprocess.run([PRIVATE_TENKEN, "--data-dir", data_dir, "org", "list", "--json"], capture_output=True,
                             text=True, env=dict(os.environ, TENKEN_PASSPHRASE=PASSPHRASE))
        checks.check("recovered: the old passphrase no longer does", old.returncode == 1 and "wrong_passphrase" in
                     (old.stdout + old.stderr))

        # Restore of an encrypted backup from the window: its passphrase is asked for; the store
        # is reopened with the backup's key (still unlocked), with the backup's records.
        env = {"TENKEN_PASSPHRASE": NEW_PASSPHRASE}
        backup_dir = os.path.join(harness.output_dir(data_dir), "backup")
        cli(data_dir, "backup", backup_dir, env=env)
        cli(data_dir, "org", "add", "バックアップ後に足した市", env=env)
        info = invoke(session, "backup_info", {"backupDir": backup_dir})
        checks.check("backup_info: an encrypted backup", info.get("ok", {}).get("encrypted") is True, json.dumps(info))
        none = invoke(session, "restore_data", {"backupDir": backup_dir, "passphrase": None})
        wrong = invoke(session, "restore_data", {"backupDir": backup_dir, "passphrase": "not the one at all"})
        checks.check("restore of an encrypted backup: no passphrase / a wrong one refused, nothing restored",
                     none.get("err", {}).get("code") == "passphrase_required"
                     and wrong.get("err", {}).get("code") == "wrong_passphrase"
                     and len(cli(data_dir, "org", "list", env=env)) == len(orgs_before) + 1,
                     json.dumps([none, wrong], ensure_ascii=False))
        done = invoke(session, "restore_data", {"backupDir": backup_dir, "passphrase": NEW_PASSPHRASE})
        state = invoke(session, "lock_state", {})
        checks.check("restore with the passphrase: done, the store still unlocked, the backup's records",
                     "ok" in done and state.get("ok", {}).get("state") == "unlocked"
                     and cli(data_dir, "org", "list", env=env) == orgs_before,
                     json.dumps([done, state], ensure_ascii=False))

        # Settings, the store open: the recovery key stands in for a forgotten current passphrase.
        click(session, '[data-testid="nav-settings"]')
        click(session, '[data-testid="settings-pass-with-recovery"]')
        fill(session, '[data-testid="settings-pass-old"]', key)
        fill(session, '[data-testid="settings-pass-new"]', THIRD_PASSPHRASE)
        fill(session, '[data-testid="settings-pass-new2"]', THIRD_PASSPHRASE)
        click(session, '[data-testid="settings-pass-change"]')
        ok = wait_for_text(session, '[data-testid="settings-passphrase"] .ok', ja["set-pass-changed"], 15)
        checks.check("Settings: a new passphrase set with the recovery key", ja["set-pass-changed"] in ok, ok)
        checks.check("… and it opens the store in the CLI",
                     cli(data_dir, "org", "list", env={"TENKEN_PASSPHRASE": THIRD_PASSPHRASE}) == orgs_before)

        # Turn encryption off.
        fill(session, '[data-testid="settings-decrypt-pass"]', PASSPHRASE)
        click(session, '[data-testid="settings-decrypt-submit"]')
        err = text_when(session, '[data-testid="settings-decrypt"] [role="alert"]')
        checks.check("turn off with a wrong passphrase: refused, still encrypted",
                     err != "" and os.path.exists(keys) and not sqlite_reads(db), err)
        fill(session, '[data-testid="settings-decrypt-pass"]', THIRD_PASSPHRASE)
        click(session, '[data-testid="settings-decrypt-submit"]')
        done = text_when(session, '[data-testid="settings-decrypt-done"]', 60)
        checks.check("turn off: done, Settings offers to encrypt again",
                     done != "" and session.find('[data-testid="settings-encryption-off"]') is not None, done)
        checks.check("turn off: no keys file, sqlite3 reads the database",
                     not os.path.exists(keys) and sqlite_reads(db))
        checks.check("turn off: the header no longer offers lock now",
                     wait_until(lambda: session.find('[data-testid="lock-now"]') is None, 10))
        checks.check("turn off: the same records (CLI, no passphrase)", cli(data_dir, "org", "list") == orgs_before)
        screenshot(session, "encryption-04-plain-again-ja")
    finally:
        close_app(session)


if __name__ == "__main__":
    sys.exit(main(run))
