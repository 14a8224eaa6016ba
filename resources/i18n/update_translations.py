"""Refresh the English translation of the UI: extract the Chinese source strings from ui/ with
pyside6-lupdate, fill in the English below, and compile the .qm with pyside6-lrelease.

    .venv/bin/python resources/i18n/update_translations.py

A source string without an entry here is reported and left unfinished (Qt then shows the Chinese)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "branchcheck_en.ts"

EN = {
    "券别": "Denomination",
    "面额": "Face value",
    "捆": "Bundles",
    "把": "Straps",
    "零张": "Loose",
    "张数": "Pieces",
    "金额": "Amount",
    "合计": "Total",
    "实点合计": "Counted total",
    "账面余额": "Book balance",
    "如 1234.56": "e.g. 1234.56",
    "元": "yuan",
    "差额": "Difference",
    "（填写账面余额后计算）": "(shown once the book balance is entered)",
    "请选择…": "Please choose…",
    "由系统根据记录自动判断": "Worked out from the records",
    "数量": "Number",
    "首页": "Home",
    "本网点的检查记录。选择一条进行中的检查可继续，已封存的记录可导出。":
        "This branch's inspection records. Select an open inspection to resume it, a sealed record to export it.",
    "新建检查": "New inspection",
    "继续": "Resume",
    "导出…": "Export…",
    "刷新": "Refresh",
    "日期": "Date",
    "检查": "Inspection",
    "状态": "Status",
    "查库人": "Inspector",
    "问题数": "Findings",
    "记录编号": "Record ID",
    "进行中": "In progress",
    "待签名": "Awaiting signatures",
    "已封存": "Sealed",
    "返回首页": "Back to home",
    "← 上一节": "← Previous section",
    "下一节 →": "Next section →",
    "完成检查": "Complete inspection",
    "已答 %v / %m": "Answered %v / %m",
    "{branch} · {date} · {role}：{name} ({no})": "{branch} · {date} · {role}: {name} ({no})",
    "以下必答项尚未作答，请补充后再完成检查：":
        "These required items are not answered yet; answer them, then complete the inspection:",
    "必答项，尚未作答": "Required, not answered yet",
    "（选答）": " (optional)",
    "备注（可选）": "Note (optional)",
    "已保存 ✓": "Saved ✓",
    "✓ 符合": "✓ Compliant",
    "✗ 不符合，完成检查时列为问题": "✗ Not compliant: becomes a finding when the inspection is completed",
    "不适用": "Not applicable",
    "网点自查": "Branch self-inspection",
    "请选择您的姓名并输入密码。": "Choose your name and enter your password.",
    "人员": "Person",
    "密码": "Password",
    "登录密码": "Sign-in password",
    "登录": "Sign in",
    "请先选择人员。": "Choose a person first.",
    "网点自查 BranchCheck": "BranchCheck branch self-inspection",
    "账户(&A)": "&Account",
    "退出登录": "Sign out",
    "退出程序": "Quit",
    "未登录": "Not signed in",
    "当前用户：{name} ({no})": "Signed in: {name} ({no})",
    "已恢复您未完成的检查。": "Your unfinished inspection has been resumed.",
    "已导出：": "Exported:",
    "金额，如 1234.56": "Amount, e.g. 1234.56",
    "检查项目": "Checklist",
    "开始检查": "Start inspection",
    "取消": "Cancel",
    "{role}：{name} ({no})": "{role}: {name} ({no})",
    "（可选）": " (optional)",
    "（可多选）": " (one or more)",
    "清除": "Clear",
    "确认签名": "Confirm signature",
    "✓ 已签名 {time}": "✓ Signed {time}",
    "请在右侧框内签名": "Please sign in the box on the right",
    "请选择人员…": "Choose a person…",
    "← 返回修改": "← Back to the answers",
    "去签名 →": "Go to signatures →",
    "问题": "Finding",
    "严重程度": "Severity",
    "整改责任人": "Responsible",
    "整改期限": "Due",
    "屡查屡犯": "Repeat",
    "检查结果 — {title}": "Result — {title}",
    "共发现 {n} 个问题": "{n} finding(s)",
    "，其中 {n} 个屡查屡犯": ", {n} of them repeat finding(s)",
    "。请核对后由各方签名确认。": ". Check them, then every party signs.",
    "未发现问题。请由各方签名确认。": "No findings. Every party signs to confirm.",
    "⚠ 屡查屡犯": "⚠ Repeat",
    "封签号": "Seal number",
    "✓ 已封存": "✓ Sealed",
    "记录编号：{id}": "Record ID: {id}",
    "记录已用查库人的签名密钥签署，此后不可更改；如需更正，请新建更正版本。签署后的 PDF 与 Excel 可随时导出报送。":
        "The record is signed with the inspector's key and can no longer change; a correction is a new "
        "version. The signed PDF and Excel files can be exported at any time.",
    "导出 PDF / Excel…": "Export PDF / Excel…",
    "签名确认": "Signatures",
    "查库人与被查人员逐一在框内手写签名，全部签名后封存记录。":
        "The inspector and the people checked each sign by hand; once all have signed, seal the record.",
    "← 返回检查结果": "← Back to the result",
    "封存记录": "Seal record",
    "正在生成并签署 PDF 与 Excel 记录…": "Making and signing the PDF and Excel record…",
    "请输入 {name} 的签名密钥密码：": "Password of {name}'s signing key:",
    "（不选）": "(none)",
    "柜员": "Teller",
    "系统余额（元）": "System balance (yuan)",
    "实点金额（元）": "Counted (yuan)",
    "凭证相符": "Vouchers match",
    "备注": "Note",
    "{name} 的金额": "{name}'s amount",
    "填写说明（可留空）": "Remarks (may be left empty)",
    "此版本不支持题型 “{type}”，请用命令行作答":
        "This version has no widget for item type '{type}'; answer it with the command line",
    "是 (Y)": "Yes (Y)",
    "否 (N)": "No (N)",
    "不适用 (A)": "N/A (A)",
    "意外错误：{error}": "Unexpected error: {error}",
    "选择导出文件夹": "Choose the export folder",
}


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-source-language", "zh_CN",
                    "-target-language", "en", "-ts", str(TS)], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
