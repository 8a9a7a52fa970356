"""The configuration file: option defaults per command, checked against the commands.

``pagevault.toml`` (or ``$PAGEVAULT_CONFIG``) holds one table per command (``[fetch]``),
each key one of its options. Read only when there is a file: checking it inspects the
commands' signatures, which a plain run never pays for.
"""

from __future__ import annotations

import json
import os
import sys
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Any

from pagevault.errors import InputError
from pagevault.text import strip_controls

CONFIG_FILE = "pagevault.toml"


def read_config(commands: Callable[[], dict[str, Callable[..., Any]]]) -> dict[str, Any]:
    """Option defaults per command from ``$PAGEVAULT_CONFIG`` or ./pagevault.toml::

        [diff]
        ignore = ["navigation", ".share-links"]
        [fetch]
        delay = 2.0

    Flags given on the command line win over the file, the file over built-in defaults."""
    path = Path(os.environ.get("PAGEVAULT_CONFIG") or CONFIG_FILE)
    if "PAGEVAULT_CONFIG" not in os.environ and not path.is_file():
        return {}
    import tomllib  # only when there is a file to read: it costs a few ms to import

    try:
        with path.open("rb") as handle:
            config = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"cannot read the configuration {path}: {error}") from error
    return checked_config(config, path, commands())


# The configuration file checked against the commands it sets: each table is a command
# (``[fetch]``), each key one of its options, by its name (``parse_budget``) or its flag
# (``parse-budget``). An unknown table or key is ignored with a one-line warning naming the
# file; a value of the wrong type is an error naming the file and the key (typer's own
# message would blame a flag that was never passed).

_CONTEXT_PARAMETERS = frozenset({"ctx"})


def checked_config(
    config: dict[str, Any], path: Path, commands: dict[str, Callable[..., Any]]
) -> dict[str, dict[str, Any]]:
    """Option defaults per command, from the parsed file ``path``."""
    defaults: dict[str, dict[str, Any]] = {}
    for section, values in config.items():
        command = commands.get(section)
        if command is None or not isinstance(values, dict):
            what = f"[{section}]" if isinstance(values, dict) else f"key {section!r}"
            _warn(path, f"unknown {what} (tables are commands: {', '.join(sorted(commands))})")
            continue
        defaults[section] = _checked_section(section, values, path, command)
    return defaults


def _checked_section(
    section: str, values: dict[str, Any], path: Path, command: Callable[..., Any]
) -> dict[str, Any]:
    options = _options(command)
    checked: dict[str, Any] = {}
    for key, value in values.items():
        name = options.get(key) or options.get(key.replace("-", "_"))
        if name is None:
            _warn(path, f"unknown key {key!r} in [{section}]")
            continue
        problem = _type_problem(_annotation(command, name), value)
        if problem is not None:
            shown = strip_controls(json.dumps(value, ensure_ascii=False, default=str))[:80]
            raise InputError(f"{path}: [{section}] {key} = {shown}: {problem}")
        checked[name] = value
    return checked


def _options(command: Callable[..., Any]) -> dict[str, str]:
    """Parameter names of ``command`` and the flags that set them (without dashes)."""
    import inspect

    names: dict[str, str] = {}
    hints = _hints(command)
    for name in inspect.signature(command).parameters:
        if name in _CONTEXT_PARAMETERS:
            continue
        names[name] = name
        for extra in getattr(hints.get(name), "__metadata__", ()):
            # typer.Option("--format", "-f"): the first flag is held as its default.
            flags = [getattr(extra, "default", None), *(getattr(extra, "param_decls", None) or ())]
            for flag in flags:
                if isinstance(flag, str) and flag.startswith("--"):
                    names[flag[2:]] = name
    return names


def _hints(command: Callable[..., Any]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(command, include_extras=True)
    except Exception:  # an annotation that cannot be evaluated here: names only
        return {}


def _annotation(command: Callable[..., Any], name: str) -> Any:
    hint = _hints(command).get(name)
    return typing.get_args(hint)[0] if hasattr(hint, "__metadata__") else hint


def _type_problem(annotation: Any, value: Any) -> str | None:
    """What is wrong with ``value`` for an option of type ``annotation``, or None."""
    annotation = _without_none(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation) or (Any,)
        if not isinstance(value, list) or any(_type_problem(item, v) for v in value):
            return f'expected a list of {_kind(item, plural=True)}, like ["a", "b"]'
        return None
    if annotation is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif annotation is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif annotation is bool:
        ok = isinstance(value, bool)
    elif annotation in (str, Path):
        ok = isinstance(value, str)
    elif isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = [str(member.value) for member in annotation]
        if value not in choices:
            return f"expected one of {', '.join(choices)}"
        ok = True
    else:
        ok = True  # a type this check does not know: typer's coercion decides
    return None if ok else f"expected {_kind(annotation)}"


def _without_none(annotation: Any) -> Any:
    if isinstance(annotation, UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [arg for arg in typing.get_args(annotation) if arg is not NoneType]
        if len(members) == 1:
            return members[0]
    return annotation


def _kind(annotation: Any, *, plural: bool = False) -> str:
    kinds = {float: "a number", int: "a whole number", bool: "true or false", str: "a string"}
    kind = kinds.get(annotation, "a string" if annotation is Path else "a value")
    return kind.removeprefix("a ") + "s" if plural and kind.startswith("a ") else kind


def _warn(path: Path, message: str) -> None:
    line = " ".join(strip_controls(f"{path}: {message}, ignored").split())
    sys.stderr.write(f"pagevault: warning: {line}\n")
