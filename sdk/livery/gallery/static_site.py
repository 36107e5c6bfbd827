"""``livery gallery build``: the gallery as static files for any static web host.

The pages are the server's pages (``Pages`` with ``live=False``), with relative links, plus
every file they point at: the assets, each theme's preview stylesheet and downloads, and the
data files. Everything is written into a temporary folder next to the target, then swapped in
with renames, so a failed build leaves the previous site as it was. A target that exists and
is not a previous gallery build (no marker file) is refused rather than replaced.

Each theme is loaded, graded and written once, all its files together (``theme_folder``); with
many themes a pool of processes does that, one per CPU, and the main process writes the pages
over every theme (index, compare, builder, data) from the cards the workers send back.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import shutil
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from livery._files import new_folder, swap_folder
from livery.errors import BuildFolderError
from livery.gallery import downloads
from livery.gallery.cards import Card
from livery.gallery.classic import classic_script
from livery.gallery.pages import STATIC_VERSION, Pages, detail_page
from livery.gallery.registry import FONTS_URL, Registry, prepare, preview_css
from livery.gallery.render import static_dir
from livery.gallery.site_fonts import write_site_fonts
from livery.gallery.sources import Source, Stamp
from livery.theme import Theme

MARKER = ".livery-gallery"
"""Written into every build, so that a rebuild knows the folder it replaces is its own."""
PARALLEL_FROM = 48
"""Below this many themes a process pool costs more than it saves."""


def theme_pages(pages: Pages, staging: Path, *, workers: int = 1) -> list[str]:
    """Write each theme's folder into ``staging`` and settle its card in the registry;
    return the relative paths written.

    Each theme is loaded, described, graded and written in one go (``theme_folder``): its
    page, preview stylesheet and downloads. With ``workers`` above 1 and many themes, a pool
    of processes does it, each theme's files written by the process that prepared it; the
    main process only collects the cards. Themes from installed packages (entry points run
    code) are done in the main process.
    """
    registry = pages.registry
    jobs = registry.sources()
    pooled = [job for job in jobs if workers > 1 and _poolable(job[1])]
    if len(pooled) < PARALLEL_FROM:
        pooled = []
    in_pool = {slug for slug, _, _ in pooled}
    done: dict[str, tuple[Card, list[str]]] = {}
    with contextlib.ExitStack() as stack:
        results: Iterator[tuple[Card, list[str]]] = iter(())
        if pooled:
            pool = stack.enter_context(
                ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context())
            )
            chunk = max(1, min(16, len(pooled) // (workers * 8)))
            results = pool.map(theme_folder, pooled, itertools.repeat(staging), chunksize=chunk)
        for job in jobs:  # the rest here, while the pool works
            if job[0] not in in_pool:
                done[job[0]] = theme_folder(job, staging)
        for job, result in zip(pooled, results):
            done[job[0]] = result
    written: list[str] = []
    for slug, _, _ in jobs:
        card, paths = done[slug]
        registry.settle(card)
        written += paths
    return written


def _pool_context() -> multiprocessing.context.BaseContext:
    """A fresh process per worker (the caller may have threads, so no plain fork), with
    this module imported once in the fork server rather than once per worker."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def site_pages(pages: Pages) -> Iterator[tuple[str, str]]:
    """The pages and data files over every theme (after ``theme_pages``)."""
    yield "index.html", pages.index()
    yield "compare/index.html", pages.compare()
    yield "builder/index.html", pages.builder_page(None)
    yield "components/index.html", pages.components()
    yield "data/themes.json", pages.themes_json()
    yield "data/pairs.css", pages.pairs_css()


def theme_folder(job: tuple[str, Source, Stamp], staging: Path) -> tuple[Card, list[str]]:
    """Prepare one theme and write its folder: the detail page (an error page for a broken
    theme) and, for a usable one, its preview stylesheet and downloads. Returns the card and
    the relative paths written."""
    slug, source, stamp = job
    card, theme, report = prepare(source, slug, stamp)
    folder = f"themes/{slug}"
    files = [
        (f"{folder}/index.html", detail_page(card, report, live=False, version=STATIC_VERSION))
    ]
    if card.ok and theme is not None:
        files.append((f"{folder}/scoped.css", preview_css(theme, f".lv-t-{slug}", FONTS_URL)))
        files += theme_downloads(slug, theme)
    (staging / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files:
        _write(staging / relative, text)
    return card, [relative for relative, _ in files]


def theme_downloads(slug: str, theme: Theme) -> list[tuple[str, str]]:
    """The download files of one theme."""
    return [
        (f"themes/{slug}/{download.filename(slug)}", download.render(theme))
        for download in downloads.DOWNLOADS
    ]


def classic_scripts(staging: Path) -> list[str]:
    """Each page script as a classic script in ``assets/classic/`` (what static pages load:
    browsers refuse module scripts from ``file://``); return the relative paths written."""
    scripts = staging / "assets" / "js"
    target = staging / "assets" / "classic"
    target.mkdir()
    written = []
    for path in sorted(scripts.glob("*.js")):
        _write(target / path.name, classic_script(scripts, path.name))
        written.append(f"assets/classic/{path.name}")
    return written


def component_files(pages: Pages, staging: Path) -> list[str]:
    """Copy what the components page loads (the shared model, each component's built module
    and stylesheet) into ``staging``; return the relative paths written."""
    written = []
    for relative, source in pages.catalogue.files():
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(relative)
    return written


def _poolable(source: Source) -> bool:
    """Whether another process can load the theme from the source alone (a file)."""
    return source.entry is None or source.entry.path is not None


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def build(
    output: Path,
    folders: Sequence[Path] = (),
    *,
    include_library: bool = True,
    workers: int | None = None,
) -> list[str]:
    """Write the static gallery to ``output``; return the relative paths written.

    ``workers`` processes write the downloads of large galleries (default: one per CPU, at
    most eight).
    """
    output = Path(output)
    _check_target(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    pages = Pages(Registry(folders, include_library=include_library), live=False)
    if workers is None:
        workers = max(1, min(os.cpu_count() or 1, 8))
    staging = new_folder(output.parent, f".{output.name}.")
    written: list[str] = []
    try:
        shutil.copytree(static_dir(), staging / "assets", ignore=_hidden)
        written += [
            path.relative_to(staging).as_posix()
            for path in sorted((staging / "assets").rglob("*"))
            if path.is_file()
        ]
        written += classic_scripts(staging)
        written += write_site_fonts(pages.registry, staging)
        written += theme_pages(pages, staging, workers=workers)
        written += component_files(pages, staging)
        for relative, text in site_pages(pages):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _write(target, text)
            written.append(relative)
        (staging / MARKER).write_text("built by livery gallery build\n", encoding="utf-8")
        swap_folder(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


def _check_target(output: Path) -> None:
    if not output.exists():
        return
    if not output.is_dir():
        raise BuildFolderError(f"{output} is a file, not a folder")
    if any(output.iterdir()) and not (output / MARKER).is_file():
        raise BuildFolderError(
            f"{output} is not empty and was not written by livery gallery build; "
            "choose a new or empty folder"
        )


def _hidden(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name.startswith(".") or name == "__pycache__"]
