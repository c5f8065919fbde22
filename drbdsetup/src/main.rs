fn main() {
    eprintln!("drbdsetup: not built yet");
    std::process::exit(20);
}
