//! Choosing a time: the slot picker, its times and the time page (src/components/slot_picker, src/pages/slot.rs).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        previous_day: S,
        next_day: S,
        /// The day list's label.
        choose_day: S,
        /// Each day in the list: "Mon 29 Mar – 3 times".
        day_option: S,
        /// Said to screen readers when the day changes: "3 times available on Monday 29 March".
        day_announcement: S,
        error_select: S,
        /// Before an error message, visually hidden.
        error_prefix: S,
        loading: S,
        loading_more: S,
        /// No times at all: the number of weeks searched.
        no_times: S,
        /// No times: `{back}` is a link with `go_back`'s words, `{phone}` the phone number.
        no_times_way_on: S,
        go_back: S,
        /// No times: offered an alert (the lead, then the link).
        no_times_alert_lead: S,
        no_times_alert_link: S,
        /// Under the times: offered an alert for an earlier one (the lead, then the link).
        earlier_alert_lead: S,
        earlier_alert_link: S,
        continue_button: S,
        /// When the device is set to another time zone than the clinic's.
        zone_note: S,
    }
}

pub fn en() -> Words {
    Words {
        previous_day: "Previous day",
        next_day: "Next day",
        choose_day: "Or choose a day",
        day_option: "{day} – {count}",
        day_announcement: "{count} available on {day}",
        error_select: "Select a time",
        error_prefix: "Error: ",
        loading: "Loading available times",
        loading_more: "Loading more times",
        no_times: "There are no times available online here in the next {weeks} weeks.",
        no_times_way_on: "You can {back} or call {phone}.",
        go_back: "go back",
        no_times_alert_lead: "We can tell you when a time comes up.",
        no_times_alert_link: "Get a text if a time comes up",
        earlier_alert_lead: "None of these times suit you?",
        earlier_alert_link: "Get a text if an earlier time comes up",
        continue_button: "Continue",
        zone_note: "Times are shown in UK time, the time at the clinic. Your device is set to a different time zone.",
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {
        previous_day: "Diwrnod blaenorol",
        next_day: "Diwrnod nesaf",
        choose_day: "Neu dewiswch ddiwrnod",
        day_option: "{day} – {count}",
        // The day first: "ar" before a day name would need it mutated ("ddydd Llun").
        day_announcement: "{day}: {count} ar gael",
        error_select: "Dewiswch amser",
        error_prefix: "Gwall: ",
        loading: "Yn llwytho'r amseroedd sydd ar gael",
        loading_more: "Yn llwytho rhagor o amseroedd",
        // A noun stays singular after a number: "yn ystod y 13 wythnos nesaf".
        no_times: "Nid oes amseroedd ar gael ar-lein yma yn ystod y {weeks} wythnos nesaf.",
        no_times_way_on: "Gallwch {back} neu ffonio {phone}.",
        // Soft-mutated after "Gallwch".
        go_back: "fynd yn ôl",
        no_times_alert_lead: "Gallwn roi gwybod i chi pan fydd amser ar gael.",
        no_times_alert_link: "Cael neges destun os bydd amser ar gael",
        earlier_alert_lead: "Dim un o'r amseroedd hyn yn gyfleus?", // review
        earlier_alert_link: "Cael neges destun os bydd amser cynharach ar gael",
        continue_button: "Parhau",
        zone_note: "Mae'r amseroedd yn cael eu dangos yn amser y DU, sef yr amser yn y clinig. Mae eich dyfais wedi'i gosod i gylchfa amser wahanol.",
    }
}

pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.times)
}
