//! The two programs on top of the layer crates (see docs/architecture.md): the `firebreak`
//! CLI, host only, and the Yew app, wasm32 only. Both read the same view models from
//! `views`, so a figure reads the same in `report` and on a page.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod synth;

#[cfg(target_arch = "wasm32")]
pub mod app;
