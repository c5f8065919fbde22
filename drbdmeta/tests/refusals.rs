//! Every refusal path: a clear message, upstream's exit code, and the image
//! byte-for-byte untouched (compared with a snapshot taken before).

use crate::common::*;

const MIB: u64 = 1 << 20;

fn ext_superblock(img: &str, blocks: u32) {
    use std::os::unix::fs::FileExt;
    let f = std::fs::OpenOptions::new().write(true).open(img).unwrap();
    let mut sb = vec![0u8; 1024];
    sb[0x04..0x08].copy_from_slice(&blocks.to_le_bytes()); // s_blocks_count
    sb[0x18..0x1c].copy_from_slice(&2u32.to_le_bytes()); // 4 KiB blocks
    sb[0x38..0x3a].copy_from_slice(&0xEF53u16.to_le_bytes());
    sb[0x5c] = 4; // has_journal
    sb[0x60] = 0x40; // extents: ext4
    f.write_all_at(&sb, 1024).unwrap();
}

fn refused(bin: &str, args: &[&str], img: &str, code: i32, text: &str) -> String {
    let snap = snapshot(img);
    let o = run(bin, args);
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(code), "{bin} {args:?}: {all}");
    assert!(
        all.contains(text),
        "{bin} {args:?}: expected '{text}' in:\n{all}"
    );
    assert!(untouched(img, &snap), "{bin} {args:?} modified {img}");
    std::fs::remove_file(snap).unwrap();
    all
}

#[test]
fn filesystem_would_be_truncated() {
    let t = TempDir::new("fs");
    let img = t.path("fs.img");
    sparse(&img, 64 * MIB);
    ext_superblock(&img, 16384); // fills the whole 64 MiB
    let vl = t.path("");
    for bin in [ours(), reference()] {
        let mut a = vec!["--force", "-", "v09", &img, "internal", "create-md", "1"];
        if bin == ours() {
            a.splice(0..0, ["--var-lib-drbd", vl.as_str()]);
        }
        let out = refused(bin, &a, &img, 40, "Device size would be truncated");
        if bin == ours() {
            assert!(out.contains("Found ext4 filesystem"), "{out}");
            assert!(out.contains("65536 kB data area apparently used"), "{out}");
        }
    }
}

#[test]
fn filesystem_on_external_meta_device() {
    let t = TempDir::new("fsext");
    let img = t.path("md.img");
    sparse(&img, 256 * MIB);
    ext_superblock(&img, 1000);
    for bin in [ours(), reference()] {
        for idx in ["flex-external", "0"] {
            refused(
                bin,
                &["--force", "-", "v09", &img, idx, "create-md", "1"],
                &img,
                40,
                "This would corrupt existing data.",
            );
        }
    }
}

#[test]
fn swap_and_lvm_signatures() {
    use std::os::unix::fs::FileExt;
    let t = TempDir::new("swap");
    let img = t.path("swap.img");
    sparse(&img, 64 * MIB);
    let f = std::fs::OpenOptions::new().write(true).open(&img).unwrap();
    f.write_all_at(b"SWAPSPACE2", 4096 - 10).unwrap();
    refused(
        ours(),
        &["--force", "-", "v09", &img, "internal", "create-md", "1"],
        &img,
        40,
        "Found swap space signature",
    );
    refused(
        reference(),
        &["--force", "-", "v09", &img, "internal", "create-md", "1"],
        &img,
        40,
        "Found swap space signature",
    );
    let lvm = t.path("lvm.img");
    sparse(&lvm, 64 * MIB);
    let f = std::fs::OpenOptions::new().write(true).open(&lvm).unwrap();
    f.write_all_at(b"LABELONE", 512).unwrap();
    f.write_all_at(b"LVM2 001", 0x218).unwrap();
    refused(
        ours(),
        &["--force", "-", "v08", &lvm, "internal", "create-md"],
        &lvm,
        40,
        "LVM2 physical volume signature",
    );
}

#[test]
fn meta_device_too_small() {
    let t = TempDir::new("small");
    let img = t.path("small.img");
    sparse(&img, 64 * MIB);
    let out = refused(
        ours(),
        &["--force", "-", "v09", &img, "0", "create-md", "1"],
        &img,
        10,
        "Meta device too small",
    );
    assert!(out.contains("index 0 needs 134217728 bytes"), "{out}");
    assert!(out.contains("is only 67108864 bytes"), "{out}");
    let big = t.path("big.img");
    sparse(&big, 256 * MIB);
    let out = refused(
        ours(),
        &["--force", "-", "v09", &big, "3", "create-md", "1"],
        &big,
        10,
        "Device too small",
    );
    assert!(out.contains("byte offset 402653184"), "{out}");
    let mid = t.path("mid.img");
    sparse(&mid, 400 * MIB + 8192);
    let out = refused(
        ours(),
        &["--force", "-", "v08", &mid, "3", "create-md"],
        &mid,
        10,
        "Meta device too small",
    );
    assert!(out.contains("index 3 needs 536870912 bytes"), "{out}");
    let tiny = t.path("tiny.img");
    sparse(&tiny, 32 * 1024);
    refused(
        ours(),
        &["--force", "-", "v09", &tiny, "internal", "create-md", "1"],
        &tiny,
        10,
        "That's not enough.",
    );
    refused(
        reference(),
        &["--force", "-", "v09", &tiny, "internal", "create-md", "1"],
        &tiny,
        10,
        "That's not enough.",
    );
}

#[test]
fn plain_file_needs_force() {
    let t = TempDir::new("noforce");
    let img = t.path("x.img");
    sparse(&img, 64 * MIB);
    refused(
        ours(),
        &["-", "v09", &img, "internal", "create-md", "1"],
        &img,
        20,
        "is not a block device!",
    );
}

#[test]
fn attached_minor_is_refused() {
    let t = TempDir::new("attached");
    let img = t.path("x.img");
    sparse(&img, 64 * MIB);
    let bin = t.path("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let fake = format!("{bin}/drbdsetup");
    std::fs::write(
        &fake,
        "#!/bin/sh\n[ \"$1\" = dstate ] && echo UpToDate/DUnknown && exit 0\nexit 1\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let minor = (200 + std::process::id() % 50).to_string();
    let snap = snapshot(&img);
    let o = std::process::Command::new(ours())
        .args(["--force", &minor, "v09", &img, "internal", "create-md", "1"])
        .env("PATH", format!("{bin}:{}", std::env::var("PATH").unwrap()))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(20), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("Device '{minor}' is configured!")),
        "{}",
        stderr(&o)
    );
    assert!(untouched(&img, &snap));
    // reading is allowed, with the staleness note
    let o = std::process::Command::new(ours())
        .args(["--force", &minor, "v09", &img, "internal", "dstate"])
        .env("PATH", format!("{bin}:{}", std::env::var("PATH").unwrap()))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("Output might be stale"),
        "{}",
        stderr(&o)
    );
}

fn fresh_v09(t: &TempDir) -> (String, String) {
    let img = t.path("md.img");
    sparse(&img, 64 * MIB);
    let vl = t.path("");
    let o = run(
        ours(),
        &[
            "--force",
            "--var-lib-drbd",
            &vl,
            "-",
            "v09",
            &img,
            "internal",
            "create-md",
            "1",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    (img, vl)
}

#[test]
fn corrupt_superblock() {
    use std::os::unix::fs::FileExt;
    let t = TempDir::new("corrupt");
    let (img, vl) = fresh_v09(&t);
    let sb = 64 * MIB - 4096;
    let f = std::fs::OpenOptions::new().write(true).open(&img).unwrap();
    // bad offsets: al_offset -56 instead of -64
    f.write_all_at(&(-56i32).to_be_bytes(), sb + 68).unwrap();
    // 9.34 exits 255 for a command's -1; 9.22 (between upstream commits
    // 3d5e3658 and its revert 446c7418) exited 1.
    for (bin, code) in [(ours(), 255), (reference(), 1)] {
        let out = refused(
            bin,
            &[
                "--force",
                "-",
                "v09",
                &img,
                "internal",
                "--node-id",
                "0",
                "get-gi",
            ],
            &img,
            code,
            "al_offset: expected -64, found -56",
        );
        assert!(!out.contains("0000000000000004:"), "{out}");
        refused(
            bin,
            &["--force", "-", "v09", &img, "internal", "dump-md"],
            &img,
            code,
            "No valid meta data found",
        );
        refused(
            bin,
            &["--force", "-", "v09", &img, "internal", "outdate"],
            &img,
            code,
            "al_offset",
        );
    }
    let o = run(
        ours(),
        &[
            "--force",
            "-",
            "v09",
            &img,
            "internal",
            "dump-superblock",
            "--output-format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(stdout(&o).contains("\"valid\": \"NO_VALID_MD_FOUND\""));
    // bad magic
    f.write_all_at(&(-64i32).to_be_bytes(), sb + 68).unwrap();
    f.write_all_at(&0x1234_5678u32.to_be_bytes(), sb + 60)
        .unwrap();
    refused(
        ours(),
        &[
            "--force",
            "--var-lib-drbd",
            &vl,
            "-",
            "v09",
            &img,
            "internal",
            "dump-md",
        ],
        &img,
        255,
        "No valid meta data found",
    );
    refused(
        ours(),
        &[
            "--force",
            "--var-lib-drbd",
            &vl,
            "-",
            "v09",
            &img,
            "internal",
            "dstate",
        ],
        &img,
        255,
        "No valid meta data found",
    );
    let o = run(
        ours(),
        &[
            "--force",
            "--var-lib-drbd",
            &vl,
            "-",
            "v09",
            &img,
            "internal",
            "wipe-md",
        ],
    );
    assert!(stderr(&o).contains("no drbd meta data to wipe out"));
}

#[test]
fn bad_dump_is_refused_before_writing() {
    let t = TempDir::new("baddump");
    let (img, vl) = fresh_v09(&t);
    let d = run(
        ours(),
        &["--force", "-", "v09", &img, "internal", "dump-md"],
    );
    let good = stdout(&d);
    let cases = [
        (
            good.replace("bitmap[0] {", "bitmap[0] {\n 0x12;"),
            "invalid hex number",
        ),
        (
            good.replace("version \"v09\"", "version \"v08\""),
            "dump is 'v08' you requested 'v09'.",
        ),
        (format!("{good}trailing"), "end of file expected"),
        (
            good.replace("bm-byte-per-bit 4096", "bm-byte-per-bit 3000"),
            "Invalid value for bm-byte-per-bit",
        ),
        (
            good.replace("peer[5] {", "peer[4] {"),
            "Peer slot 4 defined multiple times",
        ),
    ];
    for (i, (text, msg)) in cases.iter().enumerate() {
        let f = t.path(&format!("bad{i}.dump"));
        std::fs::write(&f, text).unwrap();
        refused(
            ours(),
            &[
                "--force",
                "--var-lib-drbd",
                &vl,
                "-",
                "v09",
                &img,
                "internal",
                "restore-md",
                &f,
            ],
            &img,
            10,
            msg,
        );
        // 9.22 does not know the `members` line yet
        let f22 = t.path(&format!("bad{i}-922.dump"));
        let old: String = text
            .lines()
            .filter(|l| !l.starts_with("members "))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&f22, old).unwrap();
        refused(
            reference(),
            &["--force", "-", "v09", &img, "internal", "verify-dump", &f22],
            &img,
            10,
            msg,
        );
    }
}

#[test]
fn option_errors() {
    let t = TempDir::new("opts");
    let (img, _) = fresh_v09(&t);
    refused(
        ours(),
        &["--force", "-", "v09", &img, "internal", "create-md", "32"],
        &img,
        20,
        "MAX_PEERS argument not in allowed range 1 .. 31.",
    );
    refused(
        ours(),
        &[
            "--force",
            "-",
            "v09",
            &img,
            "internal",
            "--bitmap-block-size",
            "3k",
            "create-md",
            "1",
        ],
        &img,
        10,
        "bitmap-block-size must be a power of 2",
    );
    refused(
        ours(),
        &["--force", "-", "v09", &img, "internal", "get-gi"],
        &img,
        10,
        "The get-gi command requires the --node-id option",
    );
    refused(
        ours(),
        &[
            "--force",
            "-",
            "v09",
            &img,
            "internal",
            "--node-id",
            "1",
            "dump-md",
        ],
        &img,
        10,
        "does not accept the --node-id option",
    );
    refused(
        ours(),
        &[
            "--force",
            "-",
            "v08",
            &img,
            "internal",
            "--consistent",
            "create-md",
        ],
        &img,
        10,
        "--consistent is not supported with 'v08'",
    );
    refused(
        ours(),
        &["--force", "-", "v09", &img, "bogus", "dump-md"],
        &img,
        20,
        "'bogus' is not a valid index number.",
    );
    refused(
        ours(),
        &["--force", "-", "v09", &img, "internal", "frobnicate"],
        &img,
        20,
        "Unknown command 'frobnicate'.",
    );
    refused(
        ours(),
        &["--force", "-", "v06", "0", "dump-md"],
        &img,
        20,
        "v06 meta data",
    );
    refused(
        ours(),
        &[
            "--force",
            "-",
            "v09",
            &img,
            "internal",
            "--initial-current-uuid",
            "xyz",
            "create-md",
            "1",
        ],
        &img,
        10,
        "expected 'generate' or a hex value",
    );
}
