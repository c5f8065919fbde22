# shellcheck shell=sh
# drbdvm: nodes=1 timeout=600 order=80
# description: 50 small resources without a peer; times "drbdadm up all" (and "down all")
# Sourced by the guest's /init after lib.sh (see tests/vm/guest/lib.sh).
N=50

step "write a configuration with $N resources (peer bravo is absent: they stay WFConnection)"
{
    echo "global { usage-count no; }"
    echo "common { net { protocol C; } }"
    i=0
    while [ $i -lt $N ]; do
        cat <<RES
resource r$i {
    device /dev/drbd$i;
    disk /dev/loop$i;
    meta-disk internal;
    on alpha { address 127.0.0.1:$((7800 + i)); }
    on bravo { address 10.99.0.2:$((7800 + i)); }
}
RES
        i=$((i + 1))
    done
} >/etc/drbd.conf
sh_must 'head -n 9 /etc/drbd.conf; echo ...; grep -c "^resource" /etc/drbd.conf'
out_has "$N"

step "$N backing devices (4 MiB sparse each) and their metadata"
i=0
while [ $i -lt $N ]; do
    mkloop $i 4 >/dev/null
    i=$((i + 1))
done
say "  [$NODE] /dev/loop0 .. /dev/loop$((N - 1)) attached"
# shellcheck disable=SC2034 # read by run() in lib.sh
RUN_TIMEOUT=300
must_brief drbdadm create-md all
out_has "New drbd meta data block successfully created."
[ "$(grep -c 'New drbd meta data block successfully created.' "$RUN_OUT")" -eq $N ] ||
    fail "expected $N 'successfully created' lines from create-md all"
ok "metadata created for all $N resources"

step "time 'drbdadm up all'"
must drbdadm up all
timing up_${N}_resources_seconds "$RUN_SECONDS"
i=0
while [ $i -lt $N ]; do
    drbd_matches $i ro=Secondary/Unknown ds=Inconsistent/DUnknown ||
        fail "minor $i: expected ro=Secondary/Unknown ds=Inconsistent/DUnknown, seen: $(drbd_line $i)"
    case $(drbd_field $i cs) in
    StandAlone | WFConnection | Unconnected) ;;
    *) fail "minor $i: expected cs StandAlone/WFConnection, seen: $(drbd_line $i)" ;;
    esac
    i=$((i + 1))
done
ok "all $N minors configured: Secondary, Inconsistent, not connected"
sh_run 'grep -c "cs:" /proc/drbd'
out_is "$N"
sh_run 'head -n 6 /proc/drbd; echo ...; tail -n 2 /proc/drbd'

step "time 'drbdadm down all'"
must drbdadm down all
timing down_${N}_resources_seconds "$RUN_SECONDS"
i=0
while [ $i -lt $N ]; do
    [ -z "$(drbd_line $i)" ] || fail "minor $i still configured after down all: $(drbd_line $i)"
    i=$((i + 1))
done
ok "no minor left configured"
