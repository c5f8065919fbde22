# shellcheck shell=sh
# drbdvm: nodes=2 timeout=420 order=30
# description: write on alpha, secondary there, primary on bravo, same bytes read back; then the way back
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh).
# The manual failover of the how-tos: data written on the primary, "drbdadm secondary"
# there, "drbdadm primary" on the other node, data checked there.

mkloop 0 32
initial_sync r0 0

if [ "$NODE" = alpha ]; then
    step "alpha writes 8 MiB of known data to /dev/drbd0"
    write_pattern /dev/drbd0 failover-alpha 8
    check_data /dev/drbd0 failover-alpha 8
    send alpha-wrote
    recv bravo-refused 120

    step "switch alpha to secondary"
    must drbdadm secondary r0
    wait_drbd 30 0 ro=Secondary/Secondary
    send alpha-secondary

    recv bravo-primary 120
    step "alpha is secondary now: its own promotion is refused while bravo is primary"
    wait_drbd 30 0 ro=Secondary/Primary cs=Connected ds=UpToDate/UpToDate
    must_fail drbdadm primary r0
    out_has "Multiple primaries not allowed by config"
    expect_drbd 0 ro=Secondary/Primary

    recv bravo-wrote 120
    step "bravo's new data reached alpha's disk"
    check_data /dev/loop0 failover-bravo 4
    # the part bravo did not overwrite is still alpha's
    SEEN=$(dd if=/dev/loop0 bs=1M skip=4 count=4 iflag=direct 2>/dev/null | md5sum | cut -d' ' -f1)
    WANT=$(pattern failover-alpha 8 | dd bs=1M skip=4 count=4 iflag=fullblock 2>/dev/null | md5sum | cut -d' ' -f1)
    expect_eq "md5 of MiB 4..7 of alpha's /dev/loop0 (alpha's data)" "$WANT" "$SEEN"
    send alpha-checked
else
    recv alpha-wrote 120
    step "bravo cannot become primary while alpha is (single-primary resource)"
    must_fail drbdadm primary r0
    out_has "Multiple primaries not allowed by config"
    expect_drbd 0 ro=Secondary/Primary
    send bravo-refused

    recv alpha-secondary 120
    step "switch bravo to primary (no --force: its data is UpToDate)"
    wait_drbd 30 0 ro=Secondary/Secondary
    must drbdadm primary r0
    wait_drbd 30 0 ro=Primary/Secondary cs=Connected ds=UpToDate/UpToDate
    must drbdadm role r0
    out_is Primary/Secondary
    send bravo-primary

    step "read alpha's data back on bravo"
    check_data /dev/drbd0 failover-alpha 8

    step "bravo writes 4 MiB of its own over the start of the device"
    write_pattern /dev/drbd0 failover-bravo 4
    send bravo-wrote
    recv alpha-checked 120
    show_proc_drbd
fi
