# Two commands do all the set-up on a fresh clone: `make serve` and `make test`.
# Every target is a thin wrapper around `python -m kelisim ...` (usable without make).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
# Debian packages the test suite needs (browser tests, spelling, PDF page counts of printed decks,
# Node for the search stemmer's tests).
DEBIAN_PACKAGES := chromium hunspell hunspell-ru hunspell-kk poppler-utils nodejs

# Makes `python -m kelisim` importable from the venv (same line works on Windows).
export PUT_SCRIPTS_ON_PATH := import pathlib, site; pathlib.Path(site.getsitepackages()[-1], "kelisim.pth").write_text(str(pathlib.Path("scripts").resolve()))

.PHONY: serve build check test system-packages bench moodle quizzes practice clean

$(READY): requirements.txt
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

# Rewrites the generated quiz pages after a bank is added or removed.
quizzes: $(READY)
	$(BIN)/python -m kelisim quizzes

# Rewrites the «Рекомендации для других регионов» pages after a practice note is added or changed.
practice: $(READY)
	$(BIN)/python -m kelisim practice pages

# Installs what is missing when running as root on Debian; otherwise says what to install.
system-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site dist .pytest_cache
