//! One file per page. Pages read the draft from context, ask the domain what is valid and what
//! comes next, and render; they hold no booking rules of their own.

mod accessibility;
mod band;
mod check;
pub(crate) mod confirmation;
mod details;
mod invite;
mod locality;
mod manage;
mod not_found;
mod question;
mod service;
pub(crate) mod slot;
mod start;
pub(crate) mod taken;

pub use accessibility::AccessibilityPage;
pub use band::BandPage;
pub use check::CheckPage;
pub use confirmation::ConfirmationPage;
pub use details::DetailsPage;
pub use invite::{InviteExpiredPage, InviteNotice};
pub use locality::LocalityPage;
pub use manage::*;
pub use not_found::NotFoundPage;
pub use service::ServicePage;
pub use slot::SlotPage;
pub use start::StartPage;
