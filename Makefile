# One name per README command. Each target creates the virtual environment it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench quality lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Start the bot when TELEGRAM_BOT_TOKEN is set, else the terminal console on the bundled sample.
run: $(STAMP)
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then $(BIN)/newsbrief run; else $(BIN)/newsbrief chat; fi

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.run_all

quality: $(STAMP)
	$(BIN)/python -m tests.benchmarks.quality

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

clean:
	rm -rf $(VENV)
