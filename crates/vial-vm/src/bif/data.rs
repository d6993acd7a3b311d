//! (being written)
use super::BifDef;
pub(super) static BIFS: &[BifDef] = &[];
