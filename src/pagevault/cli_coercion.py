"""Plain option values coerced without pydantic, as typer's own coercion would.

typer 0.29 coerces every value (defaults included) through a pydantic ``TypeAdapter``
built on first use: importing pydantic and building the ten adapters of ``fetch`` cost
~120 ms of CPU at every start, a third of a one-page fetch (the parent process needs
pydantic for nothing else). The values this command line takes are plain: a str, an int
or a float written as plain digits, a path, a list of str. Those are coerced here to
exactly what the adapter gives; anything else (a malformed number, a choice, a value of
another type from the configuration file) goes to typer's own coercion, so its messages
and edge cases stay typer's. (A typer without these internals fails to import this
module: ``pagevault.cli`` then leaves typer's coercion alone.)
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

from typer._coercion import RuntimeParam, build_runtime_param
from typer._param_types import coerce_cli_path
from typer.core import _TyperParameter

if TYPE_CHECKING:
    from typer._click import Command, Context, Parameter
    from typer.core import TyperOption

# Numbers as pydantic and Python read them alike (no sign, exponent, "_" or blank).
_PLAIN_INT = re.compile(r"[0-9]{1,18}")
_PLAIN_FLOAT = re.compile(r"[0-9]{1,18}(?:\.[0-9]{1,18})?")
LEFT_TO_TYPER = object()  # a value left to typer's coercion


def coerce_plain_values(command: Command) -> None:
    """Give every parameter of ``command`` and its subcommands the plain coercion."""
    for param in command.params:
        _install(param)
    _install_on_help_option(command)
    for subcommand in getattr(command, "commands", {}).values():
        coerce_plain_values(subcommand)


def _install(param: Parameter) -> None:
    """Give ``param`` the plain coercion; a typer whose parameters are shaped otherwise
    (attributes renamed) keeps its own coercion for it."""
    if not isinstance(param, _TyperParameter):
        return
    with contextlib.suppress(AttributeError, TypeError):
        descriptor = param.type_descriptor
        if descriptor.file_annotation is None:
            plain = PlainRuntimeParam(descriptor.parameter_info, descriptor.annotation)
            param._runtime_param = plain


def _install_on_help_option(command: Command) -> None:
    """The --help option is made on first use, from the context of the parse (even when
    it is not given, its value None goes through typer's coercion)."""
    make_help_option = command.get_help_option

    def get_help_option(ctx: Context) -> TyperOption | None:
        option = make_help_option(ctx)
        if option is not None and getattr(option, "_runtime_param", None) is None:
            _install(option)
        return option

    command.get_help_option = get_help_option  # type: ignore[method-assign]


class PlainRuntimeParam(RuntimeParam):
    """typer's coercion of one parameter (None and the multi-value checks are the base
    class's), without an adapter for plain values. (No fields of its own: it is not made a
    dataclass again, which would cost ~3 M instructions at every start.)"""

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        info = self.parameter_info
        if info.parser is None and info.min is None and info.max is None:
            plain = self._plain(value, param, ctx)
            if plain is not LEFT_TO_TYPER:
                return plain
        return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)

    def _plain(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        if self.annotation is Path and self.parameter_info.path_type is None:
            return _path(value, self.parameter_info, param, ctx)
        origin: Any = get_origin(self.annotation)
        if origin is list and type(value) in (list, tuple):
            items = [plain_value(get_args(self.annotation)[0], item) for item in value]
            return LEFT_TO_TYPER if LEFT_TO_TYPER in items else items
        return plain_value(self.annotation, value)


def plain_value(annotation: Any, value: Any) -> Any:
    """``value`` as typer's adapter for ``annotation`` gives it, or LEFT_TO_TYPER."""
    kind = type(value)
    if kind is annotation and annotation in (str, int, float, bool):
        return value
    if kind is str and annotation is int and _PLAIN_INT.fullmatch(value):
        return int(value)
    if kind is str and annotation is float and _PLAIN_FLOAT.fullmatch(value):
        return float(value)
    return LEFT_TO_TYPER


def _path(value: Any, info: Any, param: _TyperParameter, ctx: Context) -> Any:
    """pydantic makes ``Path(value)`` of any str; typer then checks the path itself."""
    if type(value) is str:
        value = Path(value)
    if not isinstance(value, Path):
        return LEFT_TO_TYPER
    return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
