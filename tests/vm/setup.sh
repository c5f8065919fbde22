#!/usr/bin/env bash
# Prepare the host for the QEMU/DRBD end-to-end harness (idempotent).
#
#  - installs the Debian packages the harness needs (apt-get; skipped when present)
#  - downloads Debian's cloud kernel package and unpacks it (dpkg-deb -x) into the
#    cache directory; the kernel is never installed on the host.
#
# Environment:
#   DRBD_VM_CACHE        cache directory (default: tests/vm/cache next to this script)
#   DRBD_VM_KERNEL_PKG   kernel package to use (default: what linux-image-cloud-amd64
#                        depends on, e.g. linux-image-6.1.0-NN-cloud-amd64)
#   DRBD_VM_NO_APT=1     do not run apt-get at all (packages must already be there)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${DRBD_VM_CACHE:-$here/cache}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

log() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# --- host packages -----------------------------------------------------------
need_pkgs=(qemu-system-x86 busybox-static cpio drbd-utils)
missing=()
for p in "${need_pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    [[ ${DRBD_VM_NO_APT:-0} == 1 ]] && die "missing packages: ${missing[*]} (DRBD_VM_NO_APT=1)"
    [[ $(id -u) == 0 ]] || die "missing packages: ${missing[*]}; run as root or install them"
    log "installing: ${missing[*]}"
    # Another apt-get may hold the lock (shared machine): wait for it, bounded.
    if [[ ! -f $cache/.apt-updated ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q
        touch "$cache/.apt-updated"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}"
else
    log "packages present: ${need_pkgs[*]}"
fi

# --- kernel ------------------------------------------------------------------
kpkg=${DRBD_VM_KERNEL_PKG:-}
if [[ -z $kpkg && -f $cache/kernel-pkg ]]; then
    kpkg=$(cat "$cache/kernel-pkg")
fi
cloud_kernel_pkg() {
    apt-cache depends linux-image-cloud-amd64 2>/dev/null |
        awk '/Depends: linux-image-[0-9].*-cloud-amd64/ {print $2; exit}'
}
if [[ -z $kpkg ]]; then
    kpkg=$(cloud_kernel_pkg)
    if [[ -z $kpkg && ${DRBD_VM_NO_APT:-0} != 1 && $(id -u) == 0 ]]; then
        log "package lists do not know linux-image-cloud-amd64: apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q
        kpkg=$(cloud_kernel_pkg)
    fi
    [[ -n $kpkg ]] || die "cannot determine the cloud kernel package (apt-get update?)"
fi
kdir=$cache/kernel/$kpkg
if [[ -f $kdir/.unpacked ]]; then
    log "kernel cached: $kdir"
else
    log "downloading $kpkg"
    tmp=$(mktemp -d "$cache/dl.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    chmod 0777 "$tmp" # apt-get download drops privileges to _apt when it can
    (cd "$tmp" && apt-get download -q "$kpkg") || die "apt-get download $kpkg failed"
    debs=("$tmp"/*.deb)
    deb=${debs[0]}
    rm -rf "$kdir"
    mkdir -p "$kdir"
    dpkg-deb -x "$deb" "$kdir"
    touch "$kdir/.unpacked"
    rm -rf "$tmp"
    trap - EXIT
fi
printf '%s\n' "$kpkg" >"$cache/kernel-pkg"

# sanity: the pieces the harness needs
kernels=("$kdir"/boot/vmlinuz-*)
vmlinuz=${kernels[0]}
[[ -f $vmlinuz ]] || die "no vmlinuz in $kdir/boot"
kver=${vmlinuz##*/vmlinuz-}
mods=$kdir/lib/modules/$kver/kernel
for m in lib/lru_cache.ko lib/libcrc32c.ko drivers/block/drbd/drbd.ko drivers/block/loop.ko \
    drivers/virtio/virtio_ring.ko drivers/net/virtio_net.ko; do
    [[ -f $mods/$m ]] || die "kernel package lacks $m"
done
for b in /usr/sbin/drbdadm /usr/sbin/drbdsetup /usr/sbin/drbdmeta /usr/lib/drbd/drbdadm-84 \
    /usr/lib/drbd/drbdsetup-84 /bin/busybox; do
    [[ -x $b ]] || die "missing $b"
done
log "ready: kernel $kver in $kdir"
