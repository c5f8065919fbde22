#!/usr/bin/env bash
# The demo (`make demo`): two QEMU guests, alpha and bravo, run Debian's kernel with the real
# DRBD 8.4.11 module and only this project's drbdadm, drbdsetup and drbdmeta. They follow the
# seed how-tos: create-md and up on both, `drbdadm -- --overwrite-data-of-peer primary r0` on
# alpha, the first sync to UpToDate/UpToDate (`drbdadm status` on both), then a manual
# failover with the data read back on bravo. Each line of the transcript names the node that
# ran the command; the last line is the verdict.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tests/vm/setup.sh || { echo "verdict: FAILED (could not prepare the QEMU guests)"; exit 2; }
bash tests/vm/harness.sh --tools ours first-sync failover
rc=$?
echo
if [ $rc -eq 0 ]; then
    echo "verdict: PASSED: two DRBD 8.4 nodes replicated and failed over, driven only by our tools"
else
    echo "verdict: FAILED (exit $rc): see the transcript above"
fi
exit $rc
