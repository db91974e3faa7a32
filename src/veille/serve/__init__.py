"""Analysts' interfaces: a read-only REST API and web UI over a store (`veille serve`)."""

from veille.serve.app import create_app

__all__ = ["create_app"]
