"""Theme definitions people write in Python, run with only their imports switched to Livery.

The corpus (``theme_corpus_py/``, sources in its SOURCES.md) is real Python theme code from
public repositories: ``gr.themes.Soft(...).set(...)`` chains, ``Base``/``Soft`` subclasses with
``super().set(...)``, built-ins with Google fonts, attributes assigned in ``__init__``. Each file
is run as written, with Gradio, and after ``to_livery`` (the mechanical import switch of
``test_gradio_examples``); every variable, light and dark, must have Gradio's value.

Gradio's ``.set()`` also resets four background variables it is not given to Base's values,
which changes a Soft/Monochrome/… theme. Which files that happens to is computed from Gradio
itself (the same file run with a ``.set()`` that keeps them), and Livery's ``gradio_resets``
must name a reset exactly for those files.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

import livery
from livery.theme import BY_NAME, Kind

from .gradio_apps import to_livery
from .test_gradio_examples import differences, gr, gradio_value, run

pytestmark = [
    pytest.mark.interop,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

CORPUS = Path(__file__).parent / "theme_corpus_py"
FILES = sorted(CORPUS.glob("*.py"))
BACKGROUNDS = (
    "background_fill_primary",
    "background_fill_primary_dark",
    "background_fill_secondary",
    "background_fill_secondary_dark",
)
"""What Gradio 6's ``Base.set()`` puts back to Base's values unless it is passed them."""

RESET_BY_GRADIO = {
    "deepseek-ai-deepseek-vl--presets",
    "gaizhenbiao-chuanhuchatgpt--presets",
    "h2oai-h2ogpt--h2o-theme",
    "h2oai-h2ogpt--soft-theme",
    "ip1259-cvta-form--survey-theme-emb",
    "project-baize-baize-chatbot--presets",
}
"""Files whose ``.set()`` loses a background of the theme they start from (all on Soft)."""


def _runs(path: Path) -> tuple[Any, Any]:
    source = path.read_text(encoding="utf-8")
    return run(path, source).theme, run(path, to_livery(source)).theme


def _keeping_backgrounds(original: Callable[..., Any]) -> Callable[..., Any]:
    """Gradio's ``Base.set`` without its reset: the backgrounds not passed keep their value
    (``Base.__init__`` calls ``set()`` before they have one; that first call is left alone)."""

    def set_(self: Any, **variables: Any) -> Any:
        kept = {name: getattr(self, name, None) for name in BACKGROUNDS if not variables.get(name)}
        result = original(self, **variables)
        for name, value in kept.items():
            if value is not None:
                setattr(self, name, value)
        return result

    return set_


def _reset_by_gradio(path: Path) -> bool:
    """Whether Gradio's own run ends with other backgrounds than it would without the reset."""
    source = path.read_text(encoding="utf-8")
    as_written = run(path, source).theme
    with mock.patch.object(gr.themes.Base, "set", _keeping_backgrounds(gr.themes.Base.set)):
        unreset = run(path, source).theme
    return any(gradio_value(as_written, n) != gradio_value(unreset, n) for n in BACKGROUNDS)


def test_the_corpus_is_real_and_varied() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    repos = set()
    for path in FILES:
        rows = [line for line in sources.splitlines() if f"`{path.name}`" in line]
        assert len(rows) == 1, f"{path.name} needs one row in SOURCES.md"
        cells = [cell.strip() for cell in rows[0].split("|")]
        assert cells[4].strip("`") and len(cells[4].strip("`")) == 40  # the commit
        repos.add(cells[2])
    assert len(FILES) >= 15
    assert len(repos) >= 10
    assert "gradio-app/gradio" not in repos
    assert len(RESET_BY_GRADIO) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_the_switch_touches_only_theme_imports(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    rewritten = to_livery(source)
    assert "gr.themes" not in rewritten and "gradio.themes" not in rewritten
    lines = rewritten.splitlines()
    if "import livery.themes" in lines:
        lines.remove("import livery.themes")  # the one line added
    changed = [new for old, new in zip(source.splitlines(), lines, strict=True) if new != old]
    assert changed and all("livery.themes" in line for line in changed)


_PROPERTY = {Kind.COLOUR: "color", Kind.FILL: "background", Kind.IMAGE: "background-image",
             Kind.LENGTH: "border-top-width", Kind.SHADOW: "box-shadow",
             Kind.WEIGHT: "font-weight", Kind.FONT: "font-family", Kind.TRANSFORM: "transform",
             Kind.TRANSITION: "transition"}  # fmt: skip
"""A CSS property that takes each kind of theme value, for asking Chromium about a value."""


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_definition_gives_gradios_values_in_both_modes(path: Path, page: Any) -> None:
    """Every value is Gradio's; where Gradio writes one browsers ignore (``('#dbeafe',)`` from
    a stray comma, ``*#110F0F``), Livery writes ``initial``, and Chromium confirms that it
    ignores Gradio's text, so both leave the property unset."""
    theirs, ours = _runs(path)
    assert isinstance(ours, livery.Theme), f"{path.name} still builds {type(ours)!r}"
    assert not isinstance(theirs, livery.Theme)
    assert type(ours).__name__ == type(theirs).__name__  # H2oTheme stays H2oTheme
    differ = []
    for line in differences(theirs, ours):
        key, gradio_text, livery_text = _DIFFERENCE.fullmatch(line).groups()
        kind = BY_NAME[key.removesuffix("_dark")].kind
        dropped = "initial" in ast.literal_eval(livery_text).split()
        if dropped and not _supported(page, kind, ast.literal_eval(gradio_text)):
            continue  # both invalid where they are used
        differ.append(line)
    assert not differ, f"{len(differ)} values differ:\n" + "\n".join(differ)
    assert ours._stylesheets == []  # Livery serves the Google fonts Gradio links itself


_DIFFERENCE = re.compile(r"(\w+): Gradio (.*), Livery (.*)")


def _supported(page: Any, kind: Kind, value: str) -> bool:
    return page.evaluate("([p, v]) => CSS.supports(p, v)", [_PROPERTY[kind], value])


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_gradio_resets_are_reported_where_gradio_resets(path: Path) -> None:
    expected = path.stem in RESET_BY_GRADIO
    assert _reset_by_gradio(path) is expected
    _, ours = _runs(path)
    resets = ours.gradio_resets
    assert bool(resets) is expected, resets
