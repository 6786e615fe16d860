"""Reading the project format's pydantic models: the concrete types behind a field's annotation."""

from __future__ import annotations

from typing import Any, Union, get_args, get_origin


def concrete_types(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated."""
    origin = get_origin(annotation)
    if origin is Union or str(origin) == "<class 'types.UnionType'>":
        out = []
        for arg in get_args(annotation):
            if arg is not type(None):
                out.extend(concrete_types(arg))
        return out
    if str(origin) == "typing.Annotated" or hasattr(annotation, "__metadata__"):
        return concrete_types(get_args(annotation)[0])
    return [annotation]
