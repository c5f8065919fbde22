//! Shared helpers for the cross-tool tests.
