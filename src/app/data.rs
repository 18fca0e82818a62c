//! Fetching the bundle. URLs are relative, so they resolve against the page's `<base href>`
//! and the site works under any public URL.

use serde::de::DeserializeOwned;
use std::rc::Rc;
use yew::prelude::*;

use super::warm_up;
use analytics::slo::SloStatus;
use model::bundle::{
    DEPLOY_IDS_FILE, DEPLOYS_FILE, FORMAT_VERSION, ONCALL_FILE, SITE_FILE, SLI_FILE, Site, read_deploy_columns,
    read_deploy_ids, read_oncall_columns, read_sli_columns,
};
use model::{Page, Shift, SliEvents, TextColumn};

/// The loaded site, shared through a context. Compared by pointer: it never changes after
/// loading, and a deep comparison on every render would be wasted work.
#[derive(Clone)]
pub struct SiteHandle(pub Rc<Site>, pub LoadTime);

/// How long loading the site took, in milliseconds (exposed for the benchmarks): fetching
/// `site.json` and `deploys.bin`, parsing the one and decoding the other.
#[derive(Clone, Copy, PartialEq)]
pub struct LoadTime {
    pub fetch_ms: f64,
    pub parse_ms: f64,
    pub decode_ms: f64,
}

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

async fn fetch_text(file: &str) -> Result<String, String> {
    let url = format!("data/{file}");
    fetch(&url).await?.text().await.map_err(|e| format!("{url}: {e}"))
}

pub async fn fetch_bytes(file: &str) -> Result<Vec<u8>, String> {
    let url = format!("data/{file}");
    fetch(&url).await?.binary().await.map_err(|e| format!("{url}: {e}"))
}

/// `site.json` and the deployment columns, fetched side by side.
async fn load_site() -> Result<(Site, LoadTime), String> {
    let started = now_ms();
    let data = futures::future::join(fetch_text(SITE_FILE), fetch_bytes(DEPLOYS_FILE));
    // Practice on made-up data while the real data downloads, and stop as soon as it is in.
    let (site, columns) = warm_up::while_practising(data, warm_up::practice_dora()).await;
    let (site, columns) = (site?, columns?);
    let fetched = now_ms();
    let mut site: Site = serde_json::from_str(&site).map_err(|e| format!("data/{SITE_FILE}: {e}"))?;
    if site.format_version != FORMAT_VERSION {
        return Err(format!(
            "the data was built for format {} but this app reads format {FORMAT_VERSION}; rebuild the site",
            site.format_version
        ));
    }
    let parsed = now_ms();
    read_deploy_columns(&mut site.deploys, &columns).map_err(|e| format!("data/{DEPLOYS_FILE}: {e}"))?;
    let time = LoadTime { fetch_ms: fetched - started, parse_ms: parsed - fetched, decode_ms: now_ms() - parsed };
    Ok((site, time))
}

#[hook]
pub fn use_site_loader() -> UseStateHandle<Load<SiteHandle>> {
    let state = use_state(|| Load::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match load_site().await {
                    Ok((site, time)) => Load::Ready(SiteHandle(Rc::new(site), time)),
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

/// Where a part of the bundle is kept once fetched (the app runs on one thread).
type Cache<T> = &'static std::thread::LocalKey<std::cell::RefCell<Option<Rc<T>>>>;

/// A part of the bundle fetched the first time a page needs it and kept in `cache` for the
/// session: ready at once on every later page. A failure is not kept, so the next page to
/// need it tries again.
#[hook]
fn use_fetched_once<T, F>(cache: Cache<T>, load: impl FnOnce() -> F + 'static) -> Rc<Load<Rc<T>>>
where
    T: 'static,
    F: std::future::Future<Output = Result<T, String>> + 'static,
{
    let state = use_state(|| {
        Rc::new(match cache.with(|kept| kept.borrow().clone()) {
            Some(value) => Load::Ready(value),
            None => Load::Loading,
        })
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if matches!(*state.as_ref(), Load::Loading) {
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(Rc::new(match load().await {
                        Ok(value) => {
                            let value = Rc::new(value);
                            cache.with(|kept| *kept.borrow_mut() = Some(value.clone()));
                            Load::Ready(value)
                        }
                        Err(e) => Load::Failed(e),
                    }));
                });
            }
        });
    }
    (*state).clone()
}

thread_local! {
    /// The deploy ids once fetched: every page shows the same ones.
    static DEPLOY_IDS: std::cell::RefCell<Option<Rc<TextColumn>>> = const { std::cell::RefCell::new(None) };
}

/// The deploy ids, fetched the first time a page lists deployments. Only such pages need
/// them, and at a million deployments they are the largest part of the data.
#[hook]
pub fn use_deploy_ids() -> Rc<Load<Rc<TextColumn>>> {
    let rows = use_site().deploys.len();
    use_fetched_once(&DEPLOY_IDS, move || async move {
        let bytes = fetch_bytes(DEPLOY_IDS_FILE).await?;
        read_deploy_ids(&bytes, rows).map_err(|e| format!("data/{DEPLOY_IDS_FILE}: {e}"))
    })
}

/// The SLOs' events (in the order of `site.slos`) and each SLO's status as of today.
pub struct Slos {
    pub events: Vec<SliEvents>,
    pub statuses: Vec<SloStatus>,
    /// How long assessing every SLO took, in milliseconds (for the benchmarks).
    pub assess_ms: f64,
}

thread_local! {
    /// Fetched and assessed once a session: every SLO page and tile reads the same statuses.
    static SLOS: std::cell::RefCell<Option<Rc<Slos>>> = const { std::cell::RefCell::new(None) };
}

/// The SLOs and their statuses: their events fetched (`sli.bin`, which only SLO pages and
/// tiles need) and assessed the first time a page shows one.
#[hook]
pub fn use_slos() -> Rc<Load<Rc<Slos>>> {
    let site = use_site();
    use_fetched_once(&SLOS, move || async move {
        let bytes = fetch_bytes(SLI_FILE).await?;
        let events = read_sli_columns(&bytes).map_err(|e| format!("data/{SLI_FILE}: {e}"))?;
        if events.len() != site.slos.len() {
            let (found, slos) = (events.len(), site.slos.len());
            return Err(format!("data/{SLI_FILE}: events of {found} SLOs for the site's {slos}; rebuild the site"));
        }
        let prepared = analytics::Prepared::new(&site);
        let (statuses, assess_ms) = timed(|| analytics::slo::assess_site(&site, &events, &prepared, today(&site)));
        Ok(Slos { events, statuses, assess_ms })
    })
}

/// The on-call exports: the pages responders received and the schedule as it was worked.
pub struct Oncall {
    pub pages: Vec<Page>,
    pub shifts: Vec<Shift>,
    /// How long fetching and decoding `oncall.bin` took, and when it was done, in
    /// milliseconds on the page's clock (for the benchmarks).
    pub load_ms: f64,
    pub loaded_at: f64,
}

thread_local! {
    static ONCALL: std::cell::RefCell<Option<Rc<Oncall>>> = const { std::cell::RefCell::new(None) };
}

/// The pages and shifts (`oncall.bin`, which only `/oncall` and the alert pages read),
/// fetched the first time one is shown.
#[hook]
pub fn use_oncall() -> Rc<Load<Rc<Oncall>>> {
    use_fetched_once(&ONCALL, move || async move {
        let started = now_ms();
        let bytes = warm_up::while_practising(fetch_bytes(ONCALL_FILE), warm_up::practice_oncall()).await?;
        let (pages, shifts) = read_oncall_columns(&bytes).map_err(|e| format!("data/{ONCALL_FILE}: {e}"))?;
        let loaded_at = now_ms();
        Ok(Oncall { pages, shifts, load_ms: loaded_at - started, loaded_at })
    })
}

/// Drills, recovery and each service's readiness as of today, time to restore over the
/// last 90 days: what `report --json` prints with its default window.
#[hook]
pub fn use_readiness() -> Rc<analytics::readiness::SiteReadiness> {
    let site = use_site();
    use_memo(site, |site| {
        let as_of = today(site);
        let window = analytics::Window::ending(as_of, analytics::DEFAULT_WINDOW_DAYS);
        analytics::readiness::assess_site(site, &analytics::Prepared::new(site), &window, as_of)
    })
}

#[hook]
pub fn use_site() -> SiteHandle {
    use_context::<SiteHandle>().expect("pages render inside the site context")
}

/// Milliseconds on the page's clock, for timing figures the benchmarks read.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// A value and how long computing it took, in milliseconds.
pub fn timed<T>(compute: impl FnOnce() -> T) -> (T, f64) {
    let started = now_ms();
    let value = compute();
    (value, now_ms() - started)
}

/// Today in the site's time zone: the "as of" for everything the dashboard computes.
pub fn today(site: &Site) -> chrono::NaiveDate {
    analytics::Calendar::of(&site.config).date_of(chrono::Utc::now())
}
