//! Rendering: MiniJinja templates, markdown and words, turning the loaded site into pages.

pub mod markdown;
pub mod urls;
pub mod words;
