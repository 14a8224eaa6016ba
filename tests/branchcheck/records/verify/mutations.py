"""Random single changes to record files, shared by the tamper fuzz (test_fuzz.py) and the soak
run (bench/soak_verify.py). Each returns (kind, changed bytes); the change is never a no-op."""

from __future__ import annotations

import random
import re
import zipfile
from io import BytesIO

PDF_KINDS = ("bit", "padding", "hex_case", "der_digit", "append", "last_update")
XLSX_KINDS = ("bit", "member_byte", "attribute", "extra", "drop", "rename", "swap", "deflated")

_ATTRIBUTE = re.compile(rb'(\s[A-Za-z:]+=")([^"]*)(")')


def _flip(data: bytes, at: int, rng: random.Random) -> bytes:
    out = bytearray(data)
    out[at] ^= 1 << rng.randrange(8)
    return bytes(out)


def _contents(data: bytes) -> tuple[int, int]:
    start = data.rindex(b"/Contents <") + len(b"/Contents <")
    return start, data.index(b">", start)


def mutate_pdf(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(PDF_KINDS)
    if kind == "bit":
        return kind, _flip(data, rng.randrange(len(data)), rng)
    start, end = _contents(data)
    if kind == "padding":  # one hex digit of the signature's zero padding
        at = rng.randrange(end - 64, end)
        out = bytearray(data)
        out[at] = ord(rng.choice("123456789ABCDEF")) if out[at] == ord("0") else ord("0")
        return kind, bytes(out)
    if kind == "hex_case":  # the same signature bytes written in lower case
        letters = [i for i in range(start, end) if chr(data[i]) in "ABCDEF"]
        at = rng.choice(letters)
        return kind, data[:at] + chr(data[at]).lower().encode() + data[at + 1 :]
    if kind == "der_digit":  # one hex digit of the DER signature (certificates, versions, ...)
        zeros = len(data[start:end]) - len(data[start:end].rstrip(b"0"))
        at = rng.randrange(start, end - zeros)
        digit = rng.choice([c for c in "0123456789ABCDEF" if ord(c) != data[at]])
        return kind, data[:at] + digit.encode() + data[at + 1 :]
    if kind == "append":
        return kind, data + rng.choice([b"\n", b"%%EOF\n", b" ", b"\n% note\n"])
    last = data.rindex(b"startxref")  # a bit of the signed update's trailer or xref
    return kind, _flip(data, rng.randrange(last - 600, len(data)), rng)


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def _stored(members: list[tuple[str, bytes]]) -> bytes:
    from branchcheck.records.excel import canonical_package

    return canonical_package(members)


def _attribute(content: bytes, rng: random.Random) -> bytes | None:
    found = list(_ATTRIBUTE.finditer(content))
    if not found:
        return None
    m = rng.choice(found)
    value = m.group(2)
    new = value + b"1" if not value or rng.random() < 0.5 else value[:-1]
    return content[: m.start(2)] + new + content[m.end(2) :]


def mutate_xlsx(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(XLSX_KINDS)
    if kind == "bit":
        return kind, _flip(data, rng.randrange(len(data)), rng)
    members = _members(data)
    body, manifest = members[:-1], members[-1]
    i = rng.randrange(len(body))
    name, content = body[i]
    if kind == "member_byte" or (kind == "attribute" and _attribute(content, rng) is None):
        if not content:
            content = b" "
        body[i] = (name, _flip(content, rng.randrange(len(content)), rng))
        return "member_byte" if kind == "member_byte" else "attribute", _stored([*body, manifest])
    if kind == "attribute":
        body[i] = (name, _attribute(content, rng) or content)
    elif kind == "extra":
        body.insert(rng.randrange(len(body) + 1), ("xl/media/extra.bin", b"x"))
    elif kind == "drop":
        del body[i]
    elif kind == "rename":
        body[i] = (name + "x", content)
    elif kind == "swap":
        j = (i + 1) % len(body)
        body[i], body[j] = body[j], body[i]
    else:  # the same members, written by an ordinary zip writer
        buf = BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n, c in [*body, manifest]:
                z.writestr(n, c)
        return kind, buf.getvalue()
    return kind, _stored([*body, manifest])
