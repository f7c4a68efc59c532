# The two commands of the README's quickstart. Both work on a fresh clone, offline but for PyPI.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARTICLE ?= seeds/000_425a455c3402a5f3.txt
OUT ?= quotes.parquet

.PHONY: run test setup setup-dev bench bench-classifiers bench-batch models check-wheel clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# torch is pinned to the CPU build on this machine's disk; installing it first keeps pip from
# resolving a CUDA build for any package that asks for torch.
setup: $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .

# The test tools, and Ray for the test that runs the Ray engine on a local instance.
setup-dev: setup
	$(BIN)/pip install --quiet -e '.[dev,ray]'

run: setup
	$(BIN)/stance score $(ARTICLE) -o $(OUT)
	$(BIN)/python -c "import stance; df = stance.load('$(OUT)'); print(df[['speaker', 'quote_type', 'tone', 'stance', 'text']].to_string(max_colwidth=60))"

# pytest exits 5 when a selection holds no test; that is not a failure here.
test: setup-dev
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then exit 0; else exit $$rc; fi

bench: setup-dev
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/extraction_vs_textacy.py
	$(BIN)/python benchmarks/extraction_intervals.py
	$(BIN)/python benchmarks/attribution_confidence.py
	$(BIN)/python benchmarks/war_speakers.py
	$(BIN)/python benchmarks/attribution_errors.py --before e746b69
	$(BIN)/python benchmarks/polnear_contract.py
	$(BIN)/python benchmarks/news_precision.py

bench-classifiers: setup-dev
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/classifiers.py --write-card

bench-batch: setup-dev
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/batch_scaling.py
	$(BIN)/python benchmarks/long_article.py

# Retrain the shipped model from ../shared/data (about 10 minutes on 2 cores): a full fine-tune of the
# MiniLM encoder with two heads (configs/quotes.toml).
models: setup
	$(BIN)/stance train --config configs/quotes.toml

# A non-editable install into a fresh environment scores the seed from another folder with the shipped model.
check-wheel: $(BIN)/python
	rm -rf build/wheel build/venv && mkdir -p build/wheel
	$(BIN)/pip wheel --quiet --no-deps -w build/wheel .
	$(PYTHON) -m venv build/venv
	build/venv/bin/pip install --quiet torch==2.13.0
	build/venv/bin/pip install --quiet build/wheel/stance-*.whl
	cd build && venv/bin/stance score ../$(ARTICLE) -o wheel-check.parquet

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache build
