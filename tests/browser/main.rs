//! The real thing: the release site built by trunk (once for all these tests), served on
//! loopback like a plain static host, read in headless Chromium.

#[path = "../support/mod.rs"]
mod support;

mod a11y;
mod action_items;
mod capacity;
mod digest;
mod dora;
mod drills;
mod injection;
mod knowledge;
mod nav;
mod onboarding;
mod oncall;
mod paths;
mod preview;
mod readiness;
mod search;
mod shell;
mod slo;
