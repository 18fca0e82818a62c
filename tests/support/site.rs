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
/// hyper, as a static host serves: whole files with a Content-Length (tiny_http's chunked
/// bodies read several times slower in Chromium, which skewed the load benchmarks).
pub fn serve(dir: &Path) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("a local address").port();
    listener.set_nonblocking(true).expect("a non-blocking listener");
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                let dir = dir.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let dir = dir.clone();
                        async move { Ok::<_, std::convert::Infallible>(respond(&dir, &request)) }
                    });
                    let io = hyper_util::rt::TokioIo::new(stream);
                    let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, service).await;
                });
            }
        });
    });
    format!("http://127.0.0.1:{port}")
}

/// A file of `dir`, or `404.html` with status 404 for any other path.
fn respond<B>(dir: &Path, request: &hyper::Request<B>) -> hyper::Response<http_body_util::Full<bytes::Bytes>> {
    let path = request.uri().path().trim_start_matches('/');
    let file = if path.is_empty() { dir.join("index.html") } else { dir.join(path) };
    let safe = !path.split('/').any(|segment| segment == "..");
    let (file, status) = if safe && file.is_file() { (file, 200) } else { (dir.join("404.html"), 404) };
    let body = std::fs::read(&file).unwrap_or_default();
    hyper::Response::builder()
        .status(status)
        .header("Content-Type", content_type(&file))
        .body(http_body_util::Full::new(bytes::Bytes::from(body)))
        .expect("a valid response")
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
