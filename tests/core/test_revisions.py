"""Feed revision history (interkultur.revisions): DTSTAMP, SEQUENCE and LAST-MODIFIED across catalogue edits."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from interkultur import revisions
from interkultur.catalog import load, loads
from support_http import REPO

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def edited(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def editors_copy(folder: Path, shipped: Path, saved_at: datetime) -> Path:
    """An editor's copy of the catalogue with Epiphany moved to 7 January, saved at ``saved_at``: the
    holiday file with its translations (names in every language are content), without a history."""
    import os
    import shutil

    copy = folder / "holidays.yaml"
    copy.write_text(
        edited(shipped.read_text(encoding="utf-8"), "    rule: 01-06\n", "    rule: 01-07\n"), encoding="utf-8"
    )
    shutil.copytree(shipped.parent / "translations", folder / "translations")
    os.utime(copy, (saved_at.timestamp(), saved_at.timestamp()))
    return copy


def test_shipped_history_matches_the_shipped_catalogue():
    """Needs the repository: the generator's --check, as CI runs it."""
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "generate_revisions.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_unchanged_catalogue_keeps_every_revision(catalogue):
    first = revisions.updated(catalogue, revisions.History({}, T0), T0)
    later = revisions.updated(catalogue, first, T0 + timedelta(days=30))
    assert later.holidays == first.holidays and later.generated == T0
    assert all(r.sequence == 0 and r.last_modified == T0 for r in first.holidays.values())


def test_description_edit_is_newer_but_not_rescheduled(shipped_catalogue_path: Path):
    text = shipped_catalogue_path.read_text(encoding="utf-8")
    before = loads(text, "a.yaml")
    history = revisions.updated(before, revisions.History({}, T0), T0)
    after = loads(
        edited(text, "Fest der Erscheinung des Herrn;", "Fest der Erscheinung des Herrn (Epiphanie);"), "a.yaml"
    )
    later = revisions.updated(after, history, T0 + timedelta(days=2))
    assert later.holidays["epiphany"].sequence == 0
    assert later.holidays["epiphany"].last_modified == T0 + timedelta(days=2)
    assert later.holidays["good-friday"] == history.holidays["good-friday"]


def test_rule_edit_raises_the_sequence_and_never_goes_back_in_time(shipped_catalogue_path: Path):
    text = shipped_catalogue_path.read_text(encoding="utf-8")
    history = revisions.updated(loads(text, "a.yaml"), revisions.History({}, T0), T0)
    moved = loads(edited(text, "    rule: 01-06\n", "    rule: 01-07\n"), "a.yaml")
    # the editor's clock is behind the recorded change: the revision still moves forward
    later = revisions.updated(moved, history, T0 - timedelta(days=1))
    assert later.holidays["epiphany"].sequence == 1
    assert later.holidays["epiphany"].last_modified > history.holidays["epiphany"].last_modified


def test_history_round_trips_through_its_file_format(catalogue):
    history = revisions.updated(catalogue, revisions.History({}, T0), T0)
    assert revisions.parse(history.as_json()) == history


def test_a_catalogue_without_its_own_history_uses_the_shipped_one(tmp_path: Path, shipped_catalogue_path: Path):
    copy = tmp_path / "holidays.yaml"
    copy.write_text(shipped_catalogue_path.read_text(encoding="utf-8"), encoding="utf-8")
    assert revisions.load_for(load(copy)) == revisions.parse(revisions.shipped_path().read_text(encoding="utf-8"))


def test_an_edited_copy_is_served_as_a_newer_revision(tmp_path: Path, shipped_catalogue_path: Path):
    """An editor's copy without its own history: the edited holiday moves on, every other event stays."""
    from datetime import date

    from icalendar import Calendar

    from interkultur import ical
    from interkultur.engine import Engine

    edited_at = datetime(2031, 5, 4, 3, 2, 1, tzinfo=UTC)
    catalogue = load(editors_copy(tmp_path, shipped_catalogue_path, edited_at))
    shipped = revisions.parse(revisions.shipped_path().read_text(encoding="utf-8"))
    history = revisions.serving(catalogue)
    found = Engine(catalogue).occurrences(date(2030, 1, 1), date(2030, 1, 31))
    body = ical.build_calendar(found, lang="de", catalogue=catalogue, history=history)
    by_id = {str(e["UID"]).rsplit("-", 1)[0]: e for e in Calendar.from_ical(body).walk("VEVENT")}
    epiphany = by_id["epiphany"]
    assert int(epiphany["SEQUENCE"]) == shipped.holidays["epiphany"].sequence + 1
    assert epiphany["LAST-MODIFIED"].dt == epiphany["DTSTAMP"].dt == edited_at
    others = [i for i in by_id if i != "epiphany" and i in shipped.holidays]
    assert others
    for holiday_id in others:
        assert by_id[holiday_id]["DTSTAMP"].dt == shipped.holidays[holiday_id].last_modified
        assert int(by_id[holiday_id]["SEQUENCE"]) == shipped.holidays[holiday_id].sequence


def test_the_served_history_kept_on_disk_is_the_history_computed_afresh(
    tmp_path: Path, shipped_catalogue_path: Path, monkeypatch
):
    """revisions.serving is kept in the disk cache; an editor's later save must still move the stamp."""
    import os

    from interkultur import diskcache

    first_save = datetime(2031, 5, 4, 3, 2, 1, tzinfo=UTC)
    copy = editors_copy(tmp_path, shipped_catalogue_path, first_save)
    catalogue = load(copy)
    monkeypatch.setenv(diskcache.ENV_VARIABLE, "off")
    fresh = revisions.serving(catalogue)
    monkeypatch.setenv(diskcache.ENV_VARIABLE, str(tmp_path / "cache"))
    assert revisions.serving(catalogue) == fresh  # computed and stored
    assert list((tmp_path / "cache").glob("revisions-*.pickle"))
    assert revisions.serving(catalogue) == fresh  # read back
    assert fresh.holidays["epiphany"].last_modified == first_save
    second_save = first_save + timedelta(days=3)
    os.utime(copy, (second_save.timestamp(), second_save.timestamp()))
    assert revisions.serving(catalogue).holidays["epiphany"].last_modified == second_save
