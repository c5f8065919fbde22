//! The activity log: CRC32C, the 8.4/9 transaction blocks
//! (`al_transaction_on_disk`), the 0.7 sector format (`al_sector_on_disk`),
//! the pmem format, initialisation and replay into a set of hot extents.
//!
//! Ported from upstream `initialize_al()`, `v84_al_disk_to_cpu()`,
//! `v07_al_disk_to_cpu()`, `al_tr_number_to_on_disk_slot()`,
//! `replay_al_84()`, `replay_al_07()` and `replay_al_pmem()`.

/// `DRBD_AL_MAGIC`.
pub const DRBD_AL_MAGIC: u32 = 0x69cb_65a2;
/// `DRBD_AL_PMEM_MAGIC` ("al==pmem").
pub const DRBD_AL_PMEM_MAGIC: u32 = 0x6aa6_67a6;
/// Transaction type of an initialised, empty block.
pub const AL_TR_INITIALIZED: u16 = 0xffff;
/// Updates per 4 KiB transaction.
pub const AL_UPDATES_PER_TRANSACTION: usize = 64;
/// Context slots per 4 KiB transaction.
pub const AL_CONTEXT_PER_TRANSACTION: usize = 919;
/// DRBD 8.4 `DRBD_AL_EXTENTS_MAX`.
pub const AL_EXTENTS_MAX: usize = 65534;
/// One AL extent covers 4 MiB.
pub const AL_EXTENT_SHIFT: u32 = 22;

/// Reflected CRC32C without pre/post inversion, as drbd-utils' `crc32c()`; the one
/// implementation lives in conf-parser (it also computes implicit node ids).
pub use conf_parser::crc32c::crc32c;

fn be32(b: &[u8], o: usize) -> u32 {
    u32::from_be_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}

fn be16(b: &[u8], o: usize) -> u16 {
    u16::from_be_bytes([b[o], b[o + 1]])
}

/// The initialised activity log (`initialize_al()`): for v08 and later every
/// 4 KiB block carries the magic, type 0xffff and a valid crc; v07 is all zero.
pub fn initialized_al(blocks: usize, v08_or_later: bool) -> Vec<u8> {
    let mut buf = vec![0u8; blocks * 4096];
    if v08_or_later && blocks > 0 {
        let mut blk = [0u8; 4096];
        blk[0..4].copy_from_slice(&DRBD_AL_MAGIC.to_be_bytes());
        blk[12..14].copy_from_slice(&AL_TR_INITIALIZED.to_be_bytes());
        let crc = crc32c(0, &blk);
        blk[8..12].copy_from_slice(&crc.to_be_bytes());
        for chunk in buf.chunks_exact_mut(4096) {
            chunk.copy_from_slice(&blk);
        }
    }
    buf
}

/// A decoded 8.4/9 transaction (`struct al_4k_cpu`).
#[derive(Debug, Clone)]
pub struct Al4k {
    /// Magic.
    pub magic: u32,
    /// Transaction number.
    pub tr_number: u32,
    /// Stored crc.
    pub crc32c: u32,
    /// 0 = update, 0xffff = initialised.
    pub transaction_type: u16,
    /// Number of updates.
    pub n_updates: u16,
    /// Active set size.
    pub context_size: u16,
    /// First context slot.
    pub context_start_slot_nr: u16,
    /// Update slot numbers.
    pub update_slot_nr: Vec<u16>,
    /// Update extent numbers.
    pub update_extent_nr: Vec<u32>,
    /// Context extents.
    pub context: Vec<u32>,
    /// Magic and crc are right.
    pub is_valid: bool,
}

/// `v84_al_disk_to_cpu()`.
pub fn decode_84(block: &[u8]) -> Al4k {
    let mut copy = block[..4096].to_vec();
    copy[8..12].fill(0);
    let crc = crc32c(0, &copy);
    let magic = be32(block, 0);
    let stored = be32(block, 8);
    Al4k {
        magic,
        tr_number: be32(block, 4),
        crc32c: stored,
        transaction_type: be16(block, 12),
        n_updates: be16(block, 14),
        context_size: be16(block, 16),
        context_start_slot_nr: be16(block, 18),
        update_slot_nr: (0..AL_UPDATES_PER_TRANSACTION)
            .map(|i| be16(block, 36 + 2 * i))
            .collect(),
        update_extent_nr: (0..AL_UPDATES_PER_TRANSACTION)
            .map(|i| be32(block, 164 + 4 * i))
            .collect(),
        context: (0..AL_CONTEXT_PER_TRANSACTION)
            .map(|i| be32(block, 420 + 4 * i))
            .collect(),
        is_valid: magic == DRBD_AL_MAGIC && stored == crc,
    }
}

/// Block number on disk of transaction `b` (`al_tr_number_to_on_disk_slot()`).
pub fn tr_to_on_disk_slot(b: u32, mx: u32, stripes: u32, stripe_size_4k: u32) -> u32 {
    let t = b % mx;
    (t % stripes) * stripe_size_4k + t / stripes
}

/// Result of replaying an activity log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replay {
    /// `n` valid update transactions; hot extents are filled in.
    Updates(usize),
    /// Nothing to do (clean or pre-8.4 log without valid sectors).
    Clean,
    /// No valid transaction at all (upstream -ENODATA).
    NoData,
    /// Mixed valid/invalid initialised blocks (upstream -EINVAL).
    Invalid,
}

/// `replay_al_84()`: `al` holds the whole log (stripes x stripe_size blocks).
/// Messages go to `log`.  Hot extents are written into `hot` (slot -> extent).
pub fn replay_84(
    al: &[u8],
    stripes: u32,
    stripe_size_4k: u32,
    hot: &mut [u32],
    log: &mut dyn FnMut(String),
) -> Replay {
    let mx = stripes * stripe_size_4k;
    let mut cpu = Vec::with_capacity(mx as usize);
    let mut found_valid = 0u32;
    let mut found_updates = 0u32;
    let (mut oldest, mut newest) = ((0u32, 0u32), (0u32, 0u32)); // (index, tr_number)
    for b in 0..mx {
        let o = tr_to_on_disk_slot(b, mx, stripes, stripe_size_4k) as usize;
        let t = decode_84(&al[o * 4096..o * 4096 + 4096]);
        if t.is_valid {
            found_valid += 1;
            if t.transaction_type != AL_TR_INITIALIZED {
                found_updates += 1;
                if found_updates == 1 {
                    oldest = (b, t.tr_number);
                    newest = oldest;
                } else {
                    if (t.tr_number as i32).wrapping_sub(oldest.1 as i32) < 0 {
                        oldest = (b, t.tr_number);
                    }
                    if (t.tr_number as i32).wrapping_sub(newest.1 as i32) > 0 {
                        newest = (b, t.tr_number);
                    }
                }
            }
        }
        cpu.push(t);
    }
    if found_valid == 0 {
        log("No usable activity log found. Do you need to create-md?".into());
        return Replay::NoData;
    }
    if found_valid != mx {
        log(format!(
            "{} corrupt AL transactions found",
            mx - found_valid
        ));
    }
    if found_updates == 0 {
        if found_valid == mx || (!cpu[0].is_valid && found_valid == mx - 1) {
            return Replay::Clean;
        }
        log("No valid AL update transaction found.".into());
        return Replay::Invalid;
    }
    let mut last = newest.0;
    if last < oldest.0 {
        last += mx;
    }
    for b in oldest.0..=last {
        let t = &cpu[(b % mx) as usize];
        if !t.is_valid || t.transaction_type == AL_TR_INITIALIZED {
            continue;
        }
        for (i, &ext) in t.context.iter().enumerate() {
            let slot = usize::from(t.context_start_slot_nr) + i;
            if ext == u32::MAX && slot >= usize::from(t.context_size) {
                continue;
            }
            if slot >= AL_EXTENTS_MAX {
                log(format!(
                    "slot number out of range: tr:{} slot:{slot}",
                    b % mx
                ));
                continue;
            }
            hot[slot] = ext;
        }
        for i in 0..AL_UPDATES_PER_TRANSACTION {
            let slot = t.update_slot_nr[i];
            if i >= usize::from(t.n_updates) && slot == u16::MAX {
                continue;
            }
            if usize::from(slot) >= AL_EXTENTS_MAX {
                log(format!(
                    "update slot number out of range: tr:{} slot:{slot}",
                    b % mx
                ));
                continue;
            }
            hot[usize::from(slot)] = t.update_extent_nr[i];
        }
    }
    Replay::Updates(found_updates as usize)
}

/// `replay_al_07()`: 512 byte sectors, 61 context slots plus one update each.
pub fn replay_07(
    al: &[u8],
    al_nr_extents: u32,
    hot: &mut [u32],
    log: &mut dyn FnMut(String),
) -> Replay {
    const PT: u32 = 61;
    let mx = (1 + al_nr_extents.div_ceil(PT))
        .min((al.len() / 512) as u32)
        .min(64);
    let mut valid = Vec::new();
    let mut trs = Vec::new();
    let mut found = 0u32;
    let (mut oldest, mut newest) = ((0u32, 0u32), (0u32, 0u32));
    for b in 0..mx {
        let s = &al[b as usize * 512..b as usize * 512 + 512];
        let magic = be32(s, 0);
        let tr = be32(s, 4);
        let mut xor = 0u32;
        for i in 0..62 {
            xor ^= be32(s, 8 + 8 * i + 4);
        }
        let ok = magic == crate::superblock::DRBD_MAGIC && be32(s, 8 + 62 * 8) == xor;
        valid.push(ok);
        trs.push(tr);
        if !ok {
            continue;
        }
        found += 1;
        if found == 1 {
            oldest = (b, tr);
            newest = oldest;
            continue;
        }
        if (tr as i32).wrapping_sub(oldest.1 as i32) < 0 {
            oldest = (b, tr);
        }
        if (tr as i32).wrapping_sub(newest.1 as i32) > 0 {
            newest = (b, tr);
        }
    }
    if found == 0 {
        log("No usable activity log found.".into());
        return Replay::Clean;
    }
    if found != mx {
        log(format!(
            "{} corrupt or uninitialized AL transactions found",
            mx - found
        ));
        log("You can safely ignore this if this node was cleanly stopped (no crash).".into());
    }
    let mut last = newest.0;
    if last < oldest.0 {
        last += mx;
    }
    for b in oldest.0..=last {
        let idx = (b % mx) as usize;
        if !valid[idx] {
            continue;
        }
        let s = &al[idx * 512..idx * 512 + 512];
        for i in (0..=PT as usize).rev() {
            let pos = be32(s, 8 + 8 * i) as usize;
            let ext = be32(s, 8 + 8 * i + 4);
            if ext == u32::MAX {
                continue;
            }
            if pos >= AL_EXTENTS_MAX {
                log(format!("slot number out of range: tr:{idx} slot:{pos}"));
                continue;
            }
            hot[pos] = ext;
        }
    }
    Replay::Updates(found as usize)
}

/// `replay_al_pmem()`: the slots follow the magic directly.
pub fn replay_pmem(al: &[u8], al_nr_extents: u32, hot: &mut [u32]) -> Replay {
    let n = (al_nr_extents as usize)
        .min(AL_EXTENTS_MAX)
        .min(al.len() / 4 - 1);
    for (i, h) in hot.iter_mut().enumerate().take(n) {
        *h = be32(al, 4 + 4 * i);
    }
    Replay::Updates(1)
}

/// The on-disk bitmap byte range touched by one AL extent, for all peer slots
/// (`enr_to_bit_range()`): returns (bit_s, bit_e, word32_pos_s, word32_pos_e).
pub fn extent_bit_range(enr: u64, bits_per_extent: u64, max_peers: u64) -> (u64, u64, u64, u64) {
    let bit_s = enr * bits_per_extent;
    let bit_e = bit_s + bits_per_extent;
    (
        bit_s,
        bit_e,
        bit_s / 32 * max_peers * 4,
        bit_e.div_ceil(32) * max_peers * 4,
    )
}

/// Set the bits of one extent in a bitmap chunk that starts at on-disk byte
/// `chunk_pos`; returns the number of bits newly set (`apply_al()` inner loop).
pub fn set_extent_bits(
    chunk: &mut [u8],
    chunk_pos: u64,
    enr: u64,
    bits_per_extent: u64,
    max_peers: u32,
) -> u64 {
    let (bit_s, bit_e, s, e) = extent_bit_range(enr, bits_per_extent, u64::from(max_peers));
    let from = (s - chunk_pos) as usize;
    let to = (e - chunk_pos) as usize;
    let mut added = 0u64;
    if bits_per_extent >= 32 {
        for b in &mut chunk[from..to] {
            added += u64::from((!*b).count_ones());
            *b = 0xff;
        }
        return added;
    }
    let mut mask = u32::MAX << (bit_s & 31);
    mask &= u32::MAX >> ((32 - (bit_e & 31)) & 31);
    for l in 0..max_peers as usize {
        let o = from + 4 * l;
        let w = u32::from_le_bytes([chunk[o], chunk[o + 1], chunk[o + 2], chunk[o + 3]]);
        let n = w | mask;
        added += u64::from(n.count_ones() - w.count_ones());
        chunk[o..o + 4].copy_from_slice(&n.to_le_bytes());
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32c_known_vectors() {
        // Standard CRC-32C check value uses init/final inversion.
        assert_eq!(!crc32c(!0, b"123456789"), 0xE306_9283);
        assert_eq!(crc32c(0, b""), 0);
    }

    #[test]
    fn initialized_blocks_are_valid_and_clean() {
        let al = initialized_al(8, true);
        for b in al.chunks(4096) {
            let t = decode_84(b);
            assert!(t.is_valid);
            assert_eq!(t.transaction_type, AL_TR_INITIALIZED);
        }
        let mut hot = vec![u32::MAX; AL_EXTENTS_MAX];
        assert_eq!(replay_84(&al, 1, 8, &mut hot, &mut |_| {}), Replay::Clean);
        let zero = initialized_al(8, false);
        assert!(zero.iter().all(|&b| b == 0));
        assert_eq!(
            replay_84(&zero, 1, 8, &mut hot, &mut |_| {}),
            Replay::NoData
        );
    }

    fn update_block(tr: u32, slot: u16, ext: u32) -> Vec<u8> {
        let mut b = vec![0u8; 4096];
        b[0..4].copy_from_slice(&DRBD_AL_MAGIC.to_be_bytes());
        b[4..8].copy_from_slice(&tr.to_be_bytes());
        b[14..16].copy_from_slice(&1u16.to_be_bytes());
        b[16..18].copy_from_slice(&1u16.to_be_bytes());
        for i in 0..AL_UPDATES_PER_TRANSACTION {
            b[36 + 2 * i..38 + 2 * i].copy_from_slice(&u16::MAX.to_be_bytes());
        }
        b[36..38].copy_from_slice(&slot.to_be_bytes());
        b[164..168].copy_from_slice(&ext.to_be_bytes());
        for i in 0..AL_CONTEXT_PER_TRANSACTION {
            b[420 + 4 * i..424 + 4 * i].copy_from_slice(&u32::MAX.to_be_bytes());
        }
        let crc = crc32c(0, &b);
        b[8..12].copy_from_slice(&crc.to_be_bytes());
        b
    }

    #[test]
    fn replay_finds_updates_with_striping() {
        // 2 stripes of 4 blocks: transaction 1 lives in block 4.
        let mut al = initialized_al(8, true);
        let o = tr_to_on_disk_slot(1, 8, 2, 4) as usize;
        assert_eq!(o, 4);
        al[o * 4096..o * 4096 + 4096].copy_from_slice(&update_block(7, 3, 42));
        let mut hot = vec![u32::MAX; AL_EXTENTS_MAX];
        assert_eq!(
            replay_84(&al, 2, 4, &mut hot, &mut |_| {}),
            Replay::Updates(1)
        );
        assert_eq!(hot[3], 42);
    }

    #[test]
    fn set_bits_4k_and_1m() {
        let mut chunk = vec![0u8; 8192];
        // 4k granularity: extent 1 = bits 1024..2048 = bytes 128..256, one peer
        assert_eq!(set_extent_bits(&mut chunk, 0, 1, 1024, 1), 1024);
        assert!(chunk[128..256].iter().all(|&b| b == 0xff));
        assert!(chunk[..128].iter().all(|&b| b == 0));
        // 1M granularity: 4 bits per extent, extent 1 -> bits 4..8 in each of 2 slots
        let mut c2 = vec![0u8; 4096];
        assert_eq!(set_extent_bits(&mut c2, 0, 1, 4, 2), 8);
        assert_eq!(&c2[0..8], &[0xf0, 0, 0, 0, 0xf0, 0, 0, 0]);
    }
}
