"""English of head office's window (headoffice.py, headoffice_ingest.py, headoffice_trust.py)
and of the branch's 打包上报 / 导入总行回执 (upload_package.py)."""

EN = {
    # the administration menu
    "打包上报…": "Package for head office…",
    "导入总行回执…": "Import head office's receipt…",
    # the head-office window
    "网点自查 · 总行": "BranchCheck · Head office",
    "总行 · 网点上报": "Head office · Branch uploads",
    "数据库：{url}": "Database: {url}",
    "导入上报包…": "Import packages…",
    "信任的 CA…": "Trusted CAs…",
    "代码": "Code",
    "名称": "Name",
    "记录": "Records",
    "未关闭问题": "Open findings",
    "上报包": "Packages",
    "版本": "Version",
    "签名人": "Signed by",
    "签名时间": "Signed at",
    "核验": "Verification",
    "接收时间": "Received at",
    "发现日期": "Found on",
    "风险成因": "Risk driver",
    "整改完成": "Rectified on",
    "重复发生": "Repeat",
    "核查问责记录": "Record that missed it",
    "期间": "Period",
    "新入库记录": "New records stored",
    "上报包编号": "Package ID",
    "{n} 个上报包，最近接收 {at}": "{n} package(s), last received {at}",
    "尚未收到任何上报包。先在“信任的 CA…”中添加网点 CA，再导入上报包。": (
        "No package received yet. First add the branch's CA under “Trusted CAs…”, then import "
        "its packages."
    ),
    "已被更正版本取代": "Superseded by a correction",
    "有效": "Current",
    "通过": "Verified",
    "核验：{detail}\n信任的 CA：{anchor}\n上报包：{package}": (
        "Verification: {detail}\nTrusted CA: {anchor}\nPackage: {package}"
    ),
    "此版本已被更正版本 {id} 取代": "This version is superseded by the correction {id}",
    # 导入上报包
    "导入上报包": "Import packages",
    "选择一个上报包文件夹（含 manifest.json），或存放多个上报包的文件夹。每个上报包逐一核验"
    "签名和文件，整包接收或整包拒收，并用总行密钥签发回执。": (
        "Choose a package folder (with manifest.json) or a folder holding several packages. "
        "Each package's signatures and files are verified; it is taken in whole or rejected "
        "whole, and a receipt is signed with head office's key."
    ),
    "上报包文件夹": "Package folder",
    "总行密钥文件": "Head office's key file",
    "密钥密码": "Key password",
    "回执存放位置": "Receipts folder",
    "默认：上报包旁的“回执”文件夹": "Default: a “回执” (receipts) folder beside the packages",
    "结果": "Result",
    "有问题的文件": "Files with problems",
    "回执": "Receipt",
    "记录 / 文件": "Record / file",
    "请选择上报包文件夹": "Choose the package folder",
    "请选择总行密钥文件": "Choose head office's key file",
    "请输入密钥密码": "Enter the key password",
    "第 {k} / {n} 个上报包": "Package {k} of {n}",
    "{n} 个上报包已处理": "{n} package(s) done",
    "已接收": "Accepted",
    "重复": "Duplicate",
    "拒收": "Rejected",
    "{n} 个上报包：{a} 个已接收，{d} 个重复，{r} 个拒收": (
        "{n} package(s): {a} accepted, {d} duplicate, {r} rejected"
    ),
    "{n} 条：接收 {a}，重复 {d}，拒收 {r}": "{n}: {a} accepted, {d} duplicate, {r} rejected",
    "文件 {path}": "File {path}",
    "有问题": "Problem",
    "整包被拒收，未入库": "The package was rejected: nothing of it was stored",
    "记录 {id}": "Record {id}",
    "无法打开密钥文件：密码不正确，或文件不是 PKCS#12 密钥文件。": (
        "Cannot open the key file: the password is wrong, or the file is not a PKCS#12 key."
    ),
    "这个文件不能用作总行密钥：": "This file cannot serve as head office's key:",
    # 信任的 CA
    "信任的 CA": "Trusted CAs",
    "总行只接收由这里列出的网点 CA 签发的证书所签署的上报包。取消信任后，"
    "新上报包不再通过核验，已入库的记录保留原核验结论。": (
        "Head office takes in only packages signed with certificates issued by the branch CAs "
        "listed here. Once a CA is no longer trusted, new packages no longer verify; records "
        "stored already keep their verdict."
    ),
    "CA": "CA",
    "信任自": "Trusted since",
    "操作人": "By",
    # 总行密钥 (the store's head-office signer)
    "总行密钥…": "Head-office key…",
    "总行密钥": "Head-office key",
    "只有本库的总行密钥可以导入上报包、签发回执、更改信任的 CA；首次使用的密钥即成为总行密钥。证书到期前，用当前密钥授权更换为新密钥；被替换的密钥保留在列表中。": (
        "Only this store's head-office key can import packages, sign receipts and change the "
        "trusted CAs; the first key used becomes it. Before its certificate expires, the current "
        "key authorises its replacement by a new key; replaced keys stay in the list."
    ),
    "签署人": "Signer",
    "启用于": "In use since",
    "停用于": "Replaced on",
    "由谁替换": "Replaced by",
    "当前总行密钥文件": "Current head-office key file",
    "当前密钥密码": "Current key password",
    "新总行密钥文件": "New head-office key file",
    "更换总行密钥": "Replace the head-office key",
    "尚无总行密钥：首次导入上报包或更改信任的 CA 时使用的密钥即成为总行密钥。": (
        "No head-office key yet: the key first used to import packages or change the trusted "
        "CAs becomes it."
    ),
    "请选择当前总行密钥文件": "Choose the current head-office key file",
    "请输入当前密钥密码": "Enter the current key's password",
    "请选择新总行密钥文件": "Choose the new head-office key file",
    "请输入新密钥密码": "Enter the new key's password",
    "总行密钥已更换为：{label}": "The head-office key is now: {label}",
    "这不是本总行库的总行密钥：{replaced}本库自 {since} 起由“{name}”（SHA-256 {fp}）签署，所给密钥是“{given}”。": (
        "This is not this store's head-office key: {replaced}the store has been signed since "
        "{since} by {name} (SHA-256 {fp}); the key given is {given}'s."
    ),
    "该密钥已于 {day} 被替换；": "that key was replaced on {day}; ",
    "只有本库的总行密钥（首次使用的密钥，或由它更换的新密钥）可以导入上报包、更改信任的 CA。": (
        "Only this store's head-office key (the first one used, or one it was replaced by) can "
        "import packages and change the trusted CAs."
    ),
    "添加 CA 证书…": "Add a CA certificate…",
    "取消信任…": "Stop trusting…",
    "尚无受信任的 CA：请添加各网点导出的 CA 证书（PEM）。": (
        "No trusted CA yet: add the CA certificate (PEM) each branch exported."
    ),
    "网点 CA 证书": "Branch CA certificate",
    "已信任：{label}": "Trusted: {label}",
    "取消信任": "Stop trusting",
    "不再信任 {label}？\n此后由它签发的证书签署的上报包将被拒收；已入库的记录不受影响。": (
        "Stop trusting {label}?\nPackages signed with certificates it issued will be rejected "
        "from now on; records stored already are not affected."
    ),
    "已取消信任：{label}": "No longer trusted: {label}",
    # 打包上报 at the branch
    "打包上报": "Package for head office",
    "把一段期间内已封存的检查记录、问题整改台账和检查计划打成上报包，用您的密钥签名后报送总行。"
    "期间内不能有未封存的检查。": (
        "Put a period's sealed records, the findings register and the schedule into a package "
        "for head office, signed with your key. No inspection of the period may still be open."
    ),
    "起始日期": "From",
    "截止日期": "To",
    "存放位置": "Save in",
    "{name}（{no}）的密钥密码": "Key password of {name} ({no})",
    "打包": "Make the package",
    "请选择存放位置": "Choose where to save it",
    "正在打包并签名…": "Packaging and signing…",
    "上报包已生成：{n} 条记录，{files} 个文件。": "Package made: {n} record(s), {files} file(s).",
    "上报包编号：{id}": "Package ID: {id}",
    "文件夹：{folder}": "Folder: {folder}",
    "此前已生成过内容完全相同的上报包（编号相同），无需重复报送。": (
        "An identical package (the same ID) was made before: no need to send it again."
    ),
    # 导入总行回执
    "导入总行回执": "Import head office's receipt",
    "选择总行返回的 receipt.json（其签名 receipt.json.p7s 须在同一文件夹）。"
    "回执须由本网点信任的总行 CA 签署；导入后即可知道总行已收到哪些记录。": (
        "Choose the receipt.json head office sent back (its signature receipt.json.p7s in the "
        "same folder). It must be signed under a head-office CA this branch trusts; once "
        "imported, the branch knows which records head office holds."
    ),
    "回执文件": "Receipt file",
    "总行结论": "Head office's verdict",
    "总行回执 (receipt.json)": "Head office's receipt (receipt.json)",
    "请选择回执文件": "Choose the receipt file",
    "已存有": "Held already",
    "总行 {at} 收到上报包 {id}：{status}。": "Head office received the package {id} at {at}: {status}.",
    "接收 {a} 条，已存有 {d} 条，拒收 {r} 条。": "{a} accepted, {d} held already, {r} rejected.",
    "此回执此前已导入，未重复记录。": "This receipt was imported before: nothing was added.",
}
