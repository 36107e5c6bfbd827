"""Bundle the front end with the project's own esbuild: one minified ES module + source map.

esbuild comes from the project's ``node_modules`` (a devDependency pinned in package.json), so
every project builds with the esbuild it was tested with. Its npm package installs the native
binary, which runs directly — no Node.js start-up on a warm build; an install that kept the
JavaScript shim is run with the Node.js Livery found.

esbuild's messages are blocks of several lines; each error becomes one line,
``file:line:col: message`` (columns counted from 1, as editors do; esbuild prints them from 0).
JSX settings come from the project's ``jsconfig.json``/``tsconfig.json``, which esbuild reads.

The bundle's exports are checked against the front-end contract from esbuild's metafile
(``checks.check_exports``). The source map is shipped with the bundle (the playground and
``livery component test`` map a ``render`` error back to ``frontend/…:line:col`` through it),
but without ``sourcesContent``: mappings only, a few kB, so the wheel does not carry a second
copy of every bundled source (Preact's included).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from livery._node import Node
from livery.component.base import JS_FILE, MAP_FILE
from livery.component.checks import check_exports
from livery.component.project import Project
from livery.errors import BuildError

_HEADER = re.compile(r"\[(ERROR|WARNING)\]\s+(.*\S)")
_LOCATION = re.compile(r"^\s+(\S.*?):(\d+):(\d+):\s*$")
_TIMEOUT_S = 120
_METAFILE = "meta.json"
OPTIONS = (
    "--bundle",
    "--format=esm",
    "--platform=browser",
    "--target=es2020",
    "--minify",
    "--sourcemap",
    "--sources-content=false",
    "--charset=utf8",
    "--log-level=warning",
    "--log-limit=0",
    "--color=false",
    '--define:process.env.NODE_ENV="production"',
)


@dataclass(frozen=True)
class Bundled:
    """The files esbuild wrote and the warnings it gave (one line each)."""

    files: tuple[Path, ...]
    warnings: tuple[str, ...]


def esbuild_command(project: Project, node: Callable[[], Node]) -> list[str]:
    """How to run the project's esbuild."""
    modules = project.root / "node_modules"
    for candidate in (
        modules / ".bin" / "esbuild",
        modules / "esbuild" / "bin" / "esbuild",
        modules / "esbuild" / "esbuild.exe",
    ):
        if candidate.is_file():
            with candidate.open("rb") as handle:
                shim = handle.read(2) == b"#!"
            return [str(node().executable), str(candidate)] if shim else [str(candidate)]
    raise BuildError(
        "esbuild is not installed in node_modules: add it to package.json's devDependencies "
        '(e.g. "esbuild": "~0.28.2")'
    )


def bundle(project: Project, out: Path, node: Callable[[], Node]) -> Bundled:
    """Bundle ``project.entry`` into ``out/index.js`` (+ ``index.js.map``).

    ``BuildError`` for esbuild's errors, and for a bundle without the contract's exports.
    """
    command = [
        *esbuild_command(project, node),
        project.entry.relative_to(project.root).as_posix(),
        *OPTIONS,
        f"--outfile={out / JS_FILE}",
        f"--metafile={out / _METAFILE}",
    ]
    try:
        result = subprocess.run(
            command, cwd=project.root, capture_output=True, text=True, timeout=_TIMEOUT_S
        )
    except OSError as error:
        raise BuildError(f"cannot run esbuild ({command[0]}): {error.strerror}") from None
    except subprocess.TimeoutExpired:
        raise BuildError(f"esbuild took over {_TIMEOUT_S} s") from None
    errors, warnings = parse_messages(result.stderr, project)
    if result.returncode != 0:
        if not errors:
            lines = result.stderr.strip().splitlines()
            errors = [f"esbuild failed: {lines[-1] if lines else result.returncode}"]
        raise BuildError(errors)
    metafile = out / _METAFILE
    check_exports(json.loads(metafile.read_text(encoding="utf-8")), project)
    metafile.unlink()
    _place_map(out / MAP_FILE, project.templates_dir)
    return Bundled(tuple(sorted(out.iterdir())), tuple(warnings))


def _place_map(source_map: Path, final: Path) -> None:
    """Make the map's ``sources`` relative to ``final``, where it will be read: esbuild
    wrote them relative to the scratch folder, which sits elsewhere (``assets``)."""
    if not source_map.is_file():
        return
    data = json.loads(source_map.read_text(encoding="utf-8"))
    base = source_map.parent
    data["sources"] = [
        Path(os.path.relpath((base / str(source)).resolve(), final.resolve())).as_posix()
        for source in data.get("sources", ())
    ]
    source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def parse_messages(output: str, project: Project) -> tuple[list[str], list[str]]:
    """esbuild's error and warning blocks as ``file:line:col: message`` lines."""
    errors: list[str] = []
    warnings: list[str] = []
    current: tuple[str, str] | None = None
    located = False

    def flush() -> None:
        if current is not None and not located:
            (errors if current[0] == "ERROR" else warnings).append(current[1])

    for line in output.splitlines():
        header = _HEADER.search(line)
        if header and not line.startswith(" "):
            flush()
            current, located = (header.group(1), header.group(2)), False
            continue
        where = _LOCATION.match(line)
        if where and current is not None and not located:
            file = project.display(project.root / where.group(1))
            text = f"{file}:{where.group(2)}:{int(where.group(3)) + 1}: {current[1]}"
            (errors if current[0] == "ERROR" else warnings).append(text)
            located = True
    flush()
    return errors, warnings
