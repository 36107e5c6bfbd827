"""The runtime works without the authoring tools and libsass: with their imports blocked, a
theme compiles, a component renders its standalone page, becomes an anywidget, and the
command line's theme commands run; an authoring command, or custom CSS, says what to install
in one line.

Each check runs in a fresh interpreter whose ``sys.modules`` maps the authoring packages to
``None`` (an ``import`` of one then fails as if it were not installed).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from livery._extras import AUTHORING_MODULES

RUNTIME_LEAVES_OUT = AUTHORING_MODULES | {"sass"}
"""The authoring extra's imports and libsass (the ``css`` extra)."""
BLOCK = "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in RUNTIME_LEAVES_OUT)


def run_without_authoring(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_themes_and_components_need_no_authoring_tool() -> None:
    result = run_without_authoring(
        """
        import pathlib, tempfile
        import livery
        from pydantic import RootModel
        from livery.component import Component
        from livery.component.standalone import mount_html

        assert "--primary-500" in livery.Theme.load("soft").css()
        built = pathlib.Path(tempfile.mkdtemp())
        (built / "index.js").write_text(
            "export default { render({ model, el }) { el.textContent = model.get('value'); } };"
        )

        class Note(Component):
            Value = RootModel[str]
            events = ("change",)
            template_dir = built

        assert "export default" in mount_html(Note("hi"))
        widget = Note.to_anywidget()(value="hi")
        assert widget.python_value() == "hi"

        """
    )
    assert result.returncode == 0, result.stderr


def test_the_theme_commands_run_without_authoring_tools() -> None:
    result = run_without_authoring(
        """
        sys.argv = ["livery", "theme", "build", "soft"]
        from livery.cli import main
        main()
        """
    )
    assert result.returncode == 0, result.stderr
    assert "--primary-500" in result.stdout


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["component", "build", "."], "livery component build"),
        (["component", "playground", "."], "livery component playground"),
        (["gallery", "--port", "0"], "livery gallery"),
    ],
)
def test_an_authoring_command_names_the_extra(argv: list[str], command: str) -> None:
    result = run_without_authoring(
        f"""
        sys.argv = ["livery", *{argv!r}]
        from livery.cli import main
        main()
        """
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {command} needs Livery's authoring tools (")
    assert lines[0].endswith("is not installed): pip install 'livery-sdk[authoring]'")


def test_custom_css_without_libsass_names_the_extra() -> None:
    result = run_without_authoring(
        """
        import livery
        try:
            livery.Theme.load("soft").css(custom=".x { color: var(--body-text-color); }")
        except livery.LibsassMissingError as error:
            print(error)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(
        "custom CSS and SCSS need libsass: pip install 'livery-sdk[css]'"
    )
