//! `secrets` and `personal-data`: credentials and personal details must never be committed
//! to a repo everyone reads, nor published in its site.

use regex::Regex;
use std::sync::OnceLock;

use super::{Context, Finding, position};

/// (what, pattern). Patterns are specific enough that prose does not trip them.
const SECRETS: [(&str, &str); 8] = [
    ("an AWS access key id", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    ("a GitHub token", r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    ("a Slack token", r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    ("a bearer token", r"(?i)\bbearer\s+[A-Za-z0-9\-._~+/]{20,}=*"),
    ("a JSON web token", r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
    ("a private key", r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    ("a password in a URL", r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/:@]+:[^\s/@]+@"),
    ("a password", r#"(?i)\b(?:password|passwd|pwd)\s*[:=]\s*['"]?[^\s'"]{6,}"#),
];

const PERSONAL: [(&str, &str); 2] = [
    ("an e-mail address", r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"),
    ("a phone number", r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}(?:[\s.-]\d{2,4}){3,5}\b"),
];

/// Domains reserved for documentation (RFC 2606 / 6761): addresses there are examples.
const RESERVED_DOMAINS: [&str; 7] =
    ["example.com", "example.org", "example.net", ".example", ".test", ".invalid", ".localhost"];

fn compiled(
    patterns: &'static [(&'static str, &'static str)],
    cell: &'static OnceLock<Vec<(&'static str, Regex)>>,
) -> &'static [(&'static str, Regex)] {
    cell.get_or_init(|| patterns.iter().map(|(what, p)| (*what, Regex::new(p).expect("valid pattern"))).collect())
}

pub fn check_secrets(context: &Context) -> Vec<Finding> {
    static CELL: OnceLock<Vec<(&str, Regex)>> = OnceLock::new();
    scan(context, compiled(&SECRETS, &CELL), |what| {
        format!("{what} is committed here; remove it and rotate the credential")
    })
}

pub fn check_personal_data(context: &Context) -> Vec<Finding> {
    static CELL: OnceLock<Vec<(&str, Regex)>> = OnceLock::new();
    scan(context, compiled(&PERSONAL, &CELL), |what| {
        format!("{what} is personal data; refer to people by handle or role instead")
    })
}

fn scan(context: &Context, patterns: &[(&str, Regex)], message: impl Fn(&str) -> String) -> Vec<Finding> {
    let documents = context.repo.postmortems.iter().map(|p| (&p.path, &p.source));
    let documents = documents.chain(context.repo.runbooks.iter().map(|r| (&r.path, &r.source)));
    let mut findings = Vec::new();
    for (path, source) in documents {
        for (what, regex) in patterns {
            for m in regex.find_iter(source) {
                let text = m.as_str().to_lowercase();
                if *what == "an e-mail address" && RESERVED_DOMAINS.iter().any(|d| text.ends_with(d)) {
                    continue;
                }
                let (line, col) = position(source, m.start(), 1);
                findings.push(Finding::new(path, line, col, message(what)));
            }
        }
    }
    findings.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    findings
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_with};
    use super::*;

    #[test]
    fn finds_each_kind_of_secret_where_it_is() {
        let body = "## Summary\n\
            key AKIAABCDEFGHIJKLMNOP leaked\n\
            curl -H 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345'\n\
            -----BEGIN RSA PRIVATE KEY-----\n\
            psql postgres://admin:hunter22@db.internal/orders\n\
            token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB\n\
            password: s3cr3tvalue\n";
        let repo = repo_with(&[("p.md", "draft", body)]);
        let f = check_secrets(&context_of(&repo));
        let lines: Vec<usize> = f.iter().map(|f| f.line).collect();
        assert_eq!(lines, [10, 11, 12, 13, 14, 15], "{:?}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
        assert_eq!(f[0].col, 5);
    }

    #[test]
    fn finds_personal_data_but_not_handles_versions_or_examples() {
        let body = "## Summary\n\
            Mail jane.doe@corp-mail.com or call +1 415 555 0100.\n\
            @priya deployed v2.14.3 at 10:02:03 to 10.0.12.7; write to oncall@example.com.\n";
        let repo = repo_with(&[("p.md", "draft", body)]);
        let f = check_personal_data(&context_of(&repo));
        let cols: Vec<(usize, usize)> = f.iter().map(|f| (f.line, f.col)).collect();
        assert_eq!(cols, [(10, 6), (10, 37)], "{:?}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
    }
}
