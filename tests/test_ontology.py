from pathlib import Path

import pytest

from kg.errors import InvalidSchema
from kg.ontology import load_ontology, ontology
from kg.paths import data_dir


def test_shipped_ontology_is_valid():
    onto = ontology()
    assert {"Person", "State", "Agreement", "Place", "Event"} <= set(onto.labels)
    assert ("Person", "Event") in onto.endpoints("ATTENDED")


@pytest.mark.parametrize("mutate, message", [
    (lambda t: t.replace("  ATTENDED:\n    from: [Person, State, Organization]",
                         "  ATTENDED:\n    from: [Persn, State, Organization]"), "unknown label 'Persn'"),
    (lambda t: t.replace("version: 1", "version: 1\nextra_field: 2"), "extra_field"),
    (lambda t: t.replace("  Commodity:", "  bad-label:"), "CamelCase"),
])
def test_broken_ontologies_are_rejected(tmp_path: Path, mutate, message):
    text = (data_dir("schema") / "ontology.yaml").read_text()
    bad = tmp_path / "ontology.yaml"
    bad.write_text(mutate(text))
    with pytest.raises(InvalidSchema, match=message):
        load_ontology(bad)


def test_nodes_and_edges_are_checked():
    onto = ontology()
    with pytest.raises(InvalidSchema, match="not in the ontology"):
        onto.check_node("Person", {"id": "Person:x", "name": "X", "sources": ["r"], "colour": "red"})
    with pytest.raises(InvalidSchema, match="not allowed"):
        onto.check_edge("ATTENDED", "Event", "Person", {"key": "k", "sources": ["r"]})
    with pytest.raises(InvalidSchema, match="not one of"):
        onto.check_node("Place", {"id": "Place:x", "name": "X", "sources": ["r"], "kind": "planet"})


def test_no_python_in_data_folders():
    for name in ("schema", "loaders", "queries", "seeds"):
        assert not list(data_dir(name).rglob("*.py")), f"{name}/ must hold data only"
