# shellcheck shell=sh
# drbdvm: nodes=2 timeout=480 order=70
# description: adjust applies only a changed net option and resync rate (-d shown); verify finds a corrupted block; down unconfigures
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh).

mkloop 0 32
initial_sync r0 0

step "running configuration before the change"
sh_must "drbdsetup show r0 | grep -E 'max-buffers|resync-rate|verify-alg'"
out_has "4000"
out_has "10240k"
must drbdadm -d adjust r0
out_is ""

# DRBD 8.4 sends its resync settings to a connected peer, which applies them too. So the
# nodes adjust one after the other: alpha first; then bravo, whose resync rate alpha
# has already pushed, finds only the net option left to change.
if [ "$NODE" = alpha ]; then
    step "change the configuration: max-buffers 4000 -> 8000, resync-rate 10M -> 40M"
    sh_must "diff /etc/drbd.conf $SCEN_DIR/drbd.conf.changed; cp $SCEN_DIR/drbd.conf.changed /etc/drbd.conf"
    must drbdadm -d adjust r0
    out_has "net-options"
    out_has "--max-buffers=8000"
    out_has "disk-options"
    out_has "--resync-rate=40M"
    if grep -vE -- '(net|disk)-options ' "$RUN_OUT"; then
        fail "adjust must only change the options, but would also run the commands above"
    fi
    [ "$(wc -l <"$RUN_OUT")" -eq 2 ] || fail "expected exactly 2 commands from 'drbdadm -d adjust r0', saw $(wc -l <"$RUN_OUT")"
    ok "the dry run changes just the net and the disk options"

    step "apply it"
    must drbdadm adjust r0
    send alpha-adjusted
else
    recv alpha-adjusted 120
    step "alpha's new resync rate reached bravo's kernel through the connection"
    T0=$(now_cs)
    until drbdsetup show r0 | grep -qE 'resync-rate[[:space:]]+40960k;'; do
        [ $(($(now_cs) - T0)) -lt 3000 ] || fail "bravo's resync-rate did not become 40960k within 30 s"
        sleep 0.2
    done
    sh_must "drbdsetup show r0 | grep -E 'max-buffers|resync-rate'"
    out_has "4000"
    out_has "40960k"

    step "change the configuration the same way: only the net option is left to adjust"
    sh_must "cp $SCEN_DIR/drbd.conf.changed /etc/drbd.conf"
    must drbdadm -d adjust r0
    out_has "net-options"
    out_has "--max-buffers=8000"
    out_lacks "disk-options"
    [ "$(wc -l <"$RUN_OUT")" -eq 1 ] || fail "expected exactly 1 command from 'drbdadm -d adjust r0', saw $(wc -l <"$RUN_OUT")"
    ok "the dry run changes just the net options"
    step "apply it"
    must drbdadm adjust r0
fi
barrier both-adjusted 120
step "both run the new settings; nothing is left to adjust"
expect_drbd 0 cs=Connected ds=UpToDate/UpToDate
sh_must "drbdsetup show r0 | grep -E 'max-buffers|resync-rate'"
sh_must "drbdsetup show r0 | grep -E 'max-buffers[[:space:]]+8000;'"
sh_must "drbdsetup show r0 | grep -E 'resync-rate[[:space:]]+40960k;'"
must drbdadm -d adjust r0
out_is ""
barrier adjusted 120

step "online verify"
if [ "$NODE" = bravo ]; then
    # corrupt one 4 KiB block of bravo's replica behind DRBD's back
    sh_must "yes corrupted | head -c 4096 | dd of=/dev/loop0 bs=4096 seek=256 oflag=direct"
    send corrupted
    recv verified 200
else
    recv corrupted 120
    must drbdadm verify r0
    sh_run "grep -A3 -E '^ *0:' /proc/drbd"
    T0=$(now_cs)
    while ! dmesg | grep -q "Online verify done"; do
        [ $(($(now_cs) - T0)) -lt 18000 ] || fail "no 'Online verify done' in dmesg after 180 s; $(drbd_line 0)"
        sleep 0.5
    done
    sh_must 'dmesg | grep -E "Online verify|Out of sync"'
    out_has "Online verify found 1 4k block out of sync"
    wait_drbd 30 0 cs=Connected oos=4
    show_proc_drbd

    step "resync the block verify found: disconnect and connect"
    must drbdadm disconnect r0
    wait_drbd 30 0 cs=StandAlone
    must drbdadm connect r0
    wait_drbd 120 0 cs=Connected ds=UpToDate/UpToDate oos=0
    send verified
fi
barrier resynced 120
if [ "$NODE" = bravo ]; then
    wait_drbd 60 0 cs=Connected ds=UpToDate/UpToDate oos=0
    # alpha's data there is all zeros
    SEEN=$(dd if=/dev/loop0 bs=4096 skip=256 count=1 iflag=direct 2>/dev/null | tr -d '\0' | wc -c)
    expect_eq "non-zero bytes in bravo's repaired block" 0 "$SEEN"
fi

step "take r0 down"
must drbdadm down r0
wait_gone 30 0
must_fail drbdadm cstate r0
out_has "Device minor not allocated"
