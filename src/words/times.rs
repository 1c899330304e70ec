//! Choosing a time: the slot picker, its times and the time page (src/components/slot_picker, src/pages/slot.rs).

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
    super::pick(en, |w| &w.times)
}
