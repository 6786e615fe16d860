"""The rule registry stays whole: one rule per leak channel, each with its declared facts and its own test file."""

from __future__ import annotations

import ast
import inspect
import shutil
import textwrap
from pathlib import Path

import pytest

from model.api import InputError, assess, load_library, load_project
from model.engine.rules import RULE_FACTS, RULES, base
from model.format.vocab import LeakChannel
from model.knowledge.library import REPO_ROOT

from .conftest import EXAMPLES

RULE_TESTS = Path(__file__).parent / "rules"


def rule_name(rule) -> str:
    return rule.__name__.rsplit(".", 1)[-1]


def test_registry_and_leak_channels_match_one_to_one():
    channels = [rule.CHANNEL for rule in RULES]
    assert len(channels) == len(set(channels)), f"two rules for one channel: {channels}"
    assert set(channels) == set(LeakChannel), {
        "channels without a rule": set(LeakChannel) - set(channels),
        "rules for no channel": set(channels) - set(LeakChannel),
    }


def test_each_rule_file_is_named_after_its_channel():
    # The file name is how a reader finds the rule for a channel, and how its test file is found below.
    assert [rule_name(rule) for rule in RULES] == [rule.CHANNEL.value for rule in RULES]


def test_every_rule_module_in_the_folder_is_registered():
    folder = Path(base.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "base"}
    assert modules == {rule_name(rule) for rule in RULES}, "a rule file that is not in RULES never runs"


@pytest.mark.parametrize("rule", RULES, ids=rule_name)
def test_every_rule_has_its_test_file(rule):
    path = RULE_TESTS / f"test_{rule_name(rule)}.py"
    assert path.is_file(), (
        f"{path.relative_to(RULE_TESTS.parent.parent)} is missing: each rule needs a case "
        "that fires and a minimal case that does not"
    )
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert any(isinstance(n, ast.FunctionDef) and n.name.startswith("test_") for n in tree.body), path


def test_every_rule_test_file_belongs_to_a_rule():
    names = {rule_name(rule) for rule in RULES}
    stray = sorted(p.name for p in RULE_TESTS.glob("test_*.py") if p.stem.removeprefix("test_") not in names)
    assert not stray, f"tests/rules/ holds one file per rule; these name no rule: {stray}"


# --------------------------------------------------------------------------- declared facts


def _literal_fact_ids(tree: ast.AST, where: str) -> set[str]:
    """The id of every ``Fact(...)`` built in the code; an id that is not a string literal cannot be checked."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Fact":
            first = node.args[0] if node.args else None
            if (
                isinstance(first, ast.JoinedStr)
                and isinstance(first.values[0], ast.Constant)
                and first.values[0].value.startswith("country:")
            ):
                continue  # host-country facts: weighted by the channel's country_factors, not by a fact id
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{where}:{node.lineno}: a Fact id must be a string literal, so the facts a rule can find can be listed"
            )
            found.add(first.value)
    return found


def _is_partner_facts(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "partner_facts"


def _filter(comprehension: ast.comprehension) -> set[str] | None:
    """The partner facts a ``f.id in (...)`` / ``not in (...)`` filter keeps; None when there is no such filter."""
    for cond in comprehension.ifs:
        if (
            isinstance(cond, ast.Compare)
            and len(cond.ops) == 1
            and isinstance(cond.comparators[0], (ast.Tuple, ast.Set))
        ):
            named = {c.value for c in cond.comparators[0].elts if isinstance(c, ast.Constant)}
            if isinstance(cond.ops[0], ast.In):
                return named & set(base.PARTNER_FACTS)
            if isinstance(cond.ops[0], ast.NotIn):
                return set(base.PARTNER_FACTS) - named
    return None


def _partner_fact_ids(tree: ast.AST) -> set[str]:
    """The shared partner facts a rule passes on: all of them, or those its filter keeps."""
    found: set[str] = set()
    filtered: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.GeneratorExp, ast.ListComp)) and len(node.generators) == 1:
            calls = [n for n in ast.walk(node.generators[0].iter) if _is_partner_facts(n)]
            kept = _filter(node.generators[0])
            if calls and kept is not None:
                found |= kept
                filtered |= {id(c) for c in calls}
    for node in ast.walk(tree):
        if _is_partner_facts(node) and id(node) not in filtered:
            found |= set(base.PARTNER_FACTS)  # passed on unfiltered: any of them can reach the finding
    return found


def facts_in_source(rule) -> set[str]:
    """Every fact id the rule's code can emit, read from its source (so the check follows the code)."""
    tree = ast.parse(inspect.getsource(rule))
    return _literal_fact_ids(tree, rule.__file__) | _partner_fact_ids(tree)


def test_partner_facts_are_the_ones_the_context_builds():
    tree = ast.parse(textwrap.dedent(inspect.getsource(base.RuleContext._make_partner_facts)))
    assert _literal_fact_ids(tree, base.__file__) == set(base.PARTNER_FACTS)


@pytest.mark.parametrize("rule", RULES, ids=rule_name)
def test_rule_declares_exactly_the_facts_its_code_can_emit(rule):
    declared = rule.FACTS
    assert len(declared) == len(set(declared)), f"{rule_name(rule)}.FACTS lists a fact twice"
    emitted = facts_in_source(rule)
    assert set(declared) == emitted, {
        "emitted but not declared": emitted - set(declared),
        "declared but never emitted": set(declared) - emitted,
    }


def test_registry_lists_the_declared_facts_per_channel():
    assert RULE_FACTS == {rule.CHANNEL: rule.FACTS for rule in RULES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_emit_only_declared_facts(library, path):
    # Belt and braces for the source reading above: what the examples really produce.
    for finding in assess(load_project(path, library), library).findings:
        undeclared = {f.id for f, _ in finding.facts if not f.id.startswith("country:")} - set(
            RULE_FACTS[finding.channel]
        )
        assert not undeclared, (finding.id, undeclared)


def test_a_fact_without_a_weight_is_a_library_error_at_load(tmp_path):
    for folder in ("libraries", "contract_clauses", "country_profiles"):
        shutil.copytree(REPO_ROOT / folder, tmp_path / folder)
    scoring = tmp_path / "libraries" / "scoring.yaml"
    text = scoring.read_text(encoding="utf-8")
    assert "\n  golden_share: 0.5\n" in text
    scoring.write_text(text.replace("\n  golden_share: 0.5\n", "\n"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_library(tmp_path)
    [problem] = info.value.errors
    assert problem.code == "scoring_fact_missing" and problem.file == "libraries/scoring.yaml"
    assert problem.line == text[: text.index("\nfacts:")].count("\n") + 2
    assert "'golden_share' (loss_of_control)" in problem.message("en") and "golden_share" in problem.message("ja")
    assert problem.format("en").startswith("libraries/scoring.yaml:")


def test_a_channel_weight_alone_is_enough(tmp_path):
    # The engine takes a channel's own weight before the global one, so the check must accept either.
    for folder in ("libraries", "contract_clauses", "country_profiles"):
        shutil.copytree(REPO_ROOT / folder, tmp_path / folder)
    scoring = tmp_path / "libraries" / "scoring.yaml"
    text = scoring.read_text(encoding="utf-8").replace("\n  golden_share: 0.5\n", "\n")
    text = text.replace(
        "  loss_of_control:\n    base_threat: 0.1\n",
        "  loss_of_control:\n    base_threat: 0.1\n    facts: {golden_share: 0.5}\n",
    )
    scoring.write_text(text, encoding="utf-8")
    assert load_library(tmp_path).warnings == []
