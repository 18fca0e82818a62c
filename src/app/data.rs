//! Fetching the bundle. URLs are relative, so they resolve against the page's `<base href>`
//! and the site works under any public URL.

use serde::de::DeserializeOwned;
use std::rc::Rc;
use yew::prelude::*;

use crate::bundle::{DEPLOYS_FILE, FORMAT_VERSION, SITE_FILE, Site, read_deploy_columns};

/// The loaded site, shared through a context. Compared by pointer: it never changes after
/// loading, and a deep comparison on every render would be wasted work.
#[derive(Clone)]
pub struct SiteHandle(pub Rc<Site>, pub LoadTime);

/// How long fetching and decoding `site.json` and `deploys.bin` took, in milliseconds (shown for benchmarks).
#[derive(Clone, Copy, PartialEq)]
pub struct LoadTime(pub f64);

impl std::ops::Deref for SiteHandle {
    type Target = Site;

    fn deref(&self) -> &Site {
        &self.0
    }
}

impl PartialEq for SiteHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(String),
}

async fn fetch(url: &str) -> Result<gloo_net::http::Response, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {} {}", response.status(), response.status_text()));
    }
    Ok(response)
}

async fn fetch_json<T: DeserializeOwned>(file: &str) -> Result<T, String> {
    let url = format!("data/{file}");
    fetch(&url).await?.json::<T>().await.map_err(|e| format!("{url}: {e}"))
}

async fn fetch_bytes(file: &str) -> Result<Vec<u8>, String> {
    let url = format!("data/{file}");
    fetch(&url).await?.binary().await.map_err(|e| format!("{url}: {e}"))
}

/// `site.json` and the deployment columns, fetched side by side.
async fn load_site() -> Result<Site, String> {
    let (site, columns) = futures::join!(fetch_json::<Site>(SITE_FILE), fetch_bytes(DEPLOYS_FILE));
    let mut site = site?;
    if site.format_version != FORMAT_VERSION {
        return Err(format!(
            "the data was built for format {} but this app reads format {FORMAT_VERSION}; rebuild the site",
            site.format_version
        ));
    }
    read_deploy_columns(&mut site.deploys, &columns?).map_err(|e| format!("data/{DEPLOYS_FILE}: {e}"))?;
    Ok(site)
}

#[hook]
pub fn use_site_loader() -> UseStateHandle<Load<SiteHandle>> {
    let state = use_state(|| Load::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let started = now_ms();
                let loaded = match load_site().await {
                    Ok(site) => Load::Ready(SiteHandle(Rc::new(site), LoadTime(now_ms() - started))),
                    Err(e) => Load::Failed(e),
                };
                state.set(loaded);
            });
        });
    }
    state
}

/// Loads one document file (a postmortem or runbook), again whenever `file` changes.
#[hook]
pub fn use_document<T: DeserializeOwned + 'static>(file: String) -> (Rc<Load<Rc<T>>>, Callback<()>) {
    let state = use_state(|| Rc::new(Load::Loading));
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((file, *attempt), move |(file, _)| {
            state.set(Rc::new(Load::Loading));
            let file = file.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match fetch_json::<T>(&file).await {
                    Ok(doc) => Load::Ready(Rc::new(doc)),
                    Err(e) => Load::Failed(e),
                };
                state.set(Rc::new(loaded));
            });
        });
    }
    let retry = Callback::from(move |_| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}

#[hook]
pub fn use_site() -> SiteHandle {
    use_context::<SiteHandle>().expect("pages render inside the site context")
}

/// Milliseconds on the page's clock, for timing figures the benchmarks read.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Today in the site's time zone: the "as of" for everything the dashboard computes.
pub fn today(site: &Site) -> chrono::NaiveDate {
    crate::analytics::Calendar::of(&site.config).date_of(chrono::Utc::now())
}
