#!/usr/bin/env python3
"""End-to-end: an auditor's year in the real window, on an empty data dir.

register the organisation → import seed policy 000 (dropped on the window) → derive the audit
checklist → create an assessment with two departments → record an interview (its date asked and
typed in 和暦, place, attendees, auditor) → rate ten items by keyboard, undo one with Ctrl+Z →
write a note → raise a finding from an item → attach an evidence file (dropped) → Excel sheets
(a dropped PDF refused visibly) → on the report screen: what is still empty is listed; 宛先,
監査人, 監査期間 (和暦 and ISO input), 総評 and 良好事項・特記事項 (added, edited, removed) typed
in the window → export the PDF → its text contains all of them, the finding and the evidence's
SHA-256. No step uses the CLI to change anything (it only reads the store to check). Then: close
the window 0.05 s after typing a note, reopen — the note is there; the same for a half-written
finding. Every screen is photographed in
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
    ROOT, TENKEN, Checks, axe_check, close_app, ftl_messages, main, open_app, output_dir, screenshot, wait_for_text,
    wait_until,
)

SEED = os.path.join(ROOT, "tests", "fixtures", "policies", "000_f30b78bf79fe382b.txt")
SEED_PDF = os.path.join(ROOT, "tests", "fixtures", "policies", "converted", "000_f30b78bf79fe382b.pdf")
SEED_DOCX = os.path.join(ROOT, "tests", "fixtures", "policies", "converted", "000_f30b78bf79fe382b.docx")
SCANNED = os.path.join(ROOT, "tests", "fixtures", "policies", "scanned-image-only.pdf")
DOWN = "\ue015"
FACT = "サーバ室の入退室記録が3か月分保存されていない。"
NOTE = "入退室管理簿を確認。担当者不在時の運用は口頭のみ。"
LATE_NOTE = "閉じる直前に書いたメモ（自動保存の確認）"
LATE_FACT = "閉じる直前に書きかけた指摘事項の事実"
SUMMARY = "全体として情報セキュリティ対策は概ね適切に運用されている。物理的セキュリティに改善の余地がある。"
ADDRESSEE = "東雲市情報セキュリティ委員会"
AUDITORS = ["監査 太郎", "検査 花子"]
PLACE = "本庁舎第2会議室"
ATTENDEES = "総務課長 山田一郎"
GOOD = "情報政策課の職員研修が計画どおり実施されている。"
NOTABLE = "総務課の窓口端末の画面が来庁者から見える位置にある。"
CTRL = "\ue009"


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
    el = session.wait_for(f'[data-testid="{testid}"]', timeout=timeout)
    # Inside a scrolled pane WebKitWebDriver does not always scroll the element into view.
    session.execute("arguments[0].scrollIntoView({block: 'center'})", {"element-6066-11e4-a52e-4f735466cecf": el})
    session.click(el)


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
        axe_check(session, checks, "01-start-empty-ja")

        # Organisation
        session.send_keys(session.wait_for('[data-testid="org-add-name"]'), "東雲市")
        click(session, "org-add")
        session.wait_for('[data-testid="start-ready"]')
        org = cli(data_dir, "org", "list")
        checks.check("organisation registered in the store", [o["name"] for o in org] == ["東雲市"], str(org))
        org_id = org[0]["id"]
        # An organisation registered by mistake is removed after a confirmation (logged).
        session.send_keys(session.find('[data-testid="org-add-name"]'), "誤登録町")
        click(session, "org-add")
        wait_until(lambda: len(cli(data_dir, "org", "list")) == 2, 10)
        spare = [o["id"] for o in cli(data_dir, "org", "list") if o["name"] == "誤登録町"][0]
        click(session, f"org-remove-{spare}")
        click(session, f"org-remove-{spare}-confirm")
        checks.check("organisation created by mistake removed in the window",
                     wait_until(lambda: [o["name"] for o in cli(data_dir, "org", "list")] == ["東雲市"], 10))
        click(session, "org-add")
        empty = wait_for_text(session, '[data-testid="org-add-problem"]', ja["organisation-name-required"], 5)
        checks.check("empty organisation name: said in plain words next to the field",
                     empty == ja["organisation-name-required"], empty)

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
        axe_check(session, checks, "02-policy-ja")
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
        axe_check(session, checks, "03-checklist-ja")
        click(session, "assessment-create")
        session.wait_for('[data-testid="dashboard-heat"]', timeout=30)
        assessments = cli(data_dir, "assessment", "list")
        checks.check("assessment created with two departments",
                     len(assessments) == 1 and assessments[0]["department_count"] == 2, str(assessments)[:300])
        aid = assessments[0]["id"]
        screenshot(session, "04-dashboard-ja")
        axe_check(session, checks, "04-dashboard-ja")

        # Interview: record it, rate ten items by keyboard, write a note
        click(session, "tab-interview")
        items = session.wait_for('[data-testid="interview-items"]', timeout=30)
        # A new interview asks for its date (no silent today), with place, attendees and auditor.
        click(session, "interview-start")
        held = session.wait_for('[data-testid="iv-held-on"]')
        checks.check("new interview: the date is asked, not filled in with today",
                     session.property(held, "value") == "", session.property(held, "value"))
        click(session, "iv-save")
        checks.check("new interview: saving without a date says so next to the field",
                     session.wait_for('[data-testid="iv-held-on-problem"]', timeout=5) is not None)
        session.send_keys(held, "平成31年5月1日")
        click(session, "iv-save")
        bad = text_of(session, "iv-held-on-problem")
        checks.check("new interview: a date outside its era is refused in plain words", "平成31年5月1日" in bad, bad)
        session.clear(held)
        session.send_keys(held, "R8.10.5")
        session.send_keys(session.find('[data-testid="iv-place"]'), PLACE)
        session.send_keys(session.find('[data-testid="iv-attendees"]'), ATTENDEES)
        session.send_keys(session.find('[data-testid="iv-auditor"]'), AUDITORS[0])
        screenshot(session, "05a-interview-new-ja")
        axe_check(session, checks, "05a-interview-new-ja")
        click(session, "iv-save")
        session.wait_for('[data-testid="interview-record-notes"]')
        details = text_of(session, "interview-details")
        checks.check("interview details shown in 和暦", "令和8年10月5日" in details and PLACE in details, details)
        ivs = cli(data_dir, "interview", "list", str(aid))
        checks.check("interview stored with date, place, attendees, auditor",
                     len(ivs) == 1 and ivs[0]["held_on"] == "2026-10-05" and ivs[0]["place"] == PLACE
                     and ivs[0]["attendees"] == ATTENDEES and ivs[0]["auditor"] == AUDITORS[0], str(ivs)[:300])
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
        # Ctrl+Z undoes the last rating (shown and stored), then the item is rated again.
        session.chord(CTRL, "z")
        checks.check("Ctrl+Z: the last rating is undone on screen", wait_until(lambda: rated() == 9, 10), str(rated()))
        undone = [a for a in cli(data_dir, "answer", "list", str(aid), "--department", "総務課") if a["rating"] == "conform"]
        checks.check("Ctrl+Z: the undo is stored", wait_until(lambda: len([
            a for a in cli(data_dir, "answer", "list", str(aid), "--department", "総務課") if a["rating"] == "conform"]) == 9, 10),
            f"{len(undone)} conform")
        session.press("1")
        wait_until(lambda: rated() == 10, 10)
        # Search and filters: the list shows what matches; clearing them brings everything back.
        search = session.find('[data-testid="interview-search"]')
        session.send_keys(search, "入退室")
        shown_text = wait_for_text(session, '[data-testid="interview-shown"]', "/", 10)
        listed = session.execute("return [...document.querySelectorAll('[data-testid=interview-items] .row .q')].map(e => e.textContent)")
        checks.check("search: only items about 入退室 are listed", bool(listed) and all("入退室" in q for q in listed),
                     f"{shown_text} {listed[:3]}")
        session.clear(search)
        session.execute("arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", {"element-6066-11e4-a52e-4f735466cecf": search})
        click(session, "interview-filter-unrated")
        first_unrated = session.execute("return document.querySelector('[data-testid=interview-items] .row').dataset.rating")
        checks.check("filter 未評価: the list starts with an unrated item", first_unrated == "", repr(first_unrated))
        click(session, "interview-filter-unrated")
        wait_until(lambda: session.find('[data-testid="interview-shown"]') is None, 5)
        session.click(items)
        session.press("\ue010")  # End
        last = session.execute("return document.querySelector('.row.current').dataset.index")
        checks.check("End selects the last item", last == str(int(session.attribute(items, "data-count")) - 1), str(last))
        session.press("\ue011")  # Home
        checks.check("Home selects the first item", session.execute("return document.querySelector('.row.current').dataset.index") == "0")
        # Back to the first unrated item (the 11th) for the note below.
        session.press(*([DOWN] * 10))
        # A note on the current (11th) item: n jumps to the note, typing autosaves.
        session.press("n")
        session.send_keys(session.wait_for('[data-testid="interview-note"]'), NOTE)
        checks.check("note autosaved without a save button",
                     wait_until(lambda: session.attribute(session.find('[data-testid="save-state"]'), "data-state") == "saved", 10))
        current_item = session.execute("return document.querySelector('.row.current').dataset.itemId")
        saved = cli(data_dir, "answer", "list", str(aid), "--department", "総務課")
        checks.check("note saved in the store", any(a["item_id"] == current_item and a["note"] == NOTE for a in saved))
        screenshot(session, "05-interview-ja")
        axe_check(session, checks, "05-interview-ja")

        # Raise a finding from the current item without leaving the screen
        session.press("\ue00c")  # Escape: back to the list (focus moves there, same item)
        session.press("f")
        session.send_keys(session.wait_for('[data-testid="finding-fact"]'), FACT)
        cls = session.find('[data-testid="finding-classification"]')
        if cls and session.property(cls, "value") in ("", None):
            choose_option(session, "finding-classification", ja["class-minor"])
        screenshot(session, "06-interview-finding-ja")
        axe_check(session, checks, "06-interview-finding-ja")
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
        axe_check(session, checks, "07-evidence-ja")

        click(session, "tab-findings")
        session.wait_for('[data-testid="findings-row-1"]', timeout=30)
        screenshot(session, "08-findings-ja")
        axe_check(session, checks, "08-findings-ja")

        # Excel round trip in the window: sheets out, one back unchanged, a broken file refused
        click(session, "tab-sheets")
        click(session, "sheets-generate")
        wait_for_text(session, '[data-testid="sheets-written"]', ".xlsx", timeout=60)
        sheets = sorted(glob.glob(os.path.join(output_dir(data_dir), "sheets", "*", "*.xlsx")))
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
        # A file that is not an answer sheet, dropped here, is refused visibly.
        stray = os.path.join(data_dir, "監査証跡.pdf")
        with open(stray, "wb") as f:
            f.write(b"%PDF-1.4 not a sheet")
        drop_files(session, [stray])
        refused = wait_for_text(session, '[data-testid="sheets-refused"]', "監査証跡.pdf", timeout=10)
        checks.check("sheets: a dropped PDF is refused with its name", "監査証跡.pdf" in refused, refused)
        screenshot(session, "11-sheets-ja")
        axe_check(session, checks, "11-sheets-ja")

        # Report: what is still empty is listed; everything the report prints is typed here.
        click(session, "tab-report")
        gaps = wait_for_text(session, '[data-testid="report-gaps"]', ja["gap-summary"], timeout=30)
        checks.check("report screen lists what is still empty (総評)", ja["gap-summary"] in gaps, gaps[:300])
        session.send_keys(session.wait_for('[data-testid="front-addressee"]'), ADDRESSEE)
        session.send_keys(session.find('[data-testid="front-auditors"]'), "\ue007".join(AUDITORS))  # Enter: one per line
        start = session.find('[data-testid="front-period-start"]')
        session.send_keys(start, "令和8年10月1日")
        end = session.find('[data-testid="front-period-end"]')
        session.send_keys(end, "R8.9.30")
        click(session, "front-save")
        order = wait_for_text(session, '[data-testid="front-period-problem"]', "", timeout=5)
        checks.check("period end before start: said next to the period", order != "", order)
        session.clear(end)
        session.send_keys(end, "2026/11/30")
        session.send_keys(session.find('[data-testid="front-summary"]'), SUMMARY)
        click(session, "front-save")
        checks.check("front matter saved", wait_for_text(session, '[data-testid="front-saved"]', ja["front-saved"], 10) != "")
        shown_end = session.property(session.find('[data-testid="front-period-end"]'), "value")
        checks.check("period typed as 2026/11/30 is shown in 和暦", shown_end == "令和8年11月30日", shown_end)
        stored = cli(data_dir, "assessment", "show", str(aid))
        a_json = stored.get("assessment", stored)
        checks.check("front matter stored (period, auditors, summary)",
                     a_json.get("period_start") == "2026-10-01" and a_json.get("period_end") == "2026-11-30"
                     and a_json.get("auditors") == AUDITORS and a_json.get("summary") == SUMMARY, str(a_json)[:400])
        # Remarks: add two, edit one, add and remove a third.
        for kind, text in (("good", GOOD), ("notable", "仮の特記事項"), ("good", "誤って追加した良好事項")):
            choose_option(session, "remark-add-kind", ja[f"remark-{kind}"])
            session.send_keys(session.find('[data-testid="remark-add-text"]'), text)
            click(session, "remark-add")
            wait_for_text(session, '[data-testid="remarks"]', text, 10)
        remarks = cli(data_dir, "remark", "list", str(aid))
        checks.check("three remarks added in the window", len(remarks) == 3, str(remarks)[:300])
        ids = {r["text"]: r["id"] for r in remarks}
        click(session, f"remark-edit-{ids.get('仮の特記事項')}")
        txt = session.wait_for('[data-testid="remark-edit-text"]')
        session.clear(txt)
        session.send_keys(txt, NOTABLE)
        choose_option(session, "remark-edit-department", "総務課")
        click(session, "remark-edit-save")
        wait_for_text(session, '[data-testid="remarks"]', NOTABLE, 10)
        click(session, f"remark-remove-{ids.get('誤って追加した良好事項')}")
        click(session, f"remark-remove-{ids.get('誤って追加した良好事項')}-confirm")
        wait_until(lambda: "誤って追加した良好事項" not in text_of(session, "remarks"), 10)
        remarks = cli(data_dir, "remark", "list", str(aid))
        checks.check("remark edited and one removed",
                     sorted(r["text"] for r in remarks) == sorted([GOOD, NOTABLE])
                     and any(r["text"] == NOTABLE and r.get("department") == "総務課" for r in remarks), str(remarks)[:300])
        gaps = text_of(session, "report-gaps")
        checks.check("report gaps: 総評, period, addressee no longer listed",
                     all(ja[k] not in gaps for k in ("gap-summary", "gap-period", "gap-auditors")), gaps[:300])
        screenshot(session, "09a-report-details-ja")
        axe_check(session, checks, "09a-report-details-ja")
        click(session, "report-export")
        session.wait_for('[data-testid="report-result"]', timeout=120)
        pdf = text_of(session, "report-file").strip()
        checks.check("report written", pdf.endswith(".pdf") and os.path.isfile(pdf), pdf)
        fingerprint = text_of(session, "report-fingerprint").strip()
        screenshot(session, "09-report-ja")
        axe_check(session, checks, "09-report-ja")
        if os.path.isfile(pdf):
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
            flat = "".join(text.split())
            checks.check("PDF text contains the finding", "".join(FACT.split()) in flat)
            checks.check("PDF text contains the evidence SHA-256", sha in flat)
            for label, needle in (("総評", SUMMARY), ("宛先 御中", ADDRESSEE), ("監査人", AUDITORS[1]),
                                  ("監査期間 (和暦)", "令和8年10月1日"), ("監査期間の終わり", "令和8年11月30日"),
                                  ("ヒアリングの実施日", "令和8年10月5日"), ("ヒアリングの場所", PLACE),
                                  ("対応者", ATTENDEES), ("良好事項", GOOD), ("特記事項", NOTABLE)):
                checks.check(f"PDF text contains {label} entered in the window", "".join(needle.split()) in flat, needle)
            checks.check("PDF: the addressee is printed with 御中", "".join(ADDRESSEE.split()) + "御中" in flat)
            verify = subprocess.run([TENKEN, "--data-dir", data_dir, "verify-report", pdf], capture_output=True, text=True)
            checks.check("tenken verify-report accepts the PDF", verify.returncode == 0, verify.stdout + verify.stderr)
            checks.check("window shows the PDF's fingerprint", fingerprint != "" and fingerprint in verify.stdout, fingerprint)

        click(session, "nav-settings")
        session.wait_for('[data-testid="settings-data-dir"]', timeout=30)
        checks.check("settings show the data folder", data_dir in text_of(session, "settings-data-dir"))
        screenshot(session, "10-settings-ja")
        axe_check(session, checks, "10-settings-ja")

        # Removing the organisation now is refused with the reason (it has an assessment).
        click(session, "nav-home")
        click(session, f"org-remove-{org_id}")
        click(session, f"org-remove-{org_id}-confirm")
        refusal = wait_for_text(session, f'[data-testid="org-remove-{org_id}-refused"]', "点検・監査", 10)
        checks.check("removing an organisation with an assessment is refused with the reason", "点検・監査" in refusal, refusal)
        checks.check("the refused organisation is still stored", [o["name"] for o in cli(data_dir, "org", "list")] == ["東雲市"])
        # Close mid-note: type, close the window 0.05 s later.
        click(session, f"open-assessment-{aid}")
        click(session, "tab-interview")
        items = session.wait_for('[data-testid="interview-items"]', timeout=30)
        session.click(items)
        session.press(DOWN, DOWN)
        late_item = session.execute("return document.querySelector('.row.current').dataset.itemId")
        session.press("n")
        session.send_keys(session.wait_for('[data-testid="interview-note"]'), LATE_NOTE)
        time.sleep(0.05)
    finally:
        close_app(session)

    def reopen_on_item():
        s = open_app(data_dir)
        s.wait_for('[data-testid="start-ready"]', timeout=60)
        click(s, f"open-assessment-{aid}")
        click(s, "tab-interview")
        s.wait_for(f'[data-item-id="{late_item}"]', timeout=30)
        s.click(s.find(f'[data-item-id="{late_item}"]'))
        return s

    # Closed 0.05 s after typing a note: the note is there after reopening.
    session = reopen_on_item()
    try:
        note = session.property(session.wait_for('[data-testid="interview-note"]'), "value")
        checks.check("reopened: the note typed 0.05 s before closing is there", note == LATE_NOTE, repr(note))
        checks.check("reopened: the restored note is saved to the store", wait_until(lambda: any(
            a["item_id"] == late_item and a["note"] == LATE_NOTE
            for a in cli(data_dir, "answer", "list", str(aid), "--department", "総務課")), 10))
        # A finding half written, window closed 0.05 s later.
        session.press("f")
        session.send_keys(session.wait_for('[data-testid="finding-fact"]'), LATE_FACT)
        time.sleep(0.05)
    finally:
        close_app(session)

    session = reopen_on_item()
    try:
        session.press("f")
        fact = session.property(session.wait_for('[data-testid="finding-fact"]'), "value")
        wait_until(lambda: session.property(session.find('[data-testid="finding-fact"]'), "value") == LATE_FACT, 5)
        fact = session.property(session.find('[data-testid="finding-fact"]'), "value")
        checks.check("reopened: the finding draft typed 0.05 s before closing is there", fact == LATE_FACT, repr(fact))
        click(session, "finding-cancel")

        # Every screen in English
        session.click(session.wait_for('button[data-lang="en"]'))
        wait_for_text(session, '[data-testid="tab-interview"]', en["tab-interview"])
        checks.check("English: interview tab", text_of(session, "tab-interview") == en["tab-interview"])
        screenshot(session, "05-interview-en")
        axe_check(session, checks, "05-interview-en")
        for tab, name in (("dashboard", "04-dashboard-en"), ("evidence", "07-evidence-en"),
                          ("findings", "08-findings-en"), ("sheets", "11-sheets-en"), ("report", "09-report-en")):
            click(session, f"tab-{tab}")
            time.sleep(1.0)
            screenshot(session, name)
        click(session, "nav-settings")
        session.wait_for('[data-testid="settings-data-dir"]')
        screenshot(session, "10-settings-en")
        axe_check(session, checks, "10-settings-en")
        click(session, "nav-home")
        session.wait_for('[data-testid="start-ready"]')
        screenshot(session, "01-start-en")
        axe_check(session, checks, "01-start-en")
        click(session, f"org-policy-{org_id}")
        session.wait_for('[data-testid="policy-topics"]', timeout=30)
        checks.check("English: policy screen", en["policy-original"] in text_of(session, "policy-facts") + session.text(session.find("main")))
        screenshot(session, "02-policy-en")
        axe_check(session, checks, "02-policy-en")
        click(session, "policy-to-checklist")
        wait_for_text(session, '[data-testid="derive-counts"]', "kept", timeout=30)
        screenshot(session, "03-checklist-en")
        axe_check(session, checks, "03-checklist-en")
    finally:
        close_app(session)
    # The language chosen is remembered for the next start.
    settings = json.load(open(os.path.join(data_dir, "settings.json"), encoding="utf-8"))
    checks.check("language choice remembered in the data folder", settings.get("language") == "en", str(settings))


if __name__ == "__main__":
    sys.exit(main(run))
