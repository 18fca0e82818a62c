//! The whole search on a small corpus: documents → index files → queries.

use std::collections::HashMap;

use super::*;

fn doc(
    kind: DocKind,
    path: &str,
    title: &str,
    keywords: &[&str],
    sections: &[(&str, &str)],
    facets: &[(Facet, &str)],
) -> Document {
    Document {
        kind,
        path: path.into(),
        title: title.into(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        sections: sections
            .iter()
            .map(|(heading, text)| DocSection {
                anchor: heading.to_lowercase().replace(' ', "-"),
                heading: heading.to_string(),
                text: text.to_string(),
            })
            .collect(),
        facets: facets.iter().map(|(f, v)| (*f, v.to_string())).collect(),
    }
}

fn corpus() -> Vec<Document> {
    use DocKind::*;
    vec![
        doc(
            Postmortem,
            "/postmortems/pm-1",
            "Checkout outage after a bad deploy",
            &["pm-1", "checkout"],
            &[
                ("Summary", "Checkout returned errors for 40 minutes."),
                ("Timeline", "We started the rollback at 10:05 and it finished at 10:12."),
                ("Lessons Learned", "Canary every deploy."),
            ],
            &[
                (Facet::Kind, "postmortem"),
                (Facet::Severity, "SEV1"),
                (Facet::Service, "checkout"),
                (Facet::Year, "2026"),
            ],
        ),
        doc(
            Postmortem,
            "/postmortems/pm-2",
            "Ledger replication lag",
            &["pm-2", "ledger"],
            &[
                ("Summary", "Replication fell behind during the batch job."),
                ("Root Cause", "The replica disk was full."),
            ],
            &[
                (Facet::Kind, "postmortem"),
                (Facet::Severity, "SEV2"),
                (Facet::Service, "ledger"),
                (Facet::Year, "2025"),
            ],
        ),
        doc(
            Runbook,
            "/runbooks/checkout-errors",
            "Checkout error rate",
            &["checkout-errors", "checkout", "CheckoutHighErrorRate"],
            &[
                ("Overview", "Fires when checkout errors exceed one percent."),
                ("Mitigation", "Roll back the last deploy."),
            ],
            &[(Facet::Kind, "runbook"), (Facet::Service, "checkout")],
        ),
        doc(
            Runbook,
            "/runbooks/disk-full",
            "Disk full",
            &["disk-full", "ledger", "LedgerDiskFull"],
            &[("Diagnosis", "Check which volume is full with df."), ("Mitigation", "Delete old snapshots.")],
            &[(Facet::Kind, "runbook"), (Facet::Service, "ledger")],
        ),
        doc(
            Service,
            "/services/checkout",
            "checkout",
            &["checkout", "payments"],
            &[],
            &[(Facet::Kind, "service"), (Facet::Service, "checkout")],
        ),
    ]
}

struct Searcher {
    index: Index,
    files: HashMap<String, Vec<u8>>,
    fetched: Vec<String>,
}

impl Searcher {
    fn new(docs: &[Document]) -> Searcher {
        let files: HashMap<String, Vec<u8>> = build(docs).into_iter().collect();
        Searcher { index: Index::open(&files[MANIFEST_FILE]).unwrap(), files, fetched: Vec::new() }
    }

    fn results(&mut self, query: &Query) -> Results {
        let (files, fetched) = (&self.files, &mut self.fetched);
        self.index
            .search_loading(query, |f| {
                fetched.push(f.to_owned());
                files.get(f).cloned().ok_or_else(|| format!("no {f}"))
            })
            .unwrap()
    }

    fn paths(&mut self, text: &str) -> Vec<String> {
        let results = self.results(&Query::new(text));
        results.hits.iter().map(|h| self.fragment(h.doc).path).collect()
    }

    fn fragment(&mut self, doc: usize) -> Fragment {
        let name = format::fragment_file(doc);
        self.index.add(&name, self.files[&name].clone()).unwrap();
        self.index.fragment(doc).unwrap().clone()
    }
}

#[test]
fn a_title_match_ranks_first() {
    let mut s = Searcher::new(&corpus());
    assert_eq!(s.paths("replication ")[0], "/postmortems/pm-2");
    assert_eq!(s.paths("checkout error ")[0], "/runbooks/checkout-errors");
}

#[test]
fn an_alert_name_finds_its_runbook_first() {
    let mut s = Searcher::new(&corpus());
    assert_eq!(s.paths("CheckoutHighErrorRate")[0], "/runbooks/checkout-errors");
    assert_eq!(s.paths("LedgerDiskFull ")[0], "/runbooks/disk-full");
}

#[test]
fn other_forms_of_a_word_match() {
    let mut s = Searcher::new(&corpus());
    assert_eq!(s.paths("rollbacks "), ["/postmortems/pm-1"]);
    assert!(s.paths("replicated ").contains(&"/postmortems/pm-2".to_owned()));
}

#[test]
fn the_word_being_typed_is_completed() {
    let mut s = Searcher::new(&corpus());
    assert_eq!(s.paths("rollb"), ["/postmortems/pm-1"]);
    let finished = s.results(&Query::new("rollb "));
    assert!(!finished.matched.contains("rollback"), "a finished word is not completed: {:?}", finished.matched);
}

#[test]
fn typos_are_forgiven() {
    let mut s = Searcher::new(&corpus());
    assert!(s.paths("chekout ").contains(&"/services/checkout".to_owned()));
    let results = s.results(&Query::new("replicaton "));
    assert!(results.matched.contains("replication"), "{:?}", results.matched);
    assert_eq!(results.hits.len(), 1);
}

#[test]
fn results_match_every_word_found() {
    let mut s = Searcher::new(&corpus());
    assert_eq!(s.paths("disk replica "), ["/postmortems/pm-2"]);
    let results = s.results(&Query::new("disk zzyzx "));
    assert_eq!(results.unmatched, ["zzyzx"]);
    assert_eq!(results.hits.len(), 2, "the word found narrows, the one not found does not");
}

#[test]
fn facets_narrow_and_their_counts_follow_the_query() {
    let mut s = Searcher::new(&corpus());
    let all = s.results(&Query::new("checkout "));
    let count = |r: &Results, value: &str| r.facets.iter().find(|f| f.value == value).map(|f| f.count);
    assert_eq!(count(&all, "runbook"), Some(1));
    assert_eq!(count(&all, "postmortem"), Some(1));
    assert_eq!(count(&all, "ledger"), None);
    let runbooks = s.results(&Query::new("checkout ").with(Facet::Kind, "runbook"));
    assert_eq!(runbooks.hits.len(), 1);
    // Other kinds still count: choosing them instead would give results.
    assert_eq!(count(&runbooks, "postmortem"), Some(1));
    assert_eq!(count(&runbooks, "SEV1"), None);
    assert!(runbooks.facets.iter().any(|f| f.value == "runbook" && f.selected));
    let nothing = s.results(&Query::new("checkout ").with(Facet::Year, "1999"));
    assert!(nothing.hits.is_empty());
    assert!(nothing.facets.iter().any(|f| f.value == "1999" && f.selected && f.count == 0));
}

#[test]
fn a_result_links_to_the_section_with_the_most_words() {
    let mut s = Searcher::new(&corpus());
    let results = s.results(&Query::new("replica disk "));
    s.fragment(results.hits[0].doc);
    let shown = s.index.shown(&results.hits[0], &results.matched).unwrap();
    assert_eq!(shown.section.as_deref(), Some("Root Cause"));
    assert_eq!(shown.snippet.bracketed(), "The [replica] [disk] was full.");
}

/// The small corpus and `n` generated documents, enough for an index of many shards.
fn with_generated(n: usize) -> Vec<Document> {
    let mut docs = corpus();
    for n in 0..n {
        let text = format!("word{n} filler text about service number {n} and incident {}", n * 7);
        docs.push(doc(
            DocKind::Postmortem,
            &format!("/postmortems/gen-{n}"),
            &format!("Generated {n}"),
            &[],
            &[("Summary", &text)],
            &[],
        ));
    }
    docs
}

#[test]
fn a_query_loads_only_the_files_it_needs() {
    let mut s = Searcher::new(&with_generated(3000));
    let shards = s.files.keys().filter(|f| f.contains("/post-") || f.contains("/dict-")).count();
    assert!(shards > 4, "{shards} shards");
    s.paths("replication ");
    assert!(s.fetched.len() <= 3, "{:?}", s.fetched);
}

#[test]
fn a_words_postings_come_with_its_dictionary_shard() {
    let s = Searcher::new(&with_generated(12_000));
    let postings_shards = s.files.keys().filter(|f| f.contains("/post-")).count();
    assert!(postings_shards > 3, "{postings_shards} postings shards");
    for text in ["replication ", "word5000 word11000 ", "Generated incident 77 ", "replic", "word1234", "rollbacks "] {
        let mut index = Index::open(&s.files[MANIFEST_FILE]).unwrap();
        let mut rounds = 0;
        let results = loop {
            match index.search(&Query::new(text)) {
                Outcome::Found(results) => break results,
                Outcome::Need(files) => {
                    rounds += 1;
                    for f in files {
                        index.add(&f, s.files[&f].clone()).unwrap();
                    }
                }
            }
        };
        assert!(!results.hits.is_empty(), "`{text}` finds something");
        assert_eq!(rounds, 1, "`{text}`: the dictionary and the postings in one round");
    }
}

#[test]
fn no_query_panics() {
    let mut s = Searcher::new(&corpus());
    let long = "x".repeat(10_000);
    for text in [
        "",
        " ",
        "!!!",
        "— … “”",
        "ошибка",
        "错误 日志",
        "🔥🔥",
        "a",
        "the",
        "\u{0}\u{200B}",
        &long,
        "c h e c k o u t",
        "-rollback +disk \"quoted",
    ] {
        for query in [text.to_owned(), format!("{text} ")] {
            s.results(&Query::new(&query));
        }
    }
}

#[test]
fn a_damaged_file_is_an_error_naming_it() {
    let files: HashMap<String, Vec<u8>> = build(&corpus()).into_iter().collect();
    let mut index = Index::open(&files[MANIFEST_FILE]).unwrap();
    let err = index.search_loading(&Query::new("disk "), |f| Ok(files[f][..files[f].len() / 2].to_vec())).unwrap_err();
    assert!(err.contains("search/"), "{err}");
    assert!(Index::open(b"garbage").is_err());
}
