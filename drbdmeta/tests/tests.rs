//! Integration tests of the drbdmeta binary: upstream conformance fixtures,
//! differential tests against the reference drbdmeta of drbd-utils, and the
//! refusal paths.  One test binary; see the modules.

mod common;
mod conformance;
mod differential;
mod refusals;
