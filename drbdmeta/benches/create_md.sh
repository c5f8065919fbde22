#!/bin/sh
# Times `create-md` of our drbdmeta against the reference drbdmeta
# (drbd-utils) on sparse image files: 1 TiB and 16 TiB (minus 4 KiB, the
# largest file ext4 allows), 1 and 7 peers, internal meta data.
# Usage: benches/create_md.sh [OUR_DRBDMETA] [REFERENCE_DRBDMETA]
# Build ours first: cargo build --release -p drbdmeta
set -eu
ours=${1:-${CARGO_TARGET_DIR:-target}/release/drbdmeta}
ref=${2:-/usr/sbin/drbdmeta}
[ -x "$ours" ] || { echo "build ours first: cargo build --release -p drbdmeta" >&2; exit 1; }
[ -x "$ref" ] || { echo "reference $ref missing: apt-get install drbd-utils" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/vl"

now() { date +%s.%N; }
timeit() { # file size cmd...
    f=$1; s=$2; shift 2
    rm -f "$f"; truncate -s "$s" "$f"; sync
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    echo "$t1 - $t0" | bc -l
}

printf '%-10s %-6s %12s %12s\n' size peers ours_s reference_s
for size in 1T 17592186040320; do
    for peers in 1 7; do
        a=$(timeit "$dir/a.img" $size "$ours" --force --var-lib-drbd "$dir/vl" - v09 "$dir/a.img" internal create-md $peers)
        b=$(timeit "$dir/b.img" $size "$ref" --force - v09 "$dir/b.img" internal create-md $peers)
        label=$size; [ "$size" = 17592186040320 ] && label=16T-4k
        printf '%-10s %-6s %12.3f %12.3f\n' "$label" "$peers" "$a" "$b"
        rm -f "$dir/a.img" "$dir/b.img"
    done
done
