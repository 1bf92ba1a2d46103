//! Time comes in from outside the business logic so that tests are deterministic.

use chrono::{DateTime, Utc};
use std::sync::atomic::{AtomicI64, Ordering};

/// A source of the current time.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock for tests: starts at a fixed instant and advances one second per reading.
#[derive(Debug)]
pub struct FixedClock {
    seconds: AtomicI64,
}

impl FixedClock {
    pub fn at(rfc3339: &str) -> Self {
        let t = DateTime::parse_from_rfc3339(rfc3339).expect("valid RFC 3339 time");
        FixedClock {
            seconds: AtomicI64::new(t.timestamp()),
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        let s = self.seconds.fetch_add(1, Ordering::SeqCst);
        DateTime::from_timestamp(s, 0).unwrap_or_default()
    }
}

/// The RFC 3339 form stored in the database (UTC, seconds precision, `Z`).
pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
