# The two commands a newcomer types: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m sandbox.demo

# The suite runs on the editable checkout; then the wheel is installed into a
# fresh environment outside the source tree and does the whole job from there.
# The suite is spread over every core (pytest-xdist); `python -m pytest` alone runs it in one.
test: $(STAMP)
	$(BIN)/ruff check bot sandbox tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto
	$(BIN)/python -m sandbox.installed

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_requests.py
	$(BIN)/python benchmarks/bench_job.py

clean:
	rm -rf $(VENV) build *.egg-info
