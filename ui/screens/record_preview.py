"""预览记录: the record's PDF as sealing will make it, shown with QtPdf before the inspector
seals (the bytes come from the core, made on the worker; QtPdf draws the pages itself)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ui.screens import subtle_label


class PreviewDialog(QDialog):
    """A record's preview PDF, every page, fitted to the width; 关闭 returns to signing."""

    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(860, 900)
        layout = QVBoxLayout(self)
        self.note = subtle_label(self)
        layout.addWidget(self.note)
        # the buffer lives as long as the document reads from it
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout.addWidget(self.view, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("预览记录"))
        self.note.setText(
            self.tr(
                "这是封存后记录的样子（未签名，每页标有“预览 · 未封存”）。核对无误后关闭预览，"
                "再封存记录。"
            )
        )

    def pages(self) -> int:
        return self.document.pageCount()
