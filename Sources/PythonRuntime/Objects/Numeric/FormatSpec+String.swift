/// `format(str, spec)`: CPython's `format_string_internal`. Widths and
/// precisions count code points (not grapheme clusters, as Swift's
/// `String.count` would).
extension NumericFormat {
  /// `format(value, spec)` for a `str`.
  public static func format(_ value: String, spec: String, typeName: String = "str") throws -> String {
    if spec.isEmpty { return value }
    let parsed = try FormatSpec.parse(spec, typeName: typeName, defaultType: "s", defaultAlign: .left)
    return try format(value, spec: parsed, typeName: typeName)
  }

  /// Formats a string with an already parsed spec (parse it with
  /// `defaultType: "s", defaultAlign: .left`).
  public static func format(_ value: String, spec: FormatSpec, typeName: String = "str") throws -> String {
    guard spec.type == "s" else { throw FormatSpec.unknownType(spec.type, typeName: typeName) }
    if let sign = spec.sign {
      throw NumericError.valueError(sign == NumericASCII.space
        ? "Space not allowed in string format specifier"
        : "Sign not allowed in string format specifier")
    }
    if spec.noNegativeZero {
      throw NumericError.valueError("Negative zero coercion (z) not allowed in string format specifier")
    }
    if spec.alternate {
      throw NumericError.valueError("Alternate form (#) not allowed in string format specifier")
    }
    if spec.align == .afterSign {
      throw NumericError.valueError("'=' alignment not allowed in string format specifier")
    }
    try spec.checkSize()
    return pad(value, width: spec.width, precision: spec.precision, align: spec.align, fill: spec.fill)
  }

  /// Truncates `value` to `precision` code points and pads it to `width`.
  static func pad(_ value: String, width: Int?, precision: Int?, align: FormatSpec.Align, fill: Unicode.Scalar) -> String {
    let scalars = value.unicodeScalars
    var truncatedEnd: String.UnicodeScalarView.Index? = nil
    var length = 0  // code points kept, counted only as far as needed
    if let precision {
      var index = scalars.startIndex
      while length < precision && index < scalars.endIndex {
        index = scalars.index(after: index)
        length += 1
      }
      if index < scalars.endIndex { truncatedEnd = index }
    } else if let width {
      // Only whether the string is shorter than the width matters.
      for _ in scalars {
        length += 1
        if length >= width { break }
      }
    }
    guard let width, width > length else {
      if let truncatedEnd { return String(scalars[..<truncatedEnd]) }
      return value
    }
    let padding = width - length
    let left: Int
    switch align {
    case .right: left = padding
    case .center: left = padding / 2
    default: left = 0
    }
    let right = padding - left
    var text = truncatedEnd.map { Substring(scalars[..<$0]) } ?? Substring(value)
    let byteCount = text.utf8.count
    let fillBytes = fill.value < 0x80 ? 1 : 4
    return NumericByteWriter.string(capacity: byteCount + padding * fillBytes) { out in
      out.append(repeating: fill, count: left)
      text.withUTF8 { out.append($0) }
      out.append(repeating: fill, count: right)
    }
  }
}
