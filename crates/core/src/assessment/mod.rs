//! What a team is assessed on and what it records: questionnaires as data
//! ([`model`], read by [`catalog`], checked by [`validate`]), the runs a team keeps
//! ([`records`]), their scores ([`scoring`], [`topologies`]), advice on what to try
//! next ([`recommend`]) and a team's scores over time ([`history`]).

pub mod catalog;
pub mod history;
pub mod model;
pub mod recommend;
pub mod records;
pub mod scoring;
pub mod topologies;
pub mod validate;
