"""Where user actor files live: every *.yaml / *.json there extends the shipped base.

`$VEILLE_ACTORS_DIR`, else `~/.veille/actors`. `veille actors add` and `veille actors
import` write there; the linker loads the files at start-up. On a Dask cluster, give
every worker the same folder (or the same files) so that all of them link alike.
"""

from __future__ import annotations

import os
from pathlib import Path


def actors_dir() -> Path:
    return Path(os.environ.get("VEILLE_ACTORS_DIR") or Path.home() / ".veille" / "actors")


def user_files() -> list[Path]:
    folder = actors_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.is_file())
