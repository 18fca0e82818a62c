//! The `firebreak` command: see `firebreak --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Rust ignores SIGPIPE, so printing to a closed pipe (`firebreak search … | head`) would
    // panic; like other Unix tools, stop quietly when the reader has gone.
    #[cfg(unix)]
    // SAFETY: at the start of main, before any thread exists, setting a signal's disposition
    // to its default affects nothing else.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(firebreak::cli::run());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // The compiler reads files and runs on the host only; the browser gets firebreak-app.
}
