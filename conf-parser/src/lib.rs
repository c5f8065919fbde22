//! drbd.conf parser: a lossless, located syntax tree over every dialect drbd-utils 8.4 and 9
//! accept (with 8.3 and older keywords routed or warned about), and the one option table.
//!
//! The library never prints and never exits; binaries own presentation and exit codes.

pub mod options;
