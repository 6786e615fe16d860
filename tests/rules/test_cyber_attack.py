"""cyber_attack: fires when technology is held in local IT (files or cloud access)."""

from model.engine.rules import cyber_attack as rule

from .conftest import disclose, fact_ids, project


def test_fires_for_files_handed_over(run):
    ev = run(rule, project(disclosure={"stages": [disclose(method="electronic_copy")]}))
    assert ev is not None and "files_handed_over" in fact_ids(ev)


def test_silent_for_paper_and_training_only(run):
    spec = project(disclosure={"stages": [disclose(method="paper"), disclose(stage="s2")]})
    assert run(rule, spec) is None
