"""The shape checks every field of a holiday entry shares, and its errors with their lines.

``_EntryChecks`` holds one entry's check (the entry, its file, the list of
errors) and reports a mistake as ``file:line: holiday 'id': field 'key': ...``;
a choice of known ids, texts per language, a year and a flag are checked the
same way wherever they occur. Separate from ``entry.py`` (which fields a holiday
has, and the ``Holiday`` it becomes) and ``entryrules.py`` (when it falls), which
both build on it.
"""

from __future__ import annotations

from typing import Any

from ..reference import LANGUAGE_CODE, Reference


class _EntryChecks:
    """One holiday entry's check: where it is, what is known, the errors found so far."""

    def __init__(self, entry: Any, path: str, errors: list[str], reference: Reference):
        self.entry, self.path, self.errors, self.reference = entry, path, errors, reference
        self.label = "holiday"

    def error(self, key: str | None, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.entry.key_lines.get(key, self.entry.line) if key else self.entry.line
        where = f"field {key!r}: " if key else ""
        self.errors.append(f"{self.path}:{line}: {self.label}: {where}{message}")

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.entry.get(key)
        if key in self.entry and value not in allowed:
            self.error(key, f"unknown value {value!r} (allowed: {', '.join(allowed)})")
            return None
        return None if value is None else str(value)

    def texts(self, key: str, required: tuple[str, ...]) -> dict[str, str]:
        value = self.entry.get(key)
        if key not in self.entry:
            return {}
        if not isinstance(value, dict):
            self.error(key, "must be a mapping of language code to text, e.g. {de: ..., en: ...}")
            return {}
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not (isinstance(lang, str) and LANGUAGE_CODE.match(lang)):
                self.error(key, f"{lang!r} is not a language code such as 'de' or 'tr'")
            elif not (isinstance(text, str) and text.strip()):
                self.error(key, f"the {lang!r} text is empty or not a string")
            else:
                out[lang] = " ".join(text.split())
        missing = [lang for lang in required if lang not in value]
        if missing:
            self.error(key, f"missing language(s): {', '.join(missing)}")
        return out

    def year(self, key: str) -> int | None:
        value = self.entry.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9999:
            self.error(key, f"must be a year such as 1990, not {value!r}")
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"must be true or false, not {value!r}")
            return False
        return value
