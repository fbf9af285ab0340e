# weave — the two commands a new user needs are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: deps browser-deps build test browser-test site serve bench conformance tsan clean

# libcmark (the C CommonMark library) is the only system dependency.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "Installing libcmark-dev (apt-get)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

# Headless Chromium for the browser test (BrowserTests); `make test` skips
# that test when no browser is installed.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
	    && ! command -v google-chrome >/dev/null 2>&1 && [ -z "$$WEAVE_CHROMIUM" ]; then \
	  echo "Installing chromium (apt-get)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; \
	fi

build: deps
	$(SWIFT) build --product weave

# Unit tests, end-to-end CLI tests, the conformance programs, and every
# example in the shipped documentation (Doc/) run and compared.
test: deps
	$(SWIFT) build --product weave
	$(SWIFT) test
	.build/debug/weave check Doc

# Only the browser test: the built site opened from disk in headless Chromium
# (search, navigation, theme toggle, copy buttons). Installs Chromium if needed.
browser-test: deps browser-deps
	$(SWIFT) build --product weave
	WEAVE_REQUIRE_BROWSER=1 $(SWIFT) test --filter WeaveCLITests.BrowserTests

# Render Doc/ into site/ (every example is run and checked).
site: deps
	$(SWIFT) build -c release --product weave
	.build/release/weave build Doc --output site

# Preview on http://127.0.0.1:8000 with live reload.
serve: deps
	$(SWIFT) build -c release --product weave
	.build/release/weave serve Doc --port 8000

# Runtime speed against python3 (a benchmark, never a test).
bench: deps
	$(SWIFT) build -c release --product weave
	python3 Benchmarks/run --cmd ".build/release/weave run" Benchmarks/*.py Benchmarks/more/*.py
	.build/release/weave run Benchmarks/parallel/scaling.py 2

conformance: deps
	$(SWIFT) build -c release --product weave
	python3 Benchmarks/conformance_run --cmd ".build/release/weave run" Tests/PythonRuntimeTests/Programs/core

# Thread Sanitizer run of the concurrency tests.
tsan: deps
	$(SWIFT) build --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter ConcurrencyTests

clean:
	rm -rf .build .build-tsan site
