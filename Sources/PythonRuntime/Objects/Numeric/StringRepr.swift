/// Python's `repr()` of `str` and `bytes`, and `ascii()`.
extension NumericFormat {
  /// `repr(s)` for a Python `str`: single quotes unless the text contains
  /// `'` and no `"`; `\\`, the chosen quote, `\t`, `\n`, `\r` escaped;
  /// other non-printable characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`;
  /// printable non-ASCII kept as is.
  public static func pythonStringRepr(_ s: String) -> String {
    var text = s
    // Fast path: printable ASCII without quotes or backslashes.
    let plain = text.withUTF8 { utf8 -> Bool in
      for b in utf8 where b < 0x20 || b >= 0x7F || b == NumericASCII.quote || b == NumericASCII.backslash {
        return false
      }
      return true
    }
    if plain {
      return NumericByteWriter.string(capacity: text.utf8.count + 2) { out in
        out.append(NumericASCII.quote)
        text.withUTF8 { out.append($0) }
        out.append(NumericASCII.quote)
      }
    }
    return pythonStringRepr(scalars: s.unicodeScalars)
  }

  /// `repr()` of a `str` given as code points.
  public static func pythonStringRepr<S: Sequence>(scalars: S, asciiOnly: Bool = false) -> String where S.Element == Unicode.Scalar {
    var hasSingle = false
    var hasDouble = false
    var capacity = 2
    for c in scalars {
      if c == "'" { hasSingle = true } else if c == "\"" { hasDouble = true }
      capacity += c.value < 0x80 ? 4 : 10
    }
    let quote: UInt8 = hasSingle && !hasDouble ? NumericASCII.doubleQuote : NumericASCII.quote
    return NumericByteWriter.string(capacity: capacity) { out in
      out.append(quote)
      for c in scalars {
        let v = c.value
        switch v {
        case UInt32(quote), 0x5C:
          out.append(NumericASCII.backslash)
          out.append(UInt8(v))
        case 0x09: out.append(NumericASCII.backslash); out.append(0x74)
        case 0x0A: out.append(NumericASCII.backslash); out.append(0x6E)
        case 0x0D: out.append(NumericASCII.backslash); out.append(0x72)
        case 0x20..<0x7F:
          out.append(UInt8(v))
        default:
          if !asciiOnly && v >= 0x80 && isPrintable(c) {
            out.append(scalar: c)
          } else {
            writeEscape(v, into: &out)
          }
        }
      }
      out.append(quote)
    }
  }

  /// `ascii(s)` for a `str`: its repr with every non-ASCII character escaped.
  public static func pythonAscii(_ s: String) -> String {
    pythonStringRepr(scalars: s.unicodeScalars, asciiOnly: true)
  }

  /// `repr(b)` for `bytes`: `b'...'`, same quote rule as `str`; `\t \n \r`,
  /// `\\`, the quote, and `\xhh` for everything outside printable NumericASCII.
  public static func pythonBytesRepr<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    var hasSingle = false
    var hasDouble = false
    for b in bytes {
      if b == NumericASCII.quote { hasSingle = true } else if b == NumericASCII.doubleQuote { hasDouble = true }
    }
    let quote: UInt8 = hasSingle && !hasDouble ? NumericASCII.doubleQuote : NumericASCII.quote
    return NumericByteWriter.string(capacity: 3 + 4 * bytes.count) { out in
      out.append(0x62)  // b
      out.append(quote)
      for b in bytes {
        switch b {
        case quote, NumericASCII.backslash:
          out.append(NumericASCII.backslash)
          out.append(b)
        case 0x09: out.append(NumericASCII.backslash); out.append(0x74)
        case 0x0A: out.append(NumericASCII.backslash); out.append(0x6E)
        case 0x0D: out.append(NumericASCII.backslash); out.append(0x72)
        case 0x20..<0x7F: out.append(b)
        default: writeEscape(UInt32(b), into: &out)
        }
      }
      out.append(quote)
    }
  }

  /// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, lowercase hex.
  private static func writeEscape(_ v: UInt32, into out: inout NumericByteWriter) {
    out.append(NumericASCII.backslash)
    let digits: Int
    if v <= 0xFF {
      out.append(NumericASCII.lowerX); digits = 2
    } else if v <= 0xFFFF {
      out.append(0x75); digits = 4  // u
    } else {
      out.append(0x55); digits = 8  // U
    }
    for k in stride(from: digits - 1, through: 0, by: -1) {
      out.append(NumericASCII.lowerHexDigits[Int((v >> UInt32(4 * k)) & 0xF)])
    }
  }

  /// `str.isprintable()` for one character: false for the general
  /// categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs, except the ASCII space.
  public static func isPrintable(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 0x20 && v < 0x7F }
    if v < 0xA0 { return false }  // C1 controls
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
         .lineSeparator, .paragraphSeparator, .spaceSeparator:
      return false
    default:
      return true
    }
  }

  /// `repr()` truncated to `limit` code points, as CPython's `%.200R`.
  static func truncatedRepr(_ s: String, limit: Int) -> String {
    let r = pythonStringRepr(s)
    let scalars = r.unicodeScalars
    guard let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex) else { return r }
    return String(scalars[..<end])
  }
}
