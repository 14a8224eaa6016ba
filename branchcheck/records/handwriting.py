"""Handwritten signatures: polylines in a 600×240 box (origin top-left), rendered to PNG with
Pillow. No Qt here: the UI collects the strokes, the core validates and renders them."""

from __future__ import annotations

import hashlib
import io
import math
import random
from typing import Any

from branchcheck.errors import AnswerError

BOX_WIDTH = 600
BOX_HEIGHT = 240
MAX_STROKES = 500
MAX_POINTS = 50_000
INK = 24  # near-black, grey level
_SUPERSAMPLE = 3
_PEN = 4

Strokes = list[list[list[int]]]


def validate_strokes(strokes: Any, *, width: int = BOX_WIDTH, height: int = BOX_HEIGHT) -> Strokes:
    """Check and normalise strokes to `[[[x, y], ...], ...]` of ints inside the box."""
    if not isinstance(strokes, list | tuple):
        raise AnswerError("signature: strokes must be a list of polylines")
    if not strokes:
        raise AnswerError("signature is empty: draw the signature before confirming")
    if len(strokes) > MAX_STROKES:
        raise AnswerError(f"signature: too many strokes ({len(strokes)} > {MAX_STROKES})")
    out: Strokes = []
    total = 0
    for i, stroke in enumerate(strokes):
        if not isinstance(stroke, list | tuple):
            raise AnswerError(f"signature: stroke {i + 1} is not a list of points")
        if not stroke:
            raise AnswerError(f"signature: stroke {i + 1} has no points")
        line: list[list[int]] = []
        for j, point in enumerate(stroke):
            if (
                not isinstance(point, list | tuple)
                or len(point) != 2
                or any(isinstance(c, bool) or not isinstance(c, int) for c in point)
            ):
                raise AnswerError(
                    f"signature: stroke {i + 1} point {j + 1} must be [x, y] integers, got {point!r}"
                )
            x, y = point
            if not (0 <= x <= width and 0 <= y <= height):
                raise AnswerError(
                    f"signature: stroke {i + 1} point {j + 1} ({x}, {y}) is outside the "
                    f"{width}×{height} box"
                )
            line.append([x, y])
        total += len(line)
        if total > MAX_POINTS:
            raise AnswerError(f"signature: too many points (more than {MAX_POINTS})")
        out.append(line)
    if total < 2:
        raise AnswerError("signature is empty: draw the signature before confirming")
    return out


def render_png(strokes: Any, *, width: int = BOX_WIDTH, height: int = BOX_HEIGHT) -> bytes:
    """Dark ink on white, greyscale PNG. Deterministic: the same strokes give identical bytes
    (drawn supersampled and reduced, saved without any time or text metadata)."""
    from PIL import Image, ImageDraw

    lines = validate_strokes(strokes, width=width, height=height)
    s = _SUPERSAMPLE
    img = Image.new("L", (width * s, height * s), 255)
    draw = ImageDraw.Draw(img)
    pen = _PEN * s
    r = pen / 2
    for line in lines:
        pts = [(x * s + s / 2, y * s + s / 2) for x, y in line]
        if len(pts) > 1:
            draw.line(pts, fill=INK, width=pen)
        for x, y in pts:  # round joints and caps; a single point becomes a dot
            draw.ellipse((x - r, y - r, x + r, y + r), fill=INK)
    img = img.resize((width, height), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=9)
    return buf.getvalue()


def demo_strokes(seed_text: str) -> Strokes:
    """A plausible cursive scribble derived from `seed_text` (e.g. a name). Demo data only."""
    seed = int.from_bytes(hashlib.sha256(seed_text.encode("utf-8")).digest()[:8], "big")
    rng = random.Random(seed)
    strokes: Strokes = []
    n_words = rng.choice((1, 2, 2, 3))
    x = rng.uniform(40, 80)
    baseline = rng.uniform(140, 165)
    slant = rng.uniform(0.15, 0.4)
    space = (520 - x) / n_words
    for _w in range(n_words):
        n_loops = rng.randint(2, 4)
        advance = space * rng.uniform(0.65, 0.85) / n_loops
        pts: list[tuple[float, float]] = []
        phase = rng.uniform(0, math.pi / 2)
        # A trochoid-like line of loops: the pen moves right while circling; loop height and
        # width change smoothly from loop to loop (cosine interpolation between random values).
        heights = [rng.uniform(35, 90) for _ in range(n_loops + 1)]
        widths = [advance * rng.uniform(0.45, 0.75) for _ in range(n_loops + 1)]
        steps = 20
        for i in range(n_loops * steps + 1):
            u = i / steps
            k = min(int(u), n_loops - 1)
            f = (1 - math.cos(math.pi * (u - k))) / 2
            height = heights[k] + (heights[k + 1] - heights[k]) * f
            width = widths[k] + (widths[k + 1] - widths[k]) * f
            a = phase + 2 * math.pi * u
            px = x + advance * u + width * math.sin(a) * 0.8
            py = baseline - height / 2 - (height / 2) * math.cos(a)
            px += slant * (baseline - py)
            pts.append((px, py))
        # A trailing tail down and to the right.
        tx, ty = pts[-1]
        for t in range(1, 6):
            pts.append((tx + t * 6, ty + t * rng.uniform(3, 7)))
        strokes.append(_clip(pts))
        x += space
    # A flourish underline across the whole name.
    y0 = baseline + rng.uniform(15, 30)
    left, right = rng.uniform(30, 90), rng.uniform(440, 570)
    bow = rng.uniform(-12, 12)
    under = []
    for t in range(25):
        u = t / 24
        under.append((left + (right - left) * u, y0 + bow * math.sin(math.pi * u) - 8 * u))
    strokes.append(_clip(under))
    return strokes


def _clip(pts: list[tuple[float, float]]) -> list[list[int]]:
    out: list[list[int]] = []
    for px, py in pts:
        p = [min(BOX_WIDTH - 2, max(2, round(px))), min(BOX_HEIGHT - 2, max(2, round(py)))]
        if not out or out[-1] != p:
            out.append(p)
    return out
