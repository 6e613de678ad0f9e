//! Words folded to a hash: FNV-1a over lowercase ASCII (a curly apostrophe
//! read as a straight one), and a 1,024-bit set of such hashes for a
//! one-load look-up of whether a word may be one a rule knows.

use super::Word;

/// FNV-1a over lowercase ASCII, keeping the hash before the last byte.
pub(super) struct Fold {
    hash: u64,
    before_last: u64,
    foreign: bool,
}

impl Fold {
    const PRIME: u64 = 0x0100_0000_01b3;

    pub(super) fn new() -> Self {
        Self {
            hash: 0xcbf2_9ce4_8422_2325,
            before_last: 0,
            foreign: false,
        }
    }

    pub(super) fn push(&mut self, b: u8) {
        self.before_last = self.hash;
        self.hash = (self.hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(Self::PRIME);
    }

    pub(super) fn extend(&mut self, run: &[u8]) {
        let Some((&last, init)) = run.split_last() else {
            return;
        };
        let mut hash = self.hash;
        for &b in init {
            hash = (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(Self::PRIME);
        }
        self.hash = hash;
        self.push(last);
    }

    pub(super) fn foreign(&mut self) {
        self.foreign = true;
    }

    pub(super) fn finish(self, last: u8) -> Folded {
        if self.foreign {
            return Folded::default();
        }
        let plural = last.eq_ignore_ascii_case(&b's');
        Folded {
            hash: self.hash,
            singular: if plural { self.before_last } else { 0 },
        }
    }
}

/// A word's FNV-1a hash in ASCII lowercase (a curly apostrophe read as a
/// straight one), and the hash without a final `s`; zero for a word with
/// another non-ASCII character, which no table holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Folded {
    /// The whole word.
    pub(crate) hash: u64,
    /// Without a final `s` (`engineers` -> `engineer`), or zero.
    pub(crate) singular: u64,
}

/// [`Folded`] of `word`.
pub(crate) fn fold(word: &str) -> Folded {
    let mut folding = Fold::new();
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            folding.push(bytes[i]);
            i += 1;
        } else if bytes.get(i..i + 3) == Some(&[0xE2, 0x80, 0x99]) {
            // U+2019, the curly apostrophe.
            folding.push(b'\'');
            i += 3;
        } else {
            folding.foreign();
            i += 1;
        }
    }
    folding.finish(bytes.last().copied().unwrap_or(0))
}

/// A set of words by their folded hash: 1,024 bits, so a look-up is one
/// load; a collision only costs the full comparison a caller makes next.
#[derive(Clone, Debug)]
pub(crate) struct WordSet([u64; 16]);

impl WordSet {
    /// The set of `words` (lowercase ASCII).
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut bits = [0u64; 16];
        for word in words {
            let hash = fold(word).hash;
            bits[(hash >> 6 & 15) as usize] |= 1 << (hash & 63);
        }
        Self(bits)
    }

    fn has(&self, hash: u64) -> bool {
        hash != 0 && self.0[(hash >> 6 & 15) as usize] & 1 << (hash & 63) != 0
    }

    /// Whether `word` may be in the set, as written or without a final `s`.
    pub(crate) fn may_hold(&self, word: Word) -> bool {
        self.has(word.hash.hash) || self.has(word.hash.singular)
    }
}
