//! `/oncall` in headless Chromium, on the release site served from loopback.

use serde_json::json;
use std::path::Path;

use crate::support::browser::Browser;
use crate::support::samples::{max, median};
use crate::support::site::{build_site, serve};

const VISITS: usize = 5;

/// Milliseconds from now until the page has shown `name=value` chosen in its filter form:
/// the URL changed, a table was replaced, and the frame after that. A mutation observer, not
/// polling the tables' text: reading `innerText` lays out the week table, which the page
/// leaves unlaid while it is off screen, and that polling cost more than the change.
const FILTER: &str = r#"
const [name, value, done] = arguments;
const t0 = performance.now();
let replaced = false;
const observer = new MutationObserver(() => { replaced = true; });
observer.observe(document.querySelector('main'), { childList: true, subtree: true });
const select = document.querySelector(`select[name=${name}]`);
select.value = value;
select.dispatchEvent(new Event('change', { bubbles: true }));
const poll = () => {
  if (location.search.includes(`${name}=${value}`) && replaced && document.querySelector('table.oncall-weeks')) {
    observer.disconnect();
    requestAnimationFrame(() => done(performance.now() - t0));
  } else {
    setTimeout(poll, 1);
  }
};
poll();
"#;

/// Milliseconds since navigation began, at the first frame after `css` exists.
const SHOWN: &str = r#"
const [css, done] = arguments;
const poll = () => document.querySelector(css) ? requestAnimationFrame(() => done(performance.now())) : setTimeout(poll, 1);
poll();
"#;

async fn script(browser: &Browser, script: &str, args: Vec<serde_json::Value>) -> f64 {
    let value = browser.client.execute_async(script, args).await.expect("the script ran");
    value.as_f64().expect("milliseconds")
}

pub async fn measure(repo: &Path) {
    let dist = build_site(repo, &crate::support::root().join("target/bench/oncall-dist"));
    let base = serve(&dist);
    let (mut load, mut after, mut compute, mut rotation, mut team, mut window) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..VISITS {
        let browser = Browser::start().await;
        browser.goto(&format!("{base}/oncall")).await;
        let shown = script(&browser, SHOWN, vec![json!("table.oncall-weeks")]).await;
        load.push(browser.figure("p[data-load-ms]", "data-load-ms").await);
        after.push(shown - browser.figure("p[data-loaded-at]", "data-loaded-at").await);
        compute.push(browser.figure("p[data-filter-ms]", "data-filter-ms").await);
        rotation.push(script(&browser, FILTER, vec![json!("rotation"), json!("rotation-3")]).await);
        team.push(script(&browser, FILTER, vec![json!("team"), json!("payments")]).await);
        // A new window is a new computation, not only a new selection of rows.
        browser.goto(&format!("{base}/oncall?since={}", chrono::Utc::now().date_naive() - chrono::Days::new(30))).await;
        script(&browser, SHOWN, vec![json!("table.oncall-weeks")]).await;
        window.push(script(&browser, FILTER, vec![json!("rotation"), json!("rotation-5")]).await);
        browser.close().await;
    }
    let line = |what: &str, samples: &[f64]| {
        println!("chromium: {what} p50 {:.0} ms (max {:.0})", median(samples.to_vec()), max(samples));
    };
    line("fetch and decode oncall.bin", &load);
    line("/oncall shown after the data is in (figures, view and render)", &after);
    line("of which the figures and view", &compute);
    line("a rotation chosen, shown", &rotation);
    line("a team chosen, shown", &team);
    line("a rotation chosen over a 30-day window, shown", &window);
}
