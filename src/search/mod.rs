//! Full-text search over postmortems, runbooks and service pages. The compiler writes the
//! index as small files; the browser (and `firebreak search`) loads only those a query
//! needs and ranks with the same code.

mod document;

pub use document::{DocKind, DocSection, Document, Facet, documents};
