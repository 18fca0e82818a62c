//! How figures are written for people, the same in the CLI and the app.

use crate::headline::Unit;
use analytics::Why;

/// Hours as people read them: minutes under an hour, days over two.
pub fn format_hours(hours: Option<f64>) -> String {
    match hours {
        None => "—".to_owned(),
        Some(h) if h < 1.0 => format!("{:.0} min", h * 60.0),
        Some(h) if h < 48.0 => format!("{h:.1} h"),
        Some(h) => format!("{:.1} days", h / 24.0),
    }
}

pub fn format_percent(rate: Option<f64>) -> String {
    rate.map_or("—".to_owned(), |r| format!("{:.1} %", r * 100.0))
}

/// A headline figure in its unit.
pub fn format_figure(value: Option<f64>, unit: Unit) -> String {
    match unit {
        Unit::PerWeek => value.map_or("—".to_owned(), |v| format!("{v:.1}")),
        Unit::Hours => format_hours(value),
        Unit::Ratio => format_percent(value),
        Unit::Count => value.map_or("—".to_owned(), |v| format!("{v:.0}")),
    }
}

/// `after − before` with its sign, in the figure's unit (percentage points for ratios);
/// empty when either is unknown or nothing changed.
pub fn format_change(before: Option<f64>, after: Option<f64>, unit: Unit) -> String {
    let Some(delta) = before.zip(after).map(|(b, a)| a - b) else { return String::new() };
    let sign = if delta < 0.0 { "−" } else { "+" };
    let size = delta.abs();
    let text = match unit {
        Unit::PerWeek => format!("{size:.1}"),
        Unit::Hours => format_hours(Some(size)),
        Unit::Ratio => format!("{:.1} pts", size * 100.0),
        Unit::Count => format!("{size:.0}"),
    };
    if text.trim_start_matches(['0', '.']).chars().next().is_none_or(|c| !c.is_ascii_digit()) {
        return String::new(); // Rounds to zero.
    }
    format!("{sign}{text}")
}

/// Why a postmortem scored what it did, in words: "lasted 3.0 h", "9,999 users affected".
pub fn impact_reason(why: &Why) -> String {
    match why {
        Why::Severity(severity) => severity.label().to_owned(),
        Why::Lasted { hours } => format!("lasted {}", format_hours(Some(*hours))),
        Why::UsersAffected(users) => format!("{} users affected", thousands(*users)),
        Why::ErrorBudget { percent } => format!("{percent} % of the error budget"),
        Why::RecurredWith { others: 1 } => "recurred with 1 other incident".to_owned(),
        Why::RecurredWith { others } => format!("recurred with {others} other incidents"),
    }
}

/// `9999` as `9,999`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_pick_a_readable_unit() {
        assert_eq!(format_hours(Some(0.5)), "30 min");
        assert_eq!(format_hours(Some(3.5)), "3.5 h");
        assert_eq!(format_hours(Some(72.0)), "3.0 days");
        assert_eq!(format_hours(None), "—");
        assert_eq!(format_percent(Some(0.125)), "12.5 %");
    }

    #[test]
    fn changes_carry_a_sign_and_vanish_when_they_round_to_nothing() {
        assert_eq!(format_change(Some(2.0), Some(3.5), Unit::Hours), "+1.5 h");
        assert_eq!(format_change(Some(0.25), Some(0.2), Unit::Ratio), "−5.0 pts");
        assert_eq!(format_change(Some(4.0), Some(1.0), Unit::Count), "−3");
        assert_eq!(format_change(Some(4.0), Some(4.01), Unit::PerWeek), "");
        assert_eq!(format_change(None, Some(4.0), Unit::Count), "");
    }

    #[test]
    fn impact_reasons_read_as_words() {
        use model::Severity;
        let words = |why| impact_reason(&why);
        assert_eq!(words(Why::Severity(Severity::Sev1)), "SEV1");
        assert_eq!(words(Why::UsersAffected(9_999)), "9,999 users affected");
        assert_eq!(words(Why::Lasted { hours: 3.0 }), "lasted 3.0 h");
        assert_eq!(words(Why::ErrorBudget { percent: 50.0 }), "50 % of the error budget");
        assert_eq!(words(Why::RecurredWith { others: 1 }), "recurred with 1 other incident");
        assert_eq!(words(Why::RecurredWith { others: 4 }), "recurred with 4 other incidents");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
