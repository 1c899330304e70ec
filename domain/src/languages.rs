//! Interpreter languages a patient may ask for (the Accessible Information Standard), and the
//! suggestions offered as they type one. The list is what English trusts' interpreting services
//! most often book; it only suggests: a language not in it is kept as the patient typed it.
//! Names are suggested in the patient's language; in Welsh the English names (and other names)
//! find them too, so "Polish" and "Pwyleg" both suggest "Pwyleg".

use crate::words::languages::{en, words};

/// Other names patients use, lower case: what they find (the languages words' `aliases` are
/// these in the patient's language, in this order).
const ALIASES: &[(&str, &[&str])] = &[
    ("bsl", &["British Sign Language"]),
    ("chinese", &["Cantonese", "Mandarin"]),
    ("filipino", &["Tagalog"]),
    ("panjabi", &["Punjabi"]),
];

/// Lower case with the common Latin accents taken off, so "portugués" finds "Portuguese".
fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à'..='å' => 'a',
            'ç' => 'c',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ñ' => 'n',
            'ò'..='ö' | 'ø' => 'o',
            'ù'..='ü' => 'u',
            'ý' | 'ÿ' | 'ŷ' => 'y',
            'ŵ' => 'w',
            _ => c,
        })
        .collect()
}

/// How well `name` (folded) matches `typed` (folded, not empty): 0 it starts with it, 1 one of
/// its words does, 2 it is somewhere inside; `None` not at all.
fn rank(name: &str, typed: &str) -> Option<u8> {
    name.match_indices(typed)
        .map(|(i, _)| match name[..i].chars().next_back() {
            None => 0,
            Some(c) if !c.is_alphanumeric() => 1,
            Some(_) => 2,
        })
        .min()
}

/// At most `limit` languages for what the patient has typed: names starting with it first, then
/// names with a word starting with it (or another name for them starting with it), then names
/// containing it; alphabetical within each. Nothing for empty input.
pub fn suggestions(typed: &str, limit: usize) -> Vec<&'static str> {
    let typed = fold(typed);
    if typed.is_empty() {
        return Vec::new();
    }
    let w = words();
    let found: Vec<(u8, &'static str)> = (en().names.into_iter())
        .zip(w.names)
        .filter_map(|(english, name)| {
            // Not on one letter: "c" offering Mandarin would puzzle.
            let by_alias = typed.len() > 1
                && ALIASES.iter().zip(w.aliases).any(|((alias, names), own)| {
                    (alias.starts_with(&typed) || own.starts_with(&typed))
                        && names.contains(&english)
                });
            let by_name = rank(&fold(name), &typed);
            // The English name finds the language in the patient's own too, after the names
            // that match in their language, and not on one letter ("g" offering Almaeneg,
            // German, would puzzle).
            let by_english = (name != english && typed.len() > 1)
                .then(|| rank(&fold(english), &typed).map(|r| r + 3))
                .flatten();
            by_name
                .into_iter()
                .chain(by_english)
                .chain(by_alias.then_some(1))
                .min()
                .map(|r| (r, name))
        })
        .collect();
    // Best rank first, alphabetical within a rank: the first name left, a pass per rank
    // instead of a sort, which would add its own copy of the sort code.
    let best = found.iter().map(|&(r, _)| r).max().unwrap_or(0);
    let mut out = Vec::new();
    for rank in 0..=best {
        let mut left: Vec<&'static str> = (found.iter())
            .filter(|(r, _)| *r == rank)
            .map(|&(_, n)| n)
            .collect();
        while out.len() < limit {
            let Some(first) = (0..left.len()).min_by_key(|&i| left[i]) else {
                break;
            };
            out.push(left.swap_remove(first));
        }
    }
    out
}

/// The suggestions the needs page offers: six at most, so the list fits a phone screen above
/// the keyboard.
pub fn suggest(typed: &str) -> Vec<&'static str> {
    suggestions(typed, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_names_are_suggested_and_found_by_either_name() {
        use crate::lang::compare;
        use crate::words::languages::{cy, en};
        use crate::words::testing::in_welsh;
        // Some names are spelled alike (Hindi, Swahili, BSL's "bsl" is not: "iap").
        compare(&en().each(), &cy().each(), &["names", "aliases"]);
        let aliases: Vec<&str> = ALIASES.iter().map(|(a, _)| *a).collect();
        assert_eq!(en().aliases, aliases[..]);
        in_welsh(|| {
            assert_eq!(suggestions("pwy", 6), ["Pwyleg"]);
            assert_eq!(suggestions("Polish", 6), ["Pwyleg"]);
            assert_eq!(suggestions("iaith", 6), ["Iaith Arwyddion Prydain"]);
            assert_eq!(suggestions("IAP", 6), ["Iaith Arwyddion Prydain"]);
            assert_eq!(suggestions("bsl", 6), ["Iaith Arwyddion Prydain"]);
            assert_eq!(suggestions("Tsieinëeg", 6), ["Cantoneg", "Mandarin"]);
            assert_eq!(suggestions("cymraeg", 6), ["Cymraeg"]);
            assert_eq!(suggestions("welsh", 6), ["Cymraeg"]);
            // Alphabetical by the Welsh names within a rank.
            assert_eq!(suggestions("c", 3), ["Cantoneg", "Coreeg", "Croateg"]);
            // Names matching in Welsh first, then those whose English name matches.
            assert_eq!(suggestions("po", 6), ["Portiwgaleg", "Pwyleg"]);
            assert_eq!(suggestions("ger", 6), ["Almaeneg"]);
        });
    }

    #[test]
    fn the_list_is_sorted_without_duplicates() {
        // The English names (the languages words' `names`, which name them in each language
        // in this order): sorted alphabetically, no duplicates.
        let languages = crate::words::languages::en().names;
        assert!(languages.len() >= 60);
        for pair in languages.windows(2) {
            assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
        }
        for (_, names) in ALIASES {
            for n in *names {
                assert!(languages.contains(n), "alias for missing {n}");
            }
        }
    }

    #[test]
    fn empty_input_suggests_nothing() {
        assert!(suggestions("", 6).is_empty());
        assert!(suggestions("   ", 6).is_empty());
        assert!(suggest("").is_empty());
    }

    #[test]
    fn starts_with_comes_first_then_word_starts_then_contains() {
        assert_eq!(suggestions("pol", 6), ["Polish"]);
        // "Kurdish", "Kurdish Sorani" start with it; nothing else contains it.
        assert_eq!(suggestions("kurd", 6), ["Kurdish", "Kurdish Sorani"]);
        // "Sorani" is a word of "Kurdish Sorani"; "Somali" starts with "so".
        assert_eq!(suggestions("so", 6), ["Somali", "Kurdish Sorani"]);
        // Starts: Tagalog, Tamil; inside: Italian… (alphabetical).
        let ta = suggestions("ta", 10);
        assert_eq!(&ta[..2], ["Tagalog", "Tamil"]);
        assert!(ta[2..].contains(&"Italian"));
        assert!(ta[2..].windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn typing_is_trimmed_and_case_and_accent_insensitive() {
        assert_eq!(suggestions("  POLISH ", 6), ["Polish"]);
        assert_eq!(suggestions("Portugués", 6), ["Portuguese"]);
        assert_eq!(suggestions("rUsSiAn", 6), ["Russian"]);
    }

    #[test]
    fn other_names_find_the_language() {
        assert_eq!(suggestions("BSL", 6), ["British Sign Language"]);
        assert_eq!(suggestions("sign", 6), ["British Sign Language"]);
        assert_eq!(suggestions("sign language", 6), ["British Sign Language"]);
        assert_eq!(suggestions("Farsi", 6), ["Farsi (Persian)"]);
        assert_eq!(suggestions("persian", 6), ["Farsi (Persian)"]);
        assert_eq!(suggestions("Chinese", 6), ["Cantonese", "Mandarin"]);
        assert_eq!(suggestions("filip", 6), ["Tagalog"]);
        assert_eq!(
            suggestions("ch", 6),
            ["Cantonese", "Mandarin", "Czech", "French"]
        );
        // One letter is too little to go by another name.
        assert!(!suggestions("c", 6).contains(&"Mandarin"));
    }

    #[test]
    fn the_limit_is_kept() {
        assert_eq!(suggestions("a", 3).len(), 3);
        assert_eq!(suggest("a").len(), 6);
        // Names starting with "a" come before those merely containing it.
        assert_eq!(suggestions("a", 3), ["Albanian", "Amharic", "Arabic"]);
    }

    #[test]
    fn an_unknown_language_suggests_nothing() {
        assert!(suggestions("Klingon", 6).is_empty());
    }
}
