"""The head-office window (`branchcheck-gui --head-office DB`): the branches head office holds
packages of (left) and, for the one chosen, its records (a superseded version greyed), its
findings as the latest package says them, and its packages (branchcheck.headoffice.browse);
导入上报包… (headoffice_ingest), 打开 PDF (the record's signed PDF written to a temporary file
and opened), 信任的 CA (headoffice_trust). The store is opened and read on the worker."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchcheck import taxonomy
from ui import i18n
from ui.screens import error_label, primary_button, subtle_label, title_label
from ui.screens.headoffice_parts import Told, fill, in_language, selected_index, table, when
from ui.style import GREY
from ui.tasks import TaskManager, TaskRunner

if TYPE_CHECKING:
    from branchcheck.headoffice.browse import BranchRow, FindingRow, PackageRow, RecordRow
    from branchcheck.headoffice.store import HeadOffice
    from ui.screens.headoffice_ingest import IngestDialog
    from ui.screens.headoffice_signer import SignerDialog
    from ui.screens.headoffice_trust import TrustDialog

SUPERSEDED_BG = "#eef0f3"


@dataclass(frozen=True)
class BranchLists:
    """One branch's three lists and the checklists' titles (key → {"zh", "en"})."""

    code: str
    records: list[RecordRow]
    findings: list[FindingRow]
    packages: list[PackageRow]
    titles: dict[str, dict[str, str]]


def _titles() -> dict[str, dict[str, str]]:
    """The shipped checklists' titles, and the names of findings no checklist covers."""
    from branchcheck.engine.validate import load_all

    titles = {k: dict(v) for k, v in taxonomy.OTHER_CHECKLISTS.items()}
    for key, loaded in load_all().items():
        title = loaded.content.get("title", {})
        titles[key] = {"zh": title.get("zh", key), "en": title.get("en", key)}
    return titles


def read_branch(db: HeadOffice, code: str) -> BranchLists:
    """Worker thread: what the tabs show of one branch."""
    from branchcheck.headoffice import browse

    return BranchLists(
        code,
        browse.list_records(db, code),
        browse.list_findings(db, code),
        browse.list_packages(db, code),
        _titles(),
    )


def write_pdf(db: HeadOffice, record_id: str, folder: Path) -> Path:
    """Worker thread: the record's signed PDF as a file in `folder` (to open it)."""
    from branchcheck.headoffice.browse import record_pdf

    path = folder / f"{record_id}.pdf"
    path.write_bytes(record_pdf(db, record_id))
    return path


def _label(table_: dict[str, dict[str, str]], key: str | None) -> str:
    if key is None:
        return "—"
    names = table_.get(key)
    return names[i18n.lang()] if names else key


class HeadOfficeWindow(QMainWindow):
    def __init__(
        self,
        url: str | Path,
        *,
        tasks: TaskRunner | None = None,
        home: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = str(url)
        self.language_actions = i18n.add_language_menu(self, home)
        self.tasks: TaskRunner = tasks if tasks is not None else TaskManager(self)
        self.db: HeadOffice | None = None
        self.branches: list[BranchRow] = []
        self.lists: BranchLists | None = None
        self.ingest_dialog: IngestDialog | None = None
        self.trust_dialog: TrustDialog | None = None
        self.signer_dialog: SignerDialog | None = None
        self.last_pdf: Path | None = None
        self.told = Told()
        self._pdf_folder: tempfile.TemporaryDirectory[str] | None = None
        self.setMinimumSize(900, 560)
        self.resize(1280, 800)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = title_label(central)
        self.where = subtle_label(central)
        titles.addWidget(self.title)
        titles.addWidget(self.where)
        head.addLayout(titles, 1)
        self.ingest_button = primary_button(central)
        self.trust_button = QPushButton(central)
        self.signer_button = QPushButton(central)
        self.refresh_button = QPushButton(central)
        self.ingest_button.clicked.connect(self.open_ingest)
        self.trust_button.clicked.connect(self.open_trust)
        self.signer_button.clicked.connect(self.open_signer)
        self.refresh_button.clicked.connect(self.reload)
        for b in (self.ingest_button, self.trust_button, self.signer_button, self.refresh_button):
            head.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.error = error_label(central)
        layout.addWidget(self.error)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        left = QWidget(split)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.branches_label = QLabel(left)
        self.branches_label.setObjectName("sectionTitle")
        self.branch_table = table(left, 4)
        self.branch_table.horizontalHeader().setStretchLastSection(False)  # never clipped
        self.branch_table.itemSelectionChanged.connect(self._branch_chosen)
        self.empty = subtle_label(left)
        left_box.addWidget(self.branches_label)
        left_box.addWidget(self.branch_table, 1)
        left_box.addWidget(self.empty)
        self.tabs = QTabWidget(split)
        records_page = QWidget(self.tabs)
        records_box = QVBoxLayout(records_page)
        self.records_table = table(records_page, 9)
        self.records_table.itemSelectionChanged.connect(self._record_chosen)
        self.records_table.doubleClicked.connect(lambda _index: self.open_pdf())
        records_box.addWidget(self.records_table, 1)
        pdf_row = QHBoxLayout()
        self.pdf_button = QPushButton(records_page)
        self.pdf_button.clicked.connect(self.open_pdf)
        self.pdf_button.setEnabled(False)
        self.record_note = subtle_label(records_page)
        pdf_row.addWidget(self.record_note, 1)
        pdf_row.addWidget(self.pdf_button)
        records_box.addLayout(pdf_row)
        self.findings_table = table(self.tabs, 10)
        self.packages_table = table(self.tabs, 6)
        self.tabs.addTab(records_page, "")
        self.tabs.addTab(self.findings_table, "")
        self.tabs.addTab(self.packages_table, "")
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([430, 850])
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(200)
        self.busy_bar.hide()
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.tasks.busy_changed.connect(self.busy_bar.setVisible)
        self.retranslate()
        self._set_usable(False)
        url_ = self.url
        self.tasks.run_in_background(lambda: _open(url_), self._opened, self._failed)

    # ------------------------------------------------------------------ texts

    def set_language(self, lang: str) -> None:
        self.language_actions[lang].trigger()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("网点自查 · 总行"))
        self.title.setText(self.tr("总行 · 网点上报"))
        self.where.setText(self.tr("数据库：{url}").format(url=_shown_url(self.url)))
        self.ingest_button.setText(self.tr("导入上报包…"))
        self.trust_button.setText(self.tr("信任的 CA…"))
        self.signer_button.setText(self.tr("总行密钥…"))
        self.refresh_button.setText(self.tr("刷新"))
        self.branches_label.setText(self.tr("网点"))
        self.branch_table.setHorizontalHeaderLabels(
            [self.tr("代码"), self.tr("名称"), self.tr("记录"), self.tr("未关闭问题")]
        )
        self.tabs.setTabText(0, self.tr("记录"))
        self.tabs.setTabText(1, self.tr("问题整改").replace("&", "&&"))  # not a mnemonic
        self.tabs.setTabText(2, self.tr("上报包"))
        self.pdf_button.setText(self.tr("打开 PDF"))
        self.records_table.setHorizontalHeaderLabels(
            [
                self.tr("日期"),
                self.tr("检查"),
                self.tr("版本"),
                self.tr("状态"),
                self.tr("签名人"),
                self.tr("签名时间"),
                self.tr("核验"),
                self.tr("接收时间"),
                self.tr("记录编号"),
            ]
        )
        self.findings_table.setHorizontalHeaderLabels(
            [
                self.tr("发现日期"),
                self.tr("问题"),
                self.tr("检查"),
                self.tr("严重程度"),
                self.tr("风险成因"),
                self.tr("状态"),
                self.tr("整改期限"),
                self.tr("整改完成"),
                self.tr("重复发生"),
                self.tr("核查问责记录"),
            ]
        )
        self.packages_table.setHorizontalHeaderLabels(
            [
                self.tr("接收时间"),
                self.tr("期间"),
                self.tr("新入库记录"),
                self.tr("问题"),
                self.tr("签名人"),
                self.tr("上报包编号"),
            ]
        )
        self.told.retell()
        self._show_branches(self.branches)
        if self.lists is not None:
            self._show_lists(self.lists)

    # ------------------------------------------------------------------ the store

    def _set_usable(self, usable: bool) -> None:
        for b in (self.ingest_button, self.trust_button, self.signer_button, self.refresh_button):
            b.setEnabled(usable)

    def _opened(self, db: HeadOffice) -> None:
        self.db = db
        self._set_usable(True)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.told.tell(self.error, exc)

    def reload(self) -> None:
        """Read the branches again (after an ingest too); the chosen one stays chosen."""
        db = self.db
        if db is None:
            return
        from branchcheck.headoffice.browse import list_branches

        self.told.tell(self.error, None)
        self.tasks.run_in_background(lambda: list_branches(db), self._branches_read, self._failed)

    def _branches_read(self, rows: list[BranchRow]) -> None:
        chosen = self.chosen_branch()
        self._show_branches(rows)
        codes = [b.code for b in rows]
        if rows:
            self.branch_table.selectRow(codes.index(chosen) if chosen in codes else 0)
            if chosen in codes:
                self._branch_chosen()  # the same row: read its lists again

    def _show_branches(self, rows: list[BranchRow]) -> None:
        self.branches = rows
        self.branch_table.blockSignals(True)
        chosen = selected_index(self.branch_table)
        fill(
            self.branch_table,
            [[b.code, b.name, str(b.records), str(b.open_findings)] for b in rows],
        )
        for r, b in enumerate(rows):
            tip = self.tr("{n} 个上报包，最近接收 {at}").format(
                n=b.packages, at=when(b.last_received_at)
            )
            for c in range(4):
                item = self.branch_table.item(r, c)
                if item is not None:
                    item.setToolTip(tip)
        if chosen is not None and chosen < len(rows):
            self.branch_table.selectRow(chosen)
        self.branch_table.blockSignals(False)
        self.empty.setText(
            ""
            if rows
            else self.tr("尚未收到任何上报包。先在“信任的 CA…”中添加网点 CA，再导入上报包。")
        )

    def chosen_branch(self) -> str | None:
        index = selected_index(self.branch_table)
        return (
            self.branches[index].code if index is not None and index < len(self.branches) else None
        )

    def select_branch(self, code: str) -> None:
        for r, b in enumerate(self.branches):
            if b.code == code:
                self.branch_table.selectRow(r)

    def _branch_chosen(self) -> None:
        code, db = self.chosen_branch(), self.db
        if code is None or db is None:
            return
        self.tasks.run_in_background(lambda: read_branch(db, code), self._show_lists, self._failed)

    # ------------------------------------------------------------------ the tabs

    def _show_lists(self, lists: BranchLists) -> None:
        self.lists = lists
        lang = i18n.lang()
        records = []
        for r in lists.records:
            state = self.tr("已被更正版本取代") if r.superseded_by else self.tr("有效")
            records.append(
                [
                    r.local_date,
                    _label(lists.titles, r.checklist),
                    str(r.version),
                    state,
                    r.signer,
                    when(r.signed_at),
                    self.tr("通过") if r.verdict == "ok" else r.verdict,
                    when(r.received_at),
                    r.record_id,
                ]
            )
        items = fill(self.records_table, records)
        for line, r in zip(items, lists.records, strict=True):
            tip = self.tr("核验：{detail}\n信任的 CA：{anchor}\n上报包：{package}").format(
                detail=in_language(r.verdict_detail), anchor=r.anchor, package=r.package_id
            )
            for item in line:
                item.setToolTip(tip)
                if r.superseded_by:
                    item.setForeground(QColor(GREY))
                    item.setBackground(QColor(SUPERSEDED_BG))
        findings = [
            [
                f.found_on or "—",
                (f.title_en if lang == "en" else f.title_zh) or f.title_zh or f.finding_id,
                _label(lists.titles, f.checklist),
                _label(taxonomy.SEVERITIES, f.severity),
                _label(taxonomy.RISK_DRIVERS, f.risk_driver),
                _label(taxonomy.FINDING_STATES, f.state),
                f.due_date or "—",
                f.rectified_on or "—",
                self.tr("是") if f.repeat else "",
                (f.missed_record_id or "")[:8],
            ]
            for f in lists.findings
        ]
        fill(self.findings_table, findings)
        packages = [
            [
                when(p.received_at),
                f"{p.period_from} – {p.period_to}",
                str(p.records),
                str(p.findings),
                p.signer,
                p.package_id,
            ]
            for p in lists.packages
        ]
        fill(self.packages_table, packages)
        self._record_chosen()

    def chosen_record(self) -> RecordRow | None:
        index = selected_index(self.records_table)
        if self.lists is None or index is None or index >= len(self.lists.records):
            return None
        return self.lists.records[index]

    def _record_chosen(self) -> None:
        record = self.chosen_record()
        self.pdf_button.setEnabled(record is not None)
        if record is not None and record.superseded_by:
            self.record_note.setText(
                self.tr("此版本已被更正版本 {id} 取代").format(id=record.superseded_by[:8])
            )
        else:
            self.record_note.setText("")

    # ------------------------------------------------------------------ actions

    def open_pdf(self) -> None:
        record, db = self.chosen_record(), self.db
        if record is None or db is None:
            return
        if self._pdf_folder is None:
            self._pdf_folder = tempfile.TemporaryDirectory(prefix="branchcheck-ho-")
        folder = Path(self._pdf_folder.name)
        record_id = record.record_id
        self.tasks.run_in_background(
            lambda: write_pdf(db, record_id, folder), self._pdf_written, self._failed
        )

    def _pdf_written(self, path: Path) -> None:
        self.last_pdf = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_ingest(self) -> IngestDialog | None:
        from ui.screens.headoffice_ingest import IngestDialog

        if self.db is None:
            return None
        self.ingest_dialog = IngestDialog(self.db, tasks=self.tasks, parent=self)
        self.ingest_dialog.ingested.connect(self.reload)
        self.ingest_dialog.show()
        return self.ingest_dialog

    def open_trust(self) -> TrustDialog | None:
        from ui.screens.headoffice_trust import TrustDialog

        if self.db is None:
            return None
        self.trust_dialog = TrustDialog(self.db, tasks=self.tasks, parent=self)
        self.trust_dialog.show()
        return self.trust_dialog

    def open_signer(self) -> SignerDialog | None:
        from ui.screens.headoffice_signer import SignerDialog

        if self.db is None:
            return None
        self.signer_dialog = SignerDialog(self.db, tasks=self.tasks, parent=self)
        self.signer_dialog.show()
        return self.signer_dialog

    def dispose(self) -> None:
        """After the event loop: the store's connections and the temporary PDFs."""
        if self.db is not None:
            self.db.dispose()
        if self._pdf_folder is not None:
            self._pdf_folder.cleanup()


def _open(url: str) -> HeadOffice:
    from branchcheck.headoffice.store import open_headoffice

    return open_headoffice(url)


def _shown_url(url: str) -> str:
    """The URL without a password (postgresql+psycopg://user:secret@host/db → user:***@)."""
    if "://" in url and "@" in url.split("://", 1)[1]:
        scheme, rest = url.split("://", 1)
        auth, _, host = rest.rpartition("@")
        user = auth.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in auth else url
    return url
