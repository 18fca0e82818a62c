//! What the SLO list shows of each [`SloStatus`], as text: attainment against target, the
//! budget left (or overspent), the policy state and the current burn.

use analytics::slo::SloStatus;

#[derive(Debug, Clone, PartialEq)]
pub struct SloRow {
    pub name: String,
    pub display_name: String,
    pub service: String,
    /// "99.953 %", or "—" without events.
    pub attainment: String,
    /// "99.9 %".
    pub target: String,
    /// "62.5 % left" or "overspent by 12.0 %".
    pub remaining: String,
    /// The bar's fill, 0 to 1 (an overspent budget shows empty).
    pub remaining_bar: f64,
    pub state: &'static str,
    /// "burning 2.4× (last hour)", or "no events in the last hour".
    pub burn: String,
    /// Backtested page alerts in the window's history.
    pub pages: usize,
}

pub fn rows(statuses: &[SloStatus]) -> Vec<SloRow> {
    statuses.iter().map(SloRow::of).collect()
}

/// The SLOs of one service, for its page, in the order of `content/slos/`.
pub fn of_service(statuses: &[SloStatus], service: &str) -> Vec<SloRow> {
    statuses.iter().filter(|s| s.service == service).map(SloRow::of).collect()
}

impl SloRow {
    pub fn of(s: &SloStatus) -> SloRow {
        SloRow {
            name: s.name.clone(),
            display_name: s.display_name.clone(),
            service: s.service.clone(),
            attainment: attainment(s.budget.attainment),
            target: format!("{} %", precise_percent(s.target)),
            remaining: remaining(s.budget.remaining),
            remaining_bar: s.budget.remaining.clamp(0.0, 1.0),
            state: s.state.label(),
            burn: s
                .burn_rate_1h
                .map_or("no events in the last hour".to_owned(), |b| format!("burning {b:.1}× (last hour)")),
            pages: s.firings.iter().filter(|f| f.severity == model::AlertSeverity::Page).count(),
        }
    }
}

/// The budget left as people read it; overspending is said, never a negative share.
pub fn remaining(share: f64) -> String {
    if share < 0.0 { format!("overspent by {:.1} %", -share * 100.0) } else { format!("{:.1} % left", share * 100.0) }
}

/// An attainment with the digits a target needs ("99.953 %"), "—" without events.
pub fn attainment(ratio: Option<f64>) -> String {
    ratio.map_or("—".to_owned(), |a| format!("{} %", precise_percent(a)))
}

/// A ratio as a percentage with the digits it needs: 0.999 → "99.9", 0.99953 → "99.953".
pub fn precise_percent(ratio: f64) -> String {
    let text = format!("{:.3}", ratio * 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_as_left_or_overspent_never_negative() {
        assert_eq!(remaining(0.625), "62.5 % left");
        assert_eq!(remaining(0.0), "0.0 % left");
        assert_eq!(remaining(-0.12), "overspent by 12.0 %");
        assert_eq!(remaining(1.0), "100.0 % left");
    }

    #[test]
    fn targets_keep_their_digits() {
        assert_eq!(precise_percent(0.999), "99.9");
        assert_eq!(precise_percent(0.9995), "99.95");
        assert_eq!(precise_percent(0.99953), "99.953");
        assert_eq!(precise_percent(0.9), "90");
    }

    #[test]
    fn a_row_shows_an_overspent_slo_and_its_pages() {
        use analytics::Calendar;
        use analytics::slo::{Joined, SloSettings, assess};
        use model::{SliEvents, Slo};
        let slo = Slo { name: "ledger-writes".into(), service: "ledger".into(), ..Slo::example("", 1, 0.999) };
        // A day of 5-minute samples of 1,000 events; an hour at 5 % errors spends 600 of 288.
        let start = model::dates::parse_date("2026-06-01").unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
        let mut events = SliEvents::default();
        for step in 1..=288 {
            let bad = if (100..112).contains(&step) { 50.0 } else { 0.0 };
            events.push(start + step * 300, 1000.0 - bad, 1000.0);
        }
        let day = model::dates::parse_date("2026-06-01").unwrap();
        let joined = Joined { incidents: &[], deploys: &model::DeployLog::default() };
        let status = assess(&slo, &events, &Calendar::utc(), day, &SloSettings::default(), joined);
        assert!(of_service(std::slice::from_ref(&status), "checkout").is_empty(), "ledger's SLO is not checkout's");
        let row = &of_service(&[status], "ledger")[0];
        assert_eq!(row.attainment, "99.792 %");
        assert_eq!(row.target, "99.9 %");
        assert_eq!(row.remaining, "overspent by 108.3 %");
        assert_eq!((row.remaining_bar, row.state), (0.0, "exhausted"));
        assert_eq!(row.burn, "burning 0.0× (last hour)");
        assert_eq!(row.pages, 2, "both page alerts fire on an hour at burn 50");
    }
}
