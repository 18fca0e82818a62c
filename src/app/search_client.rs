//! The search index in the browser: loaded file by file as queries need them and kept for
//! the session, so the second query on a topic downloads nothing.

use std::cell::RefCell;
use std::rc::Rc;

use super::data::{fetch_bytes, now_ms};
use search::{FacetCount, Index, MANIFEST_FILE, Outcome, Query, Shown};

thread_local! {
    static INDEX: RefCell<Option<Rc<RefCell<Index>>>> = const { RefCell::new(None) };
}

/// How many results a page of results shows.
pub const PAGE: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub total: usize,
    pub rows: Vec<Shown>,
    pub facets: Vec<FacetCount>,
    pub unmatched: Vec<String>,
    /// How long the query took, downloads included (read by the benchmark).
    pub ms: f64,
}

async fn index() -> Result<Rc<RefCell<Index>>, String> {
    if let Some(index) = INDEX.with(|i| i.borrow().clone()) {
        return Ok(index);
    }
    let index = Rc::new(RefCell::new(Index::open(&fetch_bytes(MANIFEST_FILE).await?)?));
    INDEX.with(|i| *i.borrow_mut() = Some(index.clone()));
    Ok(index)
}

/// Fetches `files` side by side and adds them to the index.
async fn load(index: &RefCell<Index>, files: Vec<String>) -> Result<(), String> {
    let fetched = futures::future::join_all(files.iter().map(|f| fetch_bytes(f))).await;
    for (file, bytes) in files.iter().zip(fetched) {
        index.borrow_mut().add(file, bytes?)?;
    }
    Ok(())
}

/// Runs `query` and prepares the first `shown` results, downloading what it needs. The
/// index is never borrowed across a download, so queries typed meanwhile can run.
pub async fn answer(query: &Query, shown: usize) -> Result<Answer, String> {
    let started = now_ms();
    let index = index().await?;
    let results = loop {
        let outcome = index.borrow_mut().search(query);
        match outcome {
            Outcome::Found(results) => break results,
            Outcome::Need(files) => load(&index, files).await?,
        }
    };
    let hits = &results.hits[..results.hits.len().min(shown)];
    let missing = index.borrow().missing_fragments(hits);
    load(&index, missing).await?;
    let mut index = index.borrow_mut();
    let rows = hits
        .iter()
        .map(|hit| index.shown(hit, &results.matched).ok_or("a result's document did not load"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Answer {
        total: results.hits.len(),
        rows,
        facets: results.facets,
        unmatched: results.unmatched,
        ms: now_ms() - started,
    })
}
