//! The processor: the body whose DPO uses this tool (`processor.yaml`).

use serde::{Deserialize, Serialize};

use super::Contact;

/// Language of the documents.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French (the default: the controllers are French public bodies).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// The processor (GDPR Art. 28): identity, representative, DPO and settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    /// Legal name, e.g. "Établissement public territorial Grand-Orly Seine Bièvre".
    pub name: String,
    /// The name as a French sentence uses it, with its article, e.g.
    /// "l'établissement public territorial Grand-Orly Seine Bièvre"
    /// ("tenue par l'établissement…", "pour l'établissement…"). Absent:
    /// derived from `name` as for a controller
    /// ([`crate::model::name_with_article`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_with_article: Option<String>,
    /// Short name used in running text, e.g. "EPT Grand-Orly Seine Bièvre".
    #[serde(default)]
    pub short_name: Option<String>,
    /// Legal form.
    #[serde(default)]
    pub legal_form: Option<String>,
    /// Postal address of the registered office.
    #[serde(default)]
    pub address: Option<String>,
    /// Switchboard telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// General e-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// SIRET number.
    #[serde(default)]
    pub siret: Option<String>,
    /// APE/NAF activity code.
    #[serde(default)]
    pub ape: Option<String>,
    /// Legal representative (Art. 30(2)(a)).
    #[serde(default)]
    pub representative: Contact,
    /// Data protection officer (Art. 30(2)(a), Art. 37).
    #[serde(default)]
    pub dpo: Contact,
    /// Where the processor's documents are signed ("Fait à …" of their
    /// signature block), e.g. the town of its seat.
    #[serde(default)]
    pub place: Option<String>,
    /// IANA timezone local times are read and shown in.
    #[serde(default = "default_tz")]
    pub timezone: String,
    /// Language of everything dpo writes for this workspace (documents,
    /// e-mails, terminal), unless `--lang` says otherwise; when left out,
    /// the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else French.
    #[serde(default)]
    pub language: Option<Lang>,
}

fn default_tz() -> String {
    "Europe/Paris".to_string()
}

impl Processor {
    /// The name to use in running text.
    pub fn display_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// The name with its French article: `name_with_article` when given,
    /// else derived from `name`.
    pub fn name_the(&self) -> String {
        super::name_with_article(&self.name, self.name_with_article.as_deref())
    }

    /// Who signs the documents that commit the processor (the register):
    /// its legal representative.
    pub fn signatory(&self) -> &Contact {
        &self.representative
    }

    /// Where its documents are signed: `place` when given, else the town of
    /// its seat — what follows the five-digit postcode of its address ("2
    /// avenue Youri-Gagarine, 94400 Vitry-sur-Seine" → "Vitry-sur-Seine").
    /// `None` when neither says: the place is then « à compléter », never
    /// guessed.
    pub fn town(&self) -> Option<String> {
        if let Some(p) = self
            .place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            return Some(p.to_string());
        }
        let address = self.address.as_deref()?;
        let words: Vec<&str> = address.split_whitespace().collect();
        let at = words
            .iter()
            .rposition(|w| w.len() == 5 && w.bytes().all(|b| b.is_ascii_digit()))?;
        let town = words[at + 1..].join(" ");
        let town = town.split([',', '\n']).next().unwrap_or_default().trim();
        (!town.is_empty()).then(|| town.to_string())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_processor_takes_its_article_elided_before_a_vowel_or_as_given() {
        let mut p: Processor =
            serde_yaml::from_str("name: Établissement public territorial Grand-Orly").unwrap();
        assert_eq!(
            p.name_the(),
            "l'établissement public territorial Grand-Orly"
        );
        p.name_with_article = Some("l'EPT Grand-Orly".into());
        assert_eq!(p.name_the(), "l'EPT Grand-Orly");
    }

    use super::*;

    #[test]
    fn the_place_is_given_or_the_town_after_the_postcode_never_a_guess() {
        for (address, town) in [
            (
                "2 avenue Youri-Gagarine, 94400 Vitry-sur-Seine",
                Some("Vitry-sur-Seine"),
            ),
            (
                "6 rue Piver, 91260 Juvisy-sur-Orge, France",
                Some("Juvisy-sur-Orge"),
            ),
            ("12 rue de la Paix\n75002 Paris", Some("Paris")),
            ("12 rue de la Paix, Paris", None),
            ("BP 12345", None),
            ("", None),
        ] {
            let mut p = Processor {
                address: Some(address.to_string()),
                ..serde_yaml::from_str("name: x").unwrap()
            };
            assert_eq!(p.town().as_deref(), town, "{address}");
            p.place = Some("Créteil".into());
            assert_eq!(p.town().as_deref(), Some("Créteil"), "{address}");
        }
    }
}
