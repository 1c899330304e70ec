//! Interpreter languages a patient may ask for (the Accessible Information Standard), and the
//! suggestions offered as they type one. The list is what English trusts' interpreting services
//! most often book; it only suggests: a language not in it is kept as the patient typed it.

/// Sorted alphabetically, no duplicates (tested), so suggestions of the same rank come out in
/// alphabetical order.
pub const LANGUAGES: &[&str] = &[
    "Albanian",
    "Amharic",
    "Arabic",
    "Bengali",
    "British Sign Language",
    "Bulgarian",
    "Cantonese",
    "Croatian",
    "Czech",
    "Dari",
    "Estonian",
    "Farsi (Persian)",
    "French",
    "German",
    "Greek",
    "Gujarati",
    "Hausa",
    "Hebrew",
    "Hindi",
    "Hungarian",
    "Igbo",
    "Italian",
    "Japanese",
    "Kinyarwanda",
    "Korean",
    "Kurdish",
    "Kurdish Sorani",
    "Kurmanji",
    "Latvian",
    "Lingala",
    "Lithuanian",
    "Makaton",
    "Malay",
    "Malayalam",
    "Mandarin",
    "Mirpuri",
    "Nepali",
    "Oromo",
    "Pashto",
    "Polish",
    "Portuguese",
    "Punjabi",
    "Romanian",
    "Russian",
    "Serbian",
    "Sinhala",
    "Slovak",
    "Somali",
    "Spanish",
    "Swahili",
    "Sylheti",
    "Tagalog",
    "Tamil",
    "Tetum",
    "Thai",
    "Tigrinya",
    "Turkish",
    "Twi",
    "Ukrainian",
    "Urdu",
    "Vietnamese",
    "Welsh",
    "Yoruba",
];

/// Other names patients use, lower case: what they find.
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
            'ý' | 'ÿ' => 'y',
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
    let found: Vec<(u8, &'static str)> = LANGUAGES
        .iter()
        .filter_map(|&name| {
            // Not on one letter: "c" offering Mandarin would puzzle.
            let by_alias = typed.len() > 1
                && ALIASES
                    .iter()
                    .any(|(alias, names)| alias.starts_with(&typed) && names.contains(&name));
            let by_name = rank(&fold(name), &typed);
            by_name
                .into_iter()
                .chain(by_alias.then_some(1))
                .min()
                .map(|r| (r, name))
        })
        .collect();
    // Best rank first, alphabetical within a rank (the list is sorted): a pass per rank
    // instead of a sort, which would add its own copy of the sort code.
    let best = found.iter().map(|&(r, _)| r).max().unwrap_or(0);
    (0..=best)
        .flat_map(|rank| found.iter().filter(move |(r, _)| *r == rank))
        .take(limit)
        .map(|&(_, n)| n)
        .collect()
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
    fn the_list_is_sorted_without_duplicates() {
        assert!(LANGUAGES.len() >= 60);
        for pair in LANGUAGES.windows(2) {
            assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
        }
        for (_, names) in ALIASES {
            for n in *names {
                assert!(LANGUAGES.contains(n), "alias for missing {n}");
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
