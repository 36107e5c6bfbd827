"""Gradio's own theme tests, vendored and switched to Livery: this folder's rules.

Every test here is marked ``interop`` (as ``tests/interop/*.py`` are), without
editing the vendored files. ``EXCLUDED`` names the tests that cannot pass without
the network, on Gradio either; they are removed at collection, each with its reason
printed. Everything else must pass. Gradio's own markers (``serial``, ``flaky``) are
registered so that they do not warn.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent

EXCLUDED: dict[str, str] = {
    "test_theme_sharing.py::test_theme_builder_launches": (
        "network: gr.themes.builder() downloads its app from "
        "gradio-static-files.s3.us-west-2.amazonaws.com, so it fails on gradio too "
        "without the network; Livery has no builder (its theme browser is "
        "`livery gallery`)"
    ),
}
"""``file::test`` → why it is not run."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "serial: Gradio's marker for tests run one at a time"
    )
    config.addinivalue_line(
        "markers", "flaky: Gradio's marker for tests that use the network"
    )


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    kept: list[pytest.Item] = []
    removed: list[pytest.Item] = []
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    for item in items:
        path = Path(str(item.path))
        if HERE not in path.parents:
            kept.append(item)
            continue
        item.add_marker(pytest.mark.interop)
        key = f"{path.name}::{item.name}"
        if key in EXCLUDED:
            removed.append(item)
            if reporter is not None:
                reporter.write_line(f"gradio_suite: not run {key}: {EXCLUDED[key]}")
        else:
            kept.append(item)
    if removed:
        config.hook.pytest_deselected(items=removed)
        items[:] = kept
