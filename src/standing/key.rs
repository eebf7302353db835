//! The fingerprint that says when a standing must be worked out again.

/// A fingerprint of what module states, mastery and "continue" depend on in the progress:
/// which modules have progress, how many sections each has opened, and each attempt's mode,
/// end, size and every response's result. Progress only grows (sections opened, attempts
/// started, answered and finished), so every change the app makes moves it; it reads a few
/// integers per response and hashes no text, so checking it each frame costs microseconds.
pub fn progress_key(p: &crate::progress::Progress) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u64| h = (h ^ x).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    for (id, mp) in &p.modules {
        for chunk in id.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            mix(u64::from_le_bytes(word));
        }
        mix(mp.opened.len() as u64);
        mix(mp.attempts.len() as u64);
        mix(mp.reviews.len() as u64);
        for a in &mp.attempts {
            mix(u64::from(a.finished.is_some())
                | u64::from(a.mode == crate::quiz::Mode::Full) << 1
                | (a.questions.len() as u64) << 2);
            mix(a.responses.len() as u64);
            for r in &a.responses {
                mix(r.points.to_bits() ^ u64::from(r.correct) ^ (r.question.len() as u64) << 56);
            }
        }
    }
    h
}
