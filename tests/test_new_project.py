"""Starting a project (model/format/new_project.py): ids from typed text, id checks, blank projects and copies."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from model import api
from model.format.new_project import (
    ID_BAD,
    ID_EMPTY,
    ID_TAKEN,
    blank_project,
    copy_project,
    id_problem,
    is_country_code,
    is_slug,
    new_project_problems,
    slugify,
)
from model.format.project_io import check_project, default_project_id, load_project, project_data
from model.format.spec import SLUG_PATTERN, ProjectSpec, Technology
from model.format.vocab import DealType
from model.format.yamlio import Document

from .conftest import EXAMPLES


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Thailand JV 2027", "thailand-jv-2027"),
        ("ＡＢＣ　工場", "abc"),  # full-width letters count as ASCII; what is not ASCII is dropped
        ("タイ合弁", ""),
        ("  --a__b--  ", "a__b"),
        ("a -- b", "a-b"),
        ("x" * 47 + "-yz", "x" * 47),  # cut to 48 characters, no dangling separator
        ("", ""),
    ],
)
def test_slugify(typed, slug):
    assert slugify(typed) == slug
    assert slug == "" or is_slug(slug)


def test_slugify_always_gives_an_id_the_format_accepts():
    for text in ["日本語", "../../etc/passwd", "A" * 200, "_-_", "Ünïcödé Ltd.", "\x00x", "１２３"]:
        slug = slugify(text)
        assert slug == "" or re.fullmatch(SLUG_PATTERN, slug), (text, slug)
        if slug:
            Technology(id=slug, name="x")  # the model itself accepts it


def test_id_problems():
    assert id_problem("", []) == ID_EMPTY
    assert id_problem("-x", []) == ID_BAD
    assert id_problem("x" * 49, []) == ID_BAD
    assert id_problem("taken", ["taken"]) == ID_TAKEN
    assert id_problem("fresh-id", ["taken"]) is None


def test_new_project_problems_name_each_field():
    assert new_project_problems("タイ合弁", "th-jv", "TH", []) == {}
    assert new_project_problems("  ", "", "th", ["x"]) == {"name": ID_EMPTY, "id": ID_EMPTY, "country": ID_BAD}
    assert new_project_problems("x", "taken", "THA", ["taken"]) == {"id": ID_TAKEN, "country": ID_BAD}
    assert is_country_code("TH") and not is_country_code("th") and not is_country_code("")


def test_blank_project_is_valid_and_minimal(library):
    spec = blank_project("th-jv", "  タイ合弁 ", DealType.JOINT_VENTURE, "TH")
    assert (spec.project.id, spec.project.name, spec.project.host_country) == ("th-jv", "タイ合弁", "TH")
    assert check_project(Document(project_data(spec)), "", library)[0] == spec
    assert set(project_data(spec)) == {"format_version", "project"}
    assert len(blank_project("x", "名" * 300, "licence", "US").project.name) == 200  # the format's limit
    with pytest.raises(ValidationError):
        blank_project("Bad Id", "x", DealType.LICENCE, "US")


def test_copy_keeps_everything_but_the_id_and_leaves_the_original(library):
    original = load_project(EXAMPLES[0], library)
    before = original.model_copy(deep=True)
    copy = copy_project(original, "copy-1", "別案")
    assert (copy.project.id, copy.project.name) == ("copy-1", "別案")
    assert copy.partners == original.partners and copy.decisions == original.decisions
    assert original == before
    copy.technologies[0].name = "changed"
    assert original.technologies[0].name == before.technologies[0].name  # a deep copy
    assert copy_project(original, "copy-2", "  ").project.name == original.project.name
    with pytest.raises(ValidationError):
        copy_project(original, "Not An Id")


def test_a_file_name_becomes_the_same_id_a_user_would_type():
    assert default_project_id("dir/Thailand JV 2027.yaml") == slugify("Thailand JV 2027") == "thailand-jv-2027"
    assert default_project_id("日本語.yaml") == "project"


def test_the_api_offers_the_same_functions():
    assert api.slugify is slugify and api.blank_project is blank_project and api.copy_project is copy_project
    assert api.id_problem is id_problem and api.new_project_problems is new_project_problems
    assert isinstance(api.blank_project("a", "b", "licence", "US"), ProjectSpec)
