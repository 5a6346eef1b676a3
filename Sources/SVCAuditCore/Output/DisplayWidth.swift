/// Terminal column width of text, per grapheme cluster (a CJK character is two columns).
///
/// glibc `wcwidth` returns -1 until a UTF-8 locale is set and varies between systems,
/// so the rule is spelled out here: East Asian Wide/Fullwidth and emoji presentation = 2,
/// combining marks, zero-width and control characters = 0, everything else = 1.
/// East Asian Ambiguous characters (…, ①, ×) count 1, as modern terminals draw them.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        var total = 0
        for c in s { total += width(of: c) }
        return total
    }

    static func width(of c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let base = scalars.first else { return 0 }
        let props = base.properties
        switch props.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            // A standalone mark or a zero-width/control character; marks after a base
            // character never get here because they belong to its cluster.
            return 0
        default:
            break
        }
        // U+FE0F asks for emoji presentation (❤️, 1️⃣); U+FE0E asks for text presentation.
        if scalars.contains("\u{FE0F}") && props.isEmoji { return 2 }
        if props.isEmojiPresentation && !scalars.contains("\u{FE0E}") { return 2 }
        return isWide(base.value) ? 2 : 1
    }

    /// East Asian Width W or F (Unicode EastAsianWidth.txt), without the emoji that
    /// `isEmojiPresentation` already covers. Sorted, non-overlapping.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // 〈 〉
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation (、。〈〉《》【】, U+3000 space)
        0x3041...0x3247,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK
        0x3250...0x4DBF,   // enclosed CJK, CJK compatibility, CJK extension A
        0x4E00...0xA4CF,   // CJK unified ideographs, Yi
        0xA960...0xA97F,   // Hangul Jamo extended-A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF01...0xFF60,   // fullwidth forms (（）：，！ and fullwidth ASCII)
        0xFFE0...0xFFE6,   // fullwidth signs ￥ ￡
        0x16FE0...0x1B2FF, // Tangut, Khitan, Nushu, kana supplement and extensions
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x3FFFD, // CJK extensions B–I and planes 2–3
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        // Everything below U+1100 is narrow; saves the search for ASCII and Latin.
        guard v >= 0x1100 else { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Pads with spaces to `width` columns; text already that wide or wider is returned as is.
    public static func pad(_ s: String, to width: Int, alignRight: Bool) -> String {
        let missing = width - of(s)
        guard missing > 0 else { return s }
        let spaces = String(repeating: " ", count: missing)
        return alignRight ? spaces + s : s + spaces
    }

    /// Cuts to at most `width` columns, ending with "…" when something was cut.
    /// A wide character that would straddle the limit is dropped, not split.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for c in s {
            let w = DisplayWidth.width(of: c)
            if used + w > width - 1 { break } // keep one column for "…"
            out.append(c)
            used += w
        }
        return out + "…"
    }
}
