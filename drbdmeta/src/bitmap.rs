//! Text form of the on-disk bitmap for `dump-md` (upstream `fprintf_bm()`).
//!
//! The bitmap is a stream of little-endian 32-bit words, interleaved per
//! peer slot: word `k` of slot `p` is stored at word index `k * max_peers + p`.
//! The dump prints each slot as 64-bit values (`0x<high><low>`), 4 per line
//! (8 words), collapses runs of at least 16 identical words to
//! `N times 0x...;`, and adds a `# at NkB` comment every 64 words.  We port
//! the algorithm including its chunked reading (32 MiB rounded down to a
//! multiple of 4 KiB x max_peers), because run detection stops at chunk
//! boundaries and that is visible in the output.

use std::io::Write;

use crate::device::BUFFER_SIZE;
use crate::error::{Error, Result};
use crate::layout::align_up;

const WPL: u64 = 8;

fn word(buf: &[u8], i: u64) -> u32 {
    let o = i as usize * 4;
    u32::from_le_bytes([buf[o], buf[o + 1], buf[o + 2], buf[o + 3]])
}

fn eol(out: &mut dyn Write, r: u64, peer_nr: u64) -> std::io::Result<()> {
    if (r & 63) == peer_nr {
        write!(out, "\n   # at {}kB\n   ", 128 * (r - peer_nr))
    } else {
        write!(out, "\n   ")
    }
}

/// Print `{ ... }` for one peer slot.  `read(offset, len)` reads `len` bytes
/// of the bitmap starting `offset` bytes into it.  Returns the bits set.
pub fn dump_slot(
    out: &mut dyn Write,
    bm_bytes: u64,
    max_peers: u32,
    peer_nr: u32,
    hard_sect: u32,
    read: &mut dyn FnMut(u64, usize) -> Result<Vec<u8>>,
) -> Result<u64> {
    let io = |e: std::io::Error| Error::sanity(format!("write error: {e}"));
    let mp = u64::from(max_peers.max(1));
    let p = u64::from(peer_nr);
    let n = bm_bytes / 4;
    let max_chunk = (BUFFER_SIZE as u64) / (4096 * mp) * (4096 * mp);
    let (mut i, mut r) = (p, p);
    let (mut count, mut bits_set) = (0u64, 0u64);
    let (mut cw, mut lw) = (0u32, 0u32);
    let mut buf: Vec<u8> = Vec::new();
    let mut n_buffer = 0u64;
    let mut bm_off = 0u64;
    let mut first = true;
    write!(out, "{{").map_err(io)?;
    'outer: while r < n {
        if first || i * 4 >= max_chunk {
            if !first {
                i -= max_chunk / 4;
            }
            first = false;
            let chunk = align_up((n - r / mp * mp) * 4, u64::from(hard_sect.max(1))).min(max_chunk);
            buf = read(bm_off, chunk as usize)?;
            bm_off += chunk;
            n_buffer = chunk / 4;
        }
        loop {
            if i >= n_buffer {
                return Err(Error::Bug(format!(
                    "fprintf_bm: i {i} >= n_buffer {n_buffer}"
                )));
            }
            if count == 0 {
                cw = word(&buf, i);
            }
            if i % (WPL * mp) == p {
                if count == 0 {
                    eol(out, r, p).map_err(io)?;
                }
                let mut j = i;
                while j < n_buffer && word(&buf, j) == cw {
                    j += mp;
                }
                let tmp = (j / mp - i / mp) / WPL * WPL;
                if tmp > WPL {
                    count += tmp;
                    r += tmp * mp;
                    i += tmp * mp;
                    if j >= n_buffer && r < n {
                        continue 'outer;
                    }
                }
                if count > 0 {
                    write!(out, " {} times 0x{cw:08X}{cw:08X};", count / 2).map_err(io)?;
                    bits_set += count * u64::from(cw.count_ones());
                    count = 0;
                    if r >= n {
                        break 'outer;
                    }
                    continue;
                }
            }
            break;
        }
        let w = word(&buf, i);
        if (i / mp) & 1 == 0 {
            lw = w;
        } else {
            write!(out, " 0x{w:08X}{lw:08X};").map_err(io)?;
        }
        bits_set += u64::from(w.count_ones());
        r += mp;
        i += mp;
    }
    writeln!(out, "\n}}").map_err(io)?;
    Ok(bits_set)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dump(bm: &[u8], mp: u32, p: u32) -> (String, u64) {
        let mut out = Vec::new();
        let mut rd = |off: u64, len: usize| -> Result<Vec<u8>> {
            let mut v = bm[off as usize..].to_vec();
            v.resize(len, 0);
            Ok(v)
        };
        let bits = dump_slot(&mut out, bm.len() as u64, mp, p, 512, &mut rd).unwrap();
        (String::from_utf8(out).unwrap(), bits)
    }

    #[test]
    fn all_zero_single_peer() {
        let (s, bits) = dump(&[0u8; 4096], 1, 0);
        assert_eq!(s, "{\n   # at 0kB\n    512 times 0x0000000000000000;\n}\n");
        assert_eq!(bits, 0);
    }

    #[test]
    fn empty_bitmap() {
        let (s, _) = dump(&[], 1, 0);
        assert_eq!(s, "{\n}\n");
    }

    #[test]
    fn individual_words_high_then_low() {
        let mut bm = vec![0u8; 4096];
        bm[0..4].copy_from_slice(&0x1111_1111u32.to_le_bytes());
        bm[4..8].copy_from_slice(&0x2222_2222u32.to_le_bytes());
        let (s, bits) = dump(&bm, 1, 0);
        assert!(s.starts_with(
            "{\n   # at 0kB\n    0x2222222211111111; 0x0000000000000000; 0x0000000000000000; 0x0000000000000000;\n    508 times"
        ), "{s}");
        assert_eq!(bits, 16);
    }

    #[test]
    fn interleaved_two_peers() {
        let mut bm = vec![0u8; 8192];
        // word 0 of slot 1 is at word index 1
        bm[4..8].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        let (s0, b0) = dump(&bm, 2, 0);
        let (s1, b1) = dump(&bm, 2, 1);
        assert_eq!(b0, 0);
        assert_eq!(b1, 32);
        assert!(s0.contains("512 times 0x0000000000000000;"), "{s0}");
        assert!(s1.contains(" 0x00000000FFFFFFFF;"), "{s1}");
    }
}
