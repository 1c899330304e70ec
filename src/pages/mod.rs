//! One file per page. Pages read the draft from context, ask the domain what is valid and what
//! comes next, and render; they hold no booking rules of their own.

mod accessibility;
mod band;
mod check;
mod confirmation;
mod details;
mod locality;
mod not_found;
mod question;
mod service;
mod slot;
mod start;

pub use accessibility::AccessibilityPage;
pub use band::BandPage;
pub use check::CheckPage;
pub use confirmation::ConfirmationPage;
pub use details::DetailsPage;
pub use locality::LocalityPage;
pub use not_found::NotFoundPage;
pub use service::ServicePage;
pub use slot::SlotPage;
pub use start::StartPage;
