//! Practice while the data downloads. V8 compiles wasm quickly but unoptimised at first
//! (Liftoff) and optimises a function (TurboFan, on a background thread) only after it has
//! run for a while; a call already running keeps the slow code. On a first visit the
//! decoder and the DORA pass would otherwise start on the million real rows in the slow
//! code and wait for their optimised code meanwhile. The page's thread is mostly idle while
//! `deploys.bin` downloads, so it runs the same functions over a small made-up log, in a
//! few short slices, and the optimising starts before the real data is in.
//!
//! Little practice, on purpose: the page's thread also reads the download, and these
//! machines have two cores. Eight slices of 16,384 rows made the decoding and computing
//! faster but the download as much slower, and the figures came on screen later; three
//! slices of 4,096 rows took 18–33 ms off the first visit (docs/benchmarks.md). Reloads,
//! which take optimised code from V8's code cache, came out no slower.

//! On-call's figures and tables practise the same way while `oncall.bin` downloads.

mod dora;
mod oncall;

use std::future::Future;

use futures::future::{Either, select};

pub use dora::practice as practice_dora;
pub use oncall::practice as practice_oncall;

/// Slices at most: further practice would take the thread and a core from the download.
const SLICES: usize = 3;

/// `download`'s result, with `practice` run meanwhile and dropped as soon as the download
/// is done.
pub async fn while_practising<T>(download: impl Future<Output = T>, practice: impl Future<Output = ()>) -> T {
    match select(std::pin::pin!(download), std::pin::pin!(practice)).await {
        Either::Left((done, _)) => done,
        Either::Right(((), download)) => download.await,
    }
}

/// Runs `work` [`SLICES`] times, yielding to the event loop before each.
async fn in_slices(mut work: impl FnMut()) {
    for _ in 0..SLICES {
        // A macrotask boundary, so the download's callbacks run between slices.
        gloo_timers::future::TimeoutFuture::new(0).await;
        work();
    }
}
