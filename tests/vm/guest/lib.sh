# shellcheck shell=sh
# Helpers for scenario scripts, sourced by /init inside a harness guest (busybox sh).
#
# Everything printed here goes to the serial console and forms the transcript the
# harness shows (prefixed with the node name on the host side).
#
# Variables set by /init before the scenario runs:
#   NODE        this node's name (alpha / bravo), also the hostname
#   PEER        the other node's name ("" on one-node scenarios)
#   MY_IP       this node's address on the replication link (eth0)
#   PEER_IP     the peer's address on the replication link
#   PEER_CTL    the peer's address on the control link (eth1; harness messages only)
#   TOOLS       "reference" or "ours"
#   SCEN_DIR    directory holding the scenario's files (/scenario)

MSG_PORT=7700
MSG_FILE=/tmp/drbdvm-msgs
RUN_OUT=/tmp/drbdvm-run.out
RUN_TIMEOUT=${RUN_TIMEOUT:-60}
STEP_NO=0

say() { printf '%s\n' "$*"; }

# Monotonic time in centiseconds since boot.
now_cs() {
    read -r _up _ </proc/uptime
    echo "${_up%.*}${_up#*.}"
}

# Seconds between two centisecond stamps, printed as N.NN
cs_diff() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 100 }'; }

step() {
    STEP_NO=$((STEP_NO + 1))
    say ""
    say "---- [$NODE] step $STEP_NO: $*"
}

# Dump what a human needs to see when something went wrong.
dump_state() {
    say "---- [$NODE] state dump"
    say "$NODE# cat /proc/drbd"
    sed 's/^/  /' /proc/drbd 2>/dev/null
    say "$NODE# dmesg | grep -i drbd | tail -n 25"
    dmesg | grep -i drbd | grep -v 'ommand line' | tail -n 25 | sed 's/^/  /'
}

# fail MESSAGE: the scenario failed. Prints the reason and the DRBD state, then ends
# the scenario (it runs in a subshell of /init, which prints the result marker).
fail() {
    say "CHECK FAILED [$NODE]: $*"
    dump_state
    exit 1
}

ok() { say "CHECK ok [$NODE]: $*"; }

# run CMD ARGS... : run a command with a time limit, print it, its output and its exit
# code. Sets RC and leaves the combined output in $RUN_OUT. Never fails by itself.
run() { _run_shown "$*" "$@"; }

# _run_shown "SHOWN COMMAND LINE" CMD ARGS...
_run_shown() {
    say "$NODE# $1"
    shift
    _t0=$(now_cs)
    timeout "$RUN_TIMEOUT" "$@" >"$RUN_OUT" 2>&1 </dev/null
    RC=$?
    _t1=$(now_cs)
    sed 's/^/  /' "$RUN_OUT"
    RUN_SECONDS=$(cs_diff "$_t0" "$_t1")
    if [ "$RC" -eq 143 ] || [ "$RC" -eq 137 ]; then
        say "  => exit $RC (killed after the ${RUN_TIMEOUT} s limit)"
    else
        say "  => exit $RC (${RUN_SECONDS} s)"
    fi
    return 0
}

# must CMD ARGS... : run, and fail the scenario unless it exits 0.
must() {
    run "$@"
    [ "$RC" -eq 0 ] || fail "expected exit 0 from '$*', got $RC"
}

# must_brief CMD ARGS... : like must, but shows only the last 4 lines of the output
# (for commands that print the same lines for many resources)
must_brief() {
    say "$NODE# $*"
    _t0=$(now_cs)
    timeout "$RUN_TIMEOUT" "$@" >"$RUN_OUT" 2>&1 </dev/null
    RC=$?
    RUN_SECONDS=$(cs_diff "$_t0" "$(now_cs)")
    say "  ($(wc -l <"$RUN_OUT") lines of output, the last 4:)"
    tail -n 4 "$RUN_OUT" | sed 's/^/  /'
    say "  => exit $RC (${RUN_SECONDS} s)"
    [ "$RC" -eq 0 ] || fail "expected exit 0 from '$*', got $RC"
}

# must_fail CMD ARGS... : run, and fail the scenario if it exits 0.
must_fail() {
    run "$@"
    [ "$RC" -ne 0 ] || fail "expected '$*' to fail, it exited 0"
    ok "'$*' failed as expected (exit $RC)"
}

# sh_run 'shell command line' : run a pipeline through sh -c (shown as written).
sh_run() { _run_shown "$1" sh -c "$1"; }
sh_must() {
    sh_run "$1"
    [ "$RC" -eq 0 ] || fail "expected exit 0 from '$1', got $RC"
}

# out_has TEXT : the last command's output contains TEXT (fixed string).
out_has() {
    grep -qF -- "$1" "$RUN_OUT" || fail "expected the output of the last command to contain '$1'"
    ok "output contains '$1'"
}

# out_matches ERE : the last command's output matches the extended regex (any case)
out_matches() {
    grep -qiE -- "$1" "$RUN_OUT" || fail "expected the output of the last command to match /$1/"
    ok "output matches /$1/"
}

# out_lacks TEXT : the last command's output does not contain TEXT.
out_lacks() {
    if grep -qF -- "$1" "$RUN_OUT"; then
        fail "expected the output of the last command NOT to contain '$1'"
    fi
    ok "output does not contain '$1'"
}

# out_is TEXT : the last command's output, stripped of surrounding blank space, is TEXT.
out_is() {
    _seen=$(tr -s ' \t\n' '   ' <"$RUN_OUT" | sed 's/^ *//; s/ *$//')
    [ "$_seen" = "$1" ] || fail "expected output '$1', seen '$_seen'"
    ok "output is '$1'"
}

# expect_eq WHAT EXPECTED SEEN
expect_eq() {
    [ "$2" = "$3" ] || fail "$1: expected '$2', seen '$3'"
    ok "$1 = '$3'"
}

# ---- /proc/drbd ----------------------------------------------------------------

# drbd_line MINOR : the status line of a minor in /proc/drbd ("" when absent)
drbd_line() { grep -E "^ *$1: " /proc/drbd 2>/dev/null | head -n1; }

# drbd_field MINOR FIELD : e.g. drbd_field 0 cs -> Connected, drbd_field 0 oos -> 0
# (looks at the minor's status line and the counter lines under it; "" when absent)
drbd_field() {
    awk -v m="$1:" -v f="$2:" '
        $1 ~ /^[0-9]+:$/ { cur = $1 }
        cur == m {
            for (i = 1; i <= NF; i++) if (index($i, f) == 1) { print substr($i, length(f) + 1); exit }
        }' /proc/drbd 2>/dev/null
}

# drbd_matches MINOR k=v... : true when every field has its value
drbd_matches() {
    _m=$1
    shift
    for _kv in "$@"; do
        [ "$(drbd_field "$_m" "${_kv%%=*}")" = "${_kv#*=}" ] || return 1
    done
    return 0
}

# expect_drbd MINOR k=v... : assert the current state (no waiting)
expect_drbd() {
    _m=$1
    shift
    drbd_matches "$_m" "$@" || fail "/proc/drbd minor $_m: expected $*, seen: $(drbd_line "$_m")"
    ok "/proc/drbd minor $_m: $*"
}

# wait_drbd TIMEOUT MINOR k=v... : poll /proc/drbd until the minor shows every value.
# Sets WAITED (seconds, N.NN). Prints progress every 10 s; fails on timeout.
wait_drbd() {
    _to=$1
    _m=$2
    shift 2
    say "  .. [$NODE] waiting up to ${_to} s for minor $_m: $*"
    _w0=$(now_cs)
    _next=$((_w0 + 1000))
    _end=$((_w0 + _to * 100))
    while :; do
        if drbd_matches "$_m" "$@"; then
            WAITED=$(cs_diff "$_w0" "$(now_cs)")
            ok "minor $_m reached $* after ${WAITED} s"
            return 0
        fi
        _n=$(now_cs)
        if [ "$_n" -ge "$_end" ]; then
            fail "timed out after ${_to} s waiting for minor $_m: $*; last seen: $(drbd_line "$_m")"
        fi
        if [ "$_n" -ge "$_next" ]; then
            say "  .. [$NODE] still waiting for minor $_m ($(cs_diff "$_w0" "$_n") s): $(drbd_line "$_m")"
            grep -A2 -E "^ *$_m: " /proc/drbd | grep -E "sync'ed|verified" | sed 's/^ */  .. /'
            _next=$((_n + 1000))
        fi
        sleep 0.2
    done
}

# wait_gone TIMEOUT MINOR : wait until the minor is no longer configured
# (absent from /proc/drbd, or cs:Unconfigured).
wait_gone() {
    say "  .. [$NODE] waiting up to $1 s for minor $2 to be unconfigured"
    _w0=$(now_cs)
    _end=$((_w0 + $1 * 100))
    while :; do
        _l=$(drbd_line "$2")
        if [ -z "$_l" ] || [ "$(drbd_field "$2" cs)" = Unconfigured ]; then
            ok "minor $2 is unconfigured (/proc/drbd: '${_l:-no line}')"
            return 0
        fi
        [ "$(now_cs)" -lt "$_end" ] || fail "minor $2 still configured after $1 s: $_l"
        sleep 0.2
    done
}

show_proc_drbd() {
    say "$NODE# cat /proc/drbd"
    sed 's/^/  /' /proc/drbd
}

# ---- backing devices -----------------------------------------------------------

# mkloop N SIZE_MB : sparse file on the guest tmpfs, attached as /dev/loopN
mkloop() {
    _f=/tmp/disks/loop$1.img
    mkdir -p /tmp/disks
    dd if=/dev/zero of="$_f" bs=1M count=0 seek="$2" 2>/dev/null || fail "cannot create $_f"
    losetup "/dev/loop$1" "$_f" || fail "losetup /dev/loop$1 $_f failed"
    say "  [$NODE] /dev/loop$1 = ${2} MiB sparse file $_f"
}

# ---- data ----------------------------------------------------------------------

# pattern NAME MB : write a deterministic, NAME-specific byte stream of MB MiB to stdout
# (every MiB is a different 64-byte line repeated, so misplaced blocks are detected too)
pattern() {
    _i=0
    while [ "$_i" -lt "$2" ]; do
        yes "$(printf '%-63s' "$1 MiB $_i of $2 drbdvm")" | head -c 1048576
        _i=$((_i + 1))
    done
}

# sum_of FILE_OR_DEV MB : md5 of the first MB MiB (O_DIRECT read, no page cache)
sum_of() {
    dd if="$1" bs=1M count="$2" iflag=direct 2>/dev/null | md5sum | cut -d' ' -f1
}

# sum_bytes FILE_OR_DEV BYTES : md5 of the first BYTES bytes (O_DIRECT read)
sum_bytes() {
    dd if="$1" bs=1M count="$2" iflag=direct,count_bytes 2>/dev/null | md5sum | cut -d' ' -f1
}

# write_pattern DEV NAME MB : write the pattern to DEV with O_DIRECT
write_pattern() {
    pattern "$2" "$3" >/tmp/pattern.bin
    _sum=$(md5sum /tmp/pattern.bin | cut -d' ' -f1)
    must dd if=/tmp/pattern.bin of="$1" bs=1M oflag=direct conv=fsync
    rm -f /tmp/pattern.bin
    say "  [$NODE] wrote pattern '$2' (${3} MiB, md5 $_sum) to $1"
}

# expected_sum NAME MB : the md5 the pattern NAME of MB MiB has
expected_sum() { pattern "$1" "$2" | md5sum | cut -d' ' -f1; }

# check_data DEV NAME MB : the first MB MiB of DEV hold pattern NAME
check_data() {
    _want=$(expected_sum "$2" "$3")
    _seen=$(sum_of "$1" "$3")
    say "  [$NODE] md5 of the first $3 MiB of $1: $_seen"
    [ "$_want" = "$_seen" ] || fail "data on $1: expected pattern '$2' (md5 $_want), seen md5 $_seen"
    ok "$1 holds pattern '$2' (md5 $_seen)"
}

# ---- coordination between the two guests (control link, eth1) ------------------

msg_listener_start() {
    : >"$MSG_FILE"
    nc -ll -p "$MSG_PORT" -e /drbdvm/msg-recv </dev/null >/dev/null 2>&1 &
}

# send TAG [VALUE...] : deliver a message to the peer (retries for up to 60 s)
send() {
    _tag=$1
    shift
    _end=$(($(now_cs) + 6000))
    while :; do
        if printf '%s %s\n' "$_tag" "$*" | nc -w 3 "$PEER_CTL" "$MSG_PORT" >/dev/null 2>&1; then
            say "  >> [$NODE] sent '$_tag${*:+ $*}' to $PEER"
            return 0
        fi
        [ "$(now_cs)" -lt "$_end" ] || fail "could not deliver message '$_tag' to $PEER ($PEER_CTL:$MSG_PORT) within 60 s"
        sleep 0.5
    done
}

# recv TAG TIMEOUT : wait for message TAG from the peer; its value lands in MSG_VALUE
recv() {
    say "  .. [$NODE] waiting up to $2 s for '$1' from $PEER"
    _w0=$(now_cs)
    _end=$((_w0 + $2 * 100))
    while :; do
        _l=$(grep -m1 -E "^$1( |\$)" "$MSG_FILE")
        if [ -n "$_l" ]; then
            MSG_VALUE=${_l#"$1"}
            MSG_VALUE=${MSG_VALUE# }
            say "  << [$NODE] got '$1${MSG_VALUE:+ $MSG_VALUE}' from $PEER after $(cs_diff "$_w0" "$(now_cs)") s"
            return 0
        fi
        [ "$(now_cs)" -lt "$_end" ] || fail "timed out after $2 s waiting for message '$1' from $PEER"
        sleep 0.2
    done
}

# barrier TAG TIMEOUT : both nodes reach TAG before either goes on
barrier() {
    send "$1"
    recv "$1" "$2"
}

# timing NAME SECONDS : a machine-readable timing line the harness collects
timing() { say "DRBDVM-TIMING $1=$2"; }

# ---- common sequences ----------------------------------------------------------

# initial_sync RES MINOR [PRIMARY_CMD...] : on both nodes create-md and up RES, wait
# until connected, make alpha primary (default: drbdadm primary --force RES, the 8.4
# form) and wait for the full sync to reach UpToDate/UpToDate on both.
initial_sync() {
    _res=$1
    _min=$2
    shift 2
    step "create metadata for $_res and bring it up (both nodes)"
    must drbdadm create-md "$_res"
    barrier "$_res-md-created" 120
    must drbdadm up "$_res"
    wait_drbd 90 "$_min" cs=Connected ro=Secondary/Secondary ds=Inconsistent/Inconsistent
    barrier "$_res-connected" 120
    if [ "$NODE" = alpha ]; then
        step "alpha becomes primary: initial full sync of $_res"
        if [ $# -gt 0 ]; then must "$@"; else must drbdadm primary --force "$_res"; fi
        wait_drbd 30 "$_min" ro=Primary/Secondary
        send "$_res-alpha-primary"
    else
        step "wait for alpha to become primary for $_res"
        recv "$_res-alpha-primary" 120
    fi
    wait_drbd 300 "$_min" cs=Connected ds=UpToDate/UpToDate
    expect_drbd "$_min" oos=0
    show_proc_drbd
    barrier "$_res-synced" 120
}
