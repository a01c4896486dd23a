//! The rules on what a network call site passes besides its URL (RULES.md §13):
//! one file each.

pub mod data_type;
pub mod method;
pub mod referer;
pub mod socket_target;
pub mod timeout;
