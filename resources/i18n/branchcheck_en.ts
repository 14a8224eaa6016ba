<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountImportDialog</name>
    <message>
        <location filename="../../ui/screens/account_import.py" line="182" />
        <location filename="../../ui/screens/account_import.py" line="183" />
        <source>导入账户清单</source>
        <translation>Import account list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="186" />
        <source>选择核心系统导出的单位结算账户清单（.xlsx 或 .csv）。系统逐户分类，为每个标记账户建立一条复核记录，由您逐户作出处理决定。</source>
        <translation>Choose the settlement-account list exported from the core system (.xlsx or .csv). Every account is classified; each flagged account goes into a review record, where you decide on it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="190" />
        <source>账户清单文件</source>
        <translation>Account list file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="191" />
        <source>检查基准日</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="192" />
        <source>表头映射文件（可选）</source>
        <translation>Header mapping file (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="193" />
        <source>复核见证人（可选）</source>
        <translation>Second checker (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="194" />
        <location filename="../../ui/screens/account_import.py" line="195" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="196" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="197" />
        <source>清单文件路径</source>
        <translation>Path of the list file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="198" />
        <source>其他表头名称与本系统列的对照（JSON/YAML）</source>
        <translation>Other header names mapped to our columns (JSON/YAML)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="199" />
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="200" />
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="201" />
        <source>保存复核工作簿…</source>
        <translation>Save review workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="202" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="202" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="208" />
        <source>选择账户清单</source>
        <translation>Choose the account list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="208" />
        <source>账户清单 (*.xlsx *.csv)</source>
        <translation>Account lists (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="215" />
        <source>选择表头映射文件</source>
        <translation>Choose the header mapping file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="215" />
        <source>映射文件 (*.json *.yaml *.yml)</source>
        <translation>Mapping files (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="225" />
        <source>保存复核工作簿</source>
        <translation>Save the review workbook</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="225" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="257" />
        <source>正在读取并分类…</source>
        <translation>Reading and classifying…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="278" />
        <source>已读取 {done} / {total} 行（{p}%）</source>
        <translation>Read {done} / {total} rows ({p}%)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="286" />
        <source>100% · 导入完成，复核记录已建立并已打开。</source>
        <translation>100% · Imported; the review record is started and open.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="289" />
        <source>读取 {rows} 行，参与分类 {accounts} 户，标记 {flagged} 户，错误行 {errors} 行</source>
        <translation>{rows} rows read, {accounts} accounts classified, {flagged} flagged, {errors} rows with errors</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="296" />
        <source>  • 第 {row} 行 {column}：{reason}</source>
        <translation>  • Row {row}, {column}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="302" />
        <source>  …另有 {n} 条错误，见复核工作簿“错误行”</source>
        <translation>  …{n} more errors: see the sheet 错误行 of the review workbook</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="329" />
        <source>复核工作簿已保存：{path}</source>
        <translation>Review workbook saved: {path}</translation>
    </message>
</context>
<context>
    <name>AccountListReviewWidget</name>
    <message>
        <location filename="../../ui/items/accounts.py" line="358" />
        <source>未处理</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="361" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="362" />
        <source>户名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="363" />
        <location filename="../../ui/items/accounts.py" line="370" />
        <source>标志</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="364" />
        <source>应采取控制</source>
        <translation>Required control</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="365" />
        <source>处理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="366" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="367" />
        <source>整改期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="371" />
        <source>搜索账号、户名或客户号</source>
        <translation>Search account, name or customer ID</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="385" />
        <source>全部（{n}）</source>
        <translation>All ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="395" />
        <source>显示 {n} / {total} 户</source>
        <translation>Showing {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="405" />
        <source>尚未导入账户清单（首页 → 导入账户清单）</source>
        <translation>No account list imported yet (Home → Import account list)</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="412" />
        <source>标记 {flagged} 户：&lt;span style='color:{c}'&gt;未处理 {undecided}&lt;/span&gt; · 已采取控制 {applied} · 已说明 {explained} · 限期整改 {rectify}</source>
        <translation>{flagged} flagged: &lt;span style='color:{c}'&gt;{undecided} undecided&lt;/span&gt; · {applied} control applied · {explained} explained · {rectify} to rectify</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="418" />
        <source>截至 {as_of} · {file} · 共 {accounts} 户参与分类 · 错误行 {errors}</source>
        <translation>As of {as_of} · {file} · {accounts} accounts classified · {errors} rows with errors</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="429" />
        <source>选中一行查看标志、应采取的控制及依据的全文。</source>
        <translation>Select a row to read its flags, required control and sources in full.</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="434" />
        <source>标志：{flags}&lt;br&gt;应采取控制：{control}&lt;br&gt;依据：{source}</source>
        <translation>Flags: {flags}&lt;br&gt;Required control: {control}&lt;br&gt;Source: {source}</translation>
    </message>
    <message>
        <location filename="../../ui/items/accounts.py" line="452" />
        <source>账户 {no}：选择“已说明”需在“说明”栏填写理由</source>
        <translation>Account {no}: “Explained” needs the reason in the Note column</translation>
    </message>
</context>
<context>
    <name>BoxListWidget</name>
    <message>
        <location filename="../../ui/items/handover.py" line="358" />
        <source>交接清单（应交接）</source>
        <translation>Manifest (expected)</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="359" />
        <source>实际交接</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="360" />
        <location filename="../../ui/items/handover.py" line="362" />
        <source>款箱号</source>
        <translation>Box ID</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="360" />
        <location filename="../../ui/items/handover.py" line="362" />
        <source>封签号</source>
        <translation>Seal number</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="362" />
        <source>锁具完好</source>
        <translation>Lock intact</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="362" />
        <source>封签完好</source>
        <translation>Seal intact</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="365" />
        <source>＋ 添加一箱</source>
        <translation>+ Add a box</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="366" />
        <source>删除选中行</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="368" />
        <source>：款箱数量、箱号、封签或锁具不符，请当场报告</source>
        <translation>: box count, IDs, seals or locks do not match; report it at once</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="387" />
        <source>应交接 {e} 箱　实交接 {a} 箱　差数 {d:+d}</source>
        <translation>Expected {e}   Handed over {a}   Difference {d:+d}</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="400" />
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="401" />
        <source>清单外</source>
        <translation>Not on the manifest</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="403" />
        <source>封签号不符</source>
        <translation>Seal number differs</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="405" />
        <source>{box}（应为 {e}，实为 {a}）</source>
        <translation>{box} (manifest {e}, actual {a})</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="412" />
        <source>锁具异常</source>
        <translation>Lock not intact</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="413" />
        <source>封签破损</source>
        <translation>Seal broken</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="416" />
        <source>箱号、封签、锁具均相符</source>
        <translation>Box IDs, seals and locks all match</translation>
    </message>
</context>
<context>
    <name>CashCountWidget</name>
    <message>
        <location filename="../../ui/items/cash.py" line="176" />
        <source>券别</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="177" />
        <source>面额</source>
        <translation>Face value</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="178" />
        <source>捆</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="179" />
        <source>把</source>
        <translation>Straps</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="180" />
        <source>零张</source>
        <translation>Loose</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="181" />
        <source>张数</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="182" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="183" />
        <source>账面（元）</source>
        <translation>Book (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="190" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="192" />
        <source>实点合计</source>
        <translation>Counted total</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="193" />
        <location filename="../../ui/items/cash.py" line="247" />
        <location filename="../../ui/items/cash.py" line="367" />
        <source>账面余额</source>
        <translation>Book balance</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="194" />
        <source>如 1234.56</source>
        <translation>e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="195" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="307" />
        <source>长款合计 {over}
短款合计 {short}</source>
        <translation>Overages {over}
Shortages {short}</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="313" />
        <source>{n} 个券别不符</source>
        <translation>{n} denomination(s) differ</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="313" />
        <source>各券别相符</source>
        <translation>Every denomination agrees</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="353" />
        <source>{den} 账面金额</source>
        <translation>{den} book amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="184" />
        <location filename="../../ui/items/cash.py" line="196" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="279" />
        <source>（填写账面余额后计算）</source>
        <translation>(shown once the book balance is entered)</translation>
    </message>
</context>
<context>
    <name>CassetteTableWidget</name>
    <message>
        <location filename="../../ui/items/atm.py" line="220" />
        <source>钞箱</source>
        <translation>Cassette</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="221" />
        <source>券别</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="222" />
        <source>上次加钞</source>
        <translation>Last load</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="223" />
        <source>已付出</source>
        <translation>Dispensed</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="224" />
        <source>应余</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="225" />
        <source>剩余</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="226" />
        <source>废钞/回收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="227" />
        <source>实点</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="228" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="229" />
        <source>本次加钞</source>
        <translation>This load</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="236" />
        <source>主机账面余额</source>
        <translation>Host book balance</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="237" />
        <source>存款钞箱实点</source>
        <translation>Deposit cassette counted</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="238" />
        <source>凭条余额（可选）</source>
        <translation>Slip balance (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="239" />
        <source>加钞出库金额（可选）</source>
        <translation>Issued for the load (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="243" />
        <source>如 1234.56</source>
        <translation>e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="245" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="246" />
        <source>实点合计</source>
        <translation>Counted total</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="247" />
        <source>钞箱长款合计</source>
        <translation>Cassette overages</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="248" />
        <source>钞箱短款合计</source>
        <translation>Cassette shortages</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="249" />
        <source>差额（对主机）</source>
        <translation>Difference (host)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="250" />
        <source>本次加钞金额</source>
        <translation>This load's amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="251" />
        <source>加钞差额（对出库）</source>
        <translation>Load difference (issued)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="252" />
        <source>＋ 添加钞箱</source>
        <translation>+ Add a cassette</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="253" />
        <source>删除选中钞箱</source>
        <translation>Remove selected cassette</translation>
    </message>
</context>
<context>
    <name>ChoiceWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="320" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>ComputedWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="389" />
        <source>由系统根据记录自动判断</source>
        <translation>Worked out from the records</translation>
    </message>
</context>
<context>
    <name>CountWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="152" />
        <source>数量</source>
        <translation>Number</translation>
    </message>
</context>
<context>
    <name>EntryBox</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="168" />
        <source>授权人</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="169" />
        <source>授权事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="170" />
        <source>授权书编号</source>
        <translation>Authorisation no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="171" />
        <source>授权起始日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="172" />
        <source>授权截止日期</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="173" />
        <source>检查时间</source>
        <translation>Inspection time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="174" />
        <source>补录原因</source>
        <translation>Reason for the late entry</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="179" />
        <source>授权代查：网点负责人不能亲自检查时，须有其书面授权，授权记入本次检查记录。</source>
        <translation>Deputy check: when the branch head cannot inspect in person, their written authorisation is needed and is recorded with this inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="181" />
        <source>如 休假、出差</source>
        <translation>e.g. leave, business trip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="183" />
        <source>检查时间距今超过 {hours} 小时，属补录</source>
        <translation>More than {hours} h ago: a late entry</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="189" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>EscortCheckWidget</name>
    <message>
        <location filename="../../ui/items/handover.py" line="118" />
        <source>工作证</source>
        <translation>Work card</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="119" />
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="120" />
        <source>派车单</source>
        <translation>Dispatch sheet</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="121" />
        <source>预留名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="123" />
        <source>押运人员</source>
        <translation>Escort</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="123" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="125" />
        <source>人证相符</source>
        <translation>Person matches</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="125" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="133" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="133" />
        <source>相符</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="133" />
        <source>不符</source>
        <translation>Does not match</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="152" />
        <source>{name} 的身份证号应为 18 位（末位可为 X）</source>
        <translation>{name}'s ID number must have 18 characters (the last may be X)</translation>
    </message>
</context>
<context>
    <name>EvidenceBox</name>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="92" />
        <source>证明材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="93" />
        <source>添加证明材料…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="94" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ExceptionBox</name>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="145" />
        <source>例外接受（网点负责人，到期后重新打开）</source>
        <translation>Accept as an exception (branch head; reopens at expiry)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="146" />
        <source>例外接受的理由</source>
        <translation>Reason for the exception</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="147" />
        <source>到期日</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="148" />
        <source>例外接受</source>
        <translation>Accept as exception</translation>
    </message>
</context>
<context>
    <name>FindingsScreen</name>
    <message>
        <location filename="../../ui/screens/findings.py" line="284" />
        <source>问题整改</source>
        <translation>Findings &amp; rectification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="293" />
        <source>全部未关闭</source>
        <translation>All not closed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="294" />
        <location filename="../../ui/screens/findings.py" line="412" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="295" />
        <location filename="../../ui/screens/findings.py" line="309" />
        <source>屡查屡犯</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="296" />
        <location filename="../../ui/screens/findings.py" line="581" />
        <source>例外接受</source>
        <translation>Accept as exception</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="297" />
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="303" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="304" />
        <location filename="../../ui/screens/findings.py" line="556" />
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="305" />
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="306" />
        <location filename="../../ui/screens/findings.py" line="559" />
        <source>整改责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="307" />
        <location filename="../../ui/screens/findings.py" line="562" />
        <source>整改期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="308" />
        <location filename="../../ui/screens/findings.py" line="563" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="312" />
        <location filename="../../ui/screens/findings.py" line="566" />
        <source>整改措施</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="313" />
        <source>采取了哪些整改措施</source>
        <translation>What is being done to put it right</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="314" />
        <source>开始整改</source>
        <translation>Start rectification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="315" />
        <location filename="../../ui/screens/findings.py" line="568" />
        <source>整改结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="316" />
        <source>整改完成的情况</source>
        <translation>What the rectification achieved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="317" />
        <source>登记整改结果</source>
        <translation>Record the result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="319" />
        <location filename="../../ui/screens/findings.py" line="575" />
        <source>复查日期</source>
        <translation>Re-check date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="320" />
        <source>复查确认</source>
        <translation>Confirm re-check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="321" />
        <source>整改已复查确认，可关闭此问题。</source>
        <translation>The rectification has been re-checked; the finding can be closed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="322" />
        <location filename="../../ui/screens/findings.py" line="577" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="323" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="324" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="325" />
        <source>导出台账…</source>
        <translation>Export register…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="326" />
        <source>问题整改台账：Excel 与签名 PDF</source>
        <translation>The findings register: Excel and a signed PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="411" />
        <source>未关闭</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="413" />
        <location filename="../../ui/screens/findings.py" line="437" />
        <source>⚠ 屡查屡犯</source>
        <translation>⚠ Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="496" />
        <source>请在左侧选择一个问题。</source>
        <translation>Choose a finding on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="496" />
        <source>没有符合条件的问题。</source>
        <translation>No findings match.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="524" />
        <source>该记录尚未签名封存。问题经各方签名确认、记录封存后方可开始整改。</source>
        <translation>This record is not signed and sealed yet. Its findings can be rectified once everyone has signed and the record is sealed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="529" />
        <source>此问题已例外接受，至 {until} 到期后重新打开。</source>
        <translation>Accepted as an exception until {until}; it reopens after that.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="535" />
        <source>此问题已整改、复查并关闭。</source>
        <translation>This finding has been rectified, re-checked and closed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="557" />
        <source>风险点</source>
        <translation>Risk driver</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="571" />
        <source>整改日期</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="574" />
        <source>复查人</source>
        <translation>Re-checked by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="672" />
        <source>已例外接受，到期后重新打开。</source>
        <translation>Accepted as an exception; it reopens at expiry.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="679" />
        <source>添加证明材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="681" />
        <source>照片、扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)</source>
        <translation>Photos, scans or PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="691" />
        <source>证明材料已添加：{name}</source>
        <translation>Evidence added: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="716" />
        <source>关联应发现未发现的检查</source>
        <translation>Link the check that missed it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="717" />
        <source>此前将该项检查为合格的记录（由近及远）：</source>
        <translation>Earlier records that passed this item (newest first):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="733" />
        <source>没有此前将该项检查为合格的已封存记录。</source>
        <translation>No earlier sealed record passed this item.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="742" />
        <source>已关联应发现未发现的检查。</source>
        <translation>Linked to the check that missed it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="759" />
        <source>导出问题整改台账</source>
        <translation>Export the findings register</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="760" />
        <source>请输入您的签名密钥密码以签署 PDF（留空则不签名）：</source>
        <translation>Your signing-key password to sign the PDF (leave empty for an unsigned PDF):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="777" />
        <source>已导出：{files}</source>
        <translation>Exported: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="450" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="287" />
        <source>检查发现的问题在记录封存后进入整改闭环：开始整改 → 登记整改结果 → 复查确认（由营运主管、授权代理负责人或网点负责人本人复查，不得为整改责任人或结果登记人）→ 关闭。</source>
        <translation>Once a record is sealed its findings enter the closed loop: start the rectification → record the result → re-check (by an operations supervisor, authorised deputy or the branch head in person; never the person responsible nor who recorded the result) → close.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="590" />
        <source>已逾期 {n} 天</source>
        <translation>Overdue by {n} day(s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="592" />
        <source>逾期整改（迟 {n} 天）</source>
        <translation>Rectified late (by {n} day(s))</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="594" />
        <source>例外接受已到期</source>
        <translation>Exception expired</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="596" />
        <source>⚠ 屡查屡犯：同一问题此前已被查出</source>
        <translation>⚠ Repeat finding: the same problem was found before</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="605" />
        <source>复查人：{who}（本人复查确认；不得为整改责任人或结果登记人）</source>
        <translation>Re-checked by: {who} (in person; not the person responsible nor who recorded the result)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="641" />
        <source>已开始整改。</source>
        <translation>Rectification started.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="648" />
        <source>整改结果已登记，待复查。</source>
        <translation>Result recorded; awaiting the re-check.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="658" />
        <source>已复查确认。</source>
        <translation>Re-check confirmed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="664" />
        <source>问题已关闭。</source>
        <translation>Finding closed.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="185" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="187" />
        <source>本网点的检查记录。选择一条进行中的检查可继续，已封存的记录可导出。</source>
        <translation>This branch's inspection records. Select an open inspection to resume it, a sealed record to export it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="189" />
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="190" />
        <source>导入账户清单</source>
        <translation>Import account list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="191" />
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="192" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="193" />
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="195" />
        <source>已封存的记录不可更改；更正会建立指向原记录的新版本。</source>
        <translation>A sealed record never changes; a correction is a new version pointing to it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="197" />
        <source>问题整改</source>
        <translation>Findings &amp; rectification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="198" />
        <source>本网点的检查问题：整改、复查、关闭</source>
        <translation>The branch's findings: rectify, re-check, close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="199" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="202" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="203" />
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="204" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="205" />
        <source>查库人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="206" />
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="207" />
        <source>记录编号</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="214" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="215" />
        <source>待签名</source>
        <translation>Awaiting signatures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="216" />
        <source>已封存</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="392" />
        <source>（更正 第{n}版）</source>
        <translation> (correction, version {n})</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <location filename="../../ui/screens/inspection.py" line="148" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="149" />
        <source>← 上一节</source>
        <translation>← Previous section</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="150" />
        <source>下一节 →</source>
        <translation>Next section →</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="151" />
        <source>完成检查</source>
        <translation>Complete inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="152" />
        <source>已答 %v / %m</source>
        <translation>Answered %v / %m</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="158" />
        <source>{branch} · {date} · {role}：{name} ({no})</source>
        <translation>{branch} · {date} · {role}: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="440" />
        <source>以下必答项尚未作答，请补充后再完成检查：</source>
        <translation>These required items are not answered yet; answer them, then complete the inspection:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="478" />
        <source>必答项，尚未作答</source>
        <translation>Required, not answered yet</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../ui/screens/item_card.py" line="79" />
        <source>（选答）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="83" />
        <source>备注（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="91" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="93" />
        <source>已保存 ✓</source>
        <translation>Saved ✓</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="150" />
        <source>✓ 符合</source>
        <translation>✓ Compliant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="151" />
        <source>✗ 不符合，完成检查时列为问题</source>
        <translation>✗ Not compliant: becomes a finding when the inspection is completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="152" />
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens/login.py" line="78" />
        <source>网点自查</source>
        <translation>Branch self-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="79" />
        <source>请选择您的姓名并输入密码。</source>
        <translation>Choose your name and enter your password.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="80" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="81" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="82" />
        <source>登录密码</source>
        <translation>Sign-in password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="83" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="118" />
        <source>此数据库中还没有可登录的用户。请运行 branchcheck demo 建立演示网点，或由管理员添加网点和人员。</source>
        <translation>This database has no users yet. Run 'branchcheck demo' for a demo branch, or have an administrator add the branch and its staff.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="134" />
        <source>请先选择人员。</source>
        <translation>Choose a person first.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="244" />
        <source>网点自查 BranchCheck</source>
        <translation>BranchCheck branch self-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246" />
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247" />
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249" />
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255" />
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>当前用户：{name} ({no})</source>
        <translation>Signed in: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300" />
        <source>已恢复您未完成的检查。</source>
        <translation>Your unfinished inspection has been resumed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484" />
        <source>已导出：</source>
        <translation>Exported:</translation>
    </message>
</context>
<context>
    <name>MissedBox</name>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="181" />
        <source>关联应发现未发现的检查…</source>
        <translation>Link the check that missed it…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="189" />
        <source>应发现未发现：{date} 的检查（{record}），检查人 {name}（{no}）</source>
        <translation>Missed by the check of {date} ({record}), inspector {name} ({no})</translation>
    </message>
</context>
<context>
    <name>MoneyWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="172" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="173" />
        <source>金额，如 1234.56</source>
        <translation>Amount, e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="176" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="307" />
        <location filename="../../ui/screens/new_inspection.py" line="308" />
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="309" />
        <source>检查项目</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="310" />
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="311" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="317" />
        <source>{role}：{name} ({no})</source>
        <translation>{role}: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="326" />
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="328" />
        <source>（可多选）</source>
        <translation> (one or more)</translation>
    </message>
</context>
<context>
    <name>OpenDifferencesWidget</name>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="116" />
        <source>挂账日期</source>
        <translation>Booked on</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="117" />
        <source>金额（元，短款为负）</source>
        <translation>Amount (yuan, shortage negative)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="118" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="119" />
        <source>已挂账天数</source>
        <translation>Days outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="120" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="123" />
        <source>无未处理长短款</source>
        <translation>None outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="124" />
        <source>＋ 添加一笔</source>
        <translation>+ Add one</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="125" />
        <source>删除选中行</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="181" />
        <source>{n} 天（超期）</source>
        <translation>{n} days (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="181" />
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="190" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="213" />
        <source>已列出挂账，请先删除各行再选择“无未处理长短款”</source>
        <translation>Differences are listed; remove the rows before choosing “None outstanding”</translation>
    </message>
</context>
<context>
    <name>PartyBox</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="77" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="78" />
        <source>确认签名</source>
        <translation>Confirm signature</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="80" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="83" />
        <source>✓ 已签名 {time}</source>
        <translation>✓ Signed {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="86" />
        <source>请在右侧框内签名</source>
        <translation>Please sign in the box on the right</translation>
    </message>
</context>
<context>
    <name>PersonWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="355" />
        <source>请选择人员…</source>
        <translation>Choose a person…</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="75" />
        <source>← 返回修改</source>
        <translation>← Back to the answers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="76" />
        <source>去签名 →</source>
        <translation>Go to signatures →</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="79" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="80" />
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="81" />
        <source>整改责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="82" />
        <source>整改期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="83" />
        <source>屡查屡犯</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="117" />
        <source>检查结果 — {title}</source>
        <translation>Result — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="123" />
        <source>共发现 {n} 个问题</source>
        <translation>{n} finding(s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="125" />
        <source>，其中 {n} 个屡查屡犯</source>
        <translation>, {n} of them repeat finding(s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="126" />
        <source>。请核对后由各方签名确认。</source>
        <translation>. Check them, then every party signs.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="129" />
        <source>未发现问题。请由各方签名确认。</source>
        <translation>No findings. Every party signs to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="139" />
        <source>⚠ 屡查屡犯</source>
        <translation>⚠ Repeat</translation>
    </message>
</context>
<context>
    <name>SealNoWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="205" />
        <source>封签号</source>
        <translation>Seal number</translation>
    </message>
</context>
<context>
    <name>SealedScreen</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="308" />
        <source>✓ 已封存</source>
        <translation>✓ Sealed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="309" />
        <source>记录编号：{id}</source>
        <translation>Record ID: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="312" />
        <source>记录已用查库人的签名密钥签署，此后不可更改；如需更正，请新建更正版本。签署后的 PDF 与 Excel 可随时导出报送。</source>
        <translation>The record is signed with the inspector's key and can no longer change; a correction is a new version. The signed PDF and Excel files can be exported at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="316" />
        <source>导出 PDF / Excel…</source>
        <translation>Export PDF / Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="317" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="327" />
        <source>已导出：</source>
        <translation>Exported:</translation>
    </message>
</context>
<context>
    <name>SigningScreen</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="152" />
        <source>签名确认</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="153" />
        <source>查库人与被查人员逐一在框内手写签名，全部签名后封存记录。</source>
        <translation>The inspector and the people checked each sign by hand; once all have signed, seal the record.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="154" />
        <source>← 返回检查结果</source>
        <translation>← Back to the result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="155" />
        <location filename="../../ui/screens/signing.py" line="261" />
        <source>封存记录</source>
        <translation>Seal record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="247" />
        <source>正在生成并签署 PDF 与 Excel 记录…</source>
        <translation>Making and signing the PDF and Excel record…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="257" />
        <source>请输入 {name} 的签名密钥密码：</source>
        <translation>Password of {name}'s signing key:</translation>
    </message>
</context>
<context>
    <name>SlotPicker</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="75" />
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="75" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>TellerBoxesWidget</name>
    <message>
        <location filename="../../ui/items/cash.py" line="466" />
        <source>柜员</source>
        <translation>Teller</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="467" />
        <source>系统余额（元）</source>
        <translation>System balance (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="468" />
        <source>实点金额（元）</source>
        <translation>Counted (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="469" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="470" />
        <source>凭证相符</source>
        <translation>Vouchers match</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="471" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="517" />
        <source>{name} 的金额</source>
        <translation>{name}'s amount</translation>
    </message>
</context>
<context>
    <name>TextWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="191" />
        <source>填写说明（可留空）</source>
        <translation>Remarks (may be left empty)</translation>
    </message>
</context>
<context>
    <name>UnsupportedWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="413" />
        <source>此版本不支持题型 “{type}”，请用命令行作答</source>
        <translation>This version has no widget for item type '{type}'; answer it with the command line</translation>
    </message>
</context>
<context>
    <name>VoucherTableWidget</name>
    <message>
        <location filename="../../ui/items/vouchers.py" line="167" />
        <source>期初号段</source>
        <translation>Opening ranges</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="168" />
        <source>期初份数</source>
        <translation>Opening count</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="169" />
        <source>领入号段</source>
        <translation>Received ranges</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="170" />
        <source>使用号段（按使用先后）</source>
        <translation>Used ranges (in order of use)</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="171" />
        <source>出售号段（售予客户，按出售先后）</source>
        <translation>Sold ranges (to customers, in the order of sale)</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="172" />
        <source>作废号码</source>
        <translation>Voided numbers</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="173" />
        <source>上缴号段</source>
        <translation>Returned ranges</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="174" />
        <source>结存号段</source>
        <translation>On-hand ranges</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="175" />
        <source>实点份数</source>
        <translation>Physical count</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="182" />
        <source>如 {a}1201-{a}1250, {a}1300</source>
        <translation>e.g. {a}1201-{a}1250, {a}1300</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="184" />
        <source>差异（实点 − 结存）</source>
        <translation>Difference (counted − book)</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="185" />
        <source>下一可用号</source>
        <translation>Next number to use</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="187" />
        <source>无上次已封存的检查：期初号段按登记簿填写</source>
        <translation>No earlier sealed check: enter the opening ranges from the register</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="190" />
        <source>期初号段取自上次检查（{date}，记录 {id}）的结存</source>
        <translation>Opening ranges from what the last check ({date}, record {id}) left on hand</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="222" />
        <source>期初</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="223" />
        <source>领入</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="224" />
        <source>使用</source>
        <translation>Used</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="225" />
        <source>作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="226" />
        <source>上缴</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="229" />
        <source>结存（账面）</source>
        <translation>Book balance</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="234" />
        <source>实点</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="243" />
        <source>相符</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="245" />
        <source>实物多出</source>
        <translation>more on hand</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="245" />
        <source>实物短少</source>
        <translation>fewer on hand</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="250" />
        <source>（填写实点份数后计算并保存）</source>
        <translation>(worked out and saved once the physical count is in)</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="254" />
        <source>缺号</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="255" />
        <source>来源不明</source>
        <translation>Never received</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="256" />
        <source>重号</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="257" />
        <source>跳号</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="258" />
        <source>上次结存未列入</source>
        <translation>Left at the last check, missing now</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="259" />
        <source>期初来源不明</source>
        <translation>Opening numbers of unknown origin</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="267" />
        <source>未按号码顺序使用</source>
        <translation>Used out of number order</translation>
    </message>
    <message>
        <location filename="../../ui/items/vouchers.py" line="270" />
        <source>号码连续，无缺号、重号</source>
        <translation>Numbers continuous, no gaps or repeats</translation>
    </message>
</context>
<context>
    <name>YesNoWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="77" />
        <source>是 (Y)</source>
        <translation>Yes (Y)</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="77" />
        <source>否 (N)</source>
        <translation>No (N)</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="77" />
        <source>不适用 (A)</source>
        <translation>N/A (A)</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../ui/tasks.py" line="129" />
        <source>意外错误：{error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="75" />
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
</context>
</TS>