"""The head-office window: a package ingested through 导入上报包 (its progress and results), the
branches and their records, findings and packages, 打开 PDF, 信任的 CA; a wrong key password
stops at its field, a tampered package is refused with its reason."""

import json
import shutil
from datetime import date

import pytest
from PySide6.QtGui import QDesktopServices

from branchcheck import inspections
from branchcheck.db import open_store
from branchcheck.headoffice.browse import list_branches
from branchcheck.headoffice.store import open_headoffice
from branchcheck.headoffice.trust import trust_add, trust_list
from branchcheck.records import keys, pki
from ui.screens.headoffice import HeadOfficeWindow
from ui.tasks import SyncTaskRunner

HO_PASSWORD = "ho-secret-1"


@pytest.fixture(scope="module")
def packed(demo_db, tmp_path_factory):
    """(package folder, branch CA PEM, head office's .p12) of the demo's sealed period."""
    folder = tmp_path_factory.mktemp("ho_window")
    shutil.copy(demo_db, folder / "branchcheck.sqlite3")
    store = open_store(folder / "branchcheck.sqlite3")
    sealed = [r for r in inspections.list_records(store) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    from branchcheck.upload.package import make_package

    done = make_package(
        store,
        first=days[0],
        last=days[-1],
        out=folder / "out",
        actor="E001",
        key_password="demo1234",
    )
    ca = keys.export_ca(store, folder / "branch-ca.pem")
    store.dispose()
    ca_key, ca_cert = pki.create_ca("总行 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    p12 = folder / "headoffice.p12"
    p12.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca_cert]), HO_PASSWORD))
    return done.folder, ca, p12


@pytest.fixture
def package(packed, tmp_path):
    copy = tmp_path / "上报" / packed[0].name
    shutil.copytree(packed[0], copy)
    return copy


@pytest.fixture
def url(tmp_path, packed):
    """Head office's store, the branch CA trusted."""
    url = f"sqlite:///{tmp_path / 'ho.sqlite3'}"
    db = open_headoffice(url)
    trust_add(db, packed[1], credential=pki.load_p12(packed[2].read_bytes(), HO_PASSWORD))
    db.dispose()
    return url


@pytest.fixture
def window(qtbot, url):
    w = HeadOfficeWindow(url, tasks=SyncTaskRunner())
    qtbot.addWidget(w)
    yield w
    w.dispose()


def _ingest(window, folder, key, password):
    dialog = window.open_ingest()
    dialog.folder_edit.setText(str(folder))
    dialog._folder_changed()
    dialog.key_edit.setText(str(key))
    dialog.password_edit.setText(password)
    dialog.ingest_button.click()
    return dialog


def _column(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_a_package_ingested_through_the_dialog_is_listed(window, package, packed):
    manifest = json.loads((package / "manifest.json").read_bytes())
    assert window.branch_table.rowCount() == 0 and window.empty.text()
    dialog = _ingest(window, package.parent, packed[2], HO_PASSWORD)  # the folder of packages
    assert dialog.receipts_edit.text() == str(package.parent / "回执")
    assert dialog.status.text() == "1 个上报包：1 个已接收，0 个重复，0 个拒收"
    n = len(manifest["records"])
    assert _column(dialog.packages_table, 1) == ["已接收"]
    assert dialog.packages_table.item(0, 3).text() == f"{n} 条：接收 {n}，重复 0，拒收 0"
    receipt = package.parent / "回执" / package.name / "receipt.json"
    assert dialog.packages_table.item(0, 5).text() == str(receipt) and receipt.is_file()
    assert dialog.progress.value() == dialog.progress.maximum() == 1
    # the window read its lists again
    assert _column(window.branch_table, 0) == ["GZ0101"]
    assert window.branch_table.item(0, 2).text() == str(n)
    ids = _column(window.records_table, 8)
    assert sorted(ids) == sorted(r["id"] for r in manifest["records"])
    assert window.findings_table.rowCount() == len(manifest["findings"])
    assert _column(window.packages_table, 5) == [manifest["package_id"]]

    again = _ingest(window, package, packed[2], HO_PASSWORD)  # the package folder itself
    assert _column(again.packages_table, 1) == ["重复"]
    assert again.receipts_edit.text() == str(package.parent / "回执")


def test_open_pdf_writes_the_record_s_bytes(window, package, packed, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: opened.append(u.toLocalFile()))
    _ingest(window, package, packed[2], HO_PASSWORD)
    manifest = json.loads((package / "manifest.json").read_bytes())
    assert not window.pdf_button.isEnabled()
    window.records_table.selectRow(0)
    record_id = window.records_table.item(0, 8).text()
    assert window.pdf_button.isEnabled()
    window.pdf_button.click()
    listed = next(r for r in manifest["records"] if r["id"] == record_id)
    assert window.last_pdf.read_bytes() == (package / listed["pdf"]).read_bytes()
    assert opened == [str(window.last_pdf)]


def test_a_wrong_key_password_is_told_at_its_field_and_nothing_is_ingested(
    window, package, packed, url
):
    dialog = _ingest(window, package, packed[2], "not-the-password")
    assert dialog.errors["password"].isVisible()
    said = dialog.errors["password"].text()
    assert said.startswith("无法打开密钥文件：密码不正确") and str(packed[2]) in said
    assert dialog.errors["key"].isHidden() and dialog.packages_table.isHidden()
    assert not (package.parent / "回执").exists()
    db = open_headoffice(url)
    assert list_branches(db) == []
    db.dispose()
    dialog.key_edit.setText(str(package / "manifest.json"))  # not a key file
    dialog.password_edit.setText(HO_PASSWORD)
    dialog.ingest_button.click()
    assert dialog.errors["password"].isVisible()  # PKCS#12 cannot tell a wrong file from a password


def test_empty_fields_are_named(window):
    dialog = window.open_ingest()
    dialog.ingest_button.click()
    assert dialog.errors["folder"].text() == "请选择上报包文件夹"
    assert dialog.errors["key"].text() == "请选择总行密钥文件"
    assert dialog.errors["password"].text() == "请输入密钥密码"


def test_a_tampered_package_is_refused_with_its_reason(window, package, packed):
    manifest = json.loads((package / "manifest.json").read_bytes())
    target = package / manifest["records"][0]["pdf"]
    data = bytearray(target.read_bytes())
    data[200] ^= 0x01
    target.write_bytes(bytes(data))
    dialog = _ingest(window, package, packed[2], HO_PASSWORD)
    assert _column(dialog.packages_table, 1) == ["拒收"]
    assert dialog.packages_table.item(0, 2).text() == "有文件或记录被拒收"
    files = [
        r
        for r in range(dialog.details_table.rowCount())
        if dialog.details_table.item(r, 1).text() == f"文件 {manifest['records'][0]['pdf']}"
    ]
    assert files and dialog.details_table.item(files[0], 2).text() == "有问题"
    assert window.branch_table.rowCount() == 0


def _stranger_p12(tmp_path):
    """A head-office-looking key that is not the store's signer."""
    ca_key, ca_cert = pki.create_ca("冒充 CA", "冒充")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="冒充者", employee_no="X1", organization="冒充"
    )
    p12 = tmp_path / "stranger.p12"
    p12.write_bytes(pki.make_p12(pki.Credential(key, cert, [ca_cert]), HO_PASSWORD))
    return p12


def test_trusted_cas_are_listed_added_and_removed(window, packed, tmp_path):
    dialog = window.open_trust()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text().startswith("总行收件 (SHA-256 ")  # who trusted it
    fp = dialog.table.item(0, 3).text()
    ca_key, ca_cert = pki.create_ca("另一网点 CA", "另一网点")
    pem = tmp_path / "other.pem"
    pem.write_text(pki.cert_to_pem(ca_cert), encoding="ascii")
    picked = []
    dialog.pick_pem = lambda: picked.append(1) or str(pem)
    dialog.add_button.click()  # no key given: said by its fields, nothing asked or changed
    assert dialog.errors["key"].text() == "请选择总行密钥文件"
    assert dialog.errors["password"].text() == "请输入密钥密码"
    assert picked == [] and dialog.table.rowCount() == 1
    dialog.key_edit.setText(str(packed[2]))
    dialog.password_edit.setText(HO_PASSWORD)
    dialog.add_button.click()
    assert dialog.errors["key"].isHidden() and dialog.errors["password"].isHidden()
    assert dialog.table.rowCount() == 2 and dialog.status.text().startswith("已信任")
    dialog.add_button.click()  # the same again: the core's refusal
    assert "已受信任" in dialog.error.text() and dialog.table.rowCount() == 2
    dialog.table.selectRow(0)
    asked = []
    dialog.confirm = lambda q: asked.append(q) or False
    dialog.remove_button.click()
    assert asked and dialog.table.rowCount() == 2
    dialog.confirm = lambda q: True
    dialog.remove_button.click()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() != fp
    db = open_headoffice(window.url)
    assert [a.fingerprint for a in trust_list(db)] == [dialog.table.item(0, 3).text()]
    db.dispose()


def test_a_key_that_is_not_the_stores_signer_is_told_at_its_field(window, package, tmp_path):
    stranger = _stranger_p12(tmp_path)
    dialog = window.open_trust()
    dialog.key_edit.setText(str(stranger))
    dialog.password_edit.setText(HO_PASSWORD)
    dialog.table.selectRow(0)
    dialog.confirm = lambda q: True
    dialog.remove_button.click()
    said = dialog.errors["key"].text()
    assert said.startswith("这不是本总行库的总行密钥") and "冒充者" in said
    assert "this is not" not in said and "只有本库的总行密钥" in said  # no English in Chinese mode
    assert "Traceback" not in said and dialog.table.rowCount() == 1
    ingest = _ingest(window, package, stranger, HO_PASSWORD)
    assert ingest.errors["key"].text().startswith("这不是本总行库的总行密钥")
    assert ingest.packages_table.isHidden() and window.branch_table.rowCount() == 0
    assert not (package.parent / "回执").exists()


def test_the_app_opens_head_office_mode_by_flag():
    from ui.app import parse_args

    assert parse_args(["--head-office", "ho.sqlite3"]).head_office == "ho.sqlite3"
    assert parse_args([]).head_office is None


def test_a_superseded_version_is_greyed_and_says_so(window, package, packed, url):
    from sqlalchemy import update

    from branchcheck.headoffice.models import HoRecord
    from ui.style import GREY

    _ingest(window, package, packed[2], HO_PASSWORD)
    old, new = _column(window.records_table, 8)[:2]
    db = open_headoffice(url)
    with db.session() as s:  # as an ingested correction marks its predecessor
        s.execute(update(HoRecord).where(HoRecord.record_id == old).values(superseded_by=new))
    db.dispose()
    window.refresh_button.click()
    row = _column(window.records_table, 8).index(old)
    assert window.records_table.item(row, 3).text() == "已被更正版本取代"
    assert window.records_table.item(row, 0).foreground().color().name() == GREY
    other = _column(window.records_table, 8).index(new)
    assert window.records_table.item(other, 3).text() == "有效"
    window.records_table.selectRow(row)
    assert window.record_note.text() == f"此版本已被更正版本 {new[:8]} 取代"


def test_head_offices_key_is_renewed_in_the_window(window, packed, package, tmp_path):
    dialog = window.open_signer()
    assert dialog.table.rowCount() == 1  # the key that trusted the branch CA
    assert dialog.table.item(0, 0).text() == "总行收件" and dialog.table.item(0, 2).text() == "当前"
    assert dialog.empty.isHidden() and dialog.status.text() == ""
    dialog.replace_button.click()
    assert [dialog.errors[f].text() for f in ("key", "password", "new_key", "new_password")] == [
        "请选择当前总行密钥文件",
        "请输入当前密钥密码",
        "请选择新总行密钥文件",
        "请输入新密钥密码",
    ]
    renewed = _stranger_p12(tmp_path)  # a new key: not the store's signer yet
    dialog.edits["key"].setText(str(renewed))  # the wrong way round: refused at its field
    dialog.edits["password"].setText(HO_PASSWORD)
    dialog.edits["new_key"].setText(str(packed[2]))
    dialog.edits["new_password"].setText(HO_PASSWORD)
    dialog.replace_button.click()
    assert dialog.errors["key"].text().startswith("这不是本总行库的总行密钥")
    assert dialog.table.rowCount() == 1
    dialog.edits["key"].setText(str(packed[2]))
    dialog.edits["new_key"].setText(str(renewed))
    dialog.edits["new_password"].setText("not-the-password")
    dialog.replace_button.click()
    assert dialog.errors["new_password"].text().startswith("无法打开密钥文件：密码不正确")
    assert dialog.errors["key"].isHidden() and dialog.table.rowCount() == 1
    dialog.edits["password"].setText(HO_PASSWORD)
    dialog.edits["new_password"].setText(HO_PASSWORD)
    dialog.replace_button.click()
    assert dialog.status.text().startswith("总行密钥已更换为：冒充者 (SHA-256 ")
    assert _column(dialog.table, 0) == ["总行收件", "冒充者"]
    assert _column(dialog.table, 2)[1] == "当前" and dialog.table.item(0, 3).text().startswith(
        "冒充者"
    )
    old = _ingest(window, package, packed[2], HO_PASSWORD)  # the replaced key signs nothing
    assert "该密钥已于" in old.errors["key"].text()  # the core's words, in the window's language
    assert "that key was replaced" not in old.errors["key"].text()
    new = _ingest(window, package, renewed, HO_PASSWORD)
    assert _column(new.packages_table, 1) == ["已接收"]


def test_head_office_reads_its_window_in_the_language_chosen_from_its_menu(
    qtbot, url, package, packed, tmp_path
):
    from ui import i18n

    home = tmp_path / "home"
    home.mkdir()
    w = HeadOfficeWindow(url, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(w)
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "语言 / Language")
    english = next(a for a in menu.actions() if a.text() == "English")
    try:
        _ingest(w, package, packed[2], HO_PASSWORD)
        english.trigger()
        assert i18n.lang() == "en" and english.isChecked()
        qtbot.waitUntil(lambda: w.ingest_button.text() == "Import packages…")  # posted events
        assert w.tabs.tabText(0) == "Records"
        assert w.tabs.tabText(1) == "Findings && rectification"  # shown as "&", no mnemonic
        assert w.records_table.rowCount() > 0
        assert i18n.remembered_language(home) == "en"  # the next start opens in it
    finally:
        w.set_language("zh")
    qtbot.waitUntil(lambda: w.ingest_button.text() == "导入上报包…")
    assert i18n.remembered_language(home) == "zh"
    w.dispose()
