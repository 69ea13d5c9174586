"""Print pip constraints that pin every dependency to its lowest declared version.

CI installs the newest versions a resolver picks (as a user would) and, in a
second environment, these lowest ones, so a lower bound in pyproject.toml that
the code has outgrown fails CI instead of a user's installation.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

BOUND = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)")


def lowest(requirements: list[str]) -> list[str]:
    """``name==version`` for each requirement with a ``>=`` lower bound."""
    pins = []
    for requirement in requirements:
        match = BOUND.match(requirement)
        if match:
            pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


def main() -> None:
    project = tomllib.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    print("\n".join(lowest(requirements)))


if __name__ == "__main__":
    main()
