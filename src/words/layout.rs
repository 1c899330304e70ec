//! Around every page: header, footer, Back, "Start again", loading, the phone number.

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        skip: S,
        /// The logo's letters.
        logo: S,
        support_links: S,
        /// Footer and start page: the phone is a link.
        call: S,
        change_or_cancel: S,
        accessibility: S,
        back: S,
        start_again: S,
        /// Read after "Start again" by screen readers.
        start_again_more: S,
        /// When the trust has not set its own.
        opening_hours: S,
        loading: S,
    }
}

/// English, as data: the main module reads this area, so its strings are there anyway, and
/// copying a constant is less code than building the struct field by field.
const EN: Words = Words {
    skip: "Skip to main content",
    logo: "NHS",
    support_links: "Support links",
    call: "If you cannot book online, call {phone}.",
    change_or_cancel: "Change or cancel an appointment",
    accessibility: "Accessibility statement",
    back: "Back",
    start_again: "Start again",
    start_again_more: " and delete your answers",
    opening_hours: "Monday to Friday, 8am to 6pm",
    loading: "Loading",
};

pub fn en() -> Words {
    EN
}

pub fn cy() -> Words {
    Words {
        skip: "Neidio i'r prif gynnwys",
        logo: "GIG",
        support_links: "Dolenni cymorth",
        call: "Os na allwch chi drefnu ar-lein, ffoniwch {phone}.",
        change_or_cancel: "Newid neu ganslo apwyntiad",
        accessibility: "Datganiad hygyrchedd",
        back: "Yn ôl",
        start_again: "Dechrau eto",
        start_again_more: " a dileu eich atebion",
        opening_hours: "Dydd Llun i ddydd Gwener, 8yb i 6yp",
        loading: "Yn llwytho",
    }
}

pub fn words() -> &'static Words {
    super::pick_const(&EN, |w| &w.layout)
}
