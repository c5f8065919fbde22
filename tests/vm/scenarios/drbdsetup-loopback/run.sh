# shellcheck shell=sh
# drbdvm: nodes=1 timeout=300 order=15
# description: drbdsetup alone (genl API 1): r0 and r1 replicate to each other over 127.0.0.1; new-resource ... down, events2, status, show
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh). Only drbdmeta
# (create-md) and drbdsetup talk to DRBD here; /proc/drbd is the independent witness.

T=$(printf '\t')

# wait_file TIMEOUT FILE ERE : wait until a line of FILE matches ERE
wait_file() {
    say "  .. [$NODE] waiting up to $1 s for /$3/ in $2"
    _w0=$(now_cs)
    _end=$((_w0 + $1 * 100))
    while ! grep -qE -- "$3" "$2" 2>/dev/null; do
        if [ "$(now_cs)" -ge "$_end" ]; then
            sed 's/^/  | /' "$2"
            fail "timed out after $1 s waiting for /$3/ in $2"
        fi
        sleep 0.2
    done
    WAITED=$(cs_diff "$_w0" "$(now_cs)")
    ok "$2 has /$3/ after ${WAITED} s"
}

# file_has FILE ERE : a line of FILE matches ERE now
file_has() {
    grep -qE -- "$2" "$1" || fail "expected a line matching /$2/ in $1 (shown above)"
    ok "$1 has /$2/"
}

step "backing devices and meta data (drbdmeta)"
mkloop 0 32
mkloop 1 32
must drbdmeta --force 0 v08 /dev/loop0 internal create-md
must drbdmeta --force 1 v08 /dev/loop1 internal create-md

step "kernel helpers: route them through a shim that records what the toolset's drbdadm answers"
printf %s /scenario/helper-shim.sh >/sys/module/drbd/parameters/usermode_helper
must cat /sys/module/drbd/parameters/usermode_helper
out_is "/scenario/helper-shim.sh"

step "nothing configured yet"
must drbdsetup status
out_is ""
run drbdsetup role 0
[ "$RC" -eq 10 ] || fail "role of an unknown minor: expected exit 10, got $RC"
out_has "0: Failure: (127) Device minor not allocated"

step "follow the notifications from now on (events2 in the background)"
drbdsetup events2 all >/tmp/events2.txt 2>&1 &
EV_PID=$!
wait_file 10 /tmp/events2.txt '^exists -$'

step "resources, minors, disks"
must drbdsetup new-resource r0
must drbdsetup new-resource r1
must drbdsetup new-minor r0 0 0
must drbdsetup new-minor r1 1 0
# without NLM_F_EXCL (drbdsetup never sets it) the 8.4 module accepts an existing minor
must drbdsetup new-minor r1 1 0
run drbdsetup new-minor r0 1 0
[ "$RC" -eq 10 ] || fail "minor 1 in another resource: expected exit 10, got $RC"
out_has "??: Failure: (162) Invalid configuration request"
must drbdsetup attach 0 /dev/loop0 /dev/loop0 internal
must drbdsetup attach 1 /dev/loop1 /dev/loop1 internal --al-extents=257
expect_drbd 0 cs=StandAlone ro=Secondary/Unknown ds=Inconsistent/DUnknown
must drbdsetup dstate 0
out_is "Inconsistent/DUnknown"
must drbdsetup cstate 1
out_is "StandAlone"

step "connect r0 and r1 to each other"
must drbdsetup connect r0 ipv4:127.0.0.1:7788 ipv4:127.0.0.1:7789 --protocol=C
must drbdsetup connect r1 ipv4:127.0.0.1:7789 ipv4:127.0.0.1:7788 --protocol=C
must drbdsetup wait-connect 0 --wfc-timeout=60
must drbdsetup wait-connect 1 --wfc-timeout=60
expect_drbd 0 cs=Connected ro=Secondary/Secondary ds=Inconsistent/Inconsistent
must drbdsetup cstate 0
out_is "Connected"
must drbdsetup role 1
out_is "Secondary/Secondary"
must drbdsetup status r0
out_is "r0 role:Secondary disk:Inconsistent peer role:Secondary replication:Established peer-disk:Inconsistent"

step "primary --force on r0: full sync r0 -> r1, watched through events2"
SYNC_T0=$(now_cs)
must drbdsetup primary 0 --force
wait_file 20 /tmp/events2.txt '^change peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 replication:SyncSource'
wait_file 20 /tmp/events2.txt '^change peer-device name:r1 peer-node-id:0 conn-name:peer volume:0 replication:SyncTarget$'
must drbdsetup status r1
out_has "replication:SyncTarget"
wait_file 180 /tmp/events2.txt '^change peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 replication:Established peer-disk:UpToDate'
timing sync_seconds "$(cs_diff "$SYNC_T0" "$(now_cs)")"
must drbdsetup wait-sync 1 --wfc-timeout=60
wait_drbd 30 1 cs=Connected ro=Secondary/Primary ds=UpToDate/UpToDate
show_proc_drbd

step "status, show and the generation identifiers"
must drbdsetup status
out_is "r0 role:Primary disk:UpToDate peer role:Secondary replication:Established peer-disk:UpToDate r1 role:Secondary disk:UpToDate peer role:Primary replication:Established peer-disk:UpToDate"
must drbdsetup status r1 --verbose --statistics
out_has "r1 role:Secondary suspended:no"
out_has "volume:0 minor:1 disk:UpToDate"
out_has "peer connection:Connected role:Primary congested:no"
out_has "replication:Established peer-disk:UpToDate resync-suspended:no"
out_has "out-of-sync:0 pending:0 unacked:0"
if [ "$TOOLS" = ours ]; then
    # --json of `status` is an extension of ours for 8.4 (upstream has it for DRBD 9 only)
    must drbdsetup status --json
    out_has '"name": "r0",'
    out_has '"disk-state": "UpToDate",'
    out_has '"connection-state": "Connected", '
    out_has '"percent-in-sync": 100.00'
fi
must drbdsetup events2 r0 --now
out_has "exists resource name:r0 role:Primary suspended:no"
out_has "exists peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 replication:Established peer-disk:UpToDate resync-suspended:no"
out_has "exists -"
out_lacks "name:r1"
must drbdsetup show r1
out_has "resource r1 {"
out_has "address${T}${T}${T}ipv4 127.0.0.1:7788;"
out_has "address${T}${T}${T}ipv4 127.0.0.1:7789;"
out_has "device${T}${T}${T}minor 1;"
out_has "disk${T}${T}${T}\"/dev/loop1\";"
out_has "meta-disk${T}${T}${T}internal;"
out_has "al-extents      ${T}257;"
out_lacks "protocol"
must drbdsetup show 0 --show-defaults
out_has "protocol        ${T}C; # default"
must drbdsetup get-gi 1
out_matches '^[0-9A-F]{16}:0000000000000000:[0-9A-F]{16}:[0-9A-F]{16}:1:1:0:1:0:0:0$'
must drbdsetup show-gi 0
out_has "flags: Primary, Connected, UpToDate"

step "data written to drbd0 arrives on drbd1's backing device"
write_pattern /dev/drbd0 drbdsetup 4
check_data /dev/loop1 drbdsetup 4

step "disconnect, detach, down"
must drbdsetup disconnect ipv4:127.0.0.1:7788 ipv4:127.0.0.1:7789
must drbdsetup cstate 0
out_is "StandAlone"
# StandAlone ends wait-connect at once, unless --wait-after-sb: then the time runs out
must drbdsetup wait-connect 0 --wfc-timeout=2
run drbdsetup wait-connect 0 --wfc-timeout=2 --wait-after-sb
[ "$RC" -eq 5 ] || fail "wait-connect --wait-after-sb on a StandAlone minor: expected exit 5, got $RC"
out_has "drbd0 (r0[0]) is StandAlone, but I'm configured to wait anways (--wait-after-sb)"
must drbdsetup secondary 0
must drbdsetup detach 0
expect_drbd 0 cs=Unconfigured
# StandAlone and Diskless is what the 8.4 tool calls unconfigured
must drbdsetup dstate 0
out_is "Unconfigured"
must drbdsetup dstate 1
out_is "UpToDate/DUnknown"
must drbdsetup down r0
must drbdsetup down r1
wait_gone 10 0
wait_gone 10 1
must drbdsetup status
out_is ""
must drbdsetup down r0
out_is ""
wait_file 10 /tmp/events2.txt '^destroy resource name:r1$'

step "the events2 transcript"
kill "$EV_PID" 2>/dev/null
wait "$EV_PID" 2>/dev/null
sed 's/^/  /' /tmp/events2.txt
file_has /tmp/events2.txt '^create resource name:r0 role:Secondary suspended:no$'
file_has /tmp/events2.txt '^create device name:r1 volume:0 minor:1 disk:Diskless$'
file_has /tmp/events2.txt '^change device name:r0 volume:0 minor:0 disk:UpToDate$'
file_has /tmp/events2.txt '^change connection name:r1 peer-node-id:0 conn-name:peer connection:Connected$'
file_has /tmp/events2.txt '^change connection name:r1 peer-node-id:0 conn-name:peer role:Primary$'
file_has /tmp/events2.txt '^change peer-device name:r1 peer-node-id:0 conn-name:peer volume:0 replication:SyncTarget$'
file_has /tmp/events2.txt '^change resource name:r0 role:Primary$'
file_has /tmp/events2.txt '^call helper name:r1 peer-node-id:0 conn-name:peer volume:0 minor:1 helper:before-resync-target$'
file_has /tmp/events2.txt '^response helper name:r1 peer-node-id:0 conn-name:peer volume:0 minor:1 helper:after-resync-target status:0$'
file_has /tmp/events2.txt '^destroy device name:r0 volume:0 minor:0$'

step "kernel helpers called during the run (through the shim)"
if [ -s /tmp/helpers.log ]; then
    sed 's/^/  /' /tmp/helpers.log
else
    say "  (none)"
fi
