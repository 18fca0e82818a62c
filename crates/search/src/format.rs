//! The index files, cut so a query downloads little (as Pagefind cuts its index by term):
//!
//! * `search/manifest.bin` — loaded first: the documents' facet values and length norms,
//!   the facet dictionary, and where each dictionary and postings shard begins.
//! * `search/dict-N.fst` — a slice of the term dictionary in key order: every word as
//!   written (lowercase) and every stem, each mapped to its term (stem) number. An `fst`
//!   map, so prefix and typo lookups run on it directly.
//! * `search/post-N.bin` — the postings of a run of terms: per term its document count,
//!   then per document the gap from the previous one, which fields hold the term, the
//!   term's count in the body and which sections.
//! * `search/doc-N.bin` — one document's title, path and section texts (JSON), fetched
//!   only for the results on screen, to cut their snippets from.
//!
//! Every file is deflated ([`compress`]): a static host gzips JSON but seldom
//! `application/octet-stream`, and this way the bytes on the wire do not depend on the host.

use serde::{Deserialize, Serialize};

use super::codec::{Reader, put_str, put_varint};
use super::document::{DocKind, DocSection, Facet};

pub const DIRECTORY: &str = "search";
pub const MANIFEST_FILE: &str = "search/manifest.bin";
const MANIFEST_MAGIC: &[u8; 4] = b"FBSM";
const POSTINGS_MAGIC: &[u8; 4] = b"FBSP";
const VERSION: u64 = 2;

/// Index files are deflated so they travel compressed from any host; postings shrink to a
/// tenth.
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

/// Inflates one index file; no index file inflates past this, so a damaged or hostile one
/// cannot exhaust memory.
pub fn decompress(file: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    const LIMIT: usize = 256 << 20;
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, LIMIT).map_err(|e| format!("{file} is damaged: {e}"))
}

pub fn dictionary_file(shard: usize) -> String {
    format!("search/dict-{shard}.fst")
}

pub fn postings_file(shard: usize) -> String {
    format!("search/post-{shard}.bin")
}

pub fn fragment_file(doc: usize) -> String {
    format!("search/doc-{doc}.bin")
}

/// What the manifest holds of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntry {
    /// The body's length in words, on a log scale in one byte: BM25 needs only its rough size.
    pub body_norm: u8,
    /// Indexes into [`Manifest::facet_values`], ascending.
    pub facets: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub docs: Vec<DocEntry>,
    pub average_body_words: f32,
    pub facet_values: Vec<(Facet, String)>,
    /// The first key of each dictionary shard, ascending; shard 0 starts at the beginning.
    pub dictionary_starts: Vec<String>,
    /// The first term of each postings shard, ascending, starting at 0.
    pub postings_starts: Vec<u32>,
    /// The stem of each postings shard's first term. Terms are numbered in stem order, so a
    /// query word's stem tells which postings shard it will need before the dictionary is
    /// read, and both can be fetched at once.
    pub postings_keys: Vec<String>,
    pub terms: u32,
}

pub fn encode_body_norm(words: usize) -> u8 {
    ((words as f32).ln_1p() * 16.0).round().min(255.0) as u8
}

pub fn decode_body_norm(norm: u8) -> f32 {
    (f32::from(norm) / 16.0).exp_m1()
}

impl Manifest {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MANIFEST_MAGIC.to_vec();
        put_varint(&mut out, VERSION);
        out.extend_from_slice(&self.average_body_words.to_le_bytes());
        put_varint(&mut out, self.facet_values.len() as u64);
        for (facet, value) in &self.facet_values {
            out.push(*facet as u8);
            put_str(&mut out, value);
        }
        put_varint(&mut out, self.docs.len() as u64);
        for doc in &self.docs {
            out.push(doc.body_norm);
            put_varint(&mut out, doc.facets.len() as u64);
            let mut previous = 0;
            for value in &doc.facets {
                put_varint(&mut out, u64::from(value - previous));
                previous = *value;
            }
        }
        put_varint(&mut out, self.dictionary_starts.len() as u64);
        for key in &self.dictionary_starts {
            put_str(&mut out, key);
        }
        put_varint(&mut out, u64::from(self.terms));
        put_varint(&mut out, self.postings_starts.len() as u64);
        let mut previous = 0;
        for start in &self.postings_starts {
            put_varint(&mut out, u64::from(start - previous));
            previous = *start;
        }
        for key in &self.postings_keys {
            put_str(&mut out, key);
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Manifest, String> {
        let mut r = Reader::open(MANIFEST_FILE, bytes, MANIFEST_MAGIC, VERSION)?;
        let limit = bytes.len();
        let average_body_words = r.f32()?;
        let facet_values = (0..r.count(limit)?)
            .map(|_| {
                let facet = *Facet::ALL.get(usize::from(r.byte()?)).ok_or_else(|| r.error("unknown facet"))?;
                Ok((facet, r.str()?.to_owned()))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let docs = (0..r.count(limit)?)
            .map(|_| {
                let body_norm = r.byte()?;
                let mut value = 0u32;
                let facets = (0..r.count(limit)?)
                    .map(|_| {
                        value += r.count(facet_values.len())? as u32;
                        if value as usize >= facet_values.len() {
                            return Err(r.error("a facet value is out of range"));
                        }
                        Ok(value)
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(DocEntry { body_norm, facets })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let dictionary_starts = (0..r.count(limit)?).map(|_| r.str().map(str::to_owned)).collect::<Result<_, _>>()?;
        let terms = r.count(u32::MAX as usize)? as u32;
        let mut start = 0u32;
        let postings_starts = (0..r.count(limit)?)
            .map(|_| {
                start = start
                    .checked_add(r.count(terms as usize)? as u32)
                    .filter(|s| *s <= terms)
                    .ok_or_else(|| r.error("a shard starts past the last term"))?;
                Ok(start)
            })
            .collect::<Result<Vec<_>, String>>()?;
        let postings_keys =
            postings_starts.iter().map(|_| r.str().map(str::to_owned)).collect::<Result<Vec<_>, _>>()?;
        r.end()?;
        Ok(Manifest {
            docs,
            average_body_words,
            facet_values,
            dictionary_starts,
            postings_starts,
            postings_keys,
            terms,
        })
    }

    /// The dictionary shard that would hold `key`.
    pub fn dictionary_shard(&self, key: &str) -> usize {
        self.dictionary_starts.partition_point(|start| start.as_str() <= key).saturating_sub(1)
    }

    /// The dictionary shards that may hold keys beginning with `prefix`.
    pub fn prefix_shards(&self, prefix: &str) -> std::ops::RangeInclusive<usize> {
        let last = self.dictionary_starts.partition_point(|s| s.as_str() < prefix || s.starts_with(prefix));
        self.dictionary_shard(prefix)..=last.saturating_sub(1)
    }

    /// The postings shard holding `term`.
    pub fn postings_shard(&self, term: u32) -> usize {
        self.postings_starts.partition_point(|start| *start <= term).saturating_sub(1)
    }

    /// The postings shards that hold the stems from `low` to the last beginning with
    /// `prefix` (`low` = `prefix` for one stem).
    pub fn postings_shards_for_stems(&self, low: &str, prefix: &str) -> std::ops::RangeInclusive<usize> {
        let first = self.postings_keys.partition_point(|k| k.as_str() <= low).saturating_sub(1);
        let last = self.postings_keys.partition_point(|k| k.as_str() <= prefix || k.starts_with(prefix));
        first..=last.saturating_sub(1).max(first)
    }
}

/// Which fields of a document hold a term (bits of [`Posting::fields`]).
pub const IN_TITLE: u8 = 1;
pub const IN_KEYWORDS: u8 = 2;
pub const IN_HEADINGS: u8 = 4;
pub const IN_BODY: u8 = 8;

/// One document holding one term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub fields: u8,
    pub body_count: u32,
    /// Bit `i` for section `i`; sections past 63 share bit 63.
    pub sections: u64,
}

/// One term's postings, by document: its document count, then per document the gap from
/// the previous one, the fields, the body count (when in the body) and the sections.
pub fn encode_list(list: &[Posting]) -> Vec<u8> {
    let mut out = Vec::with_capacity(list.len() * 5 + 2);
    put_varint(&mut out, list.len() as u64);
    let mut previous = 0;
    for p in list {
        put_varint(&mut out, u64::from(p.doc - previous));
        previous = p.doc;
        out.push(p.fields);
        if p.fields & IN_BODY != 0 {
            put_varint(&mut out, u64::from(p.body_count));
        }
        put_varint(&mut out, p.sections);
    }
    out
}

/// A postings shard: the terms `first..first + lists.len()`, each list from [`encode_list`].
pub fn encode_postings(first: u32, lists: &[Vec<u8>]) -> Vec<u8> {
    let mut out = POSTINGS_MAGIC.to_vec();
    put_varint(&mut out, VERSION);
    put_varint(&mut out, u64::from(first));
    put_varint(&mut out, lists.len() as u64);
    for list in lists {
        out.extend_from_slice(list);
    }
    out
}

/// A postings shard as loaded: every list decoded, checked against the number of documents.
#[derive(Debug, Clone, PartialEq)]
pub struct PostingsShard {
    pub first: u32,
    pub lists: Vec<Vec<Posting>>,
}

impl PostingsShard {
    pub fn decode(file: &str, bytes: &[u8], docs: usize) -> Result<PostingsShard, String> {
        let mut r = Reader::open(file, bytes, POSTINGS_MAGIC, VERSION)?;
        let first = r.count(u32::MAX as usize)? as u32;
        let lists = (0..r.count(bytes.len())?)
            .map(|_| {
                let mut doc = 0u32;
                (0..r.count(docs)?)
                    .map(|i| {
                        let gap = r.count(docs)? as u32;
                        doc += gap;
                        if (i > 0 && gap == 0) || doc as usize >= docs {
                            return Err(r.error("a posting names a document out of order or out of range"));
                        }
                        let fields = r.byte()?;
                        let body_count = if fields & IN_BODY != 0 { r.count(u32::MAX as usize)? as u32 } else { 0 };
                        Ok(Posting { doc, fields, body_count, sections: r.varint()? })
                    })
                    .collect::<Result<Vec<_>, String>>()
            })
            .collect::<Result<Vec<_>, String>>()?;
        r.end()?;
        Ok(PostingsShard { first, lists })
    }

    pub fn list(&self, term: u32) -> Option<&[Posting]> {
        self.lists.get(term.checked_sub(self.first)? as usize).map(Vec::as_slice)
    }
}

/// What a result shows of its document, fetched only when it is on screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fragment {
    pub kind: DocKind,
    pub path: String,
    pub title: String,
    pub sections: Vec<DocSection>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest {
            docs: vec![DocEntry { body_norm: 80, facets: vec![0, 2] }, DocEntry { body_norm: 0, facets: vec![1] }],
            average_body_words: 120.5,
            facet_values: vec![
                (Facet::Kind, "postmortem".into()),
                (Facet::Kind, "runbook".into()),
                (Facet::Severity, "SEV1".into()),
            ],
            dictionary_starts: vec![String::new(), "m".into()],
            postings_starts: vec![0, 7],
            postings_keys: vec!["apple".into(), "kiwi".into()],
            terms: 12,
        }
    }

    #[test]
    fn manifest_round_trips_and_finds_shards() {
        let m = manifest();
        assert_eq!(Manifest::decode(&m.encode()).unwrap(), m);
        assert_eq!(m.dictionary_shard("apple"), 0);
        assert_eq!(m.dictionary_shard("m"), 1);
        assert_eq!(m.dictionary_shard("zebra"), 1);
        assert_eq!(m.prefix_shards("a"), 0..=0);
        assert_eq!(m.prefix_shards("m"), 1..=1);
        assert_eq!(m.prefix_shards(""), 0..=1);
        assert_eq!(m.postings_shard(6), 0);
        assert_eq!(m.postings_shard(7), 1);
        assert_eq!(m.postings_shards_for_stems("banana", "banana"), 0..=0);
        assert_eq!(m.postings_shards_for_stems("kiwi", "kiwi"), 1..=1);
        assert_eq!(m.postings_shards_for_stems("aardvark", "aardvark"), 0..=0);
        assert_eq!(m.postings_shards_for_stems("k", "k"), 0..=1, "stems beginning with k start in shard 0");
        assert_eq!(m.postings_shards_for_stems("ki", "kiwis"), 0..=1);
    }

    #[test]
    fn postings_round_trip_and_reject_documents_out_of_range() {
        let lists = [
            vec![
                Posting { doc: 0, fields: IN_TITLE | IN_BODY, body_count: 3, sections: 0b101 },
                Posting { doc: 1, fields: IN_KEYWORDS, body_count: 0, sections: 0 },
            ],
            vec![Posting { doc: 1, fields: IN_BODY, body_count: 1, sections: 1 << 63 }],
        ];
        let bytes = encode_postings(7, &lists.iter().map(|l| encode_list(l)).collect::<Vec<_>>());
        let shard = PostingsShard::decode("post-1.bin", &bytes, 2).unwrap();
        assert_eq!(shard.list(8).unwrap(), lists[1].as_slice());
        assert_eq!(shard.list(6), None);
        let err = PostingsShard::decode("post-1.bin", &bytes, 1).unwrap_err();
        assert!(err.contains("post-1.bin"), "{err}");
    }

    #[test]
    fn a_damaged_manifest_is_an_error() {
        let bytes = manifest().encode();
        assert!(Manifest::decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(Manifest::decode(&[bytes.as_slice(), b"x"].concat()).unwrap_err().contains("after the end"));
    }

    #[test]
    fn compression_round_trips_and_damage_is_an_error() {
        let bytes = manifest().encode();
        assert_eq!(decompress("m", &compress(&bytes)).unwrap(), bytes);
        let err = decompress("search/post-3.bin", &compress(&bytes)[..10]).unwrap_err();
        assert!(err.contains("search/post-3.bin"), "{err}");
    }

    #[test]
    fn body_norms_keep_the_rough_size() {
        for words in [0usize, 1, 10, 500, 20_000] {
            let back = decode_body_norm(encode_body_norm(words));
            assert!((back - words as f32).abs() <= words as f32 * 0.04 + 0.5, "{words} → {back}");
        }
    }
}
