"""Line breaking of the record's paragraphs by the Chinese rules (GB/T 15834 and common
typesetting practice, 禁则): a line never starts with closing punctuation (，。、；：？！）》 …)
and never ends with opening punctuation (（《“ …); runs of Latin letters and digits — English
words, serial, voucher and ID numbers, amounts such as ¥1,283,900.00 — are never broken, unless
one alone is wider than the line. reportlab's own CJK wrapping breaks anywhere."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    ParaLines,
    cjkU,
    cleanBlockQuotedText,
    makeCJKParaLine,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaParser
from reportlab.rl_config import _FUZZ

# Never at the start of a line: closing brackets and quotes, stops, commas, colons, marks that
# follow what they qualify (％ ° ‰ …).
CANNOT_START = set(
    "!),.:;?]}%'\"，。、；：？！）】》」』〕〉〗”’…—～·％‰°℃\uff09\uff3d\uff5d\u30fb\u3005\uff0e"
)
# Never at the end of a line: opening brackets and quotes, currency signs before their amount.
CANNOT_END = set("([{（【《「『〔〈〖“‘¥￥$£€#@")


def _glued(c: str) -> bool:
    """Whether `c` belongs to an unbreakable Latin run (letters, digits and the marks inside
    numbers, codes and file names)."""
    return (c.isascii() and c.isprintable() and not c.isspace()) or c in "¥￥×"


def may_break(before: str, after: str) -> bool:
    """Whether a line may end after `before` and the next start with `after`."""
    if not before or not after:
        return True
    if after.isspace():
        return False  # a space stays at the end of its line
    if before.isspace():
        return True
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (_glued(before) and _glued(after))


def _cut(glyphs: list[Any], start: int, i: int) -> int:
    """Where the line from `start` ends when glyph `i` overflows it: at the last break the rules
    allow; else a closing mark hangs in the margin (标点悬挂); else a unit wider than the line is
    cut where a closing mark does not start the next line; else at the overflow."""
    for j in range(i, start, -1):
        if may_break(glyphs[j - 1], glyphs[j]):
            return j
    if glyphs[i] in CANNOT_START:
        return i + 1
    for j in range(i, start, -1):
        if glyphs[j] not in CANNOT_START and glyphs[j - 1] not in CANNOT_END:
            return j
    return i


def break_lines(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """The lines of a paragraph's fragments, greedy, breaking only where may_break allows (a
    unit wider than the line is cut, see _cut)."""
    glyphs: list[Any] = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        if text:
            glyphs.extend(cjkU(t, f, "utf8") for t in text)
        else:
            glyphs.append(cjkU(text, f, "utf8"))

    def width_at(line_no: int) -> float:
        return max_widths[min(line_no, len(max_widths) - 1)]

    def emit(end: int, used: float, forced: bool) -> None:
        max_width = width_at(len(lines))
        lines.append(
            makeCJKParaLine(
                glyphs[start:end], max_width, used, max_width - used, forced, calc_bounds
            )
        )

    lines: list[Any] = []
    start = 0
    used = 0.0
    i = 0
    while i < len(glyphs):
        g = glyphs[i]
        if hasattr(g.frag, "lineBreak"):
            emit(i + 1, used, True)
            start, used, i = i + 1, 0.0, i + 1
            continue
        if used + g.width > width_at(len(lines)) + _FUZZ and i > start and not g.isspace():
            cut = _cut(glyphs, start, i)
            line_width = sum(x.width for x in glyphs[start:cut])
            emit(cut, line_width, False)
            start, i = cut, max(i, cut)
            used = sum(x.width for x in glyphs[start:i])
            continue
        used += g.width
        i += 1
    if start < len(glyphs):
        emit(len(glyphs), used, False)
    return ParaLines(kind=1, lines=lines)


_PLAIN = (str, int, float, bool, type(None))
_SHARED: dict[tuple[Any, ...], ParaLines] = {}
_SHARED_LOCK = threading.Lock()
_SHARED_MAX = 20_000  # paragraphs' lines kept; a record has a few hundred, most repeat


def _frag_key(frag: Any) -> tuple[Any, ...] | None:
    """Every attribute of a fragment, as a key; None when one is not plain (an image, a link,
    an underline: those paragraphs are broken on their own)."""
    out: list[tuple[Any, ...]] = []
    for name, value in sorted(vars(frag).items()):
        if isinstance(value, _PLAIN):
            out.append((name, value))
        elif isinstance(value, list) and not value:
            out.append((name, ()))
        elif isinstance(value, Color):
            out.append((name, type(value).__name__, tuple(value.rgba())))
        else:
            return None
    return tuple(out)


def shared_break(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """break_lines, shared by paragraphs whose fragments are alike in every attribute: a record's
    item texts, headings and labels recur in every record of its checklist, and verifying many
    records lays each out again. The lines hold copies of the fragments (makeCJKParaLine clones
    them), never the paragraph's own, so alike paragraphs draw the same bytes from one result."""
    keys = [_frag_key(f) for f in frags]
    if any(k is None for k in keys):
        return break_lines(frags, max_widths, calc_bounds)
    key = (tuple(keys), tuple(max_widths), calc_bounds)
    with _SHARED_LOCK:
        done = _SHARED.get(key)
    if done is not None:
        return done
    done = break_lines(frags, max_widths, calc_bounds)
    with _SHARED_LOCK:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.pop(next(iter(_SHARED)))
        _SHARED[key] = done
    return done


_STYLE_KEYS: weakref.WeakKeyDictionary[Any, tuple[Any, ...] | None] = weakref.WeakKeyDictionary()


def _style_key(style: Any) -> tuple[Any, ...] | None:
    """Every attribute of a paragraph style, as a key (None when one is not plain); worked out
    once per style object, as reportlab treats a style: set when made, then only read."""
    try:
        return _STYLE_KEYS[style]
    except KeyError:
        key = _style_attributes(style)
    _STYLE_KEYS[style] = key
    return key


def _style_attributes(style: Any) -> tuple[Any, ...] | None:
    out: list[tuple[Any, ...]] = []
    for name, value in sorted(vars(style).items()):
        if name == "parent":
            continue
        if isinstance(value, _PLAIN):
            out.append((name, value))
        elif isinstance(value, Color):
            out.append((name, type(value).__name__, tuple(value.rgba())))
        else:
            return None
    return tuple(out)


# paragraphs' fragments kept, the least recently used dropped first: the recurring texts of a few
# checklists stay while one-off texts (amounts, names, times) pass through; bounded, as a
# head-office worker verifies thousands of records (None: a paragraph parsed on its own)
_PARSED: OrderedDict[tuple[Any, ...], list[Any] | None] = OrderedDict()
_PARSED_MAX = 3_000


def _fresh(frag: Any) -> Any:
    """A copy of a kept fragment that shares nothing mutable with it."""
    copy = frag.clone()
    for name, value in vars(copy).items():
        if isinstance(value, list):
            setattr(copy, name, [])  # _frag_key admits only empty lists
    return copy


def shared_parse(text: str, style: Any, case_sensitive: int) -> list[Any] | None:
    """The fragments reportlab's parser makes of `text` in `style`, parsed once for every
    paragraph of the same text in a style alike in every attribute (a record's labels and item
    texts recur in every record; verifying many records lays each out again). Each paragraph
    gets its own copies. None when the paragraph must be parsed on its own: a bullet, a <para>
    tag that changes the style, a fragment that is not plain (an image, a link, an underline)."""
    style_key = _style_key(style)
    if style_key is None or not isinstance(text, str):
        return None
    key = (text, style_key, case_sensitive)
    with _SHARED_LOCK:
        seen, kept = key in _PARSED, _PARSED.get(key)
        if seen:
            _PARSED.move_to_end(key)
    if not seen:
        parser = ParaParser()
        parser.caseSensitive = case_sensitive
        parsed_style, frags, bullet = parser.parse(cleanBlockQuotedText(text), style)
        kept = None
        if frags is not None and parsed_style is style and not bullet:
            textTransformFrags(frags, style)
            if all(_frag_key(f) is not None for f in frags):
                kept = frags
        with _SHARED_LOCK:
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.popitem(last=False)
            _PARSED[key] = kept
    return None if kept is None else [_fresh(f) for f in kept]


class Para(Paragraph):
    """A paragraph wrapped by break_lines (styles with wordWrap="CJK"), its text parsed once
    for all paragraphs alike (shared_parse)."""

    def __init__(
        self,
        text: Any,
        style: Any = None,
        bulletText: Any = None,  # noqa: N803 reportlab API name
        frags: Any = None,
        caseSensitive: int = 1,  # noqa: N803 reportlab API name
        encoding: str = "utf8",
    ) -> None:
        if frags is None and style is not None and bulletText is None:
            if getattr(style, "bulletText", None) is None:
                frags = shared_parse(text, style, caseSensitive)
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # reportlab API name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return self.blPara  # the lines of a paragraph split across pages, already broken
        if not self.frags or self.bulletText or self.style.endDots:
            return super().breakLinesCJK(maxWidths)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        self.height = 0
        # a table measures each cell's paragraph several times at the same widths: the lines
        # are a pure function of the fragments and the widths, so break them once per width
        key = (tuple(maxWidths), auto not in ("", "off"), id(self.frags))
        cache = self.__dict__.setdefault("_broken", {})
        if key not in cache:
            cache[key] = shared_break(self.frags, list(maxWidths), key[1])
        return cache[key]


def unbreakable_width(text: str, font: str, size: float) -> float:
    """The width of the widest run of `text` that break_lines never breaks."""
    widest, run = 0.0, ""
    for before, c in zip(" " + text, text, strict=False):
        run = run + c if not may_break(before, c) else c
        widest = max(widest, stringWidth(run.strip(), font, size))
    return widest


def fit_widths(weights: list[float], mins: list[float], total: float) -> list[float]:
    """Widths in proportion to `weights` adding up to `total`, none below its `mins` entry
    (the minimums scaled down together when they alone exceed `total`)."""
    if sum(mins) >= total:
        return [total * m / sum(mins) for m in mins]
    fixed: dict[int, float] = {}
    while True:
        free = total - sum(fixed.values())
        rest = [i for i in range(len(weights)) if i not in fixed]
        share = sum(weights[i] for i in rest)
        widths = {i: free * weights[i] / share for i in rest}
        short = {i: mins[i] for i in rest if widths[i] < mins[i]}
        if not short:
            return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(weights))]
        fixed.update(short)
