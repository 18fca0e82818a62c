//! The search page without its markup: its URL (`?q=` and one key per facet, values
//! separated by commas) ⇄ the engine's [`Query`], the facet a click toggles, the keyboard's
//! selection, and the words about the results.

use std::collections::BTreeMap;

use search::{Facet, Query};

/// The URL's query: `q` and one key per facet, values separated by commas.
pub type SearchParams = BTreeMap<String, String>;

/// The query a URL asks for. Keys that name no facet are left out, as are empty values
/// (`kind=,runbook` is `kind=runbook`).
pub fn query_of(params: &SearchParams) -> Query {
    let mut query = Query::new(params.get("q").map_or("", String::as_str));
    for facet in Facet::ALL {
        for value in params.get(facet.key()).into_iter().flat_map(|v| v.split(',')).filter(|v| !v.is_empty()) {
            query = query.with(facet, value);
        }
    }
    query
}

/// The URL of `query`: no `q` when the text is empty, no key for a facet with no value.
pub fn params_of(query: &Query) -> SearchParams {
    let mut params = SearchParams::new();
    if !query.text.is_empty() {
        params.insert("q".into(), query.text.clone());
    }
    for (facet, values) in query.filters.iter().filter(|(_, v)| !v.is_empty()) {
        params.insert(facet.key().into(), values.iter().cloned().collect::<Vec<_>>().join(","));
    }
    params
}

/// `query` with `value` of `facet` selected, or cleared if it was.
pub fn toggled(query: &Query, facet: Facet, value: &str) -> Query {
    let mut next = query.clone();
    let values = next.filters.entry(facet).or_default();
    if !values.remove(value) {
        values.insert(value.to_owned());
    }
    next
}

/// Where ↑ or ↓ moves the selection among `results` results; `None` for other keys, and
/// for ↓ with no results (the key then does what it does by default).
pub fn moved_selection(key: &str, selected: usize, results: usize) -> Option<usize> {
    match key {
        "ArrowDown" if results > 0 => Some((selected + 1).min(results - 1)),
        "ArrowUp" => Some(selected.saturating_sub(1)),
        _ => None,
    }
}

/// The element id of the `i`th result, for `aria-activedescendant`.
pub fn result_id(i: usize) -> String {
    format!("result-{i}")
}

/// The line above the results: how many, or what to try when there are none.
pub fn summary(total: usize, query: &Query) -> String {
    let filtered = query.filters.values().any(|v| !v.is_empty());
    match (total, filtered) {
        (0, true) => "No results with these filters: clear some to see more.".to_owned(),
        (0, false) => "No results. Try fewer words, or another word for the same thing.".to_owned(),
        (1, _) => "1 result".to_owned(),
        (n, _) => format!("{n} results"),
    }
}

/// The words of the query found in no document, if any.
pub fn unmatched_notice(unmatched: &[String]) -> Option<String> {
    (!unmatched.is_empty()).then(|| format!("Not found anywhere: {}.", unmatched.join(", ")))
}

/// The "show more" button's label while `shown` of `total` results are on screen.
pub fn show_more(shown: usize, total: usize) -> Option<String> {
    (total > shown).then(|| format!("Show more ({shown} of {total})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> SearchParams {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn urls_and_queries_round_trip() {
        let url = params(&[("q", "disk full"), ("kind", "postmortem,runbook"), ("severity", "SEV1")]);
        let query = query_of(&url);
        assert_eq!(
            query,
            Query::new("disk full")
                .with(Facet::Kind, "postmortem")
                .with(Facet::Kind, "runbook")
                .with(Facet::Severity, "SEV1")
        );
        assert_eq!(params_of(&query), url);
        for facet in Facet::ALL {
            let one = Query::new("x").with(facet, "v");
            assert_eq!(query_of(&params_of(&one)), one, "{facet:?}");
        }
    }

    #[test]
    fn values_come_back_sorted_and_without_blanks() {
        let query = query_of(&params(&[("q", "ledger"), ("tag", "b,,a"), ("year", "")]));
        assert_eq!(params_of(&query), params(&[("q", "ledger"), ("tag", "a,b")]));
    }

    #[test]
    fn unknown_keys_are_left_out() {
        let query = query_of(&params(&[("q", "disk"), ("colour", "red"), ("section", "timeline")]));
        assert_eq!(query, Query::new("disk"));
        assert_eq!(params_of(&query), params(&[("q", "disk")]));
    }

    #[test]
    fn an_empty_query_is_an_empty_url() {
        assert_eq!(query_of(&SearchParams::new()), Query::new(""));
        assert_eq!(params_of(&Query::new("")), SearchParams::new());
        let only_a_facet = query_of(&params(&[("kind", "runbook")]));
        assert_eq!(params_of(&only_a_facet), params(&[("kind", "runbook")]), "a facet is kept without text");
    }

    #[test]
    fn a_toggle_selects_then_clears_and_the_url_drops_the_key() {
        let on = toggled(&Query::new("disk"), Facet::Kind, "runbook");
        assert_eq!(on, Query::new("disk").with(Facet::Kind, "runbook"));
        let off = toggled(&on, Facet::Kind, "runbook");
        assert_eq!(params_of(&off), params(&[("q", "disk")]));
    }

    #[test]
    fn arrows_move_within_the_results() {
        assert_eq!(moved_selection("ArrowDown", 0, 3), Some(1));
        assert_eq!(moved_selection("ArrowDown", 2, 3), Some(2));
        assert_eq!(moved_selection("ArrowDown", 0, 0), None);
        assert_eq!(moved_selection("ArrowUp", 0, 3), Some(0));
        assert_eq!(moved_selection("ArrowUp", 2, 3), Some(1));
        assert_eq!(moved_selection("Enter", 2, 3), None);
        assert_eq!(result_id(2), "result-2");
    }

    #[test]
    fn words_about_the_results() {
        let plain = Query::new("disk");
        assert_eq!(summary(0, &plain), "No results. Try fewer words, or another word for the same thing.");
        assert_eq!(
            summary(0, &plain.clone().with(Facet::Kind, "runbook")),
            "No results with these filters: clear some to see more."
        );
        assert_eq!(summary(1, &plain), "1 result");
        assert_eq!(summary(12, &plain), "12 results");
        assert_eq!(unmatched_notice(&["zzz".into(), "qqq".into()]).as_deref(), Some("Not found anywhere: zzz, qqq."));
        assert_eq!(unmatched_notice(&[]), None);
        assert_eq!(show_more(10, 25).as_deref(), Some("Show more (10 of 25)"));
        assert_eq!(show_more(10, 10), None);
    }
}
