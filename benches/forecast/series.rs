//! Synthetic infrastructure metrics: a trend, daily and weekly cycles (additive or scaling
//! with the level, as traffic does), autocorrelated noise, and optionally a level shift,
//! spikes, missing samples, a long gap and jittered timestamps. Deterministic per seed.

#[derive(Clone, Debug)]
pub struct Spec {
    pub name: &'static str,
    /// Seconds between samples.
    pub step: i64,
    /// Samples of history and test together.
    pub n: usize,
    pub level: f64,
    /// Growth over the whole series (0.3 = +30 %).
    pub growth: f64,
    /// Daily amplitude and weekend dip, as fractions of the level.
    pub daily: f64,
    pub weekend: f64,
    pub multiplicative: bool,
    /// Noise sd as a fraction of the level, and its AR(1) coefficient.
    pub noise: f64,
    pub ar: f64,
    /// (where, 0 to 1; size as a fraction of the level)
    pub shift: Option<(f64, f64)>,
    pub spikes: usize,
    /// Of the observed history only: share of samples dropped, one long gap (hours),
    /// timestamp jitter (share of a step).
    pub missing: f64,
    pub gap_hours: f64,
    pub jitter: f64,
}

/// SplitMix64: tiny, and the same numbers on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform().max(1e-300), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// 2026-01-05 00:00 UTC, a Monday.
pub const T0: i64 = 1_767_571_200;

/// The whole series on its grid.
pub fn truth(s: &Spec, seed: u64) -> Vec<f64> {
    let mut r = Rng::new(seed);
    let phase = r.uniform() * 2.0 - 1.0;
    // Start at any hour of the week, so hold-outs fall on any weekday.
    let start = (r.uniform() * 168.0).floor() * 3600.0;
    let tau = std::f64::consts::TAU;
    let mut e = 0.0;
    let mut out: Vec<f64> = (0..s.n)
        .map(|i| {
            let t = start + i as f64 * s.step as f64;
            let hour = (t / 3600.0) % 24.0;
            let weekday = ((t / 86400.0) as usize) % 7;
            let daily = s.daily
                * (0.8 * (tau * (hour - 15.0 - phase) / 24.0).cos() + 0.3 * (2.0 * tau * (hour - 13.0) / 24.0).cos());
            let weekend = match weekday {
                5 => -s.weekend * (hour / 3.0).min(1.0),
                6 => -s.weekend * ((24.0 - hour) / 3.0).min(1.0),
                _ => 0.0,
            };
            let base = s.level * (1.0 + s.growth * i as f64 / s.n as f64);
            let shift = s.shift.filter(|(at, _)| i as f64 >= at * s.n as f64).map_or(0.0, |(_, size)| size * s.level);
            e = s.ar * e + (1.0 - s.ar * s.ar).sqrt() * r.normal();
            let noise = s.noise * s.level * e;
            if s.multiplicative {
                (base + shift) * (1.0 + daily + weekend) + noise
            } else {
                base + shift + s.level * (daily + weekend) + noise
            }
        })
        .collect();
    for _ in 0..s.spikes {
        let i = (r.uniform() * s.n as f64) as usize % s.n;
        out[i] += s.level * (0.5 + r.uniform());
    }
    out
}

/// The first `upto` values as an exporter delivers them: gaps and jitter.
pub fn observe(s: &Spec, values: &[f64], upto: usize, seed: u64) -> Vec<(i64, f64)> {
    let mut r = Rng::new(seed.wrapping_mul(31).wrapping_add(7));
    let gap = (s.gap_hours * 3600.0 / s.step as f64) as usize;
    let gap_at = if gap > 0 { (upto as f64 * (0.3 + 0.4 * r.uniform())) as usize } else { usize::MAX };
    (0..upto)
        .filter_map(|i| {
            let ends = i == 0 || i == upto - 1;
            let dropped = r.uniform() < s.missing || (gap_at..gap_at + gap).contains(&i);
            if dropped && !ends {
                return None;
            }
            let jitter = if ends { 0.0 } else { (r.uniform() * 2.0 - 1.0) * s.jitter * s.step as f64 };
            Some((T0 + i as i64 * s.step + jitter.round() as i64, values[i]))
        })
        .collect()
}

fn base(name: &'static str, step: i64, n: usize) -> Spec {
    Spec {
        name,
        step,
        n,
        level: 100.0,
        growth: 0.3,
        daily: 0.25,
        weekend: 0.12,
        multiplicative: false,
        noise: 0.03,
        ar: 0.5,
        shift: None,
        spikes: 0,
        missing: 0.0,
        gap_hours: 0.0,
        jitter: 0.0,
    }
}

/// The settings every figure is averaged over: clean, a level shift, traffic-like
/// (seasonality scaling with the level, noisier, spikes), messy (a late shift, missing
/// samples, a 12-hour gap, jitter), and flat.
pub fn settings(step: i64, n: usize) -> Vec<Spec> {
    vec![
        base("clean", step, n),
        Spec { shift: Some((0.6, 0.2)), ..base("level shift", step, n) },
        Spec { multiplicative: true, noise: 0.08, ar: 0.7, spikes: 6, ..base("traffic", step, n) },
        Spec { shift: Some((0.85, 0.15)), missing: 0.03, gap_hours: 12.0, jitter: 0.2, ..base("messy", step, n) },
        Spec { growth: 0.0, ..base("flat", step, n) },
    ]
}
