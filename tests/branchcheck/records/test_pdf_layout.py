"""The record PDF's layout: Chinese line-breaking rules, unbroken words and numbers, headings
kept with their tables."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from branchcheck.records import render_pdf, sealing
from branchcheck.records.pdf.linebreak import CANNOT_END, CANNOT_START, Para, break_lines
from branchcheck.records.pdf.page import Styles, register_font


def _lines(markup: str, width: float) -> list[str]:
    register_font()
    p = Para(markup, Styles().cell)
    p.wrap(width, 10_000)
    return ["".join(f.text for f in line.words) for line in p.blPara.lines]


RUNS = re.compile(r"[A-Za-z0-9¥*.,:/_\-]+")


@pytest.mark.parametrize("width", [30, 45, 60, 75, 90, 120, 150])
def test_words_numbers_and_punctuation_by_the_rules(width):
    text = (
        "钞箱 Cassettes 剩余张数核对，凭证号码 10285651–10285700 已核对；"
        "押运员身份证 360702********1234，金额 ¥1,283,900.00（长款）。"
        "文件 000_1561e782874b01c0.txt 与《人民币银行结算账户管理办法》第五十六条一致。"
    )
    lines = _lines(text, width)
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line[:1] not in CANNOT_START, (width, lines)
    for line in lines[:-1]:
        assert line.rstrip()[-1:] not in CANNOT_END, (width, lines)
    joined = "\n".join(lines)
    for run in RUNS.findall(text):
        if Para(run, Styles().cell).minWidth() <= width:
            assert run in joined.replace("\n ", "\n"), (run, width, lines)


def test_random_chinese_text_never_starts_a_line_with_a_comma():
    rng = random.Random(8)
    hanzi = "库存现金按券别清点与账面相符柜员尾箱核对"
    for _ in range(200):
        text = ""
        for _ in range(rng.randint(3, 40)):
            text += rng.choice(["", "", "", "（", "《"]) + rng.choice(hanzi) + rng.choice(hanzi)
            text += rng.choice(["", "", "，", "。", "、", "；", "：", "）", "》"])
        lines = _lines(text, rng.choice([40, 55, 70, 100]))
        assert "".join(lines) == text
        for a, b in zip(lines, lines[1:], strict=False):
            assert b[:1] not in CANNOT_START or len(a) == 1, lines
            assert a[-1:] not in CANNOT_END or len(b) == 0, lines


def _pages(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    path = tmp_path / "l.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]


HEADING = re.compile(
    r"^([一二三四五六七八九十]+、|附表|发现问题及整改|签名确认)|^序号\s+检查项目|^序号\s+问题"
)


@pytest.mark.parametrize("n_items", [14, 17, 20, 23, 26, 29, 33])
def test_no_heading_or_table_header_ends_a_page(tmp_path, rsample, cred, n_items):
    d = rsample.build_doc(n_items=n_items)
    pdf = render_pdf(d, sealing.seal_document(d, cred), cred)
    for no, lines in enumerate(_pages(pdf, tmp_path)[:-1], start=1):
        body = [line for line in lines if not re.search(r"第\s*\d+\s*页\s*共", line)]
        assert body and not HEADING.search(body[-1]), (n_items, no, body[-3:])


def test_alike_paragraphs_share_their_lines_and_unlike_ones_do_not():
    """Verifying many records breaks each recurring text once (linebreak.shared_break): the same
    text in the same style shares its lines; another colour, size or text breaks on its own, and
    the lines drawn are the ones breaking it alone gives."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    register_font()
    text = "现金库存与账面余额核对一致，券别登记簿记载完整（含残损券）；" * 3
    base = Styles().cell
    first, again = Para(text, base), Para(text, base)
    first.wrap(120, 1000)
    again.wrap(120, 1000)
    assert again.blPara is first.blPara and len(first.blPara.lines) > 2
    red = Para(text, ParagraphStyle("red", parent=base, textColor=colors.red))
    red.wrap(120, 1000)
    assert red.blPara is not first.blPara
    assert [w.text for line in red.blPara.lines for w in line.words] == [
        w.text for line in first.blPara.lines for w in line.words
    ]
    assert {w.textColor for line in red.blPara.lines for w in line.words} == {colors.red}
    other = Para(text[:-1], base)
    other.wrap(120, 1000)
    assert other.blPara is not first.blPara
    alone = break_lines(other.frags, [120], False)  # broken on its own, not shared
    assert [[w.text for w in line.words] for line in alone.lines] == [
        [w.text for w in line.words] for line in other.blPara.lines
    ]


@pytest.mark.parametrize(
    "markup",
    [
        "库存现金 ¥1,283,900.00，券别登记簿一致",
        "<b>网点负责人</b>查库：<font color='#c00000'>不一致</font> &amp; 已整改",
        "第一行<br/>第二行  with   spaces",
        "<i>Vault check</i> <font size='6'>small</font>",
    ],
)
def test_a_text_parsed_once_gives_every_paragraph_what_parsing_it_alone_gives(markup):
    """linebreak.shared_parse: a text recurring in a style alike in every attribute is parsed
    once, and each paragraph gets its own copies of exactly the fragments reportlab's parser
    makes of it alone."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    register_font()
    base = Styles().cell
    alone = Paragraph(markup, ParagraphStyle("same", parent=base))
    first, again = Para(markup, base), Para(markup, Styles().cell)  # another, alike style
    for para in (first, again):
        assert [vars(f) for f in para.frags] == [vars(f) for f in alone.frags]
    assert all(a is not b for a, b in zip(first.frags, again.frags, strict=True))
    first.frags[0].text = "changed"
    assert Para(markup, base).frags[0].text == alone.frags[0].text


def test_paragraphs_parsing_cannot_share_are_parsed_on_their_own():
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from branchcheck.records.pdf.linebreak import shared_parse

    register_font()
    base = Styles().cell
    link = "见 <a href='https://example.org'>附件</a>"
    underlined = "<u>下划线</u>"
    assert shared_parse(link, base, 1) is None and shared_parse(underlined, base, 1) is None
    para = Para(link, base)
    assert [f.text for f in para.frags] == [f.text for f in Paragraph(link, base).frags]
    bullet = ParagraphStyle("bullet", parent=base, bulletText="•")
    assert Para("要点", bullet).bulletText == Paragraph("要点", bullet).bulletText
    red = ParagraphStyle("red", parent=base, textColor=colors.red)
    assert {f.textColor for f in Para("同一文字", red).frags} == {colors.red}
    assert {f.textColor for f in Para("同一文字", base).frags} == {base.textColor}
