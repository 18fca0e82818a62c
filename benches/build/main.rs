//! Build speed at scale (issue 18): `firebreak build` cold, again with nothing changed and
//! after editing one postmortem, `firebreak check` alone, and Hugo rendering the same
//! Markdown pages, in one run; wall time and peak memory, on repos from 1,000 to 50,000
//! postmortems and from 200,000 to 1,000,000 deployments, to show how the cost scales.
//! Figures for docs/benchmarks.md; nothing here passes or fails on speed.
//!
//! Run: `cargo bench --bench build` (installs Debian's `hugo` when it is missing);
//! `cargo bench --bench build -- --quick` or `BUILD_BENCH_QUICK=1` leaves out the two
//! largest repos, for quicker runs while tuning.

#[path = "../../tests/support/mod.rs"]
mod support;

mod hugo;
mod repos;
mod runs;
mod table;

/// Each measure is taken this many times; the table shows the median and the range.
const REPEATS: usize = 3;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick") || std::env::var("BUILD_BENCH_QUICK").as_deref() == Ok("1");
    hugo::install_if_missing();
    println!("{}; each measure {REPEATS} times; load average {}\n", hugo::version(), load_average());
    let mut rows = Vec::new();
    for size in repos::SIZES.iter().filter(|size| !quick || !size.large) {
        let repo = repos::generate(size);
        let firebreak = runs::measure_all(&repo, REPEATS);
        // Hugo renders pages: the repos of deployments have too few for a comparison.
        let hugo = size.is_documents().then(|| hugo::measure_all(&repo, size.pages(), REPEATS));
        let row = table::Row { size: *size, firebreak, hugo };
        println!("{} (load average {})", row.summary(), load_average());
        rows.push(row);
    }
    println!("\nload average at the end: {}\n", load_average());
    table::print(&rows);
}

/// The machine's 1-, 5- and 15-minute load averages: on two shared cores, what else ran
/// during the measures shows in their spread.
fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}
