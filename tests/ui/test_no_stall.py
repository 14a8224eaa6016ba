"""The window never waits: a whole inspection, the findings steps and an account-list import,
driven through the real window and the real TaskManager on a store made slow on purpose (every
transaction waits 150 ms). No transaction may begin on the GUI thread (each one is checked as it
begins), and a timer on the GUI thread checks it is never kept from running for long.

The timer's bound is loose on purpose: building a screen's widgets and painting them the first
time takes up to ~0.2 s on this 2-core machine, and that is a speed figure (`make bench` measures
the window), not what this test is about. The store calls are caught by the thread check, always."""

from __future__ import annotations

import gc
import threading
import time
import traceback

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from sqlalchemy import event

from branchcheck import inspections
from ui.main_window import MainWindow
from ui.screens.new_inspection import NewInspectionDialog

SLOW_S = 0.15  # every transaction of the store
MAX_GAP_S = 0.50  # the longest the GUI thread may be kept from its timer (see above)
WAIT_MS = 20_000
KEY_PASSWORD = "key-pass-1"
ACCOUNTS_CSV = (
    "账号,户名,客户号,账户性质,开户日期,最后动户日期,余额,是否欠款,证明文件有效期至,"
    "营业执照状态,人行账户状态,行内账户状态,特殊长期不动户类别,预留手机号,注册地址,法定代表人\n"
    "6222000100010002,赣州市宏达家具厂,C0002,基本存款账户,2012-05-11,2024-01-15,300.00,否,"
    "2030-12-31,存续,正常,正常,,13907970002,家具城8号,王强\n"
)


class Probe:
    """Ticks every 10 ms on the GUI thread and keeps the longest gap of each named step."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.worst: dict[str, float] = {}
        self.step = "start"
        self.last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst[self.step] = max(self.worst.get(self.step, 0.0), now - self.last)
        self.last = now

    def start(self, step: str) -> None:
        self.step = step
        self.last = time.perf_counter()
        self.timer.start()

    def stalls(self, allowed: dict[str, float]) -> dict[str, float]:
        return {
            step: round(gap, 3)
            for step, gap in self.worst.items()
            if gap > allowed.get(step, MAX_GAP_S)
        }


on_gui_thread: list[str] = []  # the stacks of transactions begun on the GUI thread
watching = threading.Event()  # set while the window is driven (the fixtures use the store)


def lock_hold(fn, runs: int = 3) -> float:
    """The longest a thread that only sleeps 2 ms at a time is kept from running while `fn` runs
    here: how long `fn` holds the interpreter lock in one piece."""
    gaps: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.002)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    for _ in range(runs):
        fn()
    done.set()
    ticker.join()
    return max(gaps)


@pytest.fixture
def slow_store(people_store):
    """The people store with signing keys, then made slow: each transaction waits SLOW_S."""
    from branchcheck.records import keys

    keys.create_branch_ca(people_store, ca_password="ca-pass-1", demo=True)
    keys.issue_credential(
        people_store, employee_no="E001", password=KEY_PASSWORD, ca_password="ca-pass-1", demo=True
    )

    def slow(_conn) -> None:
        if threading.current_thread() is threading.main_thread() and watching.is_set():
            on_gui_thread.append("".join(traceback.format_stack(limit=12)))
        time.sleep(SLOW_S)

    event.listen(people_store.engine, "begin", slow)
    yield people_store
    event.remove(people_store.engine, "begin", slow)


@pytest.fixture
def unlock_hold_s(slow_store) -> float:
    """Opening the signing key (cryptography's PKCS#12, C code) holds the interpreter lock in
    one piece: no thread runs meanwhile, so sealing may stall the window that long, no longer."""
    from branchcheck.records import keys

    return lock_hold(lambda: keys.load_credential(slow_store, "E001", KEY_PASSWORD))


def draw(qtbot, pad, points) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(pad, QPoint(*p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def wait(qtbot, condition) -> None:
    qtbot.waitUntil(condition, timeout=WAIT_MS)


@pytest.mark.serial  # a timing test: run alone, after the parallel part of `make test`
def test_no_stall_through_inspection_findings_and_import(
    qtbot, slow_store, unlock_hold_s, home, tmp_path
):
    # Once per process, and not what this test is about: the record libraries' first import and
    # the font's first parse hold the interpreter lock for long stretches (C code) on any thread.
    from branchcheck.records.pdf.page import register_font

    register_font()
    window = MainWindow(slow_store, home=home)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    gc.freeze()  # as the app does once the core is loaded: no long full collections from here on
    probe = Probe()
    on_gui_thread.clear()
    watching.set()

    probe.start("sign in")
    login = window.login
    wait(qtbot, lambda: login.person.findData("E001") >= 0)
    login.select("E001")
    login.password.setText("demo1234")
    login.button.click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.home_screen)

    probe.start("new inspection")
    window.home_screen.new_button.click()
    wait(qtbot, lambda: window.findChild(NewInspectionDialog) is not None)
    dialog = window.findChild(NewInspectionDialog)
    dialog.select_checklist("vault_check")
    dialog.pickers["vault_keeper"].choose(["E003"])
    dialog.pickers["tellers"].choose(["E004"])
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.inspection)
    screen = window.inspection
    iid = screen.state.id

    probe.start("answers")
    for index in range(len(screen.state.template.sections)):
        if index:
            screen.next_button.click()
            wait(qtbot, lambda i=index: screen.section == i and screen.sections.isEnabled())
        for key, card in list(screen.cards.items()):
            if card.item.type == "yes_no":
                qtbot.keyClick(card.widget, Qt.Key.Key_Y)
                assert card.saved.text() == "保存中…"  # not saved until the core has committed
                if key == "no_iou":  # typed twice, then a note: committed in the order typed
                    qtbot.keyClick(card.widget, Qt.Key.Key_N)
                    card.note.setText("白条抵库一张")
                    card.note.setModified(True)
                    card.note.editingFinished.emit()
            elif key == "cash_count":
                card.widget.answered.emit(
                    {
                        "rows": {"n100": {"bundles": 1, "straps": 2, "loose": 3}},
                        "book_fen": 12_030_000,
                    }
                )
            elif key == "teller_boxes":
                row = {"teller": "E004", "system_fen": 500_000, "counted_fen": 500_000}
                card.widget.answered.emit({"rows": [row | {"vouchers_ok": True, "note": ""}]})
        wait(qtbot, lambda: all(c.saving == 0 for c in screen.cards.values()))
        assert all(c.saved.text() == "已保存 ✓" for c in screen.cards.values() if c.answered_before)

    probe.start("complete")
    screen.complete_button.click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.review)
    window.review.sign_button.click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.signing)

    probe.start("signatures")
    signing = window.signing
    for i, box in enumerate(signing.boxes):
        box.password.setText("demo1234")
        box.confirm_button.click()
        assert box.status.text() == "正在核对密码…"
        wait(qtbot, lambda box=box: box.confirmed_password is not None)
        draw(qtbot, box.pad, [(40, 150), (120, 60 + i * 10), (220, 160), (400, 90)])
        box.sign_button.click()
        assert box.status.text() == "保存中…"
    wait(qtbot, lambda: signing.seal_button.isEnabled())

    probe.start("seal")
    signing.ask_password = lambda error=None: KEY_PASSWORD
    signing.seal_button.click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.sealed)

    probe.start("findings")
    window.sealed.home_button.click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.home_screen)
    window.home_screen.findings_button.click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.findings_screen)
    findings_screen = window.findings_screen
    finding_id = next(f.id for f in findings_screen.rows if f.record_id == iid)
    findings_screen.select_finding(finding_id)
    findings_screen.action_edit.setPlainText("补登借条")
    findings_screen.result_edit.setPlainText("已补登")
    for button, said in (
        (findings_screen.rectify_button, "已开始整改。"),
        (findings_screen.result_button, "整改结果已登记，待复查。"),
        (findings_screen.verify_button, "已复查确认。"),
        (findings_screen.close_button, "问题已关闭。"),
    ):
        assert findings_screen.current is not None and findings_screen.current.id == finding_id
        if button is findings_screen.verify_button:  # the re-check: by the supervisor in person
            findings_screen.open("E010")
            wait(qtbot, lambda: findings_screen.steps.currentIndex() == 3)
        button.click()
        wait(
            qtbot,
            lambda s=said: (
                findings_screen.message.text() == s and findings_screen.refresh_button.isEnabled()
            ),
        )

    probe.start("account-list import")
    findings_screen.home_button.click()
    wait(qtbot, lambda: window.stack.currentWidget() is window.home_screen)
    window.home_screen.import_button.click()
    wait(qtbot, lambda: window.import_dialog is not None and window.import_dialog.isVisible())
    importer = window.import_dialog
    importer.as_of.setDate(QDate(2026, 11, 20))
    csv = tmp_path / "list.csv"
    csv.write_text(ACCOUNTS_CSV, encoding="utf-8")
    importer.file_edit.setText(str(csv))
    importer.start_button.click()
    wait(
        qtbot,
        lambda: (
            window.stack.currentWidget() is window.inspection and "account_list" in screen.cards
        ),
    )
    probe.timer.stop()
    watching.clear()

    assert on_gui_thread == [], "a store transaction began on the GUI thread:\n" + "\n".join(
        on_gui_thread
    )
    allowed = {"seal": max(MAX_GAP_S, unlock_hold_s + 0.05)}
    assert probe.stalls(allowed) == {}, (
        f"the GUI thread was kept waiting (s): {probe.stalls(allowed)}; allowed: {allowed}"
    )
    window.tasks.shutdown()
    state = inspections.load(slow_store, iid)
    assert state.status == "sealed"
    assert state.answers["no_iou"] == "no"  # the last one typed, with the note given after it
    assert state.notes["no_iou"] == "白条抵库一张"
