//! The meta data device: opening (exclusively where upstream does), size and
//! sector size detection, positioned reads and writes, fast zeroing, flushing.
//!
//! Upstream (`drbdmeta_linux.c`: `v07_style_md_open_device()`,
//! `pread_or_die()`, `pwrite_or_die()`, `zeroout_bitmap_fast()`) opens with
//! `O_DIRECT` so that it sees what the kernel driver wrote, bypassing the
//! page cache.  We do the same for block devices (with aligned bounce
//! buffers); for regular image files the page cache is coherent anyway, so we
//! use buffered I/O there and `fsync()` before reporting success.
//! Bitmap zeroing uses `fallocate()` (zero-range on block devices, which the
//! kernel implements like `BLKZEROOUT`, punch-hole on files) and falls back to
//! plain writes, so no `unsafe` ioctl is needed.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::{FileExt, FileTypeExt, MetadataExt, OpenOptionsExt};
use std::os::unix::io::AsRawFd;

use nix::fcntl::{fallocate, FallocateFlags};

use crate::error::{Error, Result};

/// Size of the scratch buffer upstream uses for large I/O (32 MiB).
pub const BUFFER_SIZE: usize = 32 * 1024 * 1024;

/// An open meta data device (or image file).
#[derive(Debug)]
pub struct MdDevice {
    file: File,
    /// Name as given on the command line.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// True for block devices.
    pub is_block: bool,
    /// Logical sector size (512 for files, like upstream's fallback).
    pub hard_sect_size: u32,
    direct: bool,
    /// `--dry-run`: writes are reported, not done.
    pub dry_run: bool,
    /// `-v` level, for the pread/pwrite trace.
    pub verbose: u32,
}

/// How the caller wants a failed exclusive open handled.
pub type ConfirmFn<'a> = &'a mut dyn FnMut(&str) -> bool;

impl MdDevice {
    /// Open `name` read-write like `v07_style_md_open_device()`.
    ///
    /// `exclusive`: O_EXCL (block devices only; refused while mounted or held).
    /// If that fails with EBUSY, `confirm("Exclusive open failed. Do it anyways?")`
    /// decides whether to retry without it.  Regular files need `force`.
    pub fn open(
        name: &str,
        exclusive: bool,
        force: bool,
        quiet: bool,
        confirm: ConfirmFn<'_>,
    ) -> Result<MdDevice> {
        let meta = std::fs::metadata(name);
        let is_block = matches!(&meta, Ok(m) if m.file_type().is_block_device());
        let mut excl = exclusive && is_block;
        let file = loop {
            let mut oo = OpenOptions::new();
            oo.read(true).write(true);
            let mut flags = 0;
            if is_block {
                flags |= nix::libc::O_DIRECT;
            }
            if excl {
                flags |= nix::libc::O_EXCL;
            }
            oo.custom_flags(flags);
            match oo.open(name) {
                Ok(f) => break f,
                Err(e) => {
                    eprintln!("open({name}) failed: {}", crate::errno_text(&e));
                    if e.raw_os_error() == Some(nix::libc::EBUSY) && excl {
                        if !confirm("Exclusive open failed. Do it anyways?") {
                            println!("Operation canceled.");
                            return Err(Error::usage(""));
                        }
                        excl = false;
                        continue;
                    }
                    return Err(Error::usage(""));
                }
            }
        };
        let m = file.metadata().map_err(|e| {
            Error::usage(format!("fstat({name}) failed: {}", crate::errno_text(&e)))
        })?;
        let (size, hard_sect_size) = if is_block {
            let size = block_size_bytes(&file)
                .map_err(|e| Error::usage(format!("cannot determine size of {name}: {e}")))?;
            (size, logical_block_size(m.rdev()).unwrap_or(512))
        } else {
            if !force {
                return Err(Error::usage(format!("'{name}' is not a block device!")));
            }
            if !quiet {
                eprintln!(
                    "ioctl(md_fd, BLKSSZGET) returned -1, assuming hard_sect_size is 512 Byte"
                );
            }
            (m.len(), 512)
        };
        Ok(MdDevice {
            file,
            name: name.to_string(),
            size,
            is_block,
            hard_sect_size,
            direct: is_block,
            dry_run: false,
            verbose: 0,
        })
    }

    /// Raw file descriptor number (for upstream-style trace messages).
    pub fn fd(&self) -> i32 {
        self.file.as_raw_fd()
    }

    fn align(&self) -> u64 {
        if self.direct {
            u64::from(self.hard_sect_size.max(512))
        } else {
            1
        }
    }

    /// Read exactly `len` bytes at `offset` (`pread_or_die()`).
    pub fn pread(&self, offset: u64, len: usize, tag: &str) -> Result<Vec<u8>> {
        if self.verbose >= 2 {
            eprintln!(" {tag:<26}: pread({}, ...,{len:6},{offset:12})", self.fd());
        }
        let a = self.align();
        let start = offset / a * a;
        let end = (offset + len as u64).div_ceil(a) * a;
        let mut bounce = AlignedBuf::new((end - start) as usize);
        let got = read_full(&self.file, bounce.as_mut(), start).map_err(|e| {
            Error::sanity(format!(
                "pread({},...,{len},{offset}) in {tag} failed: {}",
                self.fd(),
                crate::errno_text(&e)
            ))
        })?;
        let need = (offset - start) as usize + len;
        if got < need {
            let actual = got.saturating_sub((offset - start) as usize);
            return Err(Error::sanity(format!(
                "confused in {tag}: expected to read {len} bytes, actually read {actual}"
            )));
        }
        let s = (offset - start) as usize;
        Ok(bounce.as_ref()[s..s + len].to_vec())
    }

    /// Write all of `data` at `offset` (`pwrite_or_die()`); honours dry-run.
    pub fn pwrite(&self, offset: u64, data: &[u8], tag: &str) -> Result<()> {
        if self.dry_run {
            eprintln!(
                " {tag:<26}: pwrite({}, ...,{:6},{offset:12}) SKIPPED DUE TO DRY-RUN",
                self.fd(),
                data.len()
            );
            return Ok(());
        }
        if self.verbose >= 2 {
            eprintln!(
                " {tag:<26}: pwrite({}, ...,{:6},{offset:12})",
                self.fd(),
                data.len()
            );
        }
        let a = self.align();
        // a is a power of two
        let res = if a == 1 || (offset & (a - 1) == 0 && (data.len() as u64) & (a - 1) == 0) {
            if a == 1 {
                self.file.write_all_at(data, offset)
            } else {
                let mut b = AlignedBuf::new(data.len());
                b.as_mut().copy_from_slice(data);
                self.file.write_all_at(b.as_ref(), offset)
            }
        } else {
            // read-modify-write of the enclosing sectors
            let start = offset / a * a;
            let end = (offset + data.len() as u64).div_ceil(a) * a;
            let mut b = AlignedBuf::new((end - start) as usize);
            read_full(&self.file, b.as_mut(), start).and_then(|_| {
                let s = (offset - start) as usize;
                b.as_mut()[s..s + data.len()].copy_from_slice(data);
                self.file.write_all_at(b.as_ref(), start)
            })
        };
        res.map_err(|e| {
            Error::sanity(format!(
                "pwrite({},...,{},{offset}) in {tag} failed: {}",
                self.fd(),
                data.len(),
                crate::errno_text(&e)
            ))
        })
    }

    /// Zero `len` bytes at `offset` without writing a buffer of zeros.
    /// Returns an error text if the fast path is not available.
    pub fn zero_range_fast(
        &self,
        offset: u64,
        len: u64,
        tag: &str,
    ) -> std::result::Result<(), String> {
        if len == 0 {
            return Ok(());
        }
        if self.dry_run {
            eprintln!(
                " {tag:<26}: zero-range({}, {offset}, {len}) SKIPPED DUE TO DRY-RUN",
                self.fd()
            );
            return Ok(());
        }
        let flags = if self.is_block {
            FallocateFlags::FALLOC_FL_ZERO_RANGE | FallocateFlags::FALLOC_FL_KEEP_SIZE
        } else {
            FallocateFlags::FALLOC_FL_PUNCH_HOLE | FallocateFlags::FALLOC_FL_KEEP_SIZE
        };
        if offset + len > self.size {
            return Err("range beyond end of device".into());
        }
        fallocate(self.file.as_raw_fd(), flags, offset as i64, len as i64).map_err(|e| {
            format!(
                "fallocate({}, [{offset}, {len}]) failed: {}",
                self.name,
                e.desc()
            )
        })?;
        if self.verbose >= 2 {
            eprintln!(
                " {tag:<26}: fallocate({}, zero, [{offset}, {len}])",
                self.fd()
            );
        }
        Ok(())
    }

    /// Fill `len` bytes at `offset` with `byte` using plain writes, reporting
    /// progress like upstream's `init_bitmap_pwrite()`.
    pub fn fill(&self, offset: u64, len: u64, byte: u8, tag: &str) -> Result<()> {
        let chunk_max = BUFFER_SIZE as u64;
        let buf = vec![byte; chunk_max.min(len) as usize];
        let mut done = 0u64;
        let mut last = 0u64;
        while done < len {
            let c = chunk_max.min(len - done);
            self.pwrite(offset + done, &buf[..c as usize], tag)?;
            done += c;
            if done < len {
                let pct = 100 * done / len;
                if pct != last {
                    eprint!("\r{pct}%");
                    last = pct;
                }
            }
        }
        if last != 0 {
            eprintln!("\r100%");
        }
        Ok(())
    }

    /// Flush everything written to stable storage.
    pub fn sync(&self) -> Result<()> {
        if self.dry_run {
            return Ok(());
        }
        // Upstream ignores fsync errors on some ramdisks; a real error on a
        // real device must not be reported as success.
        match self.file.sync_all() {
            Ok(()) => Ok(()),
            Err(e) if e.raw_os_error() == Some(nix::libc::EINVAL) => Ok(()),
            Err(e) => Err(Error::sanity(format!(
                "fsync({}) failed: {}",
                self.name,
                crate::errno_text(&e)
            ))),
        }
    }
}

fn read_full(f: &File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match f.read_at(&mut buf[got..], offset + got as u64) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

fn block_size_bytes(f: &File) -> std::io::Result<u64> {
    use std::io::{Seek, SeekFrom};
    // lseek(SEEK_END) on a block device yields its size, like BLKGETSIZE64.
    let mut g = f.try_clone()?;
    let size = g.seek(SeekFrom::End(0))?;
    g.seek(SeekFrom::Start(0))?;
    Ok(size)
}

fn logical_block_size(rdev: u64) -> Option<u32> {
    let (maj, min) = (nix::sys::stat::major(rdev), nix::sys::stat::minor(rdev));
    for p in ["queue/logical_block_size", "../queue/logical_block_size"] {
        let path = format!("/sys/dev/block/{maj}:{min}/{p}");
        if let Ok(s) = std::fs::read_to_string(&path) {
            if let Ok(v) = s.trim().parse() {
                return Some(v);
            }
        }
    }
    None
}

/// A heap buffer whose start is 4 KiB aligned, as O_DIRECT requires.
struct AlignedBuf {
    storage: Vec<u8>,
    start: usize,
    len: usize,
}

impl AlignedBuf {
    fn new(len: usize) -> Self {
        let storage = vec![0u8; len + 4096];
        let addr = storage.as_ptr() as usize;
        let start = (4096 - addr % 4096) % 4096;
        AlignedBuf {
            storage,
            start,
            len,
        }
    }

    fn as_ref(&self) -> &[u8] {
        &self.storage[self.start..self.start + self.len]
    }

    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.storage[self.start..self.start + self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_buffer_is_aligned() {
        for n in [1usize, 512, 4096, 10000] {
            let b = AlignedBuf::new(n);
            assert_eq!(b.as_ref().as_ptr() as usize % 4096, 0);
            assert_eq!(b.as_ref().len(), n);
        }
    }

    #[test]
    fn file_io_roundtrip_and_zeroing() {
        let dir = std::env::temp_dir().join(format!("drbdmeta-dev-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("img");
        let f = File::create(&p).unwrap();
        f.set_len(1 << 20).unwrap();
        drop(f);
        let mut no = |_: &str| false;
        let name = p.to_str().unwrap();
        assert!(MdDevice::open(name, true, false, true, &mut no).is_err());
        let d = MdDevice::open(name, true, true, true, &mut no).unwrap();
        assert_eq!(d.size, 1 << 20);
        d.pwrite(4096, &[0xAB; 8192], "t").unwrap();
        assert_eq!(d.pread(4096 + 100, 10, "t").unwrap(), vec![0xAB; 10]);
        d.zero_range_fast(4096, 4096, "t").unwrap();
        assert_eq!(d.pread(4096, 4096, "t").unwrap(), vec![0; 4096]);
        assert_eq!(d.pread(8192, 4096, "t").unwrap(), vec![0xAB; 4096]);
        assert!(d.pread((1 << 20) - 100, 4096, "t").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
