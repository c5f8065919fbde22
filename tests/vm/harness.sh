#!/usr/bin/env bash
# Entry point of the QEMU/DRBD end-to-end harness; see README.md.
#   tests/vm/harness.sh [--tools reference|ours] [scenario...|all]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec python3 "$here/harness.py" "$@"
