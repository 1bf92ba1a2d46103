#!/usr/bin/env python3
"""End-to-end: encrypted team packages in the real window (#13).

Prepared with the CLI: the lead's store is `tenken demo`, then `tenken encrypt`
(TENKEN_NEW_PASSPHRASE, TENKEN_TEST_WEAK_KDF=1 for fast key derivations, also in the window).
In the window, on the lead's store: unlocked, the Team tab's share asks for the team's package
passphrase twice (password fields, lang="en", ime-mode disabled, autocomplete off; too short and
"differ" said in place, the share button disabled until both agree); the share is written (the
file named directly: the native save dialog cannot be driven) and is an encrypted package
(magic bytes; the CLI refuses it without the package passphrase). Then a member's new plain
store: Settings → open a share names the encrypted file, the window asks for the package
passphrase; a wrong one is refused visibly (the message and the field emptied) with nothing in
the member's data folder changed; the right one joins (checked with the CLI). Last, a second member
with an encrypted store (CLI) returns an encrypted package; dropped on the lead's window, the merge
asks for the package passphrase, refuses a wrong one visibly (nothing merged) and merges with the
right one. Screenshots:
target/e2e-screenshots/team-enc-*.png (1366×768).

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/team_encrypted.py [--keep-data]
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import (  # noqa: E402
    Checks, axe_check, close_app, ftl_messages, main, open_app, screenshot, wait_for_text, wait_until, click,
    drop_files,
)

A = "2"  # the demo's current assessment
PASSPHRASE = "点検 lead store 2026"
PACKAGE_PASSPHRASE = "team package 合言葉 2026"

# The window reads it when it seals a package (tauri-driver passes the environment on).
os.environ["TENKEN_TEST_WEAK_KDF"] = "1"


# The private copy of tenken (harness.private_binaries, at the start of run).
PRIVATE_TENKEN = ""


def tenken(data_dir: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENKEN_") or k == "TENKEN_TEST_WEAK_KDF"}
    return subprocess.run(
        [PRIVATE_TENKEN, "--data-dir", data_dir, *args, "--json"], capture_output=True, text=True,
        env=dict(clean, **(env or {})), stdin=subprocess.DEVNULL,
    )


def cli(data_dir: str, *args: str, env: dict[str, str] | None = None):
    r = tenken(data_dir, *args, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"tenken {args}: {r.stderr}")
    return json.loads(r.stdout) if r.stdout.strip() else None


def digest(data_dir: str) -> dict[str, str]:
    """SHA-256 of every file of the store (not the window's settings, drafts, logs)."""
    out = {}
    for root, _, files in os.walk(data_dir):
        for name in files:
            if name in ("settings.json", "drafts.json") or name.endswith(".tmp"):
                continue
            p = os.path.join(root, name)
            with open(p, "rb") as f:
                out[os.path.relpath(p, data_dir)] = hashlib.sha256(f.read()).hexdigest()
    return dict(sorted(out.items()))


def clear_and_type(session, css: str, text: str) -> None:
    el = session.wait_for(css, timeout=10)
    session.execute("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                    {"element-6066-11e4-a52e-4f735466cecf": el})
    session.send_keys(el, text)


def disabled(session, css: str) -> bool:
    return session.property(session.find(css), "disabled") is True


def field_is_for_passphrases(session, css: str) -> bool:
    el = session.find(css)
    return (el is not None and session.attribute(el, "type") == "password" and session.attribute(el, "lang") == "en"
            and session.attribute(el, "autocomplete") == "off"
            and "ime-mode: disabled" in (session.attribute(el, "style") or ""))


def merges(data_dir: str) -> int:
    return len([e for e in cli(data_dir, "log", env={"TENKEN_PASSPHRASE": PASSPHRASE}) or []
                if e.get("action") == "team.merge"])


def run(checks: Checks, data_dir: str) -> None:
    global PRIVATE_TENKEN
    PRIVATE_TENKEN = harness.private_binaries("team-enc")
    ja = ftl_messages("ja", ("ui.ftl", "ui-records.ftl", "ui-team.ftl", "core.ftl"))
    work = tempfile.mkdtemp(prefix="tenken-e2e-team-enc-")
    share = os.path.join(work, "配布-一郎.zip")
    member_dir = os.path.join(work, "member")
    cli(data_dir, "demo")
    cli(data_dir, "encrypt", env={"TENKEN_NEW_PASSPHRASE": PASSPHRASE})

    session = open_app(data_dir)
    try:
        field = session.wait_for('[data-testid="unlock-passphrase"]', timeout=60)
        session.send_keys(field, PASSPHRASE)
        click(session, '[data-testid="unlock-submit"]')
        click(session, f'[data-testid="open-assessment-{A}"]', timeout=60)
        click(session, '[data-testid="tab-team"]')
        session.wait_for('[data-testid="team-share-pp"]', timeout=20)
        checks.check("encrypted store: the share asks for the package passphrase twice",
                     session.find('[data-testid="team-share-pp-input"]') is not None
                     and session.find('[data-testid="team-share-pp-again"]') is not None)
        checks.check("package passphrase fields: password, lang=en, ime-mode disabled, autocomplete off",
                     field_is_for_passphrases(session, '[data-testid="team-share-pp-input"]')
                     and field_is_for_passphrases(session, '[data-testid="team-share-pp-again"]'))
        checks.check("share disabled while no package passphrase is typed",
                     disabled(session, '[data-testid="team-share"]'))
        clear_and_type(session, '[data-testid="team-share-pp-input"]', "short")
        problem = wait_for_text(session, '[data-testid="team-share-pp-problem"]', "8", 5)
        checks.check("too short: said in place", "8" in problem, problem)
        clear_and_type(session, '[data-testid="team-share-pp-input"]', PACKAGE_PASSPHRASE)
        clear_and_type(session, '[data-testid="team-share-pp-again"]', PACKAGE_PASSPHRASE + "x")
        problem = wait_for_text(session, '[data-testid="team-share-pp-problem"]', ja["team-pp-mismatch"], 5)
        checks.check("two entries differ: said in place, share still disabled",
                     ja["team-pp-mismatch"] in problem and disabled(session, '[data-testid="team-share"]'), problem)
        clear_and_type(session, '[data-testid="team-share-pp-again"]', PACKAGE_PASSPHRASE)
        checks.check("share enabled once both entries agree",
                     wait_until(lambda: not disabled(session, '[data-testid="team-share"]'), 5))
        member = session.find('[data-testid="team-share-member"]')
        session.send_keys(member, "一郎")
        session.execute("document.querySelector('[data-testid=\"team-share-pp\"]').scrollIntoView({block: 'center'})")
        axe_check(session, checks, "team-share-passphrase-ja")
        screenshot(session, "team-enc-01-share-passphrase-ja")

        session.execute("window.__tenkenShareTo(arguments[0]); return true;", share)
        shared = wait_for_text(session, '[data-testid="team-shared"]', "一郎", 60)
        checks.check("shared from the window", "一郎" in shared, shared)
        with open(share, "rb") as f:
            head = f.read(8)
        checks.check("the file is an encrypted package (TNKPKG magic, not a zip)",
                     head == b"TNKPKG\x00\x01", repr(head))
        r = tenken(member_dir + "-cli-probe", "team", "join", share)
        code = json.loads(r.stderr).get("error", {}).get("code") if r.stderr.strip().startswith("{") else r.stderr
        checks.check("the CLI refuses it without the package passphrase (package_passphrase_required)",
                     r.returncode == 1 and code == "package_passphrase_required", str(code))
        shutil.rmtree(member_dir + "-cli-probe", ignore_errors=True)
    finally:
        close_app(session)

    # A member's new plain store opens the encrypted share from Settings.
    os.makedirs(member_dir, exist_ok=True)
    member = open_app(member_dir)
    try:
        click(member, '[data-testid="nav-settings"]', timeout=60)
        member.wait_for('[data-testid="settings-team-join"]', timeout=20)
        before = digest(member_dir)
        member.execute("window.__tenkenJoinFile(arguments[0]); return true;", share)
        member.wait_for('[data-testid="settings-team-join-pp"]', timeout=20)
        checks.check("an encrypted share: the window asks for the package passphrase (once)",
                     member.find('[data-testid="settings-team-join-pp-input"]') is not None
                     and member.find('[data-testid="settings-team-join-pp-again"]') is None)
        checks.check("join field: password, lang=en, ime-mode disabled, autocomplete off",
                     field_is_for_passphrases(member, '[data-testid="settings-team-join-pp-input"]'))
        checks.check("open disabled while the field is empty",
                     disabled(member, '[data-testid="settings-team-join-encrypted"]'))
        clear_and_type(member, '[data-testid="settings-team-join-pp-input"]', "wrong package passphrase")
        click(member, '[data-testid="settings-team-join-encrypted"]')
        wrong = wait_for_text(member, '[data-testid="settings-team-join-pp-wrong"]', ja["team-pp-wrong"][:6], 30)
        checks.check("wrong package passphrase: said in place", ja["team-pp-wrong"] in wrong, wrong)
        notice = member.find('[role="alert"][data-error-code="wrong_package_passphrase"]')
        checks.check("wrong package passphrase: the error (wrong_package_passphrase) is shown",
                     notice is not None and "パッケージのパスフレーズが違います" in member.text(notice),
                     member.text(notice) if notice else "")
        checks.check("wrong package passphrase: the field is emptied and focused", wait_until(lambda: member.execute(
            "const a = document.activeElement; return !!a && a.dataset.testid === 'settings-team-join-pp-input'"
            " && a.value === ''"), 5))
        checks.check("wrong package passphrase: nothing in the member's data folder changed",
                     digest(member_dir) == before)
        checks.check("wrong package passphrase: not joined", member.find('[data-testid="settings-team-joined"]') is None)
        screenshot(member, "team-enc-02-join-wrong-ja")

        clear_and_type(member, '[data-testid="settings-team-join-pp-input"]', PACKAGE_PASSPHRASE)
        click(member, '[data-testid="settings-team-join-encrypted"]')
        joined = wait_for_text(member, '[data-testid="settings-team-joined"]', "総務課", 60)
        checks.check("right package passphrase: joined", "総務課" in joined, joined)
        screenshot(member, "team-enc-03-joined-ja")
        status = cli(member_dir, "export", A)
        checks.check("the member's store holds the shared assessment",
                     status is not None and len(status.get("answers", [])) > 0)
    finally:
        close_app(member)

    # A second member with an encrypted store returns an encrypted package (CLI); the lead merges
    # it in the window.
    m2 = os.path.join(work, "member2")
    ret = os.path.join(work, "返却-二郎.zip")
    pkg_env = {"TENKEN_PASSPHRASE": "member two store pass", "TENKEN_PACKAGE_PASSPHRASE": PACKAGE_PASSPHRASE}
    cli(m2, "org", "list")
    cli(m2, "encrypt", env={"TENKEN_NEW_PASSPHRASE": "member two store pass"})
    cli(m2, "team", "join", share, env=pkg_env)
    cli(m2, "answer", "set", A, "--department", "総務課", "--item", "AU-01-00-003", "--rating", "nonconform",
        "--note", "二郎が暗号化したPCで確認", env=pkg_env)
    cli(m2, "team", "return", A, "--out", ret, env=pkg_env)
    with open(ret, "rb") as f:
        checks.check("the encrypted member's return is an encrypted package", f.read(8) == b"TNKPKG\x00\x01")
    merged_before = merges(data_dir)
    lead = open_app(data_dir)
    try:
        field = lead.wait_for('[data-testid="unlock-passphrase"]', timeout=60)
        lead.send_keys(field, PASSPHRASE)
        click(lead, '[data-testid="unlock-submit"]')
        click(lead, f'[data-testid="open-assessment-{A}"]', timeout=60)
        click(lead, '[data-testid="tab-team"]')
        lead.wait_for('[data-testid="team-drop-zone"]', timeout=20)
        checks.check("encrypted return dropped on the window", drop_files(lead, [ret]) == "ok")
        lead.wait_for('[data-testid="team-merge-pp"]', timeout=20)
        checks.check("merge: the window asks for the package passphrase before merging",
                     lead.find('[data-testid="team-merged"]') is None
                     and field_is_for_passphrases(lead, '[data-testid="team-merge-pp-input"]'))
        clear_and_type(lead, '[data-testid="team-merge-pp-input"]', "not the team passphrase")
        click(lead, '[data-testid="team-merge-encrypted"]')
        wrong = wait_for_text(lead, '[data-testid="team-merge-pp-wrong"]', ja["team-pp-wrong"][:6], 30)
        checks.check("merge, wrong package passphrase: said in place, nothing merged",
                     ja["team-pp-wrong"] in wrong and merges(data_dir) == merged_before, wrong)
        checks.check("merge, wrong package passphrase: the merge field (not the share's) is emptied and focused",
                     wait_until(lambda: lead.execute(
                         "const a = document.activeElement; return !!a && a.dataset.testid === 'team-merge-pp-input'"
                         " && a.value === ''"), 5))
        screenshot(lead, "team-enc-04-merge-wrong-ja")
        clear_and_type(lead, '[data-testid="team-merge-pp-input"]', PACKAGE_PASSPHRASE)
        click(lead, '[data-testid="team-merge-encrypted"]')
        summary = wait_for_text(lead, '[data-testid="team-merged"]', "反映", 60)
        checks.check("merge, right package passphrase: merged", "反映" in summary, summary)
        got = None
        for a in cli(data_dir, "export", A, env={"TENKEN_PASSPHRASE": PASSPHRASE})["answers"]:
            if a["department"] == "総務課" and a["item_id"] == "AU-01-00-003":
                got = a["note"]
        checks.check("the member's answer reached the lead's store", got == "二郎が暗号化したPCで確認", str(got))
    finally:
        close_app(lead)
        if "--keep-data" not in sys.argv[1:]:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(run))
