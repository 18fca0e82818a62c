//! The layers of docs/architecture.md, held against the crate graph Cargo resolves. An
//! import that runs back up is already a compile error (a crate cannot name one that
//! depends on it); these tests catch the edges that would still compile — ingest reaching
//! for analytics, the browser app pulling in the compiler.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Which workspace crates each layer may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("analytics", &["model"]),
    ("search", &["model"]),
    ("views", &["model", "analytics", "search"]),
    ("ingest", &["model"]),
    ("compile", &["model", "analytics", "search", "views", "ingest"]),
    ("firebreak-fuzz", &["model", "ingest"]),
    ("firebreak", &["model", "analytics", "search", "views", "ingest", "compile", "firebreak-fuzz"]),
];

/// The crates that read files and run checks: the compiler's, never the browser's.
const COMPILER_ONLY: &[&str] = &["ingest", "compile"];

fn metadata(platform: Option<&str>) -> Value {
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args(["metadata", "--format-version", "1", "--offline", "--manifest-path"]);
    cargo.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"));
    if let Some(platform) = platform {
        cargo.args(["--filter-platform", platform]);
    }
    let output = cargo.output().expect("cargo metadata runs");
    assert!(output.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// Each workspace crate's dependencies on other workspace crates, dev-dependencies included
/// (a test is code too), as declared in its manifest.
fn workspace_edges(meta: &Value) -> BTreeMap<String, BTreeSet<String>> {
    let members: BTreeSet<&str> =
        meta["workspace_members"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    let packages = meta["packages"].as_array().unwrap();
    let names: BTreeSet<&str> = packages
        .iter()
        .filter(|p| members.contains(p["id"].as_str().unwrap()))
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    packages
        .iter()
        .filter(|p| members.contains(p["id"].as_str().unwrap()))
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["name"].as_str().unwrap())
                .filter(|d| names.contains(d))
                .map(str::to_owned)
                .collect();
            (p["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

#[test]
fn each_layer_uses_only_the_layers_below_it() {
    let edges = workspace_edges(&metadata(None));
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    for (krate, deps) in &edges {
        let Some(may) = allowed.get(krate.as_str()) else {
            panic!("crate `{krate}` has no place in the layers: add it to ALLOWED and docs/architecture.md")
        };
        let upward: Vec<&String> = deps.iter().filter(|d| !may.contains(&d.as_str())).collect();
        assert!(upward.is_empty(), "`{krate}` uses {upward:?}, which it may not (docs/architecture.md)");
    }
    assert_eq!(edges.len(), ALLOWED.len(), "a layer in ALLOWED is no longer a workspace crate: {edges:?}");
}

/// What the browser app compiles: every package the resolver reaches from `firebreak`
/// through normal dependencies when building for wasm32.
fn reached_for_wasm() -> BTreeSet<String> {
    let meta = metadata(Some("wasm32-unknown-unknown"));
    let nodes = meta["resolve"]["nodes"].as_array().unwrap();
    let by_id: BTreeMap<&str, &Value> = nodes.iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let name_of: BTreeMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let root = meta["packages"].as_array().unwrap().iter().find(|p| p["name"] == "firebreak").unwrap();
    let mut todo = vec![root["id"].as_str().unwrap()];
    let mut seen = BTreeSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in by_id[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null());
            if normal {
                todo.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen.into_iter().map(|id| name_of[id].to_owned()).collect()
}

#[test]
fn the_browser_app_compiles_none_of_the_compilers_crates() {
    let reached = reached_for_wasm();
    assert!(reached.contains("views") && reached.contains("yew"), "the walk found the app's crates: {reached:?}");
    for krate in COMPILER_ONLY.iter().chain(&["ammonia", "walkdir", "serde_yaml_ng", "clap"]) {
        assert!(!reached.contains(*krate), "the wasm app depends on `{krate}`, a crate only the compiler may use");
    }
}
