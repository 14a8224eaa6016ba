"""The look: white and grey with one accent (deep navy); red, orange and green only for results."""

from __future__ import annotations

ACCENT = "#1e3a5f"
ACCENT_LIGHT = "#e8eef6"
RED = "#b3261e"
ORANGE = "#d9730d"
GREEN = "#2e7d32"
GREY = "#6b7280"
BORDER = "#d5d9e0"
FOCUS_ON_DARK = "#f5b82e"  # the focus ring on the dark primary buttons: amber on navy

RESULT_COLOURS = {"pass": GREEN, "fail": RED, "na": GREY, "info": ACCENT, "pending": ORANGE}


def diff_colour(diff_fen: int) -> str:
    """短款 red, 长款 orange, 相符 green."""
    if diff_fen < 0:
        return RED
    if diff_fen > 0:
        return ORANGE
    return GREEN


STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #f4f5f7; }}
QWidget {{ font-size: 11pt; color: #1f2933; }}
QLabel#screenTitle {{ font-size: 18pt; font-weight: bold; color: {ACCENT}; }}
QLabel#subtle, QLabel#help {{ color: {GREY}; }}
QLabel#error {{ color: {RED}; }}
QLabel#saved {{ color: {GREEN}; }}
QLabel#saved[saving="true"] {{ color: {GREY}; }}
QLabel#itemText {{ font-size: 14pt; font-weight: bold; }}
QFrame#card {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
QFrame#card[focusCard="true"] {{ border: 2px solid {ACCENT}; }}
QFrame#panel {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
QFrame#missing {{ background: #fdecea; border: 1px solid {RED}; border-radius: 6px; }}
QPushButton {{
    min-height: 40px; padding: 4px 18px; border: 1px solid {BORDER}; border-radius: 5px;
    background: white;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #a0a7b1; background: #f0f1f3; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT}; font-weight: bold; }}
QPushButton#primary:focus {{ border: 3px solid {FOCUS_ON_DARK}; }}
QPushButton#primary:disabled {{ background: #8a9bb0; border-color: #8a9bb0; }}
QPushButton#answer {{ min-width: 110px; min-height: 48px; font-size: 13pt; }}
QPushButton#answer:checked {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton#answer:checked:focus {{ border: 3px solid {FOCUS_ON_DARK}; }}
QLineEdit, QComboBox, QDateEdit, QDateTimeEdit, QSpinBox {{
    min-height: 36px; padding: 0 8px; border: 1px solid {BORDER}; border-radius: 4px; background: white;
}}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QDateTimeEdit:focus, QSpinBox:focus {{
    border: 2px solid {ACCENT}; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {ACCENT}; border-radius: 3px; }}
QListWidget:focus {{ border: 2px solid {ACCENT}; }}
QListWidget {{ background: white; border: 1px solid {BORDER}; border-radius: 4px; }}
QListWidget#sections::item {{ min-height: 44px; padding: 0 10px; }}
QListWidget#sections::item:selected {{ background: {ACCENT}; color: white; }}
QTableWidget {{ background: white; gridline-color: {BORDER}; border: 1px solid {BORDER};
    selection-background-color: {ACCENT_LIGHT}; selection-color: #1f2933;
    alternate-background-color: #f8f9fb; }}
QTableWidget::item {{ padding: 0 8px; }}
QTableWidget:focus {{ border: 2px solid {ACCENT}; }}
QTableWidget::item:focus {{ border: 2px solid {ACCENT}; background: {ACCENT_LIGHT}; }}
QHeaderView::section {{
    background: {ACCENT_LIGHT}; color: {ACCENT}; font-weight: bold; padding: 6px; border: none;
    border-right: 1px solid {BORDER}; border-bottom: 1px solid {BORDER};
}}
QProgressBar {{ border: 1px solid {BORDER}; border-radius: 4px; background: white; text-align: center;
    min-height: 22px; }}
QProgressBar::chunk {{ background: {ACCENT}; }}
QMenuBar {{ background: white; }}
QStatusBar {{ background: white; padding-left: 8px; }}
QStatusBar QLabel {{ padding: 2px 8px; }}
"""
