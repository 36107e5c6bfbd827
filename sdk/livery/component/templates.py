"""Project templates: list them, and render one into a new component project.

A template is a folder in Livery's ``component_templates/`` with a ``template.toml``
(``description = "…"``) and the project's files. Every file is a jinja2 template; a trailing
``.jinja`` is dropped from its name (so that linters and test runners leave Python templates
alone), and file and folder names may contain ``{{ package }}`` and the other names (see
``context``). Files several templates share live in ``_shared/`` and are pulled in with
``{% include "_shared/…" %}``. Rendering is pure file work — no network, no subprocess — so
``create`` works offline in milliseconds.

The target folder is checked before anything is written: no ``..`` in it, not a file, not a
link, empty unless ``force``; its path is resolved first, so a link on the way cannot lead a
write anywhere but the folder it names, and a link inside the project that leads out of it is
refused. With ``force`` a file is overwritten only if Livery wrote it (its manifest lists it)
and its content is still what Livery wrote (the manifest's hash): a file the user edited, or one
a planted manifest lists, is kept and reported.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import jinja2

from livery._files import write_atomic
from livery._resources import data_dir
from livery.component import manifest
from livery.component.names import ComponentNames, component_names
from livery.errors import TemplateError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

METADATA = "template.toml"
SUFFIX = ".jinja"
DEFAULT_TEMPLATE = "text"
_SKIPPED = frozenset({METADATA, "__pycache__", "node_modules", ".DS_Store"})


@dataclass(frozen=True)
class Template:
    """One project template: a folder of ``component_templates``, named by the folder."""

    path: Path
    description: str

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Created:
    """What ``create`` did."""

    directory: Path
    names: ComponentNames
    template: str
    written: tuple[str, ...]
    """Files written (relative POSIX paths)."""
    kept: tuple[str, ...]
    """Files that were in the way and not Livery's, left as they were (only with ``force``)."""
    edited: tuple[str, ...] = ()
    """Livery's files changed since it wrote them, left as they are (only with ``force``)."""


def templates() -> dict[str, Template]:
    """Every template, by name, sorted."""
    root = data_dir("component_templates")
    found: dict[str, Template] = {}
    for folder in sorted(root.iterdir()):
        meta = folder / METADATA
        if not meta.is_file():
            continue
        data = tomllib.loads(meta.read_text(encoding="utf-8"))
        found[folder.name] = Template(folder, str(data.get("description", "")))
    return found


def context(names: ComponentNames, template: Template) -> dict[str, str]:
    """The variables every template file and file name can use."""
    from livery import __version__

    major, minor = __version__.split(".")[:2]
    return {
        "description": template.description,
        "name": names.name,
        "class_name": names.class_name,
        "package": names.package,
        "package_name": names.distribution,
        "slug": names.slug,
        "title": names.title,
        "css_class": names.css_class,
        "template": template.name,
        "livery_requirement": f"livery-sdk>={major}.{minor}",
    }


def create(
    name: str,
    *,
    template: str = DEFAULT_TEMPLATE,
    directory: str | os.PathLike[str] | None = None,
    package_name: str | None = None,
    force: bool = False,
    cwd: Path | None = None,
) -> Created:
    """Render ``template`` for the component ``name`` into ``directory`` (default: its slug)."""
    names = component_names(name, package_name)
    available = templates()
    if template not in available:
        raise TemplateError(
            f"unknown template {template!r} (templates: {', '.join(available) or 'none'})"
        )
    chosen = available[template]
    files = render(chosen, context(names, chosen))
    shown = os.fspath(directory) if directory is not None else names.slug
    try:
        target = _target(directory, names, cwd or Path.cwd())
        return _write(target, files, names, template, force=force)
    except OSError as error:  # a folder the system will not make (/proc/x, read-only, full)
        reason = error.strerror or str(error)
        where = f" ({os.fsdecode(error.filename)})" if error.filename is not None else ""
        raise TemplateError(f"cannot create the project in {shown}: {reason}{where}") from None


def render(template: Template, variables: dict[str, str]) -> dict[str, str]:
    """Every file of ``template`` rendered: relative POSIX path → text."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([template.path, template.path.parent]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    rendered: dict[str, str] = {}
    for source in sorted(template.path.rglob("*")):
        relative = source.relative_to(template.path)
        if not source.is_file() or _SKIPPED.intersection(relative.parts):
            continue
        if source.suffix == ".pyc":
            continue
        path = _render_path(environment, relative.as_posix().removesuffix(SUFFIX), variables)
        text = environment.get_template(relative.as_posix()).render(variables)
        rendered[path] = text
    return rendered


def _render_path(environment: jinja2.Environment, path: str, variables: dict[str, str]) -> str:
    rendered = environment.from_string(path).render(variables)
    parts = PurePosixPath(rendered).parts
    if rendered.startswith("/") or not parts or any(part in ("", ".", "..") for part in parts):
        raise TemplateError(f"template file {path!r} renders to an unsafe path {rendered!r}")
    return rendered


def _target(directory: str | os.PathLike[str] | None, names: ComponentNames, cwd: Path) -> Path:
    raw = os.fspath(directory) if directory is not None else names.slug
    if not raw or "\0" in raw:
        raise TemplateError(f"--dir {raw!r} is not a folder name")
    if ".." in Path(raw).parts:
        raise TemplateError(f"--dir {raw!r}: '..' is not allowed (no path traversal)")
    target = Path(raw) if Path(raw).is_absolute() else cwd / raw
    if target.is_symlink():
        raise TemplateError(f"--dir {raw!r} is a symbolic link; give the real folder")
    if target.exists() and not target.is_dir():
        raise TemplateError(f"--dir {raw!r} is a file, not a folder")
    # Links on the way are followed here, once: every write is then checked against the folder
    # they lead to.
    return target.resolve()


def _write(
    target: Path, files: dict[str, str], names: ComponentNames, template: str, *, force: bool
) -> Created:
    existing = target.is_dir() and any(target.iterdir())
    if existing and not force:
        raise TemplateError(
            f"{target} is not empty; use --force to add the project's files (files Livery did "
            "not write are never overwritten)"
        )
    ours = manifest.read(target) if existing else {}
    plan: list[tuple[str, Path]] = []
    kept: list[str] = []
    edited: list[str] = []
    for relative in files:
        destination = target / relative
        if _blocked(target, relative):
            raise TemplateError(
                f"cannot write {relative}: a file is in the way of one of its folders in {target}"
            )
        if _leaves(destination.parent, target):
            raise TemplateError(f"cannot write {relative}: its folder links outside {target}")
        if not (destination.exists() or destination.is_symlink()):
            plan.append((relative, destination))
        elif relative not in ours or destination.is_symlink():
            kept.append(relative)
        elif _hash(destination) != ours[relative]:
            edited.append(relative)
        else:
            plan.append((relative, destination))

    written = {path: digest for path, digest in ours.items() if path in files}
    mode = 0o666 & ~_umask()
    for relative, destination in plan:
        text = files[relative]
        write_atomic(destination, text)
        os.chmod(destination, mode)  # a project file, not a private temporary one
        written[relative] = manifest.digest(text)
    manifest.write(target, template, written)
    return Created(
        target, names, template, tuple(path for path, _ in plan), tuple(kept), tuple(edited)
    )


def _hash(path: Path) -> str | None:
    """The manifest's hash of a regular file's content (``None``: not a file Livery could
    have written, such as a FIFO or a folder)."""
    try:
        if not path.is_file():
            return None
        return manifest.digest_bytes(path.read_bytes())
    except OSError:
        return None


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _blocked(target: Path, relative: str) -> bool:
    """Whether an existing file (not a folder) sits where ``relative`` needs a folder."""
    folder = target
    for part in PurePosixPath(relative).parts[:-1]:
        folder = folder / part
        if folder.exists() and not folder.is_dir():
            return True
    return False


def _leaves(folder: Path, root: Path) -> bool:
    """Whether writing into ``folder`` would follow a link out of the project folder ``root``
    (already resolved)."""
    while not folder.exists() and not folder.is_symlink():
        if folder == root:
            return False  # a new project folder: nothing in it yet to link anywhere
        folder = folder.parent
    real = folder.resolve()
    return real != root and root not in real.parents
