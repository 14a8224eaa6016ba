<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CashCountWidget</name>
    <message>
        <location filename="../../ui/items/cash.py" line="197" />
        <source>券别</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="198" />
        <source>面额</source>
        <translation>Face value</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="199" />
        <source>捆</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="200" />
        <source>把</source>
        <translation>Straps</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="201" />
        <source>零张</source>
        <translation>Loose</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="202" />
        <source>张数</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="203" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="209" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="211" />
        <source>实点合计</source>
        <translation>Counted total</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="212" />
        <location filename="../../ui/items/cash.py" line="237" />
        <location filename="../../ui/items/cash.py" line="296" />
        <source>账面余额</source>
        <translation>Book balance</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="213" />
        <source>如 1234.56</source>
        <translation>e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="214" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="215" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="260" />
        <source>（填写账面余额后计算）</source>
        <translation>(shown once the book balance is entered)</translation>
    </message>
</context>
<context>
    <name>ChoiceWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="321" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>ComputedWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="390" />
        <source>由系统根据记录自动判断</source>
        <translation>Worked out from the records</translation>
    </message>
</context>
<context>
    <name>CountWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="150" />
        <source>数量</source>
        <translation>Number</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="74" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="76" />
        <source>本网点的检查记录。选择一条进行中的检查可继续，已封存的记录可导出。</source>
        <translation>This branch's inspection records. Select an open inspection to resume it, a sealed record to export it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="78" />
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="79" />
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="80" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="81" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="85" />
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="86" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="87" />
        <source>查库人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="88" />
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="89" />
        <source>记录编号</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="96" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="97" />
        <source>待签名</source>
        <translation>Awaiting signatures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="98" />
        <source>已封存</source>
        <translation>Sealed</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <location filename="../../ui/screens/inspection.py" line="239" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="240" />
        <source>← 上一节</source>
        <translation>← Previous section</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="241" />
        <source>下一节 →</source>
        <translation>Next section →</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="242" />
        <source>完成检查</source>
        <translation>Complete inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="243" />
        <source>已答 %v / %m</source>
        <translation>Answered %v / %m</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="249" />
        <source>{branch} · {date} · {role}：{name} ({no})</source>
        <translation>{branch} · {date} · {role}: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="438" />
        <source>以下必答项尚未作答，请补充后再完成检查：</source>
        <translation>These required items are not answered yet; answer them, then complete the inspection:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="467" />
        <source>必答项，尚未作答</source>
        <translation>Required, not answered yet</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../ui/screens/inspection.py" line="93" />
        <source>（选答）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="97" />
        <source>备注（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="98" />
        <location filename="../../ui/screens/inspection.py" line="118" />
        <location filename="../../ui/screens/inspection.py" line="122" />
        <source>已保存 ✓</source>
        <translation>Saved ✓</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="134" />
        <source>✓ 符合</source>
        <translation>✓ Compliant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="135" />
        <source>✗ 不符合，完成检查时列为问题</source>
        <translation>✗ Not compliant: becomes a finding when the inspection is completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/inspection.py" line="136" />
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens/login.py" line="59" />
        <source>网点自查</source>
        <translation>Branch self-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="60" />
        <source>请选择您的姓名并输入密码。</source>
        <translation>Choose your name and enter your password.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="61" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="62" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="63" />
        <source>登录密码</source>
        <translation>Sign-in password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="64" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="89" />
        <source>请先选择人员。</source>
        <translation>Choose a person first.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>网点自查 BranchCheck</source>
        <translation>BranchCheck branch self-inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>当前用户：{name} ({no})</source>
        <translation>Signed in: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>已恢复您未完成的检查。</source>
        <translation>Your unfinished inspection has been resumed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244" />
        <source>已导出：</source>
        <translation>Exported:</translation>
    </message>
</context>
<context>
    <name>MoneyWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="170" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="171" />
        <source>金额，如 1234.56</source>
        <translation>Amount, e.g. 1234.56</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="174" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="153" />
        <location filename="../../ui/screens/new_inspection.py" line="154" />
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="155" />
        <source>检查项目</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="156" />
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="157" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="163" />
        <source>{role}：{name} ({no})</source>
        <translation>{role}: {name} ({no})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="172" />
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="174" />
        <source>（可多选）</source>
        <translation> (one or more)</translation>
    </message>
</context>
<context>
    <name>PartyBox</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="74" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="75" />
        <source>确认签名</source>
        <translation>Confirm signature</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="77" />
        <source>✓ 已签名 {time}</source>
        <translation>✓ Signed {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="80" />
        <source>请在右侧框内签名</source>
        <translation>Please sign in the box on the right</translation>
    </message>
</context>
<context>
    <name>PersonWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="356" />
        <source>请选择人员…</source>
        <translation>Choose a person…</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="67" />
        <source>← 返回修改</source>
        <translation>← Back to the answers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="68" />
        <source>去签名 →</source>
        <translation>Go to signatures →</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="71" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="72" />
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="73" />
        <source>整改责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="74" />
        <source>整改期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="75" />
        <source>屡查屡犯</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="91" />
        <source>检查结果 — {title}</source>
        <translation>Result — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="97" />
        <source>共发现 {n} 个问题</source>
        <translation>{n} finding(s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="99" />
        <source>，其中 {n} 个屡查屡犯</source>
        <translation>, {n} of them repeat finding(s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="100" />
        <source>。请核对后由各方签名确认。</source>
        <translation>. Check them, then every party signs.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="103" />
        <source>未发现问题。请由各方签名确认。</source>
        <translation>No findings. Every party signs to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="115" />
        <source>⚠ 屡查屡犯</source>
        <translation>⚠ Repeat</translation>
    </message>
</context>
<context>
    <name>SealNoWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="203" />
        <source>封签号</source>
        <translation>Seal number</translation>
    </message>
</context>
<context>
    <name>SealedScreen</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="252" />
        <source>✓ 已封存</source>
        <translation>✓ Sealed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="253" />
        <source>记录编号：{id}</source>
        <translation>Record ID: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="256" />
        <source>记录已用查库人的签名密钥签署，此后不可更改；如需更正，请新建更正版本。签署后的 PDF 与 Excel 可随时导出报送。</source>
        <translation>The record is signed with the inspector's key and can no longer change; a correction is a new version. The signed PDF and Excel files can be exported at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="260" />
        <source>导出 PDF / Excel…</source>
        <translation>Export PDF / Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="261" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="271" />
        <source>已导出：</source>
        <translation>Exported:</translation>
    </message>
</context>
<context>
    <name>SigningScreen</name>
    <message>
        <location filename="../../ui/screens/signing.py" line="134" />
        <source>签名确认</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="135" />
        <source>查库人与被查人员逐一在框内手写签名，全部签名后封存记录。</source>
        <translation>The inspector and the people checked each sign by hand; once all have signed, seal the record.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="136" />
        <source>← 返回检查结果</source>
        <translation>← Back to the result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="137" />
        <location filename="../../ui/screens/signing.py" line="205" />
        <source>封存记录</source>
        <translation>Seal record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="192" />
        <source>正在生成并签署 PDF 与 Excel 记录…</source>
        <translation>Making and signing the PDF and Excel record…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signing.py" line="201" />
        <source>请输入 {name} 的签名密钥密码：</source>
        <translation>Password of {name}'s signing key:</translation>
    </message>
</context>
<context>
    <name>SlotPicker</name>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="65" />
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/new_inspection.py" line="65" />
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
</context>
<context>
    <name>TellerBoxesWidget</name>
    <message>
        <location filename="../../ui/items/cash.py" line="397" />
        <source>柜员</source>
        <translation>Teller</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="398" />
        <source>系统余额（元）</source>
        <translation>System balance (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="399" />
        <source>实点金额（元）</source>
        <translation>Counted (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="400" />
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="401" />
        <source>凭证相符</source>
        <translation>Vouchers match</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="402" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/items/cash.py" line="448" />
        <source>{name} 的金额</source>
        <translation>{name}'s amount</translation>
    </message>
</context>
<context>
    <name>TextWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="189" />
        <source>填写说明（可留空）</source>
        <translation>Remarks (may be left empty)</translation>
    </message>
</context>
<context>
    <name>UnsupportedWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="414" />
        <source>此版本不支持题型 “{type}”，请用命令行作答</source>
        <translation>This version has no widget for item type '{type}'; answer it with the command line</translation>
    </message>
</context>
<context>
    <name>YesNoWidget</name>
    <message>
        <location filename="../../ui/items/basic.py" line="75" />
        <source>是 (Y)</source>
        <translation>Yes (Y)</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="75" />
        <source>否 (N)</source>
        <translation>No (N)</translation>
    </message>
    <message>
        <location filename="../../ui/items/basic.py" line="75" />
        <source>不适用 (A)</source>
        <translation>N/A (A)</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../ui/operations.py" line="23" />
        <source>意外错误：{error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="80" />
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
</context>
</TS>