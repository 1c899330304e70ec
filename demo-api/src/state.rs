//! What the handlers share: the configuration, the store behind its one lock, and the faults
//! (whose part the fault layer gets on its own, see `faults::FaultState`).

use std::sync::{Arc, Mutex, MutexGuard};

use crate::clock::Clock;
use crate::config::Config;
use crate::faults::{FaultState, Faults};
use crate::store::Store;

pub struct App {
    pub config: Config,
    store: Mutex<Store>,
    faults: Arc<FaultState>,
}

impl App {
    pub fn new(config: Config) -> App {
        App {
            store: Mutex::new(Self::fresh_store(&config)),
            faults: Arc::new(FaultState::new(config.faults.clone(), config.seed)),
            config,
        }
    }

    fn fresh_store(config: &Config) -> Store {
        let clock = Clock::new(config.today, config.now);
        Store::new(config.seed, clock, config.page_size)
            .with_api_version(config.api_version)
            .with_hold_seconds(config.hold_seconds)
            .with_sample_events(config.sample_events)
    }

    /// A poisoned lock only means a handler panicked; the data is still consistent because
    /// every change is made after all checks pass. Holds for slot alerts that have run out
    /// are passed on first, so every request sees the data as it stands at the clock's now
    /// (there is no timer: a hold runs out when someone next looks).
    pub fn store(&self) -> MutexGuard<'_, Store> {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        store.settle();
        store
    }

    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        self.faults.faults()
    }

    /// The fault layer's state.
    pub fn fault_state(&self) -> Arc<FaultState> {
        self.faults.clone()
    }

    /// Same seed, same data: reseeds everything (slot alerts, holds and the text messages
    /// go too, and so do the events and feedback, the sample ones coming back; the hold length
    /// is the start-up one again) and restores the start-up faults.
    pub fn reset(&self) {
        *self.store() = Self::fresh_store(&self.config);
        *self.faults() = self.config.faults.clone();
    }
}
