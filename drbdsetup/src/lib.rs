//! drbdsetup: the DRBD 8.4 and 9 kernel configuration tool, speaking generic netlink.
#![warn(missing_docs)]

pub mod address;
pub mod codec;
pub mod commands;
pub mod consts;
pub mod transport;
pub mod color;
pub mod events2;
pub mod json;
pub mod objects;
pub mod instrumented;
pub mod run;
