"""The findings screen's evidence, exception, 核查问责 link and register export, on a real demo
store through its buttons (dialogs replaced by the screen's ask/choose methods)."""

from datetime import timedelta

import openpyxl
import pytest

from branchcheck import findings
from ui.main_window import MainWindow
from ui.screens.findings_parts import evidence_line, human_size
from ui.tasks import SyncTaskRunner

PNG = b"\x89PNG\r\n\x1a\n" + b"\x02" * 64


@pytest.fixture
def screen(qtbot, demo, home):
    window = MainWindow(demo, tasks=SyncTaskRunner(), home=home)
    qtbot.addWidget(window)
    window.login.refresh()
    window.login.select("E001")
    window.login.password.setText("demo1234")
    window.login.button.click()
    window.home_screen.findings_button.click()
    return window.findings_screen


def _pick(screen, predicate):
    f = next(f for f in screen.rows if predicate(f))
    screen.select_finding(f.id)
    assert screen.current.id == f.id
    return f


def test_evidence_is_added_listed_and_opened(screen, demo, tmp_path):
    f = _pick(screen, lambda f: f.item_key == "registers")
    assert not screen.evidence_box.isVisibleTo(screen)  # open: nothing to show yet
    findings.start_rectification(demo, f.id, action="补登", actor="E001")
    screen.refresh(select_id=f.id)
    box = screen.evidence_box
    assert box.isVisibleTo(screen) and box.add_button.isVisibleTo(screen)
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(PNG)
    screen.choose_evidence = lambda: photo
    box.add_button.click()
    [e] = findings.get_finding(demo, f.id).evidence
    assert box.list.count() == 1 and box.list.item(0).text() == evidence_line(e)
    assert e.sha256[:12] in box.list.item(0).text() and "72 B" in box.list.item(0).text()
    assert "现场照片.png" in screen.message.text()
    opened = []
    screen.open_url = opened.append
    box.list.setCurrentRow(0)
    box.open_button.click()
    [url] = opened
    assert url.toLocalFile().endswith("现场照片.png")
    with open(url.toLocalFile(), "rb") as fh:
        assert fh.read() == PNG


def test_a_refused_file_changes_nothing(screen, demo, tmp_path):
    f = _pick(screen, lambda f: f.item_key == "registers")
    findings.start_rectification(demo, f.id, action="补登", actor="E001")
    screen.refresh(select_id=f.id)
    bad = tmp_path / "note.pdf"
    bad.write_text("not a pdf at all", encoding="utf-8")
    screen.choose_evidence = lambda: bad
    screen.evidence_box.add_button.click()
    assert not screen.error.isHidden() and "不是照片、扫描件或 PDF" in screen.error.text()
    assert findings.get_finding(demo, f.id).evidence == ()


def test_the_branch_head_accepts_an_exception(screen, demo):
    f = _pick(screen, lambda f: f.state == "open")
    box = screen.exception_box
    assert box.isVisibleTo(screen)
    box.reason.setText("网点装修，暂停现金业务")
    box.button.click()
    out = findings.get_finding(demo, f.id)
    assert out.state == "exception" and out.exception_reason == "网点装修，暂停现金业务"
    assert out.exception_until == (screen.today() + timedelta(days=30)).isoformat()
    assert f.id not in {x.id for x in screen.rows}
    screen.filter_buttons["exception"].click()
    assert [x.id for x in screen.rows] == [f.id]
    assert "到期后重新打开" in screen.note.text()
    screen.open("E010")  # not the branch head: no exception offered
    screen.filter_buttons["open"].click()
    _pick(screen, lambda x: x.state == "open")
    assert not screen.exception_box.isVisibleTo(screen)


def test_an_empty_reason_is_refused_inline(screen, demo):
    f = _pick(screen, lambda f: f.state == "open")
    screen.exception_box.button.click()
    assert "理由" in screen.error.text()
    assert findings.get_finding(demo, f.id).state == "open"


def test_a_missed_problem_is_linked_from_the_candidates(screen, demo):
    f = _pick(screen, lambda f: f.item_key == "registers" and f.repeat)
    offered = []

    def choose(candidates):
        offered.extend(candidates)
        return candidates[0]

    screen.choose_candidate = choose
    screen.missed_box.button.click()
    assert offered == findings.missed_candidates(demo, f.id)
    out = findings.get_finding(demo, f.id)
    assert out.missed_record_id == offered[0].record_id
    assert screen.missed_box.note.isVisibleTo(screen)
    assert offered[0].inspector.name in screen.missed_box.note.text()


def test_the_register_is_exported_signed(screen, demo, tmp_path):
    screen.choose_folder = lambda: tmp_path
    screen.ask_password = lambda: "demo1234"
    screen.export_button.click()
    assert screen.error.isHidden(), screen.error.text()
    xlsx = next(tmp_path.glob("*.xlsx"))
    pdf = next(tmp_path.glob("*.pdf"))
    assert b"/ByteRange" in pdf.read_bytes()
    assert xlsx.name in screen.message.text() and pdf.name in screen.message.text()
    ws = openpyxl.load_workbook(xlsx).active
    assert ws.max_row - 4 == len(findings.list_findings(demo))


def test_a_wrong_key_password_is_shown(screen, tmp_path):
    folder = tmp_path / "out"
    screen.choose_folder = lambda: folder
    screen.ask_password = lambda: "wrong"
    screen.export_button.click()
    assert "密码不正确" in screen.error.text()
    assert not folder.exists()


def test_human_size():
    assert [human_size(n) for n in (10, 2048, 3 * 1024 * 1024)] == ["10 B", "2.0 KB", "3.0 MB"]
