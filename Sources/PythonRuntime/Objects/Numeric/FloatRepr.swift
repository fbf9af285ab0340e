/// Options of CPython's `PyOS_double_to_string`.
public struct FloatFormatFlags: OptionSet, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Put `+` before non-negative numbers (and `+inf`, `+nan`).
  public static let alwaysSign = FloatFormatFlags(rawValue: 1)
  /// Make integral results look like floats: `1.0`, not `1` (repr, and the
  /// empty format type).
  public static let addDotZero = FloatFormatFlags(rawValue: 2)
  /// The `#` alternate form: keep the point and, for `g`, trailing zeros.
  public static let alternate = FloatFormatFlags(rawValue: 4)
  /// The `z` option: a result that reads as zero gets no minus sign.
  public static let noNegativeZero = FloatFormatFlags(rawValue: 8)
}

extension NumericFormat {
  /// `repr(x)` (and `str(x)`) for a Python float: the shortest digits that
  /// round-trip, in exponent form iff the decimal exponent is < -4 or >= 16.
  /// `1.0`, `1e+16`, `1.5e-07`, `-0.0`, `inf`, `nan`, `123456789.12345679`.
  public static func floatRepr(_ x: Double) -> String {
    let layout = FloatLayout(style: .repr, upper: false, precision: 0, flags: .addDotZero)
    return NumericByteWriter.string(capacity: 32) { out in
      layout.write(x, sign: true, into: &out)
    }
  }

  /// `repr(complex(real, imag))`: `(1+2j)`, `1j`, `(-0+1j)`, `(inf+nanj)`.
  /// The parts use repr digits without a forced `.0`; the real part is
  /// omitted when it is +0.0.
  public static func complexRepr(real: Double, imag: Double) -> String {
    let imagText = formatDouble(imag, code: "r", precision: 0, flags: real == 0 && real.sign == .plus ? [] : .alwaysSign)
    if real == 0 && real.sign == .plus {
      return imagText + "j"
    }
    return "(" + formatDouble(real, code: "r", precision: 0, flags: []) + imagText + "j)"
  }

  /// CPython's `PyOS_double_to_string`. `code` is one of `e E f F g G r`
  /// (`r` = repr-style shortest digits, precision ignored); an uppercase
  /// code gives `E`, `INF`, `NAN`.
  public static func formatDouble(_ x: Double, code: Character, precision: Int, flags: FloatFormatFlags) -> String {
    let layout = FloatLayout(code: code, precision: precision, flags: flags)
    return NumericByteWriter.string(capacity: layout.capacity(for: x)) { out in
      layout.write(x, sign: true, into: &out)
    }
  }
}

/// The digits-to-text step of `PyOS_double_to_string`, shared by `repr`,
/// `format()` and `%`-formatting.
struct FloatLayout {
  enum Style { case exponent, fixed, general, repr }

  var style: Style
  var upper: Bool
  var precision: Int
  var flags: FloatFormatFlags

  init(code: Character, precision: Int, flags: FloatFormatFlags) {
    // Switch on the byte: matching Characters compares strings.
    self.init(code: code.asciiValue ?? 0, precision: precision, flags: flags)
  }

  init(code: UInt8, precision: Int, flags: FloatFormatFlags) {
    switch code {
    case 0x65: style = .exponent; upper = false  // e
    case 0x45: style = .exponent; upper = true  // E
    case 0x66: style = .fixed; upper = false  // f
    case 0x46: style = .fixed; upper = true  // F
    case 0x67: style = .general; upper = false  // g
    case 0x47: style = .general; upper = true  // G
    case 0x72: style = .repr; upper = false  // r
    default: preconditionFailure("FloatLayout: bad format code \(code)")
    }
    self.precision = max(precision, 0)
    self.flags = flags
  }

  init(style: Style, upper: Bool, precision: Int, flags: FloatFormatFlags) {
    self.style = style
    self.upper = upper
    self.precision = max(precision, 0)
    self.flags = flags
  }

  /// An upper bound on the bytes `write` produces for `x`. The integer part
  /// of a double has at most 309 digits and its exact expansion at most
  /// 767 significant digits; beyond those, only requested zeros add length
  /// (so `g` without `#` stays short whatever the precision).
  func capacity(for x: Double) -> Int {
    guard x.isFinite else { return 5 }
    switch style {
    case .fixed: return 330 + precision
    case .exponent: return 16 + precision
    case .general: return flags.contains(.alternate) ? 340 + precision : 340 + FloatDigits.maxDigits
    case .repr: return 32
    }
  }

  /// Writes the formatted number. With `sign == false` no sign character is
  /// written (the caller handles it); the return value tells whether the
  /// value is negative after the `z` option has been applied.
  @discardableResult
  func write(_ x: Double, sign: Bool, into out: inout NumericByteWriter) -> Bool {
    if !x.isFinite {
      let negative = x.isInfinite && x < 0
      if sign {
        if negative { out.append(NumericASCII.minus) } else if flags.contains(.alwaysSign) { out.append(NumericASCII.plus) }
      }
      let text: StaticString = x.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")
      out.append(text.utf8Start, count: 3)
      return negative
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FloatDigits.maxDigits) { buffer -> Bool in
      let digits = buffer.baseAddress!
      let count: Int
      let decpt: Int
      var precision = self.precision
      switch style {
      case .repr:
        (count, decpt) = FloatDigits.shortest(x, into: digits)
      case .exponent:
        precision += 1
        (count, decpt) = FloatDigits.rounded(x, .significant(precision), into: digits)
      case .general:
        if precision == 0 { precision = 1 }
        (count, decpt) = FloatDigits.rounded(x, .significant(precision), into: digits)
      case .fixed:
        (count, decpt) = FloatDigits.rounded(x, .fixed(precision), into: digits)
      }
      var negative = x.sign == .minus
      if negative && flags.contains(.noNegativeZero) && (count == 0 || (count == 1 && digits[0] == NumericASCII.zero)) {
        negative = false
      }
      if sign {
        if negative { out.append(NumericASCII.minus) } else if flags.contains(.alwaysSign) { out.append(NumericASCII.plus) }
      }
      writeDigits(digits, count: count, decpt: decpt, precision: precision, into: &out)
      return negative
    }
  }

  /// Lays out `0.d1…dk × 10^decpt` as fixed or exponent notation, padding
  /// with zeros to the precision the style asks for.
  private func writeDigits(_ digits: UnsafePointer<UInt8>, count: Int, decpt decimalPoint: Int, precision: Int, into out: inout NumericByteWriter) {
    let alternate = flags.contains(.alternate)
    let addDotZero = flags.contains(.addDotZero)
    var decpt = decimalPoint
    var useExponent = false
    var end = count  // one past the last digit position to show
    switch style {
    case .exponent:
      useExponent = true
      end = precision
    case .fixed:
      end = decpt + precision
    case .general:
      if decpt <= -4 || decpt > (addDotZero ? precision - 1 : precision) { useExponent = true }
      if alternate { end = precision }
    case .repr:
      if decpt <= -4 || decpt > 16 { useExponent = true }
    }
    var exponent = 0
    if useExponent {
      exponent = decpt - 1
      decpt = 1
    }
    let start = decpt <= 0 ? decpt - 1 : 0
    if !useExponent && addDotZero {
      end = max(end, decpt + 1)
    } else {
      end = max(end, decpt)
    }
    let begin = out.count
    if decpt <= 0 {
      out.append(repeating: NumericASCII.zero, count: decpt - start)
      out.append(NumericASCII.dot)
      out.append(repeating: NumericASCII.zero, count: -decpt)
    }
    if decpt > 0 && decpt <= count {
      out.append(digits, count: decpt)
      out.append(NumericASCII.dot)
      out.append(digits + decpt, count: count - decpt)
    } else {
      out.append(digits, count: count)
    }
    if count < decpt {
      out.append(repeating: NumericASCII.zero, count: decpt - count)
      out.append(NumericASCII.dot)
      out.append(repeating: NumericASCII.zero, count: end - decpt)
    } else {
      out.append(repeating: NumericASCII.zero, count: end - count)
    }
    if !alternate && out.count > begin && out.base[out.count - 1] == NumericASCII.dot {
      out.truncate(to: out.count - 1)
    }
    if useExponent {
      out.append(upper ? NumericASCII.upperE : NumericASCII.lowerE)
      out.append(exponent < 0 ? NumericASCII.minus : NumericASCII.plus)
      let e = exponent.magnitude
      if e >= 100 { out.append(NumericASCII.zero + UInt8(e / 100)) }
      out.append(NumericASCII.zero + UInt8(e / 10 % 10))
      out.append(NumericASCII.zero + UInt8(e % 10))
    }
  }
}
