//! The fuzz targets (fuzz/, run with AFL++ as docs/testing.md says) kept from rotting: every
//! seed, the hostile corpus and its regression cases among them, goes through each target's
//! own function here, without the fuzzer. Each must return, in time, with every problem a
//! diagnostic that names a file and a line.

mod support;

use firebreak_fuzz::{Seed, TARGETS, Target, seeds};
use ingest::diagnostics::{Diagnostic, Level};
use std::sync::mpsc;
use std::time::Duration;

/// Far above any seed's time in a debug build: past it the parser is taken to hang.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs one seed on its own thread, so a panic or a hang names the seed.
fn replay(target: &Target, seed: &Seed) -> Result<Vec<Diagnostic>, String> {
    let (send, receive) = mpsc::channel();
    let (run, bytes) = (target.run, seed.bytes.clone());
    std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024) // the main thread's size, as in the CLI
        .spawn(move || {
            let result = std::panic::catch_unwind(|| run(&bytes));
            let _ = send.send(result.map_err(|_| "panicked".to_owned()));
        })
        .unwrap();
    receive.recv_timeout(LIMIT).map_err(|_| format!("took over {LIMIT:?}"))?
}

fn unlocated(found: &[Diagnostic]) -> Option<&Diagnostic> {
    found.iter().find(|d| d.path.is_empty() || d.line == 0 || d.message.trim().is_empty())
}

#[test]
fn every_seed_of_every_fuzz_target_returns_a_located_result() {
    let mut failures = Vec::new();
    for target in &TARGETS {
        let seeds = seeds(target, support::root()).unwrap();
        assert!(seeds.len() >= 3, "{} has {} seeds", target.name, seeds.len());
        assert!(
            seeds.iter().any(|s| s.path.starts_with("tests/hostile/")),
            "{} is seeded from tests/hostile",
            target.name
        );
        let mut errors = 0;
        for seed in &seeds {
            match replay(target, seed) {
                Ok(found) => {
                    if let Some(d) = unlocated(&found) {
                        failures.push(format!("{} on {}: no file or line in {d:?}", target.name, seed.path));
                    }
                    errors += found.iter().filter(|d| d.level == Level::Error).count();
                }
                Err(e) => failures.push(format!("{} on {}: {e}", target.name, seed.path)),
            }
        }
        // The hostile seeds are errors: none found means the target no longer reaches its parser.
        assert!(errors > 0, "{} reported no error on any of its {} seeds", target.name, seeds.len());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
