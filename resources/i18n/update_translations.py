"""Refresh the English translation of the UI: extract the Chinese source strings from ui/ with
pyside6-lupdate, fill in the English below, and compile the .qm with pyside6-lrelease into the
package's data (branchcheck/data/i18n/), where the window finds it once installed.

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
QM = ROOT / "branchcheck" / "data" / "i18n" / "branchcheck_en.qm"

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
    "本网点的检查记录。选择一条进行中的检查可继续，已封存的记录可导出。": "This branch's inspection records. Select an open inspection to resume it, a sealed record to export it.",
    "新建检查": "New inspection",
    "授权人": "Authorised by",
    "授权事由": "Reason",
    "授权书编号": "Authorisation no.",
    "授权起始日期": "Valid from",
    "授权截止日期": "Valid to",
    "补录原因": "Reason for the late entry",
    "授权代查：网点负责人不能亲自检查时，须有其书面授权，授权记入本次检查记录。": "Deputy check: when the branch head cannot inspect in person, their written authorisation is needed and is recorded with this inspection.",
    "如 休假、出差": "e.g. leave, business trip",
    "检查时间距今超过 {hours} 小时，属补录": "More than {hours} h ago: a late entry",
    "检查时间": "Inspection time",
    "继续": "Resume",
    "导出…": "Export…",
    "更正…": "Correct…",
    "此数据库中还没有可登录的用户。请运行 branchcheck demo 建立演示网点，或由管理员添加网点和人员。": "This database has no users yet. Run 'branchcheck demo' for a demo branch, "
    "or have an administrator add the branch and its staff.",
    "正在打开数据库…": "Opening the database…",
    "已封存的记录不可更改；更正会建立指向原记录的新版本。": "A sealed record never changes; a correction is a new version pointing to it.",
    "（更正 第{n}版）": " (correction, version {n})",
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
    "以下必答项尚未作答，请补充后再完成检查：": "These required items are not answered yet; answer them, then complete the inspection:",
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
    "记录已用查库人的签名密钥签署，此后不可更改；如需更正，请新建更正版本。签署后的 PDF 与 Excel 可随时导出报送。": "The record is signed with the inspector's key and can no longer change; a correction is a new "
    "version. The signed PDF and Excel files can be exported at any time.",
    "导出 PDF / Excel…": "Export PDF / Excel…",
    "签名确认": "Signatures",
    "查库人与被查人员逐一在框内手写签名，全部签名后封存记录。": "The inspector and the people checked each sign by hand; once all have signed, seal the record.",
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
    "此版本不支持题型 “{type}”，请用命令行作答": "This version has no widget for item type '{type}'; answer it with the command line",
    "是 (Y)": "Yes (Y)",
    "否 (N)": "No (N)",
    "不适用 (A)": "N/A (A)",
    "意外错误：{error}": "Unexpected error: {error}",
    "选择导出文件夹": "Choose the export folder",
    # account import and review
    "导入账户清单": "Import account list",
    "选择核心系统导出的单位结算账户清单（.xlsx 或 .csv）。系统逐户分类，为每个标记账户建立一条复核记录，由您逐户作出处理决定。": "Choose the settlement-account list exported from the core system (.xlsx or .csv). Every account "
    "is classified; each flagged account goes into a review record, where you decide on it.",
    "账户清单文件": "Account list file",
    "检查基准日": "As of",
    "表头映射文件（可选）": "Header mapping file (optional)",
    "复核见证人（可选）": "Second checker (optional)",
    "选择…": "Choose…",
    "清单文件路径": "Path of the list file",
    "其他表头名称与本系统列的对照（JSON/YAML）": "Other header names mapped to our columns (JSON/YAML)",
    "开始导入": "Import",
    "保存复核工作簿…": "Save review workbook…",
    "关闭": "Close",
    "选择账户清单": "Choose the account list",
    "账户清单 (*.xlsx *.csv)": "Account lists (*.xlsx *.csv)",
    "选择表头映射文件": "Choose the header mapping file",
    "映射文件 (*.json *.yaml *.yml)": "Mapping files (*.json *.yaml *.yml)",
    "保存复核工作簿": "Save the review workbook",
    "Excel 工作簿 (*.xlsx)": "Excel workbooks (*.xlsx)",
    "正在读取并分类…": "Reading and classifying…",
    "已读取 {done} / {total} 行（{p}%）": "Read {done} / {total} rows ({p}%)",
    "100% · 导入完成，复核记录已建立并已打开。": "100% · Imported; the review record is started and open.",
    "读取 {rows} 行，参与分类 {accounts} 户，标记 {flagged} 户，错误行 {errors} 行": "{rows} rows read, {accounts} accounts classified, {flagged} flagged, {errors} rows with errors",
    "  • 第 {row} 行 {column}：{reason}": "  • Row {row}, {column}: {reason}",
    "  …另有 {n} 条错误，见复核工作簿“错误行”": "  …{n} more errors: see the sheet 错误行 of the review workbook",
    "复核工作簿已保存：{path}": "Review workbook saved: {path}",
    "未处理": "Undecided",
    "账号": "Account",
    "户名": "Name",
    "标志": "Flags",
    "应采取控制": "Required control",
    "处理决定": "Decision",
    "说明": "Note",
    "搜索账号、户名或客户号": "Search account, name or customer ID",
    "全部（{n}）": "All ({n})",
    "显示 {n} / {total} 户": "Showing {n} / {total}",
    "尚未导入账户清单（首页 → 导入账户清单）": "No account list imported yet (Home → Import account list)",
    "标记 {flagged} 户：<span style='color:{c}'>未处理 {undecided}</span> · 已采取控制 {applied} · 已说明 {explained} · 限期整改 {rectify}": "{flagged} flagged: <span style='color:{c}'>{undecided} undecided</span> · {applied} control applied"
    " · {explained} explained · {rectify} to rectify",
    "截至 {as_of} · {file} · 共 {accounts} 户参与分类 · 错误行 {errors}": "As of {as_of} · {file} · {accounts} accounts classified · {errors} rows with errors",
    "选中一行查看标志、应采取的控制及依据的全文。": "Select a row to read its flags, required control and sources in full.",
    "标志：{flags}<br>应采取控制：{control}<br>依据：{source}": "Flags: {flags}<br>Required control: {control}<br>Source: {source}",
    "账户 {no}：选择“已说明”需在“说明”栏填写理由": "Account {no}: “Explained” needs the reason in the Note column",
    # cash-box handover
    "交接清单（应交接）": "Manifest (expected)",
    "实际交接": "Handed over",
    "款箱号": "Box ID",
    "锁具完好": "Lock intact",
    "封签完好": "Seal intact",
    "＋ 添加一箱": "+ Add a box",
    "删除选中行": "Remove selected row",
    "：款箱数量、箱号、封签或锁具不符，请当场报告": ": box count, IDs, seals or locks do not match; report it at once",
    "应交接 {e} 箱\u3000实交接 {a} 箱\u3000差数 {d:+d}": "Expected {e}   Handed over {a}   Difference {d:+d}",
    "缺少": "Missing",
    "清单外": "Not on the manifest",
    "封签号不符": "Seal number differs",
    "{box}（应为 {e}，实为 {a}）": "{box} (manifest {e}, actual {a})",
    "锁具异常": "Lock not intact",
    "封签破损": "Seal broken",
    "箱号、封签、锁具均相符": "Box IDs, seals and locks all match",
    "工作证": "Work card",
    "身份证": "ID card",
    "派车单": "Dispatch sheet",
    "预留名单": "Roster",
    "押运人员": "Escort",
    "身份证号": "ID number",
    "人证相符": "Person matches",
    "相符": "Matches",
    "不符": "Does not match",
    "{name} 的身份证号应为 18 位（末位可为 X）": "{name}'s ID number must have 18 characters (the last may be X)",
    # ATM
    "钞箱": "Cassette",
    "上次加钞": "Last load",
    "已付出": "Dispensed",
    "应余": "Expected",
    "剩余": "Remaining",
    "废钞/回收": "Rejected",
    "实点": "Counted",
    "本次加钞": "This load",
    "主机账面余额": "Host book balance",
    "存款钞箱实点": "Deposit cassette counted",
    "凭条余额（可选）": "Slip balance (optional)",
    "加钞出库金额（可选）": "Issued for the load (optional)",
    "差额（对主机）": "Difference (host)",
    "本次加钞金额": "This load's amount",
    "加钞差额（对出库）": "Load difference (issued)",
    "＋ 添加钞箱": "+ Add a cassette",
    "删除选中钞箱": "Remove selected cassette",
    "挂账日期": "Booked on",
    "金额（元，短款为负）": "Amount (yuan, shortage negative)",
    "类别": "Kind",
    "已挂账天数": "Days outstanding",
    "无未处理长短款": "None outstanding",
    "＋ 添加一笔": "+ Add one",
    "{n} 天（超期）": "{n} days (overdue)",
    "{n} 天": "{n} days",
    "已列出挂账，请先删除各行再选择“无未处理长短款”": "Differences are listed; remove the rows before choosing “None outstanding”",
    # blank vouchers
    "期初号段": "Opening ranges",
    "期初份数": "Opening count",
    "领入号段": "Received ranges",
    "使用号段（按使用先后）": "Used ranges (in order of use)",
    "作废号码": "Voided numbers",
    "上缴号段": "Returned ranges",
    "结存号段": "On-hand ranges",
    "实点份数": "Physical count",
    "如 {a}1201-{a}1250, {a}1300": "e.g. {a}1201-{a}1250, {a}1300",
    "差异（实点 − 结存）": "Difference (counted − book)",
    "下一可用号": "Next number to use",
    "期初": "Opening",
    "领入": "Received",
    "使用": "Used",
    "作废": "Voided",
    "上缴": "Returned",
    "结存（账面）": "Book balance",
    "实物多出": "more on hand",
    "实物短少": "fewer on hand",
    "（填写实点份数后计算并保存）": "(worked out and saved once the physical count is in)",
    "缺号": "Gaps",
    "来源不明": "Never received",
    "重号": "Repeats",
    "跳号": "Skipped",
    "未按号码顺序使用": "Used out of number order",
    "号码连续，无缺号、重号": "Numbers continuous, no gaps or repeats",
    # findings and their rectification (问题整改)
    "问题整改": "Findings & rectification",
    "已关闭": "Closed",
    "本网点的检查问题：整改、复查、关闭": "The branch's findings: rectify, re-check, close",
    "检查发现的问题在记录封存后进入整改闭环：开始整改 → 登记整改结果 → "
    "复查确认（复查人不得为整改责任人）→ 关闭。": "Once a record is sealed its findings enter the closed loop: start the rectification → "
    "record the result → re-check (never by the person responsible) → close.",
    "检查发现的问题在记录封存后进入整改闭环：开始整改 → 登记整改结果 → "
    "复查确认（由营运主管、授权代理负责人或网点负责人本人复查，不得为整改责任人或"
    "结果登记人）→ 关闭。": "Once a record is sealed its findings enter the closed loop: start the "
    "rectification → record the result → re-check (by an operations supervisor, authorised "
    "deputy or the branch head in person; never the person responsible nor who recorded the "
    "result) → close.",
    "例外接受": "Accept as exception",
    "例外接受已到期": "Exception expired",
    "例外接受的理由": "Reason for the exception",
    "例外接受（网点负责人，到期后重新打开）": "Accept as an exception (branch head; reopens at expiry)",
    "关联应发现未发现的检查": "Link the check that missed it",
    "关联应发现未发现的检查…": "Link the check that missed it…",
    "到期日": "Expires",
    "至": "until",
    "复查人：{who}（本人复查确认；不得为整改责任人或结果登记人）": "Re-checked by: {who} (in person; "
    "not the person responsible nor who recorded the result)",
    "导出台账…": "Export register…",
    "导出问题整改台账": "Export the findings register",
    "问题整改台账：Excel 与签名 PDF": "The findings register: Excel and a signed PDF",
    "已例外接受，到期后重新打开。": "Accepted as an exception; it reopens at expiry.",
    "已关联应发现未发现的检查。": "Linked to the check that missed it.",
    "已导出：{files}": "Exported: {files}",
    "已逾期 {n} 天": "Overdue by {n} day(s)",
    "应发现未发现：{date} 的检查（{record}），检查人 {name}（{no}）": "Missed by the check of {date} "
    "({record}), inspector {name} ({no})",
    "打开": "Open",
    "整改日期": "Rectified on",
    "此前将该项检查为合格的记录（由近及远）：": "Earlier records that passed this item (newest first):",
    "此问题已例外接受，至 {until} 到期后重新打开。": "Accepted as an exception until {until}; it "
    "reopens after that.",
    "没有此前将该项检查为合格的已封存记录。": "No earlier sealed record passed this item.",
    "添加证明材料": "Add evidence",
    "添加证明材料…": "Add evidence…",
    "照片、扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)": "Photos, scans or "
    "PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)",
    "证明材料": "Evidence",
    "证明材料已添加：{name}": "Evidence added: {name}",
    "请输入您的签名密钥密码以签署 PDF（留空则不签名）：": "Your signing-key password to sign the PDF "
    "(leave empty for an unsigned PDF):",
    "逾期整改（迟 {n} 天）": "Rectified late (by {n} day(s))",
    "全部未关闭": "All not closed",
    "逾期": "Overdue",
    "未关闭": "Not closed",
    "已逾期": "Overdue",
    "整改措施": "Action taken",
    "采取了哪些整改措施": "What is being done to put it right",
    "开始整改": "Start rectification",
    "整改结果": "Result",
    "整改完成的情况": "What the rectification achieved",
    "登记整改结果": "Record the result",
    "复查人（不得为整改责任人）": "Re-checked by (not the person responsible)",
    "复查人": "Re-checked by",
    "复查日期": "Re-check date",
    "复查确认": "Confirm re-check",
    "整改已复查确认，可关闭此问题。": "The rectification has been re-checked; the finding can be closed.",
    "风险点": "Risk driver",
    "请在左侧选择一个问题。": "Choose a finding on the left.",
    "没有符合条件的问题。": "No findings match.",
    "该记录尚未签名封存。问题经各方签名确认、记录封存后方可开始整改。": "This record is not signed and sealed yet. Its findings can be rectified once everyone "
    "has signed and the record is sealed.",
    "此问题已整改、复查并关闭。": "This finding has been rectified, re-checked and closed.",
    "⚠ 屡查屡犯：同一问题此前已被查出": "⚠ Repeat finding: the same problem was found before",
    "已开始整改。": "Rectification started.",
    "整改结果已登记，待复查。": "Result recorded; awaiting the re-check.",
    "已复查确认。": "Re-check confirmed.",
    "问题已关闭。": "Finding closed.",
    "保存中…": "Saving…",
    "账面（元）": "Book (¥)",
    "长款合计 {over}\n短款合计 {short}": "Overages {over}\nShortages {short}",
    "{n} 个券别不符": "{n} denomination(s) differ",
    "各券别相符": "Every denomination agrees",
    "{den} 账面金额": "{den} book amount",
    "钞箱长款合计": "Cassette overages",
    "钞箱短款合计": "Cassette shortages",
    "出售号段（售予客户，按出售先后）": "Sold ranges (to customers, in the order of sale)",
    "无上次已封存的检查：期初号段按登记簿填写": "No earlier sealed check: enter the opening ranges from the register",
    "期初号段取自上次检查（{date}，记录 {id}）的结存": "Opening ranges from what the last check ({date}, record {id}) left on hand",
    "上次结存未列入": "Left at the last check, missing now",
    "期初来源不明": "Opening numbers of unknown origin",
}


def _more_english() -> dict[str, str]:
    """English of a part of the window kept beside this file, one module per part
    (`en_<part>.py` with a dict `EN`), so parts grow their texts without touching one list."""
    import importlib.util

    more: dict[str, str] = {}
    for path in sorted(HERE.glob("en_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        more.update(module.EN)
    return more


EN.update(_more_english())


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-ts",
            str(TS),
        ],
        cwd=ROOT,
        check=True,
    )
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
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
