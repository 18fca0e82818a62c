//! What every engine reports, and the side-by-side Markdown table of them. An engine's
//! module measures; this one only holds and prints, so the columns are comparable.

use std::path::Path;

/// One engine's figures on the benchmark corpus.
pub struct EngineFigures {
    pub name: String,
    /// Wall time and peak resident memory of building the index.
    pub build_secs: f64,
    pub peak_rss_mb: f64,
    /// The files the browser may fetch to search, their total size, and the bytes a host
    /// that gzips text would send for all of them.
    pub index_files: usize,
    pub index_bytes: u64,
    pub index_bytes_gzip: u64,
    /// Each query of `queries::COLD`, as a first query in a browser that has nothing cached.
    pub cold: Vec<ColdQuery>,
    /// `queries::warm()` after a first query: each still downloads what it has not seen.
    pub next: QueryRun,
    /// The same queries once more in that page: everything they need is loaded, so this is
    /// the engine's own speed, rendering included for firebreak.
    pub warm: QueryRun,
}

/// `queries::warm()` in one page, one after another, after the engine is initialised.
pub struct QueryRun {
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub count: usize,
    /// What the queries fetched in all, since an engine may load index parts lazily.
    pub requests: u64,
    pub bytes: u64,
    /// The five slowest queries and their times, slowest first: what p95 is made of.
    pub slowest: Vec<(String, f64)>,
}

impl QueryRun {
    /// From each query's time and the traffic of all of them.
    pub fn new(timed: &[(String, f64)], requests: u64, bytes: u64) -> QueryRun {
        let ms: Vec<f64> = timed.iter().map(|(_, ms)| *ms).collect();
        let mut slowest = timed.to_vec();
        slowest.sort_by(|a, b| b.1.total_cmp(&a.1));
        slowest.truncate(5);
        QueryRun {
            p50_ms: percentile(&ms, 50.0),
            p95_ms: percentile(&ms, 95.0),
            count: timed.len(),
            requests,
            bytes,
            slowest,
        }
    }
}

/// A first query in a fresh browser: from nothing loaded to the top ten results' data.
pub struct ColdQuery {
    pub query: String,
    pub ms: f64,
    /// How many documents matched.
    pub results: usize,
    /// The top results' paths (as `Document::path`), best first, to compare relevance.
    pub top: Vec<String>,
    /// Requests and body bytes (after compression) the server sent for this query.
    pub requests: u64,
    pub bytes: u64,
}

/// Every file under `dir` with `keep(path)`: (count, bytes, bytes as a gzipping host sends them).
pub fn index_size(dir: &Path, keep: impl Fn(&Path) -> bool) -> (usize, u64, u64) {
    let (mut files, mut raw, mut gzip) = (0, 0, 0);
    for entry in walkdir::WalkDir::new(dir).into_iter().map(|e| e.expect("a readable index")) {
        if !entry.file_type().is_file() || !keep(entry.path()) {
            continue;
        }
        let body = std::fs::read(entry.path()).expect("a readable index file");
        files += 1;
        raw += body.len() as u64;
        gzip += crate::support::site::gzipped(entry.path(), &body).map_or(body.len(), |g| g.len()) as u64;
    }
    (files, raw, gzip)
}

/// The nearest-rank percentile `p` (0–100) of `samples`.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The engines side by side: one row per measure, one column per engine, then each cold
/// query with each engine's time, traffic, match count and top three results.
pub fn print_table(engines: &[EngineFigures]) {
    let header = engines.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(" | ");
    println!("| measure | {header} |");
    println!("|---|{}", "---:|".repeat(engines.len()));
    let row = |label: &str, cell: &dyn Fn(&EngineFigures) -> String| {
        println!("| {label} | {} |", engines.iter().map(cell).collect::<Vec<_>>().join(" | "));
    };
    let median =
        |e: &EngineFigures, f: &dyn Fn(&ColdQuery) -> f64| percentile(&e.cold.iter().map(f).collect::<Vec<_>>(), 50.0);
    let max = |e: &EngineFigures, f: &dyn Fn(&ColdQuery) -> f64| e.cold.iter().map(f).fold(0.0, f64::max);
    row("index build", &|e| format!("{:.1} s", e.build_secs));
    row("peak memory (RSS) of the build", &|e| format!("{:.0} MB", e.peak_rss_mb));
    row("index files", &|e| e.index_files.to_string());
    row("index size", &|e| format!("{:.1} MB", e.index_bytes as f64 / 1e6));
    row("index size, gzip", &|e| format!("{:.1} MB", e.index_bytes_gzip as f64 / 1e6));
    row("cold query, median (max)", &|e| format!("{:.0} ms ({:.0} ms)", median(e, &|q| q.ms), max(e, &|q| q.ms)));
    row("cold query bytes, median (max)", &|e| {
        format!("{:.0} KB ({:.0} KB)", median(e, &|q| q.bytes as f64) / 1e3, max(e, &|q| q.bytes as f64) / 1e3)
    });
    row("cold query requests, median (max)", &|e| {
        format!("{:.0} ({:.0})", median(e, &|q| q.requests as f64), max(e, &|q| q.requests as f64))
    });
    row("next query p50 (downloads what it lacks)", &|e| format!("{:.1} ms", e.next.p50_ms));
    row("next query p95", &|e| format!("{:.1} ms", e.next.p95_ms));
    row("next queries", &|e| e.next.count.to_string());
    row("next query bytes, requests per query", &|e| {
        let n = e.next.count.max(1) as f64;
        format!("{:.1} KB, {:.1}", e.next.bytes as f64 / n / 1e3, e.next.requests as f64 / n)
    });
    row("warm query p50 (everything loaded)", &|e| format!("{:.1} ms", e.warm.p50_ms));
    row("warm query p95", &|e| format!("{:.1} ms", e.warm.p95_ms));
    row("slowest next queries", &|e| {
        e.next.slowest.iter().map(|(q, ms)| format!("`{q}` {ms:.0} ms")).collect::<Vec<_>>().join(", ")
    });

    println!("\nCold queries (time · requests · bytes · matches · top three):\n");
    println!("| query | {header} |");
    println!("|---|{}", "---|".repeat(engines.len()));
    for (i, query) in engines.first().map_or(&[][..], |e| &e.cold[..]).iter().enumerate() {
        let cells = engines.iter().map(|e| {
            e.cold.get(i).map_or_else(String::new, |q| {
                let top = q.top.iter().take(3).map(|p| p.rsplit('/').next().unwrap_or(p)).collect::<Vec<_>>();
                format!(
                    "{:.0} ms · {} req · {:.0} KB · {} · {}",
                    q.ms,
                    q.requests,
                    q.bytes as f64 / 1e3,
                    q.results,
                    top.join(", ")
                )
            })
        });
        println!("| `{}` | {} |", query.query, cells.collect::<Vec<_>>().join(" | "));
    }
}
