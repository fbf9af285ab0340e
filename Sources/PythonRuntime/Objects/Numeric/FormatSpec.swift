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

    var separator: UInt8 { self == .comma ? NumericASCII.comma : NumericASCII.underscore }
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
    let comma = UInt32(NumericASCII.comma), underscore = UInt32(NumericASCII.underscore)

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
    if i < end && at(i) == UInt32(NumericASCII.dot) {
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

  /// `'d'`, or `'\x1'` for a type character that is not printable NumericASCII.
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
