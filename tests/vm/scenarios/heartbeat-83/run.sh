# shellcheck shell=sh
# drbdvm: nodes=2 timeout=480 order=60
# description: the Heartbeat how-to's 8.3-era drbd.conf (syncer sections, two resources): up all, primary --force all, both sync
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh).

step "two 32 MiB backing devices (the how-to's /dev/sda5 and /dev/sda6)"
mkloop 0 32
mkloop 1 32

step "the 8.3 'syncer' options become 8.4 disk options (dry run)"
must drbdadm -d up all
for opt in "--al-extents=257" "--resync-rate=10M" "--on-io-error=detach" "--max-buffers=2048" \
    "--ko-count=4" "--protocol=C"; do
    out_has "$opt"
done
[ "$(grep -c -- '--resync-rate=10M' "$RUN_OUT")" -eq 2 ] || fail "expected the resync rate for both resources"
ok "both resources get the syncer settings"

step "create metadata (the how-to's commands)"
must drbdadm create-md www
must drbdadm create-md mysql
barrier md-created 120

step "bring up all resources"
must drbdadm up all
wait_drbd 90 0 cs=Connected ro=Secondary/Secondary ds=Inconsistent/Inconsistent
wait_drbd 30 1 cs=Connected ro=Secondary/Secondary ds=Inconsistent/Inconsistent
show_proc_drbd
barrier connected 120

if [ "$NODE" = alpha ]; then
    step "initial full sync of both resources from alpha (8.4 form of 'primary all --force')"
    must drbdadm primary --force all
    wait_drbd 30 0 ro=Primary/Secondary
    wait_drbd 30 1 ro=Primary/Secondary
    send alpha-primary
else
    recv alpha-primary 120
fi

step "wait for both resources to sync"
wait_drbd 300 0 cs=Connected ds=UpToDate/UpToDate
wait_drbd 300 1 cs=Connected ds=UpToDate/UpToDate
expect_drbd 0 oos=0
expect_drbd 1 oos=0
show_proc_drbd

step "the kernel runs with the converted settings"
must drbdsetup show www
out_has "al-extents"
sh_must "drbdsetup show www | grep -E 'al-extents[[:space:]]+257;'"
sh_must "drbdsetup show www | grep -E 'resync-rate[[:space:]]+10240k;'"
# (max-buffers 2048 is the 8.4 default, which "drbdsetup show" leaves out)
sh_must "drbdsetup show mysql | grep -E 'al-extents[[:space:]]+257;'"
sh_must "drbdsetup show mysql | grep -E 'ko-count[[:space:]]+4;'"
must drbdadm role all
if [ "$NODE" = alpha ]; then
    out_is "Primary/Secondary Primary/Secondary"
else
    out_is "Secondary/Primary Secondary/Primary"
fi
must drbdadm dstate all
out_is "UpToDate/UpToDate UpToDate/UpToDate"

step "the two resources are independent: different data on each"
if [ "$NODE" = alpha ]; then
    write_pattern /dev/drbd0 www-data 4
    write_pattern /dev/drbd1 mysql-data 4
    send alpha-wrote
    recv bravo-checked 120
else
    recv alpha-wrote 120
    check_data /dev/loop0 www-data 4
    check_data /dev/loop1 mysql-data 4
    send bravo-checked
fi
