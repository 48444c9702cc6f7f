//! What follows a breach field set from the command line (`dpo breach set`,
//! through [`crate::workspace::store::set_record`]): the seam where the
//! breach workflow adjusts the record once the new value fits.

use crate::model::Breach;

/// Called once `field` of `breach` holds its new value, before the record
/// is written: the place to drop what the value makes stale (a `deferred:`
/// entry for a field now filled). It changes nothing yet; the function
/// that drops stale deferrals is wired in here.
pub fn after_set(breach: &mut Breach, field: &str) {
    let _ = (breach, field);
}
