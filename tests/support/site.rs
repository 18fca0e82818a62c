//! Builds the real site with trunk (release, as published) and serves it on loopback the way
//! a plain static host does: files as they are, `404.html` for any other path.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use super::root;

/// Builds the example site once per test binary and returns its `dist` directory.
pub fn built_site() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| build_site(root(), &root().join("target/browser-test/dist")))
}

/// `trunk build --release` of the repo at `source` into `dist`.
pub fn build_site(source: &Path, dist: &Path) -> PathBuf {
    // trunk, wasm-bindgen and wasm-opt come from scripts/install-tools.sh.
    let path = format!(
        "{}:{}:{}",
        root().join(".tools/node_modules/.bin").display(),
        std::env::var("HOME").map(|h| format!("{h}/.cargo/bin")).unwrap_or_default(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(dist)
        .current_dir(root())
        .env("PATH", path)
        .env("FIREBREAK_SOURCE", source)
        .status()
        .expect("trunk is installed: run scripts/test, which installs it");
    assert!(status.success(), "trunk build failed");
    dist.to_path_buf()
}

/// Serves `dir` on an ephemeral loopback port from a background thread; returns the base URL.
pub fn serve(dir: &Path) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind a loopback port");
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().split(['?', '#']).next().unwrap_or("/").trim_start_matches('/').to_owned();
            let file = if path.is_empty() { dir.join("index.html") } else { dir.join(&path) };
            let safe = !path.split('/').any(|segment| segment == "..");
            let (file, status) = if safe && file.is_file() { (file, 200) } else { (dir.join("404.html"), 404) };
            let body = std::fs::read(&file).unwrap_or_default();
            let header = tiny_http::Header::from_bytes("Content-Type", content_type(&file)).expect("a valid header");
            let _ = request.respond(tiny_http::Response::from_data(body).with_status_code(status).with_header(header));
        }
    });
    format!("http://127.0.0.1:{port}")
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
