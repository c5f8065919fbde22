//! The "last known block device" file `drbd-minor-N.lkbd` in the DRBD state
//! directory (upstream `lk_bdev_save()`, `lk_bdev_load()`,
//! `lk_bdev_delete()` in `shared_tool.c`).  It remembers the size of the
//! device that holds internal meta data, so that meta data can still be found
//! (and moved) after the device was grown while DRBD was down.
//!
//! Format: `<size>\t<device name>\n` and optionally `uuid:\t<16 hex>\n`.
//! With DEVICE `-` upstream uses minor -1, i.e. `drbd-minor--1.lkbd`.

use std::io::Write;

/// Default state directory (`DRBD_LIB_DIR`).
pub const DRBD_LIB_DIR: &str = "/var/lib/drbd";

/// Contents of a last-known-bdev file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LkBdev {
    /// Device size in bytes.
    pub bd_size: u64,
    /// Device name.
    pub bd_name: Option<String>,
    /// Device UUID, 0 if none.
    pub bd_uuid: u64,
}

/// Path of the file for `minor` (`None` = DEVICE `-`, printed as -1).
pub fn path(dir: Option<&str>, minor: Option<u32>) -> String {
    let m = minor.map(i64::from).unwrap_or(-1);
    format!("{}/drbd-minor-{m}.lkbd", dir.unwrap_or(DRBD_LIB_DIR))
}

/// Save; errors are reported on stderr like upstream and otherwise ignored.
pub fn save(p: &str, bd: &LkBdev) {
    let res = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(p)?;
        writeln!(
            f,
            "{}\t{}",
            bd.bd_size,
            bd.bd_name.as_deref().unwrap_or("(null)")
        )?;
        if bd.bd_uuid != 0 {
            writeln!(f, "uuid:\t{:016X}", bd.bd_uuid)?;
        }
        f.sync_all()
    })();
    if let Err(e) = res {
        eprintln!("lk_bdev_save({p}) failed: {}", crate::errno_text(&e));
    }
}

/// Delete; a missing file is fine.
pub fn delete(p: &str) {
    if let Err(e) = std::fs::remove_file(p) {
        if e.kind() != std::io::ErrorKind::NotFound {
            eprintln!("lk_bdev_delete({p}) failed: {}", crate::errno_text(&e));
        }
    }
}

/// Load; `None` if missing or unparsable (messages like upstream).
pub fn load(p: &str, quiet: bool) -> Option<LkBdev> {
    let text = match std::fs::read_to_string(p) {
        Ok(t) => t,
        Err(e) => {
            if e.kind() != std::io::ErrorKind::NotFound && !quiet {
                eprintln!("lk_bdev_load({p}) failed: {}", crate::errno_text(&e));
            }
            return None;
        }
    };
    parse(&text).or_else(|| {
        eprintln!("lk_bdev_load({p}): parse error");
        None
    })
}

/// Parse the file body like upstream's `fscanf("%llu %ms%[\n]uuid: %llx%[\n]")`.
pub fn parse(text: &str) -> Option<LkBdev> {
    let t = text.trim_start();
    let n = t.bytes().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 {
        return None;
    }
    let bd_size = t[..n].parse().ok()?;
    let rest = t[n..].trim_start();
    let name_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let bd_name = (name_len > 0).then(|| rest[..name_len].to_string());
    let mut bd_uuid = 0;
    if let Some(after) = rest[name_len..].strip_prefix('\n') {
        if let Some(u) = after.strip_prefix("uuid:") {
            let u = u.trim_start();
            let k = u.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
            bd_uuid = u64::from_str_radix(&u[..k], 16).unwrap_or(0);
        }
    }
    Some(LkBdev {
        bd_size,
        bd_name,
        bd_uuid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_forms() {
        assert_eq!(
            parse("67108864\t/tmp/x.img\n"),
            Some(LkBdev {
                bd_size: 67108864,
                bd_name: Some("/tmp/x.img".into()),
                bd_uuid: 0
            })
        );
        assert_eq!(
            parse("5\t/d\nuuid:\t00000000000000AB\n").unwrap().bd_uuid,
            0xAB
        );
        assert_eq!(parse("12").unwrap().bd_name, None);
        assert_eq!(parse("x"), None);
        assert_eq!(path(Some("/t"), None), "/t/drbd-minor--1.lkbd");
        assert_eq!(path(None, Some(3)), "/var/lib/drbd/drbd-minor-3.lkbd");
    }
}
