//! The start page (its English also in index.html's static shell, shown before the app loads).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        // An SMS invite's notice: the date to book by, and the clinician's kind in lower case.
        invited: S,
        invited_with: S,
        lead: S,
        time: S,
        before: S,
        need: S,
        nhs_number: S,
        mobile: S,
        start_now: S,
        change_link: S,
        other_ways: S,
        /// Only in index.html's static shell, inside `<noscript>`.
        no_script: S,
    }
}

/// English, as data: the main module reads this area, so its strings are there anyway, and
/// copying a constant is less code than building the struct field by field.
const EN: Words = Words {
        invited: "You have been invited to book a follow-up physiotherapy appointment. Book by {until}.",
        invited_with: "You have been invited to book a follow-up physiotherapy appointment with a {clinician}. Book by {until}.",
    lead: "Use this service to book an NHS physiotherapy appointment for problems with your muscles, bones or joints, such as back, neck or knee pain.",
    time: "It takes about 5 minutes. You can choose where and when to be seen.",
    before: "Before you start",
    need: "You will need:",
    nhs_number: "your NHS number, if you know it – it is on letters from the NHS, on prescriptions and in the NHS App",
    mobile: "a mobile phone number",
    start_now: "Start now",
    change_link: "Change or cancel an appointment you have already booked",
    other_ways: "Other ways to book",
    no_script: "This service needs JavaScript to book online.",
};

pub fn en() -> Words {
    EN
}

/// review: all.
pub fn cy() -> Words {
    Words {
        invited: "Rydych chi wedi cael gwahoddiad i drefnu apwyntiad ffisiotherapi dilynol. Trefnwch erbyn {until}.",
        // review: the clinician's kind comes from the API (in English until it gives Welsh).
        invited_with: "Rydych chi wedi cael gwahoddiad i drefnu apwyntiad ffisiotherapi dilynol gyda {clinician}. Trefnwch erbyn {until}.",
    lead: "Defnyddiwch y gwasanaeth hwn i drefnu apwyntiad ffisiotherapi GIG ar gyfer problemau gyda'ch cyhyrau, esgyrn neu gymalau, fel poen cefn, gwddf neu ben-glin.",
    time: "Mae'n cymryd tua 5 munud. Gallwch ddewis ble a phryd i gael eich gweld.",
    before: "Cyn i chi ddechrau",
    need: "Bydd angen:",
    nhs_number: "eich rhif GIG, os ydych chi'n ei wybod – mae ar lythyrau gan y GIG, ar bresgripsiynau ac yn Ap GIG",
    mobile: "rhif ffôn symudol",
    start_now: "Dechrau nawr",
    change_link: "Newid neu ganslo apwyntiad rydych chi eisoes wedi'i drefnu",
    other_ways: "Ffyrdd eraill o drefnu",
    no_script: "Mae angen JavaScript ar y gwasanaeth hwn i drefnu ar-lein.",
    }
}

pub fn words() -> &'static Words {
    super::pick_const(&EN, |w| &w.start)
}
