#!/usr/bin/env bash
# The demo of what works today: our drbdadm reads the seed how-tos' configurations, prints
# them in upstream's canonical form, and reports every error of a broken one with its
# location. (The two-node QEMU demo joins when the plan commands land.)
set -uo pipefail
cd "$(dirname "$0")/.."
adm=target/release/drbdadm
seeds=tests/fixtures/seeds
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "$2"; }
export DRBD_DRIVER_VERSION_OVERRIDE=9.0.0
step "An 8.3-era config (seed 'Heartbeat'): syncer, protocol at resource level" \
     "__DRBD_NODE__=lb1 drbdadm -c $seeds/002-heartbeat.conf dump www"
__DRBD_NODE__=lb1 $adm -c $seeds/002-heartbeat.conf dump www 2>/dev/null
step "A config split over includes (seed 'Proxmox VE'), validated" \
     "__DRBD_NODE__=proxmox-105 drbdadm -c $seeds/003-drbd.conf sh-nop"
__DRBD_NODE__=proxmox-105 $adm -c $seeds/003-drbd.conf sh-nop 2>&1 | grep -v "found __DRBD_NODE__\|PRETENDING\|^$"
echo "exit code: ${PIPESTATUS[0]}"
step "A config a web page mangled (seed 'iSCSI and NFS'): every error, located" \
     "drbdadm -c $seeds/004-iscsi-nfs-mangled.conf sh-nop"
$adm -c $seeds/004-iscsi-nfs-mangled.conf sh-nop 2>&1 | sed "s,^$PWD/,,"
echo "exit code: ${PIPESTATUS[0]}"
echo
echo "verdict: parser and dump work on every seed config; see README for what is next"
