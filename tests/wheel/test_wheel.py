"""The wheel carries the data folders, and an installed Livery finds them like a checkout."""

from __future__ import annotations

import subprocess
import sysconfig
import venv
import zipfile
from pathlib import Path


def test_wheel_installs_and_loads_builtin_themes(livery_wheel: Path, tmp_path: Path) -> None:
    wheel = livery_wheel
    names = zipfile.ZipFile(wheel).namelist()
    assert "livery/_data/themes/soft.toml" in names
    assert "livery/_data/gallery/README.md" in names
    assert "livery/_data/component_templates/README.md" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True
    )
    # Livery's dependencies come from this test run's environment, without its editable Livery
    # (a path added by a .pth file does not run that folder's own .pth files).
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    script = (
        "import livery, pathlib; t = livery.Theme.load('soft'); "
        "print(pathlib.Path(livery.__file__).parent); print(t.name); print(len(t.css()))"
    )
    result = subprocess.run(
        [python, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    location, name, size = result.stdout.split()
    assert Path(location).is_relative_to(env_dir)
    assert name == "Soft" and int(size) > 10_000

    listing = subprocess.run(
        [env_dir / "bin" / "livery", "theme", "list"], capture_output=True, text=True, check=True
    )
    assert "ocean" in listing.stdout
