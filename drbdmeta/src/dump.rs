//! Text renderings: the `get-gi`/`show-gi` lines (upstream `dt_print_*` in
//! `drbdtool_common.c`), `pretty_peer_md_flags()`, `fprintf_hex()`, the
//! `dump-superblock --output-format json` document (`json_dump_buffer()`)
//! and `ppsize()`.  The `dump-md` body itself is assembled in
//! [`crate::commands`] from these pieces and [`crate::bitmap`].

use std::fmt::Write as _;

use crate::superblock::{gc, mdf, mdf_peer, off9, MdCpu, V08_RESERVED_START};

fn b(flags: u32, m: u32) -> u8 {
    u8::from(flags & m != 0)
}

/// `ppsize()`: a KiB count in human units ("4 KB", "128 MB").
pub fn ppsize(mut size: u64) -> String {
    const UNITS: [char; 6] = ['K', 'M', 'G', 'T', 'P', 'E'];
    let mut base = 0;
    while size >= 10000 && base < UNITS.len() - 1 {
        size = (size >> 10) + u64::from(size & (1 << 9) != 0);
        base += 1;
    }
    format!("{} {}B", size as u32, UNITS[base])
}

/// `dt_print_gc()`.
pub fn gc_line(g: &[u32; 5]) -> String {
    let f = g[gc::FLAGS];
    format!(
        "{}:{}:{}:{}:{}:{}:{}:{}\n",
        b(f, mdf::CONSISTENT),
        g[gc::HUMAN] as i32,
        g[gc::TIMEOUT] as i32,
        g[gc::CONNECTED] as i32,
        g[gc::ARBITRARY] as i32,
        b(f, mdf::PRIMARY_IND),
        b(f, mdf::CONNECTED_IND),
        b(f, mdf::FULL_SYNC)
    )
}

/// `dt_pretty_print_gc()`.
pub fn gc_pretty(g: &[u32; 5]) -> String {
    let f = g[gc::FLAGS];
    let yn = |m: u32, y: &'static str, n: &'static str| if f & m != 0 { y } else { n };
    format!(
        "\n                                        WantFullSync |\n                                  ConnectedInd |     |\n                               lastState |     |     |\n                      ArbitraryCnt |     |     |     |\n                ConnectedCnt |     |     |     |     |\n            TimeoutCnt |     |     |     |     |     |\n        HumanCnt |     |     |     |     |     |     |\nConsistent |     |     |     |     |     |     |     |\n   --------+-----+-----+-----+-----+-----+-----+-----+\n       {:>3} | {:>3} | {:>3} | {:>3} | {:>3} | {:>3} | {:>3} | {:>3}  \n\n",
        yn(mdf::CONSISTENT, "1/c", "0/i"),
        g[gc::HUMAN] as i32,
        g[gc::TIMEOUT] as i32,
        g[gc::CONNECTED] as i32,
        g[gc::ARBITRARY] as i32,
        yn(mdf::PRIMARY_IND, "1/p", "0/s"),
        yn(mdf::CONNECTED_IND, "1/c", "0/n"),
        yn(mdf::FULL_SYNC, "1/y", "0/n"),
    )
}

fn uuid_prefix(md: &MdCpu, node: usize) -> String {
    format!(
        "{:016X}:{:016X}:{:016X}:{:016X}:",
        md.current_uuid, md.peers[node].bitmap_uuid, md.history_uuids[0], md.history_uuids[1]
    )
}

/// `dt_print_uuids()` (v08).
pub fn v08_line(md: &MdCpu, node: usize) -> String {
    let f = md.flags;
    format!(
        "{}{}:{}:{}:{}:{}:{}:{}\n",
        uuid_prefix(md, node),
        b(f, mdf::CONSISTENT),
        b(f, mdf::WAS_UP_TO_DATE),
        b(f, mdf::PRIMARY_IND),
        b(f, mdf::CONNECTED_IND),
        b(f, mdf::FULL_SYNC),
        b(f, mdf::PEER_OUT_DATED),
        b(f, mdf::CRASHED_PRIMARY)
    )
}

const UUID_LEGEND: &str = "\n       +--<  Current data generation UUID  >-\n       |               +--<  Bitmap's base data generation UUID  >-\n       |               |                 +--<  younger history UUID  >-\n       |               |                 |         +-<  older history  >-\n       V               V                 V         V\n";

/// `dt_pretty_print_uuids()` (v08).
pub fn v08_pretty(md: &MdCpu, node: usize) -> String {
    let f = md.flags;
    let mut s = String::from(UUID_LEGEND);
    s.push_str(&v08_line(md, node));
    s.push_str("                                                                    ^ ^ ^ ^ ^ ^ ^\n                                      -<  Data consistency flag  >--+ | | | | | |\n                             -<  Data was/is currently up-to-date  >--+ | | | | |\n                                  -<  Node was/is currently primary  >--+ | | | |\n                                  -<  Node was/is currently connected  >--+ | | |\n         -<  Node was in the progress of setting all bits in the bitmap  >--+ | |\n                        -<  The peer's disk was out-dated or inconsistent  >--+ |\n      -<  This node was a crashed primary, and has not seen its peer since   >--+\n\n");
    let _ = writeln!(
        s,
        "flags:{} {}, {}, {}{}{}",
        if f & mdf::CRASHED_PRIMARY != 0 {
            " crashed"
        } else {
            ""
        },
        if f & mdf::PRIMARY_IND != 0 {
            "Primary"
        } else {
            "Secondary"
        },
        if f & mdf::CONNECTED_IND != 0 {
            "Connected"
        } else {
            "StandAlone"
        },
        if f & mdf::CONSISTENT != 0 {
            if f & mdf::WAS_UP_TO_DATE != 0 {
                "UpToDate"
            } else {
                "Outdated"
            }
        } else {
            "Inconsistent"
        },
        if f & mdf::FULL_SYNC != 0 {
            ", need full sync"
        } else {
            ""
        },
        if f & mdf::PEER_OUT_DATED != 0 {
            ", peer Outdated"
        } else {
            ""
        },
    );
    let _ = writeln!(
        s,
        "meta-data: {}",
        if f & mdf::AL_CLEAN != 0 {
            "clean"
        } else {
            "need apply-al"
        }
    );
    s
}

/// `dt_print_v9_uuids()`.
pub fn v09_line(md: &MdCpu, node: usize) -> String {
    let f = md.flags;
    let p = md.peers[node].flags;
    format!(
        "{}{}:{}:{}:{}:{}:{}:{}:{}:{}:{}:{}:{}\n",
        uuid_prefix(md, node),
        b(f, mdf::CONSISTENT),
        b(f, mdf::WAS_UP_TO_DATE),
        b(f, mdf::PRIMARY_IND),
        b(f, mdf::CRASHED_PRIMARY),
        b(f, mdf::AL_CLEAN),
        b(f, mdf::AL_DISABLED),
        b(f, mdf::PRIMARY_LOST_QUORUM),
        b(p, mdf_peer::CONNECTED),
        b(p, mdf_peer::OUTDATED),
        b(p, mdf_peer::FENCING),
        b(p, mdf_peer::FULL_SYNC),
        b(p, mdf_peer::DEVICE_SEEN)
    )
}

/// `dt_pretty_print_v9_uuids()`.
pub fn v09_pretty(md: &MdCpu, node: usize) -> String {
    let mut s = String::from(UUID_LEGEND);
    s.push_str(&v09_line(md, node));
    s.push_str("                                                                    ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^\n                                      -<  Data consistency flag  >--+ | | | | | | | | | | |\n                             -<  Data was/is currently up-to-date  >--+ | | | | | | | | | |\n                                  -<  Node was/is currently primary  >--+ | | | | | | | | |\n -<  This node was a crashed primary, and has not seen its peer since  >--+ | | | | | | | |\n             -<  The activity-log was applied, the disk can be attached  >--+ | | | | | | |\n        -<  The activity-log was disabled, peer is completely out of sync  >--+ | | | | | |\n                              -<  This node was primary when it lost quorum  >--+ | | | | |\n                                          -<  Node was/is currently connected  >--+ | | | |\n                              -<  The peer's disk was out-dated or inconsistent  >--+ | | |\n                                 -<   A fence policy other the dont-care was used  >--+ | |\n                  -<  Node was in the progress of marking all blocks as out of sync  >--+ |\n                     -<  At least once we saw this node with a backing device attached >--+\n\n");
    s
}

/// `pretty_peer_md_flags(buf, 80, flags, " # ", " | ")`.
pub fn peer_flags_comment(flags: u32) -> String {
    let names = |i: u32| match i {
        0 => Some("connected"),
        1 => Some("<=outdated"),
        2 => Some("fencing"),
        3 => Some("full-sync"),
        4 => Some("seen"),
        16 => Some("exists"),
        _ => None,
    };
    let mut s = String::new();
    let mut sep = " # ";
    for i in 0..32 {
        let f = 1u32 << i;
        if flags & f == 0 {
            continue;
        }
        let piece = match names(i) {
            Some(n) => format!("{sep}{n}"),
            None => format!("{sep}0x{f:x}=?"),
        };
        sep = " | ";
        // snprintf into an 80 byte buffer: stop when it would not fit
        if s.len() + piece.len() >= 80 {
            s.push_str(&piece[..79 - s.len()]);
            break;
        }
        s.push_str(&piece);
    }
    s
}

/// `fprintf_hex()`: `hd`-style dump with `*` for repeated lines.
pub fn hexdump(file_offset: u64, buf: &[u8]) -> String {
    let p = |c: u8| {
        if (0x20..0x7f).contains(&c) {
            c as char
        } else {
            '.'
        }
    };
    let mut s = String::new();
    let len = buf.len();
    let mut o = 0usize;
    let mut skipped = false;
    while o + 16 < len {
        let c = &buf[o..o + 16];
        if o > 0 && buf[o - 16..o] == *c {
            skipped = true;
            o += 16;
            continue;
        }
        if skipped {
            skipped = false;
            s.push_str("*\n");
        }
        let _ = write!(s, "{:08x} ", o as u64 + file_offset);
        for (i, x) in c.iter().enumerate() {
            if i == 8 {
                s.push(' ');
            }
            let _ = write!(s, " {x:02x}");
        }
        s.push_str("  |");
        s.extend(c.iter().map(|&x| p(x)));
        s.push_str("|\n");
        o += 16;
    }
    if skipped {
        s.push_str("*\n");
    }
    if o < len {
        let c = &buf[o..];
        let _ = write!(s, "{:08x} ", o as u64 + file_offset);
        for (i, x) in c.iter().enumerate() {
            if i == 8 {
                s.push(' ');
            }
            let _ = write!(s, " {x:02x}");
        }
        let i = c.len();
        let pad = (16 - i) * 3 + usize::from(i < 8);
        s.push_str(&" ".repeat(pad));
        s.push_str("  |");
        s.extend(c.iter().map(|&x| p(x)));
        s.push_str("|\n");
    }
    let _ = writeln!(s, "{:08x}", len as u64 + file_offset);
    s
}

/// Everything `json_dump_buffer()` needs besides the raw buffer.
pub struct JsonMeta<'a> {
    /// Format the buffer is interpreted as ("v08" or "v09").
    pub dumped_as: &'a str,
    /// What else it looks like, if not valid.
    pub looks_like: &'a str,
    /// VALID_MD_FOUND, ...
    pub valid: &'a str,
    /// Meta data device name.
    pub md_device_name: &'a str,
    /// Offset of the buffer.
    pub dump_offset: u64,
    /// Device size.
    pub bd_size: u64,
    /// Host name.
    pub host: &'a str,
    /// "YYYY-MM-DD HH:MM:SS" in UTC.
    pub time_utc: &'a str,
}

fn be32(b: &[u8], o: usize) -> u32 {
    u32::from_be_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}

fn be64(b: &[u8], o: usize) -> u64 {
    u64::from(be32(b, o)) << 32 | u64::from(be32(b, o + 4))
}

/// `json_dump_buffer()` for a v08 (`v09 == false`) or v09 superblock buffer.
pub fn json(buf: &[u8], v09: bool, m: &JsonMeta<'_>) -> String {
    let md = if v09 {
        MdCpu::from_disk_09(buf)
    } else {
        MdCpu::from_disk_08(buf)
    };
    let mut s = String::from("{\n");
    let _ = write!(
        s,
        "  \"effective_size\": {},\n  \"current_uuid\": \"0x{:016X}\",\n  \"device_uuid\": \"0x{:016X}\",\n  \"flags\": \"0x{:08X}\",\n  \"magic\": \"0x{:08X}\",\n  \"md_size_sect\": {},\n  \"al_offset\": {},\n  \"al_nr_extents\": {},\n  \"bm_offset\": {},\n  \"bm_bytes_per_bit\": {},\n  \"la_peer_max_bio_size\": {},\n  \"al_stripes\": {},\n  \"al_stripe_size_4k\": {},\n",
        md.effective_size,
        md.current_uuid,
        md.device_uuid,
        md.flags,
        md.magic,
        md.md_size_sect,
        md.al_offset,
        md.al_nr_extents,
        md.bm_offset,
        md.bm_bytes_per_bit,
        md.la_peer_max_bio_size,
        md.al_stripes,
        md.al_stripe_size_4k
    );
    if !v09 {
        let _ = writeln!(
            s,
            "  \"peers\": [ {{ \"bitmap_uuid\": \"0x{:016X}\" }} ],",
            md.peers[0].bitmap_uuid
        );
    } else {
        s.push_str("  \"peers\": [");
        for (i, p) in md.peers.iter().enumerate() {
            let o = off9::PEERS + i * off9::PEER_SIZE;
            let _ = write!(
                s,
                "{}\n    {{ \"bitmap_uuid\": \"0x{:016X}\",  \"bitmap_dagtag\": {},  \"flags\": \"0x{:08X}\",  \"bitmap_index\": {},  \"reserved_u32\": [ \"0x{:08X}\", \"0x{:08X}\" ] }}",
                if i == 0 { "" } else { "," },
                p.bitmap_uuid,
                p.bitmap_dagtag,
                p.flags,
                p.bitmap_index,
                be32(buf, o + 24),
                be32(buf, o + 28)
            );
        }
        s.push_str("\n  ],\n");
        let r = off9::RESERVED_U64;
        let _ = write!(
            s,
            "  \"bm_max_peers\": {},\n  \"node_id\": {},\n  \"members\": \"0x{:016X}\",\n  \"reserved_u64\": [ \"0x{:016X}\", \"0x{:016X}\", \"0x{:016X}\" ],\n  \"reserved_u32\": [ \"0x{:08X}\", \"0x{:08X}\" ],\n",
            md.max_peers,
            md.node_id,
            md.members,
            be64(buf, r),
            be64(buf, r + 8),
            be64(buf, r + 16),
            be32(buf, off9::RESERVED_U32),
            be32(buf, off9::RESERVED_U32 + 4)
        );
    }
    if !v09 {
        let _ = write!(
            s,
            "  \"history_uuids\": [\n    \"0x{:016X}\", \"0x{:016X}\"\n  ],\n",
            md.history_uuids[0], md.history_uuids[1]
        );
    } else {
        s.push_str("  \"history_uuids\": [\n");
        for row in 0..8 {
            s.push_str("    ");
            for c in 0..4 {
                let _ = write!(s, "\"0x{:016X}\"", md.history_uuids[row * 4 + c]);
                if c < 3 {
                    s.push_str(", ");
                }
            }
            s.push_str(if row < 7 { ",\n" } else { "\n" });
        }
        s.push_str("  ],\n");
    }
    let (start, end) = if v09 {
        (off9::PADDING_START, 4096)
    } else {
        (V08_RESERVED_START, 4096)
    };
    let nz: Vec<usize> = (start..end).filter(|&i| buf[i] != 0).collect();
    if nz.is_empty() {
        let _ = writeln!(
            s,
            "  \"padding\": {{ \"start\": {start}, \"end\": {end}, \"non-zero\": {{ }} }},"
        );
    } else {
        let _ = write!(
            s,
            "  \"padding\": {{\n    \"start\": {start},\n    \"end\": {end},\n    \"non-zero\": {{"
        );
        for (k, i) in nz.iter().enumerate() {
            let _ = write!(
                s,
                "{}\n      \"{i}\": \"0x{:02x}\"",
                if k == 0 { "" } else { "," },
                buf[*i]
            );
        }
        s.push_str("\n    }\n  },\n");
    }
    let _ = write!(
        s,
        "  \"#meta\": {{\n    \"dump_time_utc\": \"{}Z\",\n    \"dump_host\": \"{}\",\n    \"md_device_name\": \"{}\",\n    \"dump_offset\": {},\n    \"bd_size\": {},\n    \"dumped_as\": \"{}\",\n    \"looks_like\": \"{}\",\n    \"valid\": \"{}\"\n  }}\n}}\n",
        m.time_utc, m.host, m.md_device_name, m.dump_offset, m.bd_size, m.dumped_as, m.looks_like, m.valid
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppsize_units() {
        assert_eq!(ppsize(4), "4 KB");
        assert_eq!(ppsize(9999), "9999 KB");
        assert_eq!(ppsize(32768), "32 MB");
        assert_eq!(ppsize(1 << 30), "1024 GB");
    }

    #[test]
    fn fresh_v09_gi_line() {
        let mut md = MdCpu {
            current_uuid: 4,
            flags: mdf::AL_CLEAN,
            ..MdCpu::default()
        };
        md.peers[0].bitmap_index = -1;
        assert_eq!(
            v09_line(&md, 0),
            "0000000000000004:0000000000000000:0000000000000000:0000000000000000:0:0:0:0:1:0:0:0:0:0:0:0\n"
        );
    }

    #[test]
    fn peer_flag_names() {
        assert_eq!(peer_flags_comment(0x10011), " # connected | seen | exists");
        assert_eq!(peer_flags_comment(0x40), " # 0x40=?");
        assert_eq!(peer_flags_comment(0), "");
    }

    #[test]
    fn hexdump_shape() {
        let mut b = vec![0u8; 64];
        b[0] = b'A';
        let h = hexdump(0, &b);
        assert_eq!(
            h,
            "00000000  41 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |A...............|\n00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n00000030  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n00000040\n"
        );
    }

    #[test]
    fn json_parses_as_expected_keys() {
        let md = MdCpu {
            current_uuid: 0xDEAD_BEEF_CAFE_1234,
            magic: 0x8374_026D,
            max_peers: 1,
            ..MdCpu::default()
        };
        let buf = md.to_disk_09();
        let m = JsonMeta {
            dumped_as: "v09",
            looks_like: "v09",
            valid: "VALID_MD_FOUND",
            md_device_name: "/x",
            dump_offset: 4096,
            bd_size: 8192,
            host: "h",
            time_utc: "2026-01-01 00:00:00",
        };
        let j = json(&buf, true, &m);
        assert!(j.contains("\"current_uuid\": \"0xDEADBEEFCAFE1234\""));
        assert!(j.contains("\"dump_offset\": 4096"));
        assert!(j.contains("\"non-zero\": { } },"));
        assert_eq!(j.matches("\"bitmap_uuid\"").count(), 32);
    }
}
