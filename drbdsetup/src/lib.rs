//! drbdsetup: the DRBD 8.4 and 9 kernel configuration tool, speaking generic netlink.
#![warn(missing_docs)]

pub mod address;
pub mod codec;
pub mod color;
pub mod commands;
pub mod consts;
pub mod events2;
pub mod instrumented;
pub mod json;
pub mod objects;
pub mod run;
pub mod show;
pub mod transport;
