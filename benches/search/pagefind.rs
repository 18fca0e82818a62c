//! Pagefind, the baseline: the documents as static HTML pages, indexed by the `pagefind`
//! CLI (npm 1.6.0, from `install_pagefind` in scripts/install-tools.sh), then searched with
//! its own JS API in headless Chromium from a host that gzips text.

use crate::figures::{ColdQuery, EngineFigures, QueryRun, index_size};
use crate::support::browser::Browser;
use crate::support::measure;
use crate::support::site::{Traffic, serve_measured};
use search::{Document, Facet};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// A first query: load Pagefind, then search and read the top ten results, as a search page
/// does. `noWorker` keeps the search on the page's thread, as firebreak's is. With `facets`,
/// the filters are loaded first, as a page showing facet counts must.
const COLD_QUERY: &str = "const [q, facets, done] = arguments;
(async () => {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ noWorker: true });
  await pf.init();
  if (facets) await pf.filters();
  const s = await pf.search(q);
  const top = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
  return [performance.now() - t0, s.results.length, top.map(d => d.url)];
})().then(done, e => done({ error: String(e) }));";

/// Loads Pagefind once for the warm queries; with `facets`, its filters too, and returns
/// their names.
const INIT: &str = "const [facets, done] = arguments;
(async () => {
  window.pf = await import('/pagefind/pagefind.js');
  await pf.options({ noWorker: true });
  await pf.init();
  return facets ? Object.keys(await pf.filters()) : [];
})().then(done, e => done({ error: String(e) }));";

const WARM_QUERY: &str = "const [q, done] = arguments;
(async () => {
  const t0 = performance.now();
  const s = await pf.search(q);
  await Promise.all(s.results.slice(0, 10).map(r => r.data()));
  return performance.now() - t0;
})().then(done, e => done({ error: String(e) }));";

/// Two columns from one index: Pagefind as a plain search box, and as a page with facet
/// counts (firebreak's search page shows them). Once its filters are loaded, Pagefind counts
/// them on every search, which costs the most on the commonest words.
pub async fn measure(docs: &[Document], cold: &[&str], warm: &[String]) -> Vec<EngineFigures> {
    let root = crate::support::root();
    let site = root.join("target/bench/search-pagefind");
    write_site(docs, &site);
    let pagefind = root.join(".tools/node_modules/.bin/pagefind");
    assert!(pagefind.exists(), "no Pagefind: run `source scripts/install-tools.sh && install_pagefind`");
    let build = measure::measure(Command::new(pagefind).arg("--site").arg(&site).arg("--silent").current_dir(root));
    // The UI bundles are optional widgets; a search page needs the rest.
    let (index_files, index_bytes, index_bytes_gzip) = index_size(&site.join("pagefind"), |path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        !name.contains("-ui.") && name != "pagefind-highlight.js"
    });

    let (base, traffic) = serve_measured(&site);
    let page = format!("{base}/bench.html");
    let mut engines = Vec::new();
    for (name, facets) in [("Pagefind 1.6.0", false), ("Pagefind 1.6.0, facet counts", true)] {
        let (next, warm_run) = query_runs(&page, &traffic, facets, warm).await;
        engines.push(EngineFigures {
            name: name.into(),
            build_secs: build.secs,
            peak_rss_mb: build.peak_rss_mb,
            index_files,
            index_bytes,
            index_bytes_gzip,
            cold: cold_queries(&page, &traffic, facets, cold).await,
            next,
            warm: warm_run,
        });
    }
    engines
}

/// Each query as the first in a new browser, so nothing is cached or compiled.
async fn cold_queries(page: &str, traffic: &Traffic, facets: bool, queries: &[&str]) -> Vec<ColdQuery> {
    let mut measured = Vec::new();
    // An untimed first run fills the host's gzip cache and the page cache of Chromium itself.
    for query in std::iter::once("warm-up").chain(queries.iter().copied()) {
        let browser = Browser::start().await;
        browser.goto(page).await;
        traffic.reset();
        let result = run(&browser, COLD_QUERY, vec![json!(query), json!(facets)]).await;
        let (requests, bytes) = traffic.take();
        browser.close().await;
        let top = result[2].as_array().expect("urls").iter().map(|u| url_to_path(u.as_str().unwrap_or_default()));
        measured.push(ColdQuery {
            query: query.to_owned(),
            ms: result[0].as_f64().expect("a time"),
            results: result[1].as_u64().expect("a count") as usize,
            top: top.collect(),
            requests,
            bytes,
        });
    }
    measured.remove(0);
    measured
}

/// The queries one after another in one page after Pagefind is loaded (the next-query
/// run), then once more with everything they need loaded (the warm run).
async fn query_runs(page: &str, traffic: &Traffic, facets: bool, queries: &[String]) -> (QueryRun, QueryRun) {
    let browser = Browser::start().await;
    browser.goto(page).await;
    let filters = run(&browser, INIT, vec![json!(facets)]).await;
    if facets {
        for facet in Facet::ALL {
            assert!(filters.as_array().expect("names").contains(&json!(facet.key())), "no `{facet:?}`: {filters}");
        }
    }
    let mut runs = Vec::new();
    for _ in 0..2 {
        traffic.reset();
        let mut timed = Vec::new();
        for query in queries {
            let ms = run(&browser, WARM_QUERY, vec![json!(query)]).await.as_f64().expect("a time");
            timed.push((query.clone(), ms));
        }
        let (requests, bytes) = traffic.take();
        runs.push(QueryRun::new(&timed, requests, bytes));
    }
    browser.close().await;
    let warm = runs.pop().expect("a second run");
    (runs.pop().expect("a first run"), warm)
}

/// Runs `script` in the page, with `done` as its last argument; panics on a JS error.
async fn run(browser: &Browser, script: &str, args: Vec<Value>) -> Value {
    let value = browser.client.execute_async(script, args).await.expect("the script ran");
    assert!(value.get("error").is_none(), "the page failed: {value}");
    value
}

/// Pagefind's URL for `<path>/index.html` is `<path>/`; the document's path has no slash.
fn url_to_path(url: &str) -> String {
    url.trim_end_matches('/').to_owned()
}

/// One page per document at its app path, so Pagefind's result URLs are the documents'
/// paths; plus the blank `bench.html` the queries run in.
fn write_site(docs: &[Document], site: &Path) {
    let _ = std::fs::remove_dir_all(site);
    for doc in docs {
        let dir = site.join(doc.path.trim_start_matches('/'));
        std::fs::create_dir_all(&dir).expect("a page directory");
        std::fs::write(dir.join("index.html"), page(doc)).expect("a page");
    }
    // `data:` icon: no favicon request lands in a query's count.
    let blank = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
                 <link rel=\"icon\" href=\"data:,\"><title>bench</title></head><body></body></html>";
    std::fs::write(site.join("bench.html"), blank).expect("bench.html");
}

/// A document as Pagefind reads it: the title weighted 7 and the keywords 5, as firebreak
/// weights them close to the title; sections with ids (sub-results), facets as filters.
fn page(doc: &Document) -> String {
    let mut html = String::from("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    let _ = write!(html, "<title>{}</title>", escape(&doc.title));
    for (facet, value) in &doc.facets {
        let _ = write!(html, "<meta data-pagefind-filter=\"{}[content]\" content=\"{}\">", facet.key(), escape(value));
    }
    let _ = write!(
        html,
        "</head><body><main data-pagefind-body><h1 data-pagefind-weight=\"7\">{}</h1>",
        escape(&doc.title)
    );
    let _ = write!(html, "<p data-pagefind-weight=\"5\">{}</p>", escape(&doc.keywords.join(" ")));
    for section in &doc.sections {
        let id = if section.anchor.is_empty() { String::new() } else { format!(" id=\"{}\"", escape(&section.anchor)) };
        let _ = write!(html, "<h2{id}>{}</h2><p>{}</p>", escape(&section.heading), escape(&section.text));
    }
    html.push_str("</main></body></html>\n");
    html
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
