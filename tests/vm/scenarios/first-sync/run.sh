# shellcheck shell=sh
# drbdvm: nodes=2 timeout=420 order=20
# description: create-md and up on both, --overwrite-data-of-peer primary on alpha, full sync to UpToDate/UpToDate (timed)
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh).

MB=64 # backing device size
PAT=8 # MiB of distinct data at the start of each backing device

step "backing device: $MB MiB loop device"
mkloop 0 $MB

step "create metadata (both nodes)"
must drbdadm create-md r0
must drbdadm dump-md r0
out_has "la-size-sect 0"

step "put $PAT MiB of this node's own data into the data area (internal metadata is at the end)"
# alpha's data must end up on bravo; bravo's stale data must be overwritten
write_pattern /dev/loop0 "$NODE-before-sync" $PAT

barrier ready-for-up 120
T0=$(now_cs)

step "bring r0 up (both nodes)"
must drbdadm up r0
[ "$NODE" = alpha ] && timing up_seconds "$RUN_SECONDS"
wait_drbd 90 0 cs=Connected ro=Secondary/Secondary ds=Inconsistent/Inconsistent
show_proc_drbd
must drbdadm status r0
out_has "r0"
barrier connected 120

if [ "$NODE" = alpha ]; then
    step "start the initial full sync from alpha (seed: drbdadm -- --overwrite-data-of-peer primary)"
    T1=$(now_cs)
    must drbdadm -- --overwrite-data-of-peer primary r0
    wait_drbd 30 0 ro=Primary/Secondary
    send alpha-is-primary
else
    step "wait until alpha is primary"
    recv alpha-is-primary 120
    wait_drbd 30 0 ro=Secondary/Primary
fi
show_proc_drbd

step "wait for the sync to finish"
wait_drbd 300 0 cs=Connected ds=UpToDate/UpToDate
T2=$(now_cs)
show_proc_drbd
expect_drbd 0 oos=0
if [ "$NODE" = alpha ]; then
    timing first_sync_seconds "$(cs_diff "$T0" "$T2")"
    timing sync_only_seconds "$(cs_diff "$T1" "$T2")"
    expect_drbd 0 ro=Primary/Secondary
else
    expect_drbd 0 ro=Secondary/Primary
fi

step "what drbdadm reports"
must drbdadm status r0
must drbdadm cstate r0
out_is Connected
must drbdadm dstate r0
out_is UpToDate/UpToDate
must drbdadm role r0
if [ "$NODE" = alpha ]; then out_is Primary/Secondary; else out_is Secondary/Primary; fi

step "bravo's disk now holds alpha's data, byte for byte"
if [ "$NODE" = alpha ]; then
    SIZE=$(blockdev --getsize64 /dev/drbd0)
    SUM=$(sum_bytes /dev/drbd0 "$SIZE")
    say "  [alpha] /dev/drbd0: $SIZE bytes, md5 $SUM"
    check_data /dev/drbd0 alpha-before-sync $PAT
    send drbd0-sum "$SIZE $SUM"
    recv bravo-checked 120
else
    recv drbd0-sum 120
    SIZE=${MSG_VALUE% *}
    WANT=${MSG_VALUE#* }
    # bravo is Secondary (cannot open /dev/drbd0): read the data area of its backing device
    SEEN=$(sum_bytes /dev/loop0 "$SIZE")
    say "  [bravo] first $SIZE bytes of /dev/loop0: md5 $SEEN"
    expect_eq "md5 of bravo's replicated data area" "$WANT" "$SEEN"
    check_data /dev/loop0 alpha-before-sync $PAT
    send bravo-checked
fi
