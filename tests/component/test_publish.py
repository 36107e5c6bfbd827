"""``livery component publish`` for real: a pypiserver on 127.0.0.1, twine, then pip.

The built ``text`` project (created and built once by the session fixture) is uploaded to a
local index that requires a password, installed from it into a fresh virtual environment,
and must import, be listed by ``livery component list`` and render from its installed
assets. The refusals (no ``dist/``, stale ``dist/``, another version, publishing twice, a
wrong password) are each one line that never shows a credential.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

import livery
from livery.component.build import BuildResult
from livery.component.publish import publish_project
from livery.errors import PublishError
from tests.component.index import Index, open_index, start_index, stop_index

pytestmark = pytest.mark.build
pytest.importorskip("twine", reason="publishing needs twine")
pytest.importorskip("pypiserver", reason="the test index is a pypiserver")
passlib_apache = pytest.importorskip("passlib.apache", reason="htpasswd files need passlib")

LIVERY = (sys.executable, "-m", "livery")
TOKEN = "pypi-AgEIcHlwaS5vcmcCJGE0Yzk0ZTY1LTRiNWItNDI1Mi1hYmU3"
"""The upload password (shaped like a PyPI API token, accepted for the user ``__token__``)."""
DISTRIBUTION = "livery-sdk-demo-text"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    """A pypiserver that wants a password to upload: user ``__token__``, password TOKEN."""
    folder = tmp_path_factory.mktemp("index")
    htpasswd = passlib_apache.HtpasswdFile(str(folder / "htpasswd"), new=True)
    htpasswd.set_password("__token__", TOKEN)
    htpasswd.save()
    running = start_index(folder, "-P", str(folder / "htpasswd"), "-a", "update")
    yield running
    stop_index(running)


@pytest.fixture(scope="module")
def project(built: dict[str, BuildResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the created-and-built ``text`` project (modification times kept)."""
    copy = tmp_path_factory.mktemp("publish") / "text"
    shutil.copytree(built["text"].project.root, copy, symlinks=True)
    return copy


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without any credentials of the machine's, plus ``extra``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TWINE_") and key != "LIVERY_PUBLISH_TOKEN"
    }
    return {**env, **extra}


def run_livery(*args: str, env: dict[str, str], cwd: Path | None = None):
    return subprocess.run(
        [*LIVERY, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


@pytest.fixture(scope="module")
def published(project: Path, index: Index, tmp_path_factory: pytest.TempPathFactory):
    """The first upload, through the command line with LIVERY_PUBLISH_TOKEN."""
    home = tmp_path_factory.mktemp("home")  # no .pypirc of the machine's
    env = clean_env(LIVERY_PUBLISH_TOKEN=TOKEN, HOME=str(home))
    result = run_livery("component", "publish", str(project), "--repository-url", index.url,
                        env=env)  # fmt: skip
    return result


def test_publish_uploads_wheel_and_sdist(published, index: Index) -> None:
    assert published.returncode == 0, published.stderr
    assert "published livery-sdk-demo-text 0.1.0" in published.stderr
    assert TOKEN not in published.stdout + published.stderr
    uploaded = sorted(path.name for path in index.packages.iterdir())
    assert uploaded == [
        "livery_sdk_demo_text-0.1.0-py3-none-any.whl",
        "livery_sdk_demo_text-0.1.0.tar.gz",
    ]


def test_published_component_installs_imports_lists_and_renders(
    published, index: Index, tmp_path: Path, themed_page
) -> None:
    assert published.returncode == 0, published.stderr
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--disable-pip-version-check", "--index-url", index.simple, DISTRIBUTION],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    # Livery and its dependencies come from this test run's environment (see tests/wheel).
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    sdk = Path(livery.__file__).resolve().parents[1]
    Path(purelib, "deps.pth").write_text(f"{sysconfig.get_paths()['purelib']}\n{sdk}\n")

    script = (
        "import json, demo_text\n"
        "from livery.component.standalone import mount_html\n"
        "widget = demo_text.DemoText(value='Ada', label='Name')\n"
        "print(json.dumps({'file': demo_text.__file__, 'html': mount_html(widget),"
        " 'css': demo_text.DemoText.css()}))\n"
    )
    shown = subprocess.run(
        [python, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert Path(data["file"]).resolve().is_relative_to(env_dir.resolve())
    assert ".lv-demo-text{" in data["css"]

    listing = subprocess.run(
        [python, "-m", "livery", "component", "list"], capture_output=True, text=True, timeout=60
    )
    assert listing.returncode == 0, listing.stderr
    assert "demo_text" in listing.stdout and DISTRIBUTION in listing.stdout
    assert "demo_text:DemoText" in listing.stdout

    page = themed_page("default", "light", html=data["html"], css=data["css"])
    page.wait_for_selector("[data-livery-mounted], [data-livery-error]", state="attached")
    assert page.get_attribute("#livery-root", "data-livery-error") is None
    assert page.locator("input").input_value() == "Ada"
    assert page.get_by_text("Name").is_visible()


def test_publishing_the_same_version_twice_is_a_clear_error(
    published, project: Path, index: Index, tmp_path: Path
) -> None:
    assert published.returncode == 0, published.stderr
    env = clean_env(LIVERY_PUBLISH_TOKEN=TOKEN, HOME=str(tmp_path))
    again = run_livery("component", "publish", str(project), "--repository-url", index.url,
                       env=env)  # fmt: skip
    assert again.returncode == 1
    message = again.stderr.strip()
    assert message == (
        f"error: version 0.1.0 of {DISTRIBUTION} is already on {index.url}; bump the version"
    )
    assert TOKEN not in again.stdout + again.stderr


def test_a_wrong_password_is_refused_and_never_printed(
    project: Path, index: Index, tmp_path: Path
) -> None:
    wrong = "not-the-password-9f8e7d"
    env = clean_env(TWINE_USERNAME="__token__", TWINE_PASSWORD=wrong, HOME=str(tmp_path))
    result = run_livery("component", "publish", str(project), "--repository-url", index.url,
                        env=env)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("error: upload failed: ")
    assert "403" in result.stderr or "401" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert wrong not in result.stdout + result.stderr


def test_pypirc_credentials_and_an_open_index(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """An index without authentication (``-P . -a .``), reached through a .pypirc section."""
    with open_index(tmp_path_factory.mktemp("open")) as index:
        home = tmp_path_factory.mktemp("home")
        (home / ".pypirc").write_text(
            "[distutils]\nindex-servers = local\n\n"
            f"[local]\nrepository = {index.url}\nusername = me\npassword = hunter2-secret\n"
        )
        published = publish_project(project, repository="local", environ=clean_env(HOME=str(home)))
        assert published.repository == index.url
        assert sorted(path.name for path in index.packages.iterdir()) == [
            "livery_sdk_demo_text-0.1.0-py3-none-any.whl",
            "livery_sdk_demo_text-0.1.0.tar.gz",
        ]


# --- refusals before any upload ------------------------------------------------------------


@pytest.fixture
def copy(project: Path, tmp_path: Path) -> Path:
    target = tmp_path / "text"
    shutil.copytree(project, target, symlinks=True, ignore=shutil.ignore_patterns("node_modules"))
    return target


def test_missing_dist_is_refused(copy: Path) -> None:
    shutil.rmtree(copy / "dist")
    with pytest.raises(PublishError, match=r"dist/ is missing: run 'livery component build'"):
        publish_project(copy, repository_url="http://127.0.0.1:9/")
    result = run_livery("component", "publish", ".", env=clean_env(), cwd=copy)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: dist/ is missing: run 'livery component build' first"


def test_stale_dist_is_refused(copy: Path, monkeypatch) -> None:
    source = copy / "frontend" / "index.js"
    later = (copy / "dist").stat().st_mtime + 5
    source.write_text(source.read_text() + "\n// changed\n")
    os.utime(source, (later, later))
    monkeypatch.chdir(copy)
    with pytest.raises(PublishError) as caught:
        publish_project(".", repository_url="http://127.0.0.1:9/")
    assert str(caught.value) == (
        "dist/ is older than the sources (frontend/index.js changed after the build): "
        "run 'livery component build'"
    )


def test_python_cache_files_do_not_make_dist_stale(copy: Path) -> None:
    cache = copy / "backend" / "demo_text" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "late.pyc").write_bytes(b"")
    from livery.component.project import Project
    from livery.component.publish import find_release

    release = find_release(Project.find(copy))
    assert [path.name for path in release.files] == [
        "livery_sdk_demo_text-0.1.0-py3-none-any.whl",
        "livery_sdk_demo_text-0.1.0.tar.gz",
    ]


def test_a_restored_file_keeps_dist_current(copy: Path) -> None:
    from livery.component.project import Project
    from livery.component.publish import find_release

    source = copy / "frontend" / "index.js"
    later = (copy / "dist").stat().st_mtime + 60
    source.write_bytes(source.read_bytes())  # the same bytes, written again (a checkout, an undo)
    os.utime(source, (later, later))
    release = find_release(Project.find(copy))
    assert len(release.files) == 2


def test_one_changed_byte_makes_dist_stale_whatever_the_time(copy: Path, monkeypatch) -> None:
    source = copy / "backend" / "demo_text" / "__init__.py"
    earlier = (copy / "dist").stat().st_mtime - 3600
    text = source.read_bytes()
    source.write_bytes(text.replace(b"10_000", b"10_001", 1))  # same size, one byte
    os.utime(source, (earlier, earlier))  # and an older time than the build's
    monkeypatch.chdir(copy)
    with pytest.raises(PublishError) as caught:
        publish_project(".", repository_url="http://127.0.0.1:9/")
    assert str(caught.value) == (
        "dist/ is older than the sources (backend/demo_text/__init__.py changed after the "
        "build): run 'livery component build'"
    )


def test_added_and_removed_sources_make_dist_stale(copy: Path, monkeypatch) -> None:
    from livery.component.project import Project
    from livery.component.publish import find_release

    monkeypatch.chdir(copy)
    extra = Path("frontend") / "extra.js"
    extra.write_text("export const extra = 1;\n")
    with pytest.raises(PublishError, match=r"\(frontend/extra\.js was added after the build\)"):
        find_release(Project.find("."))
    extra.unlink()
    style = Path("frontend") / "style.scss"
    style.unlink()
    with pytest.raises(PublishError, match=r"\(frontend/style\.scss was removed after the build\)"):
        find_release(Project.find("."))


def test_a_dist_livery_did_not_build_is_judged_by_time(copy: Path, monkeypatch) -> None:
    from livery.component.project import Project
    from livery.component.publish import find_release

    (copy / ".livery" / "dist.json").unlink()  # dist/ from `python -m build`, say
    assert len(find_release(Project.find(copy)).files) == 2
    source = copy / "frontend" / "index.js"
    later = (copy / "dist").stat().st_mtime + 60
    os.utime(source, (later, later))
    monkeypatch.chdir(copy)
    with pytest.raises(PublishError, match=r"\(frontend/index\.js changed after the build\)"):
        find_release(Project.find("."))


def test_another_version_in_pyproject_is_refused(copy: Path, monkeypatch) -> None:
    pyproject = copy / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('version = "0.1.0"', 'version = "0.2.0"'))
    monkeypatch.chdir(copy)
    with pytest.raises(PublishError) as caught:
        publish_project(".", repository_url="http://127.0.0.1:9/")
    assert str(caught.value) == (
        "dist/ holds only livery-sdk-demo-text 0.1.0, nothing for livery-sdk-demo-text 0.2.0 "
        "(the version in pyproject.toml): run 'livery component build'"
    )


def test_a_missing_sdist_is_refused(copy: Path, monkeypatch) -> None:
    for sdist in (copy / "dist").glob("*.tar.gz"):
        sdist.unlink()
    monkeypatch.chdir(copy)
    with pytest.raises(PublishError, match=r"^dist/ has no sdist for livery-sdk-demo-text 0.1.0"):
        publish_project(".", repository_url="http://127.0.0.1:9/")
