/// `format(float, spec)`: CPython's `format_float_internal`.
extension NumericFormat {
  /// `format(value, spec)` for a `float`. An empty spec is `str(value)`.
  public static func format(_ value: Double, spec: String, typeName: String = "float") throws -> String {
    if spec.isEmpty { return floatRepr(value) }
    let parsed = try FormatSpec.parse(spec, typeName: typeName, defaultType: nil, defaultAlign: .right)
    return try format(value, spec: parsed, typeName: typeName)
  }

  /// Formats a float with an already parsed spec (parse it with
  /// `defaultType: nil, defaultAlign: .right`).
  public static func format(_ value: Double, spec: FormatSpec, typeName: String = "float") throws -> String {
    var flags: FloatFormatFlags = []
    var style: FloatLayout.Style
    var upper = false
    var defaultPrecision = 6
    var percent = false
    var x = value
    switch spec.type {
    case nil:
      // No type: repr-like without a precision, else like `g` but always
      // showing a fractional digit when fixed-point.
      flags.insert(.addDotZero)
      style = .repr
      defaultPrecision = 0
    case "e": style = .exponent
    case "E": style = .exponent; upper = true
    case "f": style = .fixed
    case "F": style = .fixed; upper = true
    case "g", "n": style = .general
    case "G": style = .general; upper = true
    case "%":
      style = .fixed
      percent = true
      x *= 100
    default:
      throw FormatSpec.unknownType(spec.type, typeName: typeName)
    }
    if let p = spec.precision, p > Int(Int32.max) {
      throw NumericError.valueError("precision too big")
    }
    try spec.checkSize()
    if spec.alternate { flags.insert(.alternate) }
    if spec.noNegativeZero { flags.insert(.noNegativeZero) }
    var precision = defaultPrecision
    if let p = spec.precision {
      precision = p
      if style == .repr { style = .general }
    }
    let layout = FloatLayout(style: style, upper: upper, precision: precision, flags: flags)
    if layout.capacity(for: x) > NumericError.maxFieldWidth { throw NumericError.memoryError }
    let grouping = spec.type == "n" ? FormatSpec.Grouping.none : spec.grouping
    let simple = spec.width == nil && spec.sign != NumericASCII.plus && spec.sign != NumericASCII.space
      && grouping == .none && spec.fractionGrouping == .none

    return NumericByteWriter.withScratch(capacity: layout.capacity(for: x) + 2) { body in
      let negative = layout.write(x, sign: simple, into: &body)
      if percent { body.append(NumericASCII.percent) }
      if simple { return String(decoding: body.written, as: UTF8.self) }
      // Split the body into integer digits, the point, fraction digits and
      // the rest (exponent, %, or all of inf/nan).
      let bytes = body.written
      var i = 0
      while i < bytes.count && NumericASCII.isDigit(bytes[i]) { i += 1 }
      var layoutParts = NumberLayout()
      layoutParts.digits = UnsafeBufferPointer(rebasing: bytes[0..<i])
      if i < bytes.count && bytes[i] == NumericASCII.dot {
        layoutParts.hasDecimalPoint = true
        i += 1
      }
      var j = i
      if layoutParts.hasDecimalPoint {
        while j < bytes.count && NumericASCII.isDigit(bytes[j]) { j += 1 }
      }
      layoutParts.fraction = UnsafeBufferPointer(rebasing: bytes[i..<j])
      layoutParts.remainder = UnsafeBufferPointer(rebasing: bytes[j...])
      if negative {
        layoutParts.sign = NumericASCII.minus
      } else if spec.sign == NumericASCII.plus || spec.sign == NumericASCII.space {
        layoutParts.sign = spec.sign
      }
      return layoutParts.render(spec, grouping: grouping, fractionGrouping: spec.fractionGrouping)
    }
  }
}
