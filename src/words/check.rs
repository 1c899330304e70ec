//! Check answers, confirmation, the appointment's summary, calendar buttons, feedback, times taken, SMS invites (src/pages/{check,confirmation,invite}.rs, src/components/{appointment,feedback,taken,invite_notice,summary_list}.rs).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        // Check your answers.
        /// Above the nearest times when the time was taken while booking.
        taken_intro: S,
        /// After a failure that may have booked: the button's words are quoted.
        outcome_unknown: S,
        book_heading: S,
        declaration: S,
        book_button: S,
        book_button_sending: S,
        /// Said to screen readers while booking.
        booking_status: S,

        // Confirmation.
        /// Above the booking reference, in the green panel.
        reference_lead: S,
        not_confirmed: S,
        /// When the patient's name is not known.
        the_patient: S,
        /// Booked for someone else: their name and the booker's.
        booked_for: S,
        keep_reference_them: S,
        keep_reference_you: S,
        no_booking_heading: S,
        no_booking_text: S,
        no_booking_link: S,

        // An SMS invite that is unknown or past its date.
        expired_title: S,
        expired_heading: S,
        expired_why: S,
        expired_call: S,
        /// `{link}` is a link with `expired_new_link`'s words.
        expired_new: S,
        expired_new_link: S,

        // What happens next (confirmation and the booking's own page).
        next_heading: S,
        reminders_you: S,
        reminders_them: S,
        /// How the appointment happens, to the patient: by phone, by video, in person.
        how_phone_you: S,
        how_video_you: S,
        how_in_person_you: S,
        /// The same, about the patient to the person who booked for them.
        how_phone_them: S,
        how_video_them: S,
        how_in_person_them: S,
        change_heading: S,
        /// Before the cancel window closes: its date and time.
        change_until: S,
        change_too_late: S,
        /// No cancel window given.
        change_call: S,
        change_link: S,
        cannot_come: S,
        add_to_calendar: S,
        print: S,

        // Feedback.
        feedback_heading: S,
        feedback_thanks: S,
        /// The question, after booking and after cancelling.
        feedback_question_book: S,
        feedback_question_cancel: S,
        /// Very easy, easy, neither, difficult, very difficult (5 to 1).
        feedback_ratings: [S; 5],
        feedback_error_book: S,
        feedback_error_cancel: S,
        feedback_error_long: S,
        feedback_comment: S,
        feedback_comment_hint: S,
        feedback_send: S,
        feedback_sending: S,

        // A time taken by someone else.
        taken_error: S,
        taken_loading: S,
        taken_none: S,
        /// The nearest times' legend: the place's name.
        taken_nearest: S,
        continue_button: S,
        taken_all_times: S,
        help_call: S,


        /// A summary list's link (visually hidden after it: what it changes).
        change: S,
    }
}

pub fn en() -> Words {
    Words {
        taken_intro: "We have kept all your answers. Choose another time and check your answers again.",
        outcome_unknown: "We do not know if your appointment was booked. Select ‘Book appointment’ again: you will not be booked twice.",
        book_heading: "Now book your appointment",
        declaration: "By booking, you confirm that the details you have given are correct to the best of your knowledge.",
        book_button: "Book appointment",
        book_button_sending: "Booking your appointment…",
        booking_status: "Booking your appointment, please wait.",

        reference_lead: "Your booking reference is",
        not_confirmed: "This appointment is not confirmed yet. We will contact you.",
        the_patient: "the patient",
        booked_for: "This appointment is for {patient}. It was booked by {booker}.",
        keep_reference_them: "Keep the reference. You need it, with {patient}’s date of birth, to change or cancel the appointment.",
        keep_reference_you: "Keep your reference. You need it, with your date of birth, to change or cancel your appointment.",
        no_booking_heading: "You have no booking in progress",
        no_booking_text: "If you have just booked, check your text messages for your booking reference.",
        no_booking_link: "Book an appointment",

        expired_title: "This invitation link has expired",
        expired_heading: "This invitation link has expired or is not valid",
        expired_why: "The link in your text message may have expired, or part of it may be missing.",
        expired_call: "To book your follow-up appointment, call {phone}.",
        expired_new: "If you were not asked to book a follow-up, you can {link}.",
        expired_new_link: "book a new appointment",

        next_heading: "What happens next",
        reminders_you: "If you asked for reminders, we will send one the day before your appointment.",
        reminders_them: "If reminders were asked for, we will send one the day before their appointment.",
        how_phone_you: "The physiotherapist will phone you at the time of your appointment. They may call from a withheld number.",
        how_video_you: "We will send you a link to join the video call before your appointment.",
        how_in_person_you: "Please arrive 10 minutes early. Wear loose, comfortable clothing so the physiotherapist can see the area that hurts.",
        how_phone_them: "The physiotherapist will phone them at the time of their appointment. They may call from a withheld number.",
        how_video_them: "We will send them a link to join the video call before their appointment.",
        how_in_person_them: "They should arrive 10 minutes early, in loose, comfortable clothing so the physiotherapist can see the area that hurts.",
        change_heading: "If you need to change or cancel",
        change_until: "You can change or cancel online until {date}. After that, call {phone}.",
        change_too_late: "It is too late to change or cancel this appointment online. Call {phone}.",
        change_call: "To change or cancel, call {phone}.",
        change_link: "Change or cancel this appointment",
        cannot_come: "If you cannot come, please tell us so someone else can have the appointment.",
        add_to_calendar: "Add to calendar",
        print: "Print this page",

        feedback_heading: "Help us improve this service",
        feedback_thanks: "Thank you for your feedback.",
        feedback_question_book: "How easy was it to book an appointment?",
        feedback_question_cancel: "How easy was it to cancel an appointment?",
        feedback_ratings: [
            "Very easy",
            "Easy",
            "Neither easy nor difficult",
            "Difficult",
            "Very difficult",
        ],
        feedback_error_book: "Select how easy it was to book an appointment",
        feedback_error_cancel: "Select how easy it was to cancel an appointment",
        feedback_error_long: "Your comment must be 1,200 characters or fewer",
        feedback_comment: "Tell us more (optional)",
        feedback_comment_hint: "Do not include personal information, like your name, date of birth, NHS number or anything about your health.",
        feedback_send: "Send feedback",
        feedback_sending: "Sending…",

        taken_error: "Select another time",
        taken_loading: "Loading the nearest times",
        taken_none: "There are no other times close to that one.",
        taken_nearest: "Nearest times at {place}",
        continue_button: "Continue",
        taken_all_times: "See all available times",
        help_call: "If you need help, call {phone}.",


        change: "Change",
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {
        taken_intro: "Rydym wedi cadw eich holl atebion. Dewiswch amser arall a gwiriwch eich atebion eto.",
        outcome_unknown: "Nid ydym yn gwybod a gafodd eich apwyntiad ei drefnu. Dewiswch ‘Trefnu apwyntiad’ eto: ni fydd yn cael ei drefnu ddwywaith.",
        book_heading: "Nawr trefnwch eich apwyntiad",
        declaration: "Drwy drefnu, rydych chi'n cadarnhau bod y manylion a roesoch chi'n gywir hyd eithaf eich gwybodaeth.",
        book_button: "Trefnu apwyntiad",
        book_button_sending: "Yn trefnu eich apwyntiad…",
        booking_status: "Yn trefnu eich apwyntiad, arhoswch.",

        reference_lead: "Cyfeirnod eich apwyntiad yw",
        not_confirmed: "Nid yw'r apwyntiad hwn wedi'i gadarnhau eto. Byddwn yn cysylltu â chi.",
        the_patient: "y claf",
        booked_for: "Mae'r apwyntiad hwn ar gyfer {patient}. Cafodd ei drefnu gan {booker}.",
        keep_reference_them: "Cadwch y cyfeirnod. Bydd ei angen arnoch chi, gyda dyddiad geni {patient}, i newid neu ganslo'r apwyntiad.",
        keep_reference_you: "Cadwch eich cyfeirnod. Bydd ei angen arnoch chi, gyda'ch dyddiad geni, i newid neu ganslo eich apwyntiad.",
        no_booking_heading: "Nid oes gennych chi apwyntiad ar y gweill",
        no_booking_text: "Os ydych chi newydd drefnu apwyntiad, edrychwch ar eich negeseuon testun am eich cyfeirnod.",
        no_booking_link: "Trefnu apwyntiad",

        expired_title: "Mae'r ddolen wahodd hon wedi dod i ben",
        expired_heading: "Mae'r ddolen wahodd hon wedi dod i ben neu nid yw'n ddilys",
        expired_why: "Efallai fod y ddolen yn eich neges destun wedi dod i ben, neu fod rhan ohoni ar goll.",
        expired_call: "I drefnu eich apwyntiad dilynol, ffoniwch {phone}.",
        expired_new: "Os na ofynnwyd i chi drefnu apwyntiad dilynol, gallwch {link}.",
        // Soft-mutated after "gallwch".
        expired_new_link: "drefnu apwyntiad newydd",

        next_heading: "Beth sy'n digwydd nesaf",
        reminders_you: "Os gofynnoch chi am nodiadau atgoffa, byddwn yn anfon un y diwrnod cyn eich apwyntiad.",
        reminders_them: "Os gofynnwyd am nodiadau atgoffa, byddwn yn anfon un y diwrnod cyn eu hapwyntiad.",
        how_phone_you: "Bydd y ffisiotherapydd yn eich ffonio ar amser eich apwyntiad. Efallai y bydd yn ffonio o rif cudd.",
        how_video_you: "Byddwn yn anfon dolen atoch chi i ymuno â'r alwad fideo cyn eich apwyntiad.",
        how_in_person_you: "Dewch 10 munud yn gynnar. Gwisgwch ddillad llac, cyfforddus er mwyn i'r ffisiotherapydd allu gweld y man sy'n brifo.",
        how_phone_them: "Bydd y ffisiotherapydd yn eu ffonio ar amser eu hapwyntiad. Efallai y bydd yn ffonio o rif cudd.",
        how_video_them: "Byddwn yn anfon dolen atyn nhw i ymuno â'r alwad fideo cyn eu hapwyntiad.",
        how_in_person_them: "Dylen nhw gyrraedd 10 munud yn gynnar, mewn dillad llac, cyfforddus er mwyn i'r ffisiotherapydd allu gweld y man sy'n brifo.",
        change_heading: "Os oes angen i chi newid neu ganslo",
        change_until: "Gallwch newid neu ganslo ar-lein tan {date}. Ar ôl hynny, ffoniwch {phone}.",
        change_too_late: "Mae'n rhy hwyr i newid neu ganslo'r apwyntiad hwn ar-lein. Ffoniwch {phone}.",
        change_call: "I newid neu ganslo, ffoniwch {phone}.",
        change_link: "Newid neu ganslo'r apwyntiad hwn",
        cannot_come: "Os na allwch chi ddod, rhowch wybod i ni er mwyn i rywun arall gael yr apwyntiad.",
        add_to_calendar: "Ychwanegu at y calendr",
        print: "Argraffu'r dudalen hon",

        feedback_heading: "Helpwch ni i wella'r gwasanaeth hwn",
        feedback_thanks: "Diolch am eich adborth.",
        feedback_question_book: "Pa mor hawdd oedd trefnu apwyntiad?",
        feedback_question_cancel: "Pa mor hawdd oedd canslo apwyntiad?",
        feedback_ratings: [
            "Hawdd iawn",
            "Hawdd",
            "Ddim yn hawdd nac yn anodd",
            "Anodd",
            "Anodd iawn",
        ],
        feedback_error_book: "Dewiswch pa mor hawdd oedd trefnu apwyntiad",
        feedback_error_cancel: "Dewiswch pa mor hawdd oedd canslo apwyntiad",
        feedback_error_long: "Rhaid i'ch sylw fod yn 1,200 o nodau neu lai",
        feedback_comment: "Dywedwch fwy wrthym (dewisol)",
        feedback_comment_hint: "Peidiwch â chynnwys gwybodaeth bersonol, fel eich enw, dyddiad geni, rhif GIG nac unrhyw beth am eich iechyd.",
        feedback_send: "Anfon adborth",
        feedback_sending: "Yn anfon…",

        taken_error: "Dewiswch amser arall",
        taken_loading: "Yn llwytho'r amseroedd agosaf",
        taken_none: "Nid oes amseroedd eraill yn agos at yr un hwnnw.",
        // review: "yn" would mutate the place's name, which comes from the API as it is.
        taken_nearest: "Yr amseroedd agosaf yn {place}",
        continue_button: "Parhau",
        taken_all_times: "Gweld yr holl amseroedd sydd ar gael",
        help_call: "Os oes angen help arnoch chi, ffoniwch {phone}.",


        change: "Newid",
    }
}

pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.check)
}
