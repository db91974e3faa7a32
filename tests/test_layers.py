"""The layering of veille's packages holds: `lint-imports` (import-linter, configured in
pyproject.toml's [tool.importlinter]) keeps every contract — serve → store → model, events →
actors → nlp, nothing imports the web layer or a command line from below, and no import cycle
between the modules of a package or between packages (local and TYPE_CHECKING imports count).

`make lint` runs the same command; this test makes `pytest tests` check it too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert command, "lint-imports is missing: install the dev extras (pip install -e '.[dev]')"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([command, "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
