"""Constants shared by the core tests (importable, unlike conftest.py)."""

from __future__ import annotations

from pathlib import Path

CORE = Path(__file__).resolve().parent
BROKEN = CORE / "broken"

#: A small catalogue of our own for the CLI tests, so that they do not depend on
#: what the shipped catalogue happens to contain today.
MINI_CATALOGUE = """\
version: "mini-1"
holidays:
  - id: christmas
    tradition: christianity
    names: {de: Weihnachten, en: Christmas}
    description: {de: Geburt Jesu., en: Birth of Jesus.}
    rule: 12-25
    days: 2
    category: major
    sources: [{publisher: "Test", title: "test"}]
  - id: pesach
    tradition: judaism
    names: {de: Pessach, en: Passover}
    description: {de: Auszug aus Ägypten., en: Exodus from Egypt.}
    rule: hebrew 15 Nisan
    days: {diaspora: 8, israel: 7}
    starts_evening_before: true
    category: major
    sources: [{publisher: "Test", title: "test"}]
  - id: eid-al-fitr
    tradition: islam
    names: {de: Ramadanfest, en: Eid al-Fitr, tr: Ramazan Bayramı, ar: عيد الفطر}
    description: {de: Fastenbrechen., en: Breaking of the fast.}
    rule: hijri 1 Shawwal
    days: 3
    starts_evening_before: true
    category: major
    sources: [{publisher: "Test", title: "test"}]
  - id: international-womens-day
    tradition: international
    names: {de: Internationaler Frauentag, en: International Women's Day}
    description: {de: Frauentag., en: Women's day.}
    rule: 03-08
    category: observance
    sources: [{publisher: "Test", title: "test"}]
"""
