//! Earlier-time alerts and a time held from one (src/pages/{alerts,offer}.rs).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        /// Where: the second option and its hint (`{band}`: "Physiotherapist (Band 6)").
        any_place: S,
        any_place_hint: S,
        where_hint: S,
        where_missing: S,
        /// Which times: `{example}` is a date 4 weeks on ("29 3 2027").
        before_hint: S,
        /// `{date}`: "Monday 29 March 2027".
        before_booking: S,
        before_date: S,
        /// The date's legend.
        before_legend: S,
        continue_button: S,
        details_intro: S,
        first_name: S,
        last_name: S,
        dob_legend: S,
        dob_hint: S,
        mobile: S,
        mobile_hint: S,
        /// Check answers: the API refused something the patient cannot correct here.
        not_set_up: S,
        /// `{phone}`: the number as a link.
        call_to_talk: S,
        already_have: S,
        /// `{link}` is `stop_that_alert`.
        already_text: S,
        stop_that_alert: S,
        current_stays: S,
        set_up_heading: S,
        set_up_text: S,
        setting_up: S,
        set_up_button: S,
        /// Alert set: where (`place_any`, or `place_at` with `{place}` the clinic's name).
        place_any: S,
        place_at: S,
        /// Above the alert's reference.
        reference_lead: S,
        next_heading: S,
        /// `{phone}` (in bold) the mobile number, `{place}` as above, `{date}` the alert's end.
        will_text: S,
        keep_text: S,
        ends: S,
        /// `{date}`: the booking's day.
        still_booked: S,
        back_to_appointment: S,
        not_booked: S,
        choose_now: S,
        no_longer_heading: S,
        no_longer_text: S,
        stop_this: S,
        /// Stopping: said once for both fields when no alert matches.
        stop_not_found: S,
        /// The page's title and heading once stopped.
        stopped: S,
        /// Under "Alert stopped".
        stopped_reference: S,
        stopped_text: S,
        stop_intro: S,
        reference_label: S,
        reference_hint: S,
        stopping: S,
        stop_button: S,
        /// The held time (offer): the page's title when it could not be fetched.
        problem_title: S,
        move_button: S,
        book_button: S,
        booking: S,
        offer_intro: S,
        /// Spoken politely as it changes: `{until}` is "until 10:15am today".
        held: S,
        /// After `held` when the offer moves a booking (it starts with a space).
        moves_booking: S,
        confirm_dob: S,
        not_wanted: S,
        gone_heading: S,
        /// Gone while open: the nearest free times follow.
        gone_nearest: S,
        gone_text: S,
        /// `{reference}`: the booking it would have moved.
        gone_kept: S,
        gone_again: S,
    }
}

pub fn en() -> Words {
    Words {
        any_place: "Any place with a clinic for this",
        any_place_hint: "With a {band}. The text message says where.",
        where_hint: "We will text you about an earlier time at the places you choose.",
        where_missing: "Select where you could go",
        before_hint: "We will only text you about times before this date. For example, {example}",
        before_booking: "Any time before my current appointment on {date}",
        before_date: "Only times before an earlier date",
        before_legend: "Only tell me about times before",
        continue_button: "Continue",
        details_intro: "We need these details to find your records and to text you if an earlier time comes up.",
        first_name: "First name",
        last_name: "Last name",
        dob_legend: "Date of birth",
        dob_hint: "For example, 15 3 1984",
        mobile: "Mobile phone number",
        mobile_hint: "We will text this number when an earlier time comes up, and only about that.",
        not_set_up: "We could not set up your alert",
        call_to_talk: "To talk to us, call {phone}.",
        already_have: "You already have an alert for this appointment",
        already_text: "We will already text you if an earlier time comes up. To ask for different times, {link} first.",
        stop_that_alert: "stop that alert",
        current_stays: "Your current appointment stays booked unless you take an earlier time we offer you.",
        set_up_heading: "Now set up your alert",
        set_up_text: "If a time comes up that suits what you asked for, we will keep it for you for a short time and text you a link to book it. The message says how long we keep it.",
        setting_up: "Setting up your alert…",
        set_up_button: "Set up alert",
        place_any: "at any place with a clinic for this",
        place_at: "at {place}",
        reference_lead: "Your alert reference is",
        next_heading: "What happens next",
        will_text: "We will text {phone} if an earlier appointment comes up {place} before {date}.",
        keep_text: "We will keep that time for you for a short time. The text message has a link to book it and says until when we keep it.",
        ends: "The alert ends on {date}.",
        still_booked: "Your appointment on {date} is still booked. If you take an earlier time, we will move your appointment to it and give up the later one.",
        back_to_appointment: "Back to your appointment",
        not_booked: "You have not booked an appointment.",
        choose_now: "Choose one of the times available now",
        no_longer_heading: "If you no longer want these texts",
        no_longer_text: "If you book another way or no longer need an earlier time, stop the alert so the time goes to someone else.",
        stop_this: "Stop this alert",
        stop_not_found: "We could not find an alert with those details. Check your alert reference and date of birth",
        stopped: "Alert stopped",
        stopped_reference: "Alert {reference}",
        stopped_text: "We will not text you about earlier times for this alert. Any appointment you have booked is not affected.",
        stop_intro: "We will stop texting you about earlier times. Any appointment you have booked stays booked.",
        reference_label: "Alert reference",
        reference_hint: "This is in our text messages and starts ALT, for example ALT-4M8Q",
        stopping: "Stopping the alert…",
        stop_button: "Stop the alert",
        problem_title: "Sorry, there is a problem",
        move_button: "Move my appointment to this time",
        book_button: "Book this time",
        booking: "Booking…",
        offer_intro: "An earlier time has come up and we are keeping it for you.",
        held: "It is held for you {until}.",
        moves_booking: " Your appointment {reference} moves to this time; your current time is given up.",
        confirm_dob: "Confirm your date of birth",
        not_wanted: "If you do not want this time, you need not do anything: it will be offered to someone else. To talk to us, call {phone}.",
        gone_heading: "This time is no longer held for you",
        gone_nearest: "The time in your text message was held for a limited time and has now gone. Nothing has been booked. You can choose one of the nearest free times instead.",
        gone_text: "The time in your text message was held for a limited time. It may have run out, or the link may already have been used.",
        gone_kept: "Your appointment {reference} has not changed: it is still booked at its original time.",
        gone_again: "If you asked us to tell you about earlier times, we will text you again if another one comes up.",
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh"). An alert is an
/// "hysbysiad"; dates after "ar" would need "ddydd", so they stand apart instead.
pub fn cy() -> Words {
    Words {
        any_place: "Unrhyw le â chlinig ar gyfer hyn",
        any_place_hint: "Gyda {band}. Mae'r neges destun yn dweud ble.", // review
        where_hint: "Byddwn yn anfon neges destun atoch am amser cynharach yn y lleoedd a ddewiswch.",
        where_missing: "Dewiswch ble gallech chi fynd",
        before_hint: "Dim ond am amseroedd cyn y dyddiad hwn y byddwn yn anfon neges atoch. Er enghraifft, {example}",
        before_booking: "Unrhyw amser cyn fy apwyntiad presennol ({date})", // review
        before_date: "Dim ond amseroedd cyn dyddiad cynharach",
        before_legend: "Dim ond dweud wrtha i am amseroedd cyn",
        continue_button: "Parhau",
        details_intro: "Mae angen y manylion hyn arnom i ddod o hyd i'ch cofnodion ac i anfon neges destun atoch os daw amser cynharach ar gael.",
        first_name: "Enw cyntaf",
        last_name: "Cyfenw",
        dob_legend: "Dyddiad geni",
        dob_hint: "Er enghraifft, 15 3 1984",
        mobile: "Rhif ffôn symudol",
        mobile_hint: "Byddwn yn anfon neges destun i'r rhif hwn pan ddaw amser cynharach ar gael, a dim ond am hynny.",
        not_set_up: "Ni allem drefnu eich hysbysiad",
        call_to_talk: "I siarad â ni, ffoniwch {phone}.",
        already_have: "Mae gennych hysbysiad ar gyfer yr apwyntiad hwn yn barod",
        already_text: "Byddwn eisoes yn anfon neges destun atoch os daw amser cynharach ar gael. I ofyn am amseroedd gwahanol, {link} yn gyntaf.",
        stop_that_alert: "stopiwch yr hysbysiad hwnnw",
        current_stays: "Bydd eich apwyntiad presennol yn aros wedi'i drefnu oni bai eich bod yn cymryd amser cynharach a gynigiwn i chi.",
        set_up_heading: "Nawr, trefnwch eich hysbysiad",
        set_up_text: "Os daw amser ar gael sy'n addas i'r hyn y gofynnoch amdano, byddwn yn ei gadw i chi am gyfnod byr ac yn anfon neges destun atoch gyda dolen i'w drefnu. Mae'r neges yn dweud am ba hyd y byddwn yn ei gadw.",
        setting_up: "Yn trefnu eich hysbysiad…",
        set_up_button: "Trefnu hysbysiad",
        place_any: "mewn unrhyw le â chlinig ar gyfer hyn",
        place_at: "yn {place}", // review: "yn" mutates a Welsh place name (yng Nghaerdydd)
        reference_lead: "Cyfeirnod eich hysbysiad yw",
        next_heading: "Beth sy'n digwydd nesaf",
        will_text: "Byddwn yn anfon neges destun at {phone} os daw apwyntiad cynharach ar gael {place} cyn {date}.",
        keep_text: "Byddwn yn cadw'r amser hwnnw i chi am gyfnod byr. Mae dolen yn y neges destun i'w drefnu, ac mae'n dweud tan pryd y byddwn yn ei gadw.",
        ends: "Daw'r hysbysiad i ben: {date}.", // review
        still_booked: "Mae eich apwyntiad ({date}) yn dal wedi'i drefnu. Os cymerwch amser cynharach, byddwn yn symud eich apwyntiad iddo ac yn rhyddhau'r un hwyrach.", // review
        back_to_appointment: "Yn ôl i'ch apwyntiad",
        not_booked: "Nid ydych wedi trefnu apwyntiad.",
        choose_now: "Dewis un o'r amseroedd sydd ar gael nawr",
        no_longer_heading: "Os nad ydych eisiau'r negeseuon hyn mwyach",
        no_longer_text: "Os byddwch yn trefnu mewn ffordd arall neu os nad oes angen amser cynharach arnoch mwyach, stopiwch yr hysbysiad fel bod yr amser yn mynd i rywun arall.",
        stop_this: "Stopio'r hysbysiad hwn",
        stop_not_found: "Ni allem ddod o hyd i hysbysiad gyda'r manylion hynny. Gwiriwch gyfeirnod eich hysbysiad a'ch dyddiad geni",
        stopped: "Hysbysiad wedi'i stopio",
        stopped_reference: "Hysbysiad {reference}",
        stopped_text: "Ni fyddwn yn anfon neges destun atoch am amseroedd cynharach ar gyfer yr hysbysiad hwn. Nid yw hyn yn effeithio ar unrhyw apwyntiad rydych wedi'i drefnu.",
        stop_intro: "Byddwn yn stopio anfon negeseuon testun atoch am amseroedd cynharach. Bydd unrhyw apwyntiad rydych wedi'i drefnu yn aros wedi'i drefnu.",
        reference_label: "Cyfeirnod yr hysbysiad",
        reference_hint: "Mae hwn yn ein negeseuon testun ac mae'n dechrau ag ALT, er enghraifft ALT-4M8Q",
        stopping: "Yn stopio'r hysbysiad…",
        stop_button: "Stopio'r hysbysiad",
        problem_title: "Mae'n ddrwg gennym, mae problem wedi codi",
        move_button: "Symud fy apwyntiad i'r amser hwn",
        book_button: "Trefnu'r amser hwn",
        booking: "Yn trefnu…",
        offer_intro: "Mae amser cynharach ar gael ac rydym yn ei gadw i chi.",
        held: "Mae'n cael ei gadw i chi {until}.",
        moves_booking: " Bydd eich apwyntiad {reference} yn symud i'r amser hwn, a byddwn yn rhyddhau eich amser presennol.",
        confirm_dob: "Cadarnhewch eich dyddiad geni",
        not_wanted: "Os nad ydych eisiau'r amser hwn, does dim angen i chi wneud dim: bydd yn cael ei gynnig i rywun arall. I siarad â ni, ffoniwch {phone}.",
        gone_heading: "Nid yw'r amser hwn yn cael ei gadw i chi mwyach",
        gone_nearest: "Roedd yr amser yn eich neges destun yn cael ei gadw am gyfnod cyfyngedig, ac nid yw ar gael mwyach. Nid oes dim wedi'i drefnu. Gallwch ddewis un o'r amseroedd rhydd agosaf yn lle hynny.",
        gone_text: "Roedd yr amser yn eich neges destun yn cael ei gadw am gyfnod cyfyngedig. Efallai ei fod wedi dod i ben, neu fod y ddolen wedi'i defnyddio eisoes.",
        gone_kept: "Nid yw eich apwyntiad {reference} wedi newid: mae'n dal wedi'i drefnu ar ei amser gwreiddiol.",
        gone_again: "Os gofynnoch i ni ddweud wrthych am amseroedd cynharach, byddwn yn anfon neges destun atoch eto os daw un arall ar gael.",
    }
}

pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.alerts)
}
