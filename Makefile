# weave — the two commands a new user needs are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: deps build test site serve bench conformance tsan clean

# libcmark (the C CommonMark library) is the only system dependency.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "Installing libcmark-dev (apt-get)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build --product weave

# Unit tests, end-to-end CLI tests and the conformance programs.
test: deps
	$(SWIFT) build --product weave
	$(SWIFT) test

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
	python3 Benchmarks/run --cmd ".build/release/weave run" Benchmarks/*.py
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
