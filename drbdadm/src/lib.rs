//! drbdadm library.
