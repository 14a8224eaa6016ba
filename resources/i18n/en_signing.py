"""English of the signing screen, the record preview, the sealed screen's open buttons and the
item cards' attachments (附件)."""

EN = {
    # the party boxes: each signer's own password first
    "确认身份": "Confirm identity",
    "请 {name} 输入本人密码确认签字": "{name}: enter your own password to confirm",
    "{name} 的密码": "{name}'s password",
    "输入本人密码后签名": "Sign here after entering your own password",
    "正在核对密码…": "Checking the password…",
    "身份已确认，请在右侧框内签名": "Identity confirmed: please sign in the box on the right",
    "请本人输入密码确认身份，再在右侧框内签名": (
        "Enter your own password to confirm who you are, then sign in the box on the right"
    ),
    "查库人与被查人员逐一输入本人密码确认身份，再在框内手写签名；全部签名后可预览并封存记录。": (
        "The inspector and the people checked each confirm with their own password, then sign "
        "by hand; once all have signed, preview and seal the record."
    ),
    # the preview
    "预览记录": "Preview record",
    "正在生成预览…": "Making the preview…",
    "这是封存后记录的样子（未签名，每页标有“预览 · 未封存”）。核对无误后关闭预览，再封存记录。": (
        "This is the record as it will be sealed (unsigned, every page marked “Preview · not "
        "sealed”). Check it, close the preview, then seal the record."
    ),
    # after export
    "打开 PDF": "Open PDF",
    "打开所在文件夹": "Open folder",
    "无法打开：{path}": "Cannot open: {path}",
    # attachments on an item
    "附件（{n}）": "Attachments ({n})",
    "添加附件…": "Add attachment…",
    "移除所选": "Remove selected",
    "照片、扫描件或 PDF（JPEG、PNG、TIFF、PDF，≤ 20 MB）": (
        "Photos, scans or PDF (JPEG, PNG, TIFF, PDF, up to 20 MB)"
    ),
    "选择附件": "Choose attachments",
    "照片、扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)": (
        "Photos, scans or PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)"
    ),
}
