#!/usr/bin/env bash
# Benchmark (not a test): parse and validate a generated config of N two-node resources
# (default 50,000) with our drbdadm and with drbd-utils' drbdadm (`sh-nop`), and print
# wall time and peak memory side by side. Usage: tests/bench/parse.sh [N]
set -euo pipefail
n=${1:-50000}
ours=${DRBD_BIN_DIR:-$(dirname "$0")/../../target/release}/drbdadm
ref=/usr/sbin/drbdadm
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
conf=$dir/big.conf
{
    echo "global { usage-count no; }"
    echo "common { net { protocol C; } disk { resync-rate 40M; } }"
    for ((i = 0; i < n; i++)); do
        a=$((i / 250 + 1)); b=$((i % 250 + 1)); port=$((7000 + i % 50000))
        printf 'resource r%d {\n  device /dev/drbd%d;\n  disk /dev/vg/r%d;\n  meta-disk internal;\n  on alpha { address 10.%d.%d.1:%d; }\n  on bravo { address 10.%d.%d.2:%d; }\n}\n' \
            "$i" "$i" "$i" "$a" "$b" "$port" "$a" "$b" "$port"
    done
} > "$conf"
measure() {
    /usr/bin/time -o "$dir/t" -f '%e %M' env __DRBD_NODE__=alpha DRBD_DRIVER_VERSION_OVERRIDE=9.0.0 \
        "$1" -c "$conf" sh-nop >/dev/null 2>"$dir/err" || { echo "$1 failed:" >&2; head -5 "$dir/err" >&2; }
    cat "$dir/t"
}
printf '%-28s %10s %12s\n' "tool ($n resources)" "seconds" "peak MiB"
read -r t1 m1 < <(measure "$ours")
printf '%-28s %10s %12.1f\n' "ours" "$t1" "$(echo "$m1/1024" | bc -l)"
if [ -x "$ref" ]; then
    read -r t2 m2 < <(measure "$ref")
    printf '%-28s %10s %12.1f\n' "drbd-utils" "$t2" "$(echo "$m2/1024" | bc -l)"
    printf 'speed-up: %.1fx   memory: %.0f%% of drbd-utils\n' "$(echo "$t2/$t1" | bc -l)" "$(echo "100*$m1/$m2" | bc -l)"
fi
