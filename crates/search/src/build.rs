//! Documents → index files (see [`super::format`]). Runs in the compiler and, in memory, in
//! `firebreak search`, so both search exactly the same index.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::document::{Document, Facet};
use super::format::{
    DocEntry, Fragment, IN_BODY, IN_HEADINGS, IN_KEYWORDS, IN_TITLE, MANIFEST_FILE, Manifest, Posting, compress,
    dictionary_file, encode_body_norm, encode_list, encode_postings, fragment_file, postings_file,
};
use super::text::{Stems, is_stop_word, surface_forms, words};

/// Shard sizes (before deflating): small enough that a query downloads tens of kilobytes at
/// most, large enough that the next queries mostly find their shards loaded and a corpus is
/// not thousands of requests' worth of files.
const DICTIONARY_SHARD_KEY_BYTES: usize = 48 * 1024;
const POSTINGS_SHARD_BYTES: usize = 64 * 1024;

/// Every index file, as (path under the data directory, bytes).
pub type IndexFiles = Vec<(String, Vec<u8>)>;

pub fn build(docs: &[Document]) -> IndexFiles {
    let mut stems = Stems::default();
    let mut postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let mut stem_of: HashMap<String, String> = HashMap::new();
    let mut body_words = Vec::with_capacity(docs.len());
    for (number, doc) in docs.iter().enumerate() {
        let mut terms = DocTerms::default();
        let mut add = |text: &str, fields: u8, section: Option<usize>, words_counted: &mut usize| {
            let mut forms = Vec::new();
            for (_, word) in words(text) {
                forms.clear();
                surface_forms(word, &mut forms);
                for form in forms.drain(..).filter(|f| !is_stop_word(f)) {
                    let stem = stems.of(&form).to_owned();
                    terms.add(&stem, fields, section);
                    if fields == IN_BODY {
                        *words_counted += 1;
                    }
                    stem_of.entry(form).or_insert(stem);
                }
            }
        };
        let mut words_in_body = 0;
        add(&doc.title, IN_TITLE, None, &mut words_in_body);
        for keyword in &doc.keywords {
            add(keyword, IN_KEYWORDS, None, &mut words_in_body);
        }
        for (i, section) in doc.sections.iter().enumerate() {
            add(&section.heading, IN_HEADINGS, Some(i), &mut words_in_body);
            add(&section.text, IN_BODY, Some(i), &mut words_in_body);
        }
        body_words.push(words_in_body);
        for (stem, mut posting) in terms.0 {
            posting.doc = number as u32;
            postings.entry(stem).or_default().push(posting);
        }
    }

    let term_of: HashMap<&str, u32> = postings.keys().enumerate().map(|(i, s)| (s.as_str(), i as u32)).collect();
    // Every written form and every stem, so both a word as typed and its stem are found.
    let mut keys: BTreeMap<&str, u32> =
        stem_of.iter().map(|(form, stem)| (form.as_str(), term_of[stem.as_str()])).collect();
    for (stem, term) in &term_of {
        keys.entry(stem).or_insert(*term);
    }

    let mut files = IndexFiles::new();
    let dictionary_starts = write_dictionary(&keys, &mut files);
    let (postings_starts, postings_keys) = write_postings(&postings, &mut files);
    let (facet_values, doc_facets) = facet_values(docs);
    let average_body_words = body_words.iter().sum::<usize>() as f32 / docs.len().max(1) as f32;
    let manifest = Manifest {
        docs: body_words
            .iter()
            .zip(doc_facets)
            .map(|(words, facets)| DocEntry { body_norm: encode_body_norm(*words), facets })
            .collect(),
        average_body_words,
        facet_values,
        dictionary_starts,
        postings_starts,
        postings_keys,
        terms: postings.len() as u32,
    };
    files.push((MANIFEST_FILE.to_owned(), compress(&manifest.encode())));
    for (number, doc) in docs.iter().enumerate() {
        let fragment = Fragment {
            kind: doc.kind,
            path: doc.path.clone(),
            title: doc.title.clone(),
            sections: doc.sections.clone(),
        };
        files.push((fragment_file(number), compress(&serde_json::to_vec(&fragment).expect("a fragment serialises"))));
    }
    files
}

/// One document's terms while it is read.
#[derive(Default)]
struct DocTerms(HashMap<String, Posting>);

impl DocTerms {
    fn add(&mut self, stem: &str, fields: u8, section: Option<usize>) {
        let posting =
            self.0.entry(stem.to_owned()).or_insert(Posting { doc: 0, fields: 0, body_count: 0, sections: 0 });
        posting.fields |= fields;
        if fields == IN_BODY {
            posting.body_count += 1;
        }
        if let Some(i) = section {
            posting.sections |= 1 << i.min(63);
        }
    }
}

/// Writes the dictionary shards; returns each one's first key.
fn write_dictionary(keys: &BTreeMap<&str, u32>, files: &mut IndexFiles) -> Vec<String> {
    let mut starts = Vec::new();
    let mut shard: Vec<(&str, u32)> = Vec::new();
    let mut size = 0;
    let mut flush = |shard: &mut Vec<(&str, u32)>, starts: &mut Vec<String>| {
        // The first shard starts at the beginning, so any key finds a shard.
        starts.push(if starts.is_empty() { String::new() } else { shard[0].0.to_owned() });
        let map = fst::Map::from_iter(shard.drain(..).map(|(k, v)| (k, u64::from(v)))).expect("keys are sorted");
        files.push((dictionary_file(starts.len() - 1), compress(&map.into_fst().into_inner())));
    };
    for (key, term) in keys {
        if size >= DICTIONARY_SHARD_KEY_BYTES {
            flush(&mut shard, &mut starts);
            size = 0;
        }
        size += key.len() + 3;
        shard.push((key, *term));
    }
    if !shard.is_empty() || starts.is_empty() {
        flush(&mut shard, &mut starts);
    }
    starts
}

/// Writes the postings shards (terms are numbered in stem order); returns each one's first
/// term and its stem.
fn write_postings(postings: &BTreeMap<String, Vec<Posting>>, files: &mut IndexFiles) -> (Vec<u32>, Vec<String>) {
    let mut starts = Vec::new();
    let mut keys = Vec::new();
    let mut shard: Vec<Vec<u8>> = Vec::new();
    let mut size = 0;
    let flush = |shard: &mut Vec<Vec<u8>>, starts: &[u32], files: &mut IndexFiles| {
        let first = starts.last().copied().unwrap_or(0);
        files.push((postings_file(starts.len().saturating_sub(1)), compress(&encode_postings(first, shard))));
        shard.clear();
    };
    for (term, (stem, list)) in postings.iter().enumerate() {
        if starts.is_empty() || size >= POSTINGS_SHARD_BYTES {
            if !starts.is_empty() {
                flush(&mut shard, &starts, files);
            }
            starts.push(term as u32);
            keys.push(stem.clone());
            size = 0;
        }
        let encoded = encode_list(list);
        size += encoded.len();
        shard.push(encoded);
    }
    if starts.is_empty() {
        // An empty index still has one (empty) shard, so every lookup finds a file.
        starts.push(0);
        keys.push(String::new());
    }
    flush(&mut shard, &starts, files);
    (starts, keys)
}

/// The facet dictionary (sorted) and each document's values in it.
fn facet_values(docs: &[Document]) -> (Vec<(Facet, String)>, Vec<Vec<u32>>) {
    let all: BTreeSet<&(Facet, String)> = docs.iter().flat_map(|d| &d.facets).collect();
    let id: HashMap<&(Facet, String), u32> = all.iter().enumerate().map(|(i, v)| (*v, i as u32)).collect();
    let per_doc = docs
        .iter()
        .map(|d| {
            let ids: BTreeSet<u32> = d.facets.iter().map(|v| id[v]).collect();
            ids.into_iter().collect()
        })
        .collect();
    (all.into_iter().cloned().collect(), per_doc)
}
