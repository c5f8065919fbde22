#!/usr/bin/env bash
# Builds drbd-utils 9.34 (the reference version) from ../shared/drbd-utils for the
# differential tests, as ../shared/drbd-utils/README.md says: test equipment, never
# installed, never linked into ours. The tree lands in $DRBD_REFERENCE_DIR (default
# target/reference/drbd-utils-9.34.0); a finished build is reused (stamp file).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
tarball=$top/../shared/drbd-utils/drbd-utils-9.34.0-src.tar.gz
target=${CARGO_TARGET_DIR:-$top/target}
dest=${DRBD_REFERENCE_DIR:-$target/reference/drbd-utils-9.34.0}
if [[ -f $dest/.built && -x $dest/user/v9/drbdadm && -x $dest/user/v84/drbdadm-84 ]]; then
    exit 0
fi
if [[ ! -f $tarball ]]; then
    echo "reference: $tarball is missing; the differential tests need ../shared beside the project" >&2
    exit 1
fi
need=()
for p in autoconf automake flex gcc make libkeyutils-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
fi
parent=$(dirname "$dest")
rm -rf "$dest"
mkdir -p "$parent"
tmp=$(mktemp -d "$parent/.unpack.XXXXXX")
tar xzf "$tarball" -C "$tmp"
mv "$tmp/drbd-utils-9.34.0" "$dest"
rmdir "$tmp"
log=$parent/build.log
echo "reference: building drbd-utils 9.34 in $dest (log: $log)" >&2
(
    cd "$dest"
    ./autogen.sh
    ./configure --prefix=/usr --localstatedir=/var --sysconfdir=/etc --without-manual \
        --without-drbdmon --without-udev --without-bashcompletion --without-pacemaker \
        --without-rgmanager --without-heartbeat
    make -j"$(nproc)"
) >"$log" 2>&1 || { tail -30 "$log" >&2; echo "reference: build failed" >&2; exit 1; }
touch "$dest/.built"
