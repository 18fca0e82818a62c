//! axe-core, the accessibility engine browsers' DevTools use, run in the page under test.
//! Its script comes from `.tools` (scripts/install-tools.sh `install_axe_core`), never from
//! the network while the tests run.

use std::sync::OnceLock;

use super::browser::Browser;
use super::root;

/// One rule that fails, with the elements it fails on.
#[derive(Debug, serde::Deserialize)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    /// A CSS selector for each failing element.
    pub targets: Vec<String>,
}

impl Violation {
    /// Serious and critical: what keeps some readers from reading or using the page.
    pub fn blocks_readers(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

fn script() -> &'static str {
    static SCRIPT: OnceLock<String> = OnceLock::new();
    SCRIPT.get_or_init(|| {
        let path = root().join(".tools/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run scripts/test, which installs axe-core", path.display()))
    })
}

/// Runs axe-core over the page as it is now. The script is injected through WebDriver, which
/// the site's Content-Security-Policy does not govern, rather than by a `<script>` tag it
/// would refuse.
pub async fn violations(browser: &Browser) -> Vec<Violation> {
    browser.client.execute(script(), vec![]).await.expect("inject axe-core");
    const RUN: &str = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
            .then(r => done({ ok: r.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')) })) }))
            .catch(e => done({ error: String(e) }));";
    let mut answer = browser.client.execute_async(RUN, vec![]).await.expect("run axe-core");
    if let Some(error) = answer.get("error") {
        panic!("axe-core failed on {}: {error}", browser.current_url().await);
    }
    serde_json::from_value(answer["ok"].take()).expect("axe-core's violations")
}
