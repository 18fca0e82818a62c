//! Builds the real site with trunk (release, as published) and serves it on loopback the way
//! a plain static host does: files as they are (or gzipped, for benchmarks), `404.html` for
//! any other path.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use super::root;

/// Builds the example site once per test binary and returns its `dist` directory.
pub fn built_site() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| build_site(root(), &root().join("target/browser-test/dist")))
}

/// `trunk build --release` of the repo at `source` into `dist`.
pub fn build_site(source: &Path, dist: &Path) -> PathBuf {
    build_site_at(source, dist, "/")
}

/// [`build_site`] for publishing under `public_url`, as a pull request's preview is.
pub fn build_site_at(source: &Path, dist: &Path, public_url: &str) -> PathBuf {
    // One trunk at a time: each rewrites target/site/data in its pre-build hook.
    static TRUNK: Mutex<()> = Mutex::new(());
    let _one_at_a_time = TRUNK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // trunk, wasm-bindgen and wasm-opt come from scripts/install-tools.sh.
    let path = format!(
        "{}:{}:{}",
        root().join(".tools/node_modules/.bin").display(),
        std::env::var("HOME").map(|h| format!("{h}/.cargo/bin")).unwrap_or_default(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("trunk")
        .args(["build", "--release", "--public-url", public_url, "--dist"])
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
    spawn(Host { dir: dir.to_path_buf(), prefix: String::new(), measured: None })
}

/// Like [`serve`], with the site under `prefix` (such as `/pr-7`), as a pull request's
/// preview is published; other paths are plain 404s.
pub fn serve_under(dir: &Path, prefix: &str) -> String {
    spawn(Host { dir: dir.to_path_buf(), prefix: prefix.trim_end_matches('/').to_owned(), measured: None })
}

/// Like [`serve`], but as a real static host (GitHub Pages, Netlify) sends files — text
/// gzipped when the browser accepts it — and counting what it sends, so a benchmark reads
/// the bytes and requests of a query on the server side, worker or not.
pub fn serve_measured(dir: &Path) -> (String, Arc<Traffic>) {
    let measured = Arc::new(Measured::default());
    let traffic = Arc::clone(&measured.traffic);
    (spawn(Host { dir: dir.to_path_buf(), prefix: String::new(), measured: Some(measured) }), traffic)
}

/// Requests answered and body bytes sent (after compression; headers not counted).
#[derive(Default)]
pub struct Traffic {
    requests: AtomicU64,
    bytes: AtomicU64,
}

impl Traffic {
    pub fn reset(&self) {
        self.take();
    }

    /// `(requests, bytes)` since the last `take` or `reset`, and starts counting again.
    pub fn take(&self) -> (u64, u64) {
        (self.requests.swap(0, Ordering::SeqCst), self.bytes.swap(0, Ordering::SeqCst))
    }

    fn add(&self, bytes: usize) {
        self.requests.fetch_add(1, Ordering::SeqCst);
        self.bytes.fetch_add(bytes as u64, Ordering::SeqCst);
    }
}

/// The body `serve_measured` sends for `file` to a browser that accepts gzip: gzipped if it
/// is text (or wasm) and not gzip already — Pagefind's files are, and a host sends them as
/// they are. `None` means the file goes as it is.
pub fn gzipped(file: &Path, body: &[u8]) -> Option<Vec<u8>> {
    let text =
        matches!(file.extension().and_then(|e| e.to_str()), Some("html" | "js" | "css" | "json" | "wasm" | "svg"));
    if !text || body.starts_with(&[0x1f, 0x8b]) {
        return None;
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body).expect("gzip into memory");
    Some(encoder.finish().expect("gzip into memory"))
}

struct Host {
    dir: PathBuf,
    /// Where the site lives on the host: "" or a path such as `/pr-7`.
    prefix: String,
    measured: Option<Arc<Measured>>,
}

#[derive(Default)]
struct Measured {
    traffic: Arc<Traffic>,
    /// Gzipped bodies by file, so a timed request does not wait for the compressor (a real
    /// host's edge caches them too).
    gzipped: Mutex<HashMap<PathBuf, Option<bytes::Bytes>>>,
}

fn spawn(host: Host) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("a local address").port();
    listener.set_nonblocking(true).expect("a non-blocking listener");
    let host = Arc::new(host);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                let host = Arc::clone(&host);
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let host = Arc::clone(&host);
                        async move { Ok::<_, std::convert::Infallible>(respond(&host, &request)) }
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
fn respond<B>(host: &Host, request: &hyper::Request<B>) -> hyper::Response<http_body_util::Full<bytes::Bytes>> {
    let dir = &host.dir;
    let Some(path) = request.uri().path().strip_prefix(host.prefix.as_str()) else {
        return hyper::Response::builder().status(404).body(Default::default()).expect("a valid response");
    };
    let path = path.trim_start_matches('/');
    let file = if path.is_empty() { dir.join("index.html") } else { dir.join(path) };
    let safe = !path.split('/').any(|segment| segment == "..");
    let (file, status) = if safe && file.is_file() { (file, 200) } else { (dir.join("404.html"), 404) };
    let mut body = bytes::Bytes::from(std::fs::read(&file).unwrap_or_default());
    let mut response = hyper::Response::builder().status(status).header("Content-Type", content_type(&file));
    if let Some(measured) = &host.measured {
        let accepts_gzip = request
            .headers()
            .get(hyper::header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|coding| coding.trim().starts_with("gzip")));
        let cached = measured.gzipped.lock().expect("the cache lock").get(&file).cloned();
        let gzipped = cached.unwrap_or_else(|| {
            let fresh = gzipped(&file, &body).map(bytes::Bytes::from);
            measured.gzipped.lock().expect("the cache lock").insert(file.clone(), fresh.clone());
            fresh
        });
        response = response.header("Vary", "Accept-Encoding");
        if let Some(gzipped) = gzipped.filter(|_| accepts_gzip) {
            response = response.header("Content-Encoding", "gzip");
            body = gzipped;
        }
        measured.traffic.add(body.len());
    }
    response.body(http_body_util::Full::new(body)).expect("a valid response")
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
