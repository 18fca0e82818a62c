//! The `chrono` format strings firebreak reads and writes dates and times with, named once
//! so a page, the CLI and the checks cannot drift apart on how a date looks.

use chrono::NaiveDate;

/// A day as the formats and every page write it: `2026-06-12`.
pub const DATE: &str = "%Y-%m-%d";
/// A month, as the digest's URLs name it: `2026-06`.
pub const MONTH: &str = "%Y-%m";
/// A year, as the search facet counts it: `2026`.
pub const YEAR: &str = "%Y";
/// A day without separators, for ids: `20260612`.
pub const COMPACT_DATE: &str = "%Y%m%d";
/// A month written out, for headings: `June 2026`.
pub const MONTH_NAME: &str = "%B %Y";
/// A short month for chart axes: `Jun 2026`.
pub const MONTH_SHORT: &str = "%b %Y";
/// A short day for chart axes: `Jun 12`.
pub const MONTH_DAY: &str = "%b %d";
/// A time of day to the minute: `14:02`.
pub const TIME: &str = "%H:%M";
/// A time of day to the second: `14:02:30`.
pub const TIME_SECONDS: &str = "%H:%M:%S";
/// A moment to the minute, in a table whose heading says the zone: `2026-06-12 14:02`.
pub const DATE_TIME: &str = "%Y-%m-%d %H:%M";
/// A moment to the minute, zone written out: `2026-06-12 14:02 UTC`.
pub const DATE_TIME_UTC: &str = "%Y-%m-%d %H:%M UTC";
/// A moment to the second without a zone, as many exporters write one: `2026-06-12 14:02:30`.
pub const DATE_TIME_SECONDS: &str = "%Y-%m-%d %H:%M:%S";
/// An RFC 3339 moment in UTC to the second: `2026-06-12T14:02:30Z`.
pub const RFC3339_UTC: &str = "%Y-%m-%dT%H:%M:%SZ";

/// A [`DATE`] (`YYYY-MM-DD`), or `None` for any other text.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, DATE).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_only_in_the_one_form() {
        assert_eq!(parse_date("2026-06-12"), NaiveDate::from_ymd_opt(2026, 6, 12));
        assert_eq!(parse_date("12/06/2026"), None);
        assert_eq!(parse_date("2026-06-12 14:02"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn each_format_writes_what_its_comment_shows() {
        let at = NaiveDate::from_ymd_opt(2026, 6, 12).unwrap().and_hms_opt(14, 2, 30).unwrap();
        let shown = |format: &str| at.format(format).to_string();
        assert_eq!(shown(DATE), "2026-06-12");
        assert_eq!(shown(MONTH), "2026-06");
        assert_eq!(shown(YEAR), "2026");
        assert_eq!(shown(COMPACT_DATE), "20260612");
        assert_eq!(shown(MONTH_DAY), "Jun 12");
        assert_eq!(shown(TIME), "14:02");
        assert_eq!(shown(TIME_SECONDS), "14:02:30");
        assert_eq!(shown(DATE_TIME), "2026-06-12 14:02");
        assert_eq!(shown(DATE_TIME_UTC), "2026-06-12 14:02 UTC");
        assert_eq!(shown(DATE_TIME_SECONDS), "2026-06-12 14:02:30");
        assert_eq!(shown(RFC3339_UTC), "2026-06-12T14:02:30Z");
    }
}
