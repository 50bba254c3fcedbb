//! The content model and its loader: entries, translations and terms read from a site folder.

pub mod entry;
pub mod fields;
pub mod frontmatter;
pub mod ids;
pub mod load;
pub mod model;
mod parses;
pub mod schema;
mod session;
pub mod terms;
pub mod values;

pub use load::{LoadError, Loaded, load, load_since};
pub use model::*;
pub use parses::Parses;
