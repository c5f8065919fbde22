//! drbdmeta library.
