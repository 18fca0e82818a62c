//! The app's pages as its router defines them: the `#[at("…")]` patterns of `Route` in
//! `src/app/route.rs`. The app compiles for wasm32 only, so host tests read its source.

use super::root;

/// Every pattern of `Route`, in its order.
pub fn route_patterns() -> Vec<String> {
    let path = root().join("src/app/route.rs");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let patterns: Vec<String> = source
        .lines()
        .filter_map(|line| line.trim().strip_prefix("#[at(\"")?.strip_suffix("\")]").map(str::to_owned))
        .collect();
    assert!(patterns.len() > 10, "{} lists {} routes: has its format changed?", path.display(), patterns.len());
    patterns
}
