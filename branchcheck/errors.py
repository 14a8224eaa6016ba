"""Every error a user can see. Each carries a message naming the file, row, item or field,
and where possible a hint saying what to do about it.

`message` is the text the command line prints. Where the window shows an error next to a field,
the error also carries it in the person's words in each language (`zh`, `en`; `words(lang)` picks
one), and an answer's error says where: `field`, `row` (1-based), `column` (the answer's field)."""

from __future__ import annotations

import re


class BranchCheckError(Exception):
    """Base of every error the core raises on purpose."""

    exit_code = 1

    def __init__(
        self, message: str, *, hint: str | None = None, zh: str | None = None, en: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return f"{self.message}\n  → {self.hint}" if self.hint else self.message

    def words(self, lang: str) -> str:
        """The error as a person reads it in `lang` ("zh" or "en"); the message where the error
        has no words of its own. The hint (English) goes with the English words only."""
        own = self.en if lang == "en" else self.zh
        if own is None:
            own = in_language(self.message, lang)
        return f"{own}\n  → {self.hint}" if self.hint and lang == "en" else own


# "中文 / English", "中文）/ English"; never "是/否" or "a/b"
_PAIR = re.compile(r" ?(?<![\w./])/ ")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def bilingual_halves(line: str) -> tuple[str, str] | None:
    """("中文", "English") of one "中文 / English" line, or None when it is not one such pair."""
    if "\n" in line:
        return None
    halves = _PAIR.split(line)
    if len(halves) != 2 or not _has_cjk(halves[0]) or not halves[1].strip():
        return None
    return halves[0].strip(), halves[1].strip()


def in_language(message: str, lang: str) -> str:
    """A core message written "中文 / English" in one language, line by line; a line that is not
    one such pair is kept as it is (a hint's leading "→" stays)."""
    lines = []
    for line in message.splitlines():
        lead = line[: len(line) - len(line.lstrip(" →"))]
        halves = bilingual_halves(line[len(lead) :])
        lines.append(line if halves is None else lead + halves[lang == "en"])
    return "\n".join(lines)


class TemplateError(BranchCheckError):
    """A checklist template file is malformed; the message names file and item."""

    exit_code = 2


class AnswerError(BranchCheckError):
    """An answer does not fit its item (wrong type, negative count, unknown option); `field`,
    `row` and `column` say where, when the error knows."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        zh: str | None = None,
        en: str | None = None,
        field: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint, zh=zh, en=en)
        self.field = field
        self.row = row
        self.column = column


class MissingAnswersError(AnswerError):
    """Completing an inspection with required items unanswered; `missing` lists their keys."""

    def __init__(self, message: str, missing: list[str]) -> None:
        super().__init__(message, hint="answer them, then complete the inspection")
        self.missing = list(missing)


class InputFileError(BranchCheckError):
    """An input file (answers, spreadsheet, mapping) cannot be used as given."""

    exit_code = 2


class PeopleRuleError(BranchCheckError):
    """The people of an inspection break a rule: same person twice, wrong role, self-check."""

    exit_code = 2


class EntryError(BranchCheckError):
    """What an inspection is started with does not hold: a deputy's authorisation, the date of the
    inspection, a late entry's reason. `fields` maps each wrong field to its message."""

    exit_code = 2

    def __init__(self, fields: dict[str, str], *, hint: str | None = None) -> None:
        super().__init__("\n".join(fields.values()), hint=hint)
        self.fields = dict(fields)


class AuthError(BranchCheckError):
    """Sign-in failed or the user may not do this."""

    exit_code = 3


class KeyPasswordError(BranchCheckError):
    """The password of a signing key is wrong or the key file cannot be opened."""

    exit_code = 3


class NotFoundError(BranchCheckError):
    """A record, person, checklist or inspection does not exist."""

    exit_code = 4


class StateError(BranchCheckError):
    """The action does not fit the object's state (answering a sealed record, signing twice)."""

    exit_code = 5


class VerifyError(BranchCheckError):
    """A record file failed verification."""

    exit_code = 6
