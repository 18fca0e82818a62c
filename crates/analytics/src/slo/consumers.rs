//! The top budget consumers: which incidents spent the most of an SLO's budget, and which of
//! those a deployment caused (docs/metrics.md, "Top budget consumers").

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::status::IncidentSpend;
use crate::IncidentRecord;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopConsumers {
    /// Every incident that spent some of the budget, the largest share first.
    pub incidents: Vec<Consumer>,
    /// The same, of incidents that name the deployments that caused them.
    pub deployments: Vec<Consumer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consumer {
    pub incident: String,
    /// Of the window's budget.
    pub share: f64,
    pub caused_by_deploys: Vec<String>,
}

/// Incidents without a share (unresolved) or that spent nothing are not consumers; equal
/// shares go by incident id, so the order is stable.
pub fn top_consumers(spend: &[IncidentSpend], records: &[IncidentRecord]) -> TopConsumers {
    let by_id: HashMap<&str, &IncidentRecord> = records.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut incidents: Vec<Consumer> = spend
        .iter()
        .filter_map(|s| {
            let share = s.share.filter(|share| *share > 0.0)?;
            let caused_by_deploys = by_id.get(s.incident.as_str()).map(|r| r.caused_by_deploys.clone());
            Some(Consumer {
                incident: s.incident.clone(),
                share,
                caused_by_deploys: caused_by_deploys.unwrap_or_default(),
            })
        })
        .collect();
    incidents.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.incident.cmp(&b.incident)));
    let deployments = incidents.iter().filter(|c| !c.caused_by_deploys.is_empty()).cloned().collect();
    TopConsumers { incidents, deployments }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, deploys: &[&str]) -> IncidentRecord {
        IncidentRecord {
            id: id.into(),
            services: vec!["checkout".into()],
            severity: model::Severity::Sev2,
            started_at: None,
            detected_at: None,
            acknowledged_at: None,
            mitigated_at: None,
            resolved_at: None,
            caused_by_deploys: deploys.iter().map(|d| d.to_string()).collect(),
            has_postmortem: true,
        }
    }

    #[test]
    fn the_largest_share_comes_first_and_deployment_caused_ones_are_ranked_apart() {
        let spend = |incident: &str, share| IncidentSpend { incident: incident.into(), share };
        let spent = [
            spend("a", Some(0.1)),
            spend("b", Some(0.4)),
            spend("c", None),
            spend("d", Some(0.0)),
            spend("e", Some(0.1)),
        ];
        let records = [record("a", &["deploy-7"]), record("b", &[]), record("e", &["deploy-9"])];
        let top = top_consumers(&spent, &records);
        let order = |list: &[Consumer]| list.iter().map(|c| c.incident.clone()).collect::<Vec<_>>();
        assert_eq!(order(&top.incidents), ["b", "a", "e"], "unresolved and spend-free incidents are not consumers");
        assert_eq!(order(&top.deployments), ["a", "e"]);
        assert_eq!(top.deployments[0].caused_by_deploys, ["deploy-7"]);
    }
}
