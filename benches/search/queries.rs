//! The benchmark's queries, the same for every engine. They use the synthetic corpus's own
//! vocabulary (src/synth/documents.rs): its services, failure phrases, people, the words of
//! its section templates, and alert names of runbooks generated with `--seed 1`.

use search::Document;

/// First queries in a fresh browser: the kinds an on-call engineer types.
pub const COLD: [&str; 10] = [
    "connection pool",         // two words of a failure phrase
    "retry storm",             // two words, rarer
    "ledger memory leak",      // a service and a failure
    "rollback",                // one word found in every document
    "kubectl",                 // one word found only in runbooks
    "certif",                  // a prefix, as typed so far
    "certficate",              // a misspelling
    "exhaustoin",              // a misspelling at the end: two letters swapped
    "SearchCertificateAlert3", // an alert name, from a page
    "priya",                   // a person (owner, author or commander)
];

const SERVICES: [&str; 5] = ["checkout", "ledger", "auth", "search", "notifications"];
const FAILURES: [&str; 8] = [
    "connection pool exhaustion",
    "configuration change",
    "expired TLS certificate",
    "full data volume",
    "slow downstream dependency",
    "memory leak",
    "stale DNS records",
    "retry storm",
];
/// Single words of the templates, each found in some documents but not all.
const WORDS: [&str; 20] = [
    "degraded",
    "safeguards",
    "capacity",
    "thresholds",
    "rollback",
    "dashboard",
    "escalation",
    "mitigated",
    "prerequisites",
    "deployctl",
    "kubectl",
    "restart",
    "timeline",
    "lessons",
    "exhaustion",
    "certificate",
    "downstream",
    "dependency",
    "records",
    "traffic",
];
const PEOPLE: [&str; 10] = ["amara", "priya", "tomas", "lena", "kofi", "mei", "ravi", "sofia", "jonas", "yusuf"];
/// Runbook alerts of the `--seed 1` corpus (`check` below keeps them honest).
const ALERTS: [&str; 5] = [
    "CheckoutRetrystormAlert0",
    "LedgerCertificateAlert1",
    "AuthConfigchangeAlert2",
    "NotificationsDependencyAlert4",
    "SearchDnsAlert8",
];

/// 120 queries in a fixed order: every service with every failure (40), each template word
/// (20), its first five letters as typed so far (20), with one letter dropped as a typo
/// (20), each person (10), alerts (5), and a failure phrase alone (5).
pub fn warm() -> Vec<String> {
    let mut queries = Vec::new();
    for failure in FAILURES {
        queries.extend(SERVICES.iter().map(|service| format!("{service} {failure}")));
    }
    queries.extend(WORDS.iter().map(|w| w.to_string()));
    queries.extend(WORDS.iter().map(|w| w.chars().take(5).collect()));
    queries.extend(WORDS.iter().map(|w| {
        let middle = w.len() / 2;
        format!("{}{}", &w[..middle], &w[middle + 1..])
    }));
    queries.extend(PEOPLE.iter().map(|p| p.to_string()));
    queries.extend(ALERTS.iter().map(|a| a.to_string()));
    queries.extend(FAILURES.iter().take(5).map(|f| f.to_string()));
    queries
}

/// Panics if the corpus no longer has the alert names above (say, after synth changes).
pub fn check(docs: &[Document]) {
    for alert in ALERTS.iter().chain(COLD.iter().filter(|q| q.contains("Alert"))) {
        assert!(
            docs.iter().any(|d| d.keywords.iter().any(|k| k == alert)),
            "no runbook has the alert {alert}: update queries.rs from the corpus"
        );
    }
}
