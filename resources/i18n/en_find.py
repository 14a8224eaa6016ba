"""English of the sign-in, the home list's and the findings board's search and filters, and the
screen-size fixes (helper F of issue 11)."""

EN = {
    "请输入密码。": "Enter your password.",
    "密码不正确，请重新输入。": "Wrong password; enter it again.",
    "密码错误次数过多，已锁定至 {time}。请稍后再试，或请管理员核实。": "Too many wrong passwords: "
    "locked until {time}. Try again later, or ask the administrator.",
    "搜索检查、人员或记录编号": "Search checklist, person or record ID",
    "管理(&M)": "&Administration",
    "来源记录": "Source record",
    "打开记录": "Open record",
    "打开发现此问题的检查记录": "Open the inspection record this finding was found in",
    "搜索问题或责任人": "Search findings or the person responsible",
    "检查人": "Inspector",
}
