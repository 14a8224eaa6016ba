"""附件 on an item card: the photos and files attached to the item (inspections.evidence), added
from a file dialog (a tablet's camera saves its photos as files too) and removed before sealing.
Every store call runs on the worker; the list shows each file's name, size and SHA-256."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.checklists import Item
from branchcheck.db import Store
from branchcheck.inspections import evidence
from branchcheck.inspections.evidence import ItemEvidenceView
from ui.items import ItemContext
from ui.screens import error_label, show_error
from ui.tasks import TaskRunner, describe


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:,.1f} KB"
    return f"{size / 1024 / 1024:,.1f} MB"


class AttachmentsBar(QWidget):
    """The item's files with 添加附件… and 移除所选; the record's inspector adds them."""

    def __init__(
        self,
        item: Item,
        ctx: ItemContext,
        *,
        store: Store,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item_key = item.key
        self.inspection_id = ctx.state.id
        self.actor = ctx.state.inspector.employee_no
        self.store = store
        self.tasks = tasks
        self.files: list[ItemEvidenceView] = []
        self.choose_files: Callable[[], list[Path]] = self._ask_files  # tests replace it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.title = QLabel(self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        row.addWidget(self.title, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(96)
        layout.addWidget(self.list)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update)
        self.retranslate()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("附件（{n}）").format(n=len(self.files)))
        self.add_button.setText(self.tr("添加附件…"))
        self.remove_button.setText(self.tr("移除所选"))
        self.add_button.setToolTip(self.tr("照片、扫描件或 PDF（JPEG、PNG、TIFF、PDF，≤ 20 MB）"))
        self._update()

    def _update(self) -> None:
        self.list.setVisible(bool(self.files))
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    def _ask_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择附件"),
            "",
            self.tr("照片、扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)"),
        )
        return [Path(n) for n in names]

    def _read(self) -> list[ItemEvidenceView]:
        """The item's files as stored (worker thread)."""
        return [
            e
            for e in evidence.item_evidence(self.store, self.inspection_id)
            if e.item_key == self.item_key
        ]

    def reload(self) -> None:
        self.tasks.run_in_background(
            self._read, self._show, lambda exc: show_error(self.error, describe(exc))
        )

    def _run(self, work: Callable[[], Any]) -> None:
        """`work` on the worker, then the item's files read again and shown; a refusal is said
        under the list, which then shows what is stored (files added before it stay)."""

        def then() -> list[ItemEvidenceView]:
            work()
            return self._read()

        self.add_button.setEnabled(False)
        self.tasks.run_in_background(then, self._show, self._failed)

    def add(self) -> None:
        paths = self.choose_files()
        if not paths:
            return
        store, iid, key, actor = self.store, self.inspection_id, self.item_key, self.actor

        def work() -> None:
            for path in paths:  # one by one: a refused file stops the rest, said by name
                evidence.add_item_evidence(store, iid, key, path=path, actor=actor)

        show_error(self.error, None)
        self._run(work)

    def remove_selected(self) -> None:
        picked = [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        store, iid, actor = self.store, self.inspection_id, self.actor

        def work() -> None:
            for evidence_id in picked:
                evidence.remove_item_evidence(store, iid, evidence_id, actor=actor)

        show_error(self.error, None)
        self._run(work)

    def _show(self, files: list[ItemEvidenceView]) -> None:
        self.files = files
        self.list.clear()
        for f in files:
            row = QListWidgetItem(
                f"{f.filename}　{size_text(f.size)}　SHA-256 {f.sha256[:12]}…{f.sha256[-6:]}"
            )
            row.setData(Qt.ItemDataRole.UserRole, f.id)
            row.setToolTip(f"{f.filename}\nSHA-256 {f.sha256}\n{f.added_by.name} {f.added_at}")
            self.list.addItem(row)
        self.add_button.setEnabled(True)
        self.retranslate()

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        show_error(self.error, describe(exc))
        self.reload()


def attach_to(
    card: QWidget, item: Item, ctx: ItemContext, *, store: Store, tasks: TaskRunner
) -> AttachmentsBar:
    """Put an item's 附件 bar at the foot of its card (the card's own layout)."""
    bar = AttachmentsBar(item, ctx, store=store, tasks=tasks, parent=card)
    layout = card.layout()
    if layout is None:
        raise ValueError("the card has no layout to put its attachments in")
    layout.addWidget(bar)
    return bar
