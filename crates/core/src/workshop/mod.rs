//! A serverless workshop: each person's answers travel as a short code
//! ([`codec`]), and the room's answers become statistics and a default team answer
//! ([`stats`]). Adding collected codes to the store is [`crate::store::collect`].

pub mod codec;
pub mod stats;
