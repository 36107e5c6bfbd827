"""Compiling custom CSS and SCSS: the ``livery`` module, the dark mixin, partials, output."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import tinycss2

from livery import themes
from livery.css import CssFileError, ScssError, compile_custom
from livery.theme.model import Theme


def rules(css: str) -> dict[str, str]:
    """Selector → declarations (whitespace-normalised) of the top-level qualified rules."""
    found = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selector = " ".join(tinycss2.serialize(rule.prelude).split())
            found[selector] = " ".join(tinycss2.serialize(rule.content).split())
    return found


def compile_quietly(theme: Theme, custom: str | Path, **options: object) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no unknown-variable warning expected
        return compile_custom(theme, custom, **options)


def test_plain_css_text_passes_through(theme: Theme) -> None:
    css = compile_quietly(theme, ".card { color: var(--body-text-color); }")
    assert css.startswith("\n")
    assert rules(css) == {".card": "color: var(--body-text-color);"}


def test_scss_text_gets_the_theme_variables_and_nesting(theme: Theme) -> None:
    source = """
@import "livery";
.card {
  background: $primary-500;
  border-radius: $radius-lg;
  .title { color: darken($primary-500, 10%); }
  &:hover { background: map-get($livery-theme, "primary-600"); }
}
"""
    found = rules(compile_quietly(theme, source))
    assert found[".card"] == (
        f"background: {theme.literal('primary_500')}; border-radius: {theme.literal('radius_lg')};"
    )
    assert found[".card .title"].startswith("color: #")
    assert found[".card .title"] != f"color: {theme.literal('primary_500')};"
    assert found[".card:hover"] == f"background: {theme.literal('primary_600')};"


def test_the_variables_follow_the_theme() -> None:
    source = '@import "livery";\na { color: $primary-500; }'
    red = compile_quietly(themes.Base(primary_hue="red"), source)
    green = compile_quietly(themes.Base(primary_hue="green"), source)
    assert themes.Base(primary_hue="red").literal("primary_500") in red
    assert themes.Base(primary_hue="green").literal("primary_500") in green


def test_values_libsass_cannot_parse_are_passed_as_text() -> None:
    theme = themes.Soft()  # its shadows use rgb(0 0 0 / 0.1), which libsass 3.6 rejects
    assert "rgb(0 0 0 /" in theme.literal("shadow_drop")
    css = compile_quietly(theme, '@import "livery";\na { box-shadow: $shadow-drop; }')
    assert rules(css) == {"a": f"box-shadow: {theme.literal('shadow_drop')};"}


def dark_rules(css: str) -> dict[str, set[str]]:
    """Declarations → every selector they apply to, with ``@media …`` prefixed in media rules."""
    found: dict[str, set[str]] = {}

    def walk(nodes: list, media: str) -> None:
        for node in nodes:
            if node.type == "qualified-rule":
                body = " ".join(tinycss2.serialize(node.content).split())
                for selector in tinycss2.serialize(node.prelude).split(","):
                    found.setdefault(body, set()).add(media + " ".join(selector.split()))
            elif node.type == "at-rule" and node.lower_at_keyword == "media":
                query = " ".join(tinycss2.serialize(node.prelude).split())
                inner = tinycss2.parse_rule_list(node.content, True, True)
                walk(inner, f"@media {query} ")

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "")
    return found


_CLASS = {":root.dark .card", ":root .dark .card"}
_ATTRIBUTE = {':root[data-theme="dark"] .card', ':root [data-theme="dark"] .card'}
_MEDIA = {"@media (prefers-color-scheme: dark) .card"}


@pytest.mark.parametrize(
    ("dark", "selectors"),
    [
        ("class", _CLASS),
        ("attribute", _ATTRIBUTE),
        ("media", _MEDIA),
        ("all", _CLASS | _ATTRIBUTE | _MEDIA),
    ],
)
def test_dark_mixin_follows_the_dark_switch(theme: Theme, dark: str, selectors: set[str]) -> None:
    source = '@use "livery";\n.card { color: red; @include livery.dark { color: white; } }'
    found = dark_rules(compile_quietly(theme, source, dark=dark))
    assert found == {"color: red;": {".card"}, "color: white;": selectors}


def test_dark_mixin_at_the_top_level(theme: Theme) -> None:
    css = compile_quietly(theme, '@import "livery";\n@include dark { .x { color: white; } }')
    assert dark_rules(css) == {"color: white;": {":root.dark .x", ":root .dark .x"}}
    source = '@import "livery";\n@include dark { --accent: red; }'
    media = compile_quietly(theme, source, dark="media")
    assert dark_rules(media) == {"--accent: red;": {"@media (prefers-color-scheme: dark) :root"}}


def test_the_dark_values_map(theme: Theme) -> None:
    source = '@import "livery";\na { color: map-get($livery-theme-dark, "body-text-color"); }'
    css = compile_quietly(theme, source)
    assert rules(css) == {"a": f"color: {theme.literal('body_text_color', dark=True)};"}


def test_use_forms_are_rewritten_for_libsass(theme: Theme) -> None:
    expected = {"a": f"color: {theme.literal('primary_500')};"}
    for source in (
        '@use "livery";\na { color: livery.$primary-500; }',
        '@use "livery" as t;\na { color: t.$primary-500; }',
        '@use "livery" as *;\na { color: $primary-500; }',
    ):
        css = compile_quietly(theme, source)
        assert rules(css) == expected, source
        assert "@use" not in css and "@import" not in css


def test_a_file_imports_a_partial_from_its_folder(theme: Theme, write) -> None:
    write("styles/_buttons.scss", '@import "livery";\n.btn { color: $primary-500; }\n')
    write("styles/parts/_cards.scss", ".card { color: var(--body-text-color); }\n")
    write("styles/parts/_index.scss", '@import "cards";\n')
    main = write("styles/app.scss", '@import "buttons";\n@use "parts";\n.app { margin: 0; }\n')
    found = rules(compile_quietly(theme, main))
    assert list(found) == [".btn", ".card", ".app"]
    assert found[".btn"] == f"color: {theme.literal('primary_500')};"


def test_a_css_partial_and_an_explicit_extension(theme: Theme, write) -> None:
    write("styles/reset.css", "* { margin: 0; }\n")
    write("styles/_more.scss", "b { c: d; }\n")
    main = write("styles/app.scss", '@import "reset.css";\n@import "more.scss";\n')
    assert list(rules(compile_quietly(theme, main))) == ["*", "b"]


def test_path_as_string_and_as_path(theme: Theme, write) -> None:
    main = write("app.css", "a { color: var(--body-text-color); }\n")
    assert compile_quietly(theme, main) == compile_quietly(theme, str(main))
    assert rules(compile_quietly(theme, str(main))) == {"a": "color: var(--body-text-color);"}


def test_a_missing_file_is_an_error_not_text(theme: Theme, tmp_path: Path) -> None:
    with pytest.raises(CssFileError) as caught:
        compile_custom(theme, str(tmp_path / "nope.scss"))
    assert str(caught.value) == f"{tmp_path / 'nope.scss'}: no such file"


def test_a_file_over_one_megabyte_is_refused(theme: Theme, write) -> None:
    main = write("big.css", "a { b: c; }\n" * 100_000)
    with pytest.raises(CssFileError, match="over 1 MB"):
        compile_custom(theme, main)


def test_indented_sass_file(theme: Theme, write) -> None:
    write("styles/_part.sass", ".p\n  color: blue\n")
    main = write("styles/app.sass", '@import "livery"\n@import "part"\n.a\n  color: $primary-500\n')
    found = rules(compile_quietly(theme, main))
    assert found == {".p": "color: blue;", ".a": f"color: {theme.literal('primary_500')};"}


def test_minify_compresses_and_has_no_leading_newline(theme: Theme) -> None:
    source = "@import 'livery';\n.card {\n  color: red;\n  .title { margin: 0 }\n}\n"
    css = compile_quietly(theme, source, minify=True)
    assert css == ".card{color:red}.card .title{margin:0}"


def test_non_ascii_output_has_no_charset_or_bom(theme: Theme) -> None:
    for minify in (False, True):
        css = compile_quietly(theme, 'a::after { content: "→ é"; }', minify=minify)
        assert "@charset" not in css and "\ufeff" not in css
        assert "→ é" in css


def test_a_stylesheet_of_variables_only_compiles_to_nothing(theme: Theme) -> None:
    assert compile_quietly(theme, '@import "livery";\n$x: 1px;\n') == ""
    assert theme.css(custom="$x: 1px;") == theme.css()


def test_theme_css_is_the_theme_followed_by_the_custom_css(theme: Theme, write) -> None:
    main = write("app.scss", '@import "livery";\n.card { color: $primary-500; }\n')
    combined = theme.css(custom=main)
    assert combined.startswith(theme.css())
    assert combined == theme.css() + compile_quietly(theme, main)
    assert combined.endswith(".card {\n  color: " + theme.literal("primary_500") + ";\n}\n")
    minified = theme.css(custom=main, minify=True, dark="media")
    assert minified == theme.css(minify=True, dark="media") + (
        ".card{color:" + theme.literal("primary_500") + "}"
    )


def test_scss_errors_are_one_line_with_the_line_number(theme: Theme) -> None:
    with pytest.raises(ScssError) as caught:
        compile_custom(theme, "a {\n  b: c;\n  d {\n")
    message = str(caught.value)
    assert message.startswith("<custom>:3: ")
    assert "\n" not in message and "Traceback" not in message
    assert (caught.value.file, caught.value.line) == ("<custom>", 3)


def test_scss_error_in_a_partial_names_the_partial(theme: Theme, write) -> None:
    write("styles/_broken.scss", ".x {\n  color: $undefined-thing;\n}\n")
    main = write("styles/app.scss", '\n\n@import "broken";\n')
    with pytest.raises(ScssError) as caught:
        compile_custom(theme, main)
    partial = str(Path(str(main)).parent / "_broken.scss")
    assert str(caught.value) == f'{partial}:2: Undefined variable: "$undefined-thing".'


def test_user_error_directive_is_reported(theme: Theme) -> None:
    with pytest.raises(ScssError, match=r"^<custom>:2: too wide$"):
        compile_custom(theme, '$w: 2;\n@if $w > 1 { @error "too wide"; }\n')


def test_an_error_inside_the_livery_module_is_blamed_on_the_users_line(theme: Theme) -> None:
    source = '@import "livery";\n\n.a { @include dark("sometimes") { color: red; } }\n'
    with pytest.raises(ScssError) as caught:
        compile_custom(theme, source)
    assert caught.value.file == "<custom>" and caught.value.line == 3
    assert "sometimes" in str(caught.value) and "\n" not in str(caught.value)


def test_use_namespace_rewriting_leaves_selectors_alone(theme: Theme, write) -> None:
    write("s/_table.scss", "@mixin striped { color: red; }\n@function wide() { @return 10px; }\n")
    source = (
        '@use "table";\n'
        "table.striped { @include  table.striped; width: table.wide(); }\n"
        '.x::after { content: "table.striped()"; }\n'
    )
    main = write("s/app.scss", source)
    found = rules(compile_quietly(theme, main))
    assert found == {
        "table.striped": "color: red; width: 10px;",
        ".x::after": 'content: "table.striped()";',
    }


def test_a_broken_livery_module_is_named(theme: Theme, monkeypatch) -> None:
    import livery.theme.css.build as build

    monkeypatch.setattr(
        build, "prelude", lambda resolved, dark, name="": "$x: 1;\n$y: rgb(0 0 0 / 1);\n"
    )
    with pytest.raises(ScssError) as caught:
        compile_custom(theme, '\n@import "livery";\n')
    assert str(caught.value) == (
        "livery: the theme's livery module does not compile (Function rgb is missing "
        "argument $green.): please report this as a Livery bug"
    )
