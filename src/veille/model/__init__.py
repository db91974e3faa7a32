"""The veille record, as declared in model.yaml: tables, fields and their types.

A field may say that its values are names of the event vocabulary (`values: types` or
`values: statuses`, see `vocabulary.py`); `load_model` checks every type and `values` it reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

VOCABULARY_VALUES = ("types", "statuses")  # what a field's `values` may name
# the labels of the mentions of times (events/timex.py writes them; their value is a TIMEX3 value): dates, times of
# day, durations ("quelques heures plus tôt") and sets ("chaque lundi")
TIME_LABELS = frozenset({"DATE", "TIME", "DURATION", "SET"})
# the labels of the mentions of places: places named as such, states and towns, buildings and sites
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "float": "DOUBLE",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "boolean": "BOOLEAN",
    "json": "JSON",
    "list": "VARCHAR[]",
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    doc: str = ""
    values: str | None = None  # types | statuses: names of the event vocabulary

    @property
    def sql_type(self) -> str:
        return DUCKDB_TYPES[self.type]


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]
    fields: tuple[Field, ...]
    doc: str = ""
    derived: bool = False  # kept by the store from other tables (store/derived.py): not exported nor counted

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


@dataclass(frozen=True)
class Model:
    version: int
    tables: dict[str, Table]

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]


@cache
def load_model() -> Model:
    raw = yaml.safe_load(resources.files("veille.model").joinpath("model.yaml").read_text("utf-8"))
    tables = {}
    for name, spec in raw["tables"].items():
        fields = []
        for field_name, field_spec in spec["fields"].items():
            if field_spec["type"] not in DUCKDB_TYPES:
                raise ValueError(f"model.yaml: {name}.{field_name}: unknown type {field_spec['type']!r}")
            values = field_spec.get("values")
            if values is not None and (values not in VOCABULARY_VALUES or field_spec["type"] not in ("string", "list")):
                raise ValueError(f"model.yaml: {name}.{field_name}: values {values!r}: a string or list field may "
                                 f"name {' or '.join(VOCABULARY_VALUES)}")
            fields.append(Field(field_name, field_spec["type"], field_spec.get("doc", ""), values))
        tables[name] = Table(name, tuple(spec.get("key", ())), tuple(fields), spec.get("doc", ""),
                             bool(spec.get("derived", False)))
    return Model(int(raw["version"]), tables)
