# Every target sets itself up from nothing: the virtual environment is created and the
# project installed (editable, with test extras) whenever pyproject.toml is newer.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: run test demo demo-data bench lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

demo: $(STAMP)
	mkdir -p $(OUT)
	$(PY) -m briefer demo-store $(OUT)/demo.db --force
	$(PY) -m briefer build --store $(OUT)/demo.db --country Mali \
	    --from 2023-06-01 --to 2023-12-31 --topic peacekeeping \
	    --date 2024-01-08 --out $(OUT)/mali-peacekeeping-2023-06-01_2023-12-31.pdf

# The demo store's synthetic events, rewritten from the generator (after changing it or
# resources/demo/synthetic.toml); a test fails while the committed file differs.
demo-data: $(STAMP)
	$(PY) -m briefer.core.demo.events_file

bench: $(STAMP)
	$(PY) -m tests.bench.bench_core && $(PY) -m tests.bench.bench_gui
	$(PY) -m tests.bench.bench_import

lint: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ruff check briefer tests
	$(PY) -m mypy briefer/core

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
