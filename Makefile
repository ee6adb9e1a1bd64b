# WB Ops: one Makefile for set-up, tests, benchmarks, demo and packaging.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 \
	xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0 \
	binutils fonts-dejavu-core libpulse0 poppler-utils \
	postgresql nats-server

.PHONY: help venv system-deps lint typecheck test test-fast bench demo package package-smoke translations screenshots clean

help:
	@echo "make demo         start the backend with demo data and open both apps"
	@echo "make test         lint, type checks and the whole test suite"
	@echo "make bench        benchmarks, printed as a table"
	@echo "make system-deps  Qt system libraries, PostgreSQL and nats-server (apt-get; make demo and make test run it first)"
	@echo "make package      PyInstaller bundles and the Linux archive in dist/"
	@echo "make package-smoke run each built bundle headless (apps open a window, backend /health)"

$(STAMP): pyproject.toml constraints.txt
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,scale]'
	@touch $(STAMP)

venv: $(STAMP)

# Run by `make demo` and `make test` first: as root it installs what is missing, with sudo it asks
# for the password, otherwise it says which command to run. Not Debian (no dpkg): nothing to do.
system-deps:
	@command -v dpkg >/dev/null 2>&1 || { echo "no dpkg: install the Qt system libraries yourself ($(SYSTEM_PACKAGES))"; exit 0; }; \
	missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done | tr '\n' ' '); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then sudo=sudo; \
	else \
		echo "Missing system libraries: $$missing" >&2; \
		echo "Install them with:  sudo make system-deps   (or: sudo apt-get install $$missing)" >&2; \
		exit 1; \
	fi; \
	echo "installing system libraries: $$missing"; \
	$$sudo apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

translations: $(STAMP)
	$(PY) -m shared.qt.i18n_build

test: system-deps $(STAMP) lint typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/unit tests/qt tests/e2e tests/faults

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -x tests/unit tests/qt

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks

demo: system-deps $(STAMP)
	$(PY) packaging/demo.py

package: $(STAMP)
	$(PY) packaging/build.py

package-smoke: $(STAMP)
	$(PY) packaging/smoke.py

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) packaging/screenshots.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
