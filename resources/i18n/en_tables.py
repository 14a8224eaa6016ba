"""English of the item tables, the item card's draft mark and the inspection screen's keys."""

EN = {
    "此处只能填写 0 或正整数": "Only a whole number of 0 or more goes here",
    "此处只能填写金额：数字、一个小数点、最多两位小数": (
        "Only an amount goes here: digits, one decimal point, at most two decimals"
    ),
    "此处只能填写金额：数字、一个小数点、最多两位小数，短款前加负号": (
        "Only an amount goes here: digits, one decimal point, at most two decimals; "
        "a minus sign before a shortage"
    ),
    "草稿（未完成）已保存": "Draft (not complete) saved",
    "下一节：{next}（或在本节最后一项按回车）；上一节：{previous}": (
        "Next section: {next} (or Enter on the section's last item); previous section: {previous}"
    ),
}
