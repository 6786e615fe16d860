"""Random input never produces an unhandled exception: the loader always answers with a project or problems."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.api import parse_project
from model.format.spec import ProjectSpec

from .conftest import EXAMPLES, MINIMAL

KEYS = list(ProjectSpec.model_fields) + ["id", "name", "percent", "holder", "status", "level", "x"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["in_place", "us", "site", "2026-01-01", "ch1.2.5"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=25,
)


def check(raw: bytes, library) -> None:
    spec, problems = parse_project(raw, "fuzz.yaml", library)
    assert (spec is None) == any(p.severity == "error" for p in problems)
    for p in problems:
        assert p.message("ja") and p.message("en") and p.format("en")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes(library, raw):
    check(raw, library)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_random_text(library, text):
    check(text.encode("utf-8"), library)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
def test_random_structures_on_top_of_a_valid_project(library, extra):
    base = yaml.safe_load(MINIMAL)
    base.update(extra)
    check(yaml.safe_dump(base, allow_unicode=True).encode("utf-8"), library)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_example(library, data):
    """Replace one value somewhere in a real example with random data."""
    example = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8"))
    node = example
    for _ in range(data.draw(st.integers(1, 4))):
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node, key=str)))
            if isinstance(node[key], (dict, list)) and node[key] and data.draw(st.booleans()):
                node = node[key]
                continue
            node[key] = data.draw(values)
            break
        if isinstance(node, list) and node:
            i = data.draw(st.integers(0, len(node) - 1))
            if isinstance(node[i], (dict, list)) and node[i] and data.draw(st.booleans()):
                node = node[i]
                continue
            node[i] = data.draw(values)
            break
    check(yaml.safe_dump(example, allow_unicode=True).encode("utf-8"), library)
