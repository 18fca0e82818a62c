//! Recurring patterns: incidents of the same class seen again mean earlier fixes were not
//! enough. A class is a service × tag pair, or a tag alone across services.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use model::PostmortemSummary;

/// A class seen in more than one postmortem, oldest occurrence first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    /// The service, or `None` for a tag across all services.
    pub service: Option<String>,
    pub tag: String,
    /// (postmortem id, date), oldest first.
    pub occurrences: Vec<(String, NaiveDate)>,
}

impl Pattern {
    pub fn label(&self) -> String {
        match &self.service {
            Some(service) => format!("{service} × {}", self.tag),
            None => self.tag.clone(),
        }
    }

    /// 1 for the first occurrence, 2 for the second… of postmortem `id` in this class.
    pub fn occurrence_of(&self, id: &str) -> Option<usize> {
        self.occurrences.iter().position(|(o, _)| o == id).map(|i| i + 1)
    }
}

/// (service, tag); no service for a tag across all services.
type Class = (Option<String>, String);

/// Every class seen at least twice: service × tag classes first, then tags, each by how
/// often they recur (most first).
pub fn recurring(postmortems: &[PostmortemSummary]) -> Vec<Pattern> {
    let mut classes: BTreeMap<Class, Vec<(String, NaiveDate)>> = BTreeMap::new();
    for pm in postmortems {
        for tag in &pm.meta.tags {
            let occurrence = (pm.meta.id.clone(), pm.meta.date);
            classes.entry((None, tag.clone())).or_default().push(occurrence.clone());
            for service in &pm.meta.services {
                classes.entry((Some(service.clone()), tag.clone())).or_default().push(occurrence.clone());
            }
        }
    }
    let mut patterns: Vec<Pattern> = classes
        .into_iter()
        .filter(|(_, occurrences)| occurrences.len() > 1)
        .map(|((service, tag), mut occurrences)| {
            occurrences.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
            Pattern { service, tag, occurrences }
        })
        .collect();
    patterns.sort_by(|a, b| {
        a.service.is_none().cmp(&b.service.is_none()).then(b.occurrences.len().cmp(&a.occurrences.len()))
    });
    patterns
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Severity;

    fn pm(id: &str, day: u32, services: &[&str], tags: &[&str]) -> PostmortemSummary {
        let mut pm = PostmortemSummary::example(id, NaiveDate::from_ymd_opt(2026, 6, day).unwrap(), Severity::Sev2);
        pm.meta.services = services.iter().map(|s| s.to_string()).collect();
        pm.meta.tags = tags.iter().map(|s| s.to_string()).collect();
        pm
    }

    #[test]
    fn classes_seen_twice_or_more_in_date_order() {
        let pms = [
            pm("c", 20, &["ledger"], &["replica-lag"]),
            pm("a", 1, &["ledger"], &["replica-lag", "deploy"]),
            pm("b", 10, &["search"], &["deploy"]),
            pm("d", 25, &["ledger"], &["replica-lag"]),
        ];
        let patterns = recurring(&pms);
        let labels: Vec<(String, usize)> = patterns.iter().map(|p| (p.label(), p.occurrences.len())).collect();
        assert_eq!(
            labels,
            [("ledger × replica-lag".to_owned(), 3), ("replica-lag".to_owned(), 3), ("deploy".to_owned(), 2)]
        );
        assert_eq!(patterns[0].occurrence_of("c"), Some(2));
        assert_eq!(patterns[0].occurrence_of("d"), Some(3));
        assert_eq!(patterns[0].occurrence_of("b"), None);
    }
}
