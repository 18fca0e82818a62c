//! How figures are written for people, the same in the CLI and the app.

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
}
