# Set-up is part of every target: a fresh machine needs only Python 3.11 and make.
VENV    ?= .venv
PYTHON  ?= $(shell command -v python3.11 || command -v python3)
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.claimcheck-installed
DB      ?= claimcheck.db

# Models load from installed packages only; nothing is fetched from a hub at run time.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

CLIMATE_FEVER ?= ../shared/benchmarks/climate-fever/climate-fever.jsonl
SEARCH_SIZES  ?= 100000 1000000

.PHONY: install browser run test lint typecheck imports pytest bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: pip takes the CPU build on disk; a bare `torch` pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/claimcheck --db $(DB) ingest seeds
	$(BIN)/claimcheck --db $(DB) ingest --role reference evidence
	$(BIN)/claimcheck --db $(DB) check
	$(BIN)/claimcheck --db $(DB) summary
	@if [ -t 0 ] && [ -t 1 ]; then $(BIN)/claimcheck --db $(DB) tui; \
	else echo "Triage the claims from the keyboard: $(BIN)/claimcheck --db $(DB) tui"; fi

lint: install
	$(BIN)/ruff check claimcheck tests benchmarks
	$(BIN)/ruff format --check claimcheck tests benchmarks

typecheck: install
	$(BIN)/mypy

imports: install
	$(BIN)/lint-imports

# The HTML report test drives Debian's chromium headless; install it once when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || command -v sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

pytest: install browser
	$(BIN)/pytest

test: lint typecheck imports pytest

# Not part of `make test`: minutes of CPU. Prints one markdown table (docs/benchmarks.md).
bench: install
	$(PY) benchmarks/bench_all.py --climate-fever $(CLIMATE_FEVER) --search-sizes $(SEARCH_SIZES)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
