//! The booking questions: service, symptoms, urgent help, clinician, place, who for, about you, details, support (src/pages/{service,screening,urgent,band,locality,who_for,booker,details,support,needs}.rs, the question gate in src/pages/mod.rs).

#[allow(unused_imports)]
use booking_domain::lang::{Plural, S};

booking_domain::words! {
    pub struct Words {
    }
}

pub fn en() -> Words {
    Words {}
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {}
}

pub fn words() -> Words {
    super::pick(en, |w| &w.questions)
}
