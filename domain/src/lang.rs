//! The patient's language (English or Welsh) and the message catalogue's building blocks.
//!
//! Every patient-facing word lives in a typed catalogue: one struct of `&'static str` per area
//! (a page, a component, the date formatter), with an `EN` and a `CY` value side by side in the
//! area's module, so a missing Welsh string is a compile error, not a blank on a page. Written
//! here rather than with Fluent (`fluent-bundle`): measured in BENCHMARKS.md, "Message
//! catalogue", its parser and plural rules cost more than the whole Welsh catalogue.
//!
//! The catalogues are the `words` module (the app has its own for its pages). Only the chosen
//! language is downloaded: English words are read where they are used (so they travel with
//! their page's chunk), Welsh ones only through `words::load_welsh`, which the app's `welsh`
//! chunk calls before a Welsh page shows. Until then (and in English) the English words are
//! used.
//!
//! Strings marked `// review` in a `CY` catalogue are ours and need a professional translator's
//! review before going live (README, "Welsh").

use std::cell::Cell;

/// A language the service is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// From a language tag as people and browsers write it: `cy`, `CY`, `cy-GB`, `en-GB`.
    pub fn parse(tag: &str) -> Option<Lang> {
        // By bytes: a pattern-based split cost 0.3 KB of the main module.
        let t = tag.trim().as_bytes();
        if !matches!(t.get(2), None | Some(b'-' | b'_')) {
            return None;
        }
        match t.get(..2) {
            Some(p) if p.eq_ignore_ascii_case(b"cy") => Some(Lang::Cy),
            Some(p) if p.eq_ignore_ascii_case(b"en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code: the `lang` attribute and the API's `language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The language's name in itself, as the switch link shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cy => "Cymraeg",
        }
    }

    /// The one to switch to.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language pages are being written in.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// A message pseudo-translated, to find words that do not fit (the `pseudo` feature): letters
/// accented, about 40 % longer, in brackets, `{placeholders}` kept. "Choose a time" →
/// "[Çĥóóšé á ţíméé ~~~~~]". Made once per message (kept for the page's life).
/// `english` pseudo-translated, made once per catalogue (the `pseudo` feature's stand-in for
/// an area whose English is a constant: `pick_const` in the words module).
#[cfg(any(test, feature = "pseudo"))]
pub fn pseudo_catalogue<T: Catalogue + 'static>(english: &'static T) -> &'static T {
    use std::any::Any;
    thread_local! {
        static MADE: std::cell::RefCell<Vec<(usize, &'static dyn Any)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = english as *const T as usize;
    MADE.with(|made| {
        let found = made
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, m)| m);
        if let Some(m) = found.and_then(|m| m.downcast_ref::<T>()) {
            return m;
        }
        let m: &'static T = Box::leak(Box::new((*english).map(&pseudo)));
        made.borrow_mut().push((key, m));
        m
    })
}

#[cfg(any(test, feature = "pseudo"))]
pub fn pseudo(text: &'static str) -> &'static str {
    use std::collections::HashMap;
    thread_local! {
        static MADE: std::cell::RefCell<HashMap<(usize, usize), &'static str>> = Default::default();
    }
    if text.trim().is_empty() {
        return text;
    }
    MADE.with(|made| {
        *made
            .borrow_mut()
            .entry((text.as_ptr() as usize, text.len()))
            .or_insert_with(|| {
                let mut out = String::from("[");
                let mut in_placeholder = false;
                for c in text.chars() {
                    match c {
                        '{' => in_placeholder = true,
                        '}' => in_placeholder = false,
                        _ => {}
                    }
                    if in_placeholder {
                        out.push(c);
                        continue;
                    }
                    out.push(match c {
                        'a' => 'á',
                        'e' => 'é',
                        'i' => 'í',
                        'o' => 'ó',
                        'u' => 'ú',
                        'c' => 'ç',
                        'n' => 'ñ',
                        's' => 'š',
                        't' => 'ţ',
                        'A' => 'Á',
                        'E' => 'É',
                        'O' => 'Ó',
                        'C' => 'Ç',
                        'S' => 'Š',
                        'T' => 'Ţ',
                        other => other,
                    });
                    // Vowels doubled: longer words, as Welsh and German have.
                    if "aeiou".contains(c) {
                        out.push(out.chars().last().unwrap_or(c));
                    }
                }
                // Then padded to 40 % longer than the English, as one long word.
                let target = text.chars().count() * 14 / 10;
                let mut len = out.chars().count();
                if len < target {
                    out.push(' ');
                    len += 1;
                }
                while len < target {
                    out.push('~');
                    len += 1;
                }
                out.push(']');
                Box::leak(out.into_boxed_str())
            })
    })
}

/// A query string (`?a=1&lang=en`) with `lang=` set to `lang` and any earlier `lang=` dropped:
/// the language switch's link.
pub fn with_lang(query: &str, lang: Lang) -> String {
    let mut out = String::from("?");
    for pair in query.trim_start_matches('?').split('&') {
        if !pair.is_empty() && !pair.starts_with("lang=") {
            out.push_str(pair);
            out.push('&');
        }
    }
    out.push_str("lang=");
    out.push_str(lang.code());
    out
}

/// The `lang=` of a query string, if it names a language offered.
pub fn from_query(query: &str) -> Option<Lang> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(Lang::parse)
}

/// One message in each plural form a language has (CLDR): English uses `one` and `other`;
/// Welsh all six ("dim amseroedd", "1 amser", "2 amser", "3 amser", "6 amser", "4 amser").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// English-style: `one` for 1, `other` for everything else.
    pub const fn en(one: &'static str, other: &'static str) -> Plural {
        Plural {
            zero: other,
            one,
            two: other,
            few: other,
            many: other,
            other,
        }
    }

    /// The form for `n` under the current language's rules, with `{n}` filled in.
    pub fn of(&self, n: u64) -> String {
        let form = match (current(), n) {
            (_, 1) => self.one,
            (Lang::Cy, 0) => self.zero,
            (Lang::Cy, 2) => self.two,
            (Lang::Cy, 3) => self.few,
            (Lang::Cy, 6) => self.many,
            _ => self.other,
        };
        fill(form, &[("n", &n.to_string())])
    }
}

/// A message with its placeholders filled: `{name}` is replaced by the value given for `name`
/// (word order is the language's, never built by joining pieces). An unknown placeholder is
/// left as it is, so a test can find it.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let key = &after[..close];
            args.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (close, *v))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The words before and after one placeholder, for a message with a link or other markup in
/// it ("If you cannot book online, call {phone}."): the page puts the markup between them.
pub fn around(template: &'static str, key: &str) -> (&'static str, &'static str) {
    // By character, not `str::find(&str)`: the substring searcher it brings costs ~2 KB of wasm.
    for (i, _) in template.match_indices('{') {
        let rest = &template[i + 1..];
        if rest.starts_with(key) && rest[key.len()..].starts_with('}') {
            return (&template[..i], &rest[key.len() + 1..]);
        }
    }
    (template, "")
}

/// Two catalogues of one area agree (a native test of every area calls this): the same
/// placeholders in every message (a plural's Welsh "zero" may leave out the number), none
/// empty, and no Welsh message left in English (apart from `same`: names and codes spelled
/// alike in both).
pub fn compare(en: &[(&str, &str)], cy: &[(&str, &str)], same: &[&str]) {
    assert_eq!(en.len(), cy.len());
    for ((key, e), (_, c)) in en.iter().zip(cy) {
        let forms = en.iter().filter(|(k, _)| k == key).count();
        let (pe, pc) = (placeholders(e), placeholders(c));
        if forms == 1 {
            assert_eq!(pe, pc, "placeholders of {key}");
        } else {
            assert!(
                pc.iter().all(|p| pe.contains(p)),
                "placeholders of {key}: {c}"
            );
        }
        assert!(!c.trim().is_empty(), "{key} is empty in Welsh");
        if !same.contains(key) {
            assert_ne!(e, c, "{key} is still in English");
        }
    }
}

/// One area's messages as catalogue rows (area, name, English, Welsh), for the catalogue dump
/// (`examples/catalogue.rs`).
pub fn rows(
    area: &'static str,
    en: Vec<(&'static str, &'static str)>,
    cy: Vec<(&'static str, &'static str)>,
) -> impl Iterator<Item = (&'static str, &'static str, &'static str, &'static str)> {
    en.into_iter()
        .zip(cy)
        .map(move |((key, e), (_, c))| (area, key, e, c))
}

/// The placeholders a message uses (`{n}`, `{day}`), for tests that compare languages.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(k, _)| k))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// A message: plain words.
pub type S = &'static str;

/// What a catalogue's message can be: words, or words in each plural form.
pub trait Message: Sized {
    /// Adds this message's text(s) to `out` under `key`.
    fn list(&self, key: &'static str, out: &mut Vec<(&'static str, &'static str)>);
    /// The same message with every text changed by `f` (the pseudo-locale).
    fn map(self, f: &dyn Fn(&'static str) -> &'static str) -> Self;
}

impl Message for &'static str {
    fn list(&self, key: &'static str, out: &mut Vec<(&'static str, &'static str)>) {
        out.push((key, self));
    }
    fn map(self, f: &dyn Fn(&'static str) -> &'static str) -> Self {
        f(self)
    }
}

impl Message for Plural {
    fn list(&self, key: &'static str, out: &mut Vec<(&'static str, &'static str)>) {
        for form in [
            self.zero, self.one, self.two, self.few, self.many, self.other,
        ] {
            out.push((key, form));
        }
    }
    fn map(self, f: &dyn Fn(&'static str) -> &'static str) -> Self {
        Plural {
            zero: f(self.zero),
            one: f(self.one),
            two: f(self.two),
            few: f(self.few),
            many: f(self.many),
            other: f(self.other),
        }
    }
}

impl<const N: usize> Message for [&'static str; N] {
    fn list(&self, key: &'static str, out: &mut Vec<(&'static str, &'static str)>) {
        for text in self {
            out.push((key, text));
        }
    }
    fn map(self, f: &dyn Fn(&'static str) -> &'static str) -> Self {
        <[&'static str; N]>::map(self, f)
    }
}

/// An area's catalogue (made by `words!`).
pub trait Catalogue: Copy {
    /// Every message changed by `f` (the pseudo-locale).
    fn map(self, f: &dyn Fn(&'static str) -> &'static str) -> Self;
}

/// A crate's catalogue areas, named once: `Welsh` (every area's Welsh words), `make_welsh()`
/// (for `load_welsh`, so only the `welsh` chunk reaches the `cy()` functions) and `catalogue()`
/// (every message's area, name, English and Welsh: the tests and `examples/catalogue.rs`).
#[macro_export]
macro_rules! catalogue_areas {
    ($($area:ident: $ty:ty),* $(,)?) => {
        /// Every Welsh catalogue of this crate.
        pub struct Welsh {
            $(pub $area: $ty,)*
        }

        fn make_welsh() -> Welsh {
            Welsh {
                $($area: $area::cy(),)*
            }
        }

        /// Every message of this crate's catalogues: area, name, English, Welsh.
        pub fn catalogue() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
            let mut all = Vec::new();
            $(all.extend($crate::lang::rows(stringify!($area), $area::en().each(), $area::cy().each()));)*
            all
        }
    };
}

/// Defines an area's catalogue: a struct of messages ([`S`], [`Plural`] or arrays of words)
/// with a way to list every one (for the tests that compare languages; unused, it costs the
/// app nothing).
#[macro_export]
macro_rules! words {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $name {
            /// Every message with its name (a plural or a list: once per form).
            #[allow(dead_code)]
            pub fn each(&self) -> Vec<(&'static str, &'static str)> {
                let mut out = Vec::new();
                $($crate::lang::Message::list(&self.$field, stringify!($field), &mut out);)*
                out
            }

        }

        impl $crate::lang::Catalogue for $name {
            fn map(self, f: &dyn Fn(&'static str) -> &'static str) -> Self {
                $name { $($field: $crate::lang::Message::map(self.$field, f),)* }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_loosely() {
        assert_eq!(Lang::parse("cy"), Some(Lang::Cy));
        assert_eq!(Lang::parse(" CY-gb "), Some(Lang::Cy));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::Cy.code(), "cy");
        assert_eq!(Lang::En.other().own_name(), "Cymraeg");
        assert_eq!(from_query("?service=x&lang=cy"), Some(Lang::Cy));
        assert_eq!(from_query("?lang=fr&lang=en"), Some(Lang::En));
        assert_eq!(from_query(""), None);
        assert_eq!(
            with_lang("?service=x&lang=en&band=y", Lang::Cy),
            "?service=x&band=y&lang=cy"
        );
        assert_eq!(with_lang("", Lang::En), "?lang=en");
    }

    #[test]
    fn placeholders_are_filled_in_any_order() {
        assert_eq!(
            fill(
                "{count} on {day}",
                &[("day", "Monday"), ("count", "3 times")]
            ),
            "3 times on Monday"
        );
        assert_eq!(
            fill("{day}: {count}", &[("day", "Llun"), ("count", "3")]),
            "Llun: 3"
        );
        // Unknown and unclosed placeholders stay, so a test can see them.
        assert_eq!(fill("a {x} b {", &[("y", "1")]), "a {x} b {");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(placeholders("{b} {a} {b}"), vec!["a", "b"]);
        assert_eq!(around("call {phone}.", "phone"), ("call ", "."));
        assert_eq!(around("no mark", "phone"), ("no mark", ""));
        let p = pseudo("Choose {n} times");
        assert!(
            p.starts_with('[') && p.ends_with(']') && p.contains("{n}"),
            "{p}"
        );
        assert!(
            p.chars().count() >= "Choose {n} times".len() * 14 / 10,
            "{p}"
        );
        assert_eq!(pseudo("Choose {n} times"), p);
    }

    #[test]
    fn plurals_follow_each_language() {
        let times = Plural {
            zero: "dim amseroedd",
            one: "{n} amser",
            two: "{n} amser (two)",
            few: "{n} amser (few)",
            many: "{n} amser (many)",
            other: "{n} amser (other)",
        };
        let en = Plural::en("{n} time", "{n} times");
        assert_eq!(en.of(1), "1 time");
        assert_eq!(en.of(0), "0 times");
        assert_eq!(en.of(2), "2 times");
        crate::words::testing::in_welsh(|| {
            assert_eq!(times.of(0), "dim amseroedd");
            assert_eq!(times.of(1), "1 amser");
            assert_eq!(times.of(2), "2 amser (two)");
            assert_eq!(times.of(3), "3 amser (few)");
            assert_eq!(times.of(6), "6 amser (many)");
            assert_eq!(times.of(4), "4 amser (other)");
            assert_eq!(times.of(200), "200 amser (other)");
            // English words under Welsh rules still read right.
            assert_eq!(en.of(3), "3 times");
        });
    }
}
