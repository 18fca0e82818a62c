//! The kinds of credential and personal data the text rules look for, each a pattern and a
//! test that tells the real thing from a look-alike. A pattern's `value` group is what the
//! test weighs (the whole match without one), with its `host` group where it has one (a
//! password at a documentation domain is an example). Where two kinds match the same text, the one listed first wins,
//! so specific kinds come before generic ones.
//!
//! Word boundaries are ASCII ones, `(?-u:\b)`: the credentials are ASCII, and a Unicode
//! boundary makes the regex engine leave its fast DFA on any text with a non-ASCII
//! character (an em dash in a timeline is enough), which made the pass over 2,200 synthetic
//! documents 190 times slower (2.2 s against 12 ms).

use regex::Captures;

use super::values::{always, high_entropy, mail_address, password, random_token};

pub struct Kind {
    /// How a finding names it: "{what} is committed here".
    pub what: &'static str,
    pub pattern: &'static str,
    /// Whether a match is a real one rather than a placeholder or an example.
    pub accept: fn(&Captures) -> bool,
}

const fn kind(what: &'static str, pattern: &'static str, accept: fn(&Captures) -> bool) -> Kind {
    Kind { what, pattern, accept }
}

/// `name = value`, `name: "value"`, `"name": "value"` for a key `name` of this pattern.
macro_rules! assigned {
    ($key:literal, $value:literal) => {
        concat!($key, r#"["']?\s*[:=]\s*["']?(?P<value>"#, $value, ")")
    };
}

pub const SECRETS: [Kind; 22] = [
    kind("an AWS access key id", r"(?-u:\b)(?:AKIA|ASIA)(?P<value>[0-9A-Z]{16})(?-u:\b)", random_token),
    kind(
        "an AWS secret access key",
        assigned!(r"(?i:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)", r"[A-Za-z0-9/+]{40}"),
        random_token,
    ),
    kind(
        "an AWS session token",
        assigned!(
            r"(?i:aws[_.-]?session[_.-]?token|aws[_.-]?security[_.-]?token|session[_.-]?token)",
            r"[A-Za-z0-9/+=]{100,}"
        ),
        random_token,
    ),
    kind(
        "a Google Cloud service-account key",
        r#""private_key"\s*:\s*"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\n)+(?P<value>[A-Za-z0-9+/=]{16,})"#,
        random_token,
    ),
    kind(
        "an Azure storage connection string",
        r"(?i:DefaultEndpointsProtocol=https?;(?:[a-z]+=[^;\s]*;)*?AccountKey=)(?P<value>[A-Za-z0-9+/]{86}==)",
        random_token,
    ),
    kind(
        "an Azure storage account key",
        assigned!(
            r"(?i:AccountKey|azure[_.-]?storage[_.-]?(?:account[_.-]?)?key|storage[_.-]?account[_.-]?key)",
            r"[A-Za-z0-9+/]{86}=="
        ),
        random_token,
    ),
    kind("a Stripe live secret key", r"(?-u:\b)[rs]k_live_(?P<value>[0-9A-Za-z]{24,})", random_token),
    kind(
        "a Slack webhook URL",
        r"https://hooks\.slack\.com/(?:services|workflows)/T[A-Z0-9]+/B[A-Z0-9]+/(?P<value>[A-Za-z0-9]{20,})",
        random_token,
    ),
    kind("a GitLab token", r"(?-u:\b)gl(?:pat|dt|rt|ptt|soat|cbt)-(?P<value>[0-9A-Za-z_-]{20,})", random_token),
    kind("an npm token", r"(?-u:\b)npm_(?P<value>[A-Za-z0-9]{36})", random_token),
    kind("a PyPI token", r"(?-u:\b)pypi-AgEIcHlwaS5vcmc(?P<value>[A-Za-z0-9_-]{50,})", random_token),
    kind("a Twilio API key", r"(?-u:\b)SK(?P<value>[0-9a-fA-F]{32})(?-u:\b)", random_token),
    // The token by its name, or a 32-hex value on the line of an account SID (`AC…`), as
    // `ACxxx:token` or `TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=…` have it.
    kind(
        "a Twilio auth token",
        r#"(?:(?i:twilio[_.-]?auth[_.-]?token)["']?\s*[:=]\s*["']?|(?-u:\b)AC[0-9a-f]{32}(?-u:\b)[^\n]{1,60}?(?-u:\b))(?P<value>[0-9a-f]{32})(?-u:\b)"#,
        random_token,
    ),
    kind("a SendGrid API key", r"(?-u:\b)SG\.(?P<value>[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})", random_token),
    kind("a GitHub token", r"(?-u:\b)(?:gh[pousr]|github_pat)_(?P<value>[A-Za-z0-9_]{36,})", random_token),
    kind("a Slack token", r"(?-u:\b)xox[abposr]-(?P<value>[A-Za-z0-9-]{10,})", random_token),
    kind("a JSON web token", r"(?-u:\b)eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", random_token),
    kind("a bearer token", r"(?i)(?-u:\b)bearer\s+(?P<value>[A-Za-z0-9\-._~+/]{20,}=*)", random_token),
    // The header and the key's first line (PEM headers such as `Proc-Type:` between them):
    // the header alone is how a postmortem describes a key, not the key.
    kind(
        "a private key",
        r"-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----(?:\\n|\s)+(?:[A-Za-z-]+: [^\n\\]*(?:\\n|\s)+)*(?P<value>[A-Za-z0-9+/=]{16,})",
        random_token,
    ),
    kind(
        "a password in a URL",
        r"(?-u:\b)[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/:@]+:(?P<value>[^\s/@]+)@(?P<host>[^\s/:?#@]+)",
        password,
    ),
    kind(
        "a password",
        assigned!(r"(?i)(?-u:\b)(?P<key>[A-Za-z0-9_.-]*(?:password|passwd|pwd)[A-Za-z0-9_.-]*)", r#"[^\s'"]{6,}"#),
        password,
    ),
    kind(
        "a secret or token",
        assigned!(
            r"(?i)(?-u:\b)[A-Za-z0-9_.-]*(?:secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*",
            r#"[^\s'",;]{16,}"#
        ),
        high_entropy,
    ),
];

pub const PERSONAL: [Kind; 2] = [
    // The optional `login` catches the `scheme://user:password@` before an address-shaped
    // login, which is a credential (`secrets`), not someone's address.
    kind(
        "an e-mail address",
        r"(?P<login>://[^\s/@]*)?(?-u:\b)[A-Za-z0-9._%+-]+@(?P<host>[A-Za-z0-9.-]+\.[A-Za-z]{2,})(?-u:\b)",
        mail_address,
    ),
    kind(
        "a phone number",
        r"(?:\+\d{1,3}[\s.-]?)?\(?(?-u:\b)\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?-u:\b)|\+\d{1,3}(?:[\s.-]\d{2,4}){3,5}(?-u:\b)",
        always,
    ),
];
