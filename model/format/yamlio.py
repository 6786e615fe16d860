"""Safe YAML reading with positions and limits, canonical YAML writing, and atomic file replacement."""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from model.format.problems import InputError, Path, Problem

MAX_BYTES = 2 * 1024 * 1024
# libyaml's parser when PyYAML has it (about ten times faster); marks and node types are the same.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 40
MAX_NODES = 200_000

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class Comments:
    """A file's comments as far as writing it back can keep them."""

    #: The comment block the file opens with (the ``# yaml-language-server: $schema=…`` line and notes),
    #: normalised: no blank lines before or after it, runs of blank lines inside it made one, lines right-stripped.
    header: str = ""
    #: 1-based lines of the comments further down; canonical writing reorders fields, so they have no place to go.
    later_lines: tuple[int, ...] = ()


@dataclass
class Document:
    """Plain data read from YAML, with the line and column (1-based) of every value and key."""

    data: Any
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    comments: Comments = field(default_factory=Comments)

    def mark(self, path: Path, key: bool = False) -> tuple[int | None, int | None]:
        """Position of ``path``, or of its nearest ancestor that has one."""
        marks = self.key_marks if key else self.value_marks
        p = tuple(path)
        while p:
            if p in marks:
                return marks[p]
            if not key and p in self.key_marks:
                return self.key_marks[p]
            p = p[:-1]
        return self.value_marks.get((), (None, None))


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError([Problem("encoding", file=file, params={"hint": ""})]) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint: tuple[str, str] | str = ""
        try:
            raw.decode("cp932")
            hint = ("（Shift_JIS のようです）", " (it looks like Shift_JIS)")
        except UnicodeDecodeError:
            pass
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError([Problem("encoding", file=file, line=line, params={"hint": hint})]) from exc


def _yaml_problem(exc: yaml.YAMLError, file: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    detail = " ".join(x for x in (getattr(exc, "context", None), getattr(exc, "problem", None)) if x) or str(exc)
    return Problem(
        "yaml_syntax",
        file=file,
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        params={"detail": detail},
    )


def _check_shape(text: str, file: str) -> None:
    """Refuse absurd nesting and several documents before composing (the composer is recursive)."""
    depth = 0
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    raise InputError(
                        [
                            Problem(
                                "yaml_too_deep",
                                file=file,
                                line=m.line + 1,
                                column=m.column + 1,
                                params={"limit": MAX_DEPTH},
                            )
                        ]
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    m = event.start_mark
                    raise InputError([Problem("yaml_multiple_documents", file=file, line=m.line + 1)])
    except yaml.YAMLError as exc:
        raise InputError([_yaml_problem(exc, file)]) from exc


class _Builder:
    """Turns a composed node tree into plain data, recording positions, refusing unsafe or unknown tags."""

    def __init__(self, file: str):
        self.file = file
        self.doc = Document(None)
        self.nodes = 0
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def _mark(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: Node, path: Path, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            code, limit = ("yaml_too_many_nodes", MAX_NODES) if self.nodes > MAX_NODES else ("yaml_too_deep", MAX_DEPTH)
            line, col = self._mark(node)
            raise InputError([Problem(code, file=self.file, line=line, column=col, params={"limit": limit})])
        self.doc.value_marks.setdefault(path, self._mark(node))
        tag = node.tag or ""
        if tag not in _STANDARD_TAGS:
            line, col = self._mark(node)
            code = "yaml_unsafe_tag" if "python" in tag else "yaml_unknown_tag"
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise InputError([Problem(code, path=path, file=self.file, line=line, column=col, params={"tag": shown})])
        if isinstance(node, ScalarNode):
            try:
                return self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError) as exc:
                line, col = self._mark(node)
                raise InputError(
                    [
                        Problem(
                            "yaml_syntax",
                            path=path,
                            file=self.file,
                            line=line,
                            column=col,
                            params={"detail": str(exc).splitlines()[0]},
                        )
                    ]
                ) from exc
        if isinstance(node, SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            out: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    line, col = self._mark(key_node)
                    raise InputError(
                        [
                            Problem(
                                "yaml_syntax",
                                path=path,
                                file=self.file,
                                line=line,
                                column=col,
                                params={"detail": "a key must be a plain value, not a list or mapping"},
                            )
                        ]
                    )
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise InputError(
                        [
                            Problem(
                                "yaml_unknown_tag",
                                path=path,
                                file=self.file,
                                line=self._mark(key_node)[0],
                                params={"tag": "<<"},
                            )
                        ]
                    )
                key = self.build(key_node, path + ("<key>",), depth + 1)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    key = str(key)
                child_path = path + (key,)
                line, col = self._mark(key_node)
                if key in out:
                    self.problems.append(
                        Problem(
                            "yaml_duplicate_key",
                            path=child_path,
                            file=self.file,
                            line=line,
                            column=col,
                            params={"key": key, "first_line": first_line[key]},
                        )
                    )
                    continue
                first_line[key] = line
                self.doc.key_marks[child_path] = (line, col)
                out[key] = self.build(value_node, child_path, depth + 1)
            return out
        raise InputError([Problem("yaml_syntax", path=path, file=self.file, params={"detail": "unexpected node"})])


# The line breaks of YAML 1.1, as PyYAML and libyaml count lines (str.splitlines knows more, e.g. form feed).
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def _lines(text: str) -> list[str]:
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _header(lines: list[str]) -> tuple[str, int]:
    """The opening comment block, normalised, and how many lines it spans in the file."""
    kept: list[str] = []
    n = 0
    for n, line in enumerate(lines):  # noqa: B007 - n is the block's length after the loop
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        if stripped or (kept and kept[-1]):
            kept.append(stripped)
    else:
        n = len(lines)
    while kept and not kept[-1]:
        kept.pop()
    return ("\n".join(kept) + "\n" if kept else ""), n


def _comment_lines(text: str, lines: list[str], start: int) -> tuple[int, ...]:
    """1-based numbers of the lines from ``start`` (0-based) that hold a comment.

    A comment is a ``#`` at the start of a line or after a blank that no scalar covers (so ``"a # b"``, ``a#b`` and
    the lines of a ``|`` block are not comments). Scalar positions come from the parser, never from guessing.
    """
    if not any("#" in line for line in lines[start:]):
        return ()
    covered: dict[int, list[tuple[int, float]]] = {}
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.ScalarEvent):
            first, last = event.start_mark, event.end_mark
            for line in range(first.line, last.line + 1):
                covered.setdefault(line, []).append(
                    (first.column if line == first.line else 0, last.column if line == last.line else math.inf)
                )
    found = []
    for number in range(start, len(lines)):
        line = lines[number]
        for match in re.finditer("#", line):
            col = match.start()
            if (col == 0 or line[col - 1] in " \t") and not any(a <= col < b for a, b in covered.get(number, ())):
                found.append(number + 1)
                break
    return tuple(found)


def read_comments(text: str) -> Comments:
    """Where a file's comments are: its opening block, and the lines of the others."""
    lines = _lines(text)
    header, length = _header(lines)
    return Comments(header, _comment_lines(text, lines, length))


def read_yaml(raw: bytes, file: str, max_bytes: int = MAX_BYTES, keep_comments: bool = False) -> Document:
    """Read one YAML document safely. Raises InputError with every reading problem found.

    ``keep_comments`` also records where the comments are (``Document.comments``), for writing the file back.
    """
    if len(raw) > max_bytes:
        raise InputError([Problem("file_too_large", file=file, params={"size": len(raw), "limit": max_bytes})])
    text = _decode(raw, file)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise InputError([Problem("file_empty", file=file)])
    _check_shape(text, file)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise InputError([_yaml_problem(exc, file)]) from exc
    except RecursionError as exc:  # belt and braces: _check_shape should have caught it
        raise InputError([Problem("yaml_too_deep", file=file, params={"limit": MAX_DEPTH})]) from exc
    if node is None:
        raise InputError([Problem("file_empty", file=file)])
    builder = _Builder(file)
    builder.doc.data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    if keep_comments:
        builder.doc.comments = read_comments(text)
    return builder.doc


def read_yaml_file(path: str | os.PathLike, max_bytes: int = MAX_BYTES, keep_comments: bool = False) -> Document:
    p = FsPath(path)
    name = str(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError([Problem("file_too_large", file=name, params={"size": size, "limit": max_bytes})])
        raw = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError([Problem("file_missing", file=name)]) from exc
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise InputError(
            [Problem("file_unreadable", file=name, params={"reason": exc.strerror or type(exc).__name__})]
        ) from exc
    return read_yaml(raw, name, max_bytes, keep_comments)


# --------------------------------------------------------------------------- writing


class _CanonicalDumper(yaml.SafeDumper):
    """Block style, Unicode kept readable, multi-line text as literal blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_CanonicalDumper.add_representer(str, _str_representer)


def plain(value: Any) -> Any:
    """Enums to their values, tuples to lists: data the safe dumper can write."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        plain(data), Dumper=_CanonicalDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    )


def atomic_write(
    path: str | os.PathLike, content: str | bytes, before_replace: Callable[[str], None] | None = None
) -> None:
    """Replace ``path`` with ``content`` so that a crash leaves either the old file or the new one, never half of it.

    ``before_replace`` (tests only) runs on the finished temporary file just before the rename.
    """
    target = FsPath(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); keep the mode the file had, or the usual one.
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        if before_replace:
            before_replace(tmp)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
