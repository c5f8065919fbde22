//! The in-memory superblock ([`MdCpu`]) and its big-endian on-disk forms
//! `md_on_disk_07`, `md_on_disk_08` and `meta_data_on_disk_9` (4096 bytes each),
//! plus the validity check upstream calls `is_valid_md()`.
//!
//! Field offsets follow drbd-headers `drbd_meta_data.h` and drbd-utils
//! `drbdmeta.c` (`md_disk_0x_to_cpu()` / `md_cpu_to_disk_0x()`).

use crate::layout::{self, MdIndex, BM_BLOCK_SIZE_MAX, BM_BLOCK_SIZE_MIN, MD_AL_OFFSET_07};

/// `DRBD_MAGIC` from `linux/drbd.h`.
pub const DRBD_MAGIC: u32 = 0x8374_0267;
/// v06 superblock magic.
pub const DRBD_MD_MAGIC_06: u32 = DRBD_MAGIC + 2;
/// v07 superblock magic.
pub const DRBD_MD_MAGIC_07: u32 = DRBD_MAGIC + 3;
/// v08 superblock magic.
pub const DRBD_MD_MAGIC_08: u32 = DRBD_MAGIC + 4;
/// DRBD 8.4 marks v08 meta data "unclean" (AL needs applying) with this magic.
pub const DRBD_MD_MAGIC_84_UNCLEAN: u32 = DRBD_MAGIC + 5;
/// v09 superblock magic.
pub const DRBD_MD_MAGIC_09: u32 = DRBD_MAGIC + 6;

/// Number of node ids / peer slots in a v09 superblock.
pub const DRBD_PEERS_MAX: usize = 32;
/// Number of history UUIDs in a v09 superblock.
pub const HISTORY_UUIDS: usize = 32;
/// Number of history UUIDs in a v08 superblock.
pub const HISTORY_UUIDS_V08: usize = 2;
/// Fresh meta data carries this current UUID.
pub const UUID_JUST_CREATED: u64 = 4;

/// Superblock flags (`enum mdf_flag`).
pub mod mdf {
    /// Data is consistent.
    pub const CONSISTENT: u32 = 1 << 0;
    /// Node was primary.
    pub const PRIMARY_IND: u32 = 1 << 1;
    /// v07/v08: was connected.
    pub const CONNECTED_IND: u32 = 1 << 2;
    /// v07/v08: full sync requested.
    pub const FULL_SYNC: u32 = 1 << 3;
    /// Data was up to date.
    pub const WAS_UP_TO_DATE: u32 = 1 << 4;
    /// v08: peer was outdated.
    pub const PEER_OUT_DATED: u32 = 1 << 5;
    /// Crashed while primary.
    pub const CRASHED_PRIMARY: u32 = 1 << 6;
    /// The activity log is clean.
    pub const AL_CLEAN: u32 = 1 << 7;
    /// The activity log is disabled.
    pub const AL_DISABLED: u32 = 1 << 8;
    /// Primary lost quorum.
    pub const PRIMARY_LOST_QUORUM: u32 = 1 << 9;
}

/// Peer slot flags (`enum mdf_peer_flag`).
pub mod mdf_peer {
    /// Peer was connected.
    pub const CONNECTED: u32 = 1 << 0;
    /// Peer is outdated.
    pub const OUTDATED: u32 = 1 << 1;
    /// Fencing policy in use.
    pub const FENCING: u32 = 1 << 2;
    /// Full sync requested.
    pub const FULL_SYNC: u32 = 1 << 3;
    /// Peer was seen with a disk.
    pub const DEVICE_SEEN: u32 = 1 << 4;
}

/// Indices into the v06/v07 generation counter array.
pub mod gc {
    /// Flags word.
    pub const FLAGS: usize = 0;
    /// Human intervention count.
    pub const HUMAN: usize = 1;
    /// Timeout count.
    pub const TIMEOUT: usize = 2;
    /// Connected count.
    pub const CONNECTED: usize = 3;
    /// Arbitrary count.
    pub const ARBITRARY: usize = 4;
}

/// Meta data format version named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// DRBD 0.6 (plain file per minor).
    V06,
    /// DRBD 0.7.
    V07,
    /// DRBD 8.x.
    V08,
    /// DRBD 9.
    V09,
}

impl Format {
    /// The name as used on the command line and in dumps.
    pub fn name(self) -> &'static str {
        match self {
            Format::V06 => "v06",
            Format::V07 => "v07",
            Format::V08 => "v08",
            Format::V09 => "v09",
        }
    }

    /// Parse a format name.
    pub fn from_name(s: &str) -> Option<Format> {
        match s {
            "v06" => Some(Format::V06),
            "v07" => Some(Format::V07),
            "v08" => Some(Format::V08),
            "v09" => Some(Format::V09),
            _ => None,
        }
    }
}

/// One v09 peer slot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeerMd {
    /// UUID the bitmap of this slot is based on.
    pub bitmap_uuid: u64,
    /// Data generation tag of the bitmap.
    pub bitmap_dagtag: u64,
    /// `mdf_peer` flags.
    pub flags: u32,
    /// Bitmap slot used for this node id, -1 if none.
    pub bitmap_index: i32,
}

/// Version independent superblock contents (`struct md_cpu`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdCpu {
    /// v06/v07 generation counters.
    pub gc: [u32; 5],
    /// Magic number found or to be written.
    pub magic: u32,
    /// Last agreed size in sectors.
    pub effective_size: u64,
    /// Size of the meta data area in sectors.
    pub md_size_sect: u32,
    /// Signed sector offset of the activity log.
    pub al_offset: i32,
    /// Number of AL extents.
    pub al_nr_extents: u32,
    /// Signed sector offset of the bitmap.
    pub bm_offset: i32,
    /// Current data generation UUID.
    pub current_uuid: u64,
    /// History UUIDs (v08 uses the first two).
    pub history_uuids: [u64; HISTORY_UUIDS],
    /// `mdf` flags.
    pub flags: u32,
    /// Device UUID.
    pub device_uuid: u64,
    /// Bitmap granularity.
    pub bm_bytes_per_bit: u32,
    /// Last peer max bio size.
    pub la_peer_max_bio_size: u32,
    /// Number of bitmap slots.
    pub max_peers: u32,
    /// Own node id, -1 if unknown.
    pub node_id: i32,
    /// Peer slots (v08 uses `peers[0].bitmap_uuid` as its bitmap UUID).
    pub peers: [PeerMd; DRBD_PEERS_MAX],
    /// AL stripes.
    pub al_stripes: u32,
    /// AL stripe size in 4 KiB blocks.
    pub al_stripe_size_4k: u32,
    /// v09 members mask.
    pub members: u64,
}

impl Default for MdCpu {
    fn default() -> Self {
        MdCpu {
            gc: [0; 5],
            magic: 0,
            effective_size: 0,
            md_size_sect: 0,
            al_offset: 0,
            al_nr_extents: 0,
            bm_offset: 0,
            current_uuid: 0,
            history_uuids: [0; HISTORY_UUIDS],
            flags: 0,
            device_uuid: 0,
            bm_bytes_per_bit: 0,
            la_peer_max_bio_size: 0,
            max_peers: 0,
            node_id: 0,
            peers: [PeerMd::default(); DRBD_PEERS_MAX],
            al_stripes: 0,
            al_stripe_size_4k: 0,
            members: 0,
        }
    }
}

fn be32(b: &[u8], o: usize) -> u32 {
    u32::from_be_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}

fn be64(b: &[u8], o: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[o..o + 8]);
    u64::from_be_bytes(a)
}

fn put32(b: &mut [u8], o: usize, v: u32) {
    b[o..o + 4].copy_from_slice(&v.to_be_bytes());
}

fn put64(b: &mut [u8], o: usize, v: u64) {
    b[o..o + 8].copy_from_slice(&v.to_be_bytes());
}

/// Offsets inside `meta_data_on_disk_9`.
pub mod off9 {
    /// First peer slot.
    pub const PEERS: usize = 112;
    /// Size of one peer slot.
    pub const PEER_SIZE: usize = 32;
    /// First history UUID.
    pub const HISTORY: usize = 1136;
    /// Start of the zero padding.
    pub const PADDING_START: usize = 1392;
    /// Reserved u64 array (3 entries).
    pub const RESERVED_U64: usize = 24;
    /// Reserved u32 array (2 entries).
    pub const RESERVED_U32: usize = 104;
}

/// Start of the reserved area of `md_on_disk_08`.
pub const V08_RESERVED_START: usize = 8 * (4 + 3) + 4 * 11;

impl MdCpu {
    /// `md_disk_07_to_cpu()`.
    pub fn from_disk_07(b: &[u8]) -> MdCpu {
        let mut md = MdCpu {
            effective_size: be64(b, 0) << 1,
            ..MdCpu::default()
        };
        for i in 0..5 {
            md.gc[i] = be32(b, 8 + 4 * i);
        }
        md.magic = be32(b, 28);
        md.md_size_sect = be32(b, 32) << 1;
        md.al_offset = be32(b, 36) as i32;
        md.al_nr_extents = be32(b, 40);
        md.bm_offset = be32(b, 44) as i32;
        md.bm_bytes_per_bit = 4096;
        md.max_peers = 1;
        md.al_stripes = 1;
        md.al_stripe_size_4k = 8;
        md
    }

    /// `md_cpu_to_disk_07()`.
    pub fn to_disk_07(&self) -> Vec<u8> {
        let mut b = vec![0u8; 4096];
        put64(&mut b, 0, self.effective_size >> 1);
        for i in 0..5 {
            put32(&mut b, 8 + 4 * i, self.gc[i]);
        }
        put32(&mut b, 28, self.magic);
        put32(&mut b, 32, self.md_size_sect >> 1);
        put32(&mut b, 36, self.al_offset as u32);
        put32(&mut b, 40, self.al_nr_extents);
        put32(&mut b, 44, self.bm_offset as u32);
        b
    }

    /// `md_disk_08_to_cpu()`.
    pub fn from_disk_08(b: &[u8]) -> MdCpu {
        let mut md = MdCpu {
            effective_size: be64(b, 0),
            current_uuid: be64(b, 8),
            ..MdCpu::default()
        };
        md.peers[0].bitmap_uuid = be64(b, 16);
        md.history_uuids[0] = be64(b, 24);
        md.history_uuids[1] = be64(b, 32);
        md.device_uuid = be64(b, 40);
        md.flags = be32(b, 56);
        md.magic = be32(b, 60);
        md.md_size_sect = be32(b, 64);
        md.al_offset = be32(b, 68) as i32;
        md.al_nr_extents = be32(b, 72);
        md.bm_offset = be32(b, 76) as i32;
        md.bm_bytes_per_bit = be32(b, 80);
        md.la_peer_max_bio_size = be32(b, 84);
        md.max_peers = 1;
        md.al_stripes = be32(b, 88);
        md.al_stripe_size_4k = be32(b, 92);
        // not set? --> default to the old fixed size activity log
        if md.al_stripes == 0 && md.al_stripe_size_4k == 0 {
            md.al_stripes = 1;
            md.al_stripe_size_4k = 8;
        }
        md
    }

    /// `md_cpu_to_disk_08()`.
    pub fn to_disk_08(&self) -> Vec<u8> {
        let mut b = vec![0u8; 4096];
        put64(&mut b, 0, self.effective_size);
        put64(&mut b, 8, self.current_uuid);
        put64(&mut b, 16, self.peers[0].bitmap_uuid);
        put64(&mut b, 24, self.history_uuids[0]);
        put64(&mut b, 32, self.history_uuids[1]);
        put64(&mut b, 40, self.device_uuid);
        put32(&mut b, 56, self.flags);
        put32(&mut b, 60, self.magic);
        put32(&mut b, 64, self.md_size_sect);
        put32(&mut b, 68, self.al_offset as u32);
        put32(&mut b, 72, self.al_nr_extents);
        put32(&mut b, 76, self.bm_offset as u32);
        put32(&mut b, 80, self.bm_bytes_per_bit);
        put32(&mut b, 84, self.la_peer_max_bio_size);
        put32(&mut b, 88, self.al_stripes);
        put32(&mut b, 92, self.al_stripe_size_4k);
        b
    }

    /// `md_disk_09_to_cpu()`; max_peers above 31 is clamped to 31.
    pub fn from_disk_09(b: &[u8]) -> MdCpu {
        let mut md = MdCpu {
            effective_size: be64(b, 0),
            current_uuid: be64(b, 8),
            members: be64(b, 16),
            device_uuid: be64(b, 48),
            flags: be32(b, 56),
            magic: be32(b, 60),
            md_size_sect: be32(b, 64),
            al_offset: be32(b, 68) as i32,
            al_nr_extents: be32(b, 72),
            bm_offset: be32(b, 76) as i32,
            bm_bytes_per_bit: be32(b, 80),
            la_peer_max_bio_size: be32(b, 84),
            max_peers: be32(b, 88),
            node_id: be32(b, 92) as i32,
            al_stripes: be32(b, 96),
            al_stripe_size_4k: be32(b, 100),
            ..MdCpu::default()
        };
        if md.max_peers > (DRBD_PEERS_MAX - 1) as u32 {
            md.max_peers = (DRBD_PEERS_MAX - 1) as u32;
        }
        for (p, peer) in md.peers.iter_mut().enumerate() {
            let o = off9::PEERS + p * off9::PEER_SIZE;
            peer.bitmap_uuid = be64(b, o);
            peer.bitmap_dagtag = be64(b, o + 8);
            peer.flags = be32(b, o + 16);
            peer.bitmap_index = be32(b, o + 20) as i32;
        }
        for (i, h) in md.history_uuids.iter_mut().enumerate() {
            *h = be64(b, off9::HISTORY + 8 * i);
        }
        md
    }

    /// `md_cpu_to_disk_09()`.
    pub fn to_disk_09(&self) -> Vec<u8> {
        let mut b = vec![0u8; 4096];
        put64(&mut b, 0, self.effective_size);
        put64(&mut b, 8, self.current_uuid);
        put64(&mut b, 16, self.members);
        put64(&mut b, 48, self.device_uuid);
        put32(&mut b, 56, self.flags);
        put32(&mut b, 60, self.magic);
        put32(&mut b, 64, self.md_size_sect);
        put32(&mut b, 68, self.al_offset as u32);
        put32(&mut b, 72, self.al_nr_extents);
        put32(&mut b, 76, self.bm_offset as u32);
        put32(&mut b, 80, self.bm_bytes_per_bit);
        put32(&mut b, 84, self.la_peer_max_bio_size);
        put32(&mut b, 88, self.max_peers);
        put32(&mut b, 92, self.node_id as u32);
        put32(&mut b, 96, self.al_stripes);
        put32(&mut b, 100, self.al_stripe_size_4k);
        for (p, peer) in self.peers.iter().enumerate() {
            let o = off9::PEERS + p * off9::PEER_SIZE;
            put64(&mut b, o, peer.bitmap_uuid);
            put64(&mut b, o + 8, peer.bitmap_dagtag);
            put32(&mut b, o + 16, peer.flags);
            put32(&mut b, o + 20, peer.bitmap_index as u32);
        }
        for (i, h) in self.history_uuids.iter().enumerate() {
            put64(&mut b, off9::HISTORY + 8 * i, *h);
        }
        b
    }

    /// Decode a superblock in the given format (v06 uses gc[5] + magic).
    pub fn from_disk(format: Format, b: &[u8]) -> MdCpu {
        match format {
            Format::V06 => {
                let mut md = MdCpu::default();
                for i in 0..5 {
                    md.gc[i] = be32(b, 4 * i);
                }
                md.magic = be32(b, 20);
                md.max_peers = 1;
                md
            }
            Format::V07 => MdCpu::from_disk_07(b),
            Format::V08 => MdCpu::from_disk_08(b),
            Format::V09 => MdCpu::from_disk_09(b),
        }
    }

    /// Encode in the given format.
    pub fn to_disk(&self, format: Format) -> Vec<u8> {
        match format {
            Format::V06 => {
                let mut b = vec![0u8; 24];
                for i in 0..5 {
                    put32(&mut b, 4 * i, self.gc[i]);
                }
                put32(&mut b, 20, self.magic);
                b
            }
            Format::V07 => self.to_disk_07(),
            Format::V08 => self.to_disk_08(),
            Format::V09 => self.to_disk_09(),
        }
    }

    /// Activity log size in sectors.
    pub fn al_size_sect(&self) -> i64 {
        i64::from(self.al_stripes) * i64::from(self.al_stripe_size_4k) * 8
    }
}

/// Outcome of [`validate`]: either valid, or silently/noisily invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validity {
    /// The superblock is valid for the requested format and layout.
    Valid,
    /// The magic does not match (upstream only mentions this with -v).
    NoMagic(String),
    /// Magic matched, but something else is wrong; upstream prints this.
    Invalid(String),
}

impl Validity {
    /// True if valid.
    pub fn is_valid(&self) -> bool {
        matches!(self, Validity::Valid)
    }
}

/// `is_valid_md()` for v07, v08 and v09.  `ll_size` is the size in bytes of the
/// device holding the meta data (only used for flexible internal meta data).
pub fn validate(f: Format, md: &MdCpu, index: MdIndex, ll_size: u64) -> Validity {
    let v = f.name();
    let magic_ok = match f {
        Format::V06 => md.magic == DRBD_MD_MAGIC_06,
        Format::V07 => md.magic == DRBD_MD_MAGIC_07,
        Format::V08 => md.magic == DRBD_MD_MAGIC_08 || md.magic == DRBD_MD_MAGIC_84_UNCLEAN,
        Format::V09 => md.magic == DRBD_MD_MAGIC_09,
    };
    if !magic_ok {
        return Validity::NoMagic(format!("{v} Magic number not found"));
    }
    if f == Format::V06 {
        return Validity::Valid;
    }
    if md.max_peers < 1 || md.max_peers > (DRBD_PEERS_MAX - 1) as u32 {
        return Validity::Invalid(format!(
            "{v} max-peers value {} out of bounds",
            md.max_peers
        ));
    }
    if md.node_id < -1 || md.node_id > (DRBD_PEERS_MAX - 1) as i32 {
        return Validity::Invalid(format!(
            "{v} device node-id value {} out of bounds",
            md.node_id
        ));
    }
    for n in 0..md.max_peers as usize {
        let bi = md.peers[n].bitmap_index;
        if !(-1..=(DRBD_PEERS_MAX - 1) as i32).contains(&bi) {
            return Validity::Invalid(format!(
                "{v} peer device {n} node-id value {bi} out of bounds"
            ));
        }
    }
    let al_size_sect = md.al_size_sect();
    match index {
        MdIndex::Internal | MdIndex::FlexExternal | MdIndex::Indexed(_) => {
            if md.al_offset != MD_AL_OFFSET_07 {
                return Validity::Invalid(format!(
                    "{v} Magic number (al_offset) not found\n\texpected: {}, found {}",
                    MD_AL_OFFSET_07, md.al_offset
                ));
            }
            let exp = i64::from(MD_AL_OFFSET_07) + al_size_sect;
            if i64::from(md.bm_offset) != exp {
                return Validity::Invalid(format!(
                    "{v} bm_offset: expected {exp}, found {}",
                    md.bm_offset
                ));
            }
        }
        MdIndex::FlexInternal => {
            if i64::from(md.al_offset) != -al_size_sect {
                return Validity::Invalid(format!(
                    "{v} al_offset: expected {}, found {}",
                    -al_size_sect, md.al_offset
                ));
            }
            // bm_bytes() asserts a sane granularity; refuse garbage instead of aborting.
            let bpb = md.bm_bytes_per_bit;
            if !bpb.is_power_of_two() || !(BM_BLOCK_SIZE_MIN..=BM_BLOCK_SIZE_MAX).contains(&bpb) {
                return Validity::Invalid(format!("{v} strange bm_bytes_per_bit {bpb}"));
            }
            let mut md_size_sect =
                layout::align_up(layout::bm_bytes(bpb, md.max_peers, ll_size >> 9) >> 9, 8);
            md_size_sect += MD_AL_OFFSET_07 as u64 + al_size_sect as u64;
            let exp = -(md_size_sect as i64) + i64::from(MD_AL_OFFSET_07);
            if i64::from(md.bm_offset) != exp {
                return Validity::Invalid(format!(
                    "strange bm_offset {} (expected: {exp})",
                    md.bm_offset
                ));
            }
            if u64::from(md.md_size_sect) != md_size_sect {
                let msg = format!(
                    "strange md_size_sect {} (expected: {md_size_sect})",
                    md.md_size_sect
                );
                // was inconsistently implemented in v07: not an error there
                if f != Format::V07 {
                    return Validity::Invalid(msg);
                }
            }
        }
    }
    Validity::Valid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> MdCpu {
        let mut md = MdCpu {
            effective_size: 0x1234_5678,
            current_uuid: 0xDEAD_BEEF_CAFE_1234,
            members: 7,
            device_uuid: 0x1111,
            flags: 0x91,
            magic: DRBD_MD_MAGIC_09,
            md_size_sect: 80,
            al_offset: -64,
            al_nr_extents: 257,
            bm_offset: -72,
            bm_bytes_per_bit: 4096,
            la_peer_max_bio_size: 1 << 20,
            max_peers: 3,
            node_id: 2,
            al_stripes: 1,
            al_stripe_size_4k: 8,
            ..MdCpu::default()
        };
        for (i, p) in md.peers.iter_mut().enumerate() {
            p.bitmap_uuid = i as u64 * 2;
            p.bitmap_dagtag = 5;
            p.flags = 0x10;
            p.bitmap_index = if i < 3 { i as i32 } else { -1 };
        }
        md.history_uuids[31] = 0xFF;
        md
    }

    #[test]
    fn v09_roundtrip_and_offsets() {
        let md = sample();
        let b = md.to_disk_09();
        assert_eq!(b.len(), 4096);
        assert_eq!(&b[60..64], &DRBD_MD_MAGIC_09.to_be_bytes());
        assert_eq!(&b[68..72], &(-64i32).to_be_bytes());
        assert_eq!(&b[1136 + 31 * 8..1136 + 32 * 8], &0xFFu64.to_be_bytes());
        assert!(b[off9::PADDING_START..].iter().all(|&x| x == 0));
        assert_eq!(MdCpu::from_disk_09(&b), md);
    }

    #[test]
    fn v08_roundtrip_and_stripe_default() {
        let mut md = sample();
        md.magic = DRBD_MD_MAGIC_08;
        md.max_peers = 1;
        md.node_id = 0;
        md.members = 0;
        let b = md.to_disk_08();
        let back = MdCpu::from_disk_08(&b);
        assert_eq!(back.current_uuid, md.current_uuid);
        assert_eq!(back.peers[0].bitmap_uuid, md.peers[0].bitmap_uuid);
        assert_eq!(back.al_offset, -64);
        let mut z = b.clone();
        z[88..96].fill(0);
        let d = MdCpu::from_disk_08(&z);
        assert_eq!((d.al_stripes, d.al_stripe_size_4k), (1, 8));
    }

    #[test]
    fn v07_kib_units() {
        let mut md = MdCpu {
            effective_size: 2048,
            magic: DRBD_MD_MAGIC_07,
            md_size_sect: 262_144,
            al_offset: 8,
            bm_offset: 72,
            ..MdCpu::default()
        };
        md.gc = [1, 2, 3, 4, 5];
        let b = md.to_disk_07();
        assert_eq!(&b[0..8], &1024u64.to_be_bytes());
        let back = MdCpu::from_disk_07(&b);
        assert_eq!(back.effective_size, 2048);
        assert_eq!(back.gc, [1, 2, 3, 4, 5]);
        assert_eq!(back.md_size_sect, 262_144);
    }

    #[test]
    fn max_peers_clamped() {
        let mut b = sample().to_disk_09();
        b[88..92].copy_from_slice(&40u32.to_be_bytes());
        assert_eq!(MdCpu::from_disk_09(&b).max_peers, 31);
    }

    #[test]
    fn validate_checks() {
        let md = sample();
        let mut m1 = md.clone();
        m1.max_peers = 1;
        m1.peers[1].bitmap_index = -1;
        assert!(validate(Format::V09, &m1, MdIndex::FlexInternal, 128 << 20).is_valid());
        assert!(matches!(
            validate(Format::V08, &md, MdIndex::FlexInternal, 128 << 20),
            Validity::NoMagic(_)
        ));
        let mut bad = m1.clone();
        bad.bm_offset = -80;
        assert!(matches!(
            validate(Format::V09, &bad, MdIndex::FlexInternal, 128 << 20),
            Validity::Invalid(_)
        ));
        assert!(matches!(
            validate(Format::V09, &m1, MdIndex::Indexed(0), 1 << 30),
            Validity::Invalid(_)
        ));
        let mut bi = m1;
        bi.peers[0].bitmap_index = 40;
        assert!(matches!(
            validate(Format::V09, &bi, MdIndex::FlexInternal, 128 << 20),
            Validity::Invalid(_)
        ));
    }
}
