//! Each page's heading and the tab's title (`Step::title` in the journey module).

use crate::lang::S;

crate::words! {
    /// Each page's heading and title, and how a tab's title is made.
    pub struct Titles {
        start: S,
        service: S,
        screening: S,
        urgent: S,
        band: S,
        locality: S,
        slot: S,
        who_for: S,
        booker: S,
        details: S,
        support: S,
        needs: S,
        check: S,
        confirmation: S,
        accessibility: S,
        not_found: S,
        manage_find: S,
        manage_booking: S,
        manage_cancel: S,
        manage_cancelled: S,
        manage_slot: S,
        manage_check: S,
        manage_changed: S,
        offer: S,
        alert_where: S,
        alert_before: S,
        alert_details: S,
        alert_check: S,
        alert_set: S,
        alert_stop: S,
        /// "Choose a time – Book a physiotherapy appointment – NHS"
        page: S,
        /// The start page's own title: the service's name is said once.
        start_page: S,
        /// Before a title while the page shows errors.
        error: S,
    }
}

/// English, as data: the main module reads this area, so its strings are there anyway, and
/// copying a constant is less code than building the struct field by field.
const EN: Titles = Titles {
    start: "Book a physiotherapy appointment",
    service: "What do you need an appointment for?",
    screening: "Do you have any of these symptoms?",
    urgent: "Get help now",
    band: "Who do you need to see?",
    locality: "Where would you like your appointment?",
    slot: "Choose a time",
    who_for: "Who is this appointment for?",
    booker: "About you",
    details: "Your details",
    support: "Do you need any support at your appointment?",
    needs: "What support do you need?",
    check: "Check your answers before booking",
    confirmation: "Appointment booked",
    accessibility: "Accessibility statement",
    not_found: "Page not found",
    manage_find: "Find your appointment",
    manage_booking: "Your appointment",
    manage_cancel: "Are you sure you want to cancel this appointment?",
    manage_cancelled: "Appointment cancelled",
    manage_slot: "Choose a new time",
    manage_check: "Check your new time",
    manage_changed: "Appointment changed",
    offer: "An earlier time is held for you",
    alert_where: "Where could you go for an earlier appointment?",
    alert_before: "Which times should we tell you about?",
    alert_details: "Who should we text?",
    alert_check: "Check your answers before we set up your alert",
    alert_set: "We will text you if an earlier time comes up",
    alert_stop: "Stop texts about earlier times",
    page: "{title} – {service} – NHS",
    start_page: "{service} – NHS",
    error: "Error: ",
};

pub fn en() -> Titles {
    EN
}

/// Welsh: every heading needs a translator's review (`lang`).
pub fn cy() -> Titles {
    Titles {
        start: "Trefnu apwyntiad ffisiotherapi",
        service: "Ar gyfer beth mae angen apwyntiad arnoch chi?",
        screening: "A oes gennych chi unrhyw un o'r symptomau hyn?",
        urgent: "Cael help nawr",
        band: "Pwy sydd angen i chi ei weld?",
        locality: "Ble hoffech chi gael eich apwyntiad?",
        slot: "Dewiswch amser",
        who_for: "Ar gyfer pwy mae'r apwyntiad hwn?",
        booker: "Amdanoch chi",
        details: "Eich manylion",
        support: "A oes angen unrhyw gymorth arnoch chi yn eich apwyntiad?",
        needs: "Pa gymorth sydd ei angen arnoch chi?",
        check: "Gwiriwch eich atebion cyn trefnu",
        confirmation: "Apwyntiad wedi'i drefnu",
        accessibility: "Datganiad hygyrchedd",
        not_found: "Heb ddod o hyd i'r dudalen",
        manage_find: "Dod o hyd i'ch apwyntiad",
        manage_booking: "Eich apwyntiad",
        manage_cancel: "Ydych chi'n siŵr eich bod eisiau canslo'r apwyntiad hwn?",
        manage_cancelled: "Apwyntiad wedi'i ganslo",
        manage_slot: "Dewiswch amser newydd",
        manage_check: "Gwiriwch eich amser newydd",
        manage_changed: "Apwyntiad wedi'i newid",
        offer: "Mae amser cynharach yn cael ei gadw i chi",
        alert_where: "Ble gallech chi fynd am apwyntiad cynharach?",
        alert_before: "Am ba amseroedd ddylen ni ddweud wrthych chi?",
        alert_details: "I bwy ddylen ni anfon neges destun?",
        alert_check: "Gwiriwch eich atebion cyn i ni drefnu eich hysbysiad",
        alert_set: "Byddwn yn anfon neges destun atoch chi os bydd amser cynharach ar gael",
        alert_stop: "Stopio negeseuon testun am amseroedd cynharach",
        page: "{title} – {service} – GIG",
        start_page: "{service} – GIG",
        error: "Gwall: ",
    }
}

/// The titles in the patient's language.
pub fn titles() -> &'static Titles {
    super::pick_const(&EN, |w| &w.titles)
}
