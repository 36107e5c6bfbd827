"""How fast the component SDK scaffolds and builds a component, and how Gradio compares.

Run with ``python bench/component_build.py`` (needs Node.js ≥ 18 and npm; the first run fetches
esbuild into npm's cache, and the Gradio source from PyPI and npm). Figures are medians of
several runs, timed with ``perf_counter``.

Livery, ``text`` template:

- create: ``livery.component.templates.create`` in this process, and ``livery component
  create`` as a user runs it (a new process, so Python's start-up included). Target ≤ 2 s.
- first build: npm install from npm's cache, bundle, styles, wheel and sdist (reported).
- warm bundle + styles: esbuild and libsass into a new ``templates/``, swapped in atomically
  (npm up to date). Target ≤ 300 ms.
- warm full build: the same plus ``python -m build --no-isolation`` for wheel and sdist, in
  this process and as ``livery component build``. Target ≤ 2 s.

Livery, ``range`` template (a two-thumb range slider): warm bundle + styles and warm full
build, the figures set against Gradio's build of the same kind of component.

Gradio: the public ``gradio_rangeslider`` 0.0.8 source (the sdist on PyPI,
https://files.pythonhosted.org/packages/88/93/aa1723076cc1056279e43f46d804f663c794f2e098c0650d150b46372f62/gradio_rangeslider-0.0.8.tar.gz,
sha256 414fd4b0…1fa1ea0; it holds ``frontend/`` and ``backend/``), fetched as a user would with
``pip download --no-deps --no-binary gradio-rangeslider``, then built with ``gradio cc build``
of the Gradio installed next to Livery. The extracted project, with its npm dependencies, is
cached in ``$LIVERY_BENCH_CACHE`` (default ``~/.cache/livery-bench/``) so that a rerun times
only the builds; each run builds a fresh copy of it. Two changes are needed, and printed:

- ``frontend/package.json`` asks for Gradio 4–5 era ``@gradio/*`` (atoms ^0.9, statustracker
  ^0.8, utils ^0.7, preview ^0.12), and its lockfile pins tarballs the npm registry reachable
  here does not serve (``@gradio/statustracker-0.8.0.tgz`` is a 404). The ranges become the
  newest Gradio 6 releases on the registry that resolve together (``@gradio/preview`` 0.16 is
  the builder Gradio 6 drives) and the lockfile goes; the Svelte sources are untouched.
- ``gradio cc build`` imports the package first; ``gradio cc install`` would ``pip install -e``
  it, whose ``gradio<6`` pin would downgrade this environment, so ``backend/`` goes on
  ``PYTHONPATH`` instead.

Like with like: ``gradio cc build --no-generate-docs`` (front end, then ``python -m build`` for
wheel and sdist) against ``livery component build`` (front end, wheel and sdist), both as new
processes; and Gradio's front-end step alone (the ``@gradio/preview --mode build`` command
``gradio cc build`` runs) against Livery's warm bundle + styles. Gradio's build isolates
``python -m build`` (it installs hatchling into a new environment each time; pip's cache makes
that local), Livery's does not: that is part of what a user of each waits for. When the Gradio
build cannot run here, one line says why and the Livery figures stand.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from livery._node import find_node
from livery.component.build import build_assets, build_project
from livery.component.project import Project
from livery.component.templates import create

RUNS = 7
GRADIO_RUNS = 3
CREATE_TARGET_S = 2.0
ASSETS_TARGET_S = 0.3
FULL_TARGET_S = 2.0

GRADIO_SOURCE = "gradio-rangeslider"
GRADIO_VERSION = "0.0.8"
GRADIO_PACKAGE = "gradio_rangeslider"
FRONTEND_CHANGES = {
    "dependencies": {
        "@gradio/atoms": ("^0.9.0", "^0.24.0"),
        "@gradio/statustracker": ("^0.8.0", "^0.14.1"),
        "@gradio/utils": ("^0.7.0", "^0.12.2"),
    },
    "devDependencies": {"@gradio/preview": ("^0.12.0", "^0.16.2")},
}
"""``frontend/package.json`` ranges: (as published, as built here)."""
CACHE = Path(
    os.environ.get("LIVERY_BENCH_CACHE") or Path.home() / ".cache" / "livery-bench"
).expanduser()
READY = "livery-bench.json"
"""Written last into a cached project: its source, and the changes made to it."""


class GradioUnavailable(Exception):
    """The Gradio side cannot be prepared or built here; the message says which step and why."""


@dataclass(frozen=True)
class GradioFigures:
    frontend_s: float
    full_s: float


def median(function: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of ``function`` in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def once(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def row(what: str, seconds: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"target ≤ {target * 1000:.0f} ms  {'ok' if seconds <= target else 'SLOW'}"
    print(f"  {what:<52} {seconds * 1000:9.1f} ms   {verdict}")


def main() -> None:
    livery = [sys.executable, "-m", "livery"]
    work = Path(tempfile.mkdtemp(prefix="livery-bench-"))
    try:
        print("livery component (text template)")
        counter = iter(range(1000))
        create_s = median(lambda: create("BenchWidget", directory=work / f"c{next(counter)}"))
        row("create (in process)", create_s, CREATE_TARGET_S)
        cli_create_s = once([*livery, "component", "create", "BenchWidget", "-d", "cli"], work)
        row("livery component create (new process)", cli_create_s, CREATE_TARGET_S)

        folder = work / "project"
        create("BenchWidget", directory=folder)
        started = time.perf_counter()
        build_project(folder)
        row("first build (npm install from cache + all)", time.perf_counter() - started)
        livery_builds(folder, livery, work)

        print()
        print("livery component (range template)")
        ranged = work / "range"
        create("BenchRange", template="range", directory=ranged)
        build_project(ranged)
        range_assets_s, range_cli_s = livery_builds(ranged, livery, work)

        print()
        print(f"gradio cc build ({GRADIO_PACKAGE} {GRADIO_VERSION}, from PyPI and npm)")
        try:
            gradio = gradio_figures(work)
        except GradioUnavailable as error:
            print(f"  gradio cc build: not measured: {error}")
            return
        row("front end only (@gradio/preview --mode build)", gradio.frontend_s)
        row("gradio cc build incl. wheel + sdist (new process)", gradio.full_s)
        print(
            f"  ratio gradio / livery: front end {gradio.frontend_s / range_assets_s:.0f}×, "
            f"full build {gradio.full_s / range_cli_s:.1f}× "
            "(range template vs gradio_rangeslider)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def livery_builds(folder: Path, livery: list[str], work: Path) -> tuple[float, float]:
    """Print the warm builds of the built project ``folder``; (bundle + styles, CLI build) s."""
    project = Project.find(folder)
    node = find_node(folder)
    assets_s = median(lambda: build_assets(project, lambda: node, []))
    row("warm bundle + styles", assets_s, ASSETS_TARGET_S)
    full_s = median(lambda: build_project(folder), runs=5)
    row("warm full build incl. wheel + sdist", full_s, FULL_TARGET_S)
    cli_build_s = statistics.median(
        once([*livery, "component", "build", str(folder)], work) for _ in range(3)
    )
    row("livery component build (new process)", cli_build_s, FULL_TARGET_S)
    return assets_s, cli_build_s


def gradio_figures(work: Path) -> GradioFigures:
    """Prepare (or reuse) the Gradio project, then time its front-end step and full build."""
    gradio = Path(sys.executable).with_name("gradio")
    spec = importlib.util.find_spec("gradio")
    node, npm = shutil.which("node"), shutil.which("npm")
    if not gradio.is_file() or spec is None or spec.origin is None:
        raise GradioUnavailable(f"no gradio command next to {sys.executable}")
    if node is None or npm is None:
        raise GradioUnavailable("node and npm must be on PATH for gradio cc build")
    cached = cached_project(npm)
    source = json.loads((cached / READY).read_text(encoding="utf-8"))
    print(f"  source: {source['name']} {source['version']} {source['url']}")
    print(f"          sha256 {source['sha256']}, cached in {cached}")
    for change in source["changes"]:
        print(f"  changed: {change}")
    print(f"  run with PYTHONPATH=backend/, --python-path {sys.executable}, --no-generate-docs")

    project = work / GRADIO_PACKAGE
    shutil.copytree(cached, project, symlinks=True)
    paths = [str(project / "backend"), os.environ.get("PYTHONPATH", "")]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))}
    preview = run(
        [node, "-e", "console.log(require.resolve('@gradio/preview'))"],
        project / "frontend",
        "find @gradio/preview",
    ).strip()
    frontend = [
        node, preview, "--component-directory", str(project),
        "--root", str(Path(spec.origin).parent / "templates" / "frontend"),
        "--mode", "build", "--python-path", sys.executable,
    ]  # fmt: skip
    full = [str(gradio), "cc", "build", "--no-generate-docs", "--python-path", sys.executable]
    templates = project / "backend" / GRADIO_PACKAGE / "templates"
    frontend_s = gradio_median(frontend, project, environment, "front-end build", templates)
    full_s = gradio_median(full, project, environment, "gradio cc build", project / "dist")
    return GradioFigures(frontend_s, full_s)


def gradio_median(
    command: list[str], cwd: Path, environment: dict[str, str], step: str, output: Path
) -> float:
    """Median time of ``command``, which must write the folder ``output`` anew each run."""
    times = []
    for _ in range(GRADIO_RUNS):
        shutil.rmtree(output, ignore_errors=True)
        started = time.perf_counter()
        run(command, cwd, step, environment)
        times.append(time.perf_counter() - started)
        if not output.is_dir() or not any(output.iterdir()):
            raise GradioUnavailable(f"{step} exited with 0 but wrote nothing in {output}")
    return statistics.median(times)


def cached_project(npm: str) -> Path:
    """The extracted, adapted and npm-installed Gradio project, prepared once per cache."""
    folder = CACHE / f"{GRADIO_PACKAGE}-{GRADIO_VERSION}"
    if (folder / READY).is_file():
        return folder
    CACHE.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".preparing-", dir=CACHE))
    try:
        print(f"  preparing {folder} (once)")
        project = prepare(scratch, npm)
        shutil.rmtree(folder, ignore_errors=True)
        project.rename(folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return folder


def prepare(scratch: Path, npm: str) -> Path:
    """Download the sdist, extract it, adapt its front end and npm-install it in ``scratch``."""
    downloads = scratch / "downloads"
    log = run(
        [
            sys.executable, "-m", "pip", "download", "-vv", "--no-deps",
            "--no-binary", GRADIO_SOURCE, f"{GRADIO_SOURCE}=={GRADIO_VERSION}",
            "-d", str(downloads),
        ],
        scratch, "pip download",
    )  # fmt: skip
    archives = sorted(downloads.glob("*.tar.gz"))
    if len(archives) != 1:
        raise GradioUnavailable(f"pip download: expected one sdist in {downloads}, got {archives}")
    found = re.search(r"Added \S+ from (https?://\S+)", log)
    with tarfile.open(archives[0]) as archive:
        archive.extractall(scratch / "src", filter="data")
    project = next((scratch / "src").iterdir())
    changes = adapt_frontend(project / "frontend")
    run([npm, "install", "--no-audit", "--no-fund"], project / "frontend", "npm install")
    source = {
        "name": GRADIO_SOURCE,
        "version": GRADIO_VERSION,
        "url": found.group(1) if found else "(URL not in pip's log)",
        "sha256": sha256(archives[0]),
        "changes": changes,
    }
    (project / READY).write_text(json.dumps(source, indent=2), encoding="utf-8")
    return project


def adapt_frontend(frontend: Path) -> list[str]:
    """Apply ``FRONTEND_CHANGES`` and drop the stale lockfile; the changes, as sentences."""
    manifest = frontend / "package.json"
    package = json.loads(manifest.read_text(encoding="utf-8"))
    changes = []
    for key, ranges in FRONTEND_CHANGES.items():
        for name, (published, built) in ranges.items():
            found = package.get(key, {}).get(name)
            if found != published:
                raise GradioUnavailable(
                    f"{manifest}: {key}.{name} is {found!r}, expected {published!r}"
                )
            package[key][name] = built
            changes.append(f"frontend/package.json {key}: {name} {published} → {built}")
    manifest.write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    (frontend / "package-lock.json").unlink()
    changes.append(
        "frontend/package-lock.json removed (it pins tarballs the registry does not serve)"
    )
    return changes


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(command: list[str], cwd: Path, step: str, environment: dict[str, str] | None = None) -> str:
    """Run ``command``; its stdout, or ``GradioUnavailable`` with the line that says why."""
    try:
        done = subprocess.run(
            command, cwd=cwd, env=environment, capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise GradioUnavailable(f"{step}: {error}") from None
    if done.returncode != 0:
        raise GradioUnavailable(f"{step} exited with {done.returncode}: {reason(done)}")
    return done.stdout


GENERIC = re.compile(
    r"complete log of this run|^\W*(build failed|python build failed|frontend build failed)\b",
    re.I,
)
"""Lines that say a command failed but not why (npm's log pointer, gradio's and vite's banners)."""
WHY = (re.compile(r"\berror\b", re.I), re.compile(r"[\w./-]+\.\w+:\d+:\d+"))
"""What a line that says why looks like, best first: an error, or a ``file:line:col``."""


def reason(done: subprocess.CompletedProcess[str]) -> str:
    """The line of a failed command's output that says why (rich's box drawing stripped).

    The first line that looks like ``WHY`` (joined to the next when it is only a heading, as
    vite's "error during build:" and npm's "npm error code E404" are), else the last line of
    stderr, else of stdout.
    """
    streams = [_lines(done.stderr), _lines(done.stdout)]
    lines = [line for stream in streams for line in stream]
    for pattern in WHY:
        for index, line in enumerate(lines):
            if pattern.search(line):
                headline = line.endswith(":") or line.startswith("npm error code")
                return " ".join(lines[index : index + 2]) if headline else line
    return next((stream[-1] for stream in streams if stream), "no output")


def _lines(text: str) -> list[str]:
    stripped = (line.strip(" │╭╮╰╯─[]\t") for line in text.splitlines())
    return [line for line in stripped if line and not GENERIC.search(line)]


if __name__ == "__main__":
    main()
