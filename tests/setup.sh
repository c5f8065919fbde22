#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine with Rust: LINBIT's drbd-utils as
# the reference for differential tests (never a dependency of our tools), jq for upstream's
# conformance tests, zsh and fish for the completion tests (man/tests/completions.rs).
# Idempotent; runs apt-get only when something is missing.
set -euo pipefail
need=()
command -v /usr/sbin/drbdadm >/dev/null 2>&1 || [ -x /sbin/drbdadm ] || need+=(drbd-utils)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v /usr/bin/time >/dev/null 2>&1 || need+=(time)
command -v bc >/dev/null 2>&1 || need+=(bc)
command -v groff >/dev/null 2>&1 || need+=(groff-base)
command -v zsh >/dev/null 2>&1 || need+=(zsh)
command -v fish >/dev/null 2>&1 || need+=(fish)
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The QEMU harness installs its own packages (tests/vm/setup.sh) when `make vm-reference` runs.
# drbd-utils 9.34, the reference of the differential tests, built from ../shared.
bash "$(dirname "$0")/reference.sh"
