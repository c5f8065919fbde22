//! The drbdmeta commands and the state they share ([`Cfg`], upstream's
//! `struct format`): opening meta data (`v07_style_md_open()`,
//! `v08_md_open()`, `v08_check_for_resize()`), writing it back
//! (`md_cpu_to_disk`, `validate_offsets_or_die()`), and one function per
//! command (`meta_create_md()`, `meta_dump_md()`, ...).
//!
//! Differences from upstream that are on purpose: every write is checked
//! and computed before the first byte goes out (option errors, restore
//! parse errors and the final superblock validity are detected first);
//! the activity log and bitmap are flushed before the superblock is
//! written, and the superblock is flushed before success is printed.

use std::io::Write;

use crate::al;
use crate::bitmap;
use crate::cli::{self, InitBitmap, Options, OutputFormat};
use crate::device::{MdDevice, BUFFER_SIZE};
use crate::dump;
use crate::error::{Error, Result};
use crate::layout::{self, align_up, offset_add, LayoutError, MdIndex, SO_MUCH};
use crate::lkbd::{self, LkBdev};
use crate::restore;
use crate::safety::{self, Confirm, ERR_BSIZE, REFUSE_BSIZE};
use crate::superblock::{
    self as sb, gc, mdf, mdf_peer, validate, Format, MdCpu, Validity, DRBD_MD_MAGIC_07,
    DRBD_MD_MAGIC_08, DRBD_MD_MAGIC_09, DRBD_PEERS_MAX, UUID_JUST_CREATED,
};

/// A command table entry (`struct meta_cmd`).
#[derive(Debug, Clone, Copy)]
pub struct CmdInfo {
    /// Command name.
    pub name: &'static str,
    /// Argument synopsis for the usage text.
    pub args: &'static str,
    /// Listed in the usage text.
    pub show_in_usage: bool,
    /// `--node-id` is required (and only allowed here).
    pub node_id_required: bool,
    /// Modifies meta data (refused on an attached minor).
    pub modifies_md: bool,
}

const fn c(name: &'static str, args: &'static str, show: bool, node: bool, m: bool) -> CmdInfo {
    CmdInfo {
        name,
        args,
        show_in_usage: show,
        node_id_required: node,
        modifies_md: m,
    }
}

/// Upstream's `cmds[]`, in order.
pub const COMMANDS: &[CmdInfo] = &[
    c("get-gi", "", true, true, false),
    c("show-gi", "", true, true, false),
    c("dump-md", "", true, false, false),
    c("dump-superblock", "[--output-format={binary,hex,json}]", true, false, false),
    c("hexdump-superblock", "", true, false, false),
    c("restore-md", "file", true, false, true),
    c("verify-dump", "file", true, false, false),
    c("apply-al", "", true, false, true),
    c("wipe-md", "", true, false, true),
    c("outdate", "", true, false, true),
    c("invalidate", "", true, false, true),
    c("dstate", "", true, false, false),
    c("read-dev-uuid", "", false, false, false),
    c("write-dev-uuid", "VAL", false, false, true),
    c("set-gi", ":::VAL:VAL:...", false, true, true),
    c("check-resize", "", true, false, true),
    c(
        "create-md",
        "[--effective-size {val}] [--diskful-peers {val}] [--peer-max-bio-size {val}] [--al-stripes {val}] [--al-stripe-size-kB {val}] [--bitmap-block-size {val}] {max_peers}",
        true,
        false,
        true,
    ),
    c("forget-peer", "", true, true, true),
    c("repair-md", "[--tentative]", true, false, true),
];

/// What opening the meta data found (`enum md_open_rc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenRc {
    /// Valid meta data at the expected place.
    Valid,
    /// Nothing valid.
    NoValid,
    /// Valid internal meta data where the last-known device size puts it.
    AtLastKnown,
}

/// Upstream's `struct format`: everything one run works on.
pub struct Cfg {
    /// Requested format.
    pub format: Format,
    /// Meta data device.
    pub md_device_name: String,
    /// DRBD minor (`None` for DEVICE `-`).
    pub minor: Option<u32>,
    /// Meta data index.
    pub index: MdIndex,
    /// Options.
    pub opts: Options,
    /// Confirmation state.
    pub confirm: Confirm,
    dev: Option<MdDevice>,
    /// Superblock in memory.
    pub md: MdCpu,
    /// Size of the meta data device.
    pub bd_size: u64,
    /// Byte offset of the superblock.
    pub md_offset: u64,
    /// Byte offset of the activity log.
    pub al_offset: u64,
    /// Byte offset of the bitmap.
    pub bm_offset: u64,
    /// Bitmap bytes in use.
    pub bm_bytes: u64,
    /// Bits set (as counted by the last dump).
    pub bits_set: u64,
    /// Usable sectors.
    pub max_usable_sect: u64,
    /// Last known device info.
    pub lk_bd: LkBdev,
    /// Save/delete the lk file on close.
    pub update_lk_bdev: bool,
    wipe_fixed: u64,
    wipe_flex: u64,
    wipe_resize: u64,
    raw_sb: Vec<u8>,
    raw_sb_lk: Vec<u8>,
    /// argv as permuted by getopt.
    pub permuted: Vec<String>,
    out: std::io::BufWriter<std::io::Stdout>,
}

macro_rules! outp {
    ($cfg:expr, $($arg:tt)*) => {{ let _ = write!($cfg.out, $($arg)*); }};
}

impl Cfg {
    fn dev(&self) -> Result<&MdDevice> {
        self.dev
            .as_ref()
            .ok_or_else(|| Error::Bug("meta data device not open".into()))
    }

    fn flush_out(&mut self) {
        let _ = self.out.flush();
    }

    fn confirmed(&mut self, context: Option<&str>, q: &str) -> bool {
        self.flush_out();
        self.confirm.ask(context, q)
    }

    fn lk_path(&self) -> String {
        lkbd::path(self.opts.var_lib_drbd.as_deref(), self.minor)
    }

    fn layout_error(e: LayoutError) -> Error {
        match e {
            LayoutError::BitmapTooLarge => Error::sanity("Bitmap for that device got too large."),
        }
    }

    /// `re_initialize_md_offsets()`.
    fn re_initialize_md_offsets(&mut self) -> Result<()> {
        if self.md.bm_bytes_per_bit == 0 {
            self.md.bm_bytes_per_bit = if self.opts.bm_block_size != 0 {
                self.opts.bm_block_size
            } else {
                4096
            };
        }
        if self.md.max_peers == 0 {
            self.md.max_peers = 1;
        }
        let l = layout::compute_layout(
            self.index,
            self.bd_size,
            self.md.al_stripes,
            self.md.al_stripe_size_4k,
            self.md.bm_bytes_per_bit,
            self.md.max_peers,
        )
        .map_err(Self::layout_error)?;
        self.md.md_size_sect = l.md_size_sect as u32;
        self.md.al_offset = l.al_offset;
        self.md.bm_offset = l.bm_offset;
        self.bm_bytes = l.bm_bytes;
        self.al_offset = offset_add(self.md_offset, self.md.al_offset);
        self.bm_offset = offset_add(self.md_offset, self.md.bm_offset);
        self.max_usable_sect = self.max_usable();
        if self.opts.verbose >= 2 {
            eprintln!("md_offset: {}", self.md_offset);
            eprintln!("al_offset: {} ({})", self.al_offset, self.md.al_offset);
            eprintln!("bm_offset: {} ({})", self.bm_offset, self.md.bm_offset);
            eprintln!("md_size_sect: {}", self.md.md_size_sect);
            eprintln!("max_usable_sect: {}", self.max_usable_sect);
            eprintln!("bm_bytes: {}", self.bm_bytes);
            eprintln!("bm_block_size: {}", self.md.bm_bytes_per_bit);
        }
        Ok(())
    }

    fn max_usable(&self) -> u64 {
        layout::max_usable_sectors(
            self.index,
            self.md_offset,
            self.al_offset,
            self.bm_offset,
            self.md.md_size_sect,
            self.md.bm_offset,
            self.md.max_peers,
            self.md.bm_bytes_per_bit,
        )
    }

    /// `clip_effective_size_and_bm_bytes()`.
    fn clip_effective_size_and_bm_bytes(&mut self) {
        if self.md.effective_size > self.max_usable_sect {
            outp!(
                self,
                "# la-size-sect was too big ({}), truncated ({})!\n",
                self.md.effective_size,
                self.max_usable_sect
            );
            self.md.effective_size = self.max_usable_sect;
        }
        let bpb = self.md.bm_bytes_per_bit.clamp(4096, 1 << 20);
        self.bm_bytes = layout::bm_bytes(bpb, self.md.max_peers, self.md.effective_size);
    }

    fn report_validity(&self, v: &Validity) {
        match v {
            Validity::Valid => {}
            Validity::NoMagic(m) => {
                if self.opts.verbose >= 1 {
                    eprintln!("{m}");
                }
            }
            Validity::Invalid(m) => eprintln!("{m}"),
        }
    }

    /// `v07_style_md_open()` followed, for v08/v09, by `v08_check_for_resize()`.
    pub fn open(&mut self) -> Result<OpenRc> {
        if self.dev.is_none() {
            let (force, quiet) = (self.opts.force, self.opts.quiet);
            let mut conf = std::mem::take(&mut self.confirm);
            let apply_al = self.permuted.iter().any(|a| a == "apply-al");
            let mut ask = |q: &str| {
                if !force && apply_al {
                    return false;
                }
                conf.ask(None, q)
            };
            let d = MdDevice::open(
                &self.md_device_name,
                self.index.wants_exclusive_open(),
                force,
                quiet,
                &mut ask,
            );
            self.confirm = conf;
            let mut d = d?;
            d.dry_run = self.opts.dry_run;
            d.verbose = self.opts.verbose;
            self.bd_size = d.size;
            self.dev = Some(d);
        }
        if self.bd_size < SO_MUCH {
            return Err(Error::sanity(format!(
                "{} is only {} bytes. That's not enough.",
                self.md_device_name, self.bd_size
            )));
        }
        self.md_offset = layout::md_byte_offset(self.index, self.bd_size);
        if self.md_offset > self.bd_size - 4096 {
            return Err(Error::sanity(format!(
                "Device too small: expecting meta data block at\nbyte offset {}, but {} is only {} bytes.",
                self.md_offset as i64, self.md_device_name, self.bd_size
            )));
        }
        if let MdIndex::Indexed(n) = self.index {
            let need = layout::indexed_slot_end(n);
            if need > self.bd_size {
                return Err(Error::sanity(format!(
                    "Meta device too small: index {n} needs {need} bytes (meta data slot at byte offset {} to {need}),\nbut {} is only {} bytes.",
                    self.md_offset, self.md_device_name, self.bd_size
                )));
            }
        }
        let buf = self.dev()?.pread(self.md_offset, 4096, "md_disk_to_cpu")?;
        let md = MdCpu::from_disk(self.format, &buf);
        self.raw_sb = buf;
        let v = validate(self.format, &md, self.index, self.bd_size);
        self.report_validity(&v);
        if self.opts.verbose >= 3 + u32::from(v.is_valid()) && self.opts.verbose <= 10 {
            eprint!("{}", dump::hexdump(self.md_offset, &self.raw_sb));
        }
        if v.is_valid() {
            self.md = md;
            self.al_offset = offset_add(self.md_offset, self.md.al_offset);
            self.bm_offset = offset_add(self.md_offset, self.md.bm_offset);
            self.max_usable_sect = self.max_usable();
            self.clip_effective_size_and_bm_bytes();
            self.bits_set = u64::from(u32::MAX);
            return Ok(OpenRc::Valid);
        }
        if self.format < Format::V08 {
            return Ok(OpenRc::NoValid);
        }
        self.check_for_resize()?;
        if self.lk_bd.bd_size == 0 || self.md.magic == 0 {
            Ok(OpenRc::NoValid)
        } else {
            Ok(OpenRc::AtLastKnown)
        }
    }

    /// `v08_check_for_resize()`.
    fn check_for_resize(&mut self) -> Result<()> {
        if self.index != MdIndex::FlexInternal {
            return Ok(());
        }
        let Some(lk) = lkbd::load(&self.lk_path(), self.opts.quiet) else {
            if self.opts.verbose > 0 {
                eprintln!("no last-known offset information available.");
            }
            return Ok(());
        };
        self.lk_bd = lk;
        let verbose = self.opts.verbose > 0;
        if verbose {
            eprintln!(
                " last known info: {} {}",
                self.lk_bd.bd_size,
                self.lk_bd
                    .bd_name
                    .as_deref()
                    .unwrap_or("-unknown device name-")
            );
            if self.lk_bd.bd_uuid != 0 {
                eprintln!(" last known uuid: {:016X}", self.lk_bd.bd_uuid);
            }
        }
        if self.lk_bd.bd_size == self.bd_size {
            return Ok(());
        }
        let flex_offset = layout::md_byte_offset(MdIndex::FlexInternal, self.lk_bd.bd_size);
        let mut found = None;
        if flex_offset < self.bd_size {
            let b = self
                .dev()?
                .pread(flex_offset, 4096, "v08_check_for_resize")?;
            let t = MdCpu::from_disk(self.format, &b);
            let v = validate(self.format, &t, MdIndex::FlexInternal, self.lk_bd.bd_size);
            self.report_validity(&v);
            if v.is_valid() {
                found = Some(t);
                self.raw_sb_lk = b;
            }
        }
        if verbose {
            let mut m = format!(
                "While checking for internal meta data for drbd{} on {},\nit appears that it may have been relocated.\nIt used to be ",
                self.minor.map(i64::from).unwrap_or(-1),
                self.md_device_name
            );
            if let Some(n) = &self.lk_bd.bd_name {
                if *n != self.md_device_name {
                    m.push_str(&format!("on {n} "));
                }
            }
            m.push_str(&format!("at byte offset {flex_offset}"));
            if found.is_none() {
                m.push_str(", but I cannot find it now.");
                if flex_offset >= self.bd_size {
                    m.push_str("\nDevice is too small now!");
                }
            } else {
                m.push_str(", and seems to still be valid.");
            }
            eprintln!("{m}");
        }
        if let Some(t) = &found {
            if self.lk_bd.bd_uuid != 0 && t.device_uuid != self.lk_bd.bd_uuid {
                let fq = self.opts.force && self.opts.quiet;
                if !fq {
                    eprintln!(
                        "Last known and found uuid differ!?\n{:016X} != {:016X}",
                        self.lk_bd.bd_uuid, self.md.device_uuid
                    );
                }
                if !self.opts.force {
                    found = None;
                    eprintln!("You may --force me to ignore that.");
                } else if !fq {
                    eprintln!("You --force'ed me to ignore that.");
                } else {
                    self.confirm.suppressed += 1;
                }
            }
        }
        if let Some(t) = found {
            self.md = t;
        }
        Ok(())
    }

    /// `validate_offsets_or_die()` + `pwrite_or_die()`.
    fn pwrite(&self, offset: u64, data: &[u8], tag: &str) -> Result<()> {
        self.check_range(offset, data.len() as u64, tag)?;
        self.dev()?.pwrite(offset, data, tag)
    }

    fn check_range(&self, offset: u64, count: u64, tag: &str) -> Result<()> {
        let al = offset_add(self.md_offset, self.md.al_offset);
        let bm = offset_add(self.md_offset, self.md.bm_offset);
        if al != self.al_offset {
            eprintln!("{tag}: ambiguous al_offset: {} vs {al}", self.al_offset);
        }
        if bm != self.bm_offset {
            eprintln!("{tag}: ambiguous bm_offset: {} vs {bm}", self.bm_offset);
        }
        let min = self.md_offset.min(al).min(bm);
        let max = min + u64::from(self.md.md_size_sect) * 512;
        if offset != 0
            && (offset == self.wipe_fixed || offset == self.wipe_flex || offset == self.wipe_resize)
        {
            return Ok(());
        }
        if offset < min || offset + count > max {
            let mut m = format!(
                "{tag}: offset+count ({offset}+{count}) not in meta data area range [{min}; {max}], aborted"
            );
            if self.opts.ignore_sanity_checks {
                eprintln!("{m}\nIgnored due to --ignore-sanity-checks");
            } else {
                m.push_str("\nIf you want to force this, tell me to --ignore-sanity-checks");
                return Err(Error::sanity(m));
            }
        }
        Ok(())
    }

    /// `md_cpu_to_disk`: validate, then write the superblock.  `Ok(false)`
    /// means the in-memory superblock is not valid (upstream returns -1).
    fn write_sb(&mut self) -> Result<bool> {
        let v = validate(self.format, &self.md, self.index, self.bd_size);
        if !v.is_valid() {
            // is_valid_md() prints even the magic mismatch only with -v
            if let Validity::Invalid(m) | Validity::NoMagic(m) = &v {
                if matches!(v, Validity::Invalid(_)) || self.opts.verbose >= 1 {
                    eprintln!("{m}");
                }
            }
            return Ok(false);
        }
        let buf = self.md.to_disk(self.format);
        // everything the superblock points to must be on stable storage first
        self.dev()?.sync()?;
        let len = if self.format == Format::V06 {
            buf.len()
        } else {
            4096
        };
        self.pwrite(self.md_offset, &buf[..len], "md_cpu_to_disk")?;
        if self.format >= Format::V08 {
            self.update_lk_bdev = true;
        }
        Ok(true)
    }

    /// `v08_md_close()` / `generic_md_close()`: lk file, then flush.
    fn close(&mut self) -> Result<()> {
        if self.update_lk_bdev && !self.opts.dry_run && self.format >= Format::V08 {
            let p = self.lk_path();
            if self.index != MdIndex::FlexInternal {
                lkbd::delete(&p);
            } else {
                self.lk_bd = LkBdev {
                    bd_size: self.bd_size,
                    bd_uuid: self.md.device_uuid,
                    bd_name: Some(self.md_device_name.clone()),
                };
                lkbd::save(&p, &self.lk_bd);
            }
        }
        if let Some(d) = &self.dev {
            d.sync()?;
        }
        Ok(())
    }

    /// `initialize_al()`.
    fn initialize_al(&self) -> Result<()> {
        let mx = (self.md.al_stripes * self.md.al_stripe_size_4k) as usize;
        let buf = al::initialized_al(mx, self.format >= Format::V08);
        self.pwrite(self.al_offset, &buf, "md_initialize_common:AL")
    }

    /// `initialize_bitmap()`.
    fn initialize_bitmap(&self) -> Result<()> {
        let hs = u64::from(self.dev()?.hard_sect_size);
        let bytes = align_up(self.bm_bytes, hs);
        let ppb = dump::ppsize(bytes >> 10);
        let tag = "md_initialize_common:BM";
        let mode = self.opts.initialize_bitmap;
        match mode {
            InitBitmap::Skip => {
                eprintln!("SKIPPED initializing bitmap area");
                return Ok(());
            }
            InitBitmap::SetAll => {
                eprintln!("initializing bitmap ({ppb}) to all set using pwrite");
                self.check_range(self.bm_offset, bytes, tag)?;
                return self.dev()?.fill(self.bm_offset, bytes, 0xff, tag);
            }
            InitBitmap::Automatic | InitBitmap::ZeroOut => {
                eprintln!("initializing bitmap ({ppb}) to all zero");
                self.check_range(self.bm_offset, bytes, tag)?;
                match self.dev()?.zero_range_fast(self.bm_offset, bytes, tag) {
                    Ok(()) => return Ok(()),
                    Err(m) => {
                        eprintln!("{m}");
                        if mode == InitBitmap::ZeroOut {
                            return Err(Error::sanity("fast zero-out failed, fallback disabled"));
                        }
                    }
                }
            }
            InitBitmap::Pwrite => {}
        }
        eprintln!("initializing bitmap ({ppb}) to all zero using pwrite");
        self.check_range(self.bm_offset, bytes, tag)?;
        self.dev()?.fill(self.bm_offset, bytes, 0, tag)
    }

    /// `md_initialize` without disk writes: fresh superblock for the format.
    fn md_initialize(&mut self, max_peers: u32) -> Result<()> {
        let mut md = MdCpu::default();
        match self.format {
            Format::V06 | Format::V07 => {
                md.gc = [0, 1, 1, 1, 1];
                md.max_peers = 1;
                md.magic = if self.format == Format::V06 {
                    sb::DRBD_MD_MAGIC_06
                } else {
                    DRBD_MD_MAGIC_07
                };
                md.al_stripes = 1;
                md.al_stripe_size_4k = 8;
            }
            Format::V08 => {
                md.current_uuid = UUID_JUST_CREATED;
                md.flags = mdf::AL_CLEAN;
                md.max_peers = 1;
                md.magic = DRBD_MD_MAGIC_08;
                md.al_stripes = self.opts.al_stripes;
                md.al_stripe_size_4k = self.opts.al_stripe_size_4k;
            }
            Format::V09 => {
                md.max_peers = max_peers;
                md.flags = mdf::AL_CLEAN;
                md.node_id = -1;
                md.magic = DRBD_MD_MAGIC_09;
                md.al_stripes = self.opts.al_stripes;
                md.al_stripe_size_4k = self.opts.al_stripe_size_4k;
                md.current_uuid = UUID_JUST_CREATED;
                for p in md.peers.iter_mut() {
                    p.bitmap_index = -1;
                }
            }
        }
        self.md = md;
        if self.format == Format::V06 {
            return Ok(());
        }
        self.md.al_nr_extents = 257;
        self.md.bm_bytes_per_bit = 0;
        self.re_initialize_md_offsets()
    }

    /// `check_for_existing_data()`.
    fn check_for_existing_data(&mut self) -> Result<()> {
        let data = self
            .dev()?
            .pread(0, SO_MUCH as usize, "check_for_existing_data")?;
        let name = self.md_device_name.clone();
        let Some(f) = safety::probe(&data, &mut || safety::pvs_size(&name)) else {
            return Ok(());
        };
        outp!(self, "md_offset {}\n", self.md_offset);
        outp!(self, "al_offset {}\n", self.al_offset);
        outp!(self, "bm_offset {}\n", self.bm_offset);
        outp!(self, "\nFound {}\n", f.kind);
        let fs_kb = f.bsize.wrapping_mul(f.bnum).wrapping_add(1023) >> 10;
        let max_usable_kb = self.max_usable() >> 1;
        const REFUSE: &str = "If you want me to do this, you need to zero out the first part\nof the device (destroy the content).\nYou should be very sure that you mean it.\nOperation refused.\n\n";
        if f.bnum != 0 {
            if !self.index.is_internal() {
                outp!(self, "\nThis would corrupt existing data.\n");
                if self.opts.ignore_sanity_checks {
                    outp!(self, "\nIgnoring sanity check on user request.\n\n");
                    return Ok(());
                }
                outp!(self, "{REFUSE}");
                return Err(Error::Refused(String::new()));
            }
            if f.bsize < REFUSE_BSIZE {
                outp!(self, "{fs_kb:>12} kB data area apparently used\n");
            }
            outp!(
                self,
                "{max_usable_kb:>12} kB left usable by current configuration\n"
            );
            if f.bsize == ERR_BSIZE {
                outp!(
                    self,
                    "Could not determine the size of the actually used data area.\n\n"
                );
            }
            if f.bsize >= REFUSE_BSIZE {
                outp!(
                    self,
                    "Device size would be truncated, which\nwould corrupt data and result in\n'access beyond end of device' errors.\n"
                );
                if self.opts.ignore_sanity_checks {
                    outp!(self, "\nIgnoring sanity check on user request.\n\n");
                    return Ok(());
                }
                outp!(self, "{REFUSE}");
                return Err(Error::Refused(String::new()));
            }
            if fs_kb > max_usable_kb {
                outp!(
                    self,
                    "\nDevice size would be truncated, which\nwould corrupt data and result in\n'access beyond end of device' errors.\nYou need to either\n   * use external meta data (recommended)\n   * shrink that filesystem first\n   * zero out the device (destroy the filesystem)\nOperation refused.\n\n"
                );
                return Err(Error::Refused(String::new()));
            }
            outp!(
                self,
                "\nEven though it looks like this would place the new meta data into\nunused space, you still need to confirm, as this is only a guess.\n"
            );
        } else {
            outp!(self, "\n ==> This might destroy existing data! <==\n");
        }
        if !self.confirmed(None, "Do you want to proceed?") {
            outp!(self, "Operation canceled.\n");
            return Err(Error::Cancelled(String::new()));
        }
        Ok(())
    }

    /// `detect_md()` on a 4 KiB buffer: the last format that validates.
    fn detect_md(&self, buf: &[u8], index: MdIndex) -> Option<(Format, MdCpu)> {
        let mut have = None;
        for f in [Format::V07, Format::V08, Format::V09] {
            let t = MdCpu::from_disk(f, buf);
            let v = validate(f, &t, index, self.bd_size);
            self.report_validity(&v);
            if v.is_valid() {
                have = Some((f, t));
            }
        }
        have
    }

    /// `convert_md()` and the `md_convert_*()` steps.
    fn convert_md(&mut self, from: Format) -> Result<()> {
        let to = self.format;
        let steps: &[(Format, Format)] = match (from, to) {
            (Format::V07, Format::V08) => &[(Format::V07, Format::V08)],
            (Format::V07, Format::V09) => &[(Format::V07, Format::V08), (Format::V08, Format::V09)],
            (Format::V08, Format::V09) => &[(Format::V08, Format::V09)],
            (Format::V09, Format::V08) => &[(Format::V09, Format::V08)],
            (Format::V08, Format::V07) => &[(Format::V08, Format::V07)],
            (Format::V09, Format::V07) => &[(Format::V09, Format::V08), (Format::V08, Format::V07)],
            (a, b) if a == b => &[],
            _ => return Err(Error::sanity("BUG in convert_md()")),
        };
        for &(a, b) in steps {
            match (a, b) {
                (Format::V07, Format::V08) => {
                    outp!(self, "Converting meta data...\n");
                    let m = &mut self.md;
                    m.magic = DRBD_MD_MAGIC_08;
                    m.flags = m.gc[gc::FLAGS];
                    m.current_uuid = u64::from(m.gc[gc::HUMAN] & 0xffff) << 48
                        | u64::from(m.gc[gc::TIMEOUT] & 0xffff) << 32
                        | u64::from(m.gc[gc::CONNECTED].wrapping_add(m.gc[gc::ARBITRARY]) & 0xffff)
                            << 16
                        | 0xbabe;
                    m.peers[0].bitmap_uuid = 0;
                    // UI_BITMAP=1, UI_HISTORY_START=2, UI_HISTORY_END=3
                    let start = if self.bits_set != 0 { 1 } else { 2 };
                    for (j, i) in (start..=3).enumerate() {
                        let v = m.current_uuid.wrapping_sub((j as u64 + 1) * 0x10000);
                        if i == 1 {
                            m.peers[0].bitmap_uuid = v;
                        } else {
                            m.history_uuids[i - 2] = v;
                        }
                    }
                }
                (Format::V08, Format::V07) => {
                    outp!(self, "Converting meta data...\n");
                    self.md.magic = DRBD_MD_MAGIC_07;
                    outp!(
                        self,
                        "Conversion v08 -> v07 is BROKEN!\nBe prepared to manually intervene!\n"
                    );
                }
                (Format::V08, Format::V09) => {
                    let m = &mut self.md;
                    for p in m.peers.iter_mut() {
                        p.bitmap_uuid = 0;
                        p.flags = 0;
                        p.bitmap_index = -1;
                    }
                    if m.flags & mdf::CONNECTED_IND != 0 {
                        m.peers[0].flags |= mdf_peer::CONNECTED;
                    }
                    if m.flags & mdf::FULL_SYNC != 0 {
                        m.peers[0].flags |= mdf_peer::FULL_SYNC;
                    }
                    if m.flags & mdf::PEER_OUT_DATED != 0 {
                        m.peers[0].flags |= mdf_peer::OUTDATED;
                    }
                    m.flags &= !(mdf::CONNECTED_IND | mdf::FULL_SYNC | mdf::PEER_OUT_DATED);
                    m.node_id = -1;
                    m.magic = DRBD_MD_MAGIC_09;
                }
                (Format::V09, Format::V08) => {
                    let m = &mut self.md;
                    if m.peers[0].flags & mdf_peer::CONNECTED != 0 {
                        m.flags |= mdf::CONNECTED_IND;
                    }
                    if m.peers[0].flags & mdf_peer::FULL_SYNC != 0 {
                        m.flags |= mdf::FULL_SYNC;
                    }
                    if m.peers[0].flags & mdf_peer::OUTDATED != 0 {
                        m.flags |= mdf::PEER_OUT_DATED;
                    }
                    m.magic = DRBD_MD_MAGIC_08;
                    m.max_peers = 1;
                }
                _ => return Err(Error::sanity("BUG in convert_md()")),
            }
            self.re_initialize_md_offsets()?;
            if !validate(b, &self.md, self.index, self.bd_size).is_valid() {
                return Err(Error::Bug("Conversion failed.\nThis is a bug :(".into()));
            }
        }
        Ok(())
    }

    fn signed_lt(a: u64, b: u64) -> bool {
        (a as i64) < (b as i64)
    }

    /// `check_internal_md_flavours()`.
    fn check_internal_md_flavours(&mut self) -> Result<()> {
        let fixed_offset = layout::md_byte_offset(MdIndex::Internal, self.bd_size);
        let flex_offset = layout::md_byte_offset(MdIndex::FlexInternal, self.bd_size);
        let mut have = None;
        let mut fixed = false;
        if (fixed_offset as i64) >= 0 && Self::signed_lt(fixed_offset, self.bd_size - 4096) {
            let b = self
                .dev()?
                .pread(fixed_offset, 4096, "check_internal_md_flavours")?;
            let t = MdCpu::from_disk_07(&b);
            let v = validate(Format::V07, &t, MdIndex::Internal, self.bd_size);
            self.report_validity(&v);
            if v.is_valid() {
                have = Some((Format::V07, t));
                fixed = true;
            }
        }
        if have.is_none() {
            let b = self
                .dev()?
                .pread(flex_offset, 4096, "check_internal_md_flavours")?;
            have = self.detect_md(&b, MdIndex::FlexInternal);
        }
        let Some((have_f, md_now)) = have else {
            return Ok(());
        };
        let context = format!(
            "You want me to create a {}{} style {} internal meta data block.\nThere appears to be a {} {} internal meta data block\nalready in place on {} at byte offset {}",
            self.format.name(),
            if self.format == Format::V07 && self.index == MdIndex::FlexInternal { "(plus)" } else { "" },
            if self.index == MdIndex::FlexInternal { "flexible-size" } else { "fixed-size" },
            have_f.name(),
            if fixed { "fixed-size" } else { "flexible-size" },
            self.md_device_name,
            if fixed { fixed_offset } else { flex_offset }
        );
        let mut ctx = Some(context);
        if self.format == have_f {
            if have_f != Format::V07
                && (self.md.al_stripes != self.opts.al_stripes
                    || self.md.al_stripe_size_4k != self.opts.al_stripe_size_4k)
            {
                if self.confirmed(
                    ctx.as_deref(),
                    "Do you want to change the activity log stripe settings *only*?",
                ) {
                    return Err(Error::Status {
                        code: 30,
                        msg: "Sorry, not yet fully implemented\nTry dump-md > dump.txt; restore-md -s x -z y dump.txt".into(),
                    });
                }
                ctx = None;
            }
            if !self.confirmed(
                ctx.as_deref(),
                "Do you really want to overwrite the existing meta-data?",
            ) {
                outp!(self, "Operation cancelled.\n");
                return Err(Error::Cancelled(String::new()));
            }
            self.md.magic = 0;
        } else {
            let q = format!(
                "Valid {} meta-data found, convert to {}?",
                have_f.name(),
                self.format.name()
            );
            if self.confirmed(ctx.as_deref(), &q) {
                self.md = md_now;
                self.convert_md(have_f)?;
            } else {
                let q = format!(
                    "So you want me to replace the {} meta-data\nwith newly initialized {} meta-data?",
                    have_f.name(),
                    self.format.name()
                );
                if !self.confirmed(None, &q) {
                    outp!(self, "Operation cancelled.\n");
                    return Err(Error::Cancelled(String::new()));
                }
                self.md.magic = 0;
            }
        }
        if have_f == Format::V07 && fixed && self.index == MdIndex::FlexInternal {
            self.wipe_fixed = fixed_offset;
        } else if (have_f != Format::V07 || !fixed)
            && self.format == Format::V07
            && self.index == MdIndex::Internal
        {
            self.wipe_flex = flex_offset;
        }
        Ok(())
    }

    /// `check_external_md_flavours()`.
    fn check_external_md_flavours(&mut self) -> Result<()> {
        if self.md.magic != 0 {
            if !self.confirmed(
                None,
                "Valid meta data seems to be in place.\nDo you really want to overwrite?",
            ) {
                outp!(self, "Operation cancelled.\n");
                return Err(Error::Cancelled(String::new()));
            }
            self.md.magic = 0;
            return Ok(());
        }
        let b = self
            .dev()?
            .pread(self.md_offset, 4096, "check_external_md_flavours")?;
        let Some((have_f, md_now)) = self.detect_md(&b, MdIndex::FlexExternal) else {
            return Ok(());
        };
        let q = format!(
            "Valid {} meta-data found, convert to {}?",
            have_f.name(),
            self.format.name()
        );
        if self.confirmed(None, &q) {
            self.md = md_now;
            self.convert_md(have_f)?;
        } else {
            let q = format!(
                "So you want me to replace the {} meta-data\nwith newly initialized {} meta-data?",
                have_f.name(),
                self.format.name()
            );
            if self.confirmed(None, &q) {
                self.md.magic = 0;
                return Ok(());
            }
            outp!(self, "Operation cancelled.\n");
            return Err(Error::Cancelled(String::new()));
        }
        Ok(())
    }

    /// `v08_move_internal_md_after_resize()`.
    fn move_internal_md_after_resize(&mut self) -> Result<i32> {
        let md_old = self.md.clone();
        let old_offset = layout::md_byte_offset(MdIndex::FlexInternal, self.lk_bd.bd_size);
        if self.lk_bd.bd_size > self.bd_size {
            return Err(Error::sanity("Device is too small now!"));
        }
        self.re_initialize_md_offsets()?;
        eprintln!("Moving the internal meta data to its proper location");
        if self.opts.verbose >= 2 {
            eprintln!("old md_offset: {old_offset}");
            eprintln!(
                "old al_offset: {} ({})",
                offset_add(old_offset, md_old.al_offset),
                md_old.al_offset
            );
            eprintln!(
                "old bm_offset: {} ({})",
                offset_add(old_offset, md_old.bm_offset),
                md_old.bm_offset
            );
            eprintln!("new md_offset: {}", self.md_offset);
            eprintln!("new al_offset: {} ({})", self.al_offset, self.md.al_offset);
            eprintln!("new bm_offset: {} ({})", self.bm_offset, self.md.bm_offset);
            eprintln!("md_size_sect: {}", self.md.md_size_sect);
            eprintln!("max_usable_sect: {}", self.max_usable_sect);
        }
        let old_al = offset_add(old_offset, md_old.al_offset);
        let old_bm = offset_add(old_offset, md_old.bm_offset);
        // activity log: fixed size, directly in front of the old superblock
        let a = self
            .dev()?
            .pread(old_al, (old_offset - old_al) as usize, "move AL")?;
        self.pwrite(self.al_offset, &a, "move AL")?;
        // bitmap, in chunks, peeling off from the end (the areas may overlap)
        let buf = BUFFER_SIZE as u64;
        let mut end = old_al;
        while end > old_bm {
            let start = end.saturating_sub(buf).max(old_bm);
            let d = self
                .dev()?
                .pread(start, (end - start) as usize, "move bitmap")?;
            self.pwrite(self.bm_offset + (start - old_bm), &d, "move bitmap")?;
            end = start;
        }
        if self.opts.initialize_bitmap != InitBitmap::Skip {
            let old_bm_bytes =
                (i64::from(md_old.al_offset) - i64::from(md_old.bm_offset)) as u64 * 512;
            let trail_start = self.bm_offset + old_bm_bytes;
            let trail_end = self.bm_offset + self.bm_bytes;
            if trail_end > trail_start {
                let fill = if self.opts.initialize_bitmap == InitBitmap::SetAll {
                    0xff
                } else {
                    0
                };
                let len = trail_end - trail_start;
                self.check_range(trail_start, len, "move bitmap tail")?;
                let fast = fill == 0
                    && self
                        .dev()?
                        .zero_range_fast(trail_start, len, "move bitmap tail")
                        .is_ok();
                if !fast {
                    self.dev()?
                        .fill(trail_start, len, fill, "move bitmap tail")?;
                }
            }
        }
        self.re_initialize_md_offsets()?;
        let ok = self.write_sb()?;
        if ok {
            outp!(self, "Internal drbd meta data successfully moved.\n");
            self.dev()?.sync()?;
        }
        if ok && old_offset < self.bm_offset {
            let wipe_off = old_bm;
            let wipe_end = (old_offset + 4096).min(self.bm_offset);
            let mut off = wipe_off;
            while off < wipe_end {
                let n = (wipe_end - off).min(buf);
                self.wipe_resize = off;
                self.dev()?
                    .pwrite(off, &vec![0u8; n as usize], "wipe old md")?;
                off += n;
            }
            outp!(self, "Old meta data region zeroed.\n");
        }
        let closed = self.close();
        if !ok || closed.is_err() {
            closed?;
            eprintln!("operation failed");
            return Ok(-1);
        }
        Ok(0)
    }
}

fn rc(code: i32) -> Result<i32> {
    if code == -1 {
        Err(Error::failed(""))
    } else {
        Ok(code)
    }
}

/// `meta_create_md()`.
fn create_md(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    let mut max_peers: i64 = 1;
    if cfg.format == Format::V09 {
        if args.is_empty() {
            return Err(Error::usage(
                "USAGE: drbdmeta MINOR v09 ... create-md MAX_PEERS\n\n  MAX_PEERS argument missing",
            ));
        }
        if args.len() > 1 {
            eprintln!("Ignoring additional arguments");
        }
        max_peers = cli::m_strtoll(&args[0], '1')? as i64;
    } else if !args.is_empty() {
        eprintln!("Ignoring additional arguments");
    }
    if !(1..=(DRBD_PEERS_MAX as i64 - 1)).contains(&max_peers) {
        return Err(Error::usage(format!(
            "MAX_PEERS argument not in allowed range 1 .. {}.",
            DRBD_PEERS_MAX - 1
        )));
    }
    // --initial-current-uuid is checked before anything is written
    let initial_uuid = match cfg.opts.initial_current_uuid.as_deref() {
        None => None,
        Some("generate") => Some(None),
        Some(s) => {
            let t = s.trim_start();
            let t = t
                .strip_prefix("0x")
                .or_else(|| t.strip_prefix("0X"))
                .unwrap_or(t);
            let v = if t.is_empty() || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(Error::sanity(format!(
                    "--initial-current-uuid: expected 'generate' or a hex value, got '{s}'"
                )));
            } else {
                u64::from_str_radix(t, 16).unwrap_or(u64::MAX)
            };
            let v = v & !1;
            if v == 0 {
                return Err(Error::sanity(
                    "--initial-current-uuid: value must not be zero",
                ));
            }
            Some(Some(v))
        }
    };

    let orc = cfg.open()?;
    if orc == OpenRc::AtLastKnown {
        if cfg.opts.al_stripes_used
            && (cfg.opts.al_stripes != cfg.md.al_stripes
                || cfg.opts.al_stripe_size_4k != cfg.md.al_stripe_size_4k)
        {
            return Err(Error::usage(
                "Cannot move after offline resize and change AL-striping at the same time, yet.",
            ));
        }
        if !cfg.opts.force
            && cfg.confirmed(None, "Move internal meta data from last-known position?\n")
        {
            cfg.check_for_existing_data()?;
            return rc(cfg.move_internal_md_after_resize()?);
        }
        cfg.md = MdCpu::default();
    }
    if cfg.index.is_internal() {
        cfg.check_internal_md_flavours()?;
    } else {
        cfg.check_external_md_flavours()?;
    }
    let converted = cfg.md.magic != 0;
    if !converted {
        cfg.md_initialize(max_peers as u32)?;
    } else if cfg.format >= Format::V09 && max_peers != 1 {
        outp!(
            cfg,
            "Warning: setting max_peers to 1 instead of {max_peers}\n\n"
        );
    }
    let md_backup = cfg.md.clone();
    let md = &mut cfg.md;
    if !converted || cfg.opts.peer_max_bio_size != 0 {
        md.la_peer_max_bio_size = cfg.opts.peer_max_bio_size;
    }
    if !converted || cfg.opts.effective_size != 0 {
        md.effective_size = cfg.opts.effective_size;
    }
    for i in 0..DRBD_PEERS_MAX {
        if cfg.opts.diskful_peer_mask & (1 << i) != 0 {
            md.peers[i].flags |= mdf_peer::DEVICE_SEEN;
        }
    }
    match initial_uuid {
        Some(None) => md.current_uuid = random_uuid()?,
        Some(Some(v)) => md.current_uuid = v,
        None => {}
    }
    if (cfg.opts.consistent || cfg.opts.uptodate) && md.current_uuid == UUID_JUST_CREATED {
        md.current_uuid = random_uuid()?;
    }
    if cfg.opts.consistent {
        md.flags |= mdf::CONSISTENT;
    }
    if cfg.opts.uptodate {
        md.flags |= mdf::CONSISTENT | mdf::WAS_UP_TO_DATE;
    }
    if cfg.opts.peers_outdated {
        for p in md.peers.iter_mut() {
            p.flags |= mdf_peer::OUTDATED;
        }
    }
    if cfg.opts.rotate_uuids {
        if md.current_uuid == UUID_JUST_CREATED {
            md.current_uuid = random_uuid()?;
        }
        let v = md.current_uuid;
        for p in md.peers.iter_mut() {
            p.bitmap_uuid = v;
        }
        md.history_uuids[0] = v;
        md.current_uuid = random_uuid()?;
    }
    // the superblock must be valid before we touch the disk at all
    let valid = validate(cfg.format, &cfg.md, cfg.index, cfg.bd_size);
    let _ = md_backup;
    // existing data check happens before any write (upstream: in md_initialize)
    cfg.check_for_existing_data()?;
    if !converted {
        outp!(cfg, "initializing activity log\n");
        cfg.flush_out();
        if valid.is_valid() {
            cfg.initialize_al()?;
            cfg.initialize_bitmap()?;
        }
    }
    outp!(cfg, "Writing meta data...\n");
    let mut ok = cfg.write_sb()?;
    if ok {
        let z = vec![0u8; 4096];
        if cfg.wipe_fixed != 0 {
            cfg.pwrite(cfg.wipe_fixed, &z, "wipe fixed-size v07 internal md")?;
        }
        if cfg.wipe_flex != 0 {
            cfg.pwrite(cfg.wipe_flex, &z, "wipe flexible-size internal md")?;
        }
    }
    if cfg.close().is_err() {
        ok = false;
    }
    if !ok {
        eprintln!("operation failed");
        return rc(-1);
    }
    outp!(cfg, "New drbd meta data block successfully created.\n");
    Ok(0)
}

fn random_uuid() -> Result<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open("/dev/urandom").map_err(|e| {
        Error::usage(format!(
            "Open of /dev/urandom failed: {}",
            crate::errno_text(&e)
        ))
    })?;
    for _ in 0..4 {
        let mut b = [0u8; 8];
        f.read_exact(&mut b)
            .map_err(|_| Error::usage("Reading from /dev/urandom failed"))?;
        let v = u64::from_ne_bytes(b) & !1;
        if v != 0 && v != UUID_JUST_CREATED {
            return Ok(v);
        }
    }
    Err(Error::usage("Failed to generate a valid random UUID"))
}

fn ignore_args(args: &[String]) {
    if !args.is_empty() {
        eprintln!("Ignoring additional arguments");
    }
}

/// `meta_dump_md()`.
fn dump_md(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    ignore_args(args);
    let orc = cfg.open()?;
    if orc == OpenRc::NoValid {
        return Err(Error::failed("No valid meta data found"));
    }
    // as upstream: v07 keeps its flags in gc[], so it always counts as unclean
    let al_is_clean =
        cfg.md.magic != sb::DRBD_MD_MAGIC_84_UNCLEAN && cfg.md.flags & mdf::AL_CLEAN != 0;
    if !al_is_clean {
        if !(cfg.opts.force && cfg.opts.quiet) {
            eprintln!("Found meta data is \"unclean\", please apply-al first");
        } else {
            cfg.confirm.suppressed += 1;
        }
        if !cfg.opts.force {
            return rc(-1);
        }
    }
    let now = chrono::Local::now();
    let host = nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default();
    outp!(
        cfg,
        "# DRBD meta data dump\n# {}\n# {}>",
        now.format("%F %T %z [%s]"),
        host
    );
    for a in cfg.permuted.clone() {
        outp!(cfg, " {a}");
    }
    outp!(cfg, "\n#\n\n");
    outp!(cfg, "version \"{}\";\n\n", cfg.format.name());
    if !al_is_clean {
        outp!(
            cfg,
            "This_is_an_unclean_meta_data_dump._Don't_trust_the_bitmap.\n# You should \"apply-al\" first, if you plan to restore this.\n\n"
        );
    }
    if cfg.format >= Format::V09 {
        outp!(cfg, "max-peers {};\n", cfg.md.max_peers);
    }
    outp!(cfg, "# md_size_sect {}\n", cfg.md.md_size_sect);
    if orc == OpenRc::AtLastKnown {
        outp!(
            cfg,
            "#\n### Device seems to have been resized!\n### dumping meta data from the last known position\n### current size of {}: {} byte\n### expected position of meta data:\n",
            cfg.md_device_name,
            cfg.bd_size
        );
        outp!(cfg, "## md_offset {}\n", cfg.md_offset);
        outp!(cfg, "## al_offset {}\n", cfg.al_offset);
        outp!(cfg, "## bm_offset {}\n", cfg.bm_offset);
        outp!(
            cfg,
            "### last known size of {}: {} byte\n### adjusted position of meta data:\n",
            cfg.lk_bd.bd_name.clone().unwrap_or_else(|| "-?-".into()),
            cfg.lk_bd.bd_size
        );
        cfg.md_offset = layout::md_byte_offset(MdIndex::FlexInternal, cfg.lk_bd.bd_size);
        cfg.al_offset = offset_add(cfg.md_offset, cfg.md.al_offset);
        cfg.bm_offset = offset_add(cfg.md_offset, cfg.md.bm_offset);
        cfg.bm_bytes = layout::bm_bytes(
            cfg.md.bm_bytes_per_bit,
            cfg.md.max_peers,
            cfg.md.effective_size,
        );
    }
    outp!(cfg, "# md_offset {}\n", cfg.md_offset);
    outp!(cfg, "# al_offset {}\n", cfg.al_offset);
    outp!(cfg, "# bm_offset {}\n", cfg.bm_offset);
    outp!(cfg, "\n");
    let md = cfg.md.clone();
    match cfg.format {
        Format::V06 | Format::V07 => {
            outp!(cfg, "gc {{\n   ");
            for g in md.gc {
                outp!(cfg, " {};", g as i32);
            }
            outp!(cfg, "\n}}\n");
        }
        Format::V08 => {
            outp!(
                cfg,
                "uuid {{\n    0x{:016X}; 0x{:016X}; 0x{:016X}; 0x{:016X};\n    flags 0x{:08X};\n}}\n",
                md.current_uuid,
                md.peers[0].bitmap_uuid,
                md.history_uuids[0],
                md.history_uuids[1],
                md.flags
            );
        }
        Format::V09 => {
            outp!(
                cfg,
                "node-id {};\ncurrent-uuid 0x{:016X};\nflags 0x{:08X};\nmembers 0x{:016X};\n",
                md.node_id,
                md.current_uuid,
                md.flags,
                md.members
            );
            for (i, p) in md.peers.iter().enumerate() {
                outp!(
                    cfg,
                    "peer[{i}] {{\n    bitmap-index {};\n    bitmap-uuid 0x{:016X};\n    bitmap-dagtag 0x{:016X};\n    flags 0x{:08X};{}\n}}\n",
                    p.bitmap_index,
                    p.bitmap_uuid,
                    p.bitmap_dagtag,
                    p.flags,
                    dump::peer_flags_comment(p.flags)
                );
            }
            outp!(cfg, "history-uuids {{");
            for (i, h) in md.history_uuids.iter().enumerate() {
                outp!(
                    cfg,
                    "{}0x{:016X};",
                    if i % 4 != 0 { " " } else { "\n        " },
                    h
                );
            }
            outp!(cfg, "\n}}\n");
        }
    }
    if cfg.format >= Format::V07 {
        outp!(cfg, "# al-extents {};\n", md.al_nr_extents);
        outp!(cfg, "la-size-sect {};\n", md.effective_size);
        if cfg.format >= Format::V08 {
            outp!(cfg, "bm-byte-per-bit {};\n", md.bm_bytes_per_bit);
            outp!(cfg, "device-uuid 0x{:016X};\n", md.device_uuid);
            outp!(
                cfg,
                "la-peer-max-bio-size {};\n",
                md.la_peer_max_bio_size as i32
            );
            outp!(cfg, "al-stripes {};\n", md.al_stripes);
            outp!(cfg, "al-stripe-size-4k {};\n", md.al_stripe_size_4k);
        }
        outp!(cfg, "# bm-bytes {};\n", cfg.bm_bytes);
        let slots = if cfg.format == Format::V09 {
            md.max_peers
        } else {
            1
        };
        let hs = cfg.dev()?.hard_sect_size;
        let bm_offset = cfg.bm_offset;
        for p in 0..slots {
            if cfg.format == Format::V09 {
                outp!(cfg, "bitmap[{p}] ");
            } else {
                outp!(cfg, "bm ");
            }
            let dev = cfg
                .dev
                .as_ref()
                .ok_or_else(|| Error::Bug("no device".into()))?;
            let mut read = |off: u64, len: usize| dev.pread(bm_offset + off, len, "fprintf_bm");
            cfg.bits_set =
                bitmap::dump_slot(&mut cfg.out, cfg.bm_bytes, md.max_peers, p, hs, &mut read)?;
        }
        outp!(cfg, "# bits-set {};\n", cfg.bits_set);
    }
    cfg.close()?;
    Ok(0)
}

/// `meta_generic_dump_superblock()` for hex/bin/json.
fn dump_superblock(cfg: &mut Cfg, args: &[String], hex_only: bool) -> Result<i32> {
    ignore_args(args);
    let mut fmt = if hex_only {
        OutputFormat::Hex
    } else {
        cfg.opts.output_format
    };
    if fmt == OutputFormat::Auto {
        use std::io::IsTerminal;
        fmt = if std::io::stdout().is_terminal() {
            OutputFormat::Hex
        } else {
            OutputFormat::Bin
        };
    }
    if fmt == OutputFormat::Json && !matches!(cfg.format, Format::V08 | Format::V09) {
        return Err(Error::Status {
            code: 4,
            msg: format!(
                "json dump of superblock not implemented for {}",
                cfg.format.name()
            ),
        });
    }
    // always open, even if in use
    cfg.opts.force = true;
    let orc = cfg.open()?;
    let (buf, offset) = if orc == OpenRc::AtLastKnown {
        (
            cfg.raw_sb_lk.clone(),
            layout::md_byte_offset(MdIndex::FlexInternal, cfg.lk_bd.bd_size),
        )
    } else {
        (cfg.raw_sb.clone(), cfg.md_offset)
    };
    match fmt {
        OutputFormat::Hex | OutputFormat::Auto => outp!(cfg, "{}", dump::hexdump(offset, &buf)),
        OutputFormat::Bin => {
            let _ = cfg.out.write_all(&buf);
        }
        OutputFormat::Json => {
            let v09 = cfg.format == Format::V09;
            let mut looks_like = None;
            if orc == OpenRc::NoValid {
                let other = if v09 { Format::V08 } else { Format::V09 };
                let t = MdCpu::from_disk(other, &buf);
                if validate(other, &t, cfg.index, cfg.bd_size).is_valid() {
                    looks_like = Some(other.name());
                }
            }
            let now = chrono::Utc::now().format("%F %T").to_string();
            let host = nix::sys::utsname::uname()
                .map(|u| u.nodename().to_string_lossy().into_owned())
                .unwrap_or_else(|_| "?".into());
            let m = dump::JsonMeta {
                dumped_as: cfg.format.name(),
                looks_like: looks_like.unwrap_or(if orc == OpenRc::NoValid {
                    "UNKNOWN"
                } else {
                    cfg.format.name()
                }),
                valid: match orc {
                    OpenRc::Valid => "VALID_MD_FOUND",
                    OpenRc::AtLastKnown => "VALID_MD_FOUND_AT_LAST_KNOWN_LOCATION",
                    OpenRc::NoValid => "NO_VALID_MD_FOUND",
                },
                md_device_name: &cfg.md_device_name,
                dump_offset: offset,
                bd_size: cfg.bd_size,
                host: &host,
                time_utc: &now,
            };
            let text = dump::json(&buf, v09, &m);
            outp!(cfg, "{text}");
        }
    }
    let _ = cfg.close();
    match orc {
        OpenRc::Valid => Ok(0),
        OpenRc::AtLastKnown => Ok(2),
        OpenRc::NoValid => Ok(3),
    }
}

fn print_gi(cfg: &Cfg, md: &MdCpu, node: usize) -> String {
    match cfg.format {
        Format::V06 | Format::V07 => dump::gc_line(&md.gc),
        Format::V08 => dump::v08_line(md, node),
        Format::V09 => dump::v09_line(md, node),
    }
}

fn node(cfg: &Cfg) -> usize {
    cfg.opts.node_id.max(0) as usize
}

fn get_gi(cfg: &mut Cfg, args: &[String], pretty: bool) -> Result<i32> {
    ignore_args(args);
    if cfg.open()? != OpenRc::Valid {
        return rc(-1);
    }
    let n = node(cfg);
    let md = cfg.md.clone();
    let text = if !pretty {
        print_gi(cfg, &md, n)
    } else {
        let mut s = match cfg.format {
            Format::V06 | Format::V07 => dump::gc_pretty(&md.gc),
            Format::V08 => dump::v08_pretty(&md, n),
            Format::V09 => dump::v09_pretty(&md, n),
        };
        if md.effective_size != 0 {
            s.push_str(&format!(
                "last agreed size: {} ({} sectors)\nlast agreed max bio size: {} Byte\n",
                dump::ppsize(md.effective_size >> 1),
                md.effective_size,
                md.la_peer_max_bio_size
            ));
        } else {
            s.push_str("zero size device -- never seen peer yet?\n");
        }
        s
    };
    outp!(cfg, "{text}");
    cfg.close()?;
    Ok(0)
}

fn dstate(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    ignore_args(args);
    if cfg.open()? != OpenRc::Valid {
        return Err(Error::failed("No valid meta data found"));
    }
    let f = if cfg.format < Format::V08 {
        cfg.md.gc[gc::FLAGS]
    } else {
        cfg.md.flags
    };
    let s = if f & mdf::CONSISTENT != 0 {
        if f & mdf::WAS_UP_TO_DATE != 0 {
            // upstream quirk: UpToDate only with the v08 PEER_OUT_DATED bit too
            if f & mdf::PEER_OUT_DATED != 0 {
                "UpToDate"
            } else {
                "Consistent"
            }
        } else {
            "Outdated"
        }
    } else {
        "Inconsistent"
    };
    outp!(cfg, "{s}\n");
    cfg.close()?;
    Ok(0)
}

/// `m_strsep_*()`: one colon separated field; `None` when the string ran out.
struct GiFields<'a> {
    rest: Option<&'a str>,
}

impl<'a> GiFields<'a> {
    fn next(&mut self) -> Option<&'a str> {
        let r = self.rest?;
        match r.split_once(':') {
            Some((a, b)) => {
                self.rest = Some(b);
                Some(a)
            }
            None => {
                self.rest = None;
                Some(r)
            }
        }
    }

    fn rest_text(&self) -> String {
        self.rest
            .map(str::to_string)
            .unwrap_or_else(|| "(null)".into())
    }

    fn u64(&mut self, v: &mut u64) -> Result<bool> {
        let Some(t) = self.next() else {
            return Ok(false);
        };
        if !t.is_empty() {
            let h = t.trim_start();
            let h = h
                .strip_prefix("0x")
                .or_else(|| h.strip_prefix("0X"))
                .unwrap_or(h);
            if h.is_empty() || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(Error::sanity(format!(
                    "'{}' is not a number.",
                    self.rest_text()
                )));
            }
            *v = u64::from_str_radix(h, 16).map_err(|_| {
                Error::sanity(format!(
                    "'{}': Numerical result out of range",
                    self.rest_text()
                ))
            })?;
        }
        Ok(true)
    }

    fn u32(&mut self, v: &mut u32) -> Result<bool> {
        let Some(t) = self.next() else {
            return Ok(false);
        };
        if !t.is_empty() {
            let n = parse_c_ulong(t)
                .ok_or_else(|| Error::sanity(format!("'{}' is not a number.", self.rest_text())))?;
            if n > 0xFFFF_FFFF {
                return Err(Error::sanity(format!(
                    "'{}' is out of range (max 0xFFffFFff).",
                    self.rest_text()
                )));
            }
            *v = n as u32;
        }
        Ok(true)
    }

    fn bit(&mut self, v: &mut u32, mask: u32) -> Result<bool> {
        let mut d = u32::from(*v & mask != 0);
        let r = self.u32(&mut d)?;
        if d > 1 {
            return Err(Error::sanity(format!("'{}' is not 0 or 1.", d as i32)));
        }
        if d != 0 {
            *v |= mask;
        } else {
            *v &= !mask;
        }
        Ok(r)
    }
}

/// strtoul(s, &e, 0) with the requirement that everything is consumed.
fn parse_c_ulong(s: &str) -> Option<u64> {
    let t = s.trim_start();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()?
    } else if t.len() > 1 && t.starts_with('0') {
        u64::from_str_radix(&t[1..], 8).ok()?
    } else {
        t.parse().ok()?
    };
    Some(if neg { v.wrapping_neg() } else { v })
}

fn set_gi_fields(format: Format, md: &mut MdCpu, node: usize, arg: &str) -> Result<()> {
    let mut f = GiFields { rest: Some(arg) };
    match format {
        Format::V06 | Format::V07 => {
            let g = &mut md.gc;
            let mut flags = g[gc::FLAGS];
            let _ = f.bit(&mut flags, mdf::CONSISTENT)?
                && f.u32(&mut g[gc::HUMAN])?
                && f.u32(&mut g[gc::TIMEOUT])?
                && f.u32(&mut g[gc::CONNECTED])?
                && f.u32(&mut g[gc::ARBITRARY])?
                && f.bit(&mut flags, mdf::PRIMARY_IND)?
                && f.bit(&mut flags, mdf::CONNECTED_IND)?
                && f.bit(&mut flags, mdf::FULL_SYNC)?;
            g[gc::FLAGS] = flags;
        }
        Format::V08 | Format::V09 => {
            if !f.u64(&mut md.current_uuid)? || !f.u64(&mut md.peers[node].bitmap_uuid)? {
                return Ok(());
            }
            for i in 0..2 {
                if !f.u64(&mut md.history_uuids[i])? {
                    return Ok(());
                }
            }
            let fl = &mut md.flags;
            if format == Format::V08 {
                let _ = f.bit(fl, mdf::CONSISTENT)?
                    && f.bit(fl, mdf::WAS_UP_TO_DATE)?
                    && f.bit(fl, mdf::PRIMARY_IND)?
                    && f.bit(fl, mdf::CONNECTED_IND)?
                    && f.bit(fl, mdf::FULL_SYNC)?
                    && f.bit(fl, mdf::PEER_OUT_DATED)?
                    && f.bit(fl, mdf::CRASHED_PRIMARY)?;
            } else {
                let more = f.bit(fl, mdf::CONSISTENT)?
                    && f.bit(fl, mdf::WAS_UP_TO_DATE)?
                    && f.bit(fl, mdf::PRIMARY_IND)?
                    && f.bit(fl, mdf::CRASHED_PRIMARY)?
                    && f.bit(fl, mdf::AL_CLEAN)?
                    && f.bit(fl, mdf::AL_DISABLED)?
                    && f.bit(fl, mdf::PRIMARY_LOST_QUORUM)?;
                if more {
                    let pf = &mut md.peers[node].flags;
                    let _ = f.bit(pf, mdf_peer::CONNECTED)?
                        && f.bit(pf, mdf_peer::OUTDATED)?
                        && f.bit(pf, mdf_peer::FENCING)?
                        && f.bit(pf, mdf_peer::FULL_SYNC)?
                        && f.bit(pf, mdf_peer::DEVICE_SEEN)?;
                }
            }
        }
    }
    Ok(())
}

fn set_gi(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    if args.len() > 1 {
        eprintln!("Ignoring additional arguments");
    }
    if args.is_empty() {
        return Err(Error::sanity("Required Argument missing"));
    }
    if cfg.open()? != OpenRc::Valid {
        return rc(-1);
    }
    let n = node(cfg);
    let mut tmp = cfg.md.clone();
    set_gi_fields(cfg.format, &mut tmp, n, &args[0])?;
    let before = print_gi(cfg, &cfg.md, n);
    let after = print_gi(cfg, &tmp, n);
    outp!(cfg, "previously {before}set GI to  {after}");
    if !cfg.confirmed(None, "Write new GI to disk?") {
        outp!(cfg, "Operation canceled.\n");
        return Ok(0);
    }
    cfg.md = tmp;
    finish_update(cfg)
}

/// write superblock, close, "update failed" like most modifying commands.
fn finish_update(cfg: &mut Cfg) -> Result<i32> {
    let ok = cfg.write_sb()?;
    let closed = cfg.close();
    if !ok || closed.is_err() {
        closed?;
        eprintln!("update failed");
        return rc(-1);
    }
    Ok(0)
}

fn outdate(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    ignore_args(args);
    if cfg.open()? != OpenRc::Valid {
        return rc(-1);
    }
    if cfg.format < Format::V08 {
        eprintln!("Can not outdate GC based meta data!");
        return Err(Error::Status {
            code: 5,
            msg: "Device is inconsistent.".into(),
        });
    }
    if cfg.md.flags & mdf::CONSISTENT == 0 {
        return Err(Error::Status {
            code: 5,
            msg: "Device is inconsistent.".into(),
        });
    }
    cfg.md.flags &= !mdf::WAS_UP_TO_DATE;
    finish_update(cfg)
}

fn invalidate(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    ignore_args(args);
    if cfg.open()? != OpenRc::Valid {
        return rc(-1);
    }
    match cfg.format {
        Format::V06 | Format::V07 => {
            cfg.md.gc[gc::FLAGS] &= !mdf::CONSISTENT;
            cfg.md.gc[gc::FLAGS] |= mdf::FULL_SYNC;
        }
        Format::V08 => {
            cfg.md.flags &= !(mdf::CONSISTENT | mdf::WAS_UP_TO_DATE);
            cfg.md.flags |= mdf::FULL_SYNC;
        }
        Format::V09 => {
            cfg.md.flags &= !(mdf::CONSISTENT | mdf::WAS_UP_TO_DATE);
            for p in cfg.md.peers.iter_mut() {
                p.flags |= mdf_peer::FULL_SYNC;
            }
        }
    }
    finish_update(cfg)
}

fn read_dev_uuid(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    ignore_args(args);
    if cfg.open()? != OpenRc::Valid {
        return rc(-1);
    }
    outp!(cfg, "{:016X}\n", cfg.md.device_uuid);
    cfg.close()?;
    Ok(0)
}

fn write_dev_uuid(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    if args.len() > 1 {
        eprintln!("Ignoring additional arguments");
    }
    if args.is_empty() {
        return Err(Error::sanity("Required Argument missing"));
    }
    if cfg.open()? != OpenRc::Valid {
        return rc(-1);
    }
    // strtoull(argv[0], NULL, 16): leading hex digits, garbage ends the number
    let t = args[0].trim_start();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    let n = t.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
    cfg.md.device_uuid = if n == 0 {
        0
    } else {
        u64::from_str_radix(&t[..n], 16).unwrap_or(u64::MAX)
    };
    finish_update(cfg)
}

fn wipe_md(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    ignore_args(args);
    if cfg.open()? != OpenRc::Valid {
        eprintln!("There appears to be no drbd meta data to wipe out?");
        return Ok(0);
    }
    if !cfg.confirmed(None, "Do you really want to wipe out the DRBD meta data?") {
        outp!(cfg, "Operation cancelled.\n");
        return Err(Error::Cancelled(String::new()));
    }
    outp!(cfg, "Wiping meta data...\n");
    cfg.pwrite(cfg.md_offset, &[0u8; 4096], "meta_wipe_md")?;
    let closed = cfg.close();
    if closed.is_err() {
        eprintln!("operation failed");
    } else {
        outp!(cfg, "DRBD meta data block successfully wiped out.\n");
    }
    lkbd::delete(&cfg.lk_path());
    closed.map(|_| 0)
}

fn check_resize(cfg: &mut Cfg, _args: &[String]) -> Result<i32> {
    match cfg.open()? {
        OpenRc::Valid => {
            let p = cfg.lk_path();
            if cfg.index != MdIndex::FlexInternal {
                lkbd::delete(&p);
            }
            match lkbd::load(&p, cfg.opts.quiet) {
                Some(lk) if lk.bd_size == cfg.bd_size && lk.bd_uuid == cfg.md.device_uuid => {
                    cfg.lk_bd = lk;
                }
                _ => cfg.update_lk_bdev = true,
            }
            cfg.close()?;
            Ok(0)
        }
        OpenRc::NoValid => {
            if cfg.format < Format::V08 || cfg.index != MdIndex::FlexInternal {
                return Err(Error::failed(
                    "Operation only supported for >= v8 internal meta data",
                ));
            }
            Err(Error::failed("no suitable meta data found :("))
        }
        OpenRc::AtLastKnown => rc(cfg.move_internal_md_after_resize()?),
    }
}

fn is_day0_peer(md: &MdCpu, p: usize) -> bool {
    if p as i32 == md.node_id {
        return false;
    }
    md.peers[p].bitmap_index == -1 && md.peers[p].flags == 0
}

fn day0_peer_id(md: &MdCpu) -> Option<usize> {
    (0..DRBD_PEERS_MAX).rev().find(|&p| is_day0_peer(md, p))
}

fn forget_peer(cfg: &mut Cfg, _args: &[String]) -> Result<i32> {
    if cfg.open()? != OpenRc::Valid {
        return rc(-1);
    }
    let n = node(cfg);
    let day0 = day0_peer_id(&cfg.md);
    let to_index = cfg.md.peers[n].bitmap_index;
    cfg.md.peers[n].bitmap_index = -1;
    cfg.md.peers[n].flags = 0;
    if let Some(d) = day0 {
        cfg.md.peers[n].bitmap_uuid = cfg.md.peers[d].bitmap_uuid;
        cfg.md.peers[n].bitmap_dagtag = cfg.md.peers[d].bitmap_dagtag;
        eprintln!(
            "Copying bitmap slot {} to {to_index} not implemented.\nDo it with dump-md, edit, restore-md",
            cfg.md.peers[d].bitmap_index
        );
    } else {
        cfg.md.peers[n].bitmap_uuid = 0;
        cfg.md.peers[n].bitmap_dagtag = 0;
        eprintln!(
            "Setting all bits in slot {to_index} not implemented.\nDo it with dump-md, edit, restore-md"
        );
    }
    let _ = cfg.write_sb()?;
    if cfg.close().is_err() {
        eprintln!("update failed");
        return rc(-1);
    }
    Ok(0)
}

fn repair_md(cfg: &mut Cfg, _args: &[String]) -> Result<i32> {
    let mut orc = cfg.open()?;
    if orc == OpenRc::AtLastKnown && cfg.move_internal_md_after_resize()? == 0 {
        cfg.md = MdCpu::default();
        orc = cfg.open()?;
    }
    if orc != OpenRc::Valid {
        return Err(Error::failed("No valid meta data found"));
    }
    let Some(d) = day0_peer_id(&cfg.md) else {
        return Ok(0);
    };
    let day0_uuid = cfg.md.peers[d].bitmap_uuid;
    let mut dirty = false;
    for p in 0..DRBD_PEERS_MAX {
        let u = cfg.md.peers[p].bitmap_uuid;
        if is_day0_peer(&cfg.md, p) && u != day0_uuid {
            eprintln!("Peer slot {p} has \"day0\" UUID 0x{u:016X}, expected 0x{day0_uuid:016X}");
            cfg.md.peers[p].bitmap_uuid = day0_uuid;
            dirty = true;
        }
    }
    if !cfg.opts.dry_run && dirty {
        eprintln!("Repairing metadata");
        let _ = cfg.write_sb()?;
    }
    if cfg.close().is_err() {
        eprintln!("update failed");
        return rc(-1);
    }
    if cfg.opts.dry_run && dirty {
        return rc(-1);
    }
    Ok(0)
}

/// `meta_apply_al()`.
fn apply_al(cfg: &mut Cfg, args: &[String]) -> Result<i32> {
    ignore_args(args);
    if cfg.format < Format::V07 {
        return Err(Error::failed("apply-al only implemented for DRBD >= 0.7"));
    }
    if cfg.open()? != OpenRc::Valid {
        return Err(Error::failed("No valid meta data found"));
    }
    let al_size = (cfg.md.al_stripes * cfg.md.al_stripe_size_4k) as usize * 4096;
    let al_buf = cfg
        .dev()?
        .pread(cfg.al_offset, al_size.min(BUFFER_SIZE), "apply_al")?;
    let mut hot = vec![u32::MAX; al::AL_EXTENTS_MAX];
    let mut log = |m: String| eprintln!("{m}");
    let be =
        |o: usize| u32::from_be_bytes([al_buf[o], al_buf[o + 1], al_buf[o + 2], al_buf[o + 3]]);
    let mut re_init_anyways = false;
    let res = if cfg.format == Format::V07 {
        al::replay_07(&al_buf, cfg.md.al_nr_extents, &mut hot, &mut log)
    } else if cfg.md.magic == sb::DRBD_MD_MAGIC_84_UNCLEAN
        || cfg.md.magic == DRBD_MD_MAGIC_09
        || be(0) == al::DRBD_AL_MAGIC
        || (al_buf.len() >= 8192 && be(4096) == al::DRBD_AL_MAGIC)
        || cfg.md.al_stripes != 1
        || cfg.md.al_stripe_size_4k != 8
    {
        if be(0) == al::DRBD_AL_PMEM_MAGIC {
            al::replay_pmem(&al_buf, cfg.md.al_nr_extents, &mut hot)
        } else {
            al::replay_84(
                &al_buf,
                cfg.md.al_stripes,
                cfg.md.al_stripe_size_4k,
                &mut hot,
                &mut log,
            )
        }
    } else {
        re_init_anyways = true;
        al::replay_07(&al_buf, cfg.md.al_nr_extents, &mut hot, &mut log)
    };
    let flags = if cfg.format == Format::V07 {
        cfg.md.gc[gc::FLAGS]
    } else {
        cfg.md.flags
    };
    let need_apply = flags & mdf::PRIMARY_IND != 0;
    let mut need_update = false;
    let updates = match res {
        al::Replay::NoData | al::Replay::Invalid => {
            if need_apply {
                return Ok(if res == al::Replay::NoData { 1 } else { 2 });
            }
            if cfg.format >= Format::V08 {
                eprintln!("Error ignored, no need to apply the AL");
                re_init_anyways = true;
            }
            0
        }
        al::Replay::Clean => 0,
        al::Replay::Updates(n) => n,
    };
    if updates > 0 && need_apply {
        hot.sort_unstable();
        apply_hot_extents(cfg, &hot)?;
        need_update = true;
    }
    if re_init_anyways || (updates > 0 && cfg.format != Format::V07) {
        cfg.initialize_al()?;
    }
    if cfg.format >= Format::V08
        && (cfg.md.flags & mdf::AL_CLEAN == 0 || cfg.md.magic != DRBD_MD_MAGIC_08)
    {
        need_update = true;
    }
    if need_update {
        if cfg.format >= Format::V08 {
            cfg.md.flags |= mdf::AL_CLEAN;
        }
        if cfg.format == Format::V08 {
            cfg.md.magic = DRBD_MD_MAGIC_08;
        }
        let ok = cfg.write_sb()?;
        let closed = cfg.close();
        if !ok || closed.is_err() {
            closed?;
            eprintln!("update of super block flags failed");
            return rc(-1);
        }
    }
    Ok(0)
}

/// `apply_al()`: set the bits of every hot extent in all peer slots.
fn apply_hot_extents(cfg: &mut Cfg, hot: &[u32]) -> Result<()> {
    let hs = u64::from(cfg.dev()?.hard_sect_size);
    let bm_bytes = align_up(cfg.bm_bytes, hs);
    let bpb = cfg.md.bm_bytes_per_bit.clamp(4096, 1 << 20);
    let bits_per_extent = 1u64 << (al::AL_EXTENT_SHIFT - bpb.trailing_zeros());
    let mp = cfg.md.max_peers.max(1);
    let mpu = u64::from(mp);
    let mut added = 0u64;
    let mut i = 0;
    let n_hot = hot.iter().take_while(|&&e| e != u32::MAX).count();
    while i < n_hot {
        let (_, _, s0, e0) = al::extent_bit_range(u64::from(hot[i]), bits_per_extent, mpu);
        if e0 >= bm_bytes {
            eprintln!(
                "extent {} beyond end of bitmap! ({e0} >= {bm_bytes})",
                hot[i]
            );
            i += 1;
            continue;
        }
        let aligned = s0 / (4096 * mpu) * (4096 * mpu);
        let mut j = i;
        while j + 1 < n_hot {
            let (_, _, _, e) = al::extent_bit_range(u64::from(hot[j + 1]), bits_per_extent, mpu);
            if e >= bm_bytes {
                eprintln!(
                    "extent {} beyond end of bitmap! ({e} >= {bm_bytes})",
                    hot[j + 1]
                );
                break;
            }
            if e >= aligned + BUFFER_SIZE as u64 {
                break;
            }
            j += 1;
        }
        let (_, _, _, last_e) = al::extent_bit_range(u64::from(hot[j]), bits_per_extent, mpu);
        let chunk = align_up(last_e, 4096) - aligned;
        let mut buf = cfg.dev()?.pread(
            cfg.bm_offset + aligned,
            chunk as usize,
            "apply_al read bitmap chunk",
        )?;
        for &e in &hot[i..=j] {
            added += al::set_extent_bits(&mut buf, aligned, u64::from(e), bits_per_extent, mp);
        }
        cfg.pwrite(cfg.bm_offset + aligned, &buf, "apply_al write bitmap chunk")?;
        i = j + 1;
    }
    if n_hot != 0 {
        eprintln!(
            "Marked additional {} as out-of-sync based on AL.",
            dump::ppsize(added * u64::from(bpb / 1024))
        );
    } else {
        eprintln!("Nothing to do.");
    }
    Ok(())
}

/// `verify_dumpfile_or_restore()`.
fn restore_md(cfg: &mut Cfg, args: &[String], parse_only: bool) -> Result<i32> {
    let text = if let Some(f) = args.first() {
        std::fs::read(f).map_err(|_| Error::usage(format!("open of '{f}' failed.")))?
    } else {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut v)
            .map_err(|e| Error::usage(format!("reading stdin failed: {e}")))?;
        v
    };
    let mut old_max_peers: i64 = -1;
    if !parse_only && cfg.open()? != OpenRc::NoValid {
        old_max_peers = i64::from(cfg.md.max_peers);
        if !cfg.confirmed(None, "Valid meta-data in place, overwrite?") {
            return rc(-1);
        }
    }
    let mut p = restore::Parser::new(&text);
    let new_max_peers = p.header(cfg.format)?;
    cfg.md_initialize(new_max_peers)?;
    if !parse_only {
        eprintln!("reinitializing");
        if old_max_peers < i64::from(new_max_peers as i32) && cfg.index != MdIndex::FlexInternal {
            outp!(
                cfg,
                "Meta data needs more space now, since max_peers\nis bigger than in existing meta_data. ({old_max_peers} -> {})\n",
                new_max_peers as i32
            );
        }
        cfg.check_for_existing_data()?;
    }
    let used_bpb = cfg.md.bm_bytes_per_bit;
    let mut md = cfg.md.clone();
    let slots = p.body(cfg.format, &mut md, new_max_peers)?;
    cfg.md = md;
    if cfg.opts.al_stripes != cfg.md.al_stripes
        || cfg.opts.al_stripe_size_4k != cfg.md.al_stripe_size_4k
        || used_bpb != cfg.md.bm_bytes_per_bit
    {
        if cfg.opts.al_stripes_used {
            eprintln!("override activity log striping from commandline");
            cfg.md.al_stripes = cfg.opts.al_stripes;
            cfg.md.al_stripe_size_4k = cfg.opts.al_stripe_size_4k;
        }
        if cfg.opts.verbose >= 2 {
            eprintln!("adjusting activity-log and bitmap offsets");
        }
        cfg.re_initialize_md_offsets()?;
    }
    cfg.clip_effective_size_and_bm_bytes();
    if parse_only {
        outp!(cfg, "input file parsed ok\n");
        return Ok(0);
    }
    // the superblock must be writable before the bitmap goes out
    let v = validate(cfg.format, &cfg.md, cfg.index, cfg.bd_size);
    if !v.is_valid() {
        cfg.report_validity(&v);
        return Err(Error::failed("Writing failed"));
    }
    write_restored_bitmap(cfg, &slots)?;
    let ok = cfg.write_sb()?;
    let closed = cfg.close();
    if !ok || closed.is_err() {
        closed?;
        return Err(Error::failed("Writing failed"));
    }
    outp!(cfg, "Successfully restored meta data\n");
    Ok(0)
}

/// `parse_bitmap()` writing side: window by window (32 MiB), the length of
/// the last slot decides how much is written, the rest of a window is zero.
fn write_restored_bitmap(cfg: &mut Cfg, slots: &[restore::Runs]) -> Result<()> {
    let mp = slots.len().max(1) as u64;
    let last = slots.last().map(restore::slot_words).unwrap_or(0);
    let total_words = last * mp;
    let bw = (BUFFER_SIZE / 4) as u64;
    let hs = u64::from(cfg.dev()?.hard_sect_size);
    let limit = cfg.bm_offset + align_up(cfg.bm_bytes, 4096);
    let mut w0 = 0u64;
    while w0 < total_words {
        let words = (total_words - w0).min(bw);
        let s = align_up(words * 4, hs);
        let mut buf = vec![0u8; s as usize];
        let win = &mut buf[..(words * 4) as usize];
        for (p, runs) in slots.iter().enumerate() {
            restore::fill_window(win, w0, runs, mp, p as u64);
        }
        let off = cfg.bm_offset + w0 * 4;
        if off >= limit {
            return Err(Error::sanity(format!(
                "confused in meta_restore_md: offset ({off}) > limit ({limit})"
            )));
        }
        if s > limit - off {
            eprintln!(
                "in meta_restore_md: truncating byte count from {s} to {}",
                limit - off
            );
            cfg.pwrite(off, &buf[..(limit - off) as usize], "meta_restore_md")?;
            eprintln!("Bitmap info too large, truncated!");
            break;
        }
        cfg.pwrite(off, &buf, "meta_restore_md")?;
        w0 += bw;
    }
    Ok(())
}

fn require_v09_create_md(opt: bool, name: &str, cmd: &str, f: Format) -> Result<()> {
    if !opt {
        return Ok(());
    }
    if cmd != "create-md" {
        return Err(Error::sanity(format!(
            "The --{name} option is only allowed with create-md"
        )));
    }
    if f != Format::V09 {
        return Err(Error::sanity(format!(
            "--{name} is not supported with '{}'",
            f.name()
        )));
    }
    Ok(())
}

/// Upstream's `main()` after `getopt_long()`; returns the exit status.
pub fn main(argv: &[String]) -> Result<i32> {
    if argv.len() < 4 {
        print!("{}", cli::usage_text());
        return Err(Error::usage(""));
    }
    let parsed = cli::parse(argv)?;
    let opts = parsed.opts;
    let args = parsed.args;
    let mut ai = 0;
    let drbd_dev_name = args.get(ai).cloned().unwrap_or_default();
    ai += 1;
    let Some(fname) = args.get(ai) else {
        return Err(Error::usage("Format identifier missing"));
    };
    let Some(format) = Format::from_name(fname) else {
        return Err(Error::usage(format!("Unknown format '{fname}'.")));
    };
    ai += 1;
    if format == Format::V06 {
        return Err(Error::usage(
            "v06 meta data (DRBD 0.6, a plain file per minor) is recognised, but not supported by this drbdmeta.\nUse DRBD 0.7 tools to convert it to v07 first.",
        ));
    }
    if args.len() < ai + 2 {
        return Err(Error::usage("Too few arguments for format"));
    }
    let md_device_name = args[ai].clone();
    let idx = &args[ai + 1];
    let index = match idx.as_str() {
        "internal" => {
            if format == Format::V07 {
                MdIndex::Internal
            } else {
                MdIndex::FlexInternal
            }
        }
        "flex-external" => MdIndex::FlexExternal,
        "flex-internal" => MdIndex::FlexInternal,
        s => match parse_c_long(s) {
            Some(n) if (0..=255).contains(&n) => MdIndex::Indexed(n as u8),
            _ => return Err(Error::usage(format!("'{s}' is not a valid index number."))),
        },
    };
    ai += 2;
    let Some(cmd_name) = args.get(ai) else {
        return Err(Error::usage("command missing"));
    };
    let Some(cmd) = COMMANDS.iter().find(|c| c.name == cmd_name) else {
        return Err(Error::usage(format!("Unknown command '{cmd_name}'.")));
    };
    ai += 1;
    let cmd_args: Vec<String> = args[ai..].to_vec();

    let mut minor = None;
    let mut _lock = None;
    let mut attached = false;
    if drbd_dev_name != "-" {
        let Some(m) = safety::minor_of_dev(&drbd_dev_name) else {
            return Err(Error::usage(format!(
                "Cannot determine minor device number of drbd device '{drbd_dev_name}'"
            )));
        };
        minor = Some(m);
        _lock = Some(safety::lock_minor(m)?);
        let modifies = cmd.modifies_md && !(cmd.name == "repair-md" && opts.dry_run);
        attached = safety::is_attached(m)?;
        if attached && modifies {
            return Err(Error::usage(format!(
                "Device '{drbd_dev_name}' is configured!"
            )));
        }
    }
    let name = cmd.name;
    if opts.output_format_seen && name != "dump-superblock" {
        return Err(Error::sanity(
            "The -o|--output-format option is only allowed with dump-superblock",
        ));
    }
    if opts.peer_max_bio_size != 0 && name != "create-md" {
        return Err(Error::sanity(
            "The --peer-max-bio-size option is only allowed with create-md",
        ));
    }
    if opts.bm_block_size != 0 {
        if name != "create-md" {
            return Err(Error::sanity(
                "The --bitmap-block-size option is only allowed with create-md",
            ));
        }
        if format != Format::V09 {
            return Err(Error::sanity(format!(
                "bitmap-block-size not supported with '{}'",
                format.name()
            )));
        }
        let b = opts.bm_block_size;
        if !b.is_power_of_two() || !(4096..=1 << 20).contains(&b) {
            return Err(Error::sanity(format!(
                "bitmap-block-size must be a power of 2 within [4k .. 1M], not '{}'",
                opts.bm_block_size_str
            )));
        }
    }
    if opts.al_stripes_used && name != "create-md" && name != "restore-md" {
        return Err(Error::sanity(
            "The --al-stripe* options are only allowed with create-md and restore-md",
        ));
    }
    if opts.effective_size != 0 && name != "create-md" {
        return Err(Error::sanity(
            "The -Z|--effective-size option is only allowed with create-md",
        ));
    }
    if opts.diskful_peer_mask != 0 && name != "create-md" {
        return Err(Error::sanity(
            "The -D|--diskful-peers option is only allowed with create-md",
        ));
    }
    require_v09_create_md(
        opts.initial_current_uuid.is_some(),
        "initial-current-uuid",
        name,
        format,
    )?;
    require_v09_create_md(opts.consistent, "consistent", name, format)?;
    require_v09_create_md(opts.uptodate, "uptodate", name, format)?;
    require_v09_create_md(opts.peers_outdated, "peers-outdated", name, format)?;
    require_v09_create_md(opts.rotate_uuids, "rotate-uuids", name, format)?;
    let al_blocks = u64::from(opts.al_stripes) * u64::from(opts.al_stripe_size_4k);
    if al_blocks > (BUFFER_SIZE / 4096) as u64 {
        return Err(Error::sanity("invalid (too large) al-stripe* settings"));
    }
    if al_blocks < 8 {
        return Err(Error::sanity("invalid (too small) al-stripe* settings"));
    }
    let mut opts = opts;
    if opts.node_id != -1 && !cmd.node_id_required {
        return Err(Error::sanity(format!(
            "The {name} command does not accept the --node-id option"
        )));
    }
    if format != Format::V09 && cmd.node_id_required {
        if opts.node_id == -1 {
            opts.node_id = 0;
        } else if opts.node_id != 0 {
            eprintln!("Not v09, implicitly set --node-id = 0");
            opts.node_id = 0;
        }
    }
    if opts.node_id == -1 && cmd.node_id_required {
        return Err(Error::sanity(format!(
            "The {name} command requires the --node-id option"
        )));
    }

    let confirm = Confirm {
        force: opts.force,
        quiet: opts.quiet,
        suppressed: 0,
    };
    let mut cfg = Cfg {
        format,
        md_device_name,
        minor,
        index,
        opts,
        confirm,
        dev: None,
        md: MdCpu::default(),
        bd_size: 0,
        md_offset: 0,
        al_offset: 0,
        bm_offset: 0,
        bm_bytes: 0,
        bits_set: 0,
        max_usable_sect: 0,
        lk_bd: LkBdev::default(),
        update_lk_bdev: false,
        wipe_fixed: 0,
        wipe_flex: 0,
        wipe_resize: 0,
        raw_sb: vec![0; 4096],
        raw_sb_lk: vec![0; 4096],
        permuted: parsed.permuted,
        out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
    };
    let res = match name {
        "get-gi" => get_gi(&mut cfg, &cmd_args, false),
        "show-gi" => get_gi(&mut cfg, &cmd_args, true),
        "dump-md" => dump_md(&mut cfg, &cmd_args),
        "dump-superblock" => dump_superblock(&mut cfg, &cmd_args, false),
        "hexdump-superblock" => dump_superblock(&mut cfg, &cmd_args, true),
        "restore-md" => restore_md(&mut cfg, &cmd_args, false),
        "verify-dump" => restore_md(&mut cfg, &cmd_args, true),
        "apply-al" => apply_al(&mut cfg, &cmd_args),
        "wipe-md" => wipe_md(&mut cfg, &cmd_args),
        "outdate" => outdate(&mut cfg, &cmd_args),
        "invalidate" => invalidate(&mut cfg, &cmd_args),
        "dstate" => dstate(&mut cfg, &cmd_args),
        "read-dev-uuid" => read_dev_uuid(&mut cfg, &cmd_args),
        "write-dev-uuid" => write_dev_uuid(&mut cfg, &cmd_args),
        "set-gi" => set_gi(&mut cfg, &cmd_args),
        "check-resize" => check_resize(&mut cfg, &cmd_args),
        "create-md" => create_md(&mut cfg, &cmd_args),
        "forget-peer" => forget_peer(&mut cfg, &cmd_args),
        "repair-md" => repair_md(&mut cfg, &cmd_args),
        _ => Err(Error::Bug(format!("unhandled command {name}"))),
    };
    cfg.flush_out();
    if attached {
        eprintln!(
            "# Output might be stale, since minor {} is attached",
            minor.unwrap_or(0)
        );
    }
    if cfg.confirm.suppressed > 0 {
        eprintln!(
            "# --force --quiet: {} confirmation(s) suppressed and auto-confirmed",
            cfg.confirm.suppressed
        );
    }
    res
}

/// strtol(s, &e, 0) requiring full consumption.
fn parse_c_long(s: &str) -> Option<i64> {
    parse_c_ulong(s).map(|v| v as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_gi_v09_fields() {
        let mut md = MdCpu {
            current_uuid: 4,
            flags: mdf::AL_CLEAN,
            ..MdCpu::default()
        };
        set_gi_fields(Format::V09, &mut md, 1, "AB:::CD:1:1").unwrap();
        assert_eq!(md.current_uuid, 0xAB);
        assert_eq!(md.history_uuids[1], 0xCD);
        assert_eq!(
            md.flags,
            mdf::AL_CLEAN | mdf::CONSISTENT | mdf::WAS_UP_TO_DATE
        );
        set_gi_fields(Format::V09, &mut md, 1, "::::::::::::1").unwrap();
        assert_eq!(md.peers[1].flags, mdf_peer::OUTDATED);
        assert!(set_gi_fields(Format::V09, &mut md, 1, "zz").is_err());
        assert!(set_gi_fields(Format::V09, &mut md, 1, "::::2").is_err());
    }

    #[test]
    fn c_numbers() {
        assert_eq!(parse_c_long("0x10"), Some(16));
        assert_eq!(parse_c_long("010"), Some(8));
        assert_eq!(parse_c_long("12"), Some(12));
        assert_eq!(parse_c_long("1a"), None);
    }

    #[test]
    fn day0() {
        let mut md = MdCpu {
            node_id: 0,
            ..MdCpu::default()
        };
        for p in md.peers.iter_mut() {
            p.bitmap_index = -1;
        }
        md.peers[31].flags = 1;
        assert_eq!(day0_peer_id(&md), Some(30));
    }
}
