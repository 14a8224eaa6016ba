"""Blank vouchers: per voucher type a tab of number ranges and the physical count, with the core's
reconciliation (closing balance, difference, gaps, repeats, skipped numbers, next number, numbers
that vanished or appeared since the last sealed check) shown live. The opening ranges start as the
closing ranges of the last sealed check (the core's facts, `ItemContext.facts`).

Ranges are typed as "00412301-00412350, 00412360"; each piece goes to the core's own parser, so
numbers stay fixed-width strings with their leading zeros."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchcheck.checklists import Item
from branchcheck.engine import ITEM_TYPES
from branchcheck.engine.vouchers import CARRIED_FACT, RANGE_FIELDS, count, fmt_ranges, reconcile
from branchcheck.errors import BranchCheckError
from ui import i18n
from ui.items import ItemContext, ItemWidget, register
from ui.style import ACCENT, GREEN, GREY, ORANGE, RED

SEPARATORS = re.compile(r"[,，、;；\s]+")
DASHES = re.compile(r"\s*[-–—~～至]\s*")


def split_ranges(text: str) -> list[str]:
    """ "00012301-00012350, 00012360" → ["00012301-00012350", "00012360"] (the core parses each)."""
    text = DASHES.sub("-", text.strip())
    return [piece for piece in SEPARATORS.split(text) if piece]


def join_ranges(ranges: list[list[str]]) -> str:
    return ", ".join(a if a == b else f"{a}-{b}" for a, b in ranges)


class VoucherBlock(QWidget):
    """One voucher type: the range fields and the count on the left, the reconciliation right."""

    def __init__(self, vtype: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vtype = vtype
        self.width_digits = vtype["width"]
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(14)
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        self.captions: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        fields = ["opening", "opening_count", *RANGE_FIELDS[1:], "physical"]
        for i, key in enumerate(fields):
            caption = QLabel(self)
            edit = QLineEdit(self)
            if key in ("opening_count", "physical"):
                edit.setValidator(QIntValidator(0, 99_999_999, edit))
                edit.setMaximumWidth(160)
            else:
                edit.setMinimumWidth(320)
            form.addWidget(caption, i, 0)
            form.addWidget(edit, i, 1)
            self.captions[key] = caption
            self.edits[key] = edit
        form.setColumnStretch(1, 1)
        row.addLayout(form, 1)

        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setFixedWidth(300)
        side = QVBoxLayout(panel)
        side.setContentsMargins(16, 12, 16, 12)
        side.setSpacing(4)
        self.figures = QLabel(panel)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.diff_caption = QLabel(panel)
        self.diff_caption.setObjectName("subtle")
        self.diff_value = QLabel(panel)
        self.issues = QLabel(panel)
        self.issues.setWordWrap(True)
        self.issues.setTextFormat(Qt.TextFormat.RichText)
        self.next_caption = QLabel(panel)
        self.next_caption.setObjectName("subtle")
        self.next_value = QLabel(panel)
        self.next_value.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {ACCENT};")
        self.carry_note = QLabel(panel)
        self.carry_note.setObjectName("subtle")
        self.carry_note.setWordWrap(True)
        side.addWidget(self.carry_note)
        side.addWidget(self.figures)
        side.addSpacing(6)
        side.addWidget(self.diff_caption)
        side.addWidget(self.diff_value)
        side.addSpacing(6)
        side.addWidget(self.issues)
        side.addSpacing(6)
        side.addWidget(self.next_caption)
        side.addWidget(self.next_value)
        side.addStretch(1)
        row.addWidget(panel, 0, Qt.AlignmentFlag.AlignTop)

    def touched(self) -> bool:
        return any(e.text().strip() for e in self.edits.values())

    def raw(self) -> dict[str, Any]:
        out: dict[str, Any] = {f: split_ranges(self.edits[f].text()) for f in RANGE_FIELDS}
        for key in ("opening_count", "physical"):
            text = self.edits[key].text().strip()
            if text:
                out[key] = int(text)
        return out

    def fill(self, value: dict[str, Any]) -> None:
        for f in RANGE_FIELDS:
            self.edits[f].setText(join_ranges(value.get(f, [])))
        for key in ("opening_count", "physical"):
            n = value.get(key)
            self.edits[key].setText("" if n is None else str(n))


@register("voucher_table")
class VoucherTableWidget(ItemWidget):
    """A tab per voucher type of the item; a type with nothing typed is not held."""

    def __init__(self, item: Item, ctx: ItemContext, parent: QWidget | None = None) -> None:
        super().__init__(item, ctx, parent)
        self.types = item.params["voucher_types"]
        self.parser = ITEM_TYPES["voucher_table"]
        self._committed: dict[str, Any] | None = None
        carried = (ctx.facts.get(CARRIED_FACT) or {}).get(item.key)
        self.carried: dict[str, Any] | None = carried if isinstance(carried, dict) else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setStyleSheet("QTabBar::tab { min-height: 34px; padding: 0 14px; }")
        self.blocks: dict[str, VoucherBlock] = {}
        for t in self.types:
            block = VoucherBlock(t, self.tabs)
            self.tabs.addTab(block, "")
            self.blocks[t["key"]] = block
            for edit in block.edits.values():
                edit.textEdited.connect(lambda _t, k=t["key"]: self.recompute(k))
                edit.editingFinished.connect(self._finished)
        layout.addWidget(self.tabs)
        for key in self.held():
            self.blocks[key].edits["opening"].setText(join_ranges(self.held()[key]))
        self.retranslate()

    def held(self) -> dict[str, list[list[str]]]:
        """Per voucher type, the ranges the last sealed check left on hand."""
        return {k: r for k, r in (self.carried or {}).get("rows", {}).items() if k in self.blocks}

    def retranslate(self) -> None:
        captions = {
            "opening": self.tr("期初号段"),
            "opening_count": self.tr("期初份数"),
            "received": self.tr("领入号段"),
            "used": self.tr("使用号段（按使用先后）"),
            "sold": self.tr("出售号段（售予客户，按出售先后）"),
            "voided": self.tr("作废号码"),
            "returned": self.tr("上缴号段"),
            "on_hand": self.tr("结存号段"),
            "physical": self.tr("实点份数"),
        }
        for block in self.blocks.values():
            for key, caption in captions.items():
                block.captions[key].setText(caption)
            example = "0" * (block.width_digits - 4)
            block.edits["opening"].setPlaceholderText(
                self.tr("如 {a}1201-{a}1250, {a}1300").format(a=example)
            )
            block.diff_caption.setText(self.tr("差异（实点 − 结存）"))
            block.next_caption.setText(self.tr("下一可用号"))
            if self.carried is None:
                block.carry_note.setText(self.tr("无上次已封存的检查：期初号段按登记簿填写"))
            else:
                block.carry_note.setText(
                    self.tr("期初号段取自上次检查（{date}，记录 {id}）的结存").format(
                        date=self.carried["local_date"], id=str(self.carried["record_id"])[:8]
                    )
                )
        for key in self.blocks:
            self.recompute(key)

    # ------------------------------------------------------------------ figures

    def parse_block(self, key: str) -> dict[str, Any]:
        """One type's ranges as the core parses them; raises the core's AnswerError."""
        raw = self.blocks[key].raw()
        raw.setdefault("physical", 0)
        return self.parser.parse(self.item, {"rows": {key: raw}}, None)["rows"][key]

    def recompute(self, key: str) -> dict[str, Any] | None:
        block = self.blocks[key]
        title = i18n.text(block.vtype["label"])
        if not block.touched():
            self._blank(block)
            self.tabs.setTabText(self._index(key), title)
            return None
        try:
            c = reconcile(self.parse_block(key), self.held().get(key, []) if self.carried else None)
        except BranchCheckError as exc:
            self._blank(block)
            block.issues.setText(f"<span style='color:{RED};'>{exc}</span>")
            self.tabs.setTabText(self._index(key), f"{title} ⚠")
            return None
        width = block.width_digits
        has_physical = "physical" in block.raw()
        rows = [
            (self.tr("期初"), c["opening"]),
            (self.tr("领入"), c["received"]),
            (self.tr("使用"), c["used"]),
            (self.tr("作废"), c["voided"]),
            (self.tr("上缴"), c["returned"]),
        ]
        cells = "".join(f"<tr><td>{a}</td><td align='right'>{b:,}</td></tr>" for a, b in rows)
        closing_word = self.tr("结存（账面）")
        cells += (
            f"<tr><td><b>{closing_word}</b></td><td align='right'><b>{c['closing']:,}</b></td></tr>"
        )
        if has_physical:
            counted_word = self.tr("实点")
            cells += f"<tr><td>{counted_word}</td><td align='right'>{c['physical']:,}</td></tr>"
        block.figures.setText(
            f"<table cellspacing='0' cellpadding='2' width='100%'>{cells}</table>"
        )
        if has_physical:
            d = c["difference"]
            colour = GREEN if d == 0 else (ORANGE if d > 0 else RED)
            word = (
                self.tr("相符")
                if d == 0
                else (self.tr("实物多出") if d > 0 else self.tr("实物短少"))
            )
            block.diff_value.setText(f"{d:+d} {word}" if d else word)
            block.diff_value.setStyleSheet(f"font-size: 16pt; font-weight: bold; color: {colour};")
        else:
            block.diff_value.setText(self.tr("（填写实点份数后计算并保存）"))
            block.diff_value.setStyleSheet(f"color: {GREY};")
        lines = []
        for kind, label in (
            ("gaps", self.tr("缺号")),
            ("unknown", self.tr("来源不明")),
            ("overlaps", self.tr("重号")),
            ("skipped", self.tr("跳号")),
            ("carry_missing", self.tr("上次结存未列入")),
            ("carry_extra", self.tr("期初来源不明")),
        ):
            if c.get(kind):
                lines.append(
                    f"<span style='color:{RED}; font-weight:bold;'>"
                    f"{label} {count(c[kind])}：</span>{fmt_ranges(c[kind], width)}"
                )
        if c["out_of_order"]:
            out_of_order = self.tr("未按号码顺序使用")
            lines.append(f"<span style='color:{RED}; font-weight:bold;'>{out_of_order}</span>")
        if not lines:
            continuous = self.tr("号码连续，无缺号、重号")
            lines.append(f"<span style='color:{GREEN};'>{continuous}</span>")
        block.issues.setText("<br>".join(lines))
        nxt = c["next"]
        block.next_value.setText(str(nxt).zfill(width) if nxt is not None else "—")
        bad = (has_physical and c["difference"] != 0) or any(
            c.get(k)
            for k in (
                "gaps",
                "unknown",
                "overlaps",
                "skipped",
                "out_of_order",
                "carry_missing",
                "carry_extra",
            )
        )
        self.tabs.setTabText(self._index(key), f"{title} ⚠" if bad else f"{title} ✓")
        return c

    def _blank(self, block: VoucherBlock) -> None:
        block.figures.setText("")
        block.diff_value.setText("—")
        block.diff_value.setStyleSheet(f"color: {GREY};")
        block.issues.setText("")
        block.next_value.setText("—")

    def _index(self, key: str) -> int:
        return self.tabs.indexOf(self.blocks[key])

    # ------------------------------------------------------------------ answers

    def raw(self) -> dict[str, Any]:
        rows = {}
        for key, block in self.blocks.items():
            raw = block.raw()
            if block.touched() and "physical" in raw:
                rows[key] = raw
        return {"rows": rows}

    def _finished(self) -> None:
        raw = self.raw()
        if any(self._begun(k) and k not in raw["rows"] for k in self.blocks):
            self._keep_draft()  # a type begun without its count: no answer yet
            return
        if not raw["rows"] or raw == self._committed:
            return
        try:
            self.parser.parse(self.item, raw, None)
        except BranchCheckError as exc:
            self.invalid.emit(str(exc))
            self._keep_draft()
            return
        self._committed = raw
        self.answered.emit(raw)

    def _keep_draft(self) -> None:
        self._committed = None
        self.drafted.emit(self.draft())

    def _begun(self, key: str) -> bool:
        """Something typed for the type beyond the opening carried forward."""
        edits = self.blocks[key].edits
        held = join_ranges(self.held().get(key, []))
        typed = any(e.text().strip() for f, e in edits.items() if f != "opening")
        return typed or edits["opening"].text().strip() != held.strip()

    def draft(self) -> dict[str, Any]:
        """Each voucher type as [key, then each field as typed, in the order shown]."""
        return {
            "rows": [
                [key, *(e.text() for e in block.edits.values())]
                for key, block in self.blocks.items()
            ]
        }

    def set_draft(self, draft: Any) -> None:
        for cells in draft.get("rows", []):
            block = self.blocks.get(cells[0]) if cells else None
            if block is None or len(cells) != 1 + len(block.edits):
                continue
            for edit, text in zip(block.edits.values(), cells[1:], strict=True):
                edit.setText(str(text or ""))  # setText emits neither textEdited nor finished
            self.recompute(cells[0])

    def set_value(self, value: Any) -> None:
        rows = value.get("rows", {})
        held = self.held()
        for key, block in self.blocks.items():
            row = rows.get(key, {})
            if "opening" not in row and key in held:  # opening left to the carry-forward
                row = row | {"opening": held[key]}
            block.fill(row)  # setText emits neither textEdited nor editingFinished
            self.recompute(key)
        self._committed = self.raw()
        first = next((k for k in self.blocks if k in rows), None)
        if first:
            self.tabs.setCurrentIndex(self._index(first))

    def focus_target(self) -> QWidget:
        block = self.tabs.currentWidget()
        return block.edits["opening"] if isinstance(block, VoucherBlock) else self.tabs
