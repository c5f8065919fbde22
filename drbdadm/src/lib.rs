//! drbdadm: reads drbd.conf and turns administrator commands into drbdsetup and drbdmeta
//! invocations. The binary is a thin shell over [`run`].

pub mod cli;
pub mod dump;
pub mod env;
pub mod error;
pub mod hosts;
pub mod run;
