//! Answers queries from whichever index files are loaded, and says which it still needs:
//! no I/O here, so the browser fetches them and the CLI reads them, and both rank alike.

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Map, Streamer};
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};
use std::collections::{BTreeSet, HashMap};

use super::document::{DocKind, Facet};
use super::format::{
    Fragment, MANIFEST_FILE, Manifest, PostingsShard, decode_body_norm, decompress, dictionary_file, fragment_file,
    postings_file,
};
use super::query::{Query, QueryWord, query_words};
use super::rank::{bm25f, idf};
use super::snippet::{Snippet, snippet};
use super::text::Stems;

/// How much a completed word (`rollb` → `rollback`) counts against the word itself, and
/// how many completions of one word are searched.
const PREFIX_WEIGHT: f32 = 0.8;
const PREFIX_LIMIT: usize = 64;
/// A word one typo away counts for this much, two typos for half of it.
const TYPO_WEIGHT: f32 = 0.6;
const TYPO_LIMIT: usize = 16;

/// What a query needs next.
#[derive(Debug)]
pub enum Outcome {
    /// These files, then ask again.
    Need(Vec<String>),
    Found(Results),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Best first.
    pub hits: Vec<Hit>,
    /// Every facet value among the matches, with how many results selecting it would give.
    pub facets: Vec<FacetCount>,
    /// Query words found nowhere, not even with a typo; the results match the others.
    pub unmatched: Vec<String>,
    /// Index words the query matched (with typos and completions), to highlight.
    pub matched: BTreeSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f32,
    /// The section holding the most query words, when any holds one.
    pub section: Option<usize>,
}

/// A result as the site and the CLI show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub kind: DocKind,
    pub title: String,
    /// The page's path in the app, and the anchor and heading of the section that matched.
    pub path: String,
    pub anchor: Option<String>,
    pub section: Option<String>,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FacetCount {
    pub facet: Facet,
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

/// An index word a query word matched.
#[derive(Debug, Clone)]
struct Match {
    term: u32,
    weight: f32,
    key: String,
}

pub struct Index {
    manifest: Manifest,
    dictionaries: HashMap<usize, Map<Vec<u8>>>,
    postings: HashMap<usize, PostingsShard>,
    fragments: HashMap<usize, Fragment>,
    stems: Stems,
    /// Each length norm's body length: decoded once, not per posting.
    body_words: [f32; 256],
    /// Built on the first typo; each takes a moment to build and is reused.
    typo_builders: [Option<LevenshteinAutomatonBuilder>; 2],
}

impl Index {
    pub fn open(manifest: &[u8]) -> Result<Index, String> {
        Ok(Index {
            manifest: Manifest::decode(&decompress(MANIFEST_FILE, manifest)?)?,
            dictionaries: HashMap::new(),
            postings: HashMap::new(),
            fragments: HashMap::new(),
            stems: Stems::default(),
            body_words: std::array::from_fn(|norm| decode_body_norm(norm as u8)),
            typo_builders: [None, None],
        })
    }

    pub fn docs(&self) -> usize {
        self.manifest.docs.len()
    }

    /// Adds a file [`Outcome::Need`] asked for.
    pub fn add(&mut self, file: &str, bytes: Vec<u8>) -> Result<(), String> {
        let number = |prefix: &str, suffix: &str| {
            file.strip_prefix(prefix).and_then(|f| f.strip_suffix(suffix)).and_then(|n| n.parse::<usize>().ok())
        };
        if let Some(shard) = number("search/dict-", ".fst") {
            // `verify` checks the checksum: fst trusts its bytes and a damaged one would panic.
            let map = Map::new(decompress(file, &bytes)?).map_err(|e| format!("{file} is damaged: {e}"))?;
            map.as_fst().verify().map_err(|e| format!("{file} is damaged: {e}"))?;
            self.dictionaries.insert(shard, map);
        } else if let Some(shard) = number("search/post-", ".bin") {
            self.postings.insert(shard, PostingsShard::decode(file, &decompress(file, &bytes)?, self.docs())?);
        } else if let Some(doc) = number("search/doc-", ".bin") {
            let fragment =
                serde_json::from_slice(&decompress(file, &bytes)?).map_err(|e| format!("{file} is damaged: {e}"))?;
            self.fragments.insert(doc, fragment);
        } else {
            return Err(format!("{file} is not a search index file"));
        }
        Ok(())
    }

    pub fn search(&mut self, query: &Query) -> Outcome {
        let words = query_words(&query.text, &mut self.stems);
        let mut need = BTreeSet::new();
        let mut matches = Vec::with_capacity(words.len());
        for word in &words {
            match self.lookup(word) {
                Ok(found) => matches.push(found),
                Err(missing) => need.extend(missing),
            }
        }
        if need.is_empty() {
            for m in matches.iter().flatten() {
                let shard = self.manifest.postings_shard(m.term);
                if !self.postings.contains_key(&shard) {
                    need.insert(postings_file(shard));
                }
            }
        }
        if !need.is_empty() {
            // The dictionary is not all here yet: fetch the postings the words will most
            // likely need alongside it, saving a round trip on every new word.
            for word in &words {
                need.extend(self.likely_postings(word).map(postings_file));
            }
            return Outcome::Need(need.into_iter().collect());
        }
        Outcome::Found(self.rank(query, &words, &matches))
    }

    /// The postings shards `word` will probably need and that are not loaded, known from its
    /// stem alone. A guess: a wrong or missing one only costs bytes, or the round trip it
    /// would have saved. A prefix's completions are guessed only when they span a shard or
    /// two, as two letters would span the whole index.
    fn likely_postings(&self, word: &QueryWord) -> impl Iterator<Item = usize> + '_ {
        const MOST_SHARDS_GUESSED: usize = 2;
        let shards = if word.prefix {
            let low = word.stem.as_str().min(word.form.as_str());
            Some(self.manifest.postings_shards_for_stems(low, &word.form))
                .filter(|range| range.clone().count() <= MOST_SHARDS_GUESSED)
        } else {
            Some(self.manifest.postings_shards_for_stems(&word.stem, &word.stem))
        };
        shards.into_iter().flatten().filter(|shard| !self.postings.contains_key(shard))
    }

    /// Searches, loading each file the query needs with `load`: for the CLI and tests.
    pub fn search_loading(
        &mut self,
        query: &Query,
        mut load: impl FnMut(&str) -> Result<Vec<u8>, String>,
    ) -> Result<Results, String> {
        loop {
            match self.search(query) {
                Outcome::Found(results) => return Ok(results),
                Outcome::Need(files) => {
                    for file in files {
                        let bytes = load(&file)?;
                        self.add(&file, bytes)?;
                    }
                }
            }
        }
    }

    /// The fragment files the given hits still need for their titles and snippets.
    pub fn missing_fragments(&self, hits: &[Hit]) -> Vec<String> {
        hits.iter().filter(|h| !self.fragments.contains_key(&h.doc)).map(|h| fragment_file(h.doc)).collect()
    }

    pub fn fragment(&self, doc: usize) -> Option<&Fragment> {
        self.fragments.get(&doc)
    }

    /// What `hit` shows once its fragment is loaded: the section that matched and a snippet
    /// of it (of the first section when only the title or keywords matched).
    pub fn shown(&mut self, hit: &Hit, matched: &BTreeSet<String>) -> Option<Shown> {
        let fragment = self.fragments.get(&hit.doc)?;
        let section = hit.section.and_then(|i| fragment.sections.get(i));
        let text = section.or(fragment.sections.first()).map_or("", |s| s.text.as_str());
        Some(Shown {
            kind: fragment.kind,
            title: fragment.title.clone(),
            path: fragment.path.clone(),
            anchor: section.map(|s| s.anchor.clone()).filter(|a| !a.is_empty()),
            section: section.map(|s| s.heading.clone()),
            snippet: snippet(text, matched, &mut self.stems),
        })
    }

    /// The index words `word` matches, or the dictionary shards needed to tell.
    fn lookup(&mut self, word: &QueryWord) -> Result<Vec<Match>, Vec<String>> {
        let mut shards = vec![self.manifest.dictionary_shard(&word.form), self.manifest.dictionary_shard(&word.stem)];
        if word.prefix {
            shards.extend(self.manifest.prefix_shards(&word.form));
        }
        self.require(&shards)?;
        let mut found: Vec<Match> = Vec::new();
        for key in [&word.form, &word.stem] {
            if let Some(term) = self.dictionaries[&self.manifest.dictionary_shard(key)].get(key) {
                found.push(Match { term: term as u32, weight: 1.0, key: key.clone() });
            }
        }
        if word.prefix {
            for shard in self.manifest.prefix_shards(&word.form) {
                let mut stream = self.dictionaries[&shard].search(Str::new(&word.form).starts_with()).into_stream();
                while let Some((key, term)) = stream.next() {
                    found.push(Match {
                        term: term as u32,
                        weight: PREFIX_WEIGHT,
                        key: String::from_utf8_lossy(key).into(),
                    });
                    if found.len() >= PREFIX_LIMIT {
                        break;
                    }
                }
            }
        }
        if found.is_empty() {
            found = self.typos(word)?;
        }
        // One match per index term, the best.
        found.sort_by(|a, b| a.term.cmp(&b.term).then(b.weight.total_cmp(&a.weight)));
        found.dedup_by_key(|m| m.term);
        Ok(found)
    }

    /// Index words within one typo of `word` (two for long words), the closest only. Typos
    /// are looked for only among words of the same first letter: first letters are rarely
    /// mistyped, and it keeps a typo to a few shards.
    fn typos(&mut self, word: &QueryWord) -> Result<Vec<Match>, Vec<String>> {
        let chars = word.form.chars().count();
        let distance: u8 = match chars {
            0..=3 => return Ok(Vec::new()),
            4..=7 => 1,
            _ => 2,
        };
        let first: String = word.form.chars().take(1).collect();
        let shards: Vec<usize> = self.manifest.prefix_shards(&first).collect();
        self.require(&shards)?;
        let builder = self.typo_builders[usize::from(distance - 1)]
            .get_or_insert_with(|| LevenshteinAutomatonBuilder::new(distance, true));
        let dfa = if word.prefix { builder.build_prefix_dfa(&word.form) } else { builder.build_dfa(&word.form) };
        let mut candidates: Vec<(u8, Match)> = Vec::new();
        for shard in shards {
            collect_typos(&self.dictionaries[&shard], &dfa, &mut candidates);
        }
        let closest = candidates.iter().map(|(d, _)| *d).min().unwrap_or(0);
        candidates.retain(|(d, _)| *d == closest);
        candidates.truncate(TYPO_LIMIT);
        Ok(candidates
            .into_iter()
            .map(|(d, mut m)| {
                m.weight = TYPO_WEIGHT / f32::from(d.max(1));
                m
            })
            .collect())
    }

    /// Ok when every dictionary shard in `shards` is loaded; else the files to fetch.
    fn require(&self, shards: &[usize]) -> Result<(), Vec<String>> {
        let missing: Vec<String> =
            shards.iter().filter(|s| !self.dictionaries.contains_key(s)).map(|s| dictionary_file(*s)).collect();
        if missing.is_empty() { Ok(()) } else { Err(missing) }
    }

    fn rank(&self, query: &Query, words: &[QueryWord], matches: &[Vec<Match>]) -> Results {
        let docs = self.docs();
        let average = self.manifest.average_body_words;
        let searched: Vec<&Vec<Match>> = matches.iter().filter(|m| !m.is_empty()).collect();
        let mut score = vec![0f32; docs];
        let mut words_matched = vec![0u8; docs];
        // Per searched word, the sections of each document holding it.
        let mut sections = vec![vec![0u64; 0]; searched.len()];
        for (i, word_matches) in searched.iter().enumerate() {
            let mut best = vec![0f32; docs];
            sections[i] = vec![0; docs];
            for m in word_matches.iter() {
                let shard = &self.postings[&self.manifest.postings_shard(m.term)];
                let list = shard.list(m.term).unwrap_or_default();
                let idf = idf(docs, list.len());
                for p in list {
                    let doc = p.doc as usize;
                    let body_words = self.body_words[usize::from(self.manifest.docs[doc].body_norm)];
                    best[doc] = best[doc].max(m.weight * bm25f(idf, p, body_words, average));
                    sections[i][doc] |= p.sections;
                }
            }
            for (doc, s) in best.into_iter().enumerate() {
                if s > 0.0 {
                    score[doc] += s;
                    words_matched[doc] += 1;
                }
            }
        }
        // Results match every word found; if no document has them all, those with the most.
        let most = words_matched.iter().copied().max().unwrap_or(0);
        let filters = self.selected_values(query);
        let mut counts = vec![0usize; self.manifest.facet_values.len()];
        let mut hits = Vec::new();
        for doc in (0..docs).filter(|d| most > 0 && words_matched[*d] == most) {
            let values = &self.manifest.docs[doc].facets;
            // The filters this document fails, as bits of `filters`.
            let failed = filters.iter().enumerate().fold(0u32, |bits, (i, (_, selected))| {
                if values.iter().any(|v| selected.contains(v)) { bits } else { bits | 1 << i }
            });
            // A facet's counts ignore its own selection, so they show what choosing another
            // value of it would give.
            let counted = match failed.count_ones() {
                0 => None,
                1 => Some(filters[failed.trailing_zeros() as usize].0),
                _ => continue,
            };
            for v in values {
                if counted.is_none_or(|facet| self.manifest.facet_values[*v as usize].0 == facet) {
                    counts[*v as usize] += 1;
                }
            }
            if failed == 0 {
                hits.push(Hit { doc, score: score[doc], section: best_section(&sections, doc) });
            }
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        let mut matched = BTreeSet::new();
        for m in matches.iter().flatten() {
            matched.insert(m.key.clone());
        }
        Results {
            hits,
            facets: self.facet_counts(query, &counts),
            unmatched: words.iter().zip(matches).filter(|(_, m)| m.is_empty()).map(|(w, _)| w.form.clone()).collect(),
            matched,
        }
    }

    /// The query's filters as facet value numbers; a value the index lacks matches nothing.
    fn selected_values(&self, query: &Query) -> Vec<(Facet, BTreeSet<u32>)> {
        query
            .filters
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(facet, values)| {
                let ids = (self.manifest.facet_values.iter().enumerate())
                    .filter(|(_, (f, v))| f == facet && values.contains(v))
                    .map(|(i, _)| i as u32)
                    .collect();
                (*facet, ids)
            })
            .collect()
    }

    fn facet_counts(&self, query: &Query, counts: &[usize]) -> Vec<FacetCount> {
        let mut out: Vec<FacetCount> = self
            .manifest
            .facet_values
            .iter()
            .enumerate()
            .filter_map(|(i, (facet, value))| {
                let selected = query.filters.get(facet).is_some_and(|s| s.contains(value));
                let count = counts[i];
                (count > 0 || selected).then(|| FacetCount { facet: *facet, value: value.clone(), count, selected })
            })
            .collect();
        // A selected value the index lacks (from an old link) still shows, to be unselected.
        for (facet, values) in &query.filters {
            for value in values {
                if !self.manifest.facet_values.iter().any(|(f, v)| f == facet && v == value) {
                    out.push(FacetCount { facet: *facet, value: value.clone(), count: 0, selected: true });
                }
            }
        }
        out.sort_by(|a, b| a.facet.cmp(&b.facet).then(b.count.cmp(&a.count)).then(a.value.cmp(&b.value)));
        out
    }
}

fn collect_typos(map: &Map<Vec<u8>>, dfa: &DFA, out: &mut Vec<(u8, Match)>) {
    let mut stream = map.search_with_state(dfa).into_stream();
    while let Some((key, term, state)) = stream.next() {
        if let Distance::Exact(d) = dfa.distance(state) {
            out.push((d, Match { term: term as u32, weight: 0.0, key: String::from_utf8_lossy(key).into() }));
        }
    }
}

/// The section holding the most of the query's words; the first of equals.
fn best_section(sections: &[Vec<u64>], doc: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    // Only the sections some word is in: a few bits of 64.
    let mut any = sections.iter().fold(0u64, |all, s| all | s[doc]);
    while any != 0 {
        let bit = any.trailing_zeros() as usize;
        any &= any - 1;
        let holding = sections.iter().filter(|s| s[doc] & (1 << bit) != 0).count();
        if best.is_none_or(|(_, n)| holding > n) {
            best = Some((bit, holding));
        }
    }
    best.map(|(bit, _)| bit)
}
