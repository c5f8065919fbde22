//! drbdmeta command line entry point; all logic lives in the library.
//! Exit codes: 0 success, 1 cancelled, 2/3 dump-superblock, 5 outdate,
//! 10 sanity, 20 usage/open, 40 refused, 255 for upstream's -1.

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    std::process::exit(drbdmeta::run(&argv));
}
