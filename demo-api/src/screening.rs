//! Urgent-symptom questions a service asks before a routine booking (contract 1.1, `screening`).
//! The words are the clinicians' and are shown as given; these are the contract's own example,
//! the cauda equina red flags for back pain.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Screening {
    pub question: &'static str,
    pub hint: &'static str,
    pub symptoms: &'static [Symptom],
    pub urgent: Urgent,
}

#[derive(Debug, Serialize)]
pub struct Symptom {
    pub id: &'static str,
    pub text: &'static str,
}

/// What a patient who has any of the symptoms is told instead of booking.
#[derive(Debug, Serialize)]
pub struct Urgent {
    pub heading: &'static str,
    pub text: &'static str,
    pub phone: &'static str,
}

/// Physiotherapy (muscles, bones and joints).
pub const PHYSIO_MSK: Screening = Screening {
    question: "Do you have any of these symptoms?",
    hint: "Select all that apply.",
    symptoms: &[
        Symptom {
            id: "cauda-equina",
            text: "New problems controlling your bladder or bowels",
        },
        Symptom {
            id: "saddle",
            text: "Numbness around your genitals or bottom",
        },
        Symptom {
            id: "both-legs",
            text: "Numbness, pins and needles or weakness in both legs",
        },
    ],
    urgent: Urgent {
        heading: "Get help now",
        text: "Call 999 or go to A&E now. Do not book a physiotherapy appointment.",
        phone: "999",
    },
};
