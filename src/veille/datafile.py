"""Reading the YAML files users write (sources, watchlists): one error message for every way a
file can be unreadable, naming the file and, for bad YAML, the line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A file that cannot be read as YAML; the message names the file."""


def read_yaml(path: str | Path) -> Any:
    path = Path(path)
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except OSError as error:
        raise DataFileError(f"{path}: cannot read: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise DataFileError(f"{path}: not UTF-8 text") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise DataFileError(f"{path}: not valid YAML{where}: {problem}") from error
