# Two commands for a fresh machine:
#   make run   – set up .venv and serve the theme gallery (prints its URL; Ctrl-C stops it)
#   make test  – set up .venv with the test extras, make sure a Chromium exists, run pytest
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint bench fuzz chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[authoring]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/livery gallery

test: $(VENV)/.installed-test chromium
	$(BIN)/python -m pytest

# A Chromium for Playwright: LIVERY_CHROMIUM, Playwright's own download, or the system's.
# On Debian as root it comes from apt; elsewhere from Playwright's installer.
chromium: $(VENV)/.installed-test
	@if [ -n "$$LIVERY_CHROMIUM" ] || ls $${PLAYWRIGHT_BROWSERS_PATH:-$$HOME/.cache/ms-playwright}/chromium-*/chrome-linux*/chrome >/dev/null 2>&1 \
	   || command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
	   || command -v google-chrome >/dev/null; then \
	  echo "chromium: found"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "chromium: installing Debian's chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null; \
	else \
	  echo "chromium: installing Playwright's"; \
	  $(BIN)/python -m playwright install chromium; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.installed-test
	$(BIN)/python bench/theme_compile.py
	$(BIN)/python bench/colour.py
	$(BIN)/python bench/gallery.py
	$(BIN)/python bench/component_build.py
	$(BIN)/python bench/dev_reload.py
	$(BIN)/python bench/visual.py
	$(BIN)/python bench/install_footprint.py
	$(BIN)/python bench/server_load.py
	$(BIN)/python bench/kitchen_sink_fidelity.py

# The property tests with 20x the examples, randomised (a nightly-style run, not CI's).
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/unit/test_property_entry.py -p no:randomly -q

clean:
	rm -rf build dist .pytest_cache
