//! Rendering: templates to Markdown and text, Markdown to PDF, and CSV; and
//! [`words`], the one place that words dates, instants and durations.
//!
//! The wording of every document lives in `templates/` (minijinja); this module
//! only turns it into bytes.

pub mod csv;
pub mod pdf;
pub mod templates;
pub mod words;

pub use templates::{escape_markdown, Templates};
