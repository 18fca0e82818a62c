//! The browser app; trunk builds it for wasm32 (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    firebreak::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("firebreak-app runs in the browser: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
