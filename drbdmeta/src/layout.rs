//! On-disk layout arithmetic: where the superblock, activity log and bitmap
//! live for each meta data index, and how large the bitmap must be.
//!
//! Ported from the formulas of upstream `v07_style_md_get_byte_offset()`,
//! `re_initialize_md_offsets()`, `bm_bytes()` and `max_usable_sectors()`
//! (drbd-utils `user/shared/drbdmeta.c`).  Offsets inside the superblock are
//! signed 512-byte sectors relative to the superblock; everything else here is
//! in bytes unless the name says `_sect`.

/// The superblock occupies the first 4 KiB (8 sectors) of external meta data.
pub const MD_AL_OFFSET_07: i32 = 8;
/// Size of the fixed v07 activity log in sectors.
pub const MD_AL_MAX_SECT_07: i32 = 64;
/// Bitmap offset of fixed-size v07 meta data.
pub const MD_BM_OFFSET_07: i32 = MD_AL_OFFSET_07 + MD_AL_MAX_SECT_07;
/// One indexed external slot (and v07 fixed internal meta data): 128 MiB in sectors.
pub const MD_RESERVED_SECT_07: u64 = 128 << 11;
/// Largest bitmap (per peer) of flexible meta data on 64 bit hosts.
pub const MD_BM_MAX_BYTE_FLEX: u64 = 1 << (38 - 3);
/// Smallest and largest bitmap granularity.
pub const BM_BLOCK_SIZE_MIN: u32 = 4096;
/// See [`BM_BLOCK_SIZE_MIN`].
pub const BM_BLOCK_SIZE_MAX: u32 = 1 << 20;
/// `check_for_existing_data()` reads this much; devices must be at least this large.
pub const SO_MUCH: u64 = 68 * 1024;

/// Where the meta data lives relative to the device given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MdIndex {
    /// v07 fixed-size internal meta data (the last 128 MiB of the device).
    Internal,
    /// Flexible internal meta data at the end of the device (v08/v09 "internal").
    FlexInternal,
    /// The whole meta data device.
    FlexExternal,
    /// Slot N of an indexed external meta data device, at N x 128 MiB.
    Indexed(u8),
}

impl MdIndex {
    /// True for the two internal flavours.
    pub fn is_internal(self) -> bool {
        matches!(self, MdIndex::Internal | MdIndex::FlexInternal)
    }

    /// Upstream opens internal and flexible external meta data with O_EXCL,
    /// indexed external meta data (shared by several minors) without.
    pub fn wants_exclusive_open(self) -> bool {
        !matches!(self, MdIndex::Indexed(_))
    }
}

/// Byte offset of the 4 KiB superblock (`v07_style_md_get_byte_offset()`).
pub fn md_byte_offset(index: MdIndex, bd_size: u64) -> u64 {
    match index {
        MdIndex::Indexed(n) => MD_RESERVED_SECT_07 * u64::from(n) * 512,
        MdIndex::Internal => (bd_size & !4095).wrapping_sub(MD_RESERVED_SECT_07 * 512),
        MdIndex::FlexInternal => bd_size.wrapping_sub(4096) & !4095,
        MdIndex::FlexExternal => 0,
    }
}

/// Bytes needed by indexed slot `n` (its end offset on the meta device).
pub fn indexed_slot_end(n: u8) -> u64 {
    MD_RESERVED_SECT_07 * 512 * (u64::from(n) + 1)
}

/// Round `x` up to a multiple of the power of two `a`.
pub fn align_up(x: u64, a: u64) -> u64 {
    (x + a - 1) & !(a - 1)
}

/// Bitmap bytes (all peer slots, 4 KiB aligned) needed for `sectors` of storage
/// (`bm_bytes()`): bits rounded up to 64, times max_peers, rounded to 4 KiB.
pub fn bm_bytes(bm_bytes_per_bit: u32, max_peers: u32, sectors: u64) -> u64 {
    let sectors_per_bit = u64::from(bm_bytes_per_bit >> 9).max(1);
    let bits = align_up(sectors.div_ceil(sectors_per_bit), 64);
    align_up(bits / 8 * u64::from(max_peers), 4096)
}

/// The result of `re_initialize_md_offsets()`: superblock fields and byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Size of the whole meta data area in sectors.
    pub md_size_sect: u64,
    /// Signed sector offset of the activity log relative to the superblock.
    pub al_offset: i32,
    /// Signed sector offset of the bitmap relative to the superblock.
    pub bm_offset: i32,
    /// Bitmap bytes the layout provides room for.
    pub bm_bytes: u64,
}

/// Errors of the layout arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayoutError {
    /// "Bitmap for that device got too large."
    BitmapTooLarge,
}

/// Compute the layout for `index` (`re_initialize_md_offsets()`).
///
/// `bd_size` is the size in bytes of the device that holds the meta data.
pub fn compute_layout(
    index: MdIndex,
    bd_size: u64,
    al_stripes: u32,
    al_stripe_size_4k: u32,
    bm_bytes_per_bit: u32,
    max_peers: u32,
) -> Result<Layout, LayoutError> {
    let al_size_sect = i64::from(al_stripes) * i64::from(al_stripe_size_4k) * 8;
    let ext = |md_size_sect: u64, bm_offset: i32| Layout {
        md_size_sect,
        al_offset: MD_AL_OFFSET_07,
        bm_offset,
        bm_bytes: 512u64.wrapping_mul(md_size_sect.wrapping_sub(bm_offset as i64 as u64)),
    };
    Ok(match index {
        MdIndex::Indexed(_) => ext(
            MD_RESERVED_SECT_07,
            (i64::from(MD_AL_OFFSET_07) + al_size_sect) as i32,
        ),
        MdIndex::FlexExternal => ext(
            bd_size >> 9,
            (i64::from(MD_AL_OFFSET_07) + al_size_sect) as i32,
        ),
        MdIndex::Internal => ext(MD_RESERVED_SECT_07, MD_BM_OFFSET_07),
        MdIndex::FlexInternal => {
            let bm = bm_bytes(bm_bytes_per_bit, max_peers, bd_size >> 9);
            let mut md_size_sect = align_up(bm >> 9, 8);
            if md_size_sect > (MD_BM_MAX_BYTE_FLEX >> 9) * u64::from(max_peers) {
                return Err(LayoutError::BitmapTooLarge);
            }
            md_size_sect += MD_AL_OFFSET_07 as u64 + al_size_sect as u64;
            Layout {
                md_size_sect,
                al_offset: (-al_size_sect) as i32,
                bm_offset: (-(md_size_sect as i64) + i64::from(MD_AL_OFFSET_07)) as i32,
                bm_bytes: bm,
            }
        }
    })
}

/// Apply a signed sector offset to a byte offset.
pub fn offset_add(md_offset: u64, sect: i32) -> u64 {
    (md_offset as i64 + i64::from(sect) * 512) as u64
}

/// Usable data sectors (`max_usable_sectors()`).
///
/// Internal: everything in front of the first meta data byte.  External: what
/// the on-disk bitmap can cover.
// mirrors the inputs of upstream max_usable_sectors(cfg) one by one
#[allow(clippy::too_many_arguments)]
pub fn max_usable_sectors(
    index: MdIndex,
    md_offset: u64,
    al_offset: u64,
    bm_offset: u64,
    md_size_sect: u32,
    bm_offset_sect: i32,
    max_peers: u32,
    bm_bytes_per_bit: u32,
) -> u64 {
    if index.is_internal() {
        md_offset.min(al_offset).min(bm_offset) >> 9
    } else {
        // u128: garbage superblocks must not overflow (upstream wraps silently)
        let bm_sect = (i64::from(md_size_sect) - i64::from(bm_offset_sect)) as u64 as u128;
        (bm_sect * 512 * 8 / 64 / u128::from(max_peers.max(1)) * 64 * u128::from(bm_bytes_per_bit)
            / 512) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_128m_internal_one_peer() {
        let bd = 134_217_728;
        let l = compute_layout(MdIndex::FlexInternal, bd, 1, 8, 4096, 1).unwrap();
        assert_eq!(l.md_size_sect, 80);
        assert_eq!(l.al_offset, -64);
        assert_eq!(l.bm_offset, -72);
        let md = md_byte_offset(MdIndex::FlexInternal, bd);
        assert_eq!(md, 134_213_632);
        assert_eq!(offset_add(md, l.al_offset), 134_180_864);
        assert_eq!(offset_add(md, l.bm_offset), 134_176_768);
        let usable = max_usable_sectors(
            MdIndex::FlexInternal,
            md,
            offset_add(md, l.al_offset),
            offset_add(md, l.bm_offset),
            80,
            -72,
            1,
            4096,
        );
        assert_eq!(usable, 262_064);
    }

    #[test]
    fn grow_64m_to_65m_adds_one_bitmap_block() {
        let a = bm_bytes(4096, 4, 64 << 11);
        let b = bm_bytes(4096, 4, 65 << 11);
        assert_eq!(a, 8192);
        assert_eq!(b - a, 4096);
    }

    #[test]
    fn indexed_offsets() {
        assert_eq!(md_byte_offset(MdIndex::Indexed(0), 1 << 30), 0);
        assert_eq!(
            md_byte_offset(MdIndex::Indexed(3), 1 << 30),
            3 * 128 * 1024 * 1024
        );
        assert_eq!(indexed_slot_end(3), 4 * 128 * 1024 * 1024);
        let l = compute_layout(MdIndex::Indexed(3), 1 << 30, 1, 8, 4096, 1).unwrap();
        assert_eq!((l.md_size_sect, l.al_offset, l.bm_offset), (262_144, 8, 72));
        assert_eq!(l.bm_bytes, 512 * (262_144 - 72));
    }

    #[test]
    fn flex_external_uses_whole_device() {
        let l = compute_layout(MdIndex::FlexExternal, 1 << 30, 2, 16, 4096, 1).unwrap();
        assert_eq!(l.md_size_sect, (1u64 << 30) >> 9);
        assert_eq!(l.bm_offset, 8 + 2 * 16 * 8);
    }

    #[test]
    fn bitmap_granularity_and_peers() {
        // 1 TiB, 4 KiB per bit: 2^28 bits = 32 MiB per peer.
        assert_eq!(bm_bytes(4096, 1, 1 << 31), 32 << 20);
        assert_eq!(bm_bytes(4096, 7, 1 << 31), 7 * (32 << 20));
        assert_eq!(bm_bytes(1 << 20, 1, 1 << 31), 128 << 10);
        // one sector still needs one 64 bit word, rounded to 4 KiB.
        assert_eq!(bm_bytes(4096, 1, 1), 4096);
    }
}
