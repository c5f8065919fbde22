//! Option comparison for `adjust`: each field's `is_equal` / `is_default` as upstream's field
//! classes (user/v9/config_flags.c) define them, from the one option table, and
//! `opts_equal()` / `opt_equal()` of drbdadm_adjust.c.

use conf_parser::options::{self, parse_number, Dialect, Section, ValueType};

use super::report;
use super::show::ROpt;
use crate::expand::XOpt;

fn value_type(section: Section, name: &str) -> Option<ValueType> {
    options::lookup(name, section, Dialect::V9).map(|(_, spec)| spec.ty)
}

/// `boolean_string_to_int()`: no value or `yes` is 1, `no` is 0, anything else -1.
fn yes_no(v: Option<&str>) -> i32 {
    match v {
        None | Some("yes") => 1,
        Some("no") => 0,
        Some(_) => -1,
    }
}

/// `enum_num_to_int()`: a keyword's value, else the number, else -1.
fn enum_num(values: &[(&str, u32)], v: Option<&str>) -> i64 {
    let Some(v) = v else { return -1 };
    if let Some((_, n)) = values.iter().find(|(k, _)| *k == v) {
        return i64::from(*n);
    }
    parse_number(v, options::Scale::One).unwrap_or(-1)
}

/// The field's `is_equal()`.
pub fn is_equal(section: Section, name: &str, a: Option<&str>, b: Option<&str>) -> bool {
    let (sa, sb) = (a.unwrap_or(""), b.unwrap_or(""));
    match value_type(section, name) {
        Some(ValueType::Numeric { scale, .. }) => {
            match (parse_number(sa, scale), parse_number(sb, scale)) {
                (Ok(x), Ok(y)) => x == y,
                _ => sa == sb,
            }
        }
        Some(ValueType::Bool { .. } | ValueType::Flag) => yes_no(a) == yes_no(b),
        Some(ValueType::Enum { nocase: true, .. }) => sa.eq_ignore_ascii_case(sb),
        _ => sa == sb,
    }
}

/// The field's `is_default()`.
pub fn is_default(section: Section, name: &str, v: Option<&str>) -> bool {
    match value_type(section, name) {
        Some(ValueType::Numeric { scale, default, .. }) => v
            .and_then(|v| parse_number(v, scale).ok())
            .is_some_and(|n| n == default),
        Some(ValueType::Bool { default }) => yes_no(v) == i32::from(default),
        Some(ValueType::Flag) => yes_no(v) == 0,
        Some(ValueType::Enum {
            values,
            default,
            nocase,
        }) => {
            let Some(v) = v else { return false };
            let known = values.iter().any(|(k, _)| {
                if nocase {
                    k.eq_ignore_ascii_case(v)
                } else {
                    *k == v
                }
            });
            known
                && if nocase {
                    v.eq_ignore_ascii_case(default)
                } else {
                    v == default
                }
        }
        Some(ValueType::EnumNum {
            values, default, ..
        }) => {
            let n = enum_num(values, v);
            n != -1 && n == enum_num(values, Some(default))
        }
        Some(ValueType::String { .. }) => v == Some(""),
        Some(ValueType::KeySerial) => v.is_none_or(str::is_empty),
        None => false,
    }
}

/// Upstream's `opts_equal()`: every running option equals the configured one or, when the
/// config does not mention it, is the default; every configured option not running is the
/// default. Options named in `skip` are not compared (`adj_skip`). An option the kernel
/// reported as unknown is removed from the configured ones (as if it was not mentioned),
/// which is why `conf` is mutable.
pub fn opts_equal(section: Section, conf: &mut Vec<XOpt>, run: &[ROpt], skip: &[&str]) -> bool {
    let mut mentioned = vec![false; conf.len()];
    for r in run {
        if r.unknown {
            if let Some(i) = conf.iter().position(|o| o.name == r.name) {
                conf.remove(i);
                mentioned.remove(i);
            }
            continue;
        }
        if skip.contains(&r.name.as_str()) {
            continue;
        }
        let rv = report::value(r.value.as_deref());
        match conf.iter().position(|o| o.name == r.name) {
            Some(i) => {
                let cv = conf[i].value.as_deref();
                if !is_equal(section, &r.name, r.value.as_deref(), cv) {
                    let cv = report::value(cv);
                    report::differs(format_args!("Value of '{}' differs: r={rv} c={cv}", r.name));
                    return false;
                }
                let cv = report::value(cv);
                report::equal(format_args!("Value of '{}' equal: r={rv} c={cv}", r.name));
                mentioned[i] = true;
            }
            None => {
                if !is_default(section, &r.name, r.value.as_deref()) {
                    report::differs(format_args!("Only in running config {}: {rv}", r.name));
                    return false;
                }
                report::equal(format_args!("Is default: '{}' equal: r={rv}", r.name));
            }
        }
    }
    for (o, &m) in conf.iter().zip(&mentioned) {
        if !skip.contains(&o.name.as_str())
            && !m
            && !is_default(section, &o.name, o.value.as_deref())
        {
            let cv = report::value(o.value.as_deref());
            report::differs(format_args!("Only in config file {}: {cv}", o.name));
            return false;
        }
    }
    true
}

/// Upstream's `opt_equal()`: one option, a missing one standing for its default.
pub fn opt_equal(section: Section, name: &str, conf: &[XOpt], run: &[ROpt]) -> bool {
    let c = conf.iter().find(|o| o.name == name);
    let r = run.iter().find(|o| o.name == name);
    match (c, r) {
        (Some(c), Some(r)) => is_equal(section, name, c.value.as_deref(), r.value.as_deref()),
        (Some(c), None) => is_default(section, name, c.value.as_deref()),
        (None, Some(r)) => is_default(section, name, r.value.as_deref()),
        (None, None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(name: &str, v: &str) -> XOpt {
        XOpt {
            name: name.into(),
            value: Some(v.into()),
            inherited: false,
        }
    }

    fn r(name: &str, v: &str) -> ROpt {
        ROpt {
            name: name.into(),
            value: Some(v.into()),
            unknown: false,
        }
    }

    #[test]
    fn a_running_default_equals_an_absent_option() {
        let mut conf = vec![];
        assert!(opts_equal(
            Section::Disk,
            &mut conf,
            &[r("disk-flushes", "yes")],
            &[]
        ));
        assert!(!opts_equal(
            Section::Disk,
            &mut conf,
            &[r("disk-flushes", "no")],
            &[]
        ));
        let mut conf = vec![x("bitmap", "yes")];
        assert!(opts_equal(Section::Disk, &mut conf, &[], &[]));
        let mut conf = vec![x("bitmap", "no")];
        assert!(!opts_equal(Section::Disk, &mut conf, &[], &[]));
    }

    #[test]
    fn numbers_compare_in_the_native_unit() {
        let mut conf = vec![x("resync-rate", "10M")];
        assert!(opts_equal(
            Section::PeerDevice,
            &mut conf,
            &[r("resync-rate", "10240")],
            &[]
        ));
        assert!(!opts_equal(
            Section::PeerDevice,
            &mut conf,
            &[r("resync-rate", "10241")],
            &[]
        ));
    }

    #[test]
    fn strings_enums_and_quorum() {
        let mut conf = vec![x("_name", "peer"), x("protocol", "c")];
        assert!(opts_equal(
            Section::Net,
            &mut conf,
            &[r("protocol", "C"), r("_name", "peer")],
            &[]
        ));
        assert!(!opts_equal(
            Section::Net,
            &mut conf,
            &[r("_name", "other")],
            &[]
        ));
        assert!(!opts_equal(
            Section::Net,
            &mut vec![],
            &[r("verify-alg", "md5")],
            &[]
        ));
        assert!(opts_equal(
            Section::Resource,
            &mut vec![x("quorum", "off")],
            &[],
            &[]
        ));
        assert!(!opts_equal(
            Section::Resource,
            &mut vec![x("quorum", "majority")],
            &[],
            &[]
        ));
    }

    #[test]
    fn unknown_running_options_drop_the_configured_one() {
        let mut conf = vec![x("bitmap", "no"), x("disk-flushes", "no")];
        let run = [
            ROpt {
                name: "bitmap".into(),
                value: None,
                unknown: true,
            },
            r("disk-flushes", "no"),
        ];
        assert!(opts_equal(Section::Disk, &mut conf, &run, &[]));
        assert_eq!(conf.len(), 1);
    }

    #[test]
    fn skipped_options_are_not_compared() {
        let mut conf = vec![x("size", "10G")];
        assert!(opts_equal(
            Section::Disk,
            &mut conf,
            &[r("size", "5G")],
            &["size"]
        ));
    }

    #[test]
    fn opt_equal_uses_defaults_for_missing_sides() {
        assert!(opt_equal(Section::Net, "transport", &[], &[]));
        assert!(opt_equal(
            Section::Net,
            "load-balance-paths",
            &[x("load-balance-paths", "no")],
            &[]
        ));
        assert!(!opt_equal(
            Section::Net,
            "load-balance-paths",
            &[],
            &[r("load-balance-paths", "yes")]
        ));
    }
}
