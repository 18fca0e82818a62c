//! Full-text search over postmortems, runbooks and service pages. The compiler writes the
//! index as small files; the browser (and `firebreak search`) loads only those a query
//! needs and ranks with the same code.
//!
//! [`documents`] → [`build`] (index files, see [`format`]) → [`Index`] answers a [`Query`]
//! with ranked [`Hit`]s, facet counts and, once a result's fragment is loaded, what it
//! [`Shown`]s: its section and a snippet.

mod build;
mod codec;
mod document;
mod engine;
pub mod format;
mod query;
mod rank;
mod snippet;
mod text;

pub use build::{IndexFiles, build};
pub use document::{DocKind, DocSection, Document, Facet, documents};
pub use engine::{FacetCount, Hit, Index, Outcome, Results, Shown};
pub use format::{Fragment, MANIFEST_FILE};
pub use query::Query;
pub use snippet::Snippet;

#[cfg(test)]
mod tests;
