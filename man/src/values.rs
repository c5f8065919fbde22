//! Human descriptions of option value types, from the option table.

use conf_parser::options::{Scale, Spec, ValueType};

/// The placeholder for an option's value (`NUMBER`, `{yes|no}`, ...); empty for flags.
pub fn value_name(ty: &ValueType) -> String {
    match ty {
        ValueType::Flag => String::new(),
        ValueType::Bool { .. } => "yes|no".into(),
        ValueType::Numeric { .. } => "number".into(),
        ValueType::Enum { values, .. } => {
            values.iter().map(|(v, _)| *v).collect::<Vec<_>>().join("|")
        }
        ValueType::EnumNum { values, .. } => {
            let mut v: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
            v.push("number");
            v.join("|")
        }
        ValueType::String { .. } => "string".into(),
        ValueType::KeySerial => "keyring".into(),
    }
}

fn native_unit(scale: Scale, unit: &str) -> &'static str {
    match scale {
        Scale::Sector => "512-byte sectors",
        Scale::Kilo if unit.contains("second") => "KiB/s",
        Scale::Kilo => "KiB",
        Scale::One => "",
    }
}

/// One sentence describing type, unit, range and default, e.g.
/// "Number, in 1/10 seconds; 1 to 600; default 60."
pub fn describe(ty: &ValueType) -> String {
    match ty {
        ValueType::Flag => "Flag (no value).".into(),
        ValueType::Bool { default } => format!(
            "Boolean (yes or no; a bare name means yes); default {}.",
            if *default { "yes" } else { "no" }
        ),
        ValueType::Numeric {
            min,
            max,
            default,
            scale,
            unit,
            implicit_clamp,
        } => {
            let native = native_unit(*scale, unit);
            let mut s = String::from("Number");
            if !unit.is_empty() {
                s.push_str(&format!(", in {unit}"));
            }
            if !native.is_empty() {
                s.push_str(&format!(
                    " (a bare number counts {native}; the suffixes K, M, G and s are converted)"
                ));
            }
            let in_native = if native.is_empty() {
                String::new()
            } else {
                format!(" {native}")
            };
            s.push_str(&format!("; {min} to {max}{in_native}; default {default}"));
            if *implicit_clamp {
                s.push_str("; values out of range are clamped by the kernel");
            }
            s.push('.');
            s
        }
        ValueType::Enum {
            values, default, ..
        } => format!(
            "One of {}; default {default}.",
            values
                .iter()
                .map(|(v, _)| *v)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ValueType::EnumNum {
            values,
            min,
            max,
            default,
        } => format!(
            "One of {}, or a number from {min} to {max}; default {default}.",
            values
                .iter()
                .map(|(v, _)| *v)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ValueType::String { max_len } if *max_len > 0 => {
            format!("String of at most {} bytes.", max_len - 1)
        }
        ValueType::String { .. } => "String.".into(),
        ValueType::KeySerial => "The name of a kernel key (looked up as a key serial).".into(),
    }
}

/// The versions that have a row, and how each describes it: one line when both agree,
/// one per version otherwise.
pub fn per_version(v84: Option<&Spec>, v9: Option<&Spec>) -> Vec<String> {
    match (v84, v9) {
        (Some(a), Some(b)) if a.ty == b.ty => {
            vec![format!("{} DRBD 8.4 and 9.", describe(&a.ty))]
        }
        (Some(a), Some(b)) => vec![
            format!("DRBD 8.4: {}", describe(&a.ty)),
            format!("DRBD 9: {}", describe(&b.ty)),
        ],
        (Some(a), None) => vec![format!("{} DRBD 8.4 only.", describe(&a.ty))],
        (None, Some(b)) => vec![format!("{} DRBD 9 only.", describe(&b.ty))],
        (None, None) => Vec::new(),
    }
}
