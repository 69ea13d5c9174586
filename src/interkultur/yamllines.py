"""YAML with line numbers: every data file people edit reports mistakes as ``file:line``.

Shared by the holiday catalogue and its sibling files (traditions, languages,
categories), so that ``interkultur check`` words every problem alike.
"""

from __future__ import annotations

import functools
from typing import Any


class DataFileError(Exception):
    """A data file that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


class LineMapping(dict[Any, Any]):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]
    #: For a key whose value is a list: the line of each item (a plain text has no line of its own).
    item_lines: dict[Any, list[int]]


@functools.cache
def _loader(dates_as_text: bool = False) -> Any:
    """Safe loader that records line numbers and rejects duplicate keys; ``dates_as_text`` leaves
    dates as text (the events file, so that 30 February is reported as ``file:line`` rather than
    failing inside the YAML library).

    Built on first use: PyYAML is needed only when a data file is actually read, which a run whose
    catalogue, places and Länder come from the disk cache (``diskcache``) never does; importing it is
    a tenth of a one-year CLI call.
    """
    import yaml

    try:  # the C loader is several times faster; fall back where libyaml is missing
        base: Any = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        base = yaml.SafeLoader

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineMapping:
        loader.flatten_mapping(node)
        mapping = LineMapping()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        mapping.item_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in mapping:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
            if isinstance(value_node, yaml.SequenceNode):
                mapping.item_lines[key] = [item.start_mark.line + 1 for item in value_node.value]
        return mapping

    loader: Any = type("LineLoader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    if dates_as_text:
        loader.yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in base.yaml_implicit_resolvers.items()
        }
    return loader


def parse(text: str, path: str, error: type[DataFileError] = DataFileError, dates_as_text: bool = False) -> Any:
    """The YAML document in ``text``; a syntax error raises ``error`` with ``path:line``."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader(dates_as_text))  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        raise error([f"{path}:{line}: YAML syntax error: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise error([f"{path}: YAML error: {exc}"]) from None


def read(path: str, what: str, error: type[DataFileError] = DataFileError) -> tuple[str, bytes]:
    """The UTF-8 text and raw bytes of a data file; unreadable or non-UTF-8 files raise ``error``."""
    from pathlib import Path

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise error([f"{path}: cannot read the {what}: {exc.strerror or exc}"]) from None
    try:
        return raw.decode("utf-8"), raw
    except UnicodeDecodeError as exc:
        raise error([f"{path}: the {what} is not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
