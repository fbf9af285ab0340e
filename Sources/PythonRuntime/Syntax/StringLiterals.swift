// Decoding the bodies of string and bytes literals: escape sequences,
// `\N{NAME}` lookups, and the checks CPython makes on them.

/// Why a literal body could not be decoded; `position` and `endPosition` are
/// offsets into the body (CPython reports them in its "(unicode error)" message).
struct EscapeError: Error {
  var message: String
}

enum StringLiteralDecoder {
  /// The maximum Unicode scalar; `\U` escapes above it are errors.
  static let maxScalar: UInt32 = 0x10FFFF

  /// Decodes a `str` literal body (between the quotes). Lone surrogates
  /// (`\ud800`) cannot live in a Swift String and become U+FFFD.
  /// In an f-string, `{{` and `}}` stand for single braces (`fstringBraces`).
  static func decodeString(_ body: ArraySlice<Unicode.Scalar>, isRaw: Bool, fstringBraces: Bool = false)
    throws(EscapeError) -> String
  {
    var out = String.UnicodeScalarView()
    var i = body.startIndex
    let end = body.endIndex
    // Fast path: nothing to decode.
    if !body.contains(where: { $0 == "\\" || (fstringBraces && ($0 == "{" || $0 == "}")) }) {
      out.append(contentsOf: body)
      return String(out)
    }
    while i < end {
      let c = body[i]
      if fstringBraces && (c == "{" || c == "}") {
        out.append(c)
        i += (i + 1 < end && body[i + 1] == c) ? 2 : 1
        continue
      }
      if c != "\\" || isRaw {
        out.append(c)
        i += 1
        continue
      }
      let escapeStart = i - body.startIndex
      i += 1
      if i >= end {
        out.append("\\")
        break
      }
      let e = body[i]
      i += 1
      switch e {
      case "\n": break
      case "\\": out.append("\\")
      case "'": out.append("'")
      case "\"": out.append("\"")
      case "a": out.append("\u{07}")
      case "b": out.append("\u{08}")
      case "f": out.append("\u{0C}")
      case "n": out.append("\n")
      case "r": out.append("\r")
      case "t": out.append("\t")
      case "v": out.append("\u{0B}")
      case "0"..."7":
        var value = e.value - 0x30
        var digits = 1
        while digits < 3 && i < end && body[i].value >= 0x30 && body[i].value <= 0x37 {
          value = value * 8 + body[i].value - 0x30
          i += 1
          digits += 1
        }
        out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      case "x", "u", "U":
        let width = e == "x" ? 2 : e == "u" ? 4 : 8
        var value: UInt32 = 0
        for _ in 0..<width {
          guard i < end, let digit = hexValue(body[i]) else {
            let name = e == "x" ? "\\xXX" : e == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
            throw unicodeError(escapeStart, i - body.startIndex - 1, "truncated \(name) escape", body)
          }
          value = value &* 16 &+ digit
          i += 1
        }
        if value > maxScalar {
          throw unicodeError(escapeStart, i - body.startIndex - 1, "illegal Unicode character", body)
        }
        out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      case "N":
        guard i < end, body[i] == "{", let close = body[i...].firstIndex(of: "}"), close > i + 1 else {
          let stop = min(i, end) - body.startIndex - 1
          throw unicodeError(escapeStart, max(stop, escapeStart + 1), "malformed \\N character escape", body)
        }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: body[(i + 1)..<close])
        guard let scalar = UnicodeNames.lookup(String(name)) else {
          throw unicodeError(escapeStart, close - body.startIndex, "unknown Unicode character name", body)
        }
        out.append(scalar)
        i = close + 1
      default:
        // Unknown escapes keep the backslash (CPython warns).
        out.append("\\")
        out.append(e)
      }
    }
    return String(out)
  }

  /// Decodes a `bytes` literal body. Non-ASCII source characters are an error
  /// the caller reports; escapes above `\xff` wrap like CPython's octal escapes.
  static func decodeBytes(_ body: ArraySlice<Unicode.Scalar>, isRaw: Bool) throws(EscapeError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.startIndex
    let end = body.endIndex
    while i < end {
      let c = body[i]
      if c != "\\" || isRaw {
        out.append(UInt8(truncatingIfNeeded: c.value))
        i += 1
        continue
      }
      let escapeStart = i - body.startIndex
      i += 1
      if i >= end {
        out.append(0x5C)
        break
      }
      let e = body[i]
      i += 1
      switch e {
      case "\n": break
      case "\\": out.append(0x5C)
      case "'": out.append(0x27)
      case "\"": out.append(0x22)
      case "a": out.append(7)
      case "b": out.append(8)
      case "f": out.append(12)
      case "n": out.append(10)
      case "r": out.append(13)
      case "t": out.append(9)
      case "v": out.append(11)
      case "0"..."7":
        var value = e.value - 0x30
        var digits = 1
        while digits < 3 && i < end && body[i].value >= 0x30 && body[i].value <= 0x37 {
          value = value * 8 + body[i].value - 0x30
          i += 1
          digits += 1
        }
        out.append(UInt8(truncatingIfNeeded: value))
      case "x":
        guard i + 1 < end, let high = hexValue(body[i]), let low = hexValue(body[i + 1]) else {
          throw EscapeError(message: "(value error) invalid \\x escape at position \(escapeStart)")
        }
        out.append(UInt8(high * 16 + low))
        i += 2
      default:
        out.append(0x5C)
        out.append(UInt8(truncatingIfNeeded: e.value))
      }
    }
    return out
  }

  private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c.value {
    case 0x30...0x39: return c.value - 0x30
    case 0x61...0x66: return c.value - 0x61 + 10
    case 0x41...0x46: return c.value - 0x41 + 10
    default: return nil
    }
  }

  /// CPython's message for a failed `unicodeescape` decode. Positions are
  /// UTF-8 byte offsets into the literal body.
  private static func unicodeError(_ start: Int, _ end: Int, _ reason: String, _ body: ArraySlice<Unicode.Scalar>)
    -> EscapeError
  {
    func byteOffset(_ n: Int) -> Int {
      var bytes = 0
      for s in body.prefix(n) { bytes += UTF8.width(s) }
      return bytes
    }
    let from = byteOffset(start), to = byteOffset(end)
    let where_ = from == to ? "position \(from)" : "position \(from)-\(to)"
    return EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in \(where_): \(reason)")
  }
}

/// Reverse lookup of Unicode character names for `\N{...}`, built lazily
/// from the standard library's scalar names (`Unicode.Scalar.Properties.name`).
enum UnicodeNames {
  /// Aliases CPython accepts that have no `name` in the Unicode database
  /// (control characters and a few common abbreviations).
  private static let aliases: [String: UInt32] = [
    "NULL": 0, "NUL": 0, "BELL": 7, "BEL": 7, "BACKSPACE": 8, "BS": 8, "CHARACTER TABULATION": 9,
    "HORIZONTAL TABULATION": 9, "TAB": 9, "HT": 9, "LINE FEED": 10, "NEW LINE": 10, "END OF LINE": 10,
    "LF": 10, "NL": 10, "EOL": 10, "LINE TABULATION": 11, "VERTICAL TABULATION": 11, "VT": 11,
    "FORM FEED": 12, "FF": 12, "CARRIAGE RETURN": 13, "CR": 13, "ESCAPE": 27, "ESC": 27, "DELETE": 127,
    "DEL": 127, "NO-BREAK SPACE": 0xA0, "NBSP": 0xA0, "ZERO WIDTH SPACE": 0x200B, "ZWSP": 0x200B,
    "ZERO WIDTH NON-JOINER": 0x200C, "ZWNJ": 0x200C, "ZERO WIDTH JOINER": 0x200D, "ZWJ": 0x200D,
    "BYTE ORDER MARK": 0xFEFF, "BOM": 0xFEFF, "ZWNBSP": 0xFEFF, "SPACE": 0x20, "SP": 0x20,
    "NEXT LINE": 0x85, "NEL": 0x85, "SOFT HYPHEN": 0xAD, "SHY": 0xAD,
  ]

  private static let table: [String: Unicode.Scalar] = {
    var table: [String: Unicode.Scalar] = [:]
    table.reserveCapacity(300_000)
    var value: UInt32 = 0
    while value <= 0x10FFFF {
      if value == 0xD800 { value = 0xE000 }
      // Skip the large unassigned planes quickly.
      if value == 0x32000 { value = 0xE0000 }
      if let scalar = Unicode.Scalar(value) {
        let properties = scalar.properties
        if let name = properties.name { table[name] = scalar }
        if let alias = properties.nameAlias, table[alias] == nil { table[alias] = scalar }
      }
      value += 1
    }
    return table
  }()

  static func lookup(_ rawName: String) -> Unicode.Scalar? {
    let name = rawName.uppercased()
    if let value = aliases[name] { return Unicode.Scalar(value) }
    // Algorithmic names first: they need no table.
    for prefix in ["CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-"] where name.hasPrefix(prefix) {
      let hex = name.dropFirst(prefix.count)
      if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value), scalar.properties.name == name {
        return scalar
      }
    }
    return table[name]
  }
}
