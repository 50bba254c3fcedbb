//! The content model and its loader: entries, translations and terms read from a site folder.

pub mod address;
mod brackets;
pub mod entry;
pub mod fields;
pub mod frontmatter;
pub mod ids;
mod kept;
pub mod load;
pub mod model;
mod names;
pub mod schema;
mod session;
pub mod terms;
pub mod values;
mod walk;

pub use kept::{Kept, Since};
pub use load::{LoadError, Loaded, load, load_since};
pub use model::*;
