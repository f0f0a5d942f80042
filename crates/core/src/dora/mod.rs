//! DORA's software delivery metrics: the published clusters by report edition
//! ([`clusters`]), a team's answers over time ([`trend`]), the industry and size
//! benchmarks ([`benchmarks`]), and the same metrics measured from a team's own
//! deployment records ([`deploys`] reads them, [`measure`] computes the figures).

pub mod benchmarks;
pub mod clusters;
pub mod deploys;
pub mod measure;
pub mod trend;
