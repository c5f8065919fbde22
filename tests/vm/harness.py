#!/usr/bin/env python3
"""End-to-end harness: runs DRBD scenarios in QEMU guests with the real DRBD 8.4 module.

Each scenario lives in scenarios/<name>/ (run.sh, drbd.conf, optional extra files).
The harness builds a gzip'd newc initramfs per run from cached pieces (busybox with its
applet links, the kernel modules, the selected toolset) plus the scenario, boots one or
two guests (two: the "listen" side first, then the "connect" side, joined by two QEMU
socket links: eth0 for DRBD replication, eth1 for the harness's own step messages),
streams every console with a node prefix, and decides pass/fail from the result marker
each guest prints. Every wait is bounded: an overall timeout per scenario, a silence
timeout per guest, and a watchdog inside each guest.

Only the Python standard library is used. See README.md for usage.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import os
import queue
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCENARIOS = HERE / "scenarios"
GUEST = HERE / "guest"

# Modules in insmod order (dependencies first); paths relative to lib/modules/<ver>/kernel.
MODULES_BASE = [
    "lib/lru_cache.ko",
    "lib/libcrc32c.ko",
    "drivers/block/drbd/drbd.ko",
    "drivers/block/loop.ko",
]
MODULES_NET = [
    "drivers/virtio/virtio_ring.ko",
    "drivers/virtio/virtio.ko",
    "drivers/virtio/virtio_pci_modern_dev.ko",
    "drivers/virtio/virtio_pci_legacy_dev.ko",
    "drivers/virtio/virtio_pci.ko",
    "net/core/failover.ko",
    "drivers/net/net_failover.ko",
    "drivers/net/virtio_net.ko",
]

# Debian's drbd-utils (the reference toolset): where they live on the host and where
# they go in the guest. drbdadm (9.x) execs drbdadm-84 from /lib/drbd for an 8.4
# kernel, which in turn runs drbdsetup-84 and drbdmeta.
REFERENCE_TOOLS = {
    "/usr/sbin/drbdadm": "usr/sbin/drbdadm",
    "/usr/sbin/drbdsetup": "usr/sbin/drbdsetup",
    "/usr/sbin/drbdmeta": "usr/sbin/drbdmeta",
    "/usr/lib/drbd/drbdadm-84": "usr/lib/drbd/drbdadm-84",
    "/usr/lib/drbd/drbdsetup-84": "usr/lib/drbd/drbdsetup-84",
}
OUR_TOOLS = ["drbdadm", "drbdsetup", "drbdmeta"]

NODES = {
    # name: (replication ip, control ip, data mac, control mac)
    "alpha": ("10.99.0.1", "10.99.1.1", "52:54:00:99:00:01", "52:54:00:99:01:01"),
    "bravo": ("10.99.0.2", "10.99.1.2", "52:54:00:99:00:02", "52:54:00:99:01:02"),
}

# Console lines not worth showing (still in the log files): loop devices do not support
# WRITE_ZEROES, which drbdmeta tries first.
NOISE_RE = re.compile(r"operation not supported error, dev loop\d+, sector \d+ op 0x9:\(WRITE_ZEROES\)")
RESULT_RE = re.compile(r"DRBDVM-RESULT (\S+) (\S+) (PASS|FAIL) (\S+)")
TIMING_RE = re.compile(r"DRBDVM-TIMING (\w+)=([0-9.]+)")


def log(msg: str) -> None:
    print(f"harness: {msg}", flush=True)


def die(msg: str) -> None:
    print(f"harness: ERROR: {msg}", file=sys.stderr, flush=True)
    sys.exit(2)


# --------------------------------------------------------------------------------------
# newc cpio writer (so no root, no device nodes on the host, and exact modes/owners)


class Cpio:
    def __init__(self) -> None:
        self.buf = io.BytesIO()
        self.ino = 1
        self.dirs: set[str] = set()
        self.names: list[str] = []

    def _entry(self, name: str, mode: int, data: bytes = b"", rdev: tuple[int, int] = (0, 0)) -> None:
        name = name.strip("/")
        nb = name.encode() + b"\0"
        fields = [
            self.ino, mode, 0, 0, 1 if not stat.S_ISDIR(mode) else 2, 0,
            len(data), 0, 0, rdev[0], rdev[1], len(nb), 0,
        ]
        self.ino += 1
        hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
        self.buf.write(hdr + nb)
        self.buf.write(b"\0" * ((4 - (len(hdr) + len(nb)) % 4) % 4))
        self.buf.write(data)
        self.buf.write(b"\0" * ((4 - len(data) % 4) % 4))
        if name != "TRAILER!!!":
            self.names.append(name)

    def mkdir(self, name: str, mode: int = 0o755) -> None:
        name = name.strip("/")
        if not name or name in self.dirs:
            return
        parent = os.path.dirname(name)
        if parent:
            self.mkdir(parent)
        self.dirs.add(name)
        self._entry(name, stat.S_IFDIR | mode)

    def file(self, name: str, data: bytes, mode: int = 0o644) -> None:
        self.mkdir(os.path.dirname(name.strip("/")))
        self._entry(name, stat.S_IFREG | mode, data)

    def symlink(self, name: str, target: str) -> None:
        self.mkdir(os.path.dirname(name.strip("/")))
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name: str, major: int, minor: int, mode: int = 0o600) -> None:
        self.mkdir(os.path.dirname(name.strip("/")))
        self._entry(name, stat.S_IFCHR | mode, rdev=(major, minor))

    def gz(self) -> bytes:
        self._entry("TRAILER!!!", 0)
        return gzip.compress(self.buf.getvalue(), compresslevel=6)


def guest_path(host_path: str) -> str:
    """Map a host path to the guest's merged-/usr layout (bin, sbin, lib, lib64 are links)."""
    p = host_path.lstrip("/")
    for top in ("bin/", "sbin/", "lib/", "lib64/"):
        if p.startswith(top):
            return "usr/" + p
    return p


def shared_libs(binary: Path) -> list[str]:
    """Host paths of the shared libraries (and the loader) a binary needs, via ldd."""
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True)
    text = out.stdout + out.stderr
    if "not a dynamic executable" in text or "statically linked" in text:
        return []
    if out.returncode != 0:
        die(f"ldd {binary} failed: {text.strip()}")
    libs = []
    for line in text.splitlines():
        line = line.strip()
        m = re.match(r"\S+ => (/\S+) \(", line) or re.match(r"(/\S+) \(", line)
        if m:
            libs.append(m.group(1))
        elif "=> not found" in line:
            die(f"{binary}: missing shared library: {line}")
    return libs


def sha256_file(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


# --------------------------------------------------------------------------------------
# cached archives


@dataclass
class Kernel:
    pkg: str
    root: Path
    version: str
    vmlinuz: Path


def find_kernel(cache: Path) -> Kernel:
    pkg_file = cache / "kernel-pkg"
    if not pkg_file.is_file():
        die(f"no kernel in the cache ({cache}); run tests/vm/setup.sh first")
    pkg = pkg_file.read_text().strip()
    root = cache / "kernel" / pkg
    vmlinuzes = sorted((root / "boot").glob("vmlinuz-*"))
    if not (root / ".unpacked").exists() or not vmlinuzes:
        die(f"kernel {pkg} is not unpacked in {root}; run tests/vm/setup.sh")
    vmlinuz = vmlinuzes[0]
    version = vmlinuz.name[len("vmlinuz-"):]
    return Kernel(pkg, root, version, vmlinuz)


def base_archive(cache: Path, kernel: Kernel) -> Path:
    """busybox + applet links + modules + the directory skeleton (cached)."""
    busybox = Path("/bin/busybox")
    if not busybox.exists():
        die("busybox-static is not installed; run tests/vm/setup.sh")
    key = hashlib.sha256(
        (sha256_file(busybox) + kernel.pkg + "|".join(MODULES_BASE + MODULES_NET) + "v1").encode()
    ).hexdigest()[:16]
    out = cache / "initramfs" / f"base-{key}.cpio.gz"
    if out.exists():
        return out
    log(f"building the base initramfs ({out.name})")
    c = Cpio()
    for d in ("usr/bin", "usr/sbin", "usr/lib", "usr/lib64", "proc", "sys", "dev", "tmp",
              "run", "etc", "root", "var/lock", "var/lib/drbd", "var/run", "mnt"):
        c.mkdir(d)
    for top in ("bin", "sbin", "lib", "lib64"):
        c.symlink(top, f"usr/{top}")
    c.chardev("dev/console", 5, 1)
    c.chardev("dev/null", 1, 3, 0o666)
    c.file("usr/bin/busybox", busybox.read_bytes(), 0o755)
    applets = subprocess.run([str(busybox), "--list-full"], capture_output=True, text=True,
                             check=True).stdout.split()
    for a in applets:
        gp = guest_path("/" + a)
        if gp == "usr/bin/busybox":
            continue
        c.symlink(gp, "/usr/bin/busybox")
    c.file("etc/passwd", b"root:x:0:0:root:/root:/bin/sh\n")
    c.file("etc/group", b"root:x:0:\n")
    c.file("etc/hosts", b"127.0.0.1 localhost\n10.99.0.1 alpha\n10.99.0.2 bravo\n")
    mroot = kernel.root / "lib" / "modules" / kernel.version
    for m in MODULES_BASE + MODULES_NET:
        src = mroot / "kernel" / m
        if not src.exists():
            die(f"module {m} missing from {kernel.pkg}")
        c.file(f"usr/lib/modules/{kernel.version}/kernel/{m}", src.read_bytes())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(c.gz())
    tmp.rename(out)
    return out


def reference_hashes() -> set[str]:
    """sha256 of every LINBIT binary drbd-utils installed on the host (if any)."""
    hashes = set()
    for d in (Path("/usr/sbin"), Path("/usr/lib/drbd")):
        if not d.is_dir():
            continue
        for p in d.iterdir():
            if p.name.startswith("drbd") and p.is_file() and not p.is_symlink():
                hashes.add(sha256_file(p))
    return hashes


def tools_archive(cache: Path, tools: str, target: Path) -> tuple[Path, str]:
    """The toolset archive: binaries, their libraries, and the 8.4 personality names."""
    files: dict[str, Path] = {}  # guest path -> host file
    links: dict[str, str] = {}
    if tools == "reference":
        for host, gp in REFERENCE_TOOLS.items():
            if not Path(host).exists():
                die(f"{host} missing: install drbd-utils (tests/vm/setup.sh)")
            files[gp] = Path(host)
    else:
        for t in OUR_TOOLS:
            p = target / t
            if not p.is_file():
                die(f"{p} missing: build the project's tools first (cargo build --release)")
            files[f"usr/sbin/{t}"] = p
        links["usr/lib/drbd/drbdadm-84"] = "/usr/sbin/drbdadm"
        links["usr/lib/drbd/drbdsetup-84"] = "/usr/sbin/drbdsetup"
    for bin_path in list(files.values()):
        for lib in shared_libs(bin_path):
            files.setdefault(guest_path(str(Path(lib))), Path(os.path.realpath(lib)))
    if tools == "ours":
        # with our tools, not a single LINBIT binary may reach the guest
        ref = reference_hashes()
        for gp, p in files.items():
            if gp.startswith("usr/lib/x86_64-linux-gnu/") or gp.startswith("usr/lib64/"):
                continue
            if sha256_file(p) in ref:
                die(f"--tools ours: {p} is identical to a drbd-utils binary; refusing")
    h = hashlib.sha256(tools.encode())
    for gp in sorted(files):
        h.update(gp.encode() + sha256_file(files[gp]).encode())
    for gp in sorted(links):
        h.update(f"{gp}->{links[gp]}".encode())
    key = h.hexdigest()[:16]
    out = cache / "initramfs" / f"tools-{tools}-{key}.cpio.gz"
    summary = ", ".join(sorted(files) + [f"{k} -> {v}" for k, v in sorted(links.items())])
    if out.exists():
        return out, summary
    log(f"building the '{tools}' toolset initramfs ({out.name})")
    c = Cpio()
    for gp, p in sorted(files.items()):
        c.file(gp, p.read_bytes(), 0o755)
    for gp, t in sorted(links.items()):
        c.symlink(gp, t)
    if tools == "ours":
        bad = [n for n in c.names if re.search(r"drbd(adm|setup)-8[0-9]$", n) and n not in links]
        if bad:
            die(f"--tools ours: unexpected LINBIT-named files {bad}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(c.gz())
    tmp.rename(out)
    return out, summary


def scenario_archive(scen: Path) -> bytes:
    c = Cpio()
    c.file("init", (GUEST / "init").read_bytes(), 0o755)
    c.file("drbdvm/lib.sh", (GUEST / "lib.sh").read_bytes())
    c.file("drbdvm/msg-recv", (GUEST / "msg-recv").read_bytes(), 0o755)
    for p in sorted(scen.iterdir()):
        if p.is_file():
            c.file(f"scenario/{p.name}", p.read_bytes(), 0o755 if p.suffix == ".sh" else 0o644)
    return c.gz()


# --------------------------------------------------------------------------------------
# scenarios


@dataclass
class Scenario:
    name: str
    path: Path
    nodes: int
    timeout: int
    description: str
    order: int


def load_scenarios() -> dict[str, Scenario]:
    res = {}
    for d in sorted(SCENARIOS.iterdir()):
        run = d / "run.sh"
        if not run.is_file():
            continue
        text = run.read_text()
        m = re.search(r"^# drbdvm: (.*)$", text, re.M)
        if not m:
            die(f"{run}: missing '# drbdvm: nodes=N timeout=S [order=N]' header")
        meta = dict(kv.split("=", 1) for kv in m.group(1).split())
        desc = re.search(r"^# description: (.*)$", text, re.M)
        res[d.name] = Scenario(d.name, d, int(meta["nodes"]), int(meta["timeout"]),
                               desc.group(1) if desc else "", int(meta.get("order", "100")))
    return dict(sorted(res.items(), key=lambda kv: (kv[1].order, kv[0])))


# --------------------------------------------------------------------------------------
# running guests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_listening(port: int) -> bool:
    for f in ("/proc/net/tcp",):
        try:
            lines = Path(f).read_text().splitlines()[1:]
        except OSError:
            return False
        for ln in lines:
            parts = ln.split()
            if parts[3] == "0A" and int(parts[1].split(":")[1], 16) == port:
                return True
    return False


@dataclass
class Guest:
    node: str
    proc: subprocess.Popen
    logfile: Path
    lines: list[str] = field(default_factory=list)
    last_output: float = field(default_factory=time.monotonic)
    result: str | None = None  # PASS / FAIL
    reason: str = ""
    timings: dict[str, str] = field(default_factory=dict)
    eof: bool = False


class Runner:
    def __init__(self, args: argparse.Namespace, kernel: Kernel, base: Path, tools: Path) -> None:
        self.args = args
        self.kernel = kernel
        self.base = base
        self.tools = tools
        self.q: queue.Queue[tuple[str, str | None]] = queue.Queue()

    def _reader(self, g: Guest) -> None:
        assert g.proc.stdout is not None
        with open(g.logfile, "w", encoding="utf-8") as lf:
            for raw in iter(g.proc.stdout.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                lf.write(line + "\n")
                lf.flush()
                self.q.put((g.node, line))
        self.q.put((g.node, None))

    def start_guest(self, scen: Scenario, node: str, peer: str | None, role: str,
                    ports: tuple[int, int], initrd: Path, nonce: str, logdir: Path) -> Guest:
        ip, ctl_ip, mac, ctl_mac = NODES[node]
        append = [
            "console=ttyS0", "quiet", "panic=-1",
            f"drbdvm.node={node}", f"drbdvm.ip={ip}", f"drbdvm.ctl_ip={ctl_ip}",
            f"drbdvm.nonce={nonce}", f"drbdvm.tools={self.args.tools}",
            f"drbdvm.scenario={scen.name}", f"drbdvm.role={role}",
            f"drbdvm.watchdog={max(30, scen.timeout - 20)}",
        ]
        cmd = [
            self.args.qemu, "-accel", "tcg", "-cpu", "max", "-m", str(self.args.mem), "-smp", "1",
            "-nodefaults", "-no-user-config", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-no-reboot",
            "-kernel", str(self.kernel.vmlinuz), "-initrd", str(initrd),
        ]
        if peer:
            pip, pctl, _, _ = NODES[peer]
            append += [f"drbdvm.peer={peer}", f"drbdvm.peer_ip={pip}", f"drbdvm.peer_ctl_ip={pctl}"]
            how = "listen" if role == "listen" else "connect"
            cmd += [
                "-netdev", f"socket,id=data,{how}=127.0.0.1:{ports[0]}",
                "-device", f"virtio-net-pci,netdev=data,mac={mac}",
                "-netdev", f"socket,id=ctl,{how}=127.0.0.1:{ports[1]}",
                "-device", f"virtio-net-pci,netdev=ctl,mac={ctl_mac}",
            ]
        cmd += ["-append", " ".join(append)]
        (logdir / f"{node}.cmd").write_text(" ".join(cmd) + "\n")
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=True)
        g = Guest(node, proc, logdir / f"{node}.log")
        threading.Thread(target=self._reader, args=(g,), daemon=True).start()
        return g

    def run(self, scen: Scenario) -> tuple[bool, float, dict[str, dict[str, str]], str]:
        args = self.args
        stamp = time.strftime("%Y%m%d-%H%M%S")
        logdir = args.logdir / f"{stamp}-{scen.name}-{args.tools}"
        logdir.mkdir(parents=True, exist_ok=True)
        initrd = logdir / "initrd.gz"
        with open(initrd, "wb") as f:
            f.write(self.base.read_bytes())
            f.write(self.tools.read_bytes())
            f.write(scenario_archive(scen.path))
        nonce = secrets.token_hex(6)
        print(f"\n======== scenario {scen.name} ({scen.nodes} node{'s' if scen.nodes > 1 else ''},"
              f" tools={args.tools}, timeout {scen.timeout} s): {scen.description}", flush=True)
        t0 = time.monotonic()
        guests: list[Guest] = []
        failure = ""
        try:
            if scen.nodes == 1:
                guests.append(self.start_guest(scen, "alpha", None, "single", (0, 0), initrd, nonce, logdir))
            else:
                ports = (free_port(), free_port())
                a = self.start_guest(scen, "alpha", "bravo", "listen", ports, initrd, nonce, logdir)
                guests.append(a)
                deadline = time.monotonic() + 20
                while not all(port_listening(p) for p in ports):
                    if a.proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"alpha's QEMU did not open its listening sockets {ports}")
                    time.sleep(0.1)
                guests.append(self.start_guest(scen, "bravo", "alpha", "connect", ports, initrd, nonce, logdir))
            failure = self._supervise(scen, guests, t0, nonce)
        except RuntimeError as e:
            failure = str(e)
        finally:
            for g in guests:
                self._stop(g)
        wall = time.monotonic() - t0
        if not failure:
            for g in guests:
                if g.result != "PASS":
                    failure = f"node {g.node}: no success marker"
        timings = {g.node: g.timings for g in guests}
        ok = not failure
        if not ok:
            print(f"\n!!!!!!!! scenario {scen.name} FAILED: {failure}", flush=True)
            for g in guests:
                print(f"!!!!!!!! last console lines of {g.node} (result: {g.result or 'none'}"
                      f"{' ' + g.reason if g.reason else ''}):")
                for ln in [x for x in g.lines if not NOISE_RE.search(x)][-args.tail:]:
                    print(f"  {g.node} | {ln}")
            print(f"!!!!!!!! full console logs: {logdir}", flush=True)
        if not args.keep:
            initrd.unlink(missing_ok=True)
        return ok, wall, timings, failure

    def _supervise(self, scen: Scenario, guests: list[Guest], t0: float, nonce: str) -> str:
        by_node = {g.node: g for g in guests}
        deadline = t0 + scen.timeout
        first_fail_at: float | None = None
        while True:
            try:
                node, line = self.q.get(timeout=0.5)
                g = by_node[node]
                if line is None:
                    g.eof = True
                else:
                    g.lines.append(line)
                    g.last_output = time.monotonic()
                    if not NOISE_RE.search(line) and not (self.args.quiet and line.startswith("[")):
                        print(f"{node:5} | {line}", flush=True)
                    m = RESULT_RE.search(line)
                    if m and m.group(1) == nonce and m.group(2) == node and g.result is None:
                        g.result, g.reason = m.group(3), m.group(4)
                    t = TIMING_RE.search(line)
                    if t:
                        g.timings[t.group(1)] = t.group(2)
            except queue.Empty:
                pass
            now = time.monotonic()
            if all(g.eof and g.proc.poll() is not None for g in guests):
                break
            for g in guests:
                if g.eof and g.result is None and g.proc.poll() is not None:
                    return (f"node {g.node}: guest exited (QEMU status {g.proc.returncode}) "
                            "without a result marker")
            if any(g.result == "FAIL" for g in guests):
                failed = [g for g in guests if g.result == "FAIL"]
                if first_fail_at is None:
                    first_fail_at = now
                # give the other node a moment to print its own diagnostics
                if all(g.result for g in guests) or now - first_fail_at > 20:
                    return "; ".join(f"node {g.node} failed: {self._why(g)}" for g in failed)
            if now > deadline:
                pending = [g.node for g in guests if g.result is None]
                return f"overall timeout of {scen.timeout} s reached; still running: {', '.join(pending)}"
            for g in guests:
                if g.result is None and now - g.last_output > self.args.silence:
                    return f"node {g.node} stalled: no console output for {self.args.silence} s"
        return ""

    @staticmethod
    def _why(g: Guest) -> str:
        """The guest's own explanation of its failure (its first failed check)."""
        for ln in g.lines:
            for key in ("CHECK FAILED", "GUEST WATCHDOG"):
                i = ln.find(key)
                if i >= 0:
                    return ln[i:]
        return g.reason

    @staticmethod
    def _stop(g: Guest) -> None:
        try:
            g.proc.wait(timeout=10 if g.result else 0.1)
        except subprocess.TimeoutExpired:
            pass
        if g.proc.poll() is None:
            try:
                os.killpg(g.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            g.proc.wait(timeout=10)


# --------------------------------------------------------------------------------------


def main() -> int:
    scenarios = load_scenarios()
    ap = argparse.ArgumentParser(
        description="Run DRBD end-to-end scenarios in QEMU guests (DRBD 8.4 kernel module).")
    ap.add_argument("scenario", nargs="*", help="scenario names, or 'all' (default: all)")
    ap.add_argument("--tools", choices=["reference", "ours"],
                    default=os.environ.get("DRBD_VM_TOOLS", "reference"),
                    help="reference = Debian's drbd-utils; ours = target/release binaries")
    ap.add_argument("--list", action="store_true", help="list scenarios and exit")
    ap.add_argument("--keep", action="store_true", help="keep each run's initrd in its log dir")
    ap.add_argument("--quiet", action="store_true",
                    help="hide the guests' own '[node] ...' setup lines")
    ap.add_argument("--tail", type=int, default=40, help="console lines shown on failure")
    ap.add_argument("--silence", type=int, default=int(os.environ.get("DRBD_VM_SILENCE", "150")),
                    help="fail a guest that prints nothing for this many seconds")
    ap.add_argument("--timeout-scale", type=float,
                    default=float(os.environ.get("DRBD_VM_TIMEOUT_SCALE", "1")),
                    help="multiply every scenario timeout (slow machines)")
    args = ap.parse_args()

    if args.list:
        for s in scenarios.values():
            print(f"{s.name:22} nodes={s.nodes} timeout={s.timeout:4}s  {s.description}")
        return 0
    names = args.scenario or ["all"]
    if names == ["all"]:
        names = list(scenarios)
    for n in names:
        if n not in scenarios:
            die(f"unknown scenario '{n}' (known: {', '.join(scenarios)})")

    cache = Path(os.environ.get("DRBD_VM_CACHE", HERE / "cache")).resolve()
    args.mem = int(os.environ.get("DRBD_VM_MEM", "384"))
    args.qemu = os.environ.get("DRBD_VM_QEMU", "qemu-system-x86_64")
    args.logdir = Path(os.environ.get("DRBD_VM_LOGDIR", cache / "runs")).resolve()
    target = Path(os.environ.get("DRBD_VM_TARGET", REPO / "target" / "release")).resolve()
    if shutil.which(args.qemu) is None:
        die(f"{args.qemu} not found; run tests/vm/setup.sh")

    kernel = find_kernel(cache)
    base = base_archive(cache, kernel)
    tools, summary = tools_archive(cache, args.tools, target)
    log(f"kernel {kernel.version}; toolset '{args.tools}': {summary}")

    runner = Runner(args, kernel, base, tools)
    results = []
    for n in names:
        s = scenarios[n]
        if args.timeout_scale != 1:
            s.timeout = int(s.timeout * args.timeout_scale)
        ok, wall, timings, failure = runner.run(s)
        results.append((n, ok, wall, failure))
        print(f"TIMING tools={args.tools} scenario={n} wall_seconds={wall:.1f}", flush=True)
        for node, t in timings.items():
            for k, v in t.items():
                print(f"TIMING tools={args.tools} scenario={n} node={node} {k}={v}", flush=True)
    print("\n======== summary")
    for n, ok, wall, failure in results:
        print(f"{'PASS' if ok else 'FAIL'}  {n:22} {wall:7.1f} s  {failure}")
    return 0 if all(ok for _, ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
