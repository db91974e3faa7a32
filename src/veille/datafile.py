"""Reading the YAML files veille and its users write (sources, watchlists, the event vocabulary,
trigger lexicons): one error message for every way a file can be unreadable, naming the file and,
for bad YAML, the line and column.

`read_yaml` gives the file's value. `read_located` gives it with the line of every key and item,
by its path of keys and list indexes (`Located.line`), so that a checker can name the line of a
misspelt key or a wrong value (`Located.error`: "FILE, line N: types.AGREE.famly: ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A file that cannot be read as YAML, or that says something wrong; the message names the file."""


Key = str | int  # a mapping's key or a list's index


@dataclass(frozen=True)
class Located:
    """A YAML file's value, with the line (1-based) of each key and list item, by its path."""

    name: str  # the file, as errors name it
    value: Any
    lines: dict[tuple[Key, ...], int] = field(default_factory=dict)

    def line(self, path: tuple[Key, ...]) -> int | None:
        """The line of `path`, else of its nearest ancestor the file holds."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def error(self, path: tuple[Key, ...], message: str) -> DataFileError:
        line = self.line(path)
        where = f", line {line}" if line is not None else ""
        dotted = ".".join(str(k) for k in path)
        return DataFileError(f"{self.name}{where}: {dotted + ': ' if dotted else ''}{message}")


def read_yaml(path: str | Path) -> Any:
    path = Path(path)
    with _reading(str(path)):
        return yaml.safe_load(path.read_text("utf-8"))


def read_located(path: str | Path | Traversable, name: str | None = None) -> Located:
    """The file's value and the line of each of its keys and items (`name`: how errors name it,
    its path by default)."""
    name = name or str(path)
    with _reading(name):
        loader = yaml.SafeLoader(path.read_text("utf-8"))
        try:
            node = loader.get_single_node()
            if node is None:
                return Located(name, None, {})
            value = loader.construct_document(node)
            lines: dict[tuple[Key, ...], int] = {}
            _mark(loader, node, (), lines)
        finally:
            loader.dispose()
    return Located(name, value, lines)


def _mark(loader: yaml.SafeLoader, node: yaml.Node, path: tuple[Key, ...], lines: dict[tuple[Key, ...], int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if isinstance(key, str | int):
                _mark(loader, value_node, (*path, key), lines)
                lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _mark(loader, item, (*path, index), lines)


@contextmanager
def _reading(name: str) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise DataFileError(f"{name}: cannot read: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise DataFileError(f"{name}: not UTF-8 text") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise DataFileError(f"{name}: not valid YAML{where}: {problem}") from error
