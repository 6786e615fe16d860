"""Reading field shapes from the project model (model/format/fields.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from model.format.fields import field_shape
from model.format.spec import Contract, Decision, ProjectSpec, Technology
from model.format.vocab import RiskRating, TechForm


def test_text_limits_and_named_string_types():
    name = field_shape(ProjectSpec, "project.name")
    assert (name.type, name.required, name.optional, name.max_length, name.text) == (str, True, False, 200, None)
    assert field_shape(ProjectSpec, "project.description").max_length == 4000
    assert (field_shape(Technology, "id").text, field_shape(Technology, "id").max_length) == ("slug", 48)
    country = field_shape(ProjectSpec, "partners.country")
    assert (country.text, country.max_length, country.optional) == ("country", 2, True)


def test_number_bounds_lists_choices_and_defaults():
    years = field_shape(Technology, "importance.catch_up_years")  # a nested model
    assert (years.type, years.ge, years.le, years.optional, years.description is not None) == (float, 0, 50, True, True)
    term = field_shape(Contract, "term_years")
    assert (term.gt, term.ge, term.le) == (0, None, 99)
    assert field_shape(ProjectSpec, "operations.audit_interval_months").ge == 1
    forms = field_shape(ProjectSpec, "technologies.forms")  # through a list of models
    assert (forms.many, forms.choices, forms.default) == (True, TechForm, [])
    locations = field_shape(Technology, "locations")
    assert (locations.many, locations.type, locations.max_length) == (True, str, 200)
    rating = field_shape(ProjectSpec, "country_overrides.rating")  # through a mapping of models
    assert (rating.choices, rating.required) == (RiskRating, True)
    core = field_shape(Technology, "core")
    assert (core.type, core.optional, core.default) == (bool, False, True)
    assert field_shape(ProjectSpec, "project.start").type is dt.date
    assert field_shape(Technology, "name").choices is None


def test_unknown_paths_and_ambiguous_types_are_refused():
    with pytest.raises(KeyError):
        field_shape(ProjectSpec, "project.nope")
    with pytest.raises(KeyError):
        field_shape(ProjectSpec, "project.name.more")
    with pytest.raises(TypeError):
        field_shape(Decision, "at")  # a datetime or a date: no single shape
