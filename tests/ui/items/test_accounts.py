"""The account-list review widget offers only what the core allows: per flag the decisions its
rule permits, and due dates from the review's date to settings.rectify_max_days on."""

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QDateEdit, QStyleOptionViewItem, QWidget

from branchcheck.accounts import record as account_review
from ui.screens.inspection import InspectionScreen

ACCOUNTS_CSV = """\
账号,户名,客户号,账户性质,开户日期,最后动户日期,余额,是否欠款,证明文件有效期至,营业执照状态,人行账户状态,行内账户状态,特殊长期不动户类别,预留手机号,注册地址,法定代表人
6222000100010002,赣州市宏达家具厂,C0002,基本存款账户,2012-05-11,2024-01-15,300.00,否,2030-12-31,存续,正常,正常,,13907970002,家具城8号,王强
6222000100010004,赣州市恒通物流有限公司,C0004,基本存款账户,2018-01-09,2026-09-12,0,否,2031-01-01,注销,正常,正常,,13907970004,贡江大道2号,刘洋
"""


def test_decisions_and_due_dates_follow_the_core(people_store, qtbot, home, tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text(ACCOUNTS_CSV, encoding="utf-8")
    iid, _rv = account_review.start_review(
        people_store, path, as_of=date(2026, 11, 20), inspector="E001"
    )
    screen = InspectionScreen(people_store, home=home)
    qtbot.addWidget(screen)
    screen.open(iid)
    widget = screen.cards["account_list"].widget
    parent = QWidget()
    qtbot.addWidget(parent)

    def choices(row: int) -> list[str | None]:
        index = widget.proxy.mapFromSource(widget.model.index(row, widget.model.COL_DECISION))
        combo = widget.decisions.createEditor(parent, QStyleOptionViewItem(), index)
        assert isinstance(combo, QComboBox)
        return [combo.itemData(i) for i in range(combo.count())]

    assert choices(0) == [None, "applied", "explained", "rectify"]  # DORMANT
    assert choices(1) == [None, "applied", "rectify"]  # DEREGISTERED: not "explained"

    delegate = widget.view.itemDelegateForColumn(widget.model.COL_DUE)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), widget.proxy.index(1, 6))
    assert isinstance(editor, QDateEdit)
    assert editor.minimumDate().toPython() == widget.today
    assert editor.maximumDate().toPython() == widget.today + timedelta(days=90)
