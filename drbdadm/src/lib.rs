//! drbdadm: reads drbd.conf and turns administrator commands into drbdsetup and drbdmeta
//! invocations. The binary is a thin shell over [`run`].

pub mod addrs;
pub mod adjust;
pub mod adjust84;
pub mod check84;
pub mod cli;
pub mod driver;
pub mod dump;
pub mod dump84;
pub mod dumpcmd;
pub mod dumpxml;
pub mod env;
pub mod error;
pub mod exec;
pub mod expand;
pub mod gen;
pub mod gen84;
pub mod hosts;
pub mod plan;
pub mod proxy;
pub mod run;
pub mod spec;
pub mod table;
pub mod usage;
pub mod waitci;
