//! drbdsetup: the DRBD 8.4 and 9 kernel configuration tool, speaking generic netlink.
#![warn(missing_docs)]

pub mod address;
pub mod cli;
pub mod codec;
pub mod color;
pub mod commands;
pub mod consts;
pub mod events2;
pub mod help;
pub mod instrumented;
pub mod json;
pub mod lists;
pub mod module;
pub mod objects;
pub mod optvalue;
pub mod run;
pub mod session;
pub mod show;
pub mod status;
pub mod transport;
pub mod uuids;
pub mod v84;
pub mod v9;
pub mod wrap;
