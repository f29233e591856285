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

# The suite runs twice, in the time zones at the two ends of the day (UTC+14 and UTC-11): the
# tests' fixed clock (tests/conftest.py) then falls on different local dates, so a rule that
# mixes UTC and local dates fails in one of them.
TEST_ZONES := Pacific/Kiritimati Pacific/Pago_Pago

# The two runs go side by side, one a core, each into its own log, printed in order when both
# are done; the second leaves out the tests marked zone_free (they read no clock). `make test
# ARGS=...` passes pytest options to both.
test: sys-libs $(VENV)/.installed-test
	@logs=$$(mktemp -d); only=""; n=0; \
	echo "== the suite in TZ $(TEST_ZONES), side by side (output follows when both end)"; \
	for zone in $(TEST_ZONES); do n=$$((n + 1)); \
	  ( TZ=$$zone QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider \
	      $${only:+-m "$$only"} $(ARGS) > $$logs/$$n.log 2>&1; echo $$? > $$logs/$$n.rc ) & \
	  only="not zone_free"; \
	done; wait; status=0; n=0; \
	for zone in $(TEST_ZONES); do n=$$((n + 1)); \
	  echo "== tests in TZ=$$zone$$( [ $$n -gt 1 ] && echo ' (without the zone-free tests)')"; \
	  cat $$logs/$$n.log; [ "$$(cat $$logs/$$n.rc)" = 0 ] || status=1; \
	done; rm -rf $$logs; exit $$status

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

# Packaging (packaging/README.md). Slower than the unit tests, so not part of `make test`.
#   make package       one-folder bundle dist/bodymap/ and dist/bodymap-VERSION-linux-ARCH.tar.gz
#   make package-test  builds it, validates the desktop metadata, installs the bundle into a
#                      temporary prefix and starts it offscreen on a temporary data dir
#   make wheel-check   python -m build, installs the wheel into a fresh venv, starts it offscreen
# They build in their own venv, .venv-package, and leave .venv alone.
PKG_VENV := .venv-package
PKG_BIN  := $(PKG_VENV)/bin

.PHONY: package package-test wheel-check package-tools

package: sys-libs-gui package-tools $(PKG_VENV)/.installed
	packaging/build.sh $(PKG_BIN)/python

package-test: package
	$(PKG_BIN)/python packaging/checks.py desktop
	$(PKG_BIN)/python packaging/checks.py bundle

wheel-check: sys-libs $(PKG_VENV)/.installed
	$(PKG_BIN)/python packaging/checks.py wheel

package-tools:
	@tools/ensure-system-libs.sh packaging

$(PKG_VENV)/bin/python:
	$(PYTHON) -m venv $(PKG_VENV)
	$(PKG_BIN)/python -m pip install --quiet --upgrade pip

$(PKG_VENV)/.installed: pyproject.toml packaging/requirements.txt | $(PKG_VENV)/bin/python
	$(PKG_BIN)/python -m pip install --quiet -r packaging/requirements.txt .
	touch $@
