/// A parsed standard format specifier (the format-spec mini-language of
/// `format()`, `str.format` and f-strings), CPython 3.14 grammar:
///
///     [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." [precision][grouping]][type]
///
/// Parse once with `FormatSpec.parse` (f-strings with constant specs can
/// cache the result) and format with `NumericFormat.format(_:spec:)`.
public struct FormatSpec: Equatable, Sendable {
  public enum Align: UInt8, Sendable {
    case left = 0x3C  // <
    case right = 0x3E  // >
    case afterSign = 0x3D  // =
    case center = 0x5E  // ^
  }

  /// Digit grouping: `,` or `_` every 3 digits, or `_` every 4 digits (the
  /// form `_` takes with the b, o, x and X types).
  public enum Grouping: Equatable, Sendable {
    case none, comma, underscore, underscoreEveryFour

    var separator: UInt8 { self == .comma ? ASCII.comma : ASCII.underscore }
    var groupSize: Int { self == .underscoreEveryFour ? 4 : 3 }
    var character: Character { self == .comma ? "," : "_" }
  }

  public var fill: Unicode.Scalar = " "
  public var align: Align
  /// `+`, `-`, ` ` or nil.
  public var sign: UInt8? = nil
  public var noNegativeZero = false
  public var alternate = false
  /// Minimum field width, nil when not given.
  public var width: Int? = nil
  public var grouping: Grouping = .none
  public var precision: Int? = nil
  /// Grouping of the digits after the decimal point (3.14).
  public var fractionGrouping: Grouping = .none
  /// The presentation type, nil when omitted (after applying the type's
  /// default, so ints see `d` and strings `s`).
  public var type: Unicode.Scalar? = nil

  /// Whether the alignment was given explicitly (the `0` option only
  /// implies `=` when it was not).
  public var alignSpecified = false

  public init(align: Align) {
    self.align = align
  }

  /// Parses `spec` the way CPython's `parse_internal_render_format_spec`
  /// does. `typeName` is only used in error messages; `defaultType` and
  /// `defaultAlign` are the formatted type's (int: `d`/`>`, float: none/`>`,
  /// str: `s`/`<`).
  public static func parse(_ spec: String, typeName: String, defaultType: Unicode.Scalar?, defaultAlign: Align) throws -> FormatSpec {
    // Work on code points in a stack buffer: specs are short, and indexing
    // a String's scalars directly is slow.
    var text = spec
    let count = text.utf8.count
    return try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(count, 1)) { buffer in
      var n = 0
      let ascii = text.withUTF8 { utf8 -> Bool in
        for b in utf8 {
          if b >= 0x80 { return false }
          buffer[n] = UInt32(b)
          n += 1
        }
        return true
      }
      if !ascii {
        n = 0
        for c in spec.unicodeScalars {
          buffer[n] = c.value
          n += 1
        }
      }
      return try parse(UnsafeBufferPointer(rebasing: buffer[0..<n]), spec: spec, typeName: typeName,
                       defaultType: defaultType, defaultAlign: defaultAlign)
    }
  }

  private static func parse(_ s: UnsafeBufferPointer<UInt32>, spec: String, typeName: String, defaultType: Unicode.Scalar?, defaultAlign: Align) throws -> FormatSpec {
    var result = FormatSpec(align: defaultAlign)
    result.type = defaultType
    let end = s.count
    var i = 0
    var fillSpecified = false

    @inline(__always) func at(_ k: Int) -> UInt32 { k < end ? s[k] : 0 }
    @inline(__always) func alignment(_ c: UInt32) -> Align? { c < 0x80 ? Align(rawValue: UInt8(c)) : nil }
    func integer() throws -> (value: Int, digits: Int) {
      var value = 0
      var digits = 0
      while i < end, let d = decimalValue(s[i]) {
        if value > (Int.max - d) / 10 {
          throw NumericError.valueError("Too many decimal digits in format string")
        }
        value = value * 10 + d
        digits += 1
        i += 1
      }
      return (value, digits)
    }
    let comma = UInt32(ASCII.comma), underscore = UInt32(ASCII.underscore)

    if end >= 2, let a = alignment(s[1]) {
      result.fill = Unicode.Scalar(s[0]) ?? " "
      result.align = a
      fillSpecified = true
      result.alignSpecified = true
      i = 2
    } else if end >= 1, let a = alignment(s[0]) {
      result.align = a
      result.alignSpecified = true
      i = 1
    }
    let c = at(i)
    if i < end && (c == 0x2B || c == 0x2D || c == 0x20) {  // + - space
      result.sign = UInt8(c)
      i += 1
    }
    if i < end && at(i) == 0x7A {  // z
      result.noNegativeZero = true
      i += 1
    }
    if i < end && at(i) == 0x23 {  // #
      result.alternate = true
      i += 1
    }
    if !fillSpecified && i < end && at(i) == 0x30 {
      result.fill = "0"
      if !result.alignSpecified && defaultAlign == .right {
        result.align = .afterSign
      }
      i += 1
    }
    let width = try integer()
    if width.digits > 0 { result.width = width.value }
    if i < end && at(i) == comma {
      result.grouping = .comma
      i += 1
    }
    if i < end && at(i) == underscore {
      if result.grouping != .none { throw bothSeparators }
      result.grouping = .underscore
      i += 1
    }
    if i < end && at(i) == comma && result.grouping == .underscore { throw bothSeparators }
    if i < end && at(i) == UInt32(ASCII.dot) {
      i += 1
      let precision = try integer()
      var consumed = precision.digits
      if precision.digits > 0 { result.precision = precision.value }
      if i < end && at(i) == comma {
        result.fractionGrouping = .comma
        i += 1
        consumed += 1
      }
      if i < end && at(i) == underscore {
        if result.fractionGrouping != .none { throw bothSeparators }
        result.fractionGrouping = .underscore
        i += 1
        consumed += 1
      }
      if i < end && at(i) == comma && result.fractionGrouping == .underscore { throw bothSeparators }
      if consumed == 0 { throw NumericError.valueError("Format specifier missing precision") }
    }
    if end - i > 1 {
      throw NumericError.valueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
    }
    if i < end {
      result.type = Unicode.Scalar(s[i]) ?? "\u{FFFD}"
    }

    if result.grouping != .none {
      switch result.type {
      case nil, "d", "e", "f", "g", "E", "G", "%", "F":
        break
      case "b", "o", "x", "X":
        // PEP 515: `_` groups bin/oct/hex digits by four; `,` is an error.
        guard result.grouping == .underscore else { throw invalidSeparator(result.grouping, result.type) }
        result.grouping = .underscoreEveryFour
      default:
        throw invalidSeparator(result.grouping, result.type)
      }
    }
    if result.type == "n" && result.fractionGrouping != .none {
      throw invalidSeparator(result.fractionGrouping, result.type)
    }
    return result
  }

  private static let bothSeparators = NumericError.valueError("Cannot specify both ',' and '_'.")

  private static func invalidSeparator(_ grouping: Grouping, _ type: Unicode.Scalar?) -> NumericError {
    .valueError("Cannot specify '\(grouping.character)' with \(describeType(type)).")
  }

  /// `'d'`, or `'\x1'` for a type character that is not printable ASCII.
  static func describeType(_ type: Unicode.Scalar?) -> String {
    let v = type?.value ?? 0
    if v > 32 && v < 128 { return "'\(Character(type!))'" }
    return "'\\x\(String(v, radix: 16))'"
  }

  /// MemoryError for fields too large to allocate.
  func checkSize() throws {
    if let width, width > NumericError.maxFieldWidth { throw NumericError.memoryError }
  }

  static func unknownType(_ type: Unicode.Scalar?, typeName: String) -> NumericError {
    .valueError("Unknown format code \(describeType(type)) for object of type '\(typeName)'")
  }

  /// `Py_UNICODE_TODECIMAL`: ASCII and other Unicode decimal digits.
  static func decimalValue(_ c: Unicode.Scalar) -> Int? {
    decimalValue(c.value)
  }

  @inline(__always)
  static func decimalValue(_ v: UInt32) -> Int? {
    if v < 0x80 {
      let d = Int(v) - 0x30
      return d >= 0 && d < 10 ? d : nil
    }
    guard let c = Unicode.Scalar(v) else { return nil }
    let p = c.properties
    guard p.numericType == .decimal, let n = p.numericValue else { return nil }
    return Int(n)
  }
}

// MARK: - Number layout

/// The pieces of a formatted number and CPython's rules for padding them
/// (`calc_number_widths` / `fill_number`):
///
///     <lpad><sign><prefix><spad><grouped int digits><.><grouped fraction><remainder><rpad>
///
/// Only one of the three paddings is non-empty. With fill `0` and `=`
/// alignment the integer digits themselves are zero-extended (through the
/// grouping, so `format(1, '06,')` is `00,001`).
struct NumberLayout {
  var sign: UInt8? = nil
  var prefix: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  var digits: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  var hasDecimalPoint = false
  var fraction: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  var remainder: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  /// A non-ASCII remainder (the `c` type), written after `remainder`.
  var remainderScalar: Unicode.Scalar? = nil

  /// Writes the laid-out number as a `String`.
  func render(_ spec: FormatSpec, grouping: FormatSpec.Grouping, fractionGrouping: FormatSpec.Grouping) -> String {
    let width = spec.width ?? -1
    let fixedChars = (sign == nil ? 0 : 1) + prefix.count + (hasDecimalPoint ? 1 : 0) + remainder.count
      + (remainderScalar == nil ? 0 : 1)
    let groupedFraction = NumberLayout.groupedLength(fraction.count, grouping: fractionGrouping)
    let minWidth = spec.fill == "0" && spec.align == .afterSign ? width - fixedChars - groupedFraction : 0
    let groupedDigits = digits.count == 0 ? 0 : NumberLayout.groupedIntegerLength(digits.count, minWidth: minWidth, grouping: grouping)
    let total = fixedChars + groupedFraction + groupedDigits
    let padding = max(width - total, 0)
    var left = 0, middle = 0, right = 0
    switch spec.align {
    case .left: right = padding
    case .right: left = padding
    case .center: left = padding / 2; right = padding - left
    case .afterSign: middle = padding
    }
    let fillBytes = spec.fill.value < 0x80 ? 1 : 4
    let capacity = total + 4 + padding * fillBytes
    return ByteWriter.string(capacity: capacity) { out in
      out.append(repeating: spec.fill, count: left)
      if let sign { out.append(sign) }
      out.append(prefix)
      out.append(repeating: spec.fill, count: middle)
      if digits.count > 0 {
        NumberLayout.writeGroupedInteger(digits, minWidth: minWidth, grouping: grouping, into: &out)
      }
      if hasDecimalPoint { out.append(ASCII.dot) }
      NumberLayout.writeGroupedFraction(fraction, grouping: fractionGrouping, into: &out)
      out.append(remainder)
      if let remainderScalar { out.append(scalar: remainderScalar) }
      out.append(repeating: spec.fill, count: right)
    }
  }

  /// Length of `count` fraction digits with a separator after every group
  /// (counted from the decimal point).
  static func groupedLength(_ count: Int, grouping: FormatSpec.Grouping) -> Int {
    guard grouping != .none, count > 0 else { return count }
    return count + (count - 1) / grouping.groupSize
  }

  static func writeGroupedFraction(_ digits: UnsafeBufferPointer<UInt8>, grouping: FormatSpec.Grouping, into out: inout ByteWriter) {
    guard grouping != .none else { out.append(digits); return }
    let size = grouping.groupSize
    for (i, d) in digits.enumerated() {
      if i > 0 && i % size == 0 { out.append(grouping.separator) }
      out.append(d)
    }
  }

  /// The integer-digit groups, right to left, as CPython's
  /// `_PyUnicode_InsertThousandsGrouping` produces them: each group takes
  /// real digits first and zeros once the digits run out, until both the
  /// digits and `minWidth` are used up. Returns (zeros, digits) per group,
  /// rightmost first, through `body`.
  private static func forEachGroup(_ count: Int, minWidth: Int, grouping: FormatSpec.Grouping, _ body: (_ zeros: Int, _ chars: Int, _ separator: Bool) -> Void) {
    var remaining = count
    var minWidth = max(minWidth, 0)
    var useSeparator = false
    if grouping != .none {
      let size = grouping.groupSize
      while true {
        let len = min(size, max(remaining, minWidth, 1))
        let zeros = max(0, len - remaining)
        let chars = max(0, min(remaining, len))
        body(zeros, chars, useSeparator)
        useSeparator = true
        remaining -= chars
        minWidth -= len
        if remaining <= 0 && minWidth <= 0 { return }
        minWidth -= 1
      }
    } else {
      let len = max(remaining, minWidth, 1)
      body(max(0, len - remaining), max(0, min(remaining, len)), false)
    }
  }

  static func groupedIntegerLength(_ count: Int, minWidth: Int, grouping: FormatSpec.Grouping) -> Int {
    var total = 0
    forEachGroup(count, minWidth: minWidth, grouping: grouping) { zeros, chars, separator in
      total += zeros + chars + (separator ? 1 : 0)
    }
    return total
  }

  static func writeGroupedInteger(_ digits: UnsafeBufferPointer<UInt8>, minWidth: Int, grouping: FormatSpec.Grouping, into out: inout ByteWriter) {
    if grouping == .none && minWidth <= digits.count {
      out.append(digits)
      return
    }
    // Groups come right to left; write them into place from the end.
    let length = groupedIntegerLength(digits.count, minWidth: minWidth, grouping: grouping)
    let start = out.count
    out.append(repeating: ASCII.zero, count: length)
    var position = start + length
    var digitEnd = digits.count
    forEachGroup(digits.count, minWidth: minWidth, grouping: grouping) { zeros, chars, separator in
      if separator {
        position -= 1
        out.base[position] = grouping.separator
      }
      position -= chars
      digitEnd -= chars
      for k in 0..<chars { out.base[position + k] = digits[digitEnd + k] }
      position -= zeros  // already '0'
    }
  }
}
