# bodymap: two commands on a fresh Debian 12 machine.
#   make run    creates .venv, installs bodymap, starts the app
#   make test   creates .venv, installs bodymap with its test extras, runs every test headless
# Both first make sure the system libraries Qt needs are present (installing them when root).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test bench lint sys-libs sys-libs-gui clean

run: sys-libs-gui $(VENV)/.installed-run
	$(BIN)/bodymap $(ARGS)

test: sys-libs $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

bench: sys-libs $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/lint-imports

sys-libs:
	@tools/ensure-system-libs.sh base

sys-libs-gui:
	@tools/ensure-system-libs.sh gui

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
