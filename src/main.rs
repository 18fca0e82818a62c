//! The `firebreak` command: see `firebreak --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(firebreak::cli::run());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // The compiler reads files and runs on the host only; the browser gets firebreak-app.
}
