"""Load schema/ontology.yaml into pydantic models and check nodes and edges against it.

The ontology is data (FollowTheMoney's habit): a first pass validates its shape with
pydantic, a second checks cross-references, and every node or edge is checked here
before it can reach a store.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kg.errors import InvalidSchema
from kg.paths import data_dir

NAME_RE = re.compile(r"^[A-Z][A-Za-z]*$")
TYPE_RE = re.compile(r"^[A-Z][A-Z_]*$")
ISO_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PropType = Literal["string", "int", "float", "bool", "date", "list"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PropertySpec(Strict):
    type: PropType
    required: bool = False
    description: str = ""
    enum: list[str] | None = None


class LabelSpec(Strict):
    description: str
    caption: str = "name"
    color: str = "#A5ABB6"
    properties: dict[str, PropertySpec] = Field(default_factory=dict)


class RelationshipSpec(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    from_: list[str] = Field(alias="from")
    to: list[str]
    key: list[str] = Field(default_factory=list)
    properties: dict[str, PropertySpec] = Field(default_factory=dict)
    description: str = ""


class Ontology(Strict):
    version: int
    node_properties: dict[str, PropertySpec]
    derived_node_properties: dict[str, PropertySpec] = Field(default_factory=dict)
    edge_properties: dict[str, PropertySpec]
    labels: dict[str, LabelSpec]
    relationships: dict[str, RelationshipSpec]

    def label_properties(self, label: str) -> dict[str, PropertySpec]:
        """All properties a node of this label may carry (common ones first)."""
        return {**self.node_properties, **self.labels[label].properties}

    def edge_properties_of(self, rel_type: str) -> dict[str, PropertySpec]:
        return {**self.edge_properties, **self.relationships[rel_type].properties}

    def endpoints(self, rel_type: str) -> list[tuple[str, str]]:
        """Every (from label, to label) pair the type allows, 'any' expanded."""
        spec = self.relationships[rel_type]
        expand = lambda labels: sorted(self.labels) if "any" in labels else labels  # noqa: E731
        return [(a, b) for a in expand(spec.from_) for b in expand(spec.to)]

    def property_keys(self) -> list[str]:
        keys = set(self.node_properties) | set(self.derived_node_properties) | set(self.edge_properties)
        for spec in self.labels.values():
            keys |= set(spec.properties)
        for rel in self.relationships.values():
            keys |= set(rel.properties)
        return sorted(keys)

    def check_node(self, label: str, props: dict[str, Any]) -> None:
        """Raise InvalidSchema if a node with these properties breaks the ontology."""
        if label not in self.labels:
            raise InvalidSchema(f"unknown node label {label!r}")
        _check_props(f"{label} node {props.get('id')!r}", self.label_properties(label), props)

    def check_edge(self, rel_type: str, from_label: str, to_label: str,
                   props: dict[str, Any]) -> None:
        """Raise InvalidSchema if an edge of this type between these labels is not allowed."""
        if rel_type not in self.relationships:
            raise InvalidSchema(f"unknown relationship type {rel_type!r}")
        if (from_label, to_label) not in self.endpoints(rel_type):
            raise InvalidSchema(f"{rel_type} is not allowed from {from_label} to {to_label}")
        _check_props(f"{rel_type} edge", self.edge_properties_of(rel_type), props)


def _check_props(what: str, specs: dict[str, PropertySpec], props: dict[str, Any]) -> None:
    for name in props:
        if name not in specs:
            raise InvalidSchema(f"{what}: property {name!r} is not in the ontology")
    for name, spec in specs.items():
        value = props.get(name)
        if value is None:
            if spec.required:
                raise InvalidSchema(f"{what}: required property {name!r} is missing")
            continue
        if not _type_ok(spec, value):
            raise InvalidSchema(f"{what}: property {name!r}={value!r} is not a {spec.type}")
        if spec.enum and value not in spec.enum:
            raise InvalidSchema(f"{what}: {name}={value!r} is not one of {spec.enum}")


def _type_ok(spec: PropertySpec, value: Any) -> bool:
    match spec.type:
        case "string":
            return isinstance(value, str)
        case "date":
            return isinstance(value, str) and bool(ISO_DATE_RE.match(value))
        case "int":
            return isinstance(value, int) and not isinstance(value, bool)
        case "float":
            return isinstance(value, int | float) and not isinstance(value, bool)
        case "bool":
            return isinstance(value, bool)
        case "list":
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return False


def _cross_check(onto: Ontology, where: str) -> None:
    """Second pass: names are Cypher-safe and every endpoint label exists."""
    for label in onto.labels:
        if not NAME_RE.match(label):
            raise InvalidSchema(f"{where}: label {label!r} must be CamelCase letters")
    for rel_type, spec in onto.relationships.items():
        if not TYPE_RE.match(rel_type):
            raise InvalidSchema(f"{where}: relationship type {rel_type!r} must be UPPER_CASE")
        for label in [*spec.from_, *spec.to]:
            if label != "any" and label not in onto.labels:
                raise InvalidSchema(f"{where}: {rel_type} names unknown label {label!r}")
        for key in spec.key:
            if key not in spec.properties:
                raise InvalidSchema(f"{where}: {rel_type} key {key!r} is not one of its properties")
    for key in onto.property_keys():
        if not re.match(r"^[a-z][a-z_]*$", key):
            raise InvalidSchema(f"{where}: property {key!r} must be lower_snake_case")


def load_ontology(path: Path) -> Ontology:
    """Read and validate one ontology file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise InvalidSchema(f"{path}: cannot read ontology: {e}") from e
    try:
        onto = Ontology.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InvalidSchema(f"{path}: {loc}: {first['msg']}") from e
    _cross_check(onto, str(path))
    return onto


@cache
def ontology() -> Ontology:
    """The ontology shipped with kg (cached: read once per process)."""
    return load_ontology(data_dir("schema") / "ontology.yaml")
