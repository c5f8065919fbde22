//! The `drbdadm` binary (also installed as `drbdadm-84`).

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let code = drbdadm::run::main(&args);
    std::process::exit(code);
}
