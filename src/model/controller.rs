//! A controller the processor works for (`controllers/<id>.yaml`): identity,
//! contacts, the convention, the categories of processing and transfers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assumption::confirmable;
use super::{Contact, Id};

/// A controller (GDPR Art. 4(7)) on whose behalf the processor acts. Its
/// identifier is the file name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// Legal name, e.g. "Commune de Juvisy-sur-Orge".
    pub name: String,
    /// The name as a French sentence uses it, with its article, e.g. "la
    /// commune de Juvisy-sur-Orge" (documents write "à la commune…", "de la
    /// commune…"). Absent: derived from `name` ("Commune de …" → "la commune
    /// de …"; a name whose first word is not a known kind of body is used as
    /// it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_with_article: Option<String>,
    /// Postal address (Art. 30(2)(a): contact details).
    #[serde(default)]
    pub address: Option<String>,
    /// SIRET number.
    #[serde(default)]
    pub siret: Option<String>,
    /// Legal representative (e.g. the mayor).
    #[serde(default)]
    pub representative: Contact,
    /// The controller's data protection officer.
    #[serde(default)]
    pub dpo: Contact,
    /// Whom to reach for what.
    #[serde(default)]
    pub contacts: ControllerContacts,
    /// The convention under which the processor acts.
    pub convention: Convention,
    /// Categories of processing carried out on behalf of this controller (Art. 30(2)(b)).
    #[serde(default)]
    pub activities: Vec<ProcessingActivity>,
    /// Transfers to a third country or an international organisation (Art. 30(2)(c)).
    /// Absent: not known yet (documents show « à compléter »); an empty list
    /// means "no transfer".
    #[serde(default)]
    pub transfers: Option<Vec<Transfer>>,
}

/// The controller's designated contacts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ControllerContacts {
    /// Contact for breach notifications: e-mail AND phone (Annex 1 §II.8).
    pub breach: Contact,
    /// Contact data-subject requests are forwarded to by e-mail (Annex 1 §II.7).
    pub data_subject_requests: Contact,
    /// The controller's IT coordinator (convention, art. 1).
    pub it_coordinator: Contact,
    /// Where written notices go (Annex 1 §II.2 and §II.6: sub-processor
    /// changes, objections to an instruction, transfers required by law);
    /// when absent, the controller's DPO (`dpo.email`).
    pub notices: Contact,
}

/// The convention (contract, Art. 28(3)) binding the processor to the controller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Convention {
    /// Title of the convention.
    pub title: String,
    /// Reference of the convention, if it has one of its own.
    #[serde(default)]
    pub reference: Option<String>,
    /// The act approving it, e.g. "délibération n°2021-01-26_2209".
    #[serde(default)]
    pub act: Option<String>,
    /// Date of the act.
    #[serde(default)]
    pub act_date: Option<NaiveDate>,
    /// Date the act became enforceable.
    #[serde(default)]
    pub enforceable_on: Option<NaiveDate>,
    /// First day the convention is in force.
    pub start: NaiveDate,
    /// Initial term, in months.
    pub term_months: u32,
    /// How many renewals the convention allows (0: none); absent, not
    /// known yet (« à compléter »), never taken as 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewals_allowed: Option<u32>,
    /// Renewal must be decided at least this many months before expiry;
    /// absent, not known yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_notice_months: Option<u32>,
    /// Renewals decided so far.
    #[serde(default)]
    pub renewals: Vec<Renewal>,
}

/// One express renewal of the convention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    /// Date the renewal was decided.
    pub decided_on: NaiveDate,
    /// Reference of the decision.
    #[serde(default)]
    pub reference: Option<String>,
    /// Length of the renewal, in months.
    pub months: u32,
}

confirmable! {
    /// A category of processing carried out on behalf of the controller.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct ProcessingActivity {
        /// Identifier, unique within the controller.
        pub id: Id,
        /// Name of the category, e.g. "Hébergement des serveurs de fichiers".
        pub name: String,
        /// What the processor does.
        #[serde(default)]
        pub description: Option<String>,
        /// Systems involved; absent: not known yet (« à compléter »),
        /// `[]`: none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub systems: Option<Vec<String>>,
        /// Categories of personal data handled, as far as the processor
        /// knows them; absent: not known yet, `[]`: none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data_categories: Option<Vec<String>>,
        /// Sub-processors involved (ids in `subprocessors.yaml`); absent:
        /// not known yet (« à compléter »), `[]`: none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subprocessors: Option<Vec<Id>>,
        /// Security measures applied (ids in `security-measures.yaml`);
        /// absent: not known yet, `[]`: none of its own (the general
        /// measures apply).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub security_measures: Option<Vec<Id>>,
    }
    /// A field of a category of processing that may be an assumption.
    pub enum ActivityField;
}

confirmable! {
    /// A transfer of personal data to a third country or an international organisation.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Transfer {
        /// Third country or international organisation.
        pub country: String,
        /// Recipient.
        pub recipient: String,
        /// What is transferred and why.
        #[serde(default)]
        pub purpose: Option<String>,
        /// Legal basis (e.g. "Art. 46(2)(c) — clauses contractuelles types").
        #[serde(default)]
        pub legal_basis: Option<String>,
        /// Documented safeguards (Art. 30(2)(c), Art. 49(1) second subparagraph).
        #[serde(default)]
        pub safeguards: Option<String>,
    }
    /// A field of a transfer that may be an assumption.
    pub enum TransferField;
}

impl ProcessingActivity {
    /// True when the category names sub-processor `id` (an unknown list
    /// names none).
    pub fn names_subprocessor(&self, id: &Id) -> bool {
        self.subprocessors.iter().flatten().any(|s| s == id)
    }

    /// True when the category names security measure `id`.
    pub fn names_measure(&self, id: &Id) -> bool {
        self.security_measures.iter().flatten().any(|m| m == id)
    }
}

impl Controller {
    /// How a system is named in documents: a system that is the id of one
    /// of this controller's categories of processing is that category's
    /// name ("serveurs-fichiers" → "Hébergement des serveurs de fichiers");
    /// any other is shown as written. The one lookup the register and the
    /// breach documents share.
    pub fn system_name<'a>(&'a self, system: &'a str) -> &'a str {
        self.activity_name(system).unwrap_or(system)
    }

    /// The name of the category of processing `id`, when it is one.
    pub fn activity_name(&self, id: &str) -> Option<&str> {
        self.activities
            .iter()
            .find(|a| a.id.as_str() == id)
            .map(|a| a.name.as_str())
    }

    /// Where a written notice goes (Annex 1 §II.2 and §II.6): the
    /// `contacts.notices` contact, else the controller's DPO — the first
    /// with an e-mail. The breach and data-subject-request contacts are for
    /// their own flows and are never used for notices.
    pub fn notice_contact(&self) -> Option<&Contact> {
        [&self.contacts.notices, &self.dpo]
            .into_iter()
            .find(|c| c.has_email())
    }
}

impl Convention {
    /// Last day of the initial term plus renewals decided so far.
    pub fn end(&self) -> Option<NaiveDate> {
        let months: u32 = self.term_months + self.renewals.iter().map(|r| r.months).sum::<u32>();
        crate::time::add_months(self.start, months).and_then(|d| d.pred_opt())
    }

    /// Last day on which a renewal can still be decided ("au moins un mois
    /// avant l'échéance"), while a renewal remains allowed. Counted back in
    /// calendar months from the day after the last day, then one day earlier,
    /// so that a full notice period separates the decision from the expiry.
    /// `None` too while the renewals allowed or the notice are not known.
    pub fn renew_by(&self) -> Option<NaiveDate> {
        if self.renewals.len() as u64 >= u64::from(self.renewals_allowed?) {
            return None;
        }
        let expiry = self.end()?.succ_opt()?;
        expiry
            .checked_sub_months(chrono::Months::new(self.renewal_notice_months?))?
            .pred_opt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convention(renewals: Vec<Renewal>) -> Convention {
        Convention {
            title: "t".into(),
            reference: None,
            act: None,
            act_date: None,
            enforceable_on: None,
            start: NaiveDate::from_ymd_opt(2021, 2, 1).unwrap(),
            term_months: 6,
            renewals_allowed: Some(1),
            renewal_notice_months: Some(1),
            renewals,
        }
    }

    #[test]
    fn the_seed_convention_ends_on_31_july_2021_and_is_renewable_until_30_june() {
        let c = convention(vec![]);
        assert_eq!(c.end(), NaiveDate::from_ymd_opt(2021, 7, 31));
        assert_eq!(c.renew_by(), NaiveDate::from_ymd_opt(2021, 6, 30));
    }

    #[test]
    fn once_renewed_it_ends_six_months_later_and_cannot_be_renewed_again() {
        let c = convention(vec![Renewal {
            decided_on: NaiveDate::from_ymd_opt(2021, 6, 15).unwrap(),
            reference: None,
            months: 6,
        }]);
        assert_eq!(c.end(), NaiveDate::from_ymd_opt(2022, 1, 31));
        assert_eq!(c.renew_by(), None);
    }

    #[test]
    fn renewals_or_a_notice_not_known_give_no_last_day_to_renew() {
        let mut c = convention(vec![]);
        c.renewal_notice_months = None;
        assert_eq!(c.renew_by(), None);
        let mut c = convention(vec![]);
        c.renewals_allowed = None;
        assert_eq!(c.renew_by(), None);
        // Absent from the file: not known, never 0.
        let c: Convention =
            serde_yaml::from_str("title: t\nstart: 2021-02-01\nterm_months: 6\n").unwrap();
        assert_eq!((c.renewals_allowed, c.renewal_notice_months), (None, None));
    }
}

/// Kinds of public body, by the gender of their name's first word.
const FEMININE: &[&str] = &[
    "commune",
    "ville",
    "communauté",
    "métropole",
    "région",
    "préfecture",
    "mairie",
    "agglomération",
    "collectivité",
    "direction",
    "caisse",
    "association",
    "société",
    "université",
    "école",
    "mission",
    "régie",
    "agence",
];
const MASCULINE: &[&str] = &[
    "département",
    "syndicat",
    "établissement",
    "centre",
    "conseil",
    "office",
    "groupement",
    "service",
    "institut",
    "hôpital",
    "ministère",
    "territoire",
];

/// `name` with its French article: `given` when there is one, else "la
/// commune de Juvisy-sur-Orge" for "Commune de Juvisy-sur-Orge", "l'office
/// …" for "Office …", "l'établissement …" for "Établissement …"; a name of another kind is returned as it is.
pub fn name_with_article(name: &str, given: Option<&str>) -> String {
    if let Some(g) = given.map(str::trim).filter(|g| !g.is_empty()) {
        return g.to_string();
    }
    let first = name
        .split([' ', '-'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let mut lower = name.chars();
    let common = match lower.next() {
        Some(c) => c.to_lowercase().chain(lower).collect::<String>(),
        None => return String::new(),
    };
    let vowel = first.starts_with(['a', 'e', 'é', 'è', 'ê', 'i', 'o', 'u', 'h']);
    if FEMININE.contains(&first.as_str()) {
        if vowel {
            format!("l'{common}")
        } else {
            format!("la {common}")
        }
    } else if MASCULINE.contains(&first.as_str()) {
        if vowel {
            format!("l'{common}")
        } else {
            format!("le {common}")
        }
    } else {
        name.to_string()
    }
}

/// `np` after the preposition `prep` ("à" or "de"), contracted as French
/// writes it: "à la commune", "au syndicat", "de l'office", "du centre",
/// "d'Orly".
pub fn with_preposition(prep: &str, np: &str) -> String {
    let contracted = |art: &str| np.strip_prefix(art);
    match (prep, contracted("le "), contracted("les ")) {
        ("à", Some(rest), _) => format!("au {rest}"),
        ("à", _, Some(rest)) => format!("aux {rest}"),
        ("de", Some(rest), _) => format!("du {rest}"),
        ("de", _, Some(rest)) => format!("des {rest}"),
        ("de", _, _)
            if np.starts_with(['A', 'E', 'É', 'I', 'O', 'U', 'a', 'e', 'é', 'i', 'o', 'u'])
                && !np.starts_with("la ") =>
        {
            format!("d'{np}")
        }
        _ => format!("{prep} {np}"),
    }
}

/// The name of a party after `prep` ("" alone, "à", "de") as the documents
/// write it in `lang`: in French with its article, contracted ("de la
/// commune de Juvisy-sur-Orge", "à l'office …"); in English the name as it
/// is, after "to" / "of".
pub fn name_after(lang: super::Lang, prep: &str, name: &str, given: Option<&str>) -> String {
    use super::Lang;
    let np = match lang {
        Lang::Fr => name_with_article(name, given),
        Lang::En => name.to_string(),
    };
    match (lang, prep) {
        (_, "") => np,
        (Lang::Fr, p) => with_preposition(p, &np),
        (Lang::En, "à") => format!("to {np}"),
        (Lang::En, _) => format!("of {np}"),
    }
}

#[cfg(test)]
mod article_tests {
    use super::*;

    #[test]
    fn a_controller_s_name_takes_its_article_and_contracts_with_a_preposition() {
        let the = name_with_article("Commune de Juvisy-sur-Orge", None);
        assert_eq!(the, "la commune de Juvisy-sur-Orge");
        assert_eq!(
            with_preposition("à", &the),
            "à la commune de Juvisy-sur-Orge"
        );
        assert_eq!(
            with_preposition("de", &the),
            "de la commune de Juvisy-sur-Orge"
        );
        let s = name_with_article("Syndicat des eaux", None);
        assert_eq!(with_preposition("à", &s), "au syndicat des eaux");
        assert_eq!(with_preposition("de", &s), "du syndicat des eaux");
        let o = name_with_article("Office de tourisme", None);
        assert_eq!(with_preposition("de", &o), "de l'office de tourisme");
        assert_eq!(name_with_article("Orly", None), "Orly");
        assert_eq!(with_preposition("de", "Orly"), "d'Orly");
        assert_eq!(
            name_with_article("X", Some("les villes de X")),
            "les villes de X"
        );
        assert_eq!(with_preposition("à", "les villes de X"), "aux villes de X");
    }
}
