//! firebreak compiles a Git repo of postmortems, runbooks and metric exports into a
//! static reliability site.
//!
//! The modules follow the data flow:
//!
//! * [`ingest`] reads the repo (Markdown + YAML front matter, CSV / JSON Lines exports,
//!   `firebreak.toml`) and reports every problem as a [`diagnostics::Diagnostic`];
//! * [`model`] holds the serde types everything else shares;
//! * [`analytics`] is pure functions over the model — no I/O, no clock: "as of" is passed in —
//!   so the CLI, the tests and the browser compute the very same numbers;
//! * [`search`] indexes the documents at compile time and answers queries over that index;
//! * [`bundle`] is what the compiler writes and the app loads;
//! * `app` is the Yew front end (wasm32 only).
//!
//! Parsing and file access exist only on the host: the browser never sees raw Markdown.

pub mod analytics;
pub mod bundle;
pub mod diagnostics;
pub mod display;
pub mod model;
pub mod search;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod compile;
#[cfg(not(target_arch = "wasm32"))]
pub mod ingest;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;

#[cfg(target_arch = "wasm32")]
pub mod app;
