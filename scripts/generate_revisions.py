"""Record the catalogue's feed revisions in data/feed-revisions.json (see interkultur.revisions).

Run it after editing data/holidays.yaml and commit both files:

    python scripts/generate_revisions.py          # update the history
    python scripts/generate_revisions.py --check  # CI: exit 1 if the history is stale

A changed holiday gets the current time as LAST-MODIFIED (never earlier than
its last one), and a higher SEQUENCE when its dates or names changed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from interkultur import catalog, revisions

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the recorded history is stale")
    parser.add_argument("--catalogue", default=str(ROOT / "data" / "holidays.yaml"))
    args = parser.parse_args(argv)
    loaded = catalog.load(args.catalogue)
    target = Path(args.catalogue).with_name(revisions.FILE_NAME)
    recorded = revisions.parse(target.read_text(encoding="utf-8")) if target.is_file() \
        else revisions.History({}, datetime(2026, 1, 1, tzinfo=UTC))
    fresh = revisions.updated(loaded, recorded, datetime.now(UTC))
    stale = sorted(h for h in fresh.holidays if fresh.holidays[h] != recorded.holidays.get(h))
    removed = sorted(set(recorded.holidays) - set(fresh.holidays))
    if args.check:
        if stale or removed:
            print(f"{target}: stale for {', '.join(stale + removed)}; run python scripts/generate_revisions.py",
                  file=sys.stderr)
            return 1
        print(f"{target}: up to date ({len(fresh.holidays)} holidays)")
        return 0
    target.write_text(fresh.as_json(), encoding="utf-8")
    print(f"{target}: {len(stale)} changed, {len(removed)} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
