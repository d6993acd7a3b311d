//! Unicode text as Elixir 1.14 sees it: UTF-8 decoding that lets invalid
//! bytes through one at a time, grapheme clusters (UAX #29 extended
//! clusters, Unicode 14.0 as in OTP 25's `unicode_util`), and case mapping
//! (`String.Unicode`: full mappings, no context-sensitive rules, so a final
//! sigma lowercases to `σ`).

use super::grapheme_tables::{CONTROL, EXTEND, EXT_PICT, PREPEND};
use crate::error::Exception;

/// Decodes the code point at the start of `b` (strict UTF-8: no overlong
/// forms or surrogates); `None` for an invalid or truncated sequence.
pub fn decode(b: &[u8]) -> Option<(char, usize)> {
    let n = match *b.first()? {
        0x00..=0x7F => return Some((b[0] as char, 1)),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(b.get(..n)?).ok()?;
    Some((s.chars().next()?, n))
}

/// One piece of a binary: a character, or a byte that is not valid UTF-8.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Piece {
    Char(char),
    Byte(u8),
}

/// Splits a binary into characters and stray bytes.
pub fn pieces(b: &[u8]) -> impl Iterator<Item = (Piece, &[u8])> + '_ {
    let mut rest = b;
    std::iter::from_fn(move || {
        let (piece, n) = match decode(rest) {
            Some((c, n)) => (Piece::Char(c), n),
            None if rest.is_empty() => return None,
            None => (Piece::Byte(rest[0]), 1),
        };
        let (this, tail) = rest.split_at(n);
        rest = tail;
        Some((piece, this))
    })
}

fn in_table(table: &[u32], c: u32) -> bool {
    // `table` is sorted `start, end` pairs: find the last start <= c.
    let pairs = table.len() / 2;
    let (mut lo, mut hi) = (0, pairs);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if table[2 * mid] <= c {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo > 0 && c <= table[2 * (lo - 1) + 1]
}

/// Grapheme_Cluster_Break values (SpacingMark folded into Extend).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gcb {
    Cr,
    Lf,
    Control,
    Extend,
    Zwj,
    Prepend,
    RegionalIndicator,
    L,
    V,
    T,
    Lv,
    Lvt,
    ExtPict,
    Other,
}

fn gcb(c: char) -> Gcb {
    let c = c as u32;
    match c {
        0x0D => Gcb::Cr,
        0x0A => Gcb::Lf,
        0x00..=0x1F | 0x7F => Gcb::Control,
        0x20..=0x7E => Gcb::Other,
        0x200D => Gcb::Zwj,
        0x1F1E6..=0x1F1FF => Gcb::RegionalIndicator,
        0x1100..=0x115F | 0xA960..=0xA97C => Gcb::L,
        0x1160..=0x11A7 | 0xD7B0..=0xD7C6 => Gcb::V,
        0x11A8..=0x11FF | 0xD7CB..=0xD7FB => Gcb::T,
        0xAC00..=0xD7A3 if (c - 0xAC00).is_multiple_of(28) => Gcb::Lv,
        0xAC00..=0xD7A3 => Gcb::Lvt,
        _ if in_table(EXTEND, c) => Gcb::Extend,
        _ if in_table(CONTROL, c) => Gcb::Control,
        _ if in_table(EXT_PICT, c) => Gcb::ExtPict,
        _ if in_table(PREPEND, c) => Gcb::Prepend,
        _ => Gcb::Other,
    }
}

/// What OTP 25's `unicode_util:gc/1` does on a cluster that starts with an
/// emoji (Extended_Pictographic) and is cut off by a byte that is not valid
/// UTF-8: it fails in `++` with a plain `badarg`, so `String.length/1` and
/// the other grapheme walkers raise `ArgumentError` "argument error".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct GcBadarg;

impl From<GcBadarg> for Exception {
    fn from(_: GcBadarg) -> Exception {
        Exception::badarg()
    }
}

/// The byte length of the grapheme cluster at the start of `b` (non-empty):
/// a stray byte is a cluster of its own.
pub fn grapheme_len(b: &[u8]) -> Result<usize, GcBadarg> {
    let Some((first, mut len)) = decode(b) else {
        return Ok(1);
    };
    let mut prev = gcb(first);
    // GB11: inside `ExtPict Extend*`; GB12/13: regional indicators so far.
    let mut in_emoji = prev == Gcb::ExtPict;
    let mut ri_run = usize::from(prev == Gcb::RegionalIndicator);
    let mut zwj_after_emoji = false;
    loop {
        let Some((c, n)) = decode(&b[len..]) else {
            if len < b.len() && gcb(first) == Gcb::ExtPict {
                return Err(GcBadarg);
            }
            break;
        };
        let cur = gcb(c);
        let joins = match (prev, cur) {
            (Gcb::Cr, Gcb::Lf) => true,
            (Gcb::Cr | Gcb::Lf | Gcb::Control, _) | (_, Gcb::Cr | Gcb::Lf | Gcb::Control) => false,
            (Gcb::L, Gcb::L | Gcb::V | Gcb::Lv | Gcb::Lvt) => true,
            (Gcb::Lv | Gcb::V, Gcb::V | Gcb::T) => true,
            (Gcb::Lvt | Gcb::T, Gcb::T) => true,
            // GB11; OTP's `unicode_util` also ends the cluster after such a
            // ZWJ unless an emoji follows, even before an Extend.
            (Gcb::Zwj, _) if zwj_after_emoji => cur == Gcb::ExtPict,
            (_, Gcb::Extend | Gcb::Zwj) | (Gcb::Prepend, _) => true,
            (Gcb::RegionalIndicator, Gcb::RegionalIndicator) => ri_run % 2 == 1,
            _ => false,
        };
        if !joins {
            break;
        }
        zwj_after_emoji = cur == Gcb::Zwj && in_emoji;
        in_emoji = cur == Gcb::ExtPict || (cur == Gcb::Extend && in_emoji);
        ri_run = if cur == Gcb::RegionalIndicator {
            ri_run + 1
        } else {
            0
        };
        prev = cur;
        len += n;
    }
    Ok(len)
}

/// Iterates the grapheme clusters of a binary as byte slices; stops after
/// the first error.
pub fn graphemes(b: &[u8]) -> impl Iterator<Item = Result<&[u8], GcBadarg>> + '_ {
    let mut rest = b;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match grapheme_len(rest) {
            Ok(n) => {
                let (g, tail) = rest.split_at(n);
                rest = tail;
                Some(Ok(g))
            }
            Err(e) => {
                rest = &[];
                Some(Err(e))
            }
        }
    })
}

/// All the grapheme clusters of a binary.
pub fn grapheme_vec(b: &[u8]) -> Result<Vec<&[u8]>, GcBadarg> {
    graphemes(b).collect()
}

/// The number of grapheme clusters (`String.length/1`).
pub fn grapheme_count(b: &[u8]) -> Result<usize, GcBadarg> {
    if b.is_ascii() && !b.contains(&b'\r') {
        return Ok(b.len());
    }
    graphemes(b).try_fold(0, |n, g| g.map(|_| n + 1))
}

/// Characters whose case mappings Rust's (newer) Unicode tables have but
/// Unicode 14.0 does not; Elixir 1.14 leaves them unchanged.
fn newer_than_unicode_14(c: char) -> bool {
    matches!(
        c as u32,
        0x19B
            | 0x264
            | 0x1C89..=0x1C8A
            | 0xA7CB..=0xA7CF
            | 0xA7D2..=0xA7D5
            | 0xA7DA..=0xA7DC
            | 0x10D50..=0x10D65
            | 0x10D70..=0x10D85
            | 0x16EA0..=0x16EB8
            | 0x16EBB..=0x16ED3
    )
}

/// Applies a per-character mapping; stray bytes pass through.
fn map_chars(b: &[u8], f: impl Fn(char, &mut String)) -> Vec<u8> {
    if b.is_ascii() {
        return b.to_vec();
    }
    let mut out = Vec::with_capacity(b.len());
    let mut buf = String::new();
    for (piece, raw) in pieces(b) {
        match piece {
            Piece::Char(c) if !newer_than_unicode_14(c) => {
                buf.clear();
                f(c, &mut buf);
                out.extend_from_slice(buf.as_bytes());
            }
            _ => out.extend_from_slice(raw),
        }
    }
    out
}

/// `String.upcase/1`: full case mapping (`"ß"` → `"SS"`).
pub fn upcase(b: &[u8]) -> Vec<u8> {
    if b.is_ascii() {
        return b.to_ascii_uppercase();
    }
    map_chars(b, |c, out| out.extend(c.to_uppercase()))
}

/// `String.downcase/1`, character by character (no final-sigma rule).
pub fn downcase(b: &[u8]) -> Vec<u8> {
    if b.is_ascii() {
        return b.to_ascii_lowercase();
    }
    map_chars(b, |c, out| out.extend(c.to_lowercase()))
}

/// The titlecase mapping of `c`, which differs from its uppercase only for
/// digraphs (`ǆ` → `ǅ`), ligatures (`ﬁ` → `Fi`), Greek letters with
/// ypogegrammeni and Georgian (UnicodeData.txt and SpecialCasing.txt).
pub fn titlecase(c: char, out: &mut String) {
    if newer_than_unicode_14(c) {
        out.push(c);
        return;
    }
    let special: Option<&str> = match c as u32 {
        0xDF => Some("Ss"),
        0x587 => Some("\u{535}\u{582}"),
        0xFB00 => Some("Ff"),
        0xFB01 => Some("Fi"),
        0xFB02 => Some("Fl"),
        0xFB03 => Some("Ffi"),
        0xFB04 => Some("Ffl"),
        0xFB05 | 0xFB06 => Some("St"),
        0xFB13 => Some("\u{544}\u{576}"),
        0xFB14 => Some("\u{544}\u{565}"),
        0xFB15 => Some("\u{544}\u{56B}"),
        0xFB16 => Some("\u{54E}\u{576}"),
        0xFB17 => Some("\u{544}\u{56D}"),
        0x1FB2 => Some("\u{1FBA}\u{345}"),
        0x1FB4 => Some("\u{386}\u{345}"),
        0x1FB7 => Some("\u{391}\u{342}\u{345}"),
        0x1FC2 => Some("\u{1FCA}\u{345}"),
        0x1FC4 => Some("\u{389}\u{345}"),
        0x1FC7 => Some("\u{397}\u{342}\u{345}"),
        0x1FF2 => Some("\u{1FFA}\u{345}"),
        0x1FF4 => Some("\u{38F}\u{345}"),
        0x1FF7 => Some("\u{3A9}\u{342}\u{345}"),
        _ => None,
    };
    if let Some(s) = special {
        out.push_str(s);
        return;
    }
    let single = match c as u32 {
        0x1C4..=0x1C6 => 0x1C5,
        0x1C7..=0x1C9 => 0x1C8,
        0x1CA..=0x1CC => 0x1CB,
        0x1F1..=0x1F3 => 0x1F2,
        // With ypogegrammeni: the titlecase letter is the `...8`-`...F` row.
        n @ 0x1F80..=0x1FAF => n | 8,
        0x1FB3 | 0x1FBC => 0x1FBC,
        0x1FC3 | 0x1FCC => 0x1FCC,
        0x1FF3 | 0x1FFC => 0x1FFC,
        // Georgian Mkhedruli is its own titlecase (its uppercase is Mtavruli).
        n @ (0x10D0..=0x10FA | 0x10FD..=0x10FF) => n,
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push(char::from_u32(single).unwrap_or(c));
}

/// Whitespace as `String.trim/1` sees it (Unicode White_Space).
pub fn is_trim_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whitespace as `String.split/1` sees it: White_Space without the
/// non-breaking spaces U+00A0, U+2007 and U+202F.
pub fn is_split_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gs(s: &str) -> Vec<&str> {
        graphemes(s.as_bytes())
            .map(|g| std::str::from_utf8(g.unwrap()).unwrap())
            .collect()
    }

    #[test]
    fn clusters_follow_uax29() {
        assert_eq!(gs("e\u{301}x"), ["e\u{301}", "x"]);
        assert_eq!(gs("a\r\nb"), ["a", "\r\n", "b"]);
        assert_eq!(gs("🇫🇷🇩🇪"), ["🇫🇷", "🇩🇪"]);
        assert_eq!(gs("\u{1F1E6}\u{1F1E7}\u{1F1E8}").len(), 2);
        assert_eq!(gs("👨‍👩‍👧"), ["👨‍👩‍👧"]);
        assert_eq!(gs("👍🏽"), ["👍🏽"]);
        assert_eq!(gs("a\u{200D}👨").len(), 2);
        assert_eq!(gs("\u{1100}\u{1161}\u{11A8}").len(), 1);
        assert_eq!(gs("\u{AC01}\u{1161}").len(), 2);
        assert_eq!(gs("\u{600}\u{301}").len(), 1);
        assert_eq!(gs("\u{600}\n").len(), 2);
        assert_eq!(gs("\r\u{301}").len(), 2);
        assert_eq!(graphemes(&[255, b'a']).count(), 2);
        assert_eq!(grapheme_count("héllo".as_bytes()), Ok(5));
        assert_eq!(grapheme_count(b"\r\n"), Ok(1));
        assert_eq!(gs("👍\u{200D}\u{301}").len(), 2);
    }

    #[test]
    fn emoji_cut_by_a_stray_byte_is_otps_badarg() {
        let mut b = "a👍🏽".as_bytes().to_vec();
        b.push(255);
        assert_eq!(grapheme_count(&b), Err(GcBadarg));
        let mut ok = "a\u{301}".as_bytes().to_vec();
        ok.push(255);
        assert_eq!(grapheme_count(&ok), Ok(2));
    }

    #[test]
    fn case_mapping() {
        assert_eq!(upcase("straße".as_bytes()), "STRASSE".as_bytes());
        assert_eq!(downcase("ΣΑΣ".as_bytes()), "σασ".as_bytes());
        assert_eq!(downcase("İ".as_bytes()), "i\u{307}".as_bytes());
        assert_eq!(upcase(&[b'a', 255, b'b']), [b'A', 255, b'B']);
        assert_eq!(upcase("ᾳŉǅ".as_bytes()), "ΑΙʼNǄ".as_bytes());
        assert_eq!(upcase("\u{264}".as_bytes()), "\u{264}".as_bytes());
        let t = |c| {
            let mut s = String::new();
            titlecase(c, &mut s);
            s
        };
        assert_eq!(t('ǆ'), "ǅ");
        assert_eq!(t('ß'), "Ss");
        assert_eq!(t('ﬁ'), "Fi");
        assert_eq!(t('ᾳ'), "ᾼ");
        assert_eq!(t('ŉ'), "ʼN");
        assert_eq!(t('a'), "A");
    }

    #[test]
    fn whitespace_sets() {
        assert!(is_trim_space('\u{A0}'));
        assert!(!is_split_space('\u{A0}'));
        assert!(is_split_space('\u{3000}'));
        assert!(is_trim_space('\u{85}'));
    }
}
