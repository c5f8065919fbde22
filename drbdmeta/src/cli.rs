//! Command line handling with GNU `getopt_long()` semantics, as upstream's
//! `main()` uses them: options may appear anywhere (argv is permuted so the
//! dump header can show it like upstream), long options may be abbreviated
//! to a unique prefix, `--opt=val` and `--opt val` both work, short options
//! may be grouped.  Values are checked in the order given, with upstream's
//! messages and exit codes (`m_strtoll()`, `node_mask_from_arg()`, ...).

use crate::error::{Error, Result};

/// `--initialize-bitmap` modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitBitmap {
    /// Fast zeroing, falling back to writes ("automatic").
    Automatic,
    /// Fast zeroing or fail ("zeroout").
    ZeroOut,
    /// Plain writes of zeros ("pwrite").
    Pwrite,
    /// Set every bit ("set-all").
    SetAll,
    /// Leave the area alone ("skip").
    Skip,
}

/// `--output-format` of dump-superblock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Hex on a tty, binary otherwise.
    Auto,
    /// `fprintf_hex` style.
    Hex,
    /// Raw 4 KiB.
    Bin,
    /// JSON.
    Json,
}

/// All options (`metaopt[]`).
#[derive(Debug, Clone)]
pub struct Options {
    /// `--force`.
    pub force: bool,
    /// `--quiet`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u32,
    /// `--ignore-sanity-checks`.
    pub ignore_sanity_checks: bool,
    /// `--dry-run` / `--tentative`.
    pub dry_run: bool,
    /// `--peer-max-bio-size`.
    pub peer_max_bio_size: u32,
    /// `--node-id`, -1 if not given.
    pub node_id: i32,
    /// `--al-stripes`.
    pub al_stripes: u32,
    /// `--al-stripe-size-kB` / 4.
    pub al_stripe_size_4k: u32,
    /// Either AL option was given.
    pub al_stripes_used: bool,
    /// `--bitmap-block-size` (0 = default).
    pub bm_block_size: u32,
    /// The text given to `--bitmap-block-size`.
    pub bm_block_size_str: String,
    /// `--effective-size` in sectors.
    pub effective_size: u64,
    /// `--diskful-peers` mask.
    pub diskful_peer_mask: u64,
    /// `--initial-current-uuid`.
    pub initial_current_uuid: Option<String>,
    /// `--consistent`.
    pub consistent: bool,
    /// `--uptodate`.
    pub uptodate: bool,
    /// `--peers-outdated`.
    pub peers_outdated: bool,
    /// `--rotate-uuids`.
    pub rotate_uuids: bool,
    /// `--var-lib-drbd DIR`.
    pub var_lib_drbd: Option<String>,
    /// `--initialize-bitmap`.
    pub initialize_bitmap: InitBitmap,
    /// `--output-format`.
    pub output_format: OutputFormat,
    /// `--output-format` was given.
    pub output_format_seen: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            force: false,
            quiet: false,
            verbose: 0,
            ignore_sanity_checks: false,
            dry_run: false,
            peer_max_bio_size: 0,
            node_id: -1,
            al_stripes: 1,
            al_stripe_size_4k: 8,
            al_stripes_used: false,
            bm_block_size: 0,
            bm_block_size_str: String::new(),
            effective_size: 0,
            diskful_peer_mask: 0,
            initial_current_uuid: None,
            consistent: false,
            uptodate: false,
            peers_outdated: false,
            rotate_uuids: false,
            var_lib_drbd: None,
            initialize_bitmap: InitBitmap::Automatic,
            output_format: OutputFormat::Auto,
            output_format_seen: false,
        }
    }
}

/// (long name, takes argument, short letter)
const LONG: &[(&str, bool, Option<char>)] = &[
    ("ignore-sanity-checks", false, None),
    ("dry-run", false, None),
    ("tentative", false, None),
    ("force", false, Some('f')),
    ("quiet", false, Some('q')),
    ("verbose", false, Some('v')),
    ("peer-max-bio-size", true, Some('p')),
    ("node-id", true, Some('i')),
    ("effective-size", true, Some('Z')),
    ("diskful-peers", true, Some('D')),
    ("al-stripes", true, Some('s')),
    ("al-stripe-size-kB", true, Some('z')),
    ("bitmap-block-size", true, Some('B')),
    ("initialize-bitmap", true, Some('b')),
    ("output-format", true, Some('o')),
    ("initial-current-uuid", true, None),
    ("consistent", false, None),
    ("uptodate", false, None),
    ("peers-outdated", false, None),
    ("rotate-uuids", false, None),
    ("var-lib-drbd", true, None),
];

/// Result of parsing argv.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Options.
    pub opts: Options,
    /// Non-option arguments in order: DEVICE FORMAT ... COMMAND ...
    pub args: Vec<String>,
    /// argv as permuted by getopt (argv[0] = "drbdmeta"), for the dump header.
    pub permuted: Vec<String>,
}

/// Upstream's usage text (stdout, exit 20).
pub fn usage_text() -> String {
    let mut s = String::from(
        "\nUSAGE: drbdmeta [--force] [--quiet] DEVICE FORMAT [FORMAT ARGS...] COMMAND [CMD ARGS...]\n\nFORMATS:\n  v06 minor\n  v07 device index\n  v08 device index\n  v09 device index\n\nCOMMANDS:\n",
    );
    for c in crate::commands::COMMANDS.iter().filter(|c| c.show_in_usage) {
        s.push_str(&format!(
            "  {}{} {}\n",
            c.name,
            if c.node_id_required {
                " --node-id {val}"
            } else {
                ""
            },
            c.args
        ));
    }
    s
}

fn usage_error(msg: String) -> Error {
    // getopt prints its complaint to stderr, then print_usage_and_exit()
    eprintln!("{msg}");
    print!("{}", usage_text());
    Error::usage("")
}

/// `new_strtoll()`: a number with an optional unit suffix (K M G s), scaled
/// relative to `def_unit` ('1', 'k' or 's').
pub fn m_strtoll(s: &str, def_unit: char) -> Result<u64> {
    let mut shift: i32 = match def_unit {
        'k' | 'K' => -10,
        's' => -9,
        _ => 0,
    };
    let t = s.trim_start();
    if s.is_empty() {
        return Err(Error::Status {
            code: 100,
            msg: "missing number argument".into(),
        });
    }
    let (neg, digits_start) = match t.as_bytes().first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let body = &t[digits_start..];
    let nd = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    if nd == 0 {
        return Err(Error::usage(format!("{s} is not a valid number")));
    }
    let mut v = body[..nd].parse::<u64>().unwrap_or(u64::MAX);
    if neg {
        v = v.wrapping_neg();
    }
    let rest = &body[nd..];
    let mut chars = rest.chars();
    let unit = match (chars.next(), chars.next()) {
        (None, _) => return Ok(v),
        (Some(u), None) => u,
        (Some(_), Some(_)) => return Err(Error::usage(format!("{s} is not a valid number"))),
    };
    shift += match unit {
        'K' | 'k' => 10,
        'M' | 'm' => 20,
        'G' | 'g' => 30,
        's' => 9,
        _ => return Err(Error::usage(format!("{s} is not a valid unit"))),
    };
    if shift < 0 {
        let sh = (-shift) as u32;
        return Ok(((u128::from(v) + (1u128 << sh) - 1) >> sh) as u64);
    }
    if v > (u64::MAX >> shift) {
        return Err(Error::usage(format!("{s}: out of range")));
    }
    Ok(v << shift)
}

/// `node_mask_from_arg()`: `0x<hex mask>` or a comma separated node list.
pub fn node_mask_from_arg(arg: &str) -> Result<u64> {
    let bad = |a: &str| Error::sanity(format!("invalid node list / mask value '{a}'"));
    if let Some(h) = arg.strip_prefix("0x") {
        let n = h.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
        if n != h.len() {
            return Err(bad(h));
        }
        return Ok(if n == 0 {
            0
        } else {
            i64::from_str_radix(h, 16).unwrap_or(i64::MAX) as u64
        });
    }
    let mut result = 0u64;
    let mut rest = arg;
    loop {
        let (neg, b) = match rest.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let n = b.bytes().take_while(|c| c.is_ascii_digit()).count();
        let v: i64 = if n == 0 {
            0
        } else {
            b[..n].parse().unwrap_or(i64::MAX)
        };
        let v = if neg { -v } else { v };
        if !(0..32).contains(&v) {
            return Err(bad(rest));
        }
        // upstream computes 1<<tmp in int; ids 0..31
        result |= u64::from(1u32 << v);
        let after = &b[n..];
        if after.is_empty() {
            return Ok(result);
        }
        match after.strip_prefix(',') {
            Some(r) => rest = r,
            None => return Err(bad(rest)),
        }
    }
}

fn apply(opts: &mut Options, name: &str, val: Option<&str>) -> Result<()> {
    let v = val.unwrap_or("");
    match name {
        "ignore-sanity-checks" => opts.ignore_sanity_checks = true,
        "dry-run" | "tentative" => opts.dry_run = true,
        "force" => opts.force = true,
        "quiet" => opts.quiet = true,
        "verbose" => opts.verbose += 1,
        "peer-max-bio-size" => {
            let n = m_strtoll(v, '1')? as i64;
            if !(0..=1024 * 1024).contains(&n) {
                return Err(Error::sanity("peer-max-bio-size out of range (0...1M)"));
            }
            opts.peer_max_bio_size = n as u32;
        }
        "node-id" => {
            let n = m_strtoll(v, '1')? as i64;
            if !(0..=31).contains(&n) {
                return Err(Error::sanity("node-id out of range (0...31)"));
            }
            opts.node_id = n as i32;
        }
        "output-format" => {
            opts.output_format = match v {
                "auto" => OutputFormat::Auto,
                "hex" => OutputFormat::Hex,
                "bin" => OutputFormat::Bin,
                "json" => OutputFormat::Json,
                _ => return Err(Error::sanity(format!("Unknown output format '{v}'"))),
            };
            opts.output_format_seen = true;
        }
        "al-stripes" => {
            opts.al_stripes = m_strtoll(v, '1')? as u32;
            opts.al_stripes_used = true;
        }
        "al-stripe-size-kB" => {
            opts.al_stripe_size_4k = (m_strtoll(v, 'k')? / 4) as u32;
            opts.al_stripes_used = true;
        }
        "effective-size" => opts.effective_size = m_strtoll(v, 's')?,
        "diskful-peers" => opts.diskful_peer_mask = node_mask_from_arg(v)?,
        "initialize-bitmap" => {
            opts.initialize_bitmap = match v {
                "automatic" => InitBitmap::Automatic,
                "zeroout" => InitBitmap::ZeroOut,
                "pwrite" => InitBitmap::Pwrite,
                "set-all" => InitBitmap::SetAll,
                "skip" => InitBitmap::Skip,
                _ => {
                    return Err(Error::sanity(format!(
                        "invalid initialize-bitmap mode \"{v}\", should be one of automatic|zeroout|pwrite|set-all|skip"
                    )))
                }
            }
        }
        "bitmap-block-size" => {
            opts.bm_block_size_str = v.to_string();
            let n = m_strtoll(v, '1')?;
            opts.bm_block_size = if n == 0 { 4096 } else { n.min(u64::from(u32::MAX)) as u32 };
            if n > u64::from(u32::MAX) {
                opts.bm_block_size = 3; // not a power of two: rejected later with upstream's text
            }
        }
        "initial-current-uuid" => opts.initial_current_uuid = Some(v.to_string()),
        "consistent" => opts.consistent = true,
        "uptodate" => opts.uptodate = true,
        "peers-outdated" => opts.peers_outdated = true,
        "rotate-uuids" => opts.rotate_uuids = true,
        "var-lib-drbd" => opts.var_lib_drbd = Some(v.to_string()),
        _ => return Err(Error::Bug(format!("unhandled option {name}"))),
    }
    Ok(())
}

/// Parse argv (including argv[0]).
pub fn parse(argv: &[String]) -> Result<Parsed> {
    let mut opts = Options::default();
    let mut args = Vec::new();
    let mut optv: Vec<String> = Vec::new();
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "--" {
            optv.push(a.clone());
            args.extend(argv[i..].iter().cloned());
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (body, None),
            };
            let exact = LONG.iter().find(|(n, _, _)| *n == name);
            let cands: Vec<_> = LONG
                .iter()
                .filter(|(n, _, _)| n.starts_with(name))
                .collect();
            let opt = match (exact, cands.len()) {
                (Some(o), _) => o,
                (None, 1) => cands[0],
                (None, 0) => {
                    return Err(usage_error(format!("drbdmeta: unrecognized option '{a}'")))
                }
                (None, _) => {
                    let list: Vec<String> =
                        cands.iter().map(|(n, _, _)| format!("'--{n}'")).collect();
                    return Err(usage_error(format!(
                        "drbdmeta: option '--{name}' is ambiguous; possibilities: {}",
                        list.join(" ")
                    )));
                }
            };
            optv.push(a.clone());
            let val = if opt.1 {
                match inline {
                    Some(v) => Some(v.to_string()),
                    None if i < argv.len() => {
                        i += 1;
                        optv.push(argv[i - 1].clone());
                        Some(argv[i - 1].clone())
                    }
                    None => {
                        return Err(usage_error(format!(
                            "drbdmeta: option '--{}' requires an argument",
                            opt.0
                        )))
                    }
                }
            } else {
                if inline.is_some() {
                    return Err(usage_error(format!(
                        "drbdmeta: option '--{}' doesn't allow an argument",
                        opt.0
                    )));
                }
                None
            };
            apply(&mut opts, opt.0, val.as_deref())?;
            continue;
        }
        if a.len() > 1 && a.starts_with('-') {
            optv.push(a.clone());
            let chars: Vec<char> = a[1..].chars().collect();
            let mut k = 0;
            while k < chars.len() {
                let c = chars[k];
                k += 1;
                let Some(opt) = LONG.iter().find(|(_, _, s)| *s == Some(c)) else {
                    return Err(usage_error(format!("drbdmeta: invalid option -- '{c}'")));
                };
                if opt.1 {
                    let v: String = if k < chars.len() {
                        chars[k..].iter().collect()
                    } else if i < argv.len() {
                        i += 1;
                        optv.push(argv[i - 1].clone());
                        argv[i - 1].clone()
                    } else {
                        return Err(usage_error(format!(
                            "drbdmeta: option requires an argument -- '{c}'"
                        )));
                    };
                    apply(&mut opts, opt.0, Some(&v))?;
                    break;
                }
                apply(&mut opts, opt.0, None)?;
            }
            continue;
        }
        args.push(a.clone());
    }
    let mut permuted = vec!["drbdmeta".to_string()];
    permuted.extend(optv);
    permuted.extend(args.iter().cloned());
    Ok(Parsed {
        opts,
        args,
        permuted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn permutation_and_abbreviation() {
        let p = parse(&argv(
            "drbdmeta - v09 /img internal dump-superblock --output json --force",
        ))
        .unwrap();
        assert_eq!(p.args, argv("- v09 /img internal dump-superblock"));
        assert_eq!(p.opts.output_format, OutputFormat::Json);
        assert!(p.opts.force);
        assert_eq!(
            p.permuted.join(" "),
            "drbdmeta --output json --force - v09 /img internal dump-superblock"
        );
    }

    #[test]
    fn short_options_and_values() {
        let p = parse(&argv("drbdmeta -fq -i3 -s 2 -z 64 x")).unwrap();
        assert!(p.opts.force && p.opts.quiet);
        assert_eq!(p.opts.node_id, 3);
        assert_eq!((p.opts.al_stripes, p.opts.al_stripe_size_4k), (2, 16));
        assert!(parse(&argv("drbdmeta --p 1")).is_err());
        assert!(parse(&argv("drbdmeta --node-id 32")).is_err());
        assert!(parse(&argv("drbdmeta --bogus")).is_err());
    }

    #[test]
    fn strtoll_units() {
        assert_eq!(m_strtoll("1000", 's').unwrap(), 1000);
        assert_eq!(m_strtoll("1M", 's').unwrap(), 2048);
        assert_eq!(m_strtoll("32", 'k').unwrap(), 32);
        assert_eq!(m_strtoll("1M", 'k').unwrap(), 1024);
        assert_eq!(m_strtoll("4k", '1').unwrap(), 4096);
        assert_eq!(m_strtoll("1x", '1').unwrap_err().exit_code(), 20);
        assert_eq!(m_strtoll("abc", '1').unwrap_err().exit_code(), 20);
    }

    #[test]
    fn node_masks() {
        assert_eq!(node_mask_from_arg("0x5").unwrap(), 5);
        assert_eq!(node_mask_from_arg("0,2,31").unwrap(), 1 | 4 | (1 << 31));
        assert!(node_mask_from_arg("32").is_err());
        assert!(node_mask_from_arg("1;2").is_err());
    }
}
