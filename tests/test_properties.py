"""Property-based tests (hypothesis): the loader never crashes on odd text and is
deterministic; merging extractions in any order gives the same graph and ids."""

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract.pipeline import extract
from kg.graph import build_graph, node_link_json
from kg.models import Report
from kg.validate import validate_extraction

WORDS = ["Russia", "North Korea", "Putin", "Kim Jong-un", "Minister", "of", "Defence", "signed", "treaty",
         "Article", "16", "visited", "Pyongyang", "Najin", "by", "sea", "to", "Vostochny", "rail", "the", "and",
         "in", "June", "2024", "shipped", "munitions", "containers", "likely", "almost certainly", "“", "”", "–",
         "—", "'", "’s", "(", ")", ",", ".", ";", ":", "\n", "\n\n", "•", "|", "Ri Son-gwon", "O'Neil", "Тумэнь",
         "김정은", "Choe Son-hui", "16,500", "last August", "two days later", "on Tuesday", "Rajin", "Seoul"]
settings.register_profile("kg", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("kg")

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join),
    st.text(min_size=1, max_size=400),
)


def _report(text: str, published: str | None = "2024-06-25") -> Report:
    from kg.ingest import report_id

    return Report(id=report_id(text), text=text, path="random.txt", published=published)


@given(texts)
def test_any_text_extracts_to_a_valid_deterministic_graph(text):
    report = _report(text)
    first = extract(report)
    validate_extraction(first)
    assert extract(report) == first


@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=3, max_size=40).map(" ".join), min_size=2, max_size=3,
                unique=True))
def test_merging_in_any_order_gives_the_same_graph(parts):
    extractions = [extract(_report(t, published=f"2024-0{i + 1}")) for i, t in enumerate(parts)]
    graphs = {node_link_json(build_graph(list(order))) for order in itertools.permutations(extractions)}
    assert len(graphs) == 1
