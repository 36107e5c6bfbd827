"""The design-token tools the DTCG export is tested with, installed from the npm registry.

The packages are pinned and installed once into a folder under pytest's cache (Livery's own
``npm install`` step, which runs npm again only when ``package.json`` changes), so a warm run
starts no npm at all. Each tool is driven by a small script written next to it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from livery._node import Node, find_node
from tests.npm_packages import npm_folder

PACKAGES = {
    "style-dictionary": "5.5.5",
    "@terrazzo/cli": "2.7.1",
    "@terrazzo/plugin-css": "2.7.1",
}

_STYLE_DICTIONARY = """\
import StyleDictionary from "style-dictionary";
const [source, include, destination] = process.argv.slice(2);
const sd = new StyleDictionary({
  source: [source],
  include: include ? [include] : [],
  log: { verbosity: "silent", warnings: "error" },
  platforms: {
    css: {
      transformGroup: "css",
      buildPath: "",
      files: [{ destination, format: "css/variables" }],
    },
  },
});
await sd.buildAllPlatforms();
"""

_TERRAZZO = """\
import { defineConfig } from "@terrazzo/cli";
import css from "@terrazzo/plugin-css";
export default defineConfig({
  tokens: [process.env.TOKENS],
  outDir: process.env.OUT,
  plugins: [
    css({
      filename: "tokens.css",
      permutations: [
        { input: { mode: "light" }, prepare: (css) => `:root {\\n${css}\\n}` },
        { input: { mode: "dark" }, prepare: (css) => `:root.dark {\\n${css}\\n}` },
      ],
    }),
  ],
});
"""


class Consumers:
    """The installed tools: each method builds CSS from token files and returns its text."""

    def __init__(self, root: Path, node: Node) -> None:
        self.root = root
        self.node = node

    def style_dictionary(self, source: Path, out: Path, include: Path | None = None) -> str:
        """Style Dictionary's ``css/variables`` (no prefix) for ``source`` over ``include``."""
        self._run(
            [str(self.root / "sd.mjs"), str(source), str(include or ""), str(out)], cwd=out.parent
        )
        return out.read_text(encoding="utf-8")

    def terrazzo(self, resolver: Path, out: Path) -> str:
        """Terrazzo's CSS plugin for a resolver document: light in ``:root``, dark in
        ``:root.dark``."""
        cli = self.root / "node_modules" / "@terrazzo" / "cli" / "bin" / "cli.js"
        env = {"TOKENS": str(resolver), "OUT": str(out) + "/"}
        config = self.root / "terrazzo.config.mjs"
        self._run([str(cli), "build", "--config", str(config)], cwd=self.root, env=env)
        return (out / "tokens.css").read_text(encoding="utf-8")

    def _run(self, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        result = subprocess.run(
            [str(self.node.executable), *args],
            cwd=cwd,
            env={**self.node.env(), **(env or {})},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def consumers(cache: Path) -> Consumers:
    """The pinned tools installed in ``cache`` (npm runs only on the first call per cache)."""
    files = {"sd.mjs": _STYLE_DICTIONARY, "terrazzo.config.mjs": _TERRAZZO}
    npm_folder(cache, "dtcg-consumers", PACKAGES, files, module=True)
    return Consumers(cache, find_node())
