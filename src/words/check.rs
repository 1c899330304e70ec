//! Check answers, confirmation, the appointment's summary, calendar buttons, feedback, times taken, SMS invites (src/pages/{check,confirmation,invite}.rs, src/components/{appointment,feedback,taken,invite_notice,summary_list}.rs).

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
    super::pick(en, |w| &w.check)
}
