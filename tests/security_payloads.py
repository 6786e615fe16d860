"""Hostile text for the security tests: script, HTML, Markdown, template and formula payloads, and a project that
carries them in every free-text field of the project format (found from the pydantic model, not from a list).

Every payload starts with a spreadsheet formula lead (= + - @ tab) and carries a unique marker ``PWN0001`` … so a
test can tell which field a piece of text came from, and sentinels (``PWNLINK``, ``PWNBOLD`` …) that are the whole
text of an element only when the payload was rendered as markup. Remote addresses point at 127.0.0.2 port 9 and
the .invalid domain: nothing listens there, and a request for them in a log means something tried to fetch.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import types
import typing
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from model.format.spec import ProjectSpec
from model.knowledge.library import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "jv-china-battery.yaml"

LEAK_HOST = "127.0.0.2"
LEAK_DOMAIN = "leak.invalid"

SCRIPT = "<script>window.__pwned=1</script>"
IMG_ONERROR = '<img src=x onerror="window.__pwned=1">'
MD_LINK = "[PWNLINK](javascript:window.__pwned=1)"
IFRAME = f'<iframe src="http://{LEAK_HOST}:9/frame" onload="window.__pwned=1"></iframe>'
TEMPLATE = "{{7*7}}${7*7}"
HYPERLINK = f'=HYPERLINK("http://{LEAK_HOST}:9/f","PWNF")'
STYLE = "<style>*{display:none!important}</style>"
RAW_URL = f"http://{LEAK_DOMAIN}/raw.png"
MD_BOLD = "**PWNBOLD**"
MD_COLOUR = ":red[PWNRED]"
LATEX = "$PWNTEX$"
MD_CODE = "`PWNCODE`"
A_TAG = f'<a href="http://{LEAK_HOST}:9/a">PWNA</a>'
AUTOLINK = f"<http://{LEAK_DOMAIN}/auto>"
SVG = '<svg onload="window.__pwned=1"></svg>'
#: Multi-line Markdown (a heading and a table): only for long (multi-line) text fields.
MD_BLOCK = "\n\n# PWNHEAD\n\n| PWNTABLE | b |\n|---|---|\n| c | d |\n"

#: Rotated through the short fields after the fixed part (marker, injected element, Markdown image).
ATOMS = (
    SCRIPT,
    IMG_ONERROR,
    MD_LINK,
    IFRAME,
    TEMPLATE,
    STYLE,
    RAW_URL,
    MD_BOLD,
    MD_COLOUR,
    LATEX,
    MD_CODE,
    A_TAG,
    AUTOLINK,
    SVG,
    HYPERLINK,
)
#: Text that is the whole content of an element (or an image's alt text) only if a payload was rendered as markup.
SENTINELS = (
    "PWNLINK",
    "PWNBOLD",
    "PWNRED",
    "PWNTEX",
    "PWNCODE",
    "PWNA",
    "PWNHEAD",
    "PWNTABLE",
    "PWNHB",
    "PWNIMG",
    "PWNF",
)
#: What a spreadsheet would read as the start of a formula.
SHORT_LEADS = ("=1+2 ", "+3 ", "-4 ", "@A1 ", "\t=5 ")
LONG_LEADS = (*SHORT_LEADS, HYPERLINK + " ")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


MARKER_RE = re.compile(r"PWN\d{4}")


def marker(n: int) -> str:
    return f"PWN{n:04d}"


def injected_id(n: int) -> str:
    return f"injected-{n:04d}"


def md_image(n: int) -> str:
    return f"![PWNIMG](http://{LEAK_HOST}:9/{marker(n)}.png)"


def payload(n: int, limit: int) -> str:
    """Hostile text number ``n`` of at most ``limit`` characters (multi-line Markdown when the field is long)."""
    long = limit >= 1000
    leads = LONG_LEADS if long else SHORT_LEADS
    text = leads[n % len(leads)] + f'{marker(n)} <b id="{injected_id(n)}">PWNHB</b> {md_image(n)}'
    atoms = ATOMS if long else ATOMS[n % len(ATOMS) :] + ATOMS[: n % len(ATOMS)]
    for atom in atoms:
        if len(text) + 1 + len(atom) <= limit:
            text += " " + atom
    if long:
        text += MD_BLOCK
    assert len(text) <= limit, (n, limit, len(text))
    return text


# --------------------------------------------------------------------------- the model's string fields


@dataclasses.dataclass(frozen=True)
class StrField:
    """A string-typed place in the project format: ``path`` like ``technologies[].locations[]``."""

    path: str
    max_length: int | None
    pattern: str | None
    owner: type[BaseModel]
    name: str
    in_list: bool = False
    dict_key: bool = False
    mixed: bool = False  # a str among other scalar types (clause variable values)

    @property
    def free_text(self) -> bool:
        return self.pattern is None and not self.dict_key and not self.mixed and self.path not in REFERENCES


#: String fields without a pattern that still are not free text: the consistency check holds them to an id form.
REFERENCES = {"decisions[].finding": "a finding id 'channel@technology', checked by project_io"}


def _constraints(metadata: list) -> tuple[int | None, str | None]:
    max_length = pattern = None
    for m in metadata:
        max_length = getattr(m, "max_length", None) or max_length
        pattern = getattr(m, "pattern", None) or pattern
    return max_length, pattern


def concrete_types(tp: Any) -> list[tuple[Any, list]]:
    """The alternatives of a (possibly optional, possibly annotated) type, each with its metadata."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(tp)
        return [(b, m + meta) for b, m in concrete_types(base)]
    if origin in (typing.Union, types.UnionType):
        return [alt for arg in typing.get_args(tp) if arg is not type(None) for alt in concrete_types(arg)]
    return [(tp, [])]


def _walk_type(
    tp: Any, metadata: list, path: str, owner: type[BaseModel], name: str, seen: set, in_list: bool = False
) -> Iterator[StrField]:
    alternatives = concrete_types(tp)
    scalars = [a for a, _ in alternatives if a in (str, int, float, bool)]
    for alt, meta in alternatives:
        meta = meta + metadata
        origin = typing.get_origin(alt)
        if alt is str:
            max_length, pattern = _constraints(meta)
            yield StrField(path, max_length, pattern, owner, name, in_list=in_list, mixed=len(scalars) > 1)
        elif origin is list:
            (item,) = typing.get_args(alt)
            yield from _walk_type(item, [], path + "[]", owner, name, seen, in_list=True)
        elif origin is dict:
            key, value = typing.get_args(alt)
            for k, kmeta in concrete_types(key):
                if k is str:
                    max_length, pattern = _constraints(kmeta)
                    yield StrField(path + "{key}", max_length, pattern, owner, name, dict_key=True)
            yield from _walk_type(value, [], path + "{}", owner, name, seen)
        elif isinstance(alt, type) and issubclass(alt, BaseModel):
            yield from model_str_fields(alt, path + ".", seen)
        # enums, numbers, dates, bools: not strings


def model_str_fields(cls: type[BaseModel] = ProjectSpec, prefix: str = "", seen: set | None = None) -> list[StrField]:
    """Every string-typed place of the project format, from the pydantic model."""
    seen = set() if seen is None else seen
    out: list[StrField] = []
    for name, info in cls.model_fields.items():
        info: FieldInfo
        out.extend(_walk_type(info.annotation, list(info.metadata), prefix + name, cls, name, seen))
    return out


def free_text_fields() -> list[StrField]:
    return [f for f in model_str_fields() if f.free_text]


def id_fields() -> list[StrField]:
    return [f for f in model_str_fields() if f.pattern is not None]


# --------------------------------------------------------------------------- the hostile project


@dataclasses.dataclass
class Hostile:
    spec: ProjectSpec
    #: instance path (``technologies[0].locations[1]``) -> marker number of the payload put there
    numbers: dict[str, int]
    #: class path (``technologies[].locations[]``) -> instance paths
    by_field: dict[str, list[str]]

    def value(self, instance_path: str) -> str:
        obj: Any = self.spec
        for part in instance_path.replace("]", "").replace("[", ".").split("."):
            obj = obj[int(part)] if part.isdigit() else (obj[part] if isinstance(obj, dict) else getattr(obj, part))
        return obj

    def marker(self, instance_path: str) -> str:
        return marker(self.numbers[instance_path])

    def markers(self, prefix: str) -> list[str]:
        """Markers of every payload at or under an instance path prefix."""
        return [marker(n) for p, n in self.numbers.items() if p == prefix or p.startswith((prefix + ".", prefix + "["))]


def _fill(
    model: BaseModel,
    path: str,
    cls_path: str,
    fields: dict[tuple[type, str], StrField],
    counter: Iterator[int],
    hostile: Hostile,
) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        field = fields.get((type(model), name))
        ipath, cpath = f"{path}{name}", f"{cls_path}{name}"
        if field is not None and not field.in_list:
            n = next(counter)
            setattr(model, name, payload(n, field.max_length or 200))
            hostile.numbers[ipath] = n
            hostile.by_field.setdefault(cpath, []).append(ipath)
        elif field is not None and field.in_list:
            items = list(value) or [""]
            new = []
            for i, _ in enumerate(items):
                n = next(counter)
                new.append(payload(n, field.max_length or 200))
                hostile.numbers[f"{ipath}[{i}]"] = n
                hostile.by_field.setdefault(cpath + "[]", []).append(f"{ipath}[{i}]")
            setattr(model, name, new)
        elif isinstance(value, BaseModel):
            _fill(value, ipath + ".", cpath + ".", fields, counter, hostile)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _fill(item, f"{ipath}[{i}].", cpath + "[].", fields, counter, hostile)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    k = key.value if isinstance(key, Enum) else key
                    _fill(item, f"{ipath}.{k}.", cpath + "{}.", fields, counter, hostile)


def hostile_project(start: int = 1) -> Hostile:
    """The richest example with a payload in every free-text field it has (and in the optional ones it leaves out,
    wherever the object holding them exists)."""
    from model.format.project_io import load_project

    spec = load_project(EXAMPLE)
    fields = {(f.owner, f.name): f for f in free_text_fields()}
    hostile = Hostile(spec, {}, {})
    _fill(spec, "", "", fields, itertools.count(start), hostile)
    return hostile


def dump(spec: ProjectSpec) -> bytes:
    from model.format.project_io import dump_project

    return dump_project(spec).encode("utf-8")


#: Texts the store keeps beside the project (who saved, the save comment, a refused save's draft).
AUTHOR_V1, COMMENT_V1, AUTHOR_V2, COMMENT_V2, DRAFT_AUTHOR, DRAFT_COMMENT = (payload(n, 100) for n in range(9001, 9007))
#: The first version differs from the second in its description, so the history shows a text change.
V1_DESCRIPTION = payload(9010, 4000)


def seed_store(url: str) -> Hostile:
    """A store holding the hostile project in two versions (authors and comments hostile too) and one refused save
    kept as a draft; the examples are not seeded (the store is not empty)."""
    from model.store import ConflictError, Store

    hostile = hostile_project()
    store = Store(url)
    v1 = hostile.spec.model_copy(deep=True)
    v1.project.description = V1_DESCRIPTION
    assert store.save(v1, AUTHOR_V1, COMMENT_V1) == 1
    assert store.save(hostile.spec, AUTHOR_V2, COMMENT_V2, base_version=1) == 2
    try:
        store.save(v1, DRAFT_AUTHOR, DRAFT_COMMENT, base_version=1)
    except ConflictError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a save on an old version must be refused and kept as a draft")
    return hostile


def write_project(folder: Path, name: str = "hostile.yaml") -> Path:
    path = folder / name
    path.write_bytes(dump(hostile_project().spec))
    return path
