#!/usr/bin/env python3
"""End-to-end: an auditor's year in the real window, on an empty data dir.

register the organisation → import seed policy 000 (dropped on the window) → derive the audit
checklist → create an assessment with two departments → record an interview → rate ten items
by keyboard → write a note → raise a finding from an item → attach an evidence file (dropped)
→ export the PDF → its text contains the finding and the evidence's SHA-256. Then: close the
window in the middle of a note and reopen — the note is there. Every screen is photographed in
Japanese and English (target/e2e-screenshots/). Checks what the window says against the store
through the `tenken` CLI.

File drops are the window's real drag-and-drop path: the test emits the `tauri://drag-drop`
event the webview emits when files are dropped (a native file dialog cannot be driven).

    python3 tests/e2e/workflow.py [--keep-data]
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (  # noqa: E402
    ROOT, TENKEN, Checks, close_app, ftl_messages, main, open_app, screenshot, wait_for_text, wait_until,
)

SEED = os.path.join(ROOT, "tests", "fixtures", "policies", "000_f30b78bf79fe382b.txt")
SEED_PDF = os.path.join(ROOT, "tests", "fixtures", "policies", "converted", "000_f30b78bf79fe382b.pdf")
SEED_DOCX = os.path.join(ROOT, "tests", "fixtures", "policies", "converted", "000_f30b78bf79fe382b.docx")
SCANNED = os.path.join(ROOT, "tests", "fixtures", "policies", "scanned-image-only.pdf")
DOWN = "\ue015"
FACT = "サーバ室の入退室記録が3か月分保存されていない。"
NOTE = "入退室管理簿を確認。担当者不在時の運用は口頭のみ。"
LATE_NOTE = "閉じる直前に書いたメモ（自動保存の確認）"


def cli(data_dir: str, *args: str):
    out = subprocess.run([TENKEN, "--data-dir", data_dir, *args, "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def drop_files(session, paths: list[str]) -> str:
    """Emits the event the webview sends when files are dropped on the window."""
    return session.execute_async(
        """const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__.invoke('plugin:event|emit',
            {event: 'tauri://drag-drop', payload: {paths: arguments[0], position: {x: 400, y: 300}}})
          .then(() => done('ok'), (e) => done('error: ' + JSON.stringify(e)));""",
        paths,
    )


def click(session, testid: str, timeout: float = 30.0) -> None:
    session.click(session.wait_for(f'[data-testid="{testid}"]', timeout=timeout))


def text_of(session, testid: str) -> str:
    el = session.find(f'[data-testid="{testid}"]')
    return session.text(el) if el else ""


def choose_option(session, select_testid: str, option_text: str) -> bool:
    """Selects the option whose text contains `option_text` (fires `change`)."""
    return bool(session.execute(
        """const s = document.querySelector(`[data-testid="${arguments[0]}"]`);
        const o = s && [...s.options].find((o) => o.textContent.includes(arguments[1]));
        if (!o) return false;
        s.value = o.value; s.dispatchEvent(new Event('change', {bubbles: true})); return true;""",
        select_testid, option_text,
    ))


def run(checks: Checks, data_dir: str) -> None:
    ja, en = ftl_messages("ja"), ftl_messages("en")
    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="start-empty"]', timeout=60)
        screenshot(session, "01-start-empty-ja")

        # Organisation
        session.send_keys(session.wait_for('[data-testid="org-add-name"]'), "東雲市")
        click(session, "org-add")
        session.wait_for('[data-testid="start-ready"]')
        org = cli(data_dir, "org", "list")
        checks.check("organisation registered in the store", [o["name"] for o in org] == ["東雲市"], str(org))
        org_id = org[0]["id"]

        # Policy: drop seed 000 on the window
        click(session, f"org-policy-{org_id}")
        session.wait_for('[data-testid="policy-drop-zone"]')
        checks.check("policy file dropped", drop_files(session, [SEED]) == "ok")
        segments = wait_for_text(session, '[data-testid="policy-segments"]', ja["segment-lgwan"], timeout=30)
        checks.check("policy: segments found (マイナンバー, LGWAN, インターネット)",
                     all(ja[f"segment-{s}"] in segments for s in ("mynumber", "lgwan", "internet")), segments)
        physical = text_of(session, "policy-topics")
        checks.check("policy: 物理的セキュリティ is 第8条第4号", "第8条第4号" in physical, physical[:300])
        checks.check("policy: original text shown beside the sections", "第8条" in text_of(session, "policy-text"))
        stored = cli(data_dir, "policy", "list", "--org", str(org_id))
        checks.check("policy stored once", len(stored) == 1, str(stored))
        screenshot(session, "02-policy-ja")
        # Correct a topic mapping in the window (to 第11条, then back): the store keeps each correction.
        pid = str(stored[0]["id"]) if stored else "0"
        choose_option(session, "topic-select-procedures", "第11条")
        wait_until(lambda: "第11条" in session.text(session.find('[data-topic="procedures"]')), 10)
        shown = cli(data_dir, "policy", "show", pid)
        checks.check("topic correction saved from the window",
                     shown["parsed"]["topics"].get("procedures", {}).get("citation") == "第11条"
                     and any(c["topic"] == "procedures" for c in shown["corrections"]), str(shown.get("corrections")))
        choose_option(session, "topic-select-procedures", "第12条")
        wait_until(lambda: "第12条" in session.text(session.find('[data-topic="procedures"]')), 10)
        checks.check("topic mapping marked as corrected by hand",
                     ja["policy-topic-corrected"] in session.text(session.find('[data-topic="procedures"]')))
        # Re-import the same text: the window says nothing changed.
        drop_files(session, [SEED])
        same = wait_for_text(session, '[data-testid="policy-changes"]', ja["policy-changes-same"], timeout=30)
        checks.check("re-import shows what changed (here: the same text)", ja["policy-changes-same"] in same, same[:200])
        # As published: a scanned PDF is refused with the way out; the PDF and the Word version
        # of the same seed (LibreOffice conversions) give the same sections.
        drop_files(session, [SCANNED])
        refusal = wait_for_text(session, '[data-error-code="no_text_layer"]', "文字データのない PDF", timeout=30)
        checks.check("policy: a scanned PDF is refused with the way out",
                     "文字データのない PDF" in refusal and "例規集" in refusal, refusal[:300])
        screenshot(session, "02b-policy-scanned-ja")
        for path, fmt in ((SEED_PDF, "pdf"), (SEED_DOCX, "docx")):
            drop_files(session, [path])
            imported = wait_until(lambda: any(p.get("source_format") == fmt
                                              for p in cli(data_dir, "policy", "list", "--org", str(org_id))), 30)
            physical = wait_for_text(session, '[data-testid="policy-topics"]', "第8条第4号", timeout=30)
            no_error = session.find('[data-error-code]') is None
            checks.check(f"policy: the {fmt} version dropped is imported with the same sections (第8条第4号)",
                         imported and no_error and "第8条第4号" in physical, physical[:300])
        screenshot(session, "02c-policy-docx-ja")

        # Checklist: derive and freeze into an assessment with two departments
        click(session, "policy-to-checklist")
        counts = wait_for_text(session, '[data-testid="derive-counts"]', "採用", timeout=30)
        checks.check("checklist: derivation shows kept / left-out counts", "採用" in counts and "除外" in counts, counts)
        kept = text_of(session, "derive-kept")
        checks.check("checklist: kept items cite the organisation's clauses (第8条第4号)", "第8条第4号" in kept)
        session.send_keys(session.wait_for('[data-testid="assessment-title-input"]'), "令和8年度 情報セキュリティ内部監査")
        session.send_keys(session.wait_for('[data-testid="assessment-departments"]'), "総務課\ue007情報政策課")
        screenshot(session, "03-checklist-ja")
        click(session, "assessment-create")
        session.wait_for('[data-testid="dashboard-heat"]', timeout=30)
        assessments = cli(data_dir, "assessment", "list")
        checks.check("assessment created with two departments",
                     len(assessments) == 1 and assessments[0]["department_count"] == 2, str(assessments)[:300])
        aid = assessments[0]["id"]
        screenshot(session, "04-dashboard-ja")

        # Interview: record it, rate ten items by keyboard, write a note
        click(session, "tab-interview")
        items = session.wait_for('[data-testid="interview-items"]', timeout=30)
        click(session, "interview-start")
        session.wait_for('[data-testid="interview-record-notes"]')
        session.click(items)
        started = time.monotonic()
        session.press(*(["1"] * 10))
        rated = lambda: len(session.find_all('[data-testid="interview-items"] [data-rating="conform"]'))  # noqa: E731
        checks.check("ten items rated by keyboard are shown rated", wait_until(lambda: rated() == 10, 10), str(rated()))
        print(f"     ten ratings by keyboard, shown: {time.monotonic() - started:.2f} s", flush=True)
        answers = cli(data_dir, "answer", "list", str(aid), "--department", "総務課")
        conform = [a for a in answers if a["rating"] == "conform"]
        checks.check("ten ratings saved in the store", len(conform) == 10, f"{len(conform)} saved")
        progress = text_of(session, "interview-progress")
        checks.check("progress says 10 rated", progress.startswith("10 /"), progress)
        # A note on the current (11th) item: n jumps to the note, typing autosaves.
        session.press("n")
        session.send_keys(session.wait_for('[data-testid="interview-note"]'), NOTE)
        checks.check("note autosaved without a save button",
                     wait_until(lambda: session.attribute(session.find('[data-testid="save-state"]'), "data-state") == "saved", 10))
        current_item = session.execute("return document.querySelector('.row.current').dataset.itemId")
        saved = cli(data_dir, "answer", "list", str(aid), "--department", "総務課")
        checks.check("note saved in the store", any(a["item_id"] == current_item and a["note"] == NOTE for a in saved))
        screenshot(session, "05-interview-ja")

        # Raise a finding from the current item without leaving the screen
        session.press("\ue00c")  # Escape: back to the list (focus moves there, same item)
        session.press("f")
        session.send_keys(session.wait_for('[data-testid="finding-fact"]'), FACT)
        cls = session.find('[data-testid="finding-classification"]')
        if cls and session.property(cls, "value") in ("", None):
            choose_option(session, "finding-classification", ja["class-minor"])
        screenshot(session, "06-interview-finding-ja")
        click(session, "finding-save")
        checks.check("finding raised: back on the item list",
                     wait_until(lambda: session.find('[data-testid="finding-form"]') is None, 10))
        findings = cli(data_dir, "finding", "list", str(aid))
        checks.check("finding stored with the item's citation",
                     len(findings) == 1 and findings[0]["fact"] == FACT and findings[0]["item_id"] == current_item,
                     str(findings)[:300])

        # Evidence: drop a file linked to the rated item
        evidence_file = os.path.join(data_dir, "入退室管理簿_2026年10月.txt")
        with open(evidence_file, "w", encoding="utf-8") as f:
            f.write("2026-10-01 09:02 総務課 山田 入室\n" * 500)
        sha = hashlib.sha256(open(evidence_file, "rb").read()).hexdigest()
        click(session, "tab-evidence")
        session.wait_for('[data-testid="evidence-drop-zone"]', timeout=30)
        choose_option(session, "evidence-link-department", "総務課")
        box = session.wait_for(f'[data-testid="evidence-link-item-{current_item}"]', timeout=15)
        session.click(box)
        checks.check("evidence file dropped", drop_files(session, [evidence_file]) == "ok")
        shown = wait_for_text(session, "main", sha, timeout=30)
        checks.check("evidence listed with its SHA-256", sha in shown)
        ev = cli(data_dir, "evidence", "list", str(aid))
        checks.check("evidence stored, hashed and linked to the item",
                     len(ev) == 1 and ev[0]["sha256"] == sha and any(l.get("item_id") == current_item for l in ev[0]["links"]),
                     str(ev)[:400])
        screenshot(session, "07-evidence-ja")

        click(session, "tab-findings")
        session.wait_for('[data-testid="findings-row-1"]', timeout=30)
        screenshot(session, "08-findings-ja")

        # Excel round trip in the window: sheets out, one back unchanged, a broken file refused
        click(session, "tab-sheets")
        click(session, "sheets-generate")
        wait_for_text(session, '[data-testid="sheets-written"]', ".xlsx", timeout=60)
        sheets = sorted(glob.glob(os.path.join(data_dir, "sheets", "*", "*.xlsx")))
        checks.check("answer sheets written, one per department", len(sheets) == 2, str(sheets))
        broken = os.path.join(data_dir, "壊れた回答.xlsx")
        with open(broken, "wb") as f:
            f.write(b"PK\x03\x04 not really a workbook")
        if sheets:
            drop_files(session, [sheets[0], broken])
            results = wait_for_text(session, '[data-testid="sheets-results"]', "壊れた回答.xlsx", timeout=60)
            statuses = session.execute(
                "return [...document.querySelectorAll('[data-testid=sheets-results] > li')].map(li => li.dataset.status)")
            checks.check("sheets: the untouched sheet imports as unchanged, the broken file is refused",
                         statuses == ["unchanged", "refused"], f"{statuses} {results[:300]}")
        screenshot(session, "11-sheets-ja")

        # Report
        click(session, "tab-report")
        click(session, "report-export")
        session.wait_for('[data-testid="report-result"]', timeout=120)
        pdf = text_of(session, "report-file").strip()
        checks.check("report written", pdf.endswith(".pdf") and os.path.isfile(pdf), pdf)
        fingerprint = text_of(session, "report-fingerprint").strip()
        screenshot(session, "09-report-ja")
        if os.path.isfile(pdf):
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
            flat = "".join(text.split())
            checks.check("PDF text contains the finding", "".join(FACT.split()) in flat)
            checks.check("PDF text contains the evidence SHA-256", sha in flat)
            verify = subprocess.run([TENKEN, "--data-dir", data_dir, "verify-report", pdf], capture_output=True, text=True)
            checks.check("tenken verify-report accepts the PDF", verify.returncode == 0, verify.stdout + verify.stderr)
            checks.check("window shows the PDF's fingerprint", fingerprint != "" and fingerprint in verify.stdout, fingerprint)

        click(session, "nav-settings")
        session.wait_for('[data-testid="settings-data-dir"]', timeout=30)
        checks.check("settings show the data folder", data_dir in text_of(session, "settings-data-dir"))
        screenshot(session, "10-settings-ja")

        # Close mid-note: type, give autosave a moment, close the window.
        click(session, "nav-home")
        click(session, f"open-assessment-{aid}")
        click(session, "tab-interview")
        items = session.wait_for('[data-testid="interview-items"]', timeout=30)
        session.click(items)
        session.press(DOWN, DOWN)
        late_item = session.execute("return document.querySelector('.row.current').dataset.itemId")
        session.press("n")
        session.send_keys(session.wait_for('[data-testid="interview-note"]'), LATE_NOTE)
        time.sleep(1.0)
    finally:
        close_app(session)

    session = open_app(data_dir)
    try:
        session.wait_for('[data-testid="start-ready"]', timeout=60)
        click(session, f"open-assessment-{aid}")
        click(session, "tab-interview")
        session.wait_for(f'[data-item-id="{late_item}"]', timeout=30)
        session.click(session.find(f'[data-item-id="{late_item}"]'))
        note = session.property(session.wait_for('[data-testid="interview-note"]'), "value")
        checks.check("reopened: the note typed just before closing is there", note == LATE_NOTE, repr(note))

        # Every screen in English
        session.click(session.wait_for('button[data-lang="en"]'))
        wait_for_text(session, '[data-testid="tab-interview"]', en["tab-interview"])
        checks.check("English: interview tab", text_of(session, "tab-interview") == en["tab-interview"])
        screenshot(session, "05-interview-en")
        for tab, name in (("dashboard", "04-dashboard-en"), ("evidence", "07-evidence-en"),
                          ("findings", "08-findings-en"), ("sheets", "11-sheets-en"), ("report", "09-report-en")):
            click(session, f"tab-{tab}")
            time.sleep(1.0)
            screenshot(session, name)
        click(session, "nav-settings")
        session.wait_for('[data-testid="settings-data-dir"]')
        screenshot(session, "10-settings-en")
        click(session, "nav-home")
        session.wait_for('[data-testid="start-ready"]')
        screenshot(session, "01-start-en")
        click(session, f"org-policy-{org_id}")
        session.wait_for('[data-testid="policy-topics"]', timeout=30)
        checks.check("English: policy screen", en["policy-original"] in text_of(session, "policy-facts") + session.text(session.find("main")))
        screenshot(session, "02-policy-en")
        click(session, "policy-to-checklist")
        wait_for_text(session, '[data-testid="derive-counts"]', "kept", timeout=30)
        screenshot(session, "03-checklist-en")
    finally:
        close_app(session)
    # The language chosen is remembered for the next start.
    settings = json.load(open(os.path.join(data_dir, "settings.json"), encoding="utf-8"))
    checks.check("language choice remembered in the data folder", settings.get("language") == "en", str(settings))


if __name__ == "__main__":
    sys.exit(main(run))
