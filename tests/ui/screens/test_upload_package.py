"""打包上报 and 导入总行回执 at the branch (管理 menu): a package of the demo's sealed period,
the core's refusal next to its field, and head office's receipt marking the records received."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from branchcheck import inspections
from branchcheck.db.models import RecordReceipt
from branchcheck.headoffice.ingest import ingest
from branchcheck.headoffice.store import open_headoffice
from branchcheck.headoffice.trust import trust_add
from branchcheck.records import keys, pki
from branchcheck.upload import cms
from ui.main_window import MainWindow
from ui.screens import upload_package
from ui.tasks import SyncTaskRunner


@pytest.fixture
def window(demo, home, qtbot):
    w = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(w)
    w.login.refresh()
    w.login.select("E001")
    w.login.password.setText("demo1234")
    w.login.button.click()
    assert w.user is not None
    return w


def _sealed_period(store):
    sealed = [r for r in inspections.list_records(store) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    return days[0], days[-1]


def _menu(window, text):
    [action] = [a for a, t in window.admin_menu.actions if t == text]
    action.trigger()


def _pack(window, first, last, out, password="demo1234"):
    _menu(window, "打包上报…")
    dialog = window.findChild(upload_package.PackageDialog)
    dialog.first_edit.setDate(upload_package._qdate(first))
    dialog.last_edit.setDate(upload_package._qdate(last))
    dialog.out_edit.setText(str(out))
    dialog.password_edit.setText(password)
    dialog.make_button.click()
    return dialog


def test_the_period_defaults_to_the_previous_calendar_month():
    assert upload_package.previous_month(date(2026, 3, 15)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert upload_package.previous_month(date(2026, 1, 1)) == (
        date(2025, 12, 1),
        date(2025, 12, 31),
    )


def test_a_package_of_the_sealed_period_is_made(window, demo, tmp_path):
    first, last = _sealed_period(demo)
    dialog = _pack(window, first, last, tmp_path / "out", password="wrong-password")
    assert dialog.errors["password"].isVisible() and dialog.summary.isHidden()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    dialog.password_edit.setText("demo1234")
    dialog.make_button.click()
    result = dialog.result_value
    assert result is not None and (result.folder / "manifest.json").is_file()
    manifest = json.loads((result.folder / "manifest.json").read_bytes())
    assert manifest["period"] == {"from": first.isoformat(), "to": last.isoformat()}
    assert [r["id"] for r in manifest["records"]] == list(result.records)
    text = dialog.summary.text()
    assert f"{len(result.records)} 条记录，{result.files} 个文件" in text
    assert result.package_id in text and str(result.folder) in text
    assert "此前已生成过" not in text
    dialog.password_edit.setText("demo1234")
    dialog.make_button.click()
    assert dialog.result_value.repeated and "此前已生成过" in dialog.summary.text()


def test_a_period_with_an_open_inspection_shows_the_core_s_words(window, demo, tmp_path):
    iid = inspections.start(
        demo,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004", "E005"]},
    )
    day = inspections.load(demo, iid).local_date
    dialog = _pack(window, day, day, tmp_path / "out")
    message = dialog.errors["period"].text()
    assert dialog.errors["period"].isVisible() and "本期还有未封存的检查" in message
    assert iid[:8] in message and dialog.result_value is None
    dialog.first_edit.setDate(upload_package._qdate(date(2099, 1, 1)))
    dialog.last_edit.setDate(upload_package._qdate(date(2099, 1, 2)))
    dialog.make_button.click()
    assert "在未来" in dialog.errors["period"].text()


def test_a_teller_is_refused_packing(demo, home, qtbot, tmp_path):
    w = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(w)
    w.login.refresh()
    w.login.select("E004")
    w.login.password.setText("demo1234")
    w.login.button.click()
    first, last = _sealed_period(demo)
    dialog = _pack(w, first, last, tmp_path / "out")
    assert dialog.error.isVisible() and "E004" in dialog.error.text()


def _credential(name):
    ca_key, ca_cert = pki.create_ca(f"{name} CA", name)
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name=f"{name}收件", employee_no="HO001", organization=name
    )
    return pki.Credential(key, cert, [ca_cert]), ca_cert


def test_a_receipt_from_head_office_marks_the_records_received(window, demo, tmp_path):
    first, last = _sealed_period(demo)
    result = _pack(window, first, last, tmp_path / "out").result_value
    cred, ho_ca = _credential("总行")
    ho = open_headoffice(tmp_path / "ho.sqlite3")
    trust_add(ho, keys.export_ca(demo, tmp_path / "branch-ca.pem"), credential=cred)
    [outcome] = ingest(ho, [result.folder], credential=cred, receipts=tmp_path / "回执")
    ho.dispose()

    _menu(window, "导入总行回执…")
    dialog = window.findChild(upload_package.ReceiptDialog)
    dialog.file_edit.setText(str(outcome.receipt))
    dialog.import_button.click()  # head office's CA is not trusted yet
    assert "回执签名无效" in dialog.file_error.text() and dialog.table.isHidden()
    keys.trust_ca(demo, pem=pki.cert_to_pem(ho_ca), admin_no="E001", admin_password="demo1234")
    dialog.import_button.click()
    assert dialog.file_error.isHidden()
    n = len(result.records)
    assert f"接收 {n} 条，已存有 0 条，拒收 0 条" in dialog.status.text()
    assert dialog.table.rowCount() == n
    assert {dialog.table.item(r, 2).text() for r in range(n)} == {"已接收"}
    with demo.session() as s:
        held = {(r.record_id, r.status) for r in s.scalars(select(RecordReceipt))}
    assert held == {(rid, "accepted") for rid in result.records}
    titles = {r.id: r.title["zh"] for r in inspections.list_records(demo)}
    assert dialog.table.item(0, 1).text() in set(titles.values())

    forger, _ = _credential("冒充总行")
    body = outcome.receipt.read_bytes()
    outcome.receipt.with_name("receipt.json.p7s").write_bytes(cms.sign_detached(forger, body))
    dialog.import_button.click()
    assert "回执签名无效" in dialog.file_error.text() and dialog.table.isHidden()
