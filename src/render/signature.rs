//! The signature block that ends the documents committing the processor
//! (its notices to a controller, the breach report): place, date, name and
//! role of the signatory, the processor's DPO. The one place that gathers
//! them, and `templates/*/signature.{txt,md}` the one wording every
//! document includes; what is unknown is « à compléter », never guessed.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::templates::Strings;
use super::words;
use crate::workspace::Workspace;

/// Place, date, name and role of the signatory (the processor's DPO).
#[derive(Debug, Clone, Serialize)]
pub struct SignatureView {
    /// Where: `processor.yaml` `place`, else the town of its seat
    /// ([`crate::model::Processor::town`]); « [lieu à compléter] » when
    /// neither says.
    pub place: String,
    /// When: the long date of the document.
    pub date: String,
    /// The DPO's name ([`Workspace::dpo_name`]).
    pub name: String,
    /// The DPO's role.
    pub role: String,
    /// The processor, for whom they sign, as it follows the role: "de
    /// l'établissement public territorial …" in French, the name in English.
    pub organisation: String,
}

impl SignatureView {
    /// The block of a document of `ws` made at `at`, worded with `s`.
    pub fn of(ws: &Workspace, s: &Strings, at: DateTime<FixedOffset>) -> Self {
        let known = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Self {
            place: ws
                .processor
                .town()
                .unwrap_or_else(|| s.get("place_todo").to_string()),
            date: words::long_date(s, at.date_naive()),
            name: ws.dpo_name().unwrap_or_else(|| s.get("todo").to_string()),
            role: known(ws.processor.dpo.role.as_deref())
                .unwrap_or_else(|| s.get("breach_dpo_role").to_string()),
            organisation: match s.lang() {
                crate::model::Lang::Fr => {
                    crate::model::with_preposition("de", &ws.processor.name_the())
                }
                crate::model::Lang::En => ws.processor.name.clone(),
            },
        }
    }
}
