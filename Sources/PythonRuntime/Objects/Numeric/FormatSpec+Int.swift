import BigInt

/// `format(int, spec)`: CPython's `format_long_internal`, plus the float
/// presentation types, which convert the int to float first.
extension NumericFormat {
  /// `format(value, spec)` for an `int` (`typeName` is the class name used
  /// in error messages, for subclasses). An empty spec is `str(value)`.
  public static func format(_ value: Int, spec: String, typeName: String = "int") throws -> String {
    if spec.isEmpty { return String(value) }
    let parsed = try FormatSpec.parse(spec, typeName: typeName, defaultType: "d", defaultAlign: .right)
    return try format(.small(value), spec: parsed, typeName: typeName)
  }

  /// `format(value, spec)` for a big `int`.
  public static func format(_ value: BigInt, spec: String, typeName: String = "int", maxStrDigits: Int = defaultMaxStrDigits) throws -> String {
    try format(IntegerValue(value), spec: spec, typeName: typeName, maxStrDigits: maxStrDigits)
  }

  public static func format(_ value: IntegerValue, spec: String, typeName: String = "int", maxStrDigits: Int = defaultMaxStrDigits) throws -> String {
    if spec.isEmpty { return try intToString(value, maxDigits: maxStrDigits) }
    let parsed = try FormatSpec.parse(spec, typeName: typeName, defaultType: "d", defaultAlign: .right)
    return try format(value, spec: parsed, typeName: typeName, maxStrDigits: maxStrDigits)
  }

  /// Formats an int with an already parsed spec (parse it with
  /// `defaultType: "d", defaultAlign: .right`).
  public static func format(_ value: IntegerValue, spec: FormatSpec, typeName: String = "int", maxStrDigits: Int = defaultMaxStrDigits) throws -> String {
    let radix: Int
    switch spec.type {
    case "d", "n": radix = 10
    case "b": radix = 2
    case "o": radix = 8
    case "x", "X": radix = 16
    case "c": radix = 0
    case "e", "E", "f", "F", "g", "G", "%":
      return try format(NumericOps.toDouble(value), spec: spec, typeName: "float")
    default:
      throw FormatSpec.unknownType(spec.type, typeName: typeName)
    }
    if spec.precision != nil {
      throw NumericError.valueError("Precision not allowed in integer format specifier")
    }
    if spec.noNegativeZero {
      throw NumericError.valueError("Negative zero coercion (z) not allowed in integer format specifier")
    }
    try spec.checkSize()
    if radix == 0 {
      return try formatCharacter(value, spec: spec)
    }
    // Fast path: nothing but the digits (and maybe the base prefix).
    if spec.width == nil && spec.sign != 0x2B && spec.sign != 0x20 && spec.grouping == .none {
      if case .small(let v) = value, radix == 10 { return String(v) }
    }
    let uppercase = spec.type == "X"
    let negative = value.isNegative
    let sign: UInt8? = negative ? NumericASCII.minus : (spec.sign == NumericASCII.plus || spec.sign == NumericASCII.space ? spec.sign : nil)
    let prefixMarker: UInt8 = radix == 2 ? 0x62 : radix == 8 ? 0x6F : (uppercase ? 0x58 : 0x78)
    var prefixBytes: (UInt8, UInt8) = (NumericASCII.zero, prefixMarker)

    func render(_ digits: UnsafeBufferPointer<UInt8>) -> String {
      withUnsafeBytes(of: &prefixBytes) { prefixRaw in
        var layout = NumberLayout()
        layout.sign = sign
        if spec.alternate && radix != 10 {
          layout.prefix = UnsafeBufferPointer(start: prefixRaw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 2)
        }
        layout.digits = digits
        return layout.render(spec, grouping: spec.type == "n" ? .none : spec.grouping, fractionGrouping: .none)
      }
    }

    switch value {
    case .big(let big) where radix == 10:
      try checkDecimalDigitLimit(big.magnitude, maxDigits: maxStrDigits)
      let digits = decimalDigits(big.magnitude)
      if maxStrDigits > 0 && digits.count > maxStrDigits { throw tooManyDigitsToString(maxStrDigits) }
      return digits.withUnsafeBufferPointer { render($0) }
    default:
      let count = digitCount(value, radix: radix)
      return NumericByteWriter.withScratch(capacity: count) { scratch in
        writeMagnitude(value, radix: radix, uppercase: uppercase, into: &scratch)
        return render(scratch.written)
      }
    }
  }

  /// The `c` presentation type: the code point as a one-character string.
  private static func formatCharacter(_ value: IntegerValue, spec: FormatSpec) throws -> String {
    if spec.sign != nil {
      throw NumericError.valueError("Sign not allowed with integer format specifier 'c'")
    }
    if spec.alternate {
      throw NumericError.valueError("Alternate form (#) not allowed with integer format specifier 'c'")
    }
    guard let code = value.intValue else {
      throw NumericError.overflowError("Python int too large to convert to C long")
    }
    guard code >= 0, code <= 0x10FFFF else {
      throw NumericError.overflowError("%c arg not in range(0x110000)")
    }
    var layout = NumberLayout()
    // Lone surrogates cannot live in a Swift String; U+FFFD stands in.
    layout.remainderScalar = Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}"
    return layout.render(spec, grouping: .none, fractionGrouping: .none)
  }
}
