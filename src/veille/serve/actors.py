"""Actor names and roles from the knowledge base (`veille.actors.kb`), when it is importable."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


class ActorDirectory:
    """Looks codes and actor ids up in the knowledge base; knows nothing when there is none."""

    def __init__(self, kb: Any | None) -> None:
        self.kb = kb

    @classmethod
    def load(cls) -> ActorDirectory:
        try:
            from veille.actors.kb import KnowledgeBase

            return cls(KnowledgeBase.default())
        except Exception as error:  # the knowledge base is optional for serving
            log.warning("actor knowledge base unavailable, serving without it: %s", error)
            return cls(None)

    def find(self, key: str) -> Any | None:
        if self.kb is None or not key:
            return None
        try:
            return self.kb.get(key) or self.kb.by_code(key)
        except Exception:  # a key the knowledge base cannot take is simply unknown to it
            return None

    def label(self, key: str | None, lang: str = "fr") -> str | None:
        actor = self.find(key) if key else None
        if actor is None:
            return None
        names = getattr(actor, "names", {}) or {}
        for candidate in (lang, "fr", "en"):
            if names.get(candidate):
                return str(names[candidate][0])
        return str(actor.label)

    def describe(self, key: str) -> dict[str, Any] | None:
        actor = self.find(key)
        if actor is None:
            return None
        data = actor.to_dict()
        return {"id": data["id"], "type": data["type"], "code": data.get("code"), "sector": data.get("sector"),
                "names": data.get("names", {}), "aliases": data.get("aliases", []), "roles": data.get("roles", []),
                "members": data.get("members", [])}
