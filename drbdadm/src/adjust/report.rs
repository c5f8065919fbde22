//! adjust's account of its comparison on stderr, as upstream prints it: `-vvv` names what
//! differs (`report_compare()` lines with ` [ne] `, "Value of ... differs", "New minor"...),
//! `-vvvv` also what is equal. The level is process-wide, like upstream's `verbose`, so the
//! comparison functions stay free functions.

use std::sync::atomic::{AtomicU8, Ordering};

static LEVEL: AtomicU8 = AtomicU8::new(0);

/// Sets the level (the number of `-v`).
pub fn set_level(verbose: u8) {
    LEVEL.store(verbose, Ordering::Relaxed);
}

fn level() -> u8 {
    LEVEL.load(Ordering::Relaxed)
}

/// A line shown from `-vvv` on.
pub fn differs(text: std::fmt::Arguments<'_>) {
    if level() > 2 {
        eprintln!("{text}");
    }
}

/// A line shown from `-vvvv` on.
pub fn equal(text: std::fmt::Arguments<'_>) {
    if level() > 3 {
        eprintln!("{text}");
    }
}

/// Upstream's `report_compare()`: ` [ne] ` from `-vvv`, ` [eq] ` from `-vvvv`.
pub fn compare(differ: bool, text: std::fmt::Arguments<'_>) {
    if differ {
        differs(format_args!(" [ne] {text}"));
    } else {
        equal(format_args!(" [eq] {text}"));
    }
}

/// An option value as C's printf shows it (`(null)` for a flag without value).
pub fn value(v: Option<&str>) -> &str {
    v.unwrap_or("(null)")
}
