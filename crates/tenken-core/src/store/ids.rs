//! Ids that travel between laptops (issue #12).
//!
//! Rows that can be created in the field — interviews, responses, findings, remarks, evidence,
//! evidence links, audit-log entries — keep an `INTEGER PRIMARY KEY`, but a new row's id is no
//! longer `max + 1`: it is a 63-bit number, time-ordered like a UUIDv7, from [`new_id`]:
//!
//! ```text
//!  bit 62 ............ 22 | 21 ......... 0
//!  ms since 2024-01-01    | random (CSPRNG)
//! ```
//!
//! 41 bits of milliseconds last until 2093; 22 random bits make two laptops' ids for the same
//! millisecond collide with a probability of 1 in 4 million. Within one process, ids of the same
//! millisecond are made strictly increasing (the random part grows by a random step, the
//! "monotonic random" method of RFC 9562 §6.2), so a burst of inserts (demo data, Excel
//! imports) never collides with itself. Ids made on one laptop before this scheme (1, 2, 3 …)
//! stay as they are: new ids are far above them (≥ 2^22).

use std::sync::Mutex;

/// 2024-01-01T00:00:00Z in milliseconds since the Unix epoch.
const EPOCH_MS: u64 = 1_704_067_200_000;
const RANDOM_BITS: u32 = 22;
const RANDOM_MASK: u64 = (1 << RANDOM_BITS) - 1;
const TIME_MASK: u64 = (1 << 41) - 1;

static LAST: Mutex<u64> = Mutex::new(0);

fn random_u64() -> u64 {
    let mut b = [0u8; 8];
    // The OS generator; if it ever failed, the time and the process id still separate ids.
    if getrandom::fill(&mut b).is_err() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        return (t as u64) ^ ((std::process::id() as u64) << 20);
    }
    u64::from_le_bytes(b)
}

/// A new globally unique, time-ordered, positive id (see the module documentation).
pub fn new_id() -> i64 {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(EPOCH_MS)
        .saturating_sub(EPOCH_MS)
        & TIME_MASK;
    let candidate = (ms << RANDOM_BITS) | (random_u64() & RANDOM_MASK);
    let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
    let id = if candidate > *last {
        candidate
    } else {
        // Same (or an earlier, clock set back) millisecond: step forward by a random amount.
        *last + 1 + (random_u64() & 0x3ff)
    };
    *last = id;
    (id & (u64::MAX >> 1)) as i64
}

/// A random device id (32 hex digits) for a store that has none.
pub fn new_device_id() -> String {
    format!("{:016x}{:016x}", random_u64(), random_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_positive_increasing_and_above_old_ids() {
        let ids: Vec<i64> = (0..100_000).map(|_| new_id()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert!(ids.iter().all(|&i| i > 1 << 22));
        // Time-ordered: the high bits are milliseconds since 2024 (after 2026-01-01 here).
        let ms = (ids[0] as u64) >> RANDOM_BITS;
        assert!(ms > 63_158_400_000, "{ms}");
    }

    #[test]
    fn device_ids_differ() {
        let a = new_device_id();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_device_id());
    }
}
