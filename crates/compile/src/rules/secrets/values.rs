//! What tells a real credential from a look-alike: placeholders, fillers, low-entropy
//! values and hosts reserved for documentation.

use regex::Captures;

/// Domains reserved for documentation and testing (RFC 2606 / 6761): hosts there, and
/// addresses at them, are examples.
const DOCUMENTATION_DOMAINS: [&str; 7] =
    ["example.com", "example.org", "example.net", "example", "test", "invalid", "localhost"];

/// Text that stands in for a value in templates and docs: `<your-key>`, `${TOKEN}`,
/// `{{ secret }}`, `$(pass)`, `%s`, `...`, `****`, `xxxx`.
const PLACEHOLDER_MARKS: [&str; 10] = ["<", ">", "${", "{{", "$(", "%s", "%(", "...", "***", "xxxx"];

/// Bits per character a token with a vendor's prefix must reach. Its shape already says what
/// it is, and a real one is random (24 random letters and digits score about 4.3), so this
/// only turns away fillers such as `0000…` or `abcabc…`; detect-secrets uses 3.0 for hex.
const TOKEN_ENTROPY: f64 = 3.0;

/// Bits per character of a value assigned to a `secret`, `token` or `api_key`: with no
/// prefix to go by, only a value this random counts (gitleaks' generic-api-key threshold).
const GENERIC_ENTROPY: f64 = 3.5;

/// Bits per character of a password, which people choose: `hunter22` scores 2.75, while
/// `aaaabbbb` (1.0) or `secret` (2.25) are placeholders rather than passwords.
const PASSWORD_ENTROPY: f64 = 2.5;

/// A vendor-shaped token: its `value` is random, not a placeholder.
pub fn random_token(found: &Captures) -> bool {
    let value = value_of(found);
    !is_placeholder(value) && entropy(value) >= TOKEN_ENTROPY
}

/// A value assigned to a generic secret key: long and random.
pub fn high_entropy(found: &Captures) -> bool {
    let value = value_of(found);
    !is_placeholder(value) && entropy(value) >= GENERIC_ENTROPY
}

/// A password (assigned, or in a URL): not a placeholder, at least two kinds of character
/// (lower case, upper case, digits, symbols) so that prose (`password: rotated`) does not
/// count, and not at a host reserved for documentation. Punctuation that ends the value
/// ends the sentence it is written in.
pub fn password(found: &Captures) -> bool {
    let value = value_of(found).trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
    !is_placeholder(value)
        && !is_working_directory(found)
        && character_classes(value) >= 2
        && entropy(value) >= PASSWORD_ENTROPY
        && !found.name("host").is_some_and(|host| is_documentation_host(host.as_str()))
}

/// `PWD=/srv/app` and `OLDPWD=…`, as a pasted shell environment has them: the shell's
/// working directories, not passwords.
fn is_working_directory(found: &Captures) -> bool {
    found
        .name("key")
        .is_some_and(|key| key.as_str().eq_ignore_ascii_case("pwd") || key.as_str().eq_ignore_ascii_case("oldpwd"))
}

/// An e-mail address, unless it is at a documentation domain or is the `user:password@host`
/// of a URL (a login, which `secrets` reports).
pub fn mail_address(found: &Captures) -> bool {
    found.name("login").is_none() && !found.name("host").is_some_and(|host| is_documentation_host(host.as_str()))
}

/// Kinds whose shape alone is the finding.
pub fn always(_: &Captures) -> bool {
    true
}

/// The `value` group of a match, or the whole match for patterns without one.
fn value_of<'h>(found: &Captures<'h>) -> &'h str {
    found.name("value").or_else(|| found.get(0)).map_or("", |m| m.as_str())
}

fn is_placeholder(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    value.starts_with('$') || PLACEHOLDER_MARKS.iter().any(|mark| lower.contains(mark))
}

fn is_documentation_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    DOCUMENTATION_DOMAINS.iter().any(|d| host == *d || host.strip_suffix(d).is_some_and(|rest| rest.ends_with('.')))
}

/// Shannon entropy of `value`'s characters, in bits per character.
fn entropy(value: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for c in value.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    let total = value.chars().count() as f64;
    counts.values().map(|&n| n as f64 / total).map(|p| -p * p.log2()).sum()
}

fn character_classes(value: &str) -> usize {
    let classes: [fn(&char) -> bool; 4] =
        [char::is_ascii_lowercase, char::is_ascii_uppercase, char::is_ascii_digit, |c| !c.is_alphanumeric()];
    classes.iter().filter(|class| value.chars().any(|c| class(&c))).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_is_bits_per_character() {
        assert_eq!(entropy("aaaa"), 0.0);
        assert_eq!(entropy("abab"), 1.0);
        assert_eq!(entropy("abcdefgh"), 3.0);
        assert_eq!(entropy(""), 0.0);
    }

    #[test]
    fn documentation_hosts_are_the_reserved_ones_and_their_subdomains() {
        assert!(is_documentation_host("db.example.com"));
        assert!(is_documentation_host("EXAMPLE.org"));
        assert!(is_documentation_host("api.staging.test"));
        assert!(!is_documentation_host("notexample.com"));
        assert!(!is_documentation_host("db.internal"));
    }
}
