/// Text operations the traceback formatter needs, on lines held as arrays
/// of Unicode scalars (so indices are Python `str` indices).
///
/// They follow the semantics of the Python functions CPython's `traceback`
/// module uses (`str.strip`, `str.splitlines`, `textwrap.dedent`,
/// `textwrap.indent`, display widths), so the printed text matches exactly.
enum TracebackText {
  typealias Text = [Unicode.Scalar]

  static func isSpace(_ c: Unicode.Scalar) -> Bool { StrMethods.isPythonWhitespace(c) }

  static func lstrip(_ t: Text) -> ArraySlice<Unicode.Scalar> { t.drop { isSpace($0) } }

  static func rstrip(_ t: Text) -> Text {
    var end = t.count
    while end > 0 && isSpace(t[end - 1]) { end -= 1 }
    return Array(t[..<end])
  }

  static func strip(_ t: Text) -> Text { Array(lstrip(rstrip(t))) }

  static func isBlank(_ t: some Collection<Unicode.Scalar>) -> Bool { t.allSatisfy(isSpace) }

  /// `str.splitlines()`: every line boundary Python recognises; a final
  /// boundary does not start another (empty) line.
  static func splitLines(_ t: Text, keepEnds: Bool = false) -> [Text] {
    var lines: [Text] = []
    var start = 0, i = 0
    while i < t.count {
      var next = i + 1
      switch t[i].value {
      case 0x0D:
        if next < t.count && t[next] == "\n" { next += 1 }
      case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
        break
      default:
        i += 1
        continue
      }
      lines.append(Array(t[start..<(keepEnds ? next : i)]))
      start = next
      i = next
    }
    if start < t.count { lines.append(Array(t[start...])) }
    return lines
  }

  static func join(_ lines: [Text], _ separator: Unicode.Scalar = "\n") -> Text {
    var out: Text = []
    for (i, l) in lines.enumerated() {
      if i > 0 { out.append(separator) }
      out += l
    }
    return out
  }

  /// `textwrap.dedent`: removes the longest run of spaces and tabs common to
  /// the start of every non-blank line (split on `\n` only); blank lines
  /// become empty.
  static func dedent(_ t: Text) -> Text {
    let lines = t.split(separator: "\n", omittingEmptySubsequences: false)
    let content = lines.filter { !isBlank($0) }
    var margin = 0
    if let first = content.first {
      outer: while margin < first.count {
        let c = first[first.startIndex + margin]
        if c != " " && c != "\t" { break }
        for l in content where l.count <= margin || l[l.startIndex + margin] != c { break outer }
        margin += 1
      }
    }
    return join(lines.map { isBlank($0) ? [] : Array($0.dropFirst(margin)) })
  }

  /// `textwrap.indent(t, prefix, lambda line: True)`: the prefix before every line.
  static func indent(_ t: Text, _ prefix: String) -> String {
    var out = ""
    for line in splitLines(t, keepEnds: true) { out += prefix + String(String.UnicodeScalarView(line)) }
    return out
  }

  /// Terminal columns of the first `offset` characters of `t`: East Asian
  /// wide and fullwidth characters take two (CPython's `_display_width`).
  static func displayWidth(_ t: Text, _ offset: Int? = nil) -> Int {
    let n = min(offset ?? t.count, t.count)
    var width = 0
    for c in t[..<max(n, 0)] { width += isWide(c) ? 2 : 1 }
    return width
  }

  static func isWide(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x1100 { return false }
    var lo = 0, hi = wideRanges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      if v < wideRanges[mid].0 { hi = mid - 1 } else if v > wideRanges[mid].1 { lo = mid + 1 } else { return true }
    }
    return false
  }

  /// Code point ranges whose East Asian Width is W or F (Unicode 16.0, the
  /// version CPython 3.14's `unicodedata` uses).
  static let wideRanges: [(UInt32, UInt32)] = [
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
    (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2630, 0x2637), (0x2648, 0x2653), (0x267F, 0x267F), (0x268A, 0x268F),
    (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE),
    (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD),
    (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55), (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x303E), (0x3041, 0x3096),
    (0x3099, 0x30FF), (0x3105, 0x312F), (0x3131, 0x318E), (0x3190, 0x31E5), (0x31EF, 0x321E), (0x3220, 0x3247),
    (0x3250, 0xA48C), (0xA490, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19),
    (0xFE30, 0xFE52), (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18CFF, 0x18D08),
    (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE), (0x1B000, 0x1B122), (0x1B132, 0x1B132),
    (0x1B150, 0x1B152), (0x1B155, 0x1B155), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1D300, 0x1D356),
    (0x1D360, 0x1D376), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A),
    (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248), (0x1F250, 0x1F251), (0x1F260, 0x1F265),
    (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA89), (0x1FA8F, 0x1FAC6), (0x1FACE, 0x1FADC), (0x1FADF, 0x1FAE9),
    (0x1FAF0, 0x1FAF8), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)
  ]
}
