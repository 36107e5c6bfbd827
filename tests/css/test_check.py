"""Every ``var(--x)`` is checked against the theme, at the user's own file and line."""

from __future__ import annotations

import warnings

import pytest

import livery
from livery.css import (
    CssError,
    UnknownCssVariableError,
    UnknownCssVariableWarning,
    check_css,
    compile_custom,
)
from livery.theme.model import Theme


def unknown(theme: Theme, custom: object, **options: object) -> list[str]:
    """The warning messages compiling ``custom`` gives."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile_custom(theme, custom, **options)
    assert all(issubclass(w.category, UnknownCssVariableWarning) for w in caught)
    return [str(w.message) for w in caught]


def test_unknown_names_warn_with_file_line_and_suggestion(theme: Theme) -> None:
    source = ".a {\n  color: var(--body-text-color);\n  background: var(--butn-primary);\n}\n"
    assert unknown(theme, source) == [
        "<custom>:3: unknown theme variable --butn-primary; "
        "did you mean --button-primary-…, --primary-…?"
    ]


def test_a_close_name_is_suggested_first(theme: Theme) -> None:
    [message] = unknown(theme, "a { border-width: var(--blok-border-width); }")
    assert message.startswith(
        "<custom>:1: unknown theme variable --blok-border-width; did you mean "
        "--block-border-width, "
    )


def test_a_name_far_from_everything_has_no_suggestion(theme: Theme) -> None:
    assert unknown(theme, "a { color: var(--zzz); }") == [
        "<custom>:1: unknown theme variable --zzz"
    ]


def test_the_warning_is_a_livery_error_and_a_user_warning(theme: Theme) -> None:
    with pytest.warns(UserWarning) as caught:
        theme.css(custom="\n\na { color: var(--nope-nope); }")
    warning = caught[0].message
    assert isinstance(warning, UnknownCssVariableWarning)
    assert isinstance(warning, livery.LiveryError) and isinstance(warning, CssError)
    assert (warning.file, warning.line, warning.problem.name) == ("<custom>", 3, "--nope-nope")
    assert caught[0].filename == __file__  # points at the caller of theme.css
    with pytest.warns(UnknownCssVariableWarning) as direct:
        compile_custom(theme, "a { color: var(--nope-nope); }")
    assert direct[0].filename == __file__


def test_theme_css_warns_too(theme: Theme) -> None:
    with pytest.warns(
        UnknownCssVariableWarning, match=r"<custom>:1: .*--primary-5000.*--primary-500"
    ):
        css = theme.css(custom="a { color: var(--primary-5000); }")
    assert css.endswith("a {\n  color: var(--primary-5000);\n}\n")


def test_every_catalogue_name_is_known(theme: Theme) -> None:
    from livery.theme.catalogue import VARIABLES

    source = "\n".join(
        f"a{i} {{ x: var(--{v.name.replace('_', '-')}); }}" for i, v in enumerate(VARIABLES)
    )
    assert unknown(theme, source) == []


def test_names_the_stylesheet_declares_are_known(theme: Theme) -> None:
    source = """
:root { --my-gap: 4px; --brand_color:#f00; }
.a { padding: var(--my-gap); color: var( --brand_color ); margin: var(--my-gapp); }
"""
    assert unknown(theme, source) == [
        "<custom>:3: unknown theme variable --my-gapp; did you mean --my-gap, --layout-gap?"
    ]


def test_names_declared_in_a_partial_are_known_everywhere(theme: Theme, write) -> None:
    write("s/_tokens.scss", ":root {\n  --card-pad: 8px;\n}\n")
    main = write("s/app.scss", '@import "tokens";\n.a { padding: var(--card-pad); }\n')
    assert unknown(theme, main) == []


def test_an_unknown_name_in_a_partial_is_reported_there(theme: Theme, write) -> None:
    write("s/_buttons.scss", "\n.btn {\n  color: var(--button-primry-text-color);\n}\n")
    main = write("s/app.scss", '@import "buttons";\n.x { color: var(--nope-x); }\n')
    partial = main.parent / "_buttons.scss"
    assert unknown(theme, main) == [
        f"{main}:2: unknown theme variable --nope-x",
        f"{partial}:3: unknown theme variable --button-primry-text-color; did you mean "
        "--button-primary-text-color, --button-primary-text-color-hover, "
        "--button-primary-border-color?",
    ]


def test_partials_are_named_as_the_stylesheet_was_given(
    theme: Theme, write, tmp_path, monkeypatch
) -> None:
    write("s/_b.scss", "a { color: var(--nope-b); }\n")
    write("s/app.scss", '@import "b";\n')
    monkeypatch.chdir(tmp_path)
    assert unknown(theme, "s/app.scss") == ["s/_b.scss:1: unknown theme variable --nope-b"]


def test_comments_and_strings_are_not_checked(theme: Theme) -> None:
    source = """
// var(--in-line-comment)
/* var(--in-block-comment) */
a::after { content: "var(--in-a-string)"; background: url(data:image/png,x); }
b { color: var(--not-a-theme-name); } // var(--after-code)
"""
    assert unknown(theme, source) == ["<custom>:5: unknown theme variable --not-a-theme-name"]


def test_the_same_name_twice_on_a_line_is_reported_once(theme: Theme) -> None:
    messages = unknown(theme, "a { margin: var(--gapx) var(--gapx); }\nb { x: var(--gapx); }")
    assert [m.split(": ")[0] for m in messages] == ["<custom>:1", "<custom>:2"]


def test_names_built_by_interpolation_are_checked_in_the_compiled_css(theme: Theme) -> None:
    source = (
        '$names: "primary-500", "primry-600";\n'
        "@each $n in $names { .c-#{$n} { color: var(--#{$n}); } }\n"
    )
    assert unknown(theme, source) == [
        "<custom>: unknown theme variable --primry-600; "
        "did you mean --primary-600, --primary-900, --primary-800?"
    ]


def test_names_declared_by_interpolation_are_known(theme: Theme) -> None:
    source = '$n: "brand";\n:root { --#{$n}-color: red; }\na { color: var(--brand-color); }\n'
    assert unknown(theme, source) == []


def test_strict_makes_them_one_error(theme: Theme) -> None:
    source = "a { color: var(--nope-one); }\n\nb { color: var(--nope-two); }\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(UnknownCssVariableError) as caught:
            compile_custom(theme, source, strict=True)
    error = caught.value
    assert isinstance(error, livery.LiveryError)
    assert (
        str(error) == "<custom>:1: unknown theme variable --nope-one (and 1 more unknown variable)"
    )
    assert [(p.name, p.line) for p in error.problems] == [("--nope-one", 1), ("--nope-two", 3)]
    with pytest.raises(UnknownCssVariableError):
        theme.css(custom=source, strict=True)


def test_strict_passes_a_clean_stylesheet(theme: Theme) -> None:
    css = compile_custom(theme, "a { color: var(--body-text-color); }", strict=True)
    assert "var(--body-text-color)" in css


def test_check_css_on_its_own(theme: Theme) -> None:
    problems = check_css(theme, "a {\n  color: var(--body-txt-color);\n}\n", file="app.css")
    assert [str(p) for p in problems] == [
        "app.css:2: unknown theme variable --body-txt-color; did you mean --body-text-color, "
        "--body-text-color-subdued, --table-text-color?"
    ]
    assert check_css(theme, "a { color: var(--body-text-color); }") == []
    [problem] = check_css(None, {"x.css": "a { b: var(--q); }"})
    assert (problem.file, problem.line, problem.name) == ("x.css", 1, "--q")
