# Two entry points (see README): `make demo` builds data/ into out/, `make test` runs the tests.
# Both create .venv and install what they need; nothing is downloaded at run time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/lib/chromium/chromium

.PHONY: demo test typecheck chromium clean

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

demo: $(BIN)/.installed
	$(BIN)/kgraph build data -o out

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

typecheck: $(BIN)/.installed
	$(BIN)/python -m mypy

test: $(BIN)/.installed chromium typecheck
	$(BIN)/python -m pytest

clean:
	rm -rf out .pytest_cache .mypy_cache
