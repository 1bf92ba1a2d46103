//! Ids that travel between laptops (issue #12).
//!
//! Rows that can be created in the field — interviews, responses, findings, remarks, evidence,
//! evidence links, audit-log entries — keep an `INTEGER PRIMARY KEY`, but a new row's id is no
//! longer `max + 1`: it is a 53-bit number, time-ordered like a UUIDv7, from [`new_id`]:
//!
//! ```text
//!  bit 52 ............ 12 | 11 .... 8 | 7 ...... 0
//!  ms since 2024-01-01    | sub-ms    | device tag
//! ```
//!
//! 53 bits, because the window's JavaScript holds integers exactly only up to 2^53 − 1: a
//! wider id would be rounded there and an edit would point at a record that does not exist.
//! 41 bits of milliseconds last until 2093. The tag is 8 bits of the store's device id
//! ([`set_device`], called when a store is opened), so two laptops' ids differ in their low
//! bits whenever their tags differ; with equal tags (1 in 256 per pair of laptops) they could
//! only meet if both made a record in the same millisecond slot — and a merge then reports a
//! conflict rather than overwrite anything. Within one process the time part is strictly
//! increasing (a burst of inserts takes the next sub-millisecond slots, running briefly ahead of
//! the clock), so a burst never collides with itself. Ids made on one laptop before this scheme
//! (1, 2, 3 …) stay as they are: new ids are far above them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// 2024-01-01T00:00:00Z in milliseconds since the Unix epoch.
const EPOCH_MS: u64 = 1_704_067_200_000;
const SUB_MS_BITS: u32 = 4;
const TAG_BITS: u32 = 8;
const TIME_MASK: u64 = (1 << 41) - 1;
/// The largest id: 2^53 − 1, the largest integer JavaScript holds exactly.
pub const MAX_ID: i64 = (1 << 53) - 1;

/// The last time slot (ms << SUB_MS_BITS | sub-ms counter) handed out in this process.
static LAST: Mutex<u64> = Mutex::new(0);
/// The device tag of the store opened last (see [`set_device`]).
static TAG: AtomicU64 = AtomicU64::new(0);

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

/// Takes the device tag for new ids from the store's device id (hex digits; its last two).
pub fn set_device(device_id: &str) {
    let tag = device_id
        .get(device_id.len().saturating_sub(2)..)
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .unwrap_or_else(|| random_u64() & 0xff);
    TAG.store(tag & ((1 << TAG_BITS) - 1), Ordering::Relaxed);
}

/// Makes the ids of this process continue above `id` (the largest id already stored): a burst
/// of inserts in an earlier process (demo data, an Excel import) may have run ahead of the clock,
/// and a process started right after it must not hand out the same time slots again.
pub fn continue_above(id: i64) {
    if id <= 0 {
        return;
    }
    let slot = (id as u64) >> TAG_BITS;
    let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
    if slot > *last {
        *last = slot;
    }
}

/// A new globally unique, time-ordered, positive id of at most 53 bits (see the module
/// documentation).
pub fn new_id() -> i64 {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(EPOCH_MS)
        .saturating_sub(EPOCH_MS)
        & TIME_MASK;
    let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
    // Same millisecond, or the clock set back: the next free slot.
    let slot = (ms << SUB_MS_BITS).max(*last + 1);
    *last = slot;
    let id = (slot << TAG_BITS) | TAG.load(Ordering::Relaxed);
    (id as i64) & MAX_ID
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
        assert!(ids.iter().all(|&i| i > 1 << 22 && i <= MAX_ID));
        // Exactly representable as a JavaScript number (an f64).
        assert!(ids.iter().all(|&i| (i as f64) as i64 == i));
        // Time-ordered: the high bits are milliseconds since 2024 (after 2026-01-01 here).
        let ms = (ids[0] as u64) >> (SUB_MS_BITS + TAG_BITS);
        assert!(ms > 63_158_400_000, "{ms}");
    }

    #[test]
    fn ids_continue_above_what_is_stored() {
        // An earlier process ran 10 s ahead of the clock.
        let ahead = new_id() + (10_000 << (SUB_MS_BITS + TAG_BITS));
        continue_above(ahead);
        assert!(new_id() > ahead);
    }

    #[test]
    fn device_ids_differ() {
        let a = new_device_id();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_device_id());
    }
}
