# The two set-up commands (README): `make demo` runs the main job, `make test` runs every
# test and installs what the tests need. .ci/run runs `make test`.
CARGO ?= cargo
BIN_DIR := $(CURDIR)/target/release

.PHONY: all build setup test lint unit conformance bench demo vm-test clean

all: build

build:
	$(CARGO) build --release --workspace

setup:
	bash tests/setup.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --release -- -D warnings

unit: build
	DRBD_BIN_DIR=$(BIN_DIR) $(CARGO) test --workspace --release

conformance: build
	$(CARGO) run --release -q -p drbd-tests --bin conformance -- --bin-dir $(BIN_DIR)

vm-test: build
	bash tests/vm/run-all.sh --tools ours

test: setup build lint unit conformance vm-test

bench: build
	bash tests/bench/parse.sh 50000

demo: build setup
	bash tests/vm/demo.sh

clean:
	$(CARGO) clean
