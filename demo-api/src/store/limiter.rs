//! Counts failed look-ups by reference and date of birth, so references cannot be guessed: after
//! [`LOOKUP_LIMIT`] failures within a minute every look-up waits until that minute is over.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Failed reference/date-of-birth look-ups allowed per minute before answering 429.
pub const LOOKUP_LIMIT: usize = 10;
const LOOKUP_WINDOW: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct Limiter {
    failed: VecDeque<Instant>,
}

impl Limiter {
    /// Seconds to wait (at least 1) while over the limit; None when a look-up may go ahead.
    pub fn wait(&mut self) -> Option<u64> {
        let now = Instant::now();
        while (self.failed.front()).is_some_and(|t| now.duration_since(*t) >= LOOKUP_WINDOW) {
            self.failed.pop_front();
        }
        if self.failed.len() < LOOKUP_LIMIT {
            return None;
        }
        let wait = LOOKUP_WINDOW.saturating_sub(now.duration_since(self.failed[0]));
        Some(wait.as_secs().max(1))
    }

    pub fn record_failure(&mut self) {
        self.failed.push_back(Instant::now());
    }
}
