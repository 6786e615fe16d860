"""Starting a project: ids made from what a user typed, what stops an id being used, a blank project and a copy."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from model.format.fields import field_shape
from model.format.spec import COUNTRY_CODE_PATTERN, SLUG_MAX_LENGTH, SLUG_PATTERN, ProjectInfo, ProjectSpec
from model.format.vocab import DealType

_SLUG = re.compile(SLUG_PATTERN)
_COUNTRY = re.compile(COUNTRY_CODE_PATTERN)

#: Why an id cannot name a new project (the UI words each one).
ID_EMPTY, ID_BAD, ID_TAKEN = "empty", "bad", "taken"


def is_slug(text: str) -> bool:
    """Whether the text is a valid id of the format (``Slug``)."""
    return bool(_SLUG.match(text))


def is_country_code(text: str) -> bool:
    """Whether the text is an ISO 3166-1 alpha-2 code in capitals, as the format writes countries."""
    return bool(_COUNTRY.match(text))


def slugify(text: str) -> str:
    """An id from what a user typed or a file's name: lower-case ASCII letters, digits, '-' and '_', at most 48
    characters ("" when nothing usable is left). Full-width letters and digits count as their ASCII forms."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[^a-z0-9_-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-_")
    return text[:SLUG_MAX_LENGTH].rstrip("-_")


def id_problem(project_id: str, existing: Iterable[str]) -> str | None:
    """Why an id cannot be used for a new project: ID_EMPTY, ID_BAD or ID_TAKEN — or None when it can."""
    if not project_id:
        return ID_EMPTY
    if not is_slug(project_id):
        return ID_BAD
    if project_id in set(existing):
        return ID_TAKEN
    return None


def new_project_problems(name: str, project_id: str, host_country: str, existing: Iterable[str]) -> dict[str, str]:
    """What stops a blank project being made, by field: ``{"name": "empty", "id": <id_problem>, "country": "bad"}``
    (empty when nothing does). The name is taken trimmed; the id and the country as given."""
    problems: dict[str, str] = {}
    if not (name or "").strip():
        problems["name"] = ID_EMPTY
    if code := id_problem(project_id, existing):
        problems["id"] = code
    if not is_country_code(host_country or ""):
        problems["country"] = ID_BAD
    return problems


def _name(text: str) -> str:
    """A project name as typed, trimmed and cut to the format's limit (the widget limits it too)."""
    return text.strip()[: field_shape(ProjectInfo, "name").max_length]


def blank_project(project_id: str, name: str, deal_type: DealType | str, host_country: str) -> ProjectSpec:
    """A minimal valid project (raises pydantic.ValidationError when a value is not valid; check with
    ``new_project_problems`` first)."""
    return ProjectSpec(
        project=ProjectInfo(id=project_id, name=_name(name), deal_type=deal_type, host_country=host_country)
    )


def copy_project(spec: ProjectSpec, project_id: str, name: str | None = None) -> ProjectSpec:
    """A copy of a project under a new id (and, when given and not blank, a new name); the original is unchanged.
    Decisions are the original's and are kept: they name findings, which do not depend on the project id."""
    copy = spec.model_copy(deep=True)
    copy.project.id = project_id  # validated on assignment
    if name and name.strip():
        copy.project.name = _name(name)
    return copy
