"""How sure veille is of a coded event: a logistic model over what the coder saw.

The coder describes each event by a few dozen general features (its type, how the trigger
sits in the parse, whether the sides are named in the sentence or inferred from the
document, its status and date, how crowded and how long the sentence is). The weights are
learnt from the gold sets by ``scripts/train_confidence.py`` (scikit-learn, grouped
cross-validation) and stored as data in ``data/confidence.json``, with the threshold under
which an event is not emitted. Applying them needs no scikit-learn: a dot product.

A user can pass another weights file (component config ``model``) or another threshold.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

DEFAULT_MODEL = "confidence.json"


@dataclass(frozen=True)
class ConfidenceModel:
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.0
    source: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConfidenceModel:
        if path:
            source = Path(path)
            text = source.read_text("utf-8")
        else:
            source = resources.files("veille.events") / "data" / DEFAULT_MODEL
            if not source.is_file():
                return cls(source="none")  # not trained yet: the coder's own weights stand
            text = source.read_text("utf-8")
        try:
            data = json.loads(text)
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights=weights, bias=float(data["bias"]), threshold=float(data.get("threshold", 0.0)),
                       source=str(source))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{source}: not a confidence model ({exc})") from exc

    @property
    def trained(self) -> bool:
        return bool(self.weights)

    def probability(self, features: dict[str, float]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def bucket(value: float, edges: tuple[float, ...]) -> int:
    """Index of the first edge ``value`` is below (len(edges) when above all)."""
    for i, edge in enumerate(edges):
        if value < edge:
            return i
    return len(edges)
