"""Focus is clearly visible on every control, the dark primary buttons included."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.style import ACCENT, FOCUS_ON_DARK, STYLE_SHEET


def test_every_kind_of_control_has_a_focus_rule():
    for selector in (
        "QPushButton:focus",
        "QPushButton#primary:focus",
        "QPushButton#answer:checked:focus",
        "QLineEdit:focus",
        "QComboBox:focus",
        "QDateTimeEdit:focus",
        "QSpinBox:focus",
        "QCheckBox:focus",
        "QListWidget:focus",
        "QTableWidget:focus",
        "QTableWidget::item:focus",
    ):
        assert selector in STYLE_SHEET, selector


def test_a_focused_primary_button_shows_a_ring_its_background_does_not_hide(qtbot):
    host = QWidget()
    host.setStyleSheet(STYLE_SHEET)
    row = QHBoxLayout(host)
    plain, primary = QPushButton("返回", host), QPushButton("完成检查", host)
    primary.setObjectName("primary")
    row.addWidget(plain)
    row.addWidget(primary)
    qtbot.addWidget(host)
    with qtbot.waitActive(host):
        host.show()
        host.activateWindow()

    def edge(button: QPushButton) -> QColor:
        image = button.grab().toImage()
        return image.pixelColor(1, image.height() // 2)

    plain.setFocus()
    qtbot.waitUntil(plain.hasFocus)
    assert edge(primary).name() == QColor(ACCENT).name()  # unfocused: no ring
    primary.setFocus()
    qtbot.waitUntil(primary.hasFocus)
    assert edge(primary).name() == QColor(FOCUS_ON_DARK).name()
