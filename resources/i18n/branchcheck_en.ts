<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountImportDialog</name>
    <message>
        <location filename="../../ui/screens/account_import.py" line="180" />
        <location filename="../../ui/screens/account_import.py" line="181" />
        <source>导入账户清单</source>
        <translation>Import account list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="184" />
        <source>选择核心系统导出的单位结算账户清单（.xlsx 或 .csv）。系统逐户分类，为每个标记账户建立一条复核记录，由您逐户作出处理决定。</source>
        <translation>Choose the settlement-account list exported from the core system (.xlsx or .csv). Every account is classified; each flagged account goes into a review record, where you decide on it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="188" />
        <source>账户清单文件</source>
        <translation>Account list file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="189" />
        <source>检查基准日</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="190" />
        <source>表头映射文件（可选）</source>
        <translation>Header mapping file (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="191" />
        <source>复核见证人（可选）</source>
        <translation>Second checker (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="192" />
        <location filename="../../ui/screens/account_import.py" line="193" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="194" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="195" />
        <source>清单文件路径</source>
        <translation>Path of the list file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="196" />
        <source>其他表头名称与本系统列的对照（JSON/YAML）</source>
        <translation>Other header names mapped to our columns (JSON/YAML)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_import.py" line="197" />
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
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="93" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="94" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>AddDialog</name>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="134" />
        <source>新增人员</source>
        <translation>Add a person</translation>
    </message>
</context>
<context>
    <name>AddEscortDialog</name>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="154" />
        <source>新增押运人员</source>
        <translation>Add an escort</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <location filename="../../ui/admin_menu.py" line="23" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/admin_menu.py" line="24" />
        <source>密钥与证书</source>
        <translation>Keys and certificates</translation>
    </message>
    <message>
        <location filename="../../ui/admin_menu.py" line="25" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/admin_menu.py" line="27" />
        <source>打包上报…</source>
        <translation>Package for head office…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_menu.py" line="31" />
        <source>导入总行回执…</source>
        <translation>Import head office's receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_menu.py" line="58" />
        <source>管理(&amp;M)</source>
        <translation>Ad&amp;min</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="109" />
        <source>至少 {n} 个字符</source>
        <translation>At least {n} characters</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="111" />
        <source>本行 CA 密码</source>
        <translation>Branch CA password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="112" />
        <source>再次输入 CA 密码</source>
        <translation>CA password again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="113" />
        <source>签发人员证书时使用，请另行妥善保管</source>
        <translation>Used to issue staff certificates; keep it safe, apart</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="123" />
        <source>两次输入的 CA 密码不一致，请重新输入。</source>
        <translation>The two CA passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>AttachmentsBar</name>
    <message>
        <location filename="../../ui/items/attachments.py" line="88" />
        <source>附件（{n}）</source>
        <translation>Attachments ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/items/attachments.py" line="89" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/items/attachments.py" line="90" />
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/items/attachments.py" line="91" />
        <source>照片、扫描件或 PDF（JPEG、PNG、TIFF、PDF，≤ 20 MB）</source>
        <translation>Photos, scans or PDF (JPEG, PNG, TIFF, PDF, up to 20 MB)</translation>
    </message>
    <message>
        <location filename="../../ui/items/attachments.py" line="101" />
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../ui/items/attachments.py" line="103" />
        <source>照片、扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)</source>
        <translation>Photos, scans or PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>BoxListWidget</name>
    <message>
        <location filename="../../ui/items/handover.py" line="428" />
        <source>交接清单（应交接）</source>
        <translation>Manifest (expected)</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="429" />
        <source>实际交接</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="430" />
        <location filename="../../ui/items/handover.py" line="432" />
        <source>款箱号</source>
        <translation>Box ID</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="430" />
        <location filename="../../ui/items/handover.py" line="432" />
        <source>封签号</source>
        <translation>Seal number</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="432" />
        <source>锁具完好</source>
        <translation>Lock intact</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="432" />
        <source>封签完好</source>
        <translation>Seal intact</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="435" />
        <source>＋ 添加一箱</source>
        <translation>+ Add a box</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="436" />
        <source>删除选中行</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="438" />
        <source>：款箱数量、箱号、封签或锁具不符，请当场报告</source>
        <translation>: box count, IDs, seals or locks do not match; report it at once</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="457" />
        <source>应交接 {e} 箱　实交接 {a} 箱　差数 {d:+d}</source>
        <translation>Expected {e}   Handed over {a}   Difference {d:+d}</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="470" />
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="471" />
        <source>清单外</source>
        <translation>Not on the manifest</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="473" />
        <source>封签号不符</source>
        <translation>Seal number differs</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="475" />
        <source>{box}（应为 {e}，实为 {a}）</source>
        <translation>{box} (manifest {e}, actual {a})</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="482" />
        <source>锁具异常</source>
        <translation>Lock not intact</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="483" />
        <source>封签破损</source>
        <translation>Seal broken</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="486" />
        <source>箱号、封签、锁具均相符</source>
        <translation>Box IDs, seals and locks all match</translation>
    </message>
</context>
<context>
    <name>BranchPage</name>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="77" />
        <source>网点代码</source>
        <translation>Branch code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="78" />
        <source>网点名称</source>
        <translation>Branch name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="79" />
        <source>英文名称（可选）</source>
        <translation>English name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="80" />
        <source>上级管辖行</source>
        <translation>Head office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="81" />
        <source>如 GZ0101</source>
        <translation>e.g. GZ0101</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="82" />
        <source>如 赣州分行营业部</source>
        <translation>e.g. Ganzhou Branch, Business Department</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="83" />
        <source>本网点向其报送记录的机构</source>
        <translation>Where the branch sends its records</translation>
    </message>
</context>
<context>
    <name>CashCountWidget</name>
    <message>
        <location filename="../../ui/items/cash.py" line="192" />
        <source>券别</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="193" />
        <source>面额</source>
        <translation>Face value</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="194" />
        <source>捆</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="195" />
        <source>把</source>
        <translation>Straps</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="196" />
        <source>零张</source>
        <translation>Loose</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="197" />
        <source>张数</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="198" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="199" />
        <source>账面（元）</source>
        <translation>Book (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="206" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="208" />
        <source>实点合计</source>
        <translation>Counted total</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="209" />
        <location filename="../../ui/items/cash.py" line="263" />
        <location filename="../../ui/items/cash.py" line="390" />
        <source>账面余额</source>
        <translation>Book balance</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="210" />
        <source>如 1234.56</source>
        <translation>e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="211" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="323" />
        <source>长款合计 {over}
短款合计 {short}</source>
        <translation>Overages {over}
Shortages {short}</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="329" />
        <source>{n} 个券别不符</source>
        <translation>{n} denomination(s) differ</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="329" />
        <source>各券别相符</source>
        <translation>Every denomination agrees</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="376" />
        <source>{den} 账面金额</source>
        <translation>{den} book amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="200" />
        <location filename="../../ui/items/cash.py" line="212" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="295" />
        <source>（填写账面余额后计算）</source>
        <translation>(shown once the book balance is entered)</translation>
    </message>
</context>
<context>
    <name>CassetteTableWidget</name>
    <message>
        <location filename="../../ui/items/atm.py" line="224" />
        <source>钞箱</source>
        <translation>Cassette</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="225" />
        <source>券别</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="226" />
        <source>上次加钞</source>
        <translation>Last load</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="227" />
        <source>已付出</source>
        <translation>Dispensed</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="228" />
        <source>应余</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="229" />
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="230" />
        <source>废钞/回收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="231" />
        <source>实点</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="232" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="233" />
        <source>本次加钞</source>
        <translation>This load</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="240" />
        <source>主机账面余额</source>
        <translation>Host book balance</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="241" />
        <source>存款钞箱实点</source>
        <translation>Deposit cassette counted</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="242" />
        <source>凭条余额（可选）</source>
        <translation>Slip balance (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="243" />
        <source>加钞出库金额（可选）</source>
        <translation>Issued for the load (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="247" />
        <source>如 1234.56</source>
        <translation>e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="249" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="250" />
        <source>实点合计</source>
        <translation>Counted total</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="251" />
        <source>钞箱长款合计</source>
        <translation>Cassette overages</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="252" />
        <source>钞箱短款合计</source>
        <translation>Cassette shortages</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="253" />
        <source>差额（对主机）</source>
        <translation>Difference (host)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="254" />
        <source>本次加钞金额</source>
        <translation>This load's amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="255" />
        <source>加钞差额（对出库）</source>
        <translation>Load difference (issued)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="256" />
        <source>＋ 添加钞箱</source>
        <translation>+ Add a cassette</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm.py" line="257" />
        <source>删除选中钞箱</source>
        <translation>Remove selected cassette</translation>
    </message>
</context>
<context>
    <name>ChoiceWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="334" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>ComputedWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="403" />
        <source>由系统根据记录自动判断</source>
        <translation>Worked out from the records</translation>
    </message>
</context>
<context>
    <name>CountWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="166" />
        <source>数量</source>
        <translation>Number</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="250" />
        <location filename="../../ui/screens/staff_dialogs.py" line="251" />
        <source>停用人员</source>
        <translation>Deactivate a person</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="253" />
        <source>停用后不能再登录或被选为检查人员；其历史记录保留，旧记录上仍显示其姓名。</source>
        <translation>Once deactivated they can no longer sign in or be chosen for an inspection; their history is kept and old records still show their name.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="256" />
        <source>停用日期</source>
        <translation>Deactivated on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="257" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="258" />
        <source>如 调离本网点、退休</source>
        <translation>e.g. moved to another branch, retired</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="194" />
        <source>编辑人员</source>
        <translation>Edit a person</translation>
    </message>
</context>
<context>
    <name>EntryBox</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="176" />
        <source>授权人</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="177" />
        <source>授权事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="178" />
        <source>授权书编号</source>
        <translation>Authorisation no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="179" />
        <source>授权起始日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="180" />
        <source>授权截止日期</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="181" />
        <source>检查时间</source>
        <translation>Inspection time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="182" />
        <source>补录原因</source>
        <translation>Reason for the late entry</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="187" />
        <source>授权代查：网点负责人不能亲自检查时，须有其书面授权，授权记入本次检查记录。</source>
        <translation>Deputy check: when the branch head cannot inspect in person, their written authorisation is needed and is recorded with this inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="189" />
        <source>如 休假、出差</source>
        <translation>e.g. leave, business trip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="191" />
        <source>检查时间距今超过 {hours} 小时，属补录</source>
        <translation>More than {hours} h ago: a late entry</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="197" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>EscortCheckWidget</name>
    <message>
        <location filename="../../ui/items/handover.py" line="121" />
        <source>工作证</source>
        <translation>Work card</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="122" />
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="123" />
        <source>派车单</source>
        <translation>Dispatch sheet</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="124" />
        <source>预留名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="126" />
        <source>押运人员</source>
        <translation>Escort</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="126" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="128" />
        <source>人证相符</source>
        <translation>Person matches</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="128" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="136" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="136" />
        <source>相符</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="136" />
        <source>不符</source>
        <translation>Does not match</translation>
    </message>
    <message>
        <location filename="../../ui/items/handover.py" line="155" />
        <source>{name} 的身份证号应为 18 位（末位可为 X）</source>
        <translation>{name}'s ID number must have 18 characters (the last may be X)</translation>
    </message>
</context>
<context>
    <name>EvidenceBox</name>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="104" />
        <source>证明材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="105" />
        <source>添加证明材料…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="106" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ExceptionBox</name>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="157" />
        <source>例外接受（网点负责人，到期后重新打开）</source>
        <translation>Accept as an exception (branch head; reopens at expiry)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="158" />
        <source>例外接受的理由</source>
        <translation>Reason for the exception</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="159" />
        <source>到期日</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="160" />
        <source>例外接受</source>
        <translation>Accept as exception</translation>
    </message>
</context>
<context>
    <name>FindingsScreen</name>
    <message>
        <location filename="../../ui/screens/findings.py" line="317" />
        <source>问题整改</source>
        <translation>Findings &amp; rectification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="327" />
        <source>全部未关闭</source>
        <translation>All not closed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="328" />
        <location filename="../../ui/screens/findings.py" line="492" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="329" />
        <location filename="../../ui/screens/findings.py" line="343" />
        <source>屡查屡犯</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="330" />
        <location filename="../../ui/screens/findings.py" line="662" />
        <source>例外接受</source>
        <translation>Accept as exception</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="331" />
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="337" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="338" />
        <location filename="../../ui/screens/findings.py" line="637" />
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="151" />
        <location filename="../../ui/screens/findings.py" line="339" />
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="150" />
        <location filename="../../ui/screens/findings.py" line="340" />
        <location filename="../../ui/screens/findings.py" line="640" />
        <source>整改责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="152" />
        <source>来源记录</source>
        <translation>Source record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="341" />
        <location filename="../../ui/screens/findings.py" line="643" />
        <source>整改期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="342" />
        <location filename="../../ui/screens/findings.py" line="644" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="346" />
        <location filename="../../ui/screens/findings.py" line="647" />
        <source>整改措施</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="347" />
        <source>采取了哪些整改措施</source>
        <translation>What is being done to put it right</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="348" />
        <source>开始整改</source>
        <translation>Start rectification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="349" />
        <location filename="../../ui/screens/findings.py" line="649" />
        <source>整改结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="350" />
        <source>整改完成的情况</source>
        <translation>What the rectification achieved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="351" />
        <source>登记整改结果</source>
        <translation>Record the result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="353" />
        <location filename="../../ui/screens/findings.py" line="656" />
        <source>复查日期</source>
        <translation>Re-check date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="354" />
        <source>复查确认</source>
        <translation>Confirm re-check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="355" />
        <source>整改已复查确认，可关闭此问题。</source>
        <translation>The rectification has been re-checked; the finding can be closed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="356" />
        <location filename="../../ui/screens/findings.py" line="658" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="357" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="358" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="359" />
        <source>导出台账…</source>
        <translation>Export register…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="360" />
        <source>问题整改台账：Excel 与签名 PDF</source>
        <translation>The findings register: Excel and a signed PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="361" />
        <source>打开记录</source>
        <translation>Open record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="362" />
        <source>打开发现此问题的检查记录</source>
        <translation>Open the inspection record this finding was found in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="364" />
        <source>搜索问题或责任人</source>
        <translation>Search findings or the person responsible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="491" />
        <source>未关闭</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="493" />
        <location filename="../../ui/screens/findings.py" line="517" />
        <source>⚠ 屡查屡犯</source>
        <translation>⚠ Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="577" />
        <source>请在左侧选择一个问题。</source>
        <translation>Choose a finding on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="577" />
        <source>没有符合条件的问题。</source>
        <translation>No findings match.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="605" />
        <source>该记录尚未签名封存。问题经各方签名确认、记录封存后方可开始整改。</source>
        <translation>This record is not signed and sealed yet. Its findings can be rectified once everyone has signed and the record is sealed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="610" />
        <source>此问题已例外接受，至 {until} 到期后重新打开。</source>
        <translation>Accepted as an exception until {until}; it reopens after that.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="616" />
        <source>此问题已整改、复查并关闭。</source>
        <translation>This finding has been rectified, re-checked and closed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="638" />
        <source>风险点</source>
        <translation>Risk driver</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="652" />
        <source>整改日期</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="655" />
        <source>复查人</source>
        <translation>Re-checked by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="764" />
        <source>已例外接受，到期后重新打开。</source>
        <translation>Accepted as an exception; it reopens at expiry.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="771" />
        <source>添加证明材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="773" />
        <source>照片、扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)</source>
        <translation>Photos, scans or PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="783" />
        <source>证明材料已添加：{name}</source>
        <translation>Evidence added: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="808" />
        <source>关联应发现未发现的检查</source>
        <translation>Link the check that missed it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="809" />
        <source>此前将该项检查为合格的记录（由近及远）：</source>
        <translation>Earlier records that passed this item (newest first):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="825" />
        <source>没有此前将该项检查为合格的已封存记录。</source>
        <translation>No earlier sealed record passed this item.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="834" />
        <source>已关联应发现未发现的检查。</source>
        <translation>Linked to the check that missed it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="851" />
        <source>导出问题整改台账</source>
        <translation>Export the findings register</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="852" />
        <source>请输入您的签名密钥密码以签署 PDF（留空则不签名）：</source>
        <translation>Your signing-key password to sign the PDF (leave empty for an unsigned PDF):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="869" />
        <source>已导出：{files}</source>
        <translation>Exported: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="530" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="320" />
        <source>检查发现的问题在记录封存后进入整改闭环：开始整改 → 登记整改结果 → 复查确认（由营运主管、授权代理负责人或网点负责人本人复查，不得为整改责任人或结果登记人）→ 关闭。</source>
        <translation>Once a record is sealed its findings enter the closed loop: start the rectification → record the result → re-check (by an operations supervisor, authorised deputy or the branch head in person; never the person responsible nor who recorded the result) → close.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="686" />
        <source>例外接受已到期</source>
        <translation>Exception expired</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="688" />
        <source>⚠ 屡查屡犯：同一问题此前已被查出</source>
        <translation>⚠ Repeat finding: the same problem was found before</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="697" />
        <source>复查人：{who}（本人复查确认；不得为整改责任人或结果登记人）</source>
        <translation>Re-checked by: {who} (in person; not the person responsible nor who recorded the result)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="733" />
        <source>已开始整改。</source>
        <translation>Rectification started.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="740" />
        <source>整改结果已登记，待复查。</source>
        <translation>Result recorded; awaiting the re-check.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="750" />
        <source>已复查确认。</source>
        <translation>Re-check confirmed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings.py" line="756" />
        <source>问题已关闭。</source>
        <translation>Finding closed.</translation>
    </message>
</context>
<context>
    <name>HeadOfficeKey</name>
    <message>
        <location filename="../../ui/screens/headoffice_key.py" line="71" />
        <source>无法打开密钥文件：密码不正确，或文件不是 PKCS#12 密钥文件。</source>
        <translation>Cannot open the key file: the password is wrong, or the file is not a PKCS#12 key.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_key.py" line="78" />
        <source>这不是本总行库的总行密钥：{replaced}本库自 {since} 起由“{name}”（SHA-256 {fp}）签署，所给密钥是“{given}”。</source>
        <translation>This is not this store's head-office key: {replaced}the store has been signed since {since} by {name} (SHA-256 {fp}); the key given is {given}'s.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_key.py" line="84" />
        <source>该密钥已于 {day} 被替换；</source>
        <translation>that key was replaced on {day}; </translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_key.py" line="90" />
        <source>只有本库的总行密钥（首次使用的密钥，或由它更换的新密钥）可以导入上报包、更改信任的 CA。</source>
        <translation>Only this store's head-office key (the first one used, or one it was replaced by) can import packages and change the trusted CAs.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_key.py" line="102" />
        <source>这个文件不能用作总行密钥：</source>
        <translation>This file cannot serve as head office's key:</translation>
    </message>
</context>
<context>
    <name>HeadOfficeWindow</name>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="203" />
        <source>网点自查 · 总行</source>
        <translation>BranchCheck · Head office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="204" />
        <source>总行 · 网点上报</source>
        <translation>Head office · Branch uploads</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="205" />
        <source>数据库：{url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="206" />
        <source>导入上报包…</source>
        <translation>Import packages…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="207" />
        <source>信任的 CA…</source>
        <translation>Trusted CAs…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="208" />
        <source>总行密钥…</source>
        <translation>Head-office key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="209" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="210" />
        <source>网点</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="212" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="212" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="212" />
        <location filename="../../ui/screens/headoffice.py" line="214" />
        <source>记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="212" />
        <source>未关闭问题</source>
        <translation>Open findings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="215" />
        <source>问题整改</source>
        <translation>Findings &amp; rectification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="216" />
        <source>上报包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="217" />
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="220" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="221" />
        <location filename="../../ui/screens/headoffice.py" line="235" />
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="222" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="223" />
        <location filename="../../ui/screens/headoffice.py" line="238" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="224" />
        <location filename="../../ui/screens/headoffice.py" line="251" />
        <source>签名人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="225" />
        <source>签名时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="226" />
        <source>核验</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="227" />
        <location filename="../../ui/screens/headoffice.py" line="247" />
        <source>接收时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="228" />
        <source>记录编号</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="233" />
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="234" />
        <location filename="../../ui/screens/headoffice.py" line="250" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="236" />
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="237" />
        <source>风险成因</source>
        <translation>Risk driver</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="239" />
        <source>整改期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="240" />
        <source>整改完成</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="241" />
        <source>重复发生</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="242" />
        <source>核查问责记录</source>
        <translation>Record that missed it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="248" />
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="249" />
        <source>新入库记录</source>
        <translation>New records stored</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="252" />
        <source>上报包编号</source>
        <translation>Package ID</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="302" />
        <source>{n} 个上报包，最近接收 {at}</source>
        <translation>{n} package(s), last received {at}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="315" />
        <source>尚未收到任何上报包。先在“信任的 CA…”中添加网点 CA，再导入上报包。</source>
        <translation>No package received yet. First add the branch's CA under “Trusted CAs…”, then import its packages.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="342" />
        <source>已被更正版本取代</source>
        <translation>Superseded by a correction</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="342" />
        <source>有效</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="351" />
        <source>通过</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="358" />
        <source>核验：{detail}
信任的 CA：{anchor}
上报包：{package}</source>
        <translation>Verification: {detail}
Trusted CA: {anchor}
Package: {package}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="376" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice.py" line="407" />
        <source>此版本已被更正版本 {id} 取代</source>
        <translation>This version is superseded by the correction {id}</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="205" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="207" />
        <source>本网点的检查记录。选择一条进行中的检查可继续，已封存的记录可导出。</source>
        <translation>This branch's inspection records. Select an open inspection to resume it, a sealed record to export it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="209" />
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="210" />
        <source>导入账户清单</source>
        <translation>Import account list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="211" />
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="212" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="213" />
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="215" />
        <source>已封存的记录不可更改；更正会建立指向原记录的新版本。</source>
        <translation>A sealed record never changes; a correction is a new version pointing to it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="217" />
        <source>问题整改</source>
        <translation>Findings &amp; rectification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="218" />
        <source>本网点的检查问题：整改、复查、关闭</source>
        <translation>The branch's findings: rectify, re-check, close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="219" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="221" />
        <source>搜索检查、人员或记录编号</source>
        <translation>Search checklist, person or record ID</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="222" />
        <location filename="../../ui/screens/home.py" line="227" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="222" />
        <source>至</source>
        <translation>until</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="228" />
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="230" />
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="151" />
        <location filename="../../ui/screens/home.py" line="229" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="150" />
        <source>检查项目</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="152" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="231" />
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="232" />
        <source>记录编号</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="240" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="241" />
        <source>待签名</source>
        <translation>Awaiting signatures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="242" />
        <source>已封存</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="475" />
        <source>（更正 第{n}版）</source>
        <translation> (correction, version {n})</translation>
    </message>
</context>
<context>
    <name>IngestDialog</name>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="134" />
        <location filename="../../ui/screens/headoffice_ingest.py" line="135" />
        <source>导入上报包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="138" />
        <source>选择一个上报包文件夹（含 manifest.json），或存放多个上报包的文件夹。每个上报包逐一核验签名和文件，整包接收或整包拒收，并用总行密钥签发回执。</source>
        <translation>Choose a package folder (with manifest.json) or a folder holding several packages. Each package's signatures and files are verified; it is taken in whole or rejected whole, and a receipt is signed with head office's key.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="142" />
        <location filename="../../ui/screens/headoffice_ingest.py" line="175" />
        <source>上报包文件夹</source>
        <translation>Package folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="143" />
        <location filename="../../ui/screens/headoffice_ingest.py" line="182" />
        <source>总行密钥文件</source>
        <translation>Head office's key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="144" />
        <source>密钥密码</source>
        <translation>Key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="145" />
        <location filename="../../ui/screens/headoffice_ingest.py" line="188" />
        <source>回执存放位置</source>
        <translation>Receipts folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="146" />
        <source>默认：上报包旁的“回执”文件夹</source>
        <translation>Default: a “回执” (receipts) folder beside the packages</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="148" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="149" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="150" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="153" />
        <location filename="../../ui/screens/headoffice_ingest.py" line="162" />
        <source>上报包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="154" />
        <location filename="../../ui/screens/headoffice_ingest.py" line="162" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="155" />
        <location filename="../../ui/screens/headoffice_ingest.py" line="162" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="156" />
        <source>记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="157" />
        <source>有问题的文件</source>
        <translation>Files with problems</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="158" />
        <source>回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="162" />
        <source>记录 / 文件</source>
        <translation>Record / file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="182" />
        <source>PKCS#12 文件 (*.p12 *.pfx)</source>
        <translation>PKCS#12 files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="210" />
        <source>请选择上报包文件夹</source>
        <translation>Choose the package folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="212" />
        <source>请选择总行密钥文件</source>
        <translation>Choose head office's key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="214" />
        <source>请输入密钥密码</source>
        <translation>Enter the key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="290" />
        <source>第 {k} / {n} 个上报包</source>
        <translation>Package {k} of {n}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="292" />
        <source>{n} 个上报包已处理</source>
        <translation>{n} package(s) done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="311" />
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="312" />
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="313" />
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="322" />
        <source>{n} 个上报包：{a} 个已接收，{d} 个重复，{r} 个拒收</source>
        <translation>{n} package(s): {a} accepted, {d} duplicate, {r} rejected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="339" />
        <source>{n} 条：接收 {a}，重复 {d}，拒收 {r}</source>
        <translation>{n}: {a} accepted, {d} duplicate, {r} rejected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="351" />
        <source>文件 {path}</source>
        <translation>File {path}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="352" />
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="360" />
        <source>整包被拒收，未入库</source>
        <translation>The package was rejected: nothing of it was stored</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_ingest.py" line="364" />
        <source>记录 {id}</source>
        <translation>Record {id}</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <location filename="../../ui/screens/inspection.py" line="170" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="171" />
        <source>← 上一节</source>
        <translation>← Previous section</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="172" />
        <source>下一节 →</source>
        <translation>Next section →</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="173" />
        <source>完成检查</source>
        <translation>Complete inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="174" />
        <source>已答 %v / %m</source>
        <translation>Answered %v / %m</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="185" />
        <source>{branch} · {date} · {role}：{name} ({no})</source>
        <translation>{branch} · {date} · {role}: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="197" />
        <source>下一节：{next}（或在本节最后一项按回车）；上一节：{previous}</source>
        <translation>Next section: {next} (or Enter on the section's last item); previous section: {previous}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="521" />
        <source>以下必答项尚未作答，请补充后再完成检查：</source>
        <translation>These required items are not answered yet; answer them, then complete the inspection:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="563" />
        <source>必答项，尚未作答</source>
        <translation>Required, not answered yet</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../ui/screens/item_card.py" line="105" />
        <source>（选答）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="109" />
        <source>备注（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="124" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="126" />
        <source>草稿（未完成）已保存</source>
        <translation>Draft (not complete) saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="128" />
        <source>已保存 ✓</source>
        <translation>Saved ✓</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="231" />
        <source>✓ 符合</source>
        <translation>✓ Compliant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="232" />
        <source>✗ 不符合，完成检查时列为问题</source>
        <translation>✗ Not compliant: becomes a finding when the inspection is completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item_card.py" line="233" />
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>KeyForm</name>
    <message>
        <location filename="../../ui/screens/key_form.py" line="197" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/key_form.py" line="198" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/key_form.py" line="199" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/key_form.py" line="232" />
        <source>请填写“{label}”</source>
        <translation>Please fill in “{label}”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/key_form.py" line="234" />
        <source>密钥密码至少 8 个字符</source>
        <translation>A key password has at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../ui/screens/key_form.py" line="236" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="126" />
        <location filename="../../ui/screens/admin_keys.py" line="127" />
        <source>密钥与证书</source>
        <translation>Keys and certificates</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="130" />
        <source>每人的签名证书（当前的和以前的，以前的用于核验其签过的记录）与本网点信任的 CA。建立 CA、签发和导入密钥、信任 CA 须由管理员办理。</source>
        <translation>Each person's signing certificates (the current one and earlier ones, kept to verify the records they signed) and the CAs this branch trusts. Creating the CA, issuing and importing keys and trusting a CA are an administrator's actions.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="136" />
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="137" />
        <source>姓名 / 名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="138" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="139" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="140" />
        <source>有效期自</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="141" />
        <source>有效期至</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="142" />
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="143" />
        <source>SHA-256 指纹</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="146" />
        <source>建立网点 CA…</source>
        <translation>Create branch CA…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="147" />
        <source>导入 PKCS#12…</source>
        <translation>Import PKCS#12…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="148" />
        <source>签发密钥…</source>
        <translation>Issue key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="149" />
        <source>修改密钥密码…</source>
        <translation>Change key password…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="150" />
        <source>添加信任 CA…</source>
        <translation>Trust a CA…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="151" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="167" />
        <source>本网点 CA</source>
        <translation>Branch CA</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="169" />
        <source>受信任 CA</source>
        <translation>Trusted CA</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="170" />
        <source>个人签名证书</source>
        <translation>Signing certificate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="174" />
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="176" />
        <source>受信任</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="177" />
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="177" />
        <source>旧密钥（仅用于核验）</source>
        <translation>Earlier key (verifying only)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="181" />
        <source>已过期 {n} 天</source>
        <translation>expired {n} days ago</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="182" />
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="216" />
        <source>⚠ {n} 张在用证书即将到期或已过期：{names}。请及时换发或导入新证书。</source>
        <translation>⚠ Certificates in use expiring or expired ({n}): {names}. Issue or import new ones in time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="222" />
        <source>尚无签名密钥：{names}</source>
        <translation>No signing key yet: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="257" />
        <source>建立网点 CA</source>
        <translation>Create the branch CA</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="259" />
        <source>本网点自己的 CA 为员工签发签名密钥。CA 密码请妥善保管，签发密钥时需要。</source>
        <translation>The branch's own CA issues the staff's signing keys. Keep the CA password safe: issuing a key needs it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="262" />
        <location filename="../../ui/screens/admin_keys.py" line="300" />
        <source>CA 密码</source>
        <translation>CA password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="263" />
        <source>再次输入 CA 密码</source>
        <translation>CA password again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="264" />
        <location filename="../../ui/screens/admin_keys.py" line="301" />
        <location filename="../../ui/screens/admin_keys.py" line="344" />
        <location filename="../../ui/screens/admin_keys.py" line="407" />
        <source>您的登录密码</source>
        <translation>Your sign-in password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="270" />
        <source>已建立网点 CA</source>
        <translation>Branch CA created</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="291" />
        <source>签发密钥</source>
        <translation>Issue a key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="293" />
        <source>由本网点 CA 为员工签发签名密钥。已有密钥的员工换发时，须本人输入登录密码。</source>
        <translation>The branch CA issues a signing key to a staff member. Renewing the key of someone who has one needs their own sign-in password.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="296" />
        <location filename="../../ui/screens/admin_keys.py" line="335" />
        <location filename="../../ui/screens/admin_keys.py" line="368" />
        <source>员工</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="297" />
        <location filename="../../ui/screens/admin_keys.py" line="370" />
        <source>新密钥密码</source>
        <translation>New key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="298" />
        <location filename="../../ui/screens/admin_keys.py" line="371" />
        <source>再次输入新密钥密码</source>
        <translation>New key password again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="299" />
        <source>本人登录密码（换发时）</source>
        <translation>Their sign-in password (when renewing)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="309" />
        <source>已签发密钥</source>
        <translation>Key issued</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="329" />
        <source>导入 PKCS#12</source>
        <translation>Import PKCS#12</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="331" />
        <source>导入总行签发的密钥文件（.p12/.pfx）。证书须写明该员工的工号，并由本网点信任的 CA 签发；须本人和另一位管理员（您）输入登录密码。</source>
        <translation>Import a key file issued by head office (.p12/.pfx). The certificate must name the staff member's employee number and be issued by a CA this branch trusts; the person and another administrator (you) enter their sign-in passwords.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="338" />
        <source>密钥文件</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="340" />
        <source>PKCS#12 文件 (*.p12 *.pfx)</source>
        <translation>PKCS#12 files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="342" />
        <source>密钥文件密码</source>
        <translation>Key file password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="343" />
        <source>本人登录密码</source>
        <translation>Their sign-in password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="351" />
        <source>已导入密钥</source>
        <translation>Key imported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="365" />
        <source>修改密钥密码</source>
        <translation>Change a key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="366" />
        <source>须输入原密钥密码；密钥和证书本身不变。</source>
        <translation>The old key password is needed; the key and its certificate stay the same.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="369" />
        <source>原密钥密码</source>
        <translation>Old key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="379" />
        <source>密钥密码已更改</source>
        <translation>Key password changed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="395" />
        <source>添加信任 CA</source>
        <translation>Trust a CA</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="397" />
        <source>信任一个 CA 证书（如总行 CA）：由它签发的证书即可导入，其签署的记录可被核验。这是管理员的决定，会记入审计日志。</source>
        <translation>Trust a CA certificate (head office's CA, say): certificates it issued can then be imported and records they signed verified. This is an administrator's decision and is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="403" />
        <source>CA 证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="405" />
        <source>证书 (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_keys.py" line="413" />
        <source>已添加信任 CA</source>
        <translation>CA trusted</translation>
    </message>
</context>
<context>
    <name>LiveDelegate</name>
    <message>
        <location filename="../../ui/items/cells.py" line="58" />
        <location filename="../../ui/items/cells.py" line="221" />
        <source>此处只能填写金额：数字、一个小数点、最多两位小数</source>
        <translation>Only an amount goes here: digits, one decimal point, at most two decimals</translation>
    </message>
    <message>
        <location filename="../../ui/items/cells.py" line="218" />
        <source>此处只能填写 0 或正整数</source>
        <translation>Only a whole number of 0 or more goes here</translation>
    </message>
    <message>
        <location filename="../../ui/items/cells.py" line="220" />
        <source>此处只能填写金额：数字、一个小数点、最多两位小数，短款前加负号</source>
        <translation>Only an amount goes here: digits, one decimal point, at most two decimals; a minus sign before a shortage</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens/login.py" line="108" />
        <source>网点自查</source>
        <translation>Branch self-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="109" />
        <source>请选择您的姓名并输入密码。</source>
        <translation>Choose your name and enter your password.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="110" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="111" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="112" />
        <source>登录密码</source>
        <translation>Sign-in password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="113" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="148" />
        <source>此数据库中还没有可登录的用户。请管理员用 branchcheck setup 建立网点，或用 branchcheck users reset-password 设置登录密码。</source>
        <translation>Nobody can sign in to this database yet. An administrator sets up the branch with 'branchcheck setup', or sets a sign-in password with 'branchcheck users reset-password'.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="168" />
        <source>请先选择人员。</source>
        <translation>Choose a person first.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="172" />
        <source>请输入密码。</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="196" />
        <source>密码错误次数过多，已锁定至 {time}。请稍后再试，或请管理员核实。</source>
        <translation>Too many wrong passwords: locked until {time}. Try again later, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="204" />
        <source>密码不正确，请重新输入。</source>
        <translation>Wrong password; enter it again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="318" />
        <source>网点自查 BranchCheck</source>
        <translation>BranchCheck branch self-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320" />
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321" />
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323" />
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324" />
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330" />
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333" />
        <source>当前用户：{name} ({no})</source>
        <translation>Signed in: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379" />
        <source>已恢复您未完成的检查。</source>
        <translation>Your unfinished inspection has been resumed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563" />
        <source>已导出：</source>
        <translation>Exported:</translation>
    </message>
</context>
<context>
    <name>MissedBox</name>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="193" />
        <source>关联应发现未发现的检查…</source>
        <translation>Link the check that missed it…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/findings_parts.py" line="201" />
        <source>应发现未发现：{date} 的检查（{record}），检查人 {name}（{no}）</source>
        <translation>Missed by the check of {date} ({record}), inspector {name} ({no})</translation>
    </message>
</context>
<context>
    <name>MoneyWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="186" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="187" />
        <source>金额，如 1234.56</source>
        <translation>Amount, e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="190" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="315" />
        <location filename="../../ui/screens/new_inspection.py" line="316" />
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="317" />
        <source>检查项目</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="321" />
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="322" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="328" />
        <source>{role}：{name} ({no})</source>
        <translation>{role}: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="337" />
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="339" />
        <source>（可多选）</source>
        <translation> (one or more)</translation>
    </message>
</context>
<context>
    <name>OpenDifferencesWidget</name>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="119" />
        <source>挂账日期</source>
        <translation>Booked on</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="120" />
        <source>金额（元，短款为负）</source>
        <translation>Amount (yuan, shortage negative)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="121" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="122" />
        <source>已挂账天数</source>
        <translation>Days outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="123" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="126" />
        <source>无未处理长短款</source>
        <translation>None outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="127" />
        <source>＋ 添加一笔</source>
        <translation>+ Add one</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="128" />
        <source>删除选中行</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="184" />
        <source>{n} 天（超期）</source>
        <translation>{n} days (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="184" />
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="193" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/atm_differences.py" line="248" />
        <source>已列出挂账，请先删除各行再选择“无未处理长短款”</source>
        <translation>Differences are listed; remove the rows before choosing “None outstanding”</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="186" />
        <location filename="../../ui/screens/upload_package.py" line="187" />
        <source>打包上报</source>
        <translation>Package for head office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="190" />
        <source>把一段期间内已封存的检查记录、问题整改台账和检查计划打成上报包，用您的密钥签名后报送总行。期间内不能有未封存的检查。</source>
        <translation>Put a period's sealed records, the findings register and the schedule into a package for head office, signed with your key. No inspection of the period may still be open.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="194" />
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="195" />
        <source>至</source>
        <translation>until</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="196" />
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="197" />
        <source>截止日期</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="198" />
        <location filename="../../ui/screens/upload_package.py" line="212" />
        <source>存放位置</source>
        <translation>Save in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="199" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="201" />
        <source>{name}（{no}）的密钥密码</source>
        <translation>Key password of {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="205" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="206" />
        <source>打包</source>
        <translation>Make the package</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="222" />
        <source>请选择存放位置</source>
        <translation>Choose where to save it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="224" />
        <source>请输入密钥密码</source>
        <translation>Enter the key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="232" />
        <source>正在打包并签名…</source>
        <translation>Packaging and signing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="261" />
        <source>上报包已生成：{n} 条记录，{files} 个文件。</source>
        <translation>Package made: {n} record(s), {files} file(s).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="264" />
        <source>上报包编号：{id}</source>
        <translation>Package ID: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="265" />
        <source>文件夹：{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="268" />
        <source>此前已生成过内容完全相同的上报包（编号相同），无需重复报送。</source>
        <translation>An identical package (the same ID) was made before: no need to send it again.</translation>
    </message>
</context>
<context>
    <name>PartyBox</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="101" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="102" />
        <source>确认签名</source>
        <translation>Confirm signature</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="103" />
        <source>确认身份</source>
        <translation>Confirm identity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="105" />
        <source>请 {name} 输入本人密码确认签字</source>
        <translation>{name}: enter your own password to confirm</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="107" />
        <source>{name} 的密码</source>
        <translation>{name}'s password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="108" />
        <source>输入本人密码后签名</source>
        <translation>Sign here after entering your own password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="110" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="113" />
        <source>正在核对密码…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="116" />
        <source>✓ 已签名 {time}</source>
        <translation>✓ Signed {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="119" />
        <source>身份已确认，请在右侧框内签名</source>
        <translation>Identity confirmed: please sign in the box on the right</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="122" />
        <source>请本人输入密码确认身份，再在右侧框内签名</source>
        <translation>Enter your own password to confirm who you are, then sign in the box on the right</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="275" />
        <location filename="../../ui/screens/staff_dialogs.py" line="276" />
        <source>重置密码</source>
        <translation>Reset the password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="278" />
        <source>新的登录密码；其签名证书的密码不变。重置后此前的登录失败不再计数。</source>
        <translation>A new sign-in password; their signing certificate keeps its own. Earlier failed sign-ins no longer count after the reset.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="281" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="282" />
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="286" />
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="87" />
        <location filename="../../ui/screens/admin_staff.py" line="94" />
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="88" />
        <location filename="../../ui/screens/admin_staff.py" line="95" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="89" />
        <source>所属单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="90" />
        <source>证件号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="91" />
        <location filename="../../ui/screens/admin_staff.py" line="97" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="96" />
        <source>岗位</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="98" />
        <source>登录 / 证书</source>
        <translation>Sign-in / certificate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="108" />
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="110" />
        <source>已停用（{day}）</source>
        <translation>Deactivated ({day})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="115" />
        <source>可登录</source>
        <translation>Signs in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="115" />
        <source>不登录</source>
        <translation>No sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="116" />
        <source>有证书</source>
        <translation>certificate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="116" />
        <source>无证书</source>
        <translation>no certificate</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="162" />
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="163" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="164" />
        <source>证件号（可选）</source>
        <translation>ID number (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="165" />
        <source>所属单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="166" />
        <source>如 某某押运公司</source>
        <translation>e.g. the escort company</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="167" />
        <source>岗位</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="169" />
        <source>登录密码</source>
        <translation>Sign-in password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="170" />
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="171" />
        <source>不登录系统的人员可不填</source>
        <translation>Leave empty for someone who does not sign in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people_forms.py" line="191" />
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>PersonWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="369" />
        <source>请选择人员…</source>
        <translation>Choose a person…</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../ui/screens/record_preview.py" line="40" />
        <source>预览记录</source>
        <translation>Preview record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/record_preview.py" line="43" />
        <source>这是封存后记录的样子（未签名，每页标有“预览 · 未封存”）。核对无误后关闭预览，再封存记录。</source>
        <translation>This is the record as it will be sealed (unsigned, every page marked “Preview · not sealed”). Check it, close the preview, then seal the record.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="340" />
        <location filename="../../ui/screens/upload_package.py" line="341" />
        <source>导入总行回执</source>
        <translation>Import head office's receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="344" />
        <source>选择总行返回的 receipt.json（其签名 receipt.json.p7s 须在同一文件夹）。回执须由本网点信任的总行 CA 签署；导入后即可知道总行已收到哪些记录。</source>
        <translation>Choose the receipt.json head office sent back (its signature receipt.json.p7s in the same folder). It must be signed under a head-office CA this branch trusts; once imported, the branch knows which records head office holds.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="348" />
        <location filename="../../ui/screens/upload_package.py" line="361" />
        <source>回执文件</source>
        <translation>Receipt file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="349" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="350" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="351" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="354" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="354" />
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="354" />
        <source>总行结论</source>
        <translation>Head office's verdict</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="354" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="361" />
        <source>总行回执 (receipt.json)</source>
        <translation>Head office's receipt (receipt.json)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="371" />
        <source>请选择回执文件</source>
        <translation>Choose the receipt file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="400" />
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="401" />
        <source>已存有</source>
        <translation>Held already</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="402" />
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="409" />
        <source>总行 {at} 收到上报包 {id}：{status}。</source>
        <translation>Head office received the package {id} at {at}: {status}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="414" />
        <source>接收 {a} 条，已存有 {d} 条，拒收 {r} 条。</source>
        <translation>{a} accepted, {d} held already, {r} rejected.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="419" />
        <source>此回执此前已导入，未重复记录。</source>
        <translation>This receipt was imported before: nothing was added.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/upload_package.py" line="440" />
        <source>记录编号：{id}</source>
        <translation>Record ID: {id}</translation>
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
        <location filename="../../ui/screens/review.py" line="132" />
        <source>。请核对后由各方签名确认。</source>
        <translation>. Check them, then every party signs.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="135" />
        <source>未发现问题。请由各方签名确认。</source>
        <translation>No findings. Every party signs to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="145" />
        <source>⚠ 屡查屡犯</source>
        <translation>⚠ Repeat</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="227" />
        <location filename="../../ui/screens/staff_dialogs.py" line="228" />
        <source>调整岗位</source>
        <translation>Change roles</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="229" />
        <source>岗位</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_dialogs.py" line="230" />
        <source>生效日期</source>
        <translation>From</translation>
    </message>
</context>
<context>
    <name>SealNoWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="219" />
        <source>封签号</source>
        <translation>Seal number</translation>
    </message>
</context>
<context>
    <name>SealedScreen</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="441" />
        <source>✓ 已封存</source>
        <translation>✓ Sealed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="442" />
        <source>记录编号：{id}</source>
        <translation>Record ID: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="445" />
        <source>记录已用查库人的签名密钥签署，此后不可更改；如需更正，请新建更正版本。签署后的 PDF 与 Excel 可随时导出报送。</source>
        <translation>The record is signed with the inspector's key and can no longer change; a correction is a new version. The signed PDF and Excel files can be exported at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="449" />
        <source>导出 PDF / Excel…</source>
        <translation>Export PDF / Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="450" />
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="451" />
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="452" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="467" />
        <source>已导出：</source>
        <translation>Exported:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="476" />
        <source>无法打开：{path}</source>
        <translation>Cannot open: {path}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="243" />
        <location filename="../../ui/screens/admin_settings.py" line="244" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="247" />
        <source>本网点的规则与期限。每项修改都会检查并记入审计日志，须由网点负责人或网点副职办理。</source>
        <translation>The branch's rules and deadlines. Every change is checked and recorded in the audit log, and is made by the branch head or a deputy head.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="250" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="251" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="252" />
        <source>导入节假日表…</source>
        <translation>Import holiday table…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="264" />
        <source>数据文件夹下的 backups</source>
        <translation>backups in the data folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="266" />
        <source>{help}（默认：{default}）</source>
        <translation>{help} (default: {default})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="271" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="287" />
        <source>节假日表：未导入总行节假日表（按国务院安排或推算）</source>
        <translation>Holiday table: none imported from head office (the State Council's schedule or an estimate)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="291" />
        <source>节假日表：{years} 年，{holidays} 个休息日，{workdays} 个调休上班日</source>
        <translation>Holiday table: {years}, {holidays} days off, {workdays} make-up working days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="315" />
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="332" />
        <source>没有修改</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="337" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="347" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="370" />
        <source>选择总行节假日表</source>
        <translation>Choose head office's holiday table</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="370" />
        <source>节假日表 (*.json)</source>
        <translation>Holiday tables (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_settings.py" line="389" />
        <source>节假日表已导入</source>
        <translation>Holiday table imported</translation>
    </message>
</context>
<context>
    <name>SetupAssistant</name>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="196" />
        <location filename="../../ui/screens/setup_assistant.py" line="219" />
        <source>建立网点</source>
        <translation>Set up the branch</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="197" />
        <source>网点</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="197" />
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="197" />
        <source>本网点人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="197" />
        <location filename="../../ui/screens/setup_assistant.py" line="219" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="205" />
        <source>欢迎使用网点自查。先建立本网点：填写网点代码、名称和上级管辖行（记录报送的机构）。</source>
        <translation>Welcome to BranchCheck. First set up this branch: its code, its name and the head office it reports to (where its records are sent).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="208" />
        <source>第一位管理员是网点负责人。请设置其登录密码，以及本行 CA 的密码：CA 为本网点人员签发签名证书，CA 密码请另行妥善保管。</source>
        <translation>The first administrator is the branch head. Set their sign-in password and the password of the branch CA, which issues the staff's signing certificates: keep the CA password safe, apart.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="212" />
        <source>添加本网点人员：逐个添加，或导入人员名单（.xlsx 或 .csv，含工号、姓名、岗位）。也可以以后在“管理 → 人员”中添加。</source>
        <translation>Add the branch's staff one by one, or import a staff list (.xlsx or .csv with employee number, name and roles). You can also add them later under Administration → Person.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="215" />
        <source>网点已建立。请以管理员身份登录，开始第一次检查。</source>
        <translation>The branch is set up. Sign in as the administrator and start the first inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="218" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="219" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="219" />
        <source>前往登录</source>
        <translation>Go to sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/setup_assistant.py" line="232" />
        <source>网点代码：{code}
管理员：{admin}
本行 CA 指纹：{fingerprint}
已登记人员：{count} 人</source>
        <translation>Branch code: {code}
Administrator: {admin}
Branch CA fingerprint: {fingerprint}
People registered: {count}</translation>
    </message>
</context>
<context>
    <name>SignerDialog</name>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="101" />
        <location filename="../../ui/screens/headoffice_signer.py" line="102" />
        <source>总行密钥</source>
        <translation>Head-office key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="105" />
        <source>只有本库的总行密钥可以导入上报包、签发回执、更改信任的 CA；首次使用的密钥即成为总行密钥。证书到期前，用当前密钥授权更换为新密钥；被替换的密钥保留在列表中。</source>
        <translation>Only this store's head-office key can import packages, sign receipts and change the trusted CAs; the first key used becomes it. Before its certificate expires, the current key authorises its replacement by a new key; replaced keys stay in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="111" />
        <source>签署人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="112" />
        <source>启用于</source>
        <translation>In use since</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="113" />
        <source>停用于</source>
        <translation>Replaced on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="114" />
        <source>由谁替换</source>
        <translation>Replaced by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="115" />
        <source>SHA-256 指纹</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="118" />
        <source>当前总行密钥文件</source>
        <translation>Current head-office key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="119" />
        <source>当前密钥密码</source>
        <translation>Current key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="120" />
        <source>新总行密钥文件</source>
        <translation>New head-office key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="121" />
        <source>新密钥密码</source>
        <translation>New key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="123" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="124" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="125" />
        <source>更换总行密钥</source>
        <translation>Replace the head-office key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="141" />
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="151" />
        <source>尚无总行密钥：首次导入上报包或更改信任的 CA 时使用的密钥即成为总行密钥。</source>
        <translation>No head-office key yet: the key first used to import packages or change the trusted CAs becomes it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="157" />
        <source>PKCS#12 文件 (*.p12 *.pfx)</source>
        <translation>PKCS#12 files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="173" />
        <source>请选择当前总行密钥文件</source>
        <translation>Choose the current head-office key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="174" />
        <source>请输入当前密钥密码</source>
        <translation>Enter the current key's password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="175" />
        <source>请选择新总行密钥文件</source>
        <translation>Choose the new head-office key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="176" />
        <source>请输入新密钥密码</source>
        <translation>Enter the new key's password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_signer.py" line="207" />
        <source>总行密钥已更换为：{label}</source>
        <translation>The head-office key is now: {label}</translation>
    </message>
</context>
<context>
    <name>SigningScreen</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="224" />
        <source>签名确认</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="227" />
        <source>查库人与被查人员逐一输入本人密码确认身份，再在框内手写签名；全部签名后可预览并封存记录。</source>
        <translation>The inspector and the people checked each confirm with their own password, then sign by hand; once all have signed, preview and seal the record.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="230" />
        <source>← 返回检查结果</source>
        <translation>← Back to the result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="231" />
        <source>预览记录</source>
        <translation>Preview record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="232" />
        <location filename="../../ui/screens/signing.py" line="385" />
        <source>封存记录</source>
        <translation>Seal record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="339" />
        <source>正在生成预览…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="370" />
        <source>正在生成并签署 PDF 与 Excel 记录…</source>
        <translation>Making and signing the PDF and Excel record…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="381" />
        <source>请输入 {name} 的签名密钥密码：</source>
        <translation>Password of {name}'s signing key:</translation>
    </message>
</context>
<context>
    <name>SlotPicker</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="83" />
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="83" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>StaffAdminDialog</name>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="215" />
        <location filename="../../ui/screens/admin_staff.py" line="216" />
        <source>人员名册</source>
        <translation>Staff register</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="219" />
        <source>本网点的人员名册。人员从不删除：停用后保留其历史，旧记录上仍显示其姓名；岗位按生效日期调整，岗位历史用于轮岗提醒。押运公司人员单独登记。</source>
        <translation>The branch's staff register. Nobody is ever deleted: a deactivated person keeps their history and their name on old records. Roles change from a date; the history of posts feeds the rotation reminders. The escort company's people are kept apart.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="223" />
        <source>本行人员</source>
        <translation>Branch staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="224" />
        <source>押运公司人员</source>
        <translation>Escorts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="225" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="226" />
        <source>调整岗位…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="227" />
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="228" />
        <source>停用…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="229" />
        <source>导入名单…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="230" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="254" />
        <source>新增押运人员…</source>
        <translation>Add an escort…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="254" />
        <source>新增人员…</source>
        <translation>Add a person…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="281" />
        <source>已新增 {name}（{no}）。</source>
        <translation>{name} ({no}) added.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="290" />
        <source>已保存 {name}（{no}）。</source>
        <translation>{name} ({no}) saved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="291" />
        <source>已调整 {name}（{no}）的岗位。</source>
        <translation>Roles of {name} ({no}) changed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="292" />
        <source>已重置 {name}（{no}）的登录密码。</source>
        <translation>Sign-in password of {name} ({no}) reset.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_staff.py" line="293" />
        <source>已停用 {name}（{no}）。</source>
        <translation>{name} ({no}) deactivated.</translation>
    </message>
</context>
<context>
    <name>StaffImportDialog</name>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="97" />
        <location filename="../../ui/screens/staff_import.py" line="98" />
        <source>导入人员名单</source>
        <translation>Import a staff list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="101" />
        <source>名单第一行为表头，须有 工号、姓名、岗位 三列（多个岗位用顿号或逗号分开），可有 外部、单位、证件号。押运人员标为外部并写明押运公司。名单不含密码：导入后由管理员为需要登录的人员设置密码。有错误的名单不导入任何人。</source>
        <translation>The list's header row needs the columns employee number, name and roles (several roles separated by commas), and may have external, organisation and ID number. Escorts are marked external with their escort company. A list carries no passwords: after the import an administrator sets one for each person who signs in. A list with errors adds nobody.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="106" />
        <source>名单文件路径</source>
        <translation>Path of the list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="107" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="108" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="109" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="111" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="111" />
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="111" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="111" />
        <source>岗位</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="111" />
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="119" />
        <source>选择人员名单</source>
        <translation>Choose a staff list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="119" />
        <source>人员名单 (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Staff lists (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="132" />
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="148" />
        <source>第 {row} 行，“{column}”列：{reason}</source>
        <translation>Row {row}, column “{column}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="151" />
        <source>第 {row} 行：{reason}</source>
        <translation>Row {row}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="168" />
        <source>已导入 {n} 人。</source>
        <translation>{n} imported.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="171" />
        <source>名单中 {n} 人可导入；{e} 处错误，改正后重新选择文件。</source>
        <translation>{n} on the list could be imported; {e} error(s): correct them and choose the file again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="176" />
        <source>名单中 {n} 人，可以导入。</source>
        <translation>{n} on the list, ready to import.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_import.py" line="179" />
        <source>……另有 {n} 处</source>
        <translation>… and {n} more</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="100" />
        <source>添加此人</source>
        <translation>Add this person</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="101" />
        <source>导入人员名单…</source>
        <translation>Import a staff list…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="103" />
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="103" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="103" />
        <source>岗位</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="103" />
        <source>可登录</source>
        <translation>Signs in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="126" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="126" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_panel.py" line="129" />
        <source>人员名册：{n} 人</source>
        <translation>Staff register: {n}</translation>
    </message>
</context>
<context>
    <name>TellerBoxesWidget</name>
    <message>
        <location filename="../../ui/items/cash.py" line="523" />
        <source>柜员</source>
        <translation>Teller</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="524" />
        <source>系统余额（元）</source>
        <translation>System balance (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="525" />
        <source>实点金额（元）</source>
        <translation>Counted (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="526" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="527" />
        <source>凭证相符</source>
        <translation>Vouchers match</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="528" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="574" />
        <source>{name} 的金额</source>
        <translation>{name}'s amount</translation>
    </message>
</context>
<context>
    <name>TextWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="205" />
        <source>填写说明（可留空）</source>
        <translation>Remarks (may be left empty)</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="102" />
        <location filename="../../ui/screens/headoffice_trust.py" line="103" />
        <source>信任的 CA</source>
        <translation>Trusted CAs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="106" />
        <source>总行只接收由这里列出的网点 CA 签发的证书所签署的上报包。取消信任后，新上报包不再通过核验，已入库的记录保留原核验结论。</source>
        <translation>Head office takes in only packages signed with certificates issued by the branch CAs listed here. Once a CA is no longer trusted, new packages no longer verify; records stored already keep their verdict.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="111" />
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="111" />
        <source>信任自</source>
        <translation>Trusted since</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="111" />
        <source>SHA-256 指纹</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="111" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="113" />
        <location filename="../../ui/screens/headoffice_trust.py" line="157" />
        <source>总行密钥文件</source>
        <translation>Head office's key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="114" />
        <source>密钥密码</source>
        <translation>Key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="115" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="116" />
        <source>添加 CA 证书…</source>
        <translation>Add a CA certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="117" />
        <source>取消信任…</source>
        <translation>Stop trusting…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="118" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="134" />
        <source>尚无受信任的 CA：请添加各网点导出的 CA 证书（PEM）。</source>
        <translation>No trusted CA yet: add the CA certificate (PEM) each branch exported.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="151" />
        <source>网点 CA 证书</source>
        <translation>Branch CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="151" />
        <source>证书 (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="157" />
        <source>PKCS#12 文件 (*.p12 *.pfx)</source>
        <translation>PKCS#12 files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="169" />
        <source>请选择总行密钥文件</source>
        <translation>Choose head office's key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="171" />
        <source>请输入密钥密码</source>
        <translation>Enter the key password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="210" />
        <source>已信任：{label}</source>
        <translation>Trusted: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="214" />
        <source>取消信任</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="226" />
        <source>不再信任 {label}？
此后由它签发的证书签署的上报包将被拒收；已入库的记录不受影响。</source>
        <translation>Stop trusting {label}?
Packages signed with certificates it issued will be rejected from now on; records stored already are not affected.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/headoffice_trust.py" line="234" />
        <source>已取消信任：{label}</source>
        <translation>No longer trusted: {label}</translation>
    </message>
</context>
<context>
    <name>UnsupportedWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="427" />
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
        <location filename="../../ui/tasks.py" line="131" />
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