//! Problems and information pages: API problems, no connection, page not found, accessibility statement (src/components/problem.rs, src/pages/{not_found,accessibility}.rs).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        // What went wrong talking to the API (a problem box's title and advice).
        /// No connection, also when a part of the app could not be fetched.
        no_connection_title: S,
        no_connection_advice: S,
        timeout_title: S,
        timeout_advice: S,
        busy_title: S,
        /// Busy, with the API's wait: "in 2 minutes".
        busy_advice_wait: S,
        busy_advice: S,
        failed_title: S,
        failed_advice: S,
        try_again: S,
        help_call: S,
        /// The tab's title when a page cannot be shown.
        sorry_title: S,

        // The page a crash leaves (plain HTML: the phone is a link).
        panic_title: S,
        panic_refresh: S,
        panic_call: S,


    }
}

/// English, as data: the main module reads this area, so its strings are there anyway, and
/// copying a constant is less code than building the struct field by field.
const EN: Words = Words {
        no_connection_title: "We could not connect to the booking service",
        no_connection_advice: "Check you are connected to the internet and try again. Nothing you have entered has been lost.",
        timeout_title: "The booking service is taking too long to answer",
        timeout_advice: "Try again. Nothing you have entered has been lost.",
        busy_title: "The booking service is busy",
        busy_advice_wait: "Try again {wait}. Nothing you have entered has been lost.",
        busy_advice: "Try again in a few minutes. Nothing you have entered has been lost.",
        failed_title: "Sorry, there is a problem with the booking service",
        failed_advice: "Try again later. Nothing you have entered has been lost.",
        try_again: "Try again",
        help_call: "If you need help, call {phone}.",
        sorry_title: "Sorry, there is a problem",

        panic_title: "Sorry, there is a problem with the service",
        panic_refresh: "Refresh the page to try again. Your answers are kept in this browser tab.",
        panic_call: "To book by phone, call {phone}.",


};

pub fn en() -> Words {
    EN
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {
        no_connection_title: "Nid oeddem yn gallu cysylltu â'r gwasanaeth trefnu apwyntiadau",
        no_connection_advice: "Gwiriwch eich bod wedi cysylltu â'r rhyngrwyd a cheisiwch eto. Nid yw'r wybodaeth a roesoch chi wedi'i cholli.",
        timeout_title: "Mae'r gwasanaeth trefnu apwyntiadau yn cymryd gormod o amser i ateb",
        timeout_advice: "Ceisiwch eto. Nid yw'r wybodaeth a roesoch chi wedi'i cholli.",
        busy_title: "Mae'r gwasanaeth trefnu apwyntiadau yn brysur",
        busy_advice_wait: "Ceisiwch eto {wait}. Nid yw'r wybodaeth a roesoch chi wedi'i cholli.",
        busy_advice: "Ceisiwch eto ymhen ychydig funudau. Nid yw'r wybodaeth a roesoch chi wedi'i cholli.",
        failed_title: "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth trefnu apwyntiadau",
        failed_advice: "Ceisiwch eto yn nes ymlaen. Nid yw'r wybodaeth a roesoch chi wedi'i cholli.",
        try_again: "Ceisio eto",
        help_call: "Os oes angen help arnoch chi, ffoniwch {phone}.",
        sorry_title: "Mae'n ddrwg gennym, mae problem",

        panic_title: "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
        panic_refresh: "Adnewyddwch y dudalen i geisio eto. Mae eich atebion yn cael eu cadw yn y tab porwr hwn.",
        panic_call: "I drefnu dros y ffôn, ffoniwch {phone}.",


    }
}

pub fn words() -> &'static Words {
    super::pick_const(&EN, |w| &w.problem)
}
