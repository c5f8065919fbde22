//! `get-gi` / `show-gi`: the data generation identifiers and the meta-data flags, as
//! upstream's `dt_print_uuids()` (8.4) and `dt_print_v9_uuids()` (9) print them, with the
//! explanatory drawing of the `show-gi` forms.

/// `MDF_*` bits of the meta-data flags.
#[allow(missing_docs)]
pub mod mdf {
    pub const CONSISTENT: u32 = 1 << 0;
    pub const PRIMARY_IND: u32 = 1 << 1;
    pub const CONNECTED_IND: u32 = 1 << 2;
    pub const FULL_SYNC: u32 = 1 << 3;
    pub const WAS_UP_TO_DATE: u32 = 1 << 4;
    pub const PEER_OUT_DATED: u32 = 1 << 5;
    pub const CRASHED_PRIMARY: u32 = 1 << 6;
    pub const AL_CLEAN: u32 = 1 << 7;
    pub const AL_DISABLED: u32 = 1 << 8;
    pub const PRIMARY_LOST_QUORUM: u32 = 1 << 9;

    pub const PEER_CONNECTED: u32 = 1 << 0;
    pub const PEER_OUTDATED: u32 = 1 << 1;
    pub const PEER_FENCING: u32 = 1 << 2;
    pub const PEER_FULL_SYNC: u32 = 1 << 3;
    pub const PEER_DEVICE_SEEN: u32 = 1 << 4;
}

const HEADER: &str = "
       +--<  Current data generation UUID  >-
       |               +--<  Bitmap's base data generation UUID  >-
       |               |                 +--<  younger history UUID  >-
       |               |                 |         +-<  older history  >-
       V               V                 V         V
";

fn bit(flags: u32, b: u32) -> u8 {
    u8::from(flags & b != 0)
}

fn uuid_fields(uuids: &[u64; 4]) -> String {
    uuids.iter().map(|u| format!("{u:016X}:")).collect()
}

/// `dt_print_uuids()`: current, bitmap and two history UUIDs, then seven 8.4 flags.
pub fn v08(uuids: &[u64; 4], flags: u32) -> String {
    format!(
        "{}{}:{}:{}:{}:{}:{}:{}\n",
        uuid_fields(uuids),
        bit(flags, mdf::CONSISTENT),
        bit(flags, mdf::WAS_UP_TO_DATE),
        bit(flags, mdf::PRIMARY_IND),
        bit(flags, mdf::CONNECTED_IND),
        bit(flags, mdf::FULL_SYNC),
        bit(flags, mdf::PEER_OUT_DATED),
        bit(flags, mdf::CRASHED_PRIMARY),
    )
}

/// `dt_pretty_print_uuids()`.
pub fn v08_pretty(uuids: &[u64; 4], flags: u32) -> String {
    let mut s = String::from(HEADER);
    s.push_str(&v08(uuids, flags));
    s.push_str(concat!(
        "                                                                    ^ ^ ^ ^ ^ ^ ^\n",
        "                                      -<  Data consistency flag  >--+ | | | | | |\n",
        "                             -<  Data was/is currently up-to-date  >--+ | | | | |\n",
        "                                  -<  Node was/is currently primary  >--+ | | | |\n",
        "                                  -<  Node was/is currently connected  >--+ | | |\n",
        "         -<  Node was in the progress of setting all bits in the bitmap  >--+ | |\n",
        "                        -<  The peer's disk was out-dated or inconsistent  >--+ |\n",
        "      -<  This node was a crashed primary, and has not seen its peer since   >--+\n",
        "\n",
    ));
    let state = if flags & mdf::CONSISTENT != 0 {
        if flags & mdf::WAS_UP_TO_DATE != 0 {
            "UpToDate"
        } else {
            "Outdated"
        }
    } else {
        "Inconsistent"
    };
    s.push_str(&format!(
        "flags:{} {}, {}, {}{}{}\n",
        if flags & mdf::CRASHED_PRIMARY != 0 {
            " crashed"
        } else {
            ""
        },
        if flags & mdf::PRIMARY_IND != 0 {
            "Primary"
        } else {
            "Secondary"
        },
        if flags & mdf::CONNECTED_IND != 0 {
            "Connected"
        } else {
            "StandAlone"
        },
        state,
        if flags & mdf::FULL_SYNC != 0 {
            ", need full sync"
        } else {
            ""
        },
        if flags & mdf::PEER_OUT_DATED != 0 {
            ", peer Outdated"
        } else {
            ""
        },
    ));
    s.push_str(&format!(
        "meta-data: {}\n",
        if flags & mdf::AL_CLEAN != 0 {
            "clean"
        } else {
            "need apply-al"
        }
    ));
    s
}

/// `dt_print_v9_uuids()`: the UUIDs, seven device flags and five peer flags.
pub fn v9(uuids: &[u64; 4], flags: u32, peer_flags: u32) -> String {
    format!(
        "{}{}:{}:{}:{}:{}:{}:{}:{}:{}:{}:{}:{}\n",
        uuid_fields(uuids),
        bit(flags, mdf::CONSISTENT),
        bit(flags, mdf::WAS_UP_TO_DATE),
        bit(flags, mdf::PRIMARY_IND),
        bit(flags, mdf::CRASHED_PRIMARY),
        bit(flags, mdf::AL_CLEAN),
        bit(flags, mdf::AL_DISABLED),
        bit(flags, mdf::PRIMARY_LOST_QUORUM),
        bit(peer_flags, mdf::PEER_CONNECTED),
        bit(peer_flags, mdf::PEER_OUTDATED),
        bit(peer_flags, mdf::PEER_FENCING),
        bit(peer_flags, mdf::PEER_FULL_SYNC),
        bit(peer_flags, mdf::PEER_DEVICE_SEEN),
    )
}

/// `dt_pretty_print_v9_uuids()`.
pub fn v9_pretty(uuids: &[u64; 4], flags: u32, peer_flags: u32) -> String {
    let mut s = String::from(HEADER);
    s.push_str(&v9(uuids, flags, peer_flags));
    s.push_str(concat!(
        "                                                                    ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^\n",
        "                                      -<  Data consistency flag  >--+ | | | | | | | | | | |\n",
        "                             -<  Data was/is currently up-to-date  >--+ | | | | | | | | | |\n",
        "                                  -<  Node was/is currently primary  >--+ | | | | | | | | |\n",
        " -<  This node was a crashed primary, and has not seen its peer since  >--+ | | | | | | | |\n",
        "             -<  The activity-log was applied, the disk can be attached  >--+ | | | | | | |\n",
        "        -<  The activity-log was disabled, peer is completely out of sync  >--+ | | | | | |\n",
        "                              -<  This node was primary when it lost quorum  >--+ | | | | |\n",
        "                                          -<  Node was/is currently connected  >--+ | | | |\n",
        "                              -<  The peer's disk was out-dated or inconsistent  >--+ | | |\n",
        "                                 -<   A fence policy other the dont-care was used  >--+ | |\n",
        "                  -<  Node was in the progress of marking all blocks as out of sync  >--+ |\n",
        "                     -<  At least once we saw this node with a backing device attached >--+\n",
        "\n",
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v08_line() {
        let u = [0x1122334455667788, 0, 0xAB, u64::MAX];
        assert_eq!(
            v08(
                &u,
                mdf::CONSISTENT | mdf::WAS_UP_TO_DATE | mdf::CONNECTED_IND
            ),
            "1122334455667788:0000000000000000:00000000000000AB:FFFFFFFFFFFFFFFF:1:1:0:1:0:0:0\n"
        );
    }

    #[test]
    fn v9_line_has_twelve_flags() {
        let u = [1, 2, 3, 4];
        let line = v9(
            &u,
            mdf::AL_CLEAN,
            mdf::PEER_CONNECTED | mdf::PEER_DEVICE_SEEN,
        );
        assert_eq!(
            line,
            "0000000000000001:0000000000000002:0000000000000003:0000000000000004:0:0:0:0:1:0:0:1:0:0:0:1\n"
        );
        let pretty = v9_pretty(&u, 0, 0);
        assert!(pretty.starts_with("\n       +--<  Current data generation UUID  >-\n"));
        assert!(pretty.ends_with(">--+\n\n"));
    }
}
