# shellcheck shell=sh
# drbdvm: nodes=2 timeout=480 order=40
# description: dual primary (Proxmox how-to), link cut, both write, split brain on reconnect, bravo's data discarded
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh).
# Recovery as in the how-to: on the victim "drbdadm secondary r0" and
# "drbdadm -- --discard-my-data connect r0", on the survivor "drbdadm connect r0".

mkloop 0 32
initial_sync r0 0 drbdadm -- --overwrite-data-of-peer primary r0

if [ "$NODE" = bravo ]; then
    step "bravo becomes primary as well (allow-two-primaries): Primary/Primary"
    must drbdadm primary r0
    send bravo-primary
else
    recv bravo-primary 120
fi
wait_drbd 30 0 cs=Connected ro=Primary/Primary ds=UpToDate/UpToDate
show_proc_drbd
barrier dual-primary 120

step "cut the replication link (eth0 down)"
must ip link set eth0 down
wait_drbd 90 0 cs=WFConnection ro=Primary/Unknown ds=UpToDate/DUnknown
barrier link-cut-seen 120

step "both primaries write different data while cut off from each other"
if [ "$NODE" = alpha ]; then
    write_pattern /dev/drbd0 survivor-alpha 4
else
    # bravo writes more than alpha: its extra blocks must be rolled back as well
    write_pattern /dev/drbd0 victim-bravo 8
fi
show_proc_drbd
barrier both-wrote 120

step "restore the link: DRBD reconnects and detects the split brain"
must ip link set eth0 up
wait_drbd 120 0 cs=StandAlone
sh_must 'dmesg | grep "Split-Brain detected"'
show_proc_drbd
barrier split-brain-seen 120

if [ "$NODE" = bravo ]; then
    step "bravo is the victim: secondary, then connect discarding its own data"
    must drbdadm secondary r0
    wait_drbd 30 0 ro=Secondary/Unknown
    must drbdadm -d -- --discard-my-data connect r0
    out_has "--discard-my-data"
    must drbdadm -- --discard-my-data connect r0
    wait_drbd 30 0 cs=WFConnection
    send victim-waiting
else
    recv victim-waiting 120
    step "alpha is the survivor: connect"
    must drbdadm connect r0
fi

step "resync from the survivor to the victim"
if [ "$NODE" = alpha ]; then
    wait_drbd 300 0 cs=Connected ro=Primary/Secondary ds=UpToDate/UpToDate
else
    wait_drbd 300 0 cs=Connected ro=Secondary/Primary ds=UpToDate/UpToDate
fi
expect_drbd 0 oos=0
show_proc_drbd
must drbdadm cstate r0
out_is Connected

step "the survivor's data won on both nodes"
if [ "$NODE" = alpha ]; then
    sh_must 'dmesg | grep "Split-Brain detected, 1 primaries"'
    out_has "Sync from this node"
    check_data /dev/drbd0 survivor-alpha 4
    SIZE=$(blockdev --getsize64 /dev/drbd0)
    SUM=$(sum_bytes /dev/drbd0 "$SIZE")
    say "  [alpha] /dev/drbd0: $SIZE bytes, md5 $SUM"
    send alpha-sum "$SIZE $SUM"
    recv bravo-checked 120
else
    # bravo is Secondary now, so the how-to's after-sb-1pri policy (discard-secondary)
    # already settles it in bravo's disfavour
    sh_must 'dmesg | grep "Split-Brain detected, 1 primaries"'
    out_has "Sync from peer node"
    recv alpha-sum 120
    SIZE=${MSG_VALUE% *}
    WANT=${MSG_VALUE#* }
    check_data /dev/loop0 survivor-alpha 4
    # MiB 4..7 held bravo's data: after the resync they must hold alpha's again (zeros)
    SEEN=$(sum_bytes /dev/loop0 "$SIZE")
    say "  [bravo] first $SIZE bytes of /dev/loop0 (bravo's data area): md5 $SEEN"
    expect_eq "md5 of bravo's data area vs alpha's /dev/drbd0" "$WANT" "$SEEN"
    send bravo-checked
fi
