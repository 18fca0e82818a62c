//! The figures as the Markdown table docs/benchmarks.md shows, and how each measure grows
//! from one repo to the next of its kind.

use crate::repos::Size;
use crate::runs::Figures;
use crate::support::measure::Run;
use views::format::thousands;

/// One repo's figures.
pub struct Row {
    pub size: Size,
    pub firebreak: Figures,
    /// On the repos of documents only.
    pub hugo: Option<Vec<Run>>,
}

impl Row {
    /// A line printed as each repo is done, so a long run shows progress.
    pub fn summary(&self) -> String {
        let hugo = self.hugo.as_deref().map_or(String::new(), |runs| format!(", Hugo {}", secs(runs)));
        format!(
            "{}: cold {} at {:.0} MB, no change {}, one edit {}, check {}{hugo}",
            self.size.label(),
            secs(&self.firebreak.cold),
            peak_mb(&self.firebreak.cold),
            secs(&self.firebreak.unchanged),
            secs(&self.firebreak.one_edit),
            secs(&self.firebreak.check),
        )
    }
}

pub fn print(rows: &[Row]) {
    println!(
        "| repo | Markdown pages | cold build | its CPU time | peak memory | rebuild, nothing changed | rebuild, \
         one postmortem edited | `check` | Hugo | Hugo's CPU time | cold ÷ Hugo, wall (CPU) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for row in rows {
        let f = &row.firebreak;
        let hugo = row.hugo.as_deref();
        let ratio = |h: &[Run]| {
            let cpu = median(&f.cold, |r| r.cpu_secs) / median(h, |r| r.cpu_secs);
            format!("{:.2} ({cpu:.2})", median(&f.cold, |r| r.secs) / median(h, |r| r.secs))
        };
        println!(
            "| {} | {} | {} | {:.2} s | {:.0} MB | {} | {} | {} | {} | {} | {} |",
            row.size.label(),
            thousands(row.size.pages() as u64),
            secs(&f.cold),
            median(&f.cold, |r| r.cpu_secs),
            peak_mb(&f.cold),
            secs(&f.unchanged),
            secs(&f.one_edit),
            secs(&f.check),
            hugo.map_or("—".into(), secs),
            hugo.map_or("—".into(), |h| format!("{:.2} s", median(h, |r| r.cpu_secs))),
            hugo.map_or("—".into(), ratio),
        );
    }
    println!("\nGrowth from one repo to the next of its kind (cold build):\n");
    for pair in rows.windows(2).filter(|pair| pair[0].size.grows == pair[1].size.grows) {
        let (small, large) = (&pair[0], &pair[1]);
        println!(
            "- {} → {}: ×{:.1} the size, ×{:.1} the time, ×{:.1} the CPU time, ×{:.1} the peak memory",
            small.size.label(),
            large.size.label(),
            large.size.scale() as f64 / small.size.scale() as f64,
            median(&large.firebreak.cold, |r| r.secs) / median(&small.firebreak.cold, |r| r.secs),
            median(&large.firebreak.cold, |r| r.cpu_secs) / median(&small.firebreak.cold, |r| r.cpu_secs),
            peak_mb(&large.firebreak.cold) / peak_mb(&small.firebreak.cold),
        );
    }
}

/// The median wall time, then the range: `1.23 s (1.20–1.31)`.
fn secs(runs: &[Run]) -> String {
    let (min, max) = runs.iter().fold((f64::INFINITY, 0.0_f64), |(lo, hi), r| (lo.min(r.secs), hi.max(r.secs)));
    let precision = if min < 1.0 { 3 } else { 2 };
    format!("{:.precision$} s ({min:.precision$}–{max:.precision$})", median(runs, |r| r.secs))
}

/// The median of one figure (`of`) of the runs.
fn median(runs: &[Run], of: fn(&Run) -> f64) -> f64 {
    let mut sorted: Vec<f64> = runs.iter().map(of).collect();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// The highest peak of any run.
fn peak_mb(runs: &[Run]) -> f64 {
    runs.iter().map(|r| r.peak_rss_mb).fold(0.0, f64::max)
}
