# Two commands do all the set-up on a fresh clone: `make serve` and `make test`.
# Every target is a thin wrapper around `python -m kelisim ...` (usable without make).

PYTHON ?= python3
# The oldest Python supported: pyproject.toml's requires-python, which README and the tests read too.
FLOOR  := $(shell sed -n 's/^requires-python *= *">=\([0-9.]*\)"/\1/p' pyproject.toml)
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
# Debian packages the test suite needs (browser tests, spelling, PDF page counts of printed decks,
# Node for the search stemmer's tests, nginx to serve the release as the deployment guide says, DejaVu,
# the font the printed handbook embeds for every Kazakh letter).
DEBIAN_PACKAGES := chromium hunspell hunspell-ru hunspell-kk poppler-utils nodejs nginx fonts-dejavu-core

# Makes `python -m kelisim` importable from the venv (same line works on Windows).
export PUT_SCRIPTS_ON_PATH := import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()["purelib"], "kelisim.pth").write_text(str(pathlib.Path("scripts").resolve()))

.PHONY: serve build check test system-packages bench moodle handbook scorm quizzes practice dist clean

# Says in one line what is missing instead of letting venv or pip fail with a traceback.
define CHECK_PYTHON
import sys
floor = tuple(map(int, "$(FLOOR)".split(".")))
if sys.version_info < floor:
    sys.exit("Kelisim needs Python $(FLOOR) or newer; $(PYTHON) is %s. Install a newer python3 "
             "(Debian 12, Ubuntu 24.04 and later ship one) and run: make PYTHON=/path/to/python3.11" % sys.version.split()[0])
try:
    import ensurepip, venv
except ImportError:
    sys.exit("$(PYTHON) cannot create virtual environments; on Debian or Ubuntu: sudo apt-get install python3-venv")
endef
export CHECK_PYTHON

$(READY): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Kelisim needs Python $(FLOOR) or newer; '$(PYTHON)' was not found (sudo apt-get install python3 python3-venv, or make PYTHON=/path/to/python3)"; exit 1; }
	@$(PYTHON) -c "$$CHECK_PYTHON"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -c "$$PUT_SCRIPTS_ON_PATH"
	touch $@

serve: $(READY)
	$(BIN)/python -m kelisim serve

build: $(READY)
	$(BIN)/python -m kelisim build

check: $(READY)
	$(BIN)/python -m kelisim check

test: $(READY) system-packages
	$(BIN)/python -m pytest

bench: $(READY)
	$(BIN)/python -m kelisim bench

# Moodle XML, one file per language, in dist/moodle/ (see AUTHORING.md, «Тесты»).
moodle: $(READY)
	$(BIN)/python -m kelisim moodle

# The printed handbooks (learner and trainer edition per language) and the decks as PDF, in dist/handbook/
# and dist/decks/ (builds the site first; see AUTHORING.md, «Печатное пособие»).
handbook: $(READY) system-packages
	$(BIN)/python -m kelisim handbook

# SCORM 1.2 packages for an LMS, from a fresh strict build: dist/scorm/kelisim-<version>-<lang>.zip
# (whole course) and kelisim-<version>-<lang>-<module>.zip (see AUTHORING.md, «Пакеты SCORM»).
scorm: $(READY)
	$(BIN)/python -m kelisim scorm

# Rewrites the generated quiz pages after a bank is added or removed.
quizzes: $(READY)
	$(BIN)/python -m kelisim quizzes

# The release: dist/kelisim-<version>.zip (+ .sha256) with the site, PDFs, Moodle XML and the
# deployment guide's server configurations (see README, «Releases»).
dist: handbook moodle scorm
	$(BIN)/python -m kelisim dist

# Rewrites the «Рекомендации для других регионов» pages after a practice note is added or changed.
practice: $(READY)
	$(BIN)/python -m kelisim practice pages

# Installs what is missing when running as root on Debian; otherwise says what to install.
# Services are not started (nginx would take port 80): without a policy-rc.d of the machine's, one
# refuses them for the install. The nginx test runs its own nginx on a free port.
system-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    if [ ! -e /usr/sbin/policy-rc.d ]; then \
	      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d; \
	      trap 'rm -f /usr/sbin/policy-rc.d' EXIT; \
	    fi; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site dist .pytest_cache
