"""``livery component docs``: a page and a README section from each template's class, for real.

Every template is built once (the ``built`` fixture) and copied; the docs are written, the
README section is read back as Markdown, and the page is opened from disk in Chromium, where
every story must mount. Hostile docstrings and descriptions must show as text.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from pydantic import BaseModel, Field

from livery.component import Component, Story, command
from livery.component.build import BuildResult
from livery.component.docs import (
    END,
    START,
    docs_page,
    readable_type,
    readme_section,
    with_section,
    write_docs,
)
from livery.component.playground import load_demo
from livery.component.project import Project
from livery.component.standalone import mount_html
from livery.component.templates import create
from livery.errors import DocsError
from livery.testing.page import document, theme_css
from tests.component.projects import NAMES, TEMPLATES
from tests.component.test_playground import own_imports

LIVERY = (sys.executable, "-m", "livery")
THEMES = ("default", "ocean")
VALUE_TYPES = {
    "text": "string (≤ 10000 characters)",
    "slider": "number",
    "html": "string (≤ 1000000 characters)",
    "preact": "integer (≥ 0, ≤ 10)",
    "image": (
        '{url: string, name?: string (≤ 255 characters), mime?: "image/png" | "image/jpeg" | '
        '"image/gif" | "image/webp", size?: integer (≥ 0, ≤ 10000000)}'
    ),
}
"""What a reader sees as each template's value type."""
STYLES = """(root) => [...root.querySelectorAll("*")].map((el) => {
  const style = getComputedStyle(el);
  const names = ["color", "background-color", "font-size", "font-weight", "line-height",
    "padding", "margin", "border", "border-radius", "text-align", "display"];
  return [el.tagName, el.className, ...names.map((name) => style.getPropertyValue(name))];
})"""
"""What every element of a mounted component looks like (but the font, which the test page
replaces, and sizes, which depend on the page's width)."""
HOSTILE = "</script><img src=x onerror=alert(1)> <!-- livery-docs:end --> | *not bold*"


def package(template: str) -> str:
    return f"demo_{template}"


def copy_project(result: BuildResult, target: Path) -> Path:
    """A private copy of a built project (without node_modules: docs need no Node)."""
    shutil.copytree(
        result.project.root, target, symlinks=True, ignore=shutil.ignore_patterns("node_modules")
    )
    return target


def section(readme: str) -> str:
    assert readme.count(START) == 1 and readme.count(END) == 1
    return readme[readme.index(START) + len(START) : readme.index(END)]


def markdown_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def open_docs(page: Any, path: Path) -> list[str]:
    """Open the page from disk and wait until every story mounted or failed; page errors."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => [...document.querySelectorAll('.livery-root')].every("
        "(el) => el.hasAttribute('data-livery-mounted') || el.hasAttribute('data-livery-error'))"
    )
    return problems


@pytest.fixture
def project_copy(built: dict[str, BuildResult], tmp_path: Path, request: Any) -> Path:
    template = request.param
    return copy_project(built[template], tmp_path / template)


@pytest.mark.build
@pytest.mark.parametrize("project_copy", TEMPLATES, indirect=True)
def test_every_template_gets_a_page_and_a_readme_section(project_copy: Path, page: Any) -> None:
    template = project_copy.name
    with own_imports(package(template)):
        demo = load_demo(project_copy)
        component, stories = demo.component, demo.stories
        before = (project_copy / "README.md").read_bytes()
        for theme in THEMES:
            result = write_docs(Project.find(project_copy), theme)
            assert result.page == project_copy / "docs" / "index.html"

            problems = open_docs(page, result.page)
            assert problems == []
            assert page.locator("[data-livery-error]").count() == 0
            assert page.locator("[data-livery-mounted]").count() == len(stories)
            for story in stories:
                card = page.locator(f"#story-{story.slug}")
                assert page.locator(f"#story-{story.slug} > h3").inner_text() == story.name
                assert card.locator("[data-livery-mounted]").count() == 1
            assert page.locator(".theme strong").inner_text() == theme
            light = page.evaluate("getComputedStyle(document.body).backgroundColor")
            page.click("#livery-docs-mode")  # the theme's dark values, stories still mounted
            assert page.evaluate("document.body.classList.contains('dark')")
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light
            assert page.locator("[data-livery-mounted]").count() == len(stories)

        # the page's own styles stop at the previews: each story looks as a host shows it
        open_docs(page, result.page)
        for story in stories:
            reference = project_copy / f"{story.slug}.html"
            html = mount_html(story.instance(component))
            reference.write_text(document(theme_css(THEMES[-1]), "light", html, component.css()))
            alone = page.context.new_page()
            open_docs(alone, reference)
            expected = alone.locator("#livery-root").evaluate(STYLES)
            alone.close()
            assert expected  # the component rendered elements
            assert page.locator(f"#livery-story-{story.slug}").evaluate(STYLES) == expected

    readme = (project_copy / "README.md").read_text(encoding="utf-8")
    text = section(readme)
    rendered = markdown_html(text)
    for prop in component.props_model().model_fields:
        assert f"<td><code>{prop}</code></td>" in rendered
    for event in component.events:
        assert f"<code>{event}</code>" in rendered
    expected = VALUE_TYPES.get(template, readable_type(component.api_info()))
    assert readable_type(component.api_info()) == expected
    assert f"Type: `{expected}`" in text
    assert f"pip install livery-sdk-demo-{template}" in text
    assert f"Widget = {NAMES[template]}.to_gradio()" in text
    schema = text.split("```json\n", 1)[1].split("\n```", 1)[0]
    assert json.loads(schema) == component.api_info()
    # the template's README is kept byte for byte around the section: between its markers,
    # or (without them) inserted before "## Use it"
    original = before.decode()
    if START in original:
        head, tail = original.split(START, 1)[0], original.split(END, 1)[1]
        assert readme.startswith(head + START) and readme.endswith(END + tail)
    else:
        start, after = readme.index(START), readme.index(END) + len(END)
        assert readme[after:].startswith("\n\n## Use it\n")
        assert readme[:start] + readme[after + 2 :] == original


@pytest.mark.build
def test_a_rerun_changes_no_byte(built: dict[str, BuildResult], tmp_path: Path) -> None:
    project = copy_project(built["slider"], tmp_path / "slider")
    with own_imports("demo_slider"):
        first = write_docs(Project.find(project), "soft")
        files = {path: path.read_bytes() for path in (first.page, first.readme)}
        again = write_docs(Project.find(project), "soft")
    assert again.written == ()
    assert {path: path.read_bytes() for path in files} == files
    # another process (another hash seed) writes the same bytes
    cli = subprocess.run(
        [*LIVERY, "component", "docs", ".", "--theme", "soft"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert cli.returncode == 0, cli.stderr
    assert cli.stderr.splitlines() == ["unchanged docs/index.html", "unchanged README.md"]
    assert {path: path.read_bytes() for path in files} == files


HOSTILE_DEMO = f"""
from pydantic import BaseModel, Field, RootModel
from livery.component import Story
from demo_text import DemoText

HOSTILE = {HOSTILE!r}


class HostileProps(BaseModel):
    placeholder: str = Field("", description=HOSTILE)
    note: str = Field(HOSTILE, description="a default that is hostile")


class Hostile(DemoText):
    __doc__ = HOSTILE + "\\n\\n" + HOSTILE + "\\n\\n- " + HOSTILE

    class Value(RootModel[str]):
        root: str = Field("", description=HOSTILE)

    props = HostileProps
    template_dir = DemoText.templates_path()


component = Hostile
stories = [
    Story(HOSTILE, value=HOSTILE, props={{"label": HOSTILE}}, description=HOSTILE),
    Story("plain", value="Ada"),
]
"""


@pytest.mark.build
def test_hostile_text_shows_as_text(
    built: dict[str, BuildResult], tmp_path: Path, page: Any
) -> None:
    project = copy_project(built["text"], tmp_path / "text")
    (project / "demo" / "app.py").write_text(HOSTILE_DEMO, encoding="utf-8")
    with own_imports("demo_text"):
        result = write_docs(Project.find(project))
        again = write_docs(Project.find(project))
    assert again.written == ()

    problems = open_docs(page, result.page)
    assert problems == []  # no alert, no script error
    assert page.locator("img").count() == 0
    assert page.locator("[data-livery-mounted]").count() == 2
    assert page.locator("[data-livery-error]").count() == 0
    assert page.locator(".summary").inner_text() == HOSTILE
    assert page.locator(".story > h3").first.inner_text() == HOSTILE
    assert page.locator(".story > .subdued").inner_text() == HOSTILE
    assert HOSTILE in page.locator("#props ~ table").first.inner_text()
    assert page.locator("main li").first.inner_text() == HOSTILE
    assert page.locator("#value + p").inner_text() == "Type: string"

    readme = result.readme.read_text(encoding="utf-8")
    text = section(readme)  # exactly one start and one end marker
    assert text.count("<!--") == 1 and text.lstrip().startswith("<!-- Written by")
    rendered = markdown_html(text)
    assert "<img" not in rendered and "<script" not in rendered
    assert rendered.count("<!--") == 1  # Livery's own comment, nothing from the class
    shown = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert rendered.count(shown) >= 5  # summary, body, list, story, value, props
    assert "<em>" not in rendered  # *not bold* is not emphasis
    assert "Hostile.to_gradio()" in text


def test_the_section_goes_before_the_first_heading_and_keeps_every_other_byte() -> None:
    readme = (
        "# Title\r\n\r\nIntro.\r\n\r\n```md\r\n## not a heading\r\n```\r\n\r\n"
        "## Usage\r\n\r\nKeep   this  \r\n"
    )
    updated = with_section(readme, "## Reference\n\nNew.\n")
    head, tail = readme.split("## Usage", 1)
    assert updated.startswith(head + START + "\r\n## Reference\r\n\r\nNew.\r\n" + END)
    assert updated.endswith("\r\n\r\n## Usage" + tail)

    edited = updated.replace("Keep", "Kept").replace("New.", "Edited by hand")
    again = with_section(edited, "## Reference\n\nNewer.\n")
    assert again == updated.replace("Keep", "Kept").replace("New.", "Newer.")

    assert with_section("# Only a title", "S") == f"# Only a title\n\n{START}\nS\n{END}\n"
    assert with_section("", "S") == f"{START}\nS\n{END}\n"


@pytest.mark.parametrize(
    ("readme", "problem"),
    [
        (f"# T\n{START}\nold\n", "has no <!-- livery-docs:end --> after it"),
        (f"# T\n{END}\n{START}\n", "has no <!-- livery-docs:end --> after it"),
        (f"# T\n{END}\n", "has no <!-- livery-docs:start --> before it"),
    ],
)
def test_broken_markers_are_one_line(readme: str, problem: str) -> None:
    with pytest.raises(DocsError) as caught:
        with_section(readme, "S", "my/README.md")
    message = str(caught.value)
    assert message.startswith("my/README.md: ") and problem in message
    assert "\n" not in message


@pytest.mark.build
def test_broken_markers_leave_every_file_alone(
    built: dict[str, BuildResult], tmp_path: Path
) -> None:
    project = copy_project(built["text"], tmp_path / "text")
    with own_imports("demo_text"):
        result = write_docs(Project.find(project))
        readme = result.readme.read_bytes()
        page = result.page.read_bytes()
        result.readme.write_bytes(readme.replace(END.encode(), b"(gone)"))
        broken = result.readme.read_bytes()
        with pytest.raises(DocsError, match="has no <!-- livery-docs:end -->"):
            write_docs(Project.find(project), "ocean")  # a new theme: a new page, not written
    assert result.readme.read_bytes() == broken
    assert result.page.read_bytes() == page


@pytest.mark.build
def test_cli_writes_both_files_and_reports_them(
    built: dict[str, BuildResult], tmp_path: Path
) -> None:
    project = copy_project(built["preact"], tmp_path / "preact")
    shutil.rmtree(project / "docs", ignore_errors=True)  # a build may have written them
    (project / "README.md").write_text("# Preact\n")
    cli = subprocess.run(
        [*LIVERY, "component", "docs", str(project)], capture_output=True, text=True, cwd=tmp_path
    )
    assert cli.returncode == 0, cli.stderr
    assert cli.stderr.splitlines() == ["wrote preact/docs/index.html", "wrote preact/README.md"]
    assert cli.stdout == ""
    assert "livery-story-with-a-value" in (project / "docs" / "index.html").read_text()
    assert (project / "README.md").read_text().startswith(f"# Preact\n\n{START}\n")


def test_cli_not_a_project_is_one_error_line(tmp_path: Path) -> None:
    cli = subprocess.run(
        [*LIVERY, "component", "docs", str(tmp_path)], capture_output=True, text=True
    )
    assert cli.returncode == 1
    assert cli.stderr.count("error:") == 1 and "no pyproject.toml" in cli.stderr
    assert len(cli.stderr.strip().splitlines()) == 1
    assert "Traceback" not in cli.stderr


def test_cli_unbuilt_project_and_unknown_theme_are_one_error_line(tmp_path: Path) -> None:
    project = tmp_path / "widget"
    create("DocsWidget", template="text", directory=project)
    cli = subprocess.run(
        [*LIVERY, "component", "docs", str(project)], capture_output=True, text=True
    )
    assert cli.returncode == 1
    assert len(cli.stderr.strip().splitlines()) == 1
    assert "error:" in cli.stderr and "livery component build" in cli.stderr
    assert not (project / "docs").exists()

    templates = project / "backend" / "docs_widget" / "templates"
    templates.mkdir()
    (templates / "index.js").write_text("export default { render() {} };\n")
    cli = subprocess.run(
        [*LIVERY, "component", "docs", str(project), "--theme", "nope"],
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 1
    assert len(cli.stderr.strip().splitlines()) == 1
    assert "unknown theme 'nope'" in cli.stderr
    assert not (project / "docs").exists()


def test_traits_commands_and_field_descriptions(tmp_path: Path, page: Any) -> None:
    """A structured value's fields are traits, ``@command`` methods are listed, and the
    descriptions of value and props fields reach both outputs (no build: a hand-written
    front end)."""
    (tmp_path / "index.js").write_text(
        "export default { render({ model, el }) {"
        ' el.textContent = `x=${model.get("x")} y=${model.get("y")}`; } };\n'
    )

    class Point(BaseModel):
        x: float = Field(0.0, description="Across, in pixels.")
        y: float = 0.0

    class PadProps(BaseModel):
        width: int = Field(400, gt=0, description="How wide the pad is, in ``px``.")

    class Pad(Component):
        """A pad to point at.

        - ``x`` grows to the right
        - ``y`` grows downwards
        """

        Value = Point
        events = ("change",)
        props = PadProps
        template_dir = tmp_path

        @command
        def double(self, msg: Any, buffers: Any) -> Any:
            return {"x": msg["x"] * 2}

    stories = [Story("corner", value=Point(x=3, y=4), description="Off the ``origin``.")]
    text = readme_section(Pad, stories, distribution="livery-pad")
    rendered = markdown_html(text)
    assert "<li><code>x</code> grows to the right</li>" in rendered
    assert "| `x` | `number` | `0.0` | Across, in pixels. |" in text
    assert "| `y` | `number` | `0.0` |  |" in text
    assert "### Commands\n\n`double`\n" in text
    assert "Type: `{x?: number, y?: number}`" in text
    assert "| `width` | `integer (> 0)` | `400` | How wide the pad is, in `px`. |" in text
    assert "- corner: Off the `origin`." in text
    assert "pip install livery-pad" in text
    with pytest.raises(DocsError, match="not a distribution name"):
        readme_section(Pad, stories, distribution="pad ```")

    path = tmp_path / "index.html"
    path.write_text(docs_page(Pad, stories, "citrus"), encoding="utf-8")
    assert open_docs(page, path) == []
    assert page.locator("#story-corner [data-livery-mounted]").inner_text() == "x=3 y=4"
    assert page.locator("#traits ~ table").first.locator("td").nth(3).inner_text() == (
        "Across, in pixels."
    )
    assert page.locator("#commands + p").inner_text().startswith("double")
    assert "Across, in pixels." in page.locator("#value ~ details pre").text_content()
    assert page.locator("#props ~ table td").nth(3).inner_text() == "How wide the pad is, in px."
