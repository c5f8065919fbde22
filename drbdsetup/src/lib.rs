//! drbdsetup library.
