# The two set-up commands (README): `make demo` runs the main job, `make test` runs every
# test and installs what the tests need. .ci/run runs `make test`.
CARGO ?= cargo

# The tools every target below runs, tests and installs: drbdadm, drbdsetup and drbdmeta as
# static position-independent executables. drbdadm runs one helper per step and resource
# (250 for `up` of 50 resources); under QEMU's TCG every exec of a dynamic binary translates
# ld.so, libc and libgcc_s again at their new random addresses, which made our helpers
# 30-45 ms slower an exec than LINBIT's C tools. Static-pie removes the loader work and
# keeps address randomisation (a fixed-address build is faster still under emulation, but
# gives up ASLR for tools that run as root). A separate --target build keeps crt-static off
# the proc-macro crates (which cannot be built with it) and leaves target/release as cargo
# builds it. DRBD_VM_TARGET tells the QEMU harness.
HOST_TRIPLE := $(shell rustc -vV | sed -n 's/^host: //p')
TOOLS_RUSTFLAGS := -C target-feature=+crt-static
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
BIN_DIR := $(TARGET_DIR)/$(HOST_TRIPLE)/release
export DRBD_VM_TARGET ?= $(BIN_DIR)

.PHONY: all build setup test lint unit conformance differential differential-long bench demo vm vm-timing vm-reference clean

all: build

build:
	$(CARGO) build --release --workspace
	RUSTFLAGS="$(TOOLS_RUSTFLAGS)" $(CARGO) build --release --target $(HOST_TRIPLE) \
		-p drbdadm -p drbdsetup -p drbdmeta

setup:
	bash tests/setup.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --release -- -D warnings

unit: build
	DRBD_BIN_DIR=$(BIN_DIR) DRBD_UTILS_TESTS_DIR=$(CURDIR)/../shared/conformance/drbd-utils-tests $(CARGO) test --workspace --release

conformance: build
	$(CARGO) run --release -q -p drbd-tests --bin conformance -- --bin-dir $(BIN_DIR)

# The generated differential corpus against drbd-utils 9.34 (built by tests/setup.sh from
# ../shared/drbd-utils): every difference fixed or listed in tests/known-differences.md.
# `make differential-long` runs ten times the configs.
differential: build
	bash tests/reference.sh
	$(CARGO) run --release -q -p drbd-tests --bin differential -- --bin-dir $(BIN_DIR)

differential-long: build
	bash tests/reference.sh
	$(CARGO) run --release -q -p drbd-tests --bin differential -- --bin-dir $(BIN_DIR) --long

# The seeds' workflows end to end: our release binaries in one or two QEMU guests running
# Debian's kernel with the real DRBD 8.4.11 module (tests/vm/README.md).
VM_SCENARIOS := smoke-loopback drbdsetup-loopback first-sync failover split-brain external-meta heartbeat-83 adjust up-50
vm: build
	bash tests/vm/setup.sh
	bash tests/vm/harness.sh --tools ours $(VM_SCENARIOS)

# Scenario 1 (first sync) and `up` of 50 resources with both toolsets, one after the other
# in one run, for the README's side-by-side numbers (the TIMING lines).
vm-timing: build
	bash tests/vm/setup.sh
	bash tests/vm/harness.sh --tools reference first-sync up-50
	bash tests/vm/harness.sh --tools ours first-sync up-50

# The same scenarios with LINBIT's tools in the guests: the baseline for the timings.
vm-reference:
	bash tests/vm/setup.sh
	bash tests/vm/harness.sh --tools reference

# The conformance summary and the QEMU scenarios come before the cargo test results, whose
# closing lines end the run.
test: setup build lint conformance differential vm unit

# Ours against drbd-utils 9.34 for 1k, 10k, 50k and 200k resources, one file and one
# file per resource: medians of paired runs, peak memory, ratios; target/bench/results.md
# and target/bench/plot.svg. A benchmark, not a test (BENCH_ARGS passes options).
bench: build
	bash tests/reference.sh
	$(CARGO) run --release -q -p drbd-tests --bin bench -- --bin-dir $(BIN_DIR) $(BENCH_ARGS)

demo: build
	bash tests/demo.sh

clean:
	$(CARGO) clean

# ---- man pages, completions, installation ------------------------------------------------
# `make man` regenerates man/*.5, man/*.8 and man/completions/ from the option and command
# tables (man/tests/ fails when the checked-in copies are stale). `make install` copies the
# static tools (BIN_DIR, `make build` first), the pages and the completions below
# $(DESTDIR)$(PREFIX); drbdadm-84 and drbdsetup-84 are second names in lib/drbd, as Debian
# lays them out. `make uninstall` removes exactly those files.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL ?= install
TOOLS := drbdadm drbdsetup drbdmeta
SBIN_DIR = $(DESTDIR)$(PREFIX)/sbin
LIBDRBD_DIR = $(DESTDIR)$(PREFIX)/lib/drbd
MAN5_DIR = $(DESTDIR)$(PREFIX)/share/man/man5
MAN8_DIR = $(DESTDIR)$(PREFIX)/share/man/man8
BASHCOMP_DIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHCOMP_DIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHCOMP_DIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: man install uninstall

man:
	$(CARGO) run -q -p drbd-man --bin gen-man -- $(CURDIR)/man

install:
	@for t in $(TOOLS); do [ -x $(BIN_DIR)/$$t ] || { echo "$(BIN_DIR)/$$t missing: run make build first" >&2; exit 1; }; done
	$(INSTALL) -d $(SBIN_DIR) $(LIBDRBD_DIR) $(MAN5_DIR) $(MAN8_DIR) $(BASHCOMP_DIR) $(ZSHCOMP_DIR) $(FISHCOMP_DIR)
	for t in $(TOOLS); do $(INSTALL) -m 0755 $(BIN_DIR)/$$t $(SBIN_DIR)/$$t; done
	ln -sf ../../sbin/drbdadm $(LIBDRBD_DIR)/drbdadm-84
	ln -sf ../../sbin/drbdsetup $(LIBDRBD_DIR)/drbdsetup-84
	$(INSTALL) -m 0644 man/drbd.conf.5 $(MAN5_DIR)/drbd.conf.5
	for t in $(TOOLS); do $(INSTALL) -m 0644 man/$$t.8 $(MAN8_DIR)/$$t.8; done
	for t in $(TOOLS); do \
		$(INSTALL) -m 0644 man/completions/bash/$$t $(BASHCOMP_DIR)/$$t && \
		$(INSTALL) -m 0644 man/completions/zsh/_$$t $(ZSHCOMP_DIR)/_$$t && \
		$(INSTALL) -m 0644 man/completions/fish/$$t.fish $(FISHCOMP_DIR)/$$t.fish || exit 1; \
	done

uninstall:
	rm -f $(LIBDRBD_DIR)/drbdadm-84 $(LIBDRBD_DIR)/drbdsetup-84 $(MAN5_DIR)/drbd.conf.5
	for t in $(TOOLS); do \
		rm -f $(SBIN_DIR)/$$t $(MAN8_DIR)/$$t.8 $(BASHCOMP_DIR)/$$t \
			$(ZSHCOMP_DIR)/_$$t $(FISHCOMP_DIR)/$$t.fish; \
	done
