//! What follows a breach field set from the command line (`dpo breach set`,
//! through [`crate::workspace::store::set_record`]): once the new value
//! fits, the deferrals it makes stale are settled, in the same write.

use crate::model::Breach;

/// Called once `field` of `breach` holds its new value, before the record
/// is written: a `deferred:` entry for a field now filled is dropped
/// ([`super::settle`]), so no stale deferral is left behind.
pub fn after_set(breach: &mut Breach, _field: &str) {
    super::settle(breach);
}
