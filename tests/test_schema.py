"""The committed JSON Schema accepts the examples (short forms included) and rejects what the loader rejects."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from model.knowledge.library import REPO_ROOT

from .conftest import EXAMPLES, MINIMAL

SCHEMA = json.loads((REPO_ROOT / "schema" / "project.schema.json").read_text(encoding="utf-8"))


def _json_ready(value):
    """YAML dates become strings, as an editor's YAML→JSON bridge would do."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_validate_against_schema(path):
    jsonschema.validate(_json_ready(yaml.safe_load(path.read_text(encoding="utf-8"))), SCHEMA)


def test_schema_rejects_unknown_keys_and_values():
    data = yaml.safe_load(MINIMAL)
    data["project"]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
    data = yaml.safe_load(MINIMAL)
    data["project"]["deal_type"] = "jv"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
