//! `firebreak post-build --dist DIR`: run by trunk after each build (see Trunk.toml).
//!
//! 1. Pins a Content-Security-Policy into `index.html`: scripts only from the site itself plus
//!    trunk's inline loader, allowed by its SHA-256 hash — so even HTML that slipped past the
//!    sanitiser could not run script. A static host cannot send headers or nonces, so the
//!    policy travels in a `<meta>` tag.
//! 2. Copies `index.html` to `404.html`, which static hosts serve for unknown paths, so deep
//!    links survive a reload.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The staging directory trunk is about to publish
    #[arg(long, env = "TRUNK_STAGING_DIR")]
    dist: PathBuf,
}

pub fn run(args: Args) -> Result<i32, String> {
    let index = args.dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let html = with_csp(&html)?;
    for name in ["index.html", "404.html"] {
        let path = args.dist.join(name);
        std::fs::write(&path, &html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(0)
}

/// The policy. `'wasm-unsafe-eval'` lets the page compile its own WebAssembly and nothing else.
fn policy(script_hashes: &[String]) -> String {
    let scripts: String = script_hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'; img-src 'self' https: data:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
    )
}

fn with_csp(html: &str) -> Result<String, String> {
    if html.contains("Content-Security-Policy") {
        return Ok(html.to_owned());
    }
    let hashes: Vec<String> = inline_scripts(html)
        .map(|body| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes())))
        .collect();
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />", policy(&hashes));
    // Before any script, so the policy governs them all.
    let at = html
        .find("<meta charset")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
        .ok_or("index.html has no <meta charset> to place the policy after")?;
    Ok(format!("{}\n    {meta}{}", &html[..at], &html[at..]))
}

/// The text of each inline `<script>` element, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(move |(start, _)| {
        let open_end = start + html[start..].find('>')?;
        if html[start..open_end].contains("src=") {
            return None;
        }
        let body_start = open_end + 1;
        let body_end = body_start + html[body_start..].find("</script>")?;
        Some(&html[body_start..body_end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_and_places_the_policy_first() {
        let html = "<html><head><meta charset=\"utf-8\" /><script type=\"module\">init()</script><script src=\"/a.js\"></script></head></html>";
        let out = with_csp(html).unwrap();
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert!(out.contains(&format!("'sha256-{expected}'")), "{out}");
        assert_eq!(out.matches("sha256-").count(), 1, "external scripts need no hash");
        assert!(out.find("Content-Security-Policy").unwrap() < out.find("<script").unwrap());
        assert_eq!(with_csp(&out).unwrap(), out, "applying twice changes nothing");
    }
}
