"""The content of the record PDF, section by section: header and summary, the items of each
section, the record's tables, findings, handwritten signatures and the seal box."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from branchcheck.i18n import pick
from branchcheck.records.labels import (
    clock,
    cn_index,
    counts_line,
    format_cell,
    format_time,
    label,
    mask_ids,
    signature_png,
    table_cells,
    vocab,
)
from branchcheck.records.pdf.attachments import evidence_table
from branchcheck.records.pdf.linebreak import Para, fit_widths, unbreakable_width
from branchcheck.records.pdf.page import (
    CONTENT_W,
    FAIL,
    FONT,
    GREY,
    INK,
    LABEL_BG,
    SEAL_RED,
    BoldTitle,
    HeadedTable,
    RecordTable,
    Styles,
    grid,
)
from branchcheck.taxonomy import FINDING_STATES, RESULTS, SEVERITIES


def _esc(value: Any) -> str:
    """XML-escape any text from the record for a Paragraph, ID numbers masked; newlines become
    line breaks."""
    if value is None:
        return ""
    return escape(mask_ids(str(value))).replace("\r\n", "\n").replace("\n", "<br/>")


KEEP_WHOLE = 90 * mm  # an appendix table up to this tall is never split across pages


class Story:
    """The flowables of one record in one language."""

    def __init__(self, doc: dict[str, Any], seal: dict[str, Any], lang: str, signed: bool) -> None:
        self.doc = doc
        self.seal = seal
        self.lang = lang
        self.signed = signed
        self.s = Styles()

    # small helpers
    def p(self, text: Any, style: ParagraphStyle | None = None) -> Para:
        return Para(_esc(text), style or self.s.cell)

    def raw(self, markup: str, style: ParagraphStyle | None = None) -> Para:
        return Para(markup, style or self.s.cell)

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ": "

    def lbl(self, key: str) -> str:
        return label(key, self.lang)

    def t(self, obj: Any) -> str:
        return pick(obj, self.lang)

    def title_text(self) -> str:
        title = self.t(self.doc.get("checklist", {}).get("title"))
        return title + self.lbl("record")

    # sections
    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        out += self.header()
        out += self.items()
        out += self.tables()
        out += self.findings()
        out += self.signatures()
        out += self.seal_box()
        return out

    def header(self) -> list[Flowable]:
        d, s, lang = self.doc, self.s, self.lang
        branch = d.get("branch", {})
        checklist = d.get("checklist", {})
        title = checklist.get("title", {})
        other = "en" if lang == "zh" else "zh"
        sub = pick(title, other)
        if other == "en" and sub:
            sub = f"{sub} record"
        elif sub:
            sub = sub + "记录"
        out: list[Flowable] = [
            self.p(
                branch.get("name" if lang == "zh" else "name_en") or branch.get("name"), s.branch
            ),
            Spacer(1, 1.5 * mm),
            BoldTitle(self.title_text(), 19),
            self.p(sub, s.subtitle),
            Spacer(1, 2 * mm),
        ]
        c = self.colon
        ver = (
            f"{self.lbl('record_id')}{c}{d.get('record_id', '')}    "
            f"{self.lbl('version')}{c}v{d.get('version', '')}"
        )
        out.append(self.p(ver, s.meta))
        if d.get("supersedes"):
            out.append(self.p(f"{self.lbl('supersedes')}{c}{d['supersedes']}", s.meta))
        out.append(Spacer(1, 1.5 * mm))

        inspector = d.get("inspector", {})
        people = d.get("people") or []
        people_text = "；".join(
            f"{self.t(p.get('title'))} {p.get('name', '')}（{p.get('employee_no', '')}）"
            for p in people
        )
        summary = d.get("summary", {})
        result_text = self.t(summary.get("result"))
        failed = bool(summary.get("failed")) or bool(summary.get("findings"))
        result_markup = (
            f'<font color="{FAIL.hexval()}">{_esc(result_text)}</font>'
            if failed
            else _esc(result_text)
        )
        lab = s.label
        rows = [
            [
                self.p(self.lbl("branch"), lab),
                self.p(f"{branch.get('name', '')}（{branch.get('code', '')}）"),
                self.p(self.lbl("date"), lab),
                self.p(d.get("local_date", "")),
            ],
            [
                self.p(self.lbl("checklist"), lab),
                self.p(
                    f"{self.t(title)}（{checklist.get('key', '')} "
                    + (
                        f"第 {checklist.get('version', '')} 版）"
                        if lang == "zh"
                        else f"v{checklist.get('version', '')})"
                    )
                ),
                self.p(self.lbl("time"), lab),
                self.p(self.entry_times()),
            ],
            [
                # the checklist's own word for the inspector (检查人, 现场监督人, ...)
                self.p(self.t(inspector.get("title")) or self.lbl("inspector"), lab),
                self.p(
                    f"{self.t(inspector.get('role'))} {inspector.get('name', '')}"
                    f"（{inspector.get('employee_no', '')}）"
                ),
                self.p(self.lbl("sealed_at"), lab),
                self.p(format_time(d.get("sealed_at"))),
            ],
            [self.p(self.lbl("people"), lab), self.p(people_text or "—"), "", ""],
            *[
                [self.p(self.t(n.get("label")), lab), self.p(self.t(n.get("text"))), "", ""]
                for n in d.get("notices") or []
            ],
            [
                self.p(self.lbl("conclusion"), lab),
                self.raw(
                    f"{result_markup}　　"
                    f'<font size="8" color="{GREY.hexval()}">'
                    f"{_esc(counts_line(d, lang))}</font>"
                ),
                "",
                "",
            ],
        ]
        widths = [20 * mm, 78 * mm, 20 * mm, CONTENT_W - 118 * mm]
        table = Table(rows, colWidths=widths)
        style = grid(0)
        style += [
            ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
            ("BACKGROUND", (2, 0), (2, 2), LABEL_BG),
            *[("SPAN", (1, r), (3, r)) for r in range(3, len(rows))],
        ]
        table.setStyle(TableStyle(style))
        out.append(table)
        return out

    def entry_times(self) -> str:
        """When the record was entered, start – end; with the date when not the inspection's."""
        d = self.doc
        start, end = d.get("started_at"), d.get("completed_at")
        if str(start or "")[:10] == d.get("local_date"):
            return f"{clock(start)} – {clock(end)}"
        return f"{format_time(start)} – {clock(end)}"

    def items(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        out: list[Flowable] = []
        widths = [10 * mm, 56 * mm, 16 * mm, 50 * mm, 16 * mm]
        widths.append(CONTENT_W - sum(widths))
        width = CONTENT_W - widths[0]  # an item's attachments span the columns after the number
        header = [
            self.p(self.lbl(k), s.head)
            for k in ("no", "item", "result", "display", "severity", "source")
        ]
        for si, section in enumerate(self.doc.get("sections") or []):
            prefix = f"{cn_index(si)}、" if lang == "zh" else f"{si + 1}. "
            heading = prefix + self.t(section.get("title"))
            other = pick(section.get("title"), "en" if lang == "zh" else "zh")
            markup = _esc(heading)
            if other and other != self.t(section.get("title")):
                markup += f'　<font size="8.5" color="{GREY.hexval()}">{_esc(other)}</font>'
            rows: list[list[Any]] = [header]
            fails: list[int] = []
            attached: list[int] = []
            for ii, item in enumerate(section.get("items") or []):
                result = item.get("result")
                res_text = vocab(RESULTS, result, lang)
                if result == "fail":
                    fails.append(ii + 1)
                    res = self.raw(
                        f'<font color="{FAIL.hexval()}">{_esc(res_text)}</font>', s.cell_c
                    )
                else:
                    res = self.p(res_text, s.cell_c)
                detail = _esc(self.t(item.get("display")))
                note = item.get("note")
                if note:
                    sep = "<br/>" if detail else ""
                    detail += f'{sep}<font color="{GREY.hexval()}">{_esc(self.lbl("note"))}{self.colon}{_esc(note)}</font>'
                text_markup = _esc(self.t(item.get("text")))
                if item.get("required") is False:
                    text_markup += f' <font size="7" color="{GREY.hexval()}">（选填）</font>'
                rows.append(
                    [
                        self.p(f"{si + 1}.{ii + 1}", s.cell_c),
                        self.raw(text_markup),
                        res,
                        self.raw(detail),
                        self.p(vocab(SEVERITIES, item.get("severity"), lang), s.cell_c),
                        self.p(item.get("source") or "", s.small),
                    ]
                )
                files = item.get("evidence")
                if files:  # only an item with files has the key: other records lay out as before
                    attached.append(len(rows))
                    rows.append(["", evidence_table(files, width, lang, s), "", "", "", ""])
            table = RecordTable(rows, colWidths=widths, repeatRows=1, splitInRow=1)
            style = grid(1)
            for r in fails:
                style.append(("BACKGROUND", (2, r), (2, r), colors.HexColor("#fbeaea")))
            for r in attached:
                style.append(("SPAN", (1, r), (-1, r)))
            table.setStyle(TableStyle(style))
            out.append(HeadedTable([self.raw(markup, s.h2)], table))
        return out

    def tables(self) -> list[Flowable]:
        s = self.s
        tables = self.doc.get("tables") or []
        if not tables:
            return []
        out: list[Flowable] = []
        heading: list[Flowable] = [self.p(self.lbl("tables"), s.h2)]
        for ti, tab in enumerate(tables):
            cols = tab.get("columns") or []
            if not cols:
                continue
            kinds = [c.get("kind", "text") for c in cols]
            numeric = [k in ("money", "diff", "int", "count") for k in kinds]
            header = [self.p(pick(c, self.lang), s.head) for c in cols]
            body = [table_cells(tab, row, self.lang) for row in tab.get("rows") or []]
            footer = tab.get("footer") or []
            rows: list[list[Any]] = [header]
            rows += [self._table_row(row, kinds, numeric) for row in body]
            first_footer = len(rows)
            foot_kinds = ["text"] + kinds[1:]
            rows += [self._table_row(row, foot_kinds, [False] + numeric[1:]) for row in footer]
            texts = [[pick(c, self.lang) for c in cols]] + [
                [mask_ids(format_cell(v, k, self.lang)) for v, k in zip(row, ks, strict=False)]
                for row, ks in [(r, kinds) for r in body] + [(r, foot_kinds) for r in footer]
            ]
            widths = self._table_widths(kinds, texts)
            table = RecordTable(rows, colWidths=widths, repeatRows=1, splitInRow=1)
            style = grid(1)
            if footer:
                style += [
                    ("BACKGROUND", (0, first_footer), (-1, -1), LABEL_BG),
                    ("LINEABOVE", (0, first_footer), (-1, first_footer), 0.8, INK),
                ]
            table.setStyle(TableStyle(style))
            caption = (
                f"附表 {ti + 1}　{self.t(tab.get('title'))}"
                if self.lang == "zh"
                else (f"Table {ti + 1}  {self.t(tab.get('title'))}")
            )
            # A short table moves to the next page whole; a long one splits, header repeated;
            # 附表 goes with the first table.
            heading += [self.p(caption, s.h3), Spacer(1, 1.5 * mm)]
            out.append(HeadedTable(heading, table, keep_whole=KEEP_WHOLE))
            out.append(Spacer(1, 3 * mm))
            heading = []
        return out

    def _table_row(self, row: list[Any], kinds: list[str], numeric: list[bool]) -> list[Any]:
        cells: list[Any] = []
        for ci, kind in enumerate(kinds):
            value = row[ci] if ci < len(row) else None
            text = format_cell(value, kind, self.lang)
            if kind == "diff" and isinstance(value, int) and value != 0:
                cells.append(
                    self.raw(f'<font color="{FAIL.hexval()}">{_esc(text)}</font>', self.s.cell_r)
                )
            else:
                cells.append(self.p(text, self.s.cell_r if numeric[ci] else self.s.cell))
        return cells

    def _table_widths(self, kinds: list[str], texts: list[list[str]]) -> list[float]:
        """Column widths by kind, each at least as wide as the longest unbreakable run (number,
        code, English word) in its cells, so numbers and words are never cut."""
        weight = {"money": 1.35, "diff": 1.6, "int": 0.8, "count": 0.75, "text": 1.5}
        ws = [weight.get(k, 1.5) for k in kinds]
        if kinds and kinds[0] == "text":
            ws[0] = max(ws[0], 1.8)
        pad = 7.0  # cell padding and a little air
        size = self.s.cell.fontSize
        mins = [
            pad + max(unbreakable_width(row[ci], FONT, size) for row in texts if ci < len(row))
            for ci in range(len(kinds))
        ]
        return fit_widths(ws, mins, CONTENT_W)

    def findings(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        findings = self.doc.get("findings") or []
        heading = self.p(self.lbl("findings"), s.h2)
        if not findings:
            return [KeepTogether([heading, self.p(self.lbl("no_findings"))])]
        header = [
            self.p(self.lbl(k), s.head)
            for k in ("no", "f_title", "severity", "f_driver", "f_resp", "f_due", "f_state")
        ]
        rows: list[list[Any]] = [header]
        for i, f in enumerate(findings):
            title = _esc(self.t(f.get("title")))
            if f.get("repeat"):
                title += f' <font color="{FAIL.hexval()}">【{_esc(self.lbl("repeat"))}】</font>'
            resp = f.get("responsible") or {}
            resp_text = (
                f"{resp.get('name', '')}（{resp.get('employee_no', '')}）"
                if isinstance(resp, dict) and resp
                else ""
            )
            rows.append(
                [
                    self.p(i + 1, s.cell_c),
                    self.raw(title),
                    self.p(vocab(SEVERITIES, f.get("severity"), lang), s.cell_c),
                    self.p(self.t(f.get("risk_driver"))),
                    self.p(resp_text),
                    self.p(f.get("due_date") or "", s.cell_c),
                    self.p(vocab(FINDING_STATES, f.get("state"), lang), s.cell_c),
                ]
            )
        widths = [10 * mm, 52 * mm, 16 * mm, 30 * mm, 25 * mm, 21 * mm]
        widths.append(CONTENT_W - sum(widths))
        table = RecordTable(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle(grid(1)))
        return [HeadedTable([heading], table)]

    def signatures(self) -> list[Flowable]:
        s = self.s
        sigs = self.doc.get("signatures") or []
        if not sigs:
            return []
        cell_w = CONTENT_W / 2
        img_w, img_h = 55 * mm, 22 * mm
        cells: list[Any] = []
        for sig in sigs:
            parts: list[Flowable] = [
                self.raw(
                    f"{_esc(self.t(sig.get('title')))}"
                    f'<font size="7.5" color="{GREY.hexval()}">　'
                    f"{_esc(pick(sig.get('title'), 'en' if self.lang == 'zh' else 'zh'))}</font>",
                    s.cell,
                ),
            ]
            png = signature_png(sig.get("png_b64"))
            if png is not None:
                img = Image(io.BytesIO(png), width=img_w, height=img_h)
                img.hAlign = "CENTER"
                parts.append(img)
            else:
                parts.append(Spacer(1, img_h))
            parts.append(self.p(f"{sig.get('name', '')}（{sig.get('employee_no', '')}）", s.cell_c))
            parts.append(
                self.p(
                    f"{self.lbl('signed_at')}{self.colon}{format_time(sig.get('signed_at'))}",
                    s.small,
                )
            )
            cells.append(parts)
        if len(cells) % 2:
            cells.append("")
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        table = Table(rows, colWidths=[cell_w, cell_w])
        style = grid(0)
        style += [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5)]
        table.setStyle(TableStyle(style))
        return [KeepTogether([CondPageBreak(60 * mm), self.p(self.lbl("signatures"), s.h2), table])]

    def seal_box(self) -> list[Flowable]:
        s, seal, d = self.s, self.seal, self.doc
        signer = seal.get("signer") or {}
        fp = ""
        pem = seal.get("certificate_pem")
        if isinstance(pem, str):
            try:
                from branchcheck.records import pki

                fp = pki.fingerprint(pki.cert_from_pem(pem))
            except Exception:  # a bad PEM just shows no fingerprint
                fp = ""
        sha = str(seal.get("sha256", ""))
        mono = ParagraphStyle("mono", parent=s.seal, fontName=FONT, fontSize=7.5, leading=10)
        rows = [
            [self.p(self.lbl("record_id"), s.label), self.p(d.get("record_id", ""), mono)],
            [self.p(self.lbl("sha256"), s.label), self.p(sha, mono)],
            [
                self.p(self.lbl("signer"), s.label),
                self.p(f"{signer.get('name', '')}（{signer.get('employee_no', '')}）"),
            ],
            [self.p(self.lbl("cert_fp"), s.label), self.p(f"SHA-256 {fp}", mono)],
            [self.p(self.lbl("algorithm"), s.label), self.p(seal.get("algorithm", ""))],
            [self.p(self.lbl("sealed_at"), s.label), self.p(format_time(d.get("sealed_at")))],
        ]
        inner = Table(rows, colWidths=[30 * mm, CONTENT_W - 30 * mm - 10 * mm - 8])
        inner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.HexColor("#d9a6a1")),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        note = self.lbl("seal_note_signed" if self.signed else "seal_note_unsigned")
        head = self.raw(
            f'<font color="{SEAL_RED.hexval()}">{_esc(self.lbl("seal"))}</font>'
            f'<font size="8" color="{GREY.hexval()}">　Electronic seal</font>'
            if self.lang == "zh"
            else f'<font color="{SEAL_RED.hexval()}">{_esc(self.lbl("seal"))}</font>',
            s.h3,
        )
        box = Table([[head], [inner], [self.p(note, s.small)]], colWidths=[CONTENT_W - 10 * mm])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.4, SEAL_RED),
                    ("INNERGRID", (0, 0), (-1, -1), 0, colors.white),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdf7f6")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        box.hAlign = "CENTER"
        return [Spacer(1, 5 * mm), KeepTogether([box])]
