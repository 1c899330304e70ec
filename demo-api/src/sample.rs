//! `--sample-events`: two weeks of made-up journeys (the fourteen days before today on the
//! clinic calendar) and a little feedback, so the report at `/report` is not empty in a demo.
//! Deterministic: the same seed and today give the same events. Every entry is marked
//! `sample`, so the report says it includes sample data and `GET /__demo/events` leaves them out.

use chrono::{Datelike, Duration, NaiveDate};

use crate::measure::{Device, Event, Feedback, Kind, Minute, Source};
use crate::seed::hash;

/// Days of sample journeys, ending yesterday.
pub const DAYS: i64 = 14;

/// The booking journey: (page slug, chance in a thousand of leaving on it, typical seconds
/// spent on it).
const JOURNEY: [(&str, u64, u64); 10] = [
    // The app counts leaving only part-way through a journey, not from the start page.
    ("start", 0, 15),
    ("service", 25, 20),
    ("clinician", 30, 25),
    ("location", 35, 30),
    ("time", 120, 75),
    ("who-for", 10, 10),
    ("your-details", 80, 100),
    ("support", 20, 25),
    ("check-your-answers", 35, 40),
    ("confirmation", 0, 0),
];

const COMMENTS: [(u8, &str); 8] = [
    (5, "Much easier than phoning at 8am."),
    (5, "Quick and simple. I booked on the bus."),
    (2, "I wanted a Saturday appointment but there were none."),
    (3, "The times only went a few weeks ahead."),
    (
        4,
        "Easy, but I could not see whether the clinic has parking.",
    ),
    (4, "Good to be able to choose a video appointment."),
    (3, "I was not sure which type of clinician to choose."),
    (1, "The time I picked was taken and I had to start again."),
];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True `per_thousand` times in a thousand.
    fn chance(&mut self, per_thousand: u64) -> bool {
        self.below(1000) < per_thousand
    }
}

fn minute(date: NaiveDate, minute: u64) -> Minute {
    Minute {
        date,
        minute: minute.min(24 * 60 - 1) as u16,
    }
}

/// The sample events (oldest first) and feedback, for the days before `today`.
pub fn generate(seed: u64, today: NaiveDate) -> (Vec<Event>, Vec<Feedback>) {
    let mut rng = Rng(hash(seed, "sample-events"));
    let mut events = Vec::new();
    let mut feedback = Vec::new();
    for back in (1..=DAYS).rev() {
        let date = today - Duration::days(back);
        let weekend = date.weekday().number_from_monday() >= 6;
        let journeys = if weekend {
            6 + rng.below(6)
        } else {
            24 + rng.below(14)
        };
        let mut day = Vec::new();
        for _ in 0..journeys {
            let source = match rng.below(1000) {
                0..=539 => Source::SmsInvite,
                540..=849 => Source::Website,
                _ => Source::Direct,
            };
            let device = if rng.chance(680) {
                Device::Mobile
            } else {
                Device::Desktop
            };
            let start = 7 * 60 + rng.below(15 * 60);
            let mut elapsed = 0;
            for (step, leave, secs) in JOURNEY {
                let event = |kind| Event {
                    kind,
                    step: Some(step.to_string()),
                    source: Some(source),
                    elapsed_s: Some(elapsed as u32),
                    device: Some(device),
                    mode: None,
                    problem: None,
                    at: minute(date, start + elapsed / 60),
                    sample: true,
                };
                day.push(event(Kind::Step));
                if step == "confirmation" {
                    let mode = match rng.below(100) {
                        0..=74 => "in_person",
                        75..=91 => "telephone",
                        _ => "video",
                    };
                    day.push(Event {
                        mode: Some(mode.to_string()),
                        ..event(Kind::Booked)
                    });
                    if rng.chance(90) {
                        let (rating, comment) = if rng.chance(500) {
                            let (r, c) = COMMENTS[rng.below(COMMENTS.len() as u64) as usize];
                            (r, Some(c.to_string()))
                        } else {
                            let r = match rng.below(100) {
                                0..=49 => 5,
                                50..=79 => 4,
                                80..=89 => 3,
                                90..=95 => 2,
                                _ => 1,
                            };
                            (r, None)
                        };
                        feedback.push(Feedback {
                            rating,
                            comment,
                            step: Some("confirmation".into()),
                            source: Some(source),
                            date,
                            sample: true,
                        });
                    }
                    break;
                }
                if step == "time" && rng.chance(40) {
                    day.push(Event {
                        problem: Some("taken".into()),
                        ..event(Kind::Problem)
                    });
                }
                if rng.chance(6) {
                    day.push(Event {
                        problem: Some("network".into()),
                        ..event(Kind::Problem)
                    });
                }
                if rng.chance(leave) {
                    day.push(event(Kind::Left));
                    break;
                }
                elapsed += secs / 2 + rng.below(secs * 2);
            }
        }
        // In the order they would have arrived.
        day.sort_by_key(|e| e.at);
        events.extend(day);
    }
    (events, feedback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_plausible_weeks_the_same_every_time() {
        let today = NaiveDate::from_ymd_opt(2027, 3, 15).unwrap();
        let (events, feedback) = generate(7, today);
        assert_eq!((events.clone(), feedback.clone()), generate(7, today));
        assert_ne!(events, generate(8, today).0, "another seed, other events");
        let first = events.first().unwrap().at.date;
        let last = events.last().unwrap().at.date;
        assert_eq!(
            (first, last),
            (today - Duration::days(14), today - Duration::days(1))
        );
        assert!(events.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(events.iter().all(|e| e.sample));
        let booked = events.iter().filter(|e| e.kind == Kind::Booked).count();
        let left = events.iter().filter(|e| e.kind == Kind::Left).count();
        assert!((150..400).contains(&booked), "{booked} bookings");
        assert!(left > 50, "{left} left");
        assert!(
            (5..60).contains(&feedback.len()),
            "{} feedback",
            feedback.len()
        );
        assert!(feedback.iter().any(|f| f.comment.is_some()));
    }
}
