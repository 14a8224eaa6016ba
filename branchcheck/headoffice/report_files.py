"""The head-office report's two files: the workbook (native charts) and the PDF beside it,
written together or not at all."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from branchcheck import clock
from branchcheck.errors import InputFileError
from branchcheck.headoffice.report import HeadOfficeReport, _today, head_office_report
from branchcheck.headoffice.report_excel import export_excel
from branchcheck.headoffice.report_pdf import export_pdf
from branchcheck.headoffice.store import HeadOffice


@dataclass(frozen=True)
class ReportFiles:
    report: HeadOfficeReport
    xlsx: Path
    pdf: Path


def _writable(out: Path) -> None:
    """Refuse, before anything is written, an output that is not .xlsx or a folder that cannot be
    written."""
    if out.suffix.lower() != ".xlsx":
        raise InputFileError(
            f"{out}: 报告文件须以 .xlsx 结尾 / the report's file must end in .xlsx "
            "(the PDF is written beside it)"
        )
    folder = out.parent
    if not folder.is_dir():
        raise InputFileError(f"{folder}: 文件夹不存在 / the folder does not exist: create it first")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".bc-", suffix=".probe"):
            pass
    except OSError as exc:
        raise InputFileError(
            f"{folder}: 文件夹无法写入 / the folder cannot be written ({exc.strerror or exc})"
        ) from None


def write_report(
    db: HeadOffice,
    first: date,
    last: date,
    out: Path,
    *,
    lang: str = "zh",
    as_of: date | None = None,
) -> ReportFiles:
    """The report of [first, last] as `out` (.xlsx, with native charts) and the PDF beside it
    (same stem). Both are written to temporary files first and put in place together: a failure
    leaves neither."""
    out = Path(out).expanduser()
    clock.check_period(first, last, as_of or _today())
    _writable(out)
    made = head_office_report(db, first, last, as_of=as_of)
    pdf = out.with_suffix(".pdf")
    tmp_xlsx = out.with_name(f".{out.stem}.{os.getpid()}.tmp.xlsx")
    tmp_pdf = out.with_name(f".{out.stem}.{os.getpid()}.tmp.pdf")
    try:
        export_excel(made, tmp_xlsx, lang=lang)
        export_pdf(made, tmp_pdf, lang=lang)
        os.replace(tmp_xlsx, out)
        os.replace(tmp_pdf, pdf)
    except OSError as exc:
        raise InputFileError(
            f"{out}: 报告无法写入 / the report cannot be written ({exc.strerror or exc})"
        ) from None
    finally:
        for tmp in (tmp_xlsx, tmp_pdf):
            tmp.unlink(missing_ok=True)
    return ReportFiles(made, out, pdf)
