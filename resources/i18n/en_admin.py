"""English of the set-up assistant and the administration of people (人员): setup_assistant.py,
people_forms.py, staff_panel.py, staff_import.py, admin_staff.py, staff_dialogs.py, and the
sign-in screen's note for a store nobody can sign in to."""

EN = {
    # the 管理 menu (its title; the entry 人员 is the sign-in screen's "Person")
    "管理(&M)": "Ad&ministration",
    # the set-up assistant
    "建立网点": "Set up the branch",
    "网点": "Branch",
    "管理员": "Administrator",
    "本网点人员": "Staff",
    "完成": "Done",
    "上一步": "Back",
    "下一步": "Next",
    "前往登录": "Go to sign-in",
    "欢迎使用网点自查。先建立本网点：填写网点代码、名称和上级管辖行（记录报送的机构）。": (
        "Welcome to BranchCheck. First set up this branch: its code, its name and the head "
        "office it reports to (where its records are sent)."
    ),
    "第一位管理员是网点负责人。请设置其登录密码，以及本行 CA 的密码：CA 为本网点人员签发签名证书，"
    "CA 密码请另行妥善保管。": (
        "The first administrator is the branch head. Set their sign-in password and the "
        "password of the branch CA, which issues the staff's signing certificates: keep the CA "
        "password safe, apart."
    ),
    "添加本网点人员：逐个添加，或导入人员名单（.xlsx 或 .csv，含工号、姓名、岗位）。"
    "也可以以后在“管理 → 人员”中添加。": (
        "Add the branch's staff one by one, or import a staff list (.xlsx or .csv with employee "
        "number, name and roles). You can also add them later under Administration → Person."
    ),
    "网点已建立。请以管理员身份登录，开始第一次检查。": (
        "The branch is set up. Sign in as the administrator and start the first inspection."
    ),
    "网点代码": "Branch code",
    "网点名称": "Branch name",
    "英文名称（可选）": "English name (optional)",
    "上级管辖行": "Head office",
    "如 GZ0101": "e.g. GZ0101",
    "如 赣州分行营业部": "e.g. Ganzhou Branch, Business Department",
    "本网点向其报送记录的机构": "Where the branch sends its records",
    "至少 {n} 个字符": "At least {n} characters",
    "本行 CA 密码": "Branch CA password",
    "再次输入 CA 密码": "CA password again",
    "签发人员证书时使用，请另行妥善保管": "Used to issue staff certificates; keep it safe, apart",
    "两次输入的 CA 密码不一致，请重新输入。": "The two CA passwords differ; type them again.",
    "网点代码：{code}\n管理员：{admin}\n本行 CA 指纹：{fingerprint}\n已登记人员：{count} 人": (
        "Branch code: {code}\nAdministrator: {admin}\nBranch CA fingerprint: {fingerprint}\n"
        "People registered: {count}"
    ),
    # a person's fields
    "工号": "Employee no.",
    "姓名": "Name",
    "岗位": "Roles",
    "所属单位": "Organisation",
    "如 某某押运公司": "e.g. the escort company",
    "证件号（可选）": "ID number (optional)",
    "证件号": "ID number",
    "再次输入密码": "Password again",
    "不登录系统的人员可不填": "Leave empty for someone who does not sign in",
    "两次输入的密码不一致，请重新输入。": "The two passwords differ; type them again.",
    # the staff page
    "添加此人": "Add this person",
    "导入人员名单…": "Import a staff list…",
    "人员名册：{n} 人": "Staff register: {n}",
    "可登录": "Signs in",
    "是": "Yes",
    "否": "No",
    # the staff-list import
    "导入人员名单": "Import a staff list",
    "名单第一行为表头，须有 工号、姓名、岗位 三列（多个岗位用顿号或逗号分开），可有 外部、单位、证件号。"
    "押运人员标为外部并写明押运公司。名单不含密码：导入后由管理员为需要登录的人员设置密码。"
    "有错误的名单不导入任何人。": (
        "The list's header row needs the columns employee number, name and roles (several roles "
        "separated by commas), and may have external, organisation and ID number. Escorts are "
        "marked external with their escort company. A list carries no passwords: after the import "
        "an administrator sets one for each person who signs in. A list with errors adds nobody."
    ),
    "名单文件路径": "Path of the list",
    "选择人员名单": "Choose a staff list",
    "人员名单 (*.xlsx *.xls *.ods *.csv)": "Staff lists (*.xlsx *.xls *.ods *.csv)",
    "导入": "Import",
    "正在读取…": "Reading…",
    "行": "Row",
    "单位": "Organisation",
    "第 {row} 行：{reason}": "Row {row}: {reason}",
    "第 {row} 行，“{column}”列：{reason}": "Row {row}, column “{column}”: {reason}",
    "已导入 {n} 人。": "{n} imported.",
    "……另有 {n} 处": "… and {n} more",
    "名单中 {n} 人可导入；{e} 处错误，改正后重新选择文件。": (
        "{n} on the list could be imported; {e} error(s): correct them and choose the file again."
    ),
    "名单中 {n} 人，可以导入。": "{n} on the list, ready to import.",
    # the administration screen
    "人员名册": "Staff register",
    "本网点的人员名册。人员从不删除：停用后保留其历史，旧记录上仍显示其姓名；岗位按生效日期调整，"
    "岗位历史用于轮岗提醒。押运公司人员单独登记。": (
        "The branch's staff register. Nobody is ever deleted: a deactivated person keeps their "
        "history and their name on old records. Roles change from a date; the history of posts "
        "feeds the rotation reminders. The escort company's people are kept apart."
    ),
    "本行人员": "Branch staff",
    "押运公司人员": "Escorts",
    "登录 / 证书": "Sign-in / certificate",
    "在岗": "Active",
    "已停用（{day}）": "Deactivated ({day})",
    "不登录": "No sign-in",
    "有证书": "certificate",
    "无证书": "no certificate",
    "新增人员…": "Add a person…",
    "新增押运人员…": "Add an escort…",
    "编辑…": "Edit…",
    "调整岗位…": "Change roles…",
    "重置密码…": "Reset password…",
    "停用…": "Deactivate…",
    "导入名单…": "Import a list…",
    "已新增 {name}（{no}）。": "{name} ({no}) added.",
    "已保存 {name}（{no}）。": "{name} ({no}) saved.",
    "已调整 {name}（{no}）的岗位。": "Roles of {name} ({no}) changed.",
    "已重置 {name}（{no}）的登录密码。": "Sign-in password of {name} ({no}) reset.",
    "已停用 {name}（{no}）。": "{name} ({no}) deactivated.",
    # its dialogs
    "确定": "OK",
    "新增人员": "Add a person",
    "新增押运人员": "Add an escort",
    "编辑人员": "Edit a person",
    "调整岗位": "Change roles",
    "生效日期": "From",
    "停用人员": "Deactivate a person",
    "停用后不能再登录或被选为检查人员；其历史记录保留，旧记录上仍显示其姓名。": (
        "Once deactivated they can no longer sign in or be chosen for an inspection; their "
        "history is kept and old records still show their name."
    ),
    "停用日期": "Deactivated on",
    "原因": "Reason",
    "如 调离本网点、退休": "e.g. moved to another branch, retired",
    "重置密码": "Reset the password",
    "新的登录密码；其签名证书的密码不变。重置后此前的登录失败不再计数。": (
        "A new sign-in password; their signing certificate keeps its own. Earlier failed "
        "sign-ins no longer count after the reset."
    ),
    "新密码": "New password",
    "再次输入新密码": "New password again",
    # the sign-in screen on a store nobody can sign in to
    "此数据库中还没有可登录的用户。请管理员用 branchcheck setup 建立网点，"
    "或用 branchcheck users reset-password 设置登录密码。": (
        "Nobody can sign in to this database yet. An administrator sets up the branch with "
        "'branchcheck setup', or sets a sign-in password with 'branchcheck users reset-password'."
    ),
}
