//! Finding, changing and cancelling a booking (src/pages/manage, src/components/reference_form.rs).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        /// "What you can do now" after something that cannot go on: its heading and ways on.
        ways_heading: S,
        ways_book: S,
        ways_change: S,
        /// The phone number (with opening hours) is a link.
        ways_call: S,
        /// Find: said once for both fields when no booking matches.
        not_found: S,
        find_intro: S,
        /// Find's box label, and the lead above the reference once cancelled.
        reference_label: S,
        reference_hint: S,
        dob_legend: S,
        dob_hint: S,
        /// The button while the look-up is on its way.
        finding: S,
        find_button: S,
        /// Find, for someone with an alert but no booking: `{link}` is `stop_texts`.
        asked_for_texts: S,
        stop_texts: S,
        /// Above "Your appointment".
        reference_caption: S,
        /// The status tag: booked, cancelled, anything else.
        statuses: [S; 3],
        cancelled_note: S,
        book_new: S,
        /// `{time}`: "Monday 29 March 2027 at 9:15am".
        change_until: S,
        change_time: S,
        cancel_appointment: S,
        too_late: S,
        /// "Call" and the phone number as a link.
        call: S,
        earlier_heading: S,
        earlier_text: S,
        earlier_link: S,
        /// `{link}` is `stop_texts`.
        already_asked: S,
        /// Cancel: too late, then (after `cancel_until` when the limit is known) how to cancel.
        too_late_to_cancel: S,
        /// A whole sentence with a space after it: `cancel_call` follows.
        cancel_until: S,
        cancel_call: S,
        reason_legend: S,
        reason_hint: S,
        cancelling: S,
        confirm_cancel: S,
        keep: S,
        cancelled_text: S,
        book_another: S,
        /// The time taken meanwhile: `{time}` is the booking's time.
        original_kept: S,
        too_late_to_change: S,
        /// `{phone}`: the number as a link.
        too_late_to_change_call: S,
        kept_until_confirmed: S,
        changing: S,
        confirm_new_time: S,
        /// Above the reference when the time has moved.
        reference_still: S,
        changed_text: S,
    }
}

pub fn en() -> Words {
    Words {
        ways_heading: "What you can do now",
        ways_book: "Book an appointment online",
        ways_change: "Change or cancel an appointment you have already booked",
        ways_call: "Call {phone}",
        not_found: "We could not find a booking with those details. Check your booking reference and date of birth",
        find_intro: "To change or cancel your appointment, enter your booking reference and date of birth. Your reference is in the text message we sent you and on your confirmation page.",
        reference_label: "Booking reference",
        reference_hint: "For example, PHY-7K3Q9D",
        dob_legend: "Date of birth",
        dob_hint: "For example, 15 3 1984",
        finding: "Finding your appointment…",
        find_button: "Find appointment",
        asked_for_texts: "Asked us to text you about earlier times? {link}",
        stop_texts: "Stop texts about earlier times",
        reference_caption: "Reference {reference}",
        statuses: ["Booked", "Cancelled", "Being confirmed"],
        cancelled_note: "This appointment has been cancelled.",
        book_new: "Book a new appointment",
        change_until: "You can change or cancel online until {time}.",
        change_time: "Change the time",
        cancel_appointment: "Cancel appointment",
        too_late: "It is too late to change or cancel this appointment online.",
        call: "Call {phone}.",
        earlier_heading: "Would an earlier time suit you?",
        earlier_text: "We can text you if an earlier time comes up, and move your appointment if you take it.",
        earlier_link: "Get a text if an earlier time comes up",
        already_asked: "Already asked for texts? {link}",
        too_late_to_cancel: "It is too late to cancel online",
        cancel_until: "Appointments can only be cancelled online until {time}. ",
        cancel_call: "To cancel, call {phone}.",
        reason_legend: "Why are you cancelling? (optional)",
        reason_hint: "This helps us plan appointments.",
        cancelling: "Cancelling…",
        confirm_cancel: "Yes, cancel appointment",
        keep: "No, keep my appointment",
        cancelled_text: "Your appointment has been cancelled. Someone else can now have that time.",
        book_another: "Book another appointment",
        original_kept: "Your original appointment on {time} is kept. You can choose another time.",
        too_late_to_change: "It is too late to change this appointment online",
        too_late_to_change_call: "Call {phone}. Your appointment has not changed.",
        kept_until_confirmed: "Your current appointment is kept until the new time is confirmed.",
        changing: "Changing your appointment…",
        confirm_new_time: "Confirm new time",
        reference_still: "Your booking reference is still",
        changed_text: "Your appointment has moved to the new time below. Your old time has been given up.",
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {
        ways_heading: "Beth allwch chi ei wneud nawr",
        ways_book: "Trefnu apwyntiad ar-lein",
        ways_change: "Newid neu ganslo apwyntiad rydych chi eisoes wedi'i drefnu",
        ways_call: "Ffoniwch {phone}",
        not_found: "Ni allem ddod o hyd i apwyntiad gyda'r manylion hynny. Gwiriwch gyfeirnod eich apwyntiad a'ch dyddiad geni",
        find_intro: "I newid neu ganslo eich apwyntiad, rhowch eich cyfeirnod archebu a'ch dyddiad geni. Mae'r cyfeirnod yn y neges destun a anfonwyd atoch ac ar eich tudalen gadarnhau.",
        reference_label: "Cyfeirnod archebu",
        reference_hint: "Er enghraifft, PHY-7K3Q9D",
        dob_legend: "Dyddiad geni",
        dob_hint: "Er enghraifft, 15 3 1984",
        finding: "Yn chwilio am eich apwyntiad…",
        find_button: "Chwilio am apwyntiad",
        asked_for_texts: "Wedi gofyn am negeseuon am amseroedd cynharach? {link}",
        stop_texts: "Stopio negeseuon testun am amseroedd cynharach",
        reference_caption: "Cyfeirnod {reference}",
        statuses: ["Wedi'i drefnu", "Wedi'i ganslo", "Wrthi'n cael ei gadarnhau"], // review
        cancelled_note: "Mae'r apwyntiad hwn wedi'i ganslo.",
        book_new: "Trefnu apwyntiad newydd",
        change_until: "Gallwch newid neu ganslo ar-lein tan {time}.",
        change_time: "Newid yr amser",
        cancel_appointment: "Canslo'r apwyntiad",
        too_late: "Mae'n rhy hwyr i newid neu ganslo'r apwyntiad hwn ar-lein.",
        call: "Ffoniwch {phone}.",
        earlier_heading: "A fyddai amser cynharach yn gyfleus?",
        earlier_text: "Gallwn anfon neges destun atoch os daw amser cynharach ar gael, a symud eich apwyntiad os byddwch yn ei gymryd.",
        earlier_link: "Cael neges destun os daw amser cynharach ar gael",
        already_asked: "Wedi gofyn am negeseuon yn barod? {link}",
        too_late_to_cancel: "Mae'n rhy hwyr i ganslo ar-lein",
        cancel_until: "Dim ond tan {time} y gellir canslo apwyntiadau ar-lein. ",
        cancel_call: "I ganslo, ffoniwch {phone}.",
        reason_legend: "Pam ydych chi'n canslo? (dewisol)",
        reason_hint: "Mae hyn yn ein helpu i gynllunio apwyntiadau.",
        cancelling: "Yn canslo…",
        confirm_cancel: "Ydw, canslo'r apwyntiad",
        keep: "Nac ydw, cadw fy apwyntiad",
        cancelled_text: "Mae eich apwyntiad wedi'i ganslo. Gall rhywun arall gael yr amser hwnnw nawr.",
        book_another: "Trefnu apwyntiad arall",
        // "ar" would need "ddydd" after it: the time is set apart instead.
        original_kept: "Rydym wedi cadw eich apwyntiad gwreiddiol ({time}). Gallwch ddewis amser arall.", // review
        too_late_to_change: "Mae'n rhy hwyr i newid yr apwyntiad hwn ar-lein",
        too_late_to_change_call: "Ffoniwch {phone}. Nid yw eich apwyntiad wedi newid.",
        kept_until_confirmed: "Rydym yn cadw eich apwyntiad presennol nes bod yr amser newydd wedi'i gadarnhau.",
        changing: "Yn newid eich apwyntiad…",
        confirm_new_time: "Cadarnhau'r amser newydd",
        reference_still: "Cyfeirnod eich apwyntiad o hyd yw", // review
        changed_text: "Mae eich apwyntiad wedi symud i'r amser newydd isod. Rydym wedi rhyddhau eich hen amser.",
    }
}

pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.manage)
}
