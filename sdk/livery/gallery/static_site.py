"""``livery gallery build``: the gallery as static files for any static web host.

The pages are the server's pages (``Pages`` with ``live=False``), with relative links, plus
every file they point at: the assets, each theme's preview stylesheet and downloads, and the
data files. Everything is written into a temporary folder next to the target, then swapped in
with renames, so a failed build leaves the previous site as it was. A target that exists and
is not a previous gallery build (no marker file) is refused rather than replaced.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from livery.errors import LiveryError
from livery.gallery import downloads
from livery.gallery.pages import Pages
from livery.gallery.registry import Registry
from livery.gallery.render import static_dir
from livery.gallery.sources import Source
from livery.theme.model import Theme

MARKER = ".livery-gallery"
"""Written into every build, so that a rebuild knows the folder it replaces is its own."""


class BuildFolderError(LiveryError):
    """The output folder cannot be written or replaced."""


def files(pages: Pages, *, workers: int = 1) -> Iterator[tuple[str, str]]:
    """Every page and generated file of the site, as (relative path, text).

    Downloads are most of the work (the design-tokens export especially); with ``workers``
    above 1 and many themes they are written by a pool of processes, each loading the themes
    from their files again.
    """
    registry = pages.registry
    pooled: list[tuple[str, Source]] = []
    for described in registry.cards():
        # Each theme's files together, while its resolved theme is in the registry's cache;
        # the detail page grades it, so the index (written last) has every grade.
        folder = f"themes/{described.slug}"
        page = pages.detail(described.slug)
        card = registry.card(described.slug)
        assert page is not None and card is not None
        yield f"{folder}/index.html", page
        if not card.ok:
            continue
        yield f"{folder}/scoped.css", registry.preview_css(card.slug)
        source = registry.source(card.slug)
        if workers > 1 and source is not None and source.entry is None:
            pooled.append((card.slug, source))
        else:
            yield from theme_downloads(card.slug, registry.theme(card.slug))
    if len(pooled) < PARALLEL_FROM:
        for slug, _ in pooled:
            yield from theme_downloads(slug, registry.theme(slug))
    else:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for written in pool.map(_downloads_of, pooled, chunksize=8):
                yield from written
    yield "index.html", pages.index()
    yield "compare/index.html", pages.compare()
    yield "builder/index.html", pages.builder_page(None)
    yield "data/themes.json", pages.themes_json()
    yield "data/pairs.css", pages.pairs_css()


PARALLEL_FROM = 48
"""Below this many themes a process pool costs more than it saves."""


def theme_downloads(slug: str, theme: Theme) -> list[tuple[str, str]]:
    """The download files of one theme."""
    return [
        (f"themes/{slug}/{download.filename(slug)}", download.render(theme))
        for download in downloads.DOWNLOADS
    ]


def _downloads_of(job: tuple[str, Source]) -> list[tuple[str, str]]:
    slug, source = job
    return theme_downloads(slug, source.load())


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
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    written: list[str] = []
    try:
        shutil.copytree(static_dir(), staging / "assets", ignore=_hidden)
        written += [
            path.relative_to(staging).as_posix()
            for path in sorted((staging / "assets").rglob("*"))
            if path.is_file()
        ]
        for relative, text in files(pages, workers=workers):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
            written.append(relative)
        (staging / MARKER).write_text("built by livery gallery build\n", encoding="utf-8")
        os.chmod(staging, 0o755)
        _swap(staging, output)
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


def _swap(staging: Path, output: Path) -> None:
    """Put ``staging`` where ``output`` is, keeping the old site until the new one is in."""
    if not output.exists():
        os.replace(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old.", dir=output.parent))
    os.replace(output, retired / "site")
    try:
        os.replace(staging, output)
    except OSError:
        os.replace(retired / "site", output)
        raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


def _hidden(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name.startswith(".") or name == "__pycache__"]
