//! The names of the world's states and territories, in French and English
//! (`countries.txt`: the ISO 3166-1 names, their French translations and
//! the usual short names), against which a transfer line's country is
//! read: « Hébergeur : OVH » or « Dublin : Microsoft » names no country,
//! and is said rather than imported as a transfer to a country « Hébergeur ».
//!
//! A list, not a crate: the one crate found with French names (`keshvar`)
//! builds every country's names in some 160 languages into maps at run
//! time (22 MB of source); the import needs two languages, compared
//! folded.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The list, as `countries.txt` holds it.
const LIST: &str = include_str!("countries.txt");

/// Every name of the list, as [`key`] gives it.
fn names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        LIST.lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split('\t').skip(1))
            // « Saint-Martin (partie française) » is « Saint-Martin » too.
            .flat_map(|n| [key(n), key(&outside_brackets(n))])
            .filter(|k| !k.is_empty())
            .collect()
    })
}

/// A name as it is compared: folded (no case, no accents), its hyphens,
/// apostrophes and full stops as spaces (« Etats Unis », « U.S.A. »),
/// « & » and « and » as « et », « St » as « Saint », without a leading
/// article (« les États-Unis », « the Netherlands »).
fn key(name: &str) -> String {
    let spaced: String = super::folded(name)
        .chars()
        .map(|c| match c {
            '-' | '\'' | '’' | '‘' | '.' | '‑' | '–' => ' ',
            c => c,
        })
        .collect();
    // « & », « and » and « et » alike; « St », « Ste » in full.
    let words: Vec<&str> = spaced
        .split_whitespace()
        .map(|w| match w {
            "&" | "and" => "et",
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .collect();
    let words = match words.split_first() {
        Some((first, rest))
            if !rest.is_empty() && ["les", "la", "le", "l", "the"].contains(first) =>
        {
            rest
        }
        _ => &words[..],
    };
    words.join(" ")
}

/// Whether `side` (a transfer line's country, its « (à confirmer) » mark
/// already left out) names a state or territory: the whole side, or the
/// side without what it holds in brackets (« États-Unis (Virginie) »,
/// « Irlande [Dublin] »).
/// The first field of the list's line naming `side` (its code), `None`
/// when no line does: « USA », « les États-Unis » and « Etats Unis » are
/// one country.
pub(crate) fn country_code(side: &str) -> Option<&'static str> {
    static CODES: OnceLock<std::collections::HashMap<String, &'static str>> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for line in LIST.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let Some(code) = fields.next() else { continue };
            for n in fields {
                for k in [key(n), key(&outside_brackets(n))] {
                    if !k.is_empty() {
                        map.entry(k).or_insert(code);
                    }
                }
            }
        }
        map
    });
    codes
        .get(&key(side))
        .or_else(|| codes.get(&key(&outside_brackets(side))))
        .copied()
}

pub(crate) fn is_country(side: &str) -> bool {
    let names = names();
    names.contains(&key(side)) || names.contains(&key(&outside_brackets(side)))
}

/// `s` without what it holds in brackets, the brackets included.
fn outside_brackets(s: &str) -> String {
    super::top_level(s)
        .map(|(_, c)| c)
        .filter(|c| !matches!(c, ')' | ']'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_one_country_have_one_code() {
        let us = country_code("États-Unis");
        assert!(us.is_some());
        for name in [
            "USA",
            "les États-Unis",
            "Etats Unis",
            "United States of America",
        ] {
            assert_eq!(country_code(name), us, "{name}");
        }
        assert_ne!(country_code("Royaume-Uni"), us);
        assert_eq!(country_code("UK"), country_code("Royaume-Uni"));
        assert_eq!(country_code("Atlantide"), None);
    }

    #[test]
    fn the_usual_names_in_either_language_are_countries_and_labels_are_not() {
        for name in [
            "États-Unis",
            "Etats Unis",
            "ETATS-UNIS",
            "les États-Unis",
            "USA",
            "U.S.A.",
            "United States of America",
            "Royaume-Uni",
            "UK",
            "Inde",
            "Maroc",
            "Corée du Sud",
            "Russie",
            "Côte d’Ivoire",
            "Trinité-et-Tobago",
            "Antigua & Barbuda",
            "St. Kitts-et-Nevis",
            "Sainte Lucie",
            "Île Maurice",
            "Fédération de Russie",
            "République de Corée",
            "Saint-Martin",
            "St-Martin",
            "Guyane",
            "Sint Maarten",
            "Kirghizstan",
            "Cité du Vatican",
            "Chine populaire",
            "Suisse",
            "Japon",
            "the Netherlands",
            "États-Unis (Virginie)",
            "Irlande [Dublin]",
        ] {
            assert!(is_country(name), "{name}");
        }
        for side in [
            "Hébergeur",
            "Dublin",
            "Monde entier",
            "Pays",
            "Union européenne",
            "Tel Aviv",
            "Microsoft",
            "(Virginie)",
            "",
        ] {
            assert!(!is_country(side), "{side}");
        }
    }

    #[test]
    fn the_list_reads_every_line_as_a_code_and_names() {
        let lines: Vec<&str> = LIST.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines.len(), 250);
        for l in lines {
            let mut cells = l.split('\t');
            let code = cells.next().unwrap_or_default();
            assert!(
                code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()),
                "{l}"
            );
            assert!(cells.all(|n| !n.trim().is_empty()), "{l}");
        }
    }
}
