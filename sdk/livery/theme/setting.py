"""Setting a theme's variables: ``set()`` and attribute assignment, in Gradio's semantics or
Livery's (``livery.theme.gradio_set`` says how Gradio's differ).

Every value is checked before anything changes, so a bad value leaves the theme as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from typing_extensions import Self

from livery.errors import InvalidValueError, ThemeError
from livery.theme import gradio_set
from livery.theme.catalogue import DARK_NAMES
from livery.theme.gradio_set import Reset, Semantics
from livery.theme.tables import check_variable
from livery.theme.values import remote_urls

if TYPE_CHECKING:
    from livery.theme.resolve import Resolved


class VariableSetting:
    """``set()``, ``semantics`` and ``gradio_resets`` of a ``Theme``."""

    # Fields and private attributes of ``Theme``, declared here for type checkers only.
    if TYPE_CHECKING:
        overrides: dict[str, str | None]
        _SEMANTICS: Semantics
        _semantics: Semantics | None
        _resets: list[Reset]
        _remote_urls: bool
        _source: str | None
        _resolved: Resolved | None

        def resolved(self) -> Resolved: ...

    def set(self, **variables: object) -> Self:
        """Set theme variables (``name=value`` or ``name_dark=value``) and return the theme.

        Values may reference other variables as ``*name``; an unknown name is an error that
        suggests the closest names. ``None`` leaves a variable as it is (as in Gradio). With
        Gradio's semantics (``semantics``, the default of ``livery.themes`` classes) ``""``
        and ``0`` do too, and the background fills not passed go back to Base's values, as
        Gradio's ``.set()`` does; with Livery's, ``""`` and ``0`` are values and only what you
        pass changes.
        """
        if self.semantics == "gradio":
            variables = gradio_set.passed(variables)
            resets = gradio_set.resets(self.overrides, variables)
            self._assign(variables, reset=gradio_set.RESET)
            self._resets.extend(resets)
            return self
        return self._assign({name: value for name, value in variables.items() if value is not None})

    @property
    def semantics(self) -> Semantics:
        """How ``.set()`` treats this theme: ``"gradio"`` (as Gradio's ``Base.set()``) or
        ``"livery"`` (only what you pass changes)."""
        return self._semantics or self._SEMANTICS

    @property
    def gradio_resets(self) -> tuple[Reset, ...]:
        """The variables Gradio's ``.set()`` semantics put back to Base's values on this theme
        where they had another value, with the line that called ``.set()``: what would look
        different with ``semantics="livery"``."""
        return tuple(self._resets)

    def _assign(self, variables: Mapping[str, object], reset: tuple[str, ...] = ()) -> Self:
        """Check every value first, then change the theme (a bad value changes nothing).

        ``None`` on a ``_dark`` name makes the dark value follow the light one (Gradio's
        ``theme.x_dark = None``); names in ``reset`` that are not given lose their override.
        """
        like_gradio = self.semantics == "gradio"
        checked: dict[str, str | None] = {}
        for name, value in variables.items():
            if like_gradio:
                value = gradio_set.as_text(name, value)
            if value is None and name in DARK_NAMES:
                checked[name] = None
                continue
            try:
                with remote_urls(self._remote_urls):
                    checked[name] = check_variable(name, value)
            except InvalidValueError as error:
                if not like_gradio or not gradio_set.dropped(name, value, error.reason):
                    raise error.with_source(self._source) from None
                checked[name] = gradio_set.DROPPED
            except ThemeError as error:
                raise error.with_source(self._source) from None
        dropped = [name for name in reset if name not in checked and name in self.overrides]
        if not (checked or dropped):
            return self
        before, resolved_before = dict(self.overrides), self._resolved
        for name in dropped:
            del self.overrides[name]
        self.overrides.update(checked)
        self._resolved = None
        try:  # references (unknown names, cycles) are checked now, not when css() runs
            self.resolved()
        except ThemeError:
            self.overrides.clear()
            self.overrides.update(before)
            self._resolved = resolved_before
            raise
        return self
