//! The booking questions: service, symptoms, urgent help, clinician, place, who for, about you, details, support (src/pages/{service,screening,urgent,band,locality,who_for,booker,details,support,needs}.rs, the question gate in src/pages/mod.rs).
//!
//! A question asked about someone else (booking for them) has its own `_them` message: the
//! whole sentence, never "your" swapped for "their".

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        /// The symptoms question's hint in Welsh (the API's own is English only).
        screening_hint: S,
        // The question gate (pages/mod.rs).
        /// The tab's title when the service list or invite cannot be fetched.
        problem_title: S,
        /// The trust offers no service online: the tab's title, then the heading.
        closed_title: S,
        closed_heading: S,
        /// The phone number is a link.
        closed_call: S,

        // What do you need an appointment for?
        service_missing: S,

        // Do you have any of these symptoms?
        screening_missing: S,
        /// The answer that rules out the symptoms.
        none_of_these: S,

        // Get help now.
        /// The care card's phone link: "Call 999".
        urgent_call: S,
        urgent_nothing_sent: S,

        // Who do you need to see?
        band_hint: S,
        band_missing: S,

        // Where would you like your appointment?
        loading_places: S,
        /// No place has a free time: the tab's title and the heading.
        no_places: S,
        no_places_text: S,
        /// The phone number is a link.
        no_places_call: S,
        /// Above the list of places with no free time.
        full_heading: S,
        /// The phone number is a link.
        full_call: S,
        locality_missing: S,

        // Who is this appointment for?
        someone_else_hint: S,
        who_for_missing: S,

        // About you (the person booking for someone else).
        booker_intro: S,
        booker_name: S,
        booker_relationship: S,
        booker_relationship_hint: S,
        booker_phone: S,
        booker_phone_hint: S,

        // Your details / Their details.
        details_title_them: S,
        details_intro: S,
        details_intro_them: S,
        first_name: S,
        last_name: S,
        dob: S,
        dob_them: S,
        dob_hint: S,
        nhs_number: S,
        nhs_number_them: S,
        nhs_number_hint: S,
        no_nhs_number: S,
        no_nhs_number_them: S,
        no_nhs_hint: S,
        no_nhs_hint_them: S,
        phone: S,
        phone_them: S,
        phone_hint: S,
        phone_hint_them: S,
        email: S,
        email_them: S,
        reminders: S,
        reminders_them: S,
        reminders_hint: S,
        reminders_hint_them: S,
        remind_sms: S,
        remind_email: S,

        // Do you need any support at your appointment?
        support_question_them: S,
        support_hint: S,
        support_missing: S,
        support_missing_them: S,
        /// The answers to the support question.
        yes: S,
        no: S,

        // What support do you need?
        needs_title_them: S,
        needs_intro: S,
        needs_intro_them: S,
        interpreter: S,
        interpreter_hint: S,
        letters: S,
        letters_hint: S,
        /// Above the chosen place's own access notes: "At Hinchingbrooke Hospital".
        at_place: S,
        /// The access question's legend.
        at_appointment: S,
        at_appointment_them: S,
        other: S,
        other_hint: S,
    }
}

pub fn en() -> Words {
    Words {
        screening_hint: "Select all that apply.",
        problem_title: "Sorry, there is a problem",
        closed_title: "No appointments can be booked online",
        closed_heading: "No appointments can be booked online at the moment",
        closed_call: "To book, call {phone}.",
        service_missing: "Select what you need an appointment for",
        screening_missing: "Select any symptoms you have, or select ‘None of these’",
        none_of_these: "None of these",
        urgent_call: "Call {phone}",
        urgent_nothing_sent: "You have not booked an appointment. Nothing you told us has been sent.",
        band_hint: "If you are not sure, choose a physiotherapist. They will ask a senior colleague if you need one.",
        band_missing: "Select who you need to see",
        loading_places: "Loading places",
        no_places: "No appointments available online",
        no_places_text: "There are no appointments you can book online for this clinician at the moment.",
        no_places_call: "Call {phone} to book.",
        full_heading: "No appointments available online at",
        full_call: "To book at one of these places, call {phone}.",
        locality_missing: "Select where you would like your appointment",
        someone_else_hint: "For example, a family member or someone you care for. You will need their details.",
        who_for_missing: "Select who the appointment is for",
        booker_intro: "You are booking for someone else. We will ask for their details next. We will only contact you if we need to talk about this appointment.",
        booker_name: "Your full name",
        booker_relationship: "Your relationship to them",
        booker_relationship_hint: "For example, daughter, husband or carer",
        booker_phone: "Your phone number",
        booker_phone_hint: "A mobile or landline number we can call you on",
        details_title_them: "Their details",
        details_intro: "We need these details to book your appointment and to find your NHS records.",
        details_intro_them: "Tell us about the person the appointment is for. We need these details to book their appointment and to find their NHS records.",
        first_name: "First name",
        last_name: "Last name",
        dob: "Date of birth",
        dob_them: "Their date of birth",
        dob_hint: "For example, 15 3 1984",
        nhs_number: "NHS number",
        nhs_number_them: "Their NHS number",
        nhs_number_hint: "This is a 10 digit number, like 943 476 5919. You can find it on letters from the NHS, on a prescription or in the NHS App.",
        no_nhs_number: "I do not know my NHS number",
        no_nhs_number_them: "I do not know their NHS number",
        no_nhs_hint: "You can still book. We will need your mobile phone number instead.",
        no_nhs_hint_them: "You can still book. We will need their mobile phone number instead.",
        phone: "Mobile phone number",
        phone_them: "Their mobile phone number",
        phone_hint: "We will only use this to contact you about your appointment.",
        phone_hint_them: "We will only use this to contact them about their appointment.",
        email: "Email address (optional)",
        email_them: "Their email address (optional)",
        reminders: "How would you like to be reminded? (optional)",
        reminders_them: "How would they like to be reminded? (optional)",
        reminders_hint: "We will remind you the day before your appointment. Select all that apply.",
        reminders_hint_them: "We will remind them the day before their appointment. Select all that apply.",
        remind_sms: "By text message",
        remind_email: "By email",
        support_question_them: "Do they need any support at their appointment?",
        support_hint: "For example, an interpreter, letters in large print or easy read, step-free access or a longer appointment.",
        support_missing: "Select yes if you need any support",
        support_missing_them: "Select yes if they need any support",
        yes: "Yes",
        no: "No",
        needs_title_them: "What support do they need?",
        needs_intro: "Tell us what would help. We will add it to your record so that staff can plan for it. Choose as many as apply.",
        needs_intro_them: "Tell us what would help. We will add it to their record so that staff can plan for it. Choose as many as apply.",
        interpreter: "Interpreter (optional)",
        interpreter_hint: "If an interpreter is needed, type the language, for example Polish or British Sign Language. Leave it blank if not.",
        letters: "Letters and information",
        letters_hint: "How we should send letters and information.",
        at_place: "At {place}",
        at_appointment: "At your appointment",
        at_appointment_them: "At their appointment",
        other: "Anything else (optional)",
        other_hint: "For example, a medical condition or disability we should know about.",
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {
        screening_hint: "Dewiswch bob un sy'n berthnasol.",
        problem_title: "Mae'n ddrwg gennym, mae problem",
        closed_title: "Ni ellir trefnu apwyntiadau ar-lein",
        closed_heading: "Ni ellir trefnu apwyntiadau ar-lein ar hyn o bryd",
        closed_call: "I drefnu, ffoniwch {phone}.",
        service_missing: "Dewiswch ar gyfer beth mae angen apwyntiad arnoch chi",
        screening_missing: "Dewiswch unrhyw symptomau sydd gennych chi, neu dewiswch ‘Dim un o'r rhain’",
        none_of_these: "Dim un o'r rhain",
        urgent_call: "Ffoniwch {phone}",
        urgent_nothing_sent: "Nid ydych chi wedi trefnu apwyntiad. Nid ydym wedi anfon dim a ddywedoch chi wrthym.",
        band_hint: "Os nad ydych chi'n siŵr, dewiswch ffisiotherapydd. Bydd yn gofyn i uwch gydweithiwr os oes angen un arnoch chi.",
        band_missing: "Dewiswch pwy sydd angen i chi ei weld",
        loading_places: "Yn llwytho lleoedd",
        no_places: "Dim apwyntiadau ar gael ar-lein",
        no_places_text: "Nid oes apwyntiadau y gallwch eu trefnu ar-lein gyda'r clinigydd hwn ar hyn o bryd.",
        no_places_call: "Ffoniwch {phone} i drefnu.",
        // review: the list of places follows; "yn" would mutate a place's name, so "these places".
        full_heading: "Dim apwyntiadau ar gael ar-lein yn y lleoedd hyn",
        full_call: "I drefnu yn un o'r lleoedd hyn, ffoniwch {phone}.",
        locality_missing: "Dewiswch ble hoffech chi gael eich apwyntiad",
        someone_else_hint: "Er enghraifft, aelod o'r teulu neu rywun rydych chi'n gofalu amdano. Bydd angen eu manylion arnoch chi.",
        who_for_missing: "Dewiswch ar gyfer pwy mae'r apwyntiad",
        booker_intro: "Rydych chi'n trefnu ar gyfer rhywun arall. Byddwn yn gofyn am eu manylion nesaf. Byddwn ond yn cysylltu â chi os bydd angen i ni siarad am yr apwyntiad hwn.",
        booker_name: "Eich enw llawn",
        booker_relationship: "Eich perthynas â nhw",
        booker_relationship_hint: "Er enghraifft, merch, gŵr neu ofalwr",
        booker_phone: "Eich rhif ffôn",
        booker_phone_hint: "Rhif ffôn symudol neu linell dir y gallwn eich ffonio arno",
        details_title_them: "Eu manylion",
        details_intro: "Mae angen y manylion hyn arnom i drefnu eich apwyntiad ac i ddod o hyd i'ch cofnodion GIG.",
        details_intro_them: "Dywedwch wrthym am y person mae'r apwyntiad ar ei gyfer. Mae angen y manylion hyn arnom i drefnu eu hapwyntiad ac i ddod o hyd i'w cofnodion GIG.",
        first_name: "Enw cyntaf",
        last_name: "Cyfenw",
        dob: "Dyddiad geni",
        dob_them: "Eu dyddiad geni",
        dob_hint: "Er enghraifft, 15 3 1984",
        nhs_number: "Rhif GIG",
        nhs_number_them: "Eu rhif GIG",
        nhs_number_hint: "Mae hwn yn rhif 10 digid, fel 943 476 5919. Gallwch ddod o hyd iddo ar lythyrau gan y GIG, ar bresgripsiwn neu yn Ap GIG.",
        no_nhs_number: "Nid wyf yn gwybod fy rhif GIG",
        no_nhs_number_them: "Nid wyf yn gwybod eu rhif GIG",
        no_nhs_hint: "Gallwch drefnu o hyd. Bydd angen eich rhif ffôn symudol arnom yn lle hynny.",
        no_nhs_hint_them: "Gallwch drefnu o hyd. Bydd angen eu rhif ffôn symudol arnom yn lle hynny.",
        phone: "Rhif ffôn symudol",
        phone_them: "Eu rhif ffôn symudol",
        phone_hint: "Byddwn ond yn defnyddio hwn i gysylltu â chi am eich apwyntiad.",
        phone_hint_them: "Byddwn ond yn defnyddio hwn i gysylltu â nhw am eu hapwyntiad.",
        email: "Cyfeiriad e-bost (dewisol)",
        email_them: "Eu cyfeiriad e-bost (dewisol)",
        reminders: "Sut hoffech chi gael eich atgoffa? (dewisol)",
        reminders_them: "Sut hoffen nhw gael eu hatgoffa? (dewisol)",
        reminders_hint: "Byddwn yn eich atgoffa y diwrnod cyn eich apwyntiad. Dewiswch bob un sy'n berthnasol.",
        reminders_hint_them: "Byddwn yn eu hatgoffa y diwrnod cyn eu hapwyntiad. Dewiswch bob un sy'n berthnasol.",
        remind_sms: "Drwy neges destun",
        remind_email: "Drwy e-bost",
        support_question_them: "A oes angen unrhyw gymorth arnyn nhw yn eu hapwyntiad?",
        support_hint: "Er enghraifft, cyfieithydd, llythyrau mewn print bras neu hawdd eu darllen, mynediad heb risiau neu apwyntiad hirach.",
        support_missing: "Dewiswch ‘Oes’ os oes angen unrhyw gymorth arnoch chi",
        support_missing_them: "Dewiswch ‘Oes’ os oes angen unrhyw gymorth arnyn nhw",
        // The answers to "A oes angen…?".
        yes: "Oes",
        no: "Nac oes",
        needs_title_them: "Pa gymorth sydd ei angen arnyn nhw?",
        needs_intro: "Dywedwch wrthym beth fyddai'n helpu. Byddwn yn ei ychwanegu at eich cofnod er mwyn i staff allu cynllunio ar ei gyfer. Dewiswch gymaint ag sy'n berthnasol.",
        needs_intro_them: "Dywedwch wrthym beth fyddai'n helpu. Byddwn yn ei ychwanegu at eu cofnod er mwyn i staff allu cynllunio ar ei gyfer. Dewiswch gymaint ag sy'n berthnasol.",
        // review: "cyfieithydd" for a spoken or signed interpreter ("dehonglydd" for BSL?).
        interpreter: "Cyfieithydd (dewisol)",
        interpreter_hint: "Os oes angen cyfieithydd, teipiwch yr iaith, er enghraifft Pwyleg neu Iaith Arwyddion Prydain. Gadewch y blwch yn wag os nad oes angen.",
        letters: "Llythyrau a gwybodaeth",
        letters_hint: "Sut dylem anfon llythyrau a gwybodaeth.",
        // review: a place's name from the API is not mutated after "yn".
        at_place: "Yn {place}",
        at_appointment: "Yn eich apwyntiad",
        at_appointment_them: "Yn eu hapwyntiad",
        other: "Unrhyw beth arall (dewisol)",
        other_hint: "Er enghraifft, cyflwr meddygol neu anabledd y dylem wybod amdano.",
    }
}

pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.questions)
}
