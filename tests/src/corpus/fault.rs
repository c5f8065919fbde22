//! Deliberate mistakes: duplicates of each kind, missing keywords, bad values, unknown
//! names, wrong sections, unbalanced braces, unknown hosts. Structural faults are made by
//! the composer; textual ones are applied to the rendered text here.

use super::rng::Rng;

/// One deliberate mistake in a config.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// Two resources with the same name.
    DupResourceName,
    /// Two resources on one minor.
    DupMinor,
    /// Two resources on one backing disk.
    DupDisk,
    /// Two resources on one external meta-data device and index.
    DupMetaIndex,
    /// Two resources on one address:port.
    DupAddress,
    /// Two hosts with one node id.
    DupNodeId,
    /// `on HOST` twice in a resource.
    DupHostSection,
    /// A section (`net`, `disk`, ...) twice in a resource.
    DupSection,
    /// An option twice in one block.
    DupOption,
    /// Two `global` sections.
    DupGlobal,
    /// A `;` left out.
    MissingSemicolon,
    /// The last `}` left out.
    MissingBrace,
    /// One `}` too many.
    ExtraBrace,
    /// A host without `address`.
    MissingAddress,
    /// A volume without `device`.
    MissingDevice,
    /// A volume without `disk`.
    MissingDisk,
    /// A DRBD 9 host without `node-id`.
    MissingNodeId,
    /// A number out of its range.
    OutOfRange,
    /// A number with a unit suffix that does not exist.
    BadSuffix,
    /// An option name that does not exist (or is misspelt).
    UnknownOption,
    /// An option in a section it does not belong to.
    WrongSection,
    /// An enumeration value that does not exist.
    BadEnum,
    /// A string longer than its field.
    LongString,
    /// `resync-after` naming no resource.
    UnknownResyncAfter,
    /// A connection or mesh naming a host without an `on` section.
    UnknownHost,
    /// An address that is no address (bad IP, port out of range, no port).
    BadAddress,
    /// A device that is not `/dev/drbdN` or whose name and minor disagree.
    BadDevice,
    /// A meta-disk index that is not a number.
    BadMetaIndex,
    /// Explicit and implicit volumes mixed.
    MixedVolumes,
    /// An include of a file that does not exist.
    MissingInclude,
    /// A statement keyword that does not exist.
    UnknownKeyword,
    /// Three independent errors in three blocks (lint recovery).
    ThreeErrors,
}

impl Fault {
    /// Every fault, in declaration order.
    pub const ALL: &'static [Fault] = &[
        Fault::DupResourceName,
        Fault::DupMinor,
        Fault::DupDisk,
        Fault::DupMetaIndex,
        Fault::DupAddress,
        Fault::DupNodeId,
        Fault::DupHostSection,
        Fault::DupSection,
        Fault::DupOption,
        Fault::DupGlobal,
        Fault::MissingSemicolon,
        Fault::MissingBrace,
        Fault::ExtraBrace,
        Fault::MissingAddress,
        Fault::MissingDevice,
        Fault::MissingDisk,
        Fault::MissingNodeId,
        Fault::OutOfRange,
        Fault::BadSuffix,
        Fault::UnknownOption,
        Fault::WrongSection,
        Fault::BadEnum,
        Fault::LongString,
        Fault::UnknownResyncAfter,
        Fault::UnknownHost,
        Fault::BadAddress,
        Fault::BadDevice,
        Fault::BadMetaIndex,
        Fault::MixedVolumes,
        Fault::MissingInclude,
        Fault::UnknownKeyword,
        Fault::ThreeErrors,
    ];

    /// The fault's name in reports and in the known-differences file.
    pub fn name(self) -> &'static str {
        match self {
            Fault::DupResourceName => "dup-resource-name",
            Fault::DupMinor => "dup-minor",
            Fault::DupDisk => "dup-disk",
            Fault::DupMetaIndex => "dup-meta-index",
            Fault::DupAddress => "dup-address",
            Fault::DupNodeId => "dup-node-id",
            Fault::DupHostSection => "dup-host-section",
            Fault::DupSection => "dup-section",
            Fault::DupOption => "dup-option",
            Fault::DupGlobal => "dup-global",
            Fault::MissingSemicolon => "missing-semicolon",
            Fault::MissingBrace => "missing-brace",
            Fault::ExtraBrace => "extra-brace",
            Fault::MissingAddress => "missing-address",
            Fault::MissingDevice => "missing-device",
            Fault::MissingDisk => "missing-disk",
            Fault::MissingNodeId => "missing-node-id",
            Fault::OutOfRange => "out-of-range",
            Fault::BadSuffix => "bad-suffix",
            Fault::UnknownOption => "unknown-option",
            Fault::WrongSection => "wrong-section",
            Fault::BadEnum => "bad-enum",
            Fault::LongString => "long-string",
            Fault::UnknownResyncAfter => "unknown-resync-after",
            Fault::UnknownHost => "unknown-host",
            Fault::BadAddress => "bad-address",
            Fault::BadDevice => "bad-device",
            Fault::BadMetaIndex => "bad-meta-index",
            Fault::MixedVolumes => "mixed-volumes",
            Fault::MissingInclude => "missing-include",
            Fault::UnknownKeyword => "unknown-keyword",
            Fault::ThreeErrors => "three-errors",
        }
    }

    /// Faults between resources need at least two.
    pub fn needs_two(self) -> bool {
        matches!(
            self,
            Fault::DupResourceName
                | Fault::DupMinor
                | Fault::DupDisk
                | Fault::DupMetaIndex
                | Fault::DupAddress
        )
    }

    /// Applies a textual fault to the text of the file holding the first resource.
    pub fn apply_text(self, rng: &mut Rng, text: &str) -> String {
        let Some(start) = text.find("resource ") else {
            return text.to_string();
        };
        match self {
            Fault::MissingSemicolon => {
                let semis: Vec<usize> = text[start..]
                    .match_indices(';')
                    .map(|(i, _)| start + i)
                    .collect();
                if semis.is_empty() {
                    return text.to_string();
                }
                let at = *rng.pick(&semis);
                format!("{}{}", &text[..at], &text[at + 1..])
            }
            Fault::MissingBrace => match text.rfind('}') {
                Some(at) => format!("{}{}", &text[..at], &text[at + 1..]),
                None => text.to_string(),
            },
            Fault::ExtraBrace => {
                let end = first_resource_end(text, start).unwrap_or(text.len());
                format!("{}\n}}\n{}", &text[..end], &text[end..])
            }
            Fault::BadDevice => {
                const BAD: &[&str] = &[
                    "device /dev/sda1;",
                    "device /dev/drbd1 minor 2;",
                    "device minor x;",
                ];
                let with: &&str = rng.pick(BAD);
                replace_first_statement(text, start, "device ", with)
            }
            Fault::BadMetaIndex | Fault::ThreeErrors => {
                const BAD: &[&str] = &[
                    "meta-disk /dev/vg0/meta [x];",
                    "meta-disk /dev/vg0/meta [-1];",
                    "meta-disk /dev/vg0/meta [1;",
                ];
                let with: &&str = rng.pick(BAD);
                replace_first_statement(text, start, "meta-disk ", with)
            }
            Fault::UnknownKeyword => {
                let open = text[start..].find('{').map(|i| start + i + 1);
                match open {
                    Some(at) => format!("{}\n\tfrobnicate yes;{}", &text[..at], &text[at..]),
                    None => text.to_string(),
                }
            }
            _ => text.to_string(),
        }
    }
}

/// The byte after the `}` that closes the resource starting at `start`.
fn first_resource_end(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in text[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Replaces the first statement starting with `keyword` after `start` (up to its `;`),
/// or inserts `with` after the resource's opening brace when there is none.
fn replace_first_statement(text: &str, start: usize, keyword: &str, with: &str) -> String {
    let hit = text[start..]
        .match_indices(keyword)
        .map(|(i, _)| start + i)
        .find(|&i| i == 0 || text[..i].ends_with(|c: char| c.is_whitespace() || c == '{'));
    match hit {
        Some(at) => {
            let end = text[at..].find(';').map_or(text.len(), |e| at + e + 1);
            format!("{}{}{}", &text[..at], with, &text[end..])
        }
        None => {
            let open = text[start..]
                .find('{')
                .map_or(text.len(), |i| start + i + 1);
            format!("{}\n\t{with}{}", &text[..open], &text[open..])
        }
    }
}
