# The two set-up commands (README): `make demo` runs the main job, `make test` runs every
# test and installs what the tests need. .ci/run runs `make test`.
CARGO ?= cargo
BIN_DIR := $(CURDIR)/target/release

.PHONY: all build setup test lint unit conformance bench demo vm-reference clean

all: build

build:
	$(CARGO) build --release --workspace

setup:
	bash tests/setup.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --release -- -D warnings

unit: build
	DRBD_BIN_DIR=$(BIN_DIR) DRBD_UTILS_TESTS_DIR=$(CURDIR)/../shared/conformance/drbd-utils-tests $(CARGO) test --workspace --release

conformance: build
	$(CARGO) run --release -q -p drbd-tests --bin conformance -- --bin-dir $(BIN_DIR)

# The QEMU scenarios with LINBIT's tools in the guests (the baseline; our tools join them
# when drbdadm's plan commands land). Not part of `make test` yet.
vm-reference:
	bash tests/vm/setup.sh
	bash tests/vm/harness.sh --tools reference

# The conformance summary comes before the cargo test results, whose closing lines end the run.
test: setup build lint conformance unit

bench: build
	bash tests/bench/parse.sh 50000

demo: build
	bash tests/demo.sh

clean:
	$(CARGO) clean
