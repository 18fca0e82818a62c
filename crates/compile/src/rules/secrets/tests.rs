use super::super::testing::{context_of, repo_with};
use super::*;

/// The file line of a body's first line (after `repo_with`'s front matter).
const BODY_LINE: usize = 9;

const AZURE_KEY: &str = "UtRQb3SzeKAExtSzceqPthEuRMPPQHKTD8V11UoJ7tA/UD7Ky9sHNXSH/NyLcXDYfnThY2i1T9Sz2MYFkCi2RH==";

/// One real-shaped (made-up) example of each kind, as it leaks: in a config line, a
/// command, a JSON file pasted into a postmortem.
fn real_shapes() -> Vec<(&'static str, String)> {
    let shapes = [
        ("an AWS access key id", "key AKIAQX7R2M4PLZ8KDN3W leaked".to_owned()),
        ("an AWS secret access key", "aws_secret_access_key=xp5QEz/+x9L6HzGpPwEvEzUz+BMHaRZCZSIIMoK9".to_owned()),
        (
            "an AWS session token",
            "AWS_SESSION_TOKEN: FwoGZXIvYXdzEs+uyA3q09mzHR8l/s9t/kFlTAYarl9ZZxX1qIYUsQRMq3c2su2a6mbG2Z981tCwwVM+hlTwtBHjuDqMnViTQlISvY00bI3fGZJlBKuVr4lnPH7lCj7OulCU/WZN6cyAckYUibJBFrOcq".to_owned(),
        ),
        (
            "a Google Cloud service-account key",
            r#"{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\nD5Jc2vI1r+FJ8hSh6LKbyBcvMEy0iwd6F6k/9Ay4PH3MrzWQHVBeisYil+HSB9ij\n-----END PRIVATE KEY-----\n"}"#.to_owned(),
        ),
        (
            "an Azure storage connection string",
            format!("DefaultEndpointsProtocol=https;AccountName=ordersprod;AccountKey={AZURE_KEY};EndpointSuffix=core.windows.net"),
        ),
        ("an Azure storage account key", format!("AZURE_STORAGE_KEY={AZURE_KEY}")),
        ("a Stripe live secret key", "STRIPE_KEY sk_live_BwRuI4xKwTLQlslcubT2myXp".to_owned()),
        (
            "a Slack webhook URL",
            "curl https://hooks.slack.com/services/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".to_owned(),
        ),
        ("a GitLab token", "git clone https://oauth2:glpat-baqXprA0ZCRrX3gWA-P6@gitlab.corp/x.git".to_owned()),
        ("an npm token", "//registry.npmjs.org/:_authToken=npm_RNDdAfcHMqkdRV7VrN4iP0vOhbR0dbhtvr9t".to_owned()),
        (
            "a PyPI token",
            "password = pypi-AgEIcHlwaS5vcmc6sRYLkiD1iqHOFfc5oWRj2pIxgOfMA1wyr87EgtSUJwW5BUEQ8XS-F2Xs8cUuA-7N2EoNa".to_owned(),
        ),
        ("a Twilio API key", "api key SK728520a7f7f0549c00cd16b9d3698dd8".to_owned()),
        (
            "a Twilio auth token",
            "TWILIO_ACCOUNT_SID=AC12f7d2cb191a5b734575a1d8c4f6b442 TWILIO_AUTH_TOKEN=8d5b8c1628f9edede5ffb155b81f6415"
                .to_owned(),
        ),
        ("a SendGrid API key", "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".to_owned()),
        ("a GitHub token", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB".to_owned()),
        ("a Slack token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx".to_owned()),
        (
            "a JSON web token",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
                .to_owned(),
        ),
        ("a bearer token", "curl -H 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345'".to_owned()),
        (
            "a private key",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7nD5Jc2vI1r+FJ8hSh6LKbyBcvMEy0iwd6F6k/9Ay4PH3Mrz".to_owned(),
        ),
        ("a password in a URL", "psql postgres://admin:hunter22@db.internal/orders".to_owned()),
        ("a password", "password: s3cr3tvalue".to_owned()),
        ("a password", "DB_PWD=Tr0ub4dor3x9".to_owned()),
        ("a secret or token", r#"api_key = "0U6p8SKyb2JeieP4O1DvvizIhGPzO1Lf""#.to_owned()),
    ];
    shapes.into()
}

/// Look-alikes of each kind that are not credentials: placeholders, fillers, low-entropy
/// values, keys at documentation domains, and the public half of a pair.
fn near_misses() -> Vec<(&'static str, String)> {
    let x = |n: usize| "x".repeat(n);
    let misses = [
        ("an AWS access key id", "AKIAXXXXXXXXXXXXXXXX and AKIAAAAABBBBCCCCDDDD".to_owned()),
        ("an AWS secret access key", "aws_secret_access_key=<your-secret-access-key>".to_owned()),
        ("an AWS secret access key", "aws_secret_access_key=${AWS_SECRET_ACCESS_KEY}".to_owned()),
        ("an AWS secret access key", format!("aws_secret_access_key={}", x(40))),
        ("an AWS session token", format!("aws_session_token = {}", "AB".repeat(60))),
        (
            "a Google Cloud service-account key",
            r#"{"type": "service_account", "private_key": "<your-key>"}"#.to_owned(),
        ),
        (
            "a Google Cloud service-account key",
            r#""private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n""#.to_owned(),
        ),
        (
            "an Azure storage connection string",
            "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=<key>".to_owned(),
        ),
        ("an Azure storage account key", format!("AZURE_STORAGE_KEY={}==", x(86))),
        ("a Stripe live secret key", format!("sk_live_{} or sk_live_<your-key>", x(24))),
        ("a Stripe live secret key", "the publishable pk_live_BwRuI4xKwTLQlslcubT2myXp".to_owned()),
        (
            "a Slack webhook URL",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX".to_owned(),
        ),
        ("a GitLab token", format!("glpat-{}", x(20))),
        ("an npm token", format!("npm_{}", "0".repeat(36))),
        ("a PyPI token", "pypi-AgEIcHlwaS5vcmc<your-token>".to_owned()),
        ("a Twilio API key", format!("SK{}", "0".repeat(32))),
        (
            "a Twilio auth token",
            "account AC12f7d2cb191a5b734575a1d8c4f6b442 paged; TWILIO_AUTH_TOKEN=<token>".to_owned(),
        ),
        ("a SendGrid API key", format!("SG.{}.{}", x(22), x(43))),
        ("a GitHub token", format!("ghp_{}", x(36))),
        ("a Slack token", "xoxb-xxxxxxxxxx-xxxxxxxxxx".to_owned()),
        ("a JSON web token", "eyJhbGciOiJIUzI1NiJ9.<payload>.<signature>".to_owned()),
        ("a bearer token", format!("Authorization: Bearer <token> or Bearer {}", x(24))),
        ("a private key", "-----BEGIN PRIVATE KEY-----\n<your-key>\n-----END PRIVATE KEY-----".to_owned()),
        ("a private key", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A".to_owned()),
        ("a private key", "the log printed -----BEGIN RSA PRIVATE KEY----- and nothing else".to_owned()),
        ("a password in a URL", "postgres://admin:hunter22@db.example.com/orders".to_owned()),
        ("a password in a URL", "postgres://admin:${DB_PASSWORD}@db.internal/orders".to_owned()),
        (
            "a password in a URL",
            "postgres://admin:xxxxxxxx@db.internal or postgres://admin:aaaabbbb@db.internal".to_owned(),
        ),
        ("a password", "password: <your-password>; DB_PASSWORD=${DB_PASSWORD}".to_owned()),
        ("a password", "password: rotated, and the new password: aaaa1111".to_owned()),
        ("a password", "env: PWD=/srv/app-2024 OLDPWD=/home/deploy/release-17".to_owned()),
        ("a secret or token", "token=${TOKEN}; api_key=xxxxxxxxxxxxxxxxxxxxxxxx".to_owned()),
        ("a secret or token", "api_key: your-api-key-goes-here; token: aaaaaaaaaaaaaaaaaaaa".to_owned()),
    ];
    misses.into()
}

/// What each finding in a postmortem of `body` calls what it found, by file line.
fn found(body: &str) -> Vec<(usize, String)> {
    let repo = repo_with(&[("p.md", "draft", body)]);
    let findings = check_secrets(&context_of(&repo));
    findings.iter().map(|f| (f.line, f.message.split(" is committed").next().unwrap().to_owned())).collect()
}

#[test]
fn every_kind_has_a_real_shape_and_a_near_miss_tested() {
    for kind in &SECRETS {
        assert!(real_shapes().iter().any(|(what, _)| *what == kind.what), "no real shape of {}", kind.what);
        assert!(near_misses().iter().any(|(what, _)| *what == kind.what), "no near miss of {}", kind.what);
    }
}

#[test]
fn each_kind_is_found_in_its_real_shape_and_named() {
    let shapes = real_shapes();
    let mut expected = Vec::new();
    let mut line = BODY_LINE;
    for (what, text) in &shapes {
        expected.push((line, (*what).to_owned()));
        line += text.lines().count();
    }
    let body: Vec<&str> = shapes.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(found(&(body.join("\n") + "\n")), expected);
}

#[test]
fn no_near_miss_is_reported() {
    for (what, text) in near_misses() {
        assert_eq!(found(&text), [], "near miss of {what}: {text}");
    }
}

#[test]
fn findings_are_where_the_secret_starts() {
    let repo = repo_with(&[("p.md", "draft", "## Summary\nkey AKIAQX7R2M4PLZ8KDN3W leaked\n")]);
    let f = check_secrets(&context_of(&repo));
    assert!(f[0].path.ends_with("postmortems/p.md"), "{}", f[0].path);
    assert_eq!((f[0].line, f[0].col), (10, 5));
    assert_eq!(f[0].message, "an AWS access key id is committed here; remove it and rotate the credential");
}

#[test]
fn finds_personal_data_but_not_handles_versions_examples_or_logins() {
    let body = "## Summary\n\
        Mail jane.doe@corp-mail.com or call +1 415 555 0100.\n\
        @priya deployed v2.14.3 at 10:02:03 to 10.0.12.7; write to oncall@example.com.\n\
        psql postgres://admin:hunter22@db.internal/orders, then tell ops@corp-mail.com\n";
    let repo = repo_with(&[("p.md", "draft", body)]);
    let f = check_personal_data(&context_of(&repo));
    let places: Vec<(usize, usize)> = f.iter().map(|f| (f.line, f.col)).collect();
    assert_eq!(places, [(10, 6), (10, 37), (12, 62)], "{:?}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
}
