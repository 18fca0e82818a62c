//! A table of text cells written out as HTML in one string.
//!
//! Why not build it as Yew elements like the rest of a page: the browser app creates each
//! element, attribute and text node with a call out of wasm, and a table of a few hundred
//! rows is thousands of such calls. `/oncall` at 200,000 pages shows some 330 rows; built
//! node by node they took about 190 ms of its first view, more than the figures. Handed to
//! the browser's own HTML parser as one string they take a few milliseconds
//! (docs/benchmarks.md, On-call). Only text goes in — no links, no handlers — and every
//! piece is escaped here, so the string is safe to insert as it is.

use pulldown_cmark_escape::{escape_html, escape_html_body_text};

/// A `<table class=…>` with a header row and one body row per [`Row`].
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub class: &'static str,
    pub headers: &'static [&'static str],
    pub rows: Vec<Row>,
}

/// A body row: its `data-*` attributes (for tests and scripts to find it) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// `("rotation", "payments")` becomes `data-rotation="payments"`.
    pub data: Vec<(&'static str, String)>,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The `class` attribute, or empty for none.
    pub class: &'static str,
    pub text: String,
}

impl Cell {
    pub fn new(class: &'static str, text: impl ToString) -> Cell {
        Cell { class, text: text.to_string() }
    }

    pub fn plain(text: impl ToString) -> Cell {
        Cell::new("", text)
    }
}

impl Table {
    /// The cells of each body row, as the page shows them.
    pub fn texts(&self) -> Vec<Vec<String>> {
        self.rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
    }

    pub fn to_html(&self) -> String {
        let mut html = String::with_capacity(64 * (self.rows.len() + 1) * self.headers.len().max(1));
        html.push_str("<table class=\"");
        attribute(&mut html, self.class);
        html.push_str("\"><thead><tr>");
        for header in self.headers {
            html.push_str("<th>");
            text(&mut html, header);
            html.push_str("</th>");
        }
        html.push_str("</tr></thead><tbody>");
        for row in &self.rows {
            row.write_html(&mut html);
        }
        html.push_str("</tbody></table>");
        html
    }
}

impl Row {
    fn write_html(&self, html: &mut String) {
        html.push_str("<tr");
        for (name, value) in &self.data {
            html.push_str(" data-");
            attribute(html, name);
            html.push_str("=\"");
            attribute(html, value);
            html.push('"');
        }
        html.push('>');
        for cell in &self.cells {
            html.push_str("<td");
            if !cell.class.is_empty() {
                html.push_str(" class=\"");
                attribute(html, cell.class);
                html.push('"');
            }
            html.push('>');
            text(html, &cell.text);
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
}

/// `value` escaped for a double-quoted attribute. The error is `fmt::Error` only by the
/// trait's signature: pushing onto a String cannot fail.
fn attribute(html: &mut String, value: &str) {
    let _infallible = escape_html(html, value);
}

/// `value` escaped as element text.
fn text(html: &mut String, value: &str) {
    let _infallible = escape_html_body_text(html, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(data: &str, text: &str) -> Table {
        let cells = vec![Cell::new("pages", text), Cell::plain(3)];
        Table {
            class: "list t",
            headers: &["Who", "Pages"],
            rows: vec![Row { data: vec![("who", data.into())], cells }],
        }
    }

    #[test]
    fn writes_headers_rows_classes_and_data_attributes() {
        assert_eq!(
            table("@priya", "5").to_html(),
            "<table class=\"list t\"><thead><tr><th>Who</th><th>Pages</th></tr></thead><tbody>\
             <tr data-who=\"@priya\"><td class=\"pages\">5</td><td>3</td></tr></tbody></table>"
        );
    }

    #[test]
    fn text_and_attribute_values_stay_text() {
        let html = table("\"><script>alert(1)</script>", "<img src=x onerror=alert(1)> & co").to_html();
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html.contains("data-who=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; co"), "{html}");
    }

    #[test]
    fn texts_are_the_cells_row_by_row() {
        assert_eq!(table("a", "5").texts(), vec![vec!["5".to_owned(), "3".to_owned()]]);
    }
}
