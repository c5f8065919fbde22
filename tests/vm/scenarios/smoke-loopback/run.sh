# shellcheck shell=sh
# drbdvm: nodes=1 timeout=240 order=10
# description: one guest, r0 and r1 replicate to each other over 127.0.0.1; up, primary --force, full sync
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh).

step "backing devices: two 32 MiB loop devices"
mkloop 0 32
mkloop 1 32

step "create metadata for both resources"
must drbdadm create-md --force r0
must drbdadm create-md --force r1

step "bring both resources up; they connect to each other over 127.0.0.1"
must drbdadm up r0
must drbdadm up r1
wait_drbd 60 0 cs=Connected ds=Inconsistent/Inconsistent ro=Secondary/Secondary
wait_drbd 60 1 cs=Connected ds=Inconsistent/Inconsistent ro=Secondary/Secondary
show_proc_drbd

step "make r0 primary with --force: minor 0 becomes SyncSource, minor 1 SyncTarget"
must drbdadm primary --force r0
wait_drbd 30 0 ro=Primary/Secondary
wait_drbd 120 0 cs=Connected ds=UpToDate/UpToDate
wait_drbd 30 1 cs=Connected ro=Secondary/Primary ds=UpToDate/UpToDate
show_proc_drbd

step "data written to drbd0 arrives on drbd1's backing device"
write_pattern /dev/drbd0 smoke 4
# internal metadata sits at the end of the device, the data area starts at offset 0
check_data /dev/loop1 smoke 4

step "roles as drbdadm reports them"
must drbdadm role r0
out_is "Primary/Secondary"
must drbdadm role r1
out_is "Secondary/Primary"
must drbdadm dstate r1
out_is "UpToDate/UpToDate"

step "take both down"
must drbdadm down r0
must drbdadm down r1
wait_gone 10 0
wait_gone 10 1
