/// Formatting of one `%` conversion and the argument cursor.
extension NumericFormat {
  /// Formats one conversion: fetches its arguments (key look-up, `*`
  /// values, the value) in CPython's order, then writes the text.
  static func formatConversion<Value>(_ c: PercentConversion, state: inout PercentState<Value>, hooks: PercentHooks<Value>, into out: inout PercentOutput) throws {
    var leftAdjust = c.leftAdjust
    if c.wantsMapping {
      guard case .mapping(_, let lookup) = state.original else {
        throw NumericError.typeError("format requires a mapping")
      }
      if let key = c.key {
        state.useKeyed(try lookup(key))
      }
    }
    // `*` takes the next argument, which must be an int that fits a C
    // ssize_t (width) or a C int (precision).
    func starArgument(precision: Bool) throws -> Int {
      let v = try state.next()
      guard case .int(let i) = hooks.classify(v) else { throw NumericError.typeError("* wants int") }
      guard let value = i.intValue, !precision || (value >= Int(Int32.min) && value <= Int(Int32.max)) else {
        throw NumericError.overflowError("Python int too large to convert to C \(precision ? "int" : "ssize_t")")
      }
      return value
    }
    var width = -1
    switch c.width {
    case .none: break
    case .fixed(let w): width = w
    case .fromArgument:
      width = try starArgument(precision: false)
      if width < 0 {
        leftAdjust = true
        // CPython negates in C: -PY_SSIZE_T_MIN stays negative, no padding.
        width = width == Int.min ? -1 : -width
      }
    }
    var precision = -1
    switch c.precision {
    case .none: break
    case .fixed(let p): precision = p
    case .fromArgument: precision = max(try starArgument(precision: true), 0)
    }
    if let error = c.error { throw error }
    let value = try state.next()
    guard let type = c.type else { throw NumericError.valueError("incomplete format") }
    // Allocation limits apply once the output is about to be written; a
    // precision only costs memory where it adds digits.
    func checkSize(precisionMatters: Bool = false) throws {
      if width > NumericError.maxFieldWidth || (precisionMatters && precision > NumericError.maxFieldWidth) {
        throw NumericError.memoryError
      }
    }

    switch type {
    case "s", "r", "a":
      var text: String
      switch type {
      case "s":
        if case .string(let s) = hooks.classify(value) { text = s } else { text = try hooks.str(value) }
      case "r": text = try hooks.repr(value)
      default: text = asciiEscaped(try hooks.repr(value))
      }
      try checkSize()
      if width < 0 && precision < 0 {
        out.append(text)
      } else {
        out.append(pad(text, width: width < 0 ? nil : width, precision: precision < 0 ? nil : precision,
                       align: leftAdjust ? .left : .right, fill: " "))
      }
    case "c":
      let character = try percentCharacter(value, hooks: hooks)
      try checkSize()
      let padding = max(width - 1, 0)
      if !leftAdjust { out.append(repeating: NumericASCII.space, count: padding) }
      out.append(scalar: character)
      if leftAdjust { out.append(repeating: NumericASCII.space, count: padding) }
    case "d", "i", "u", "o", "x", "X":
      let integer = try percentInteger(value, type: type, hooks: hooks)
      try checkSize(precisionMatters: true)
      let radix = type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
      if radix == 10, case .big(let big) = integer {
        try checkDecimalDigitLimit(big.magnitude, maxDigits: hooks.maxStrDigits)
      }
      let count = digitCount(integer, radix: radix)
      if radix == 10 && hooks.maxStrDigits > 0 && count > hooks.maxStrDigits {
        throw tooManyDigitsToString(hooks.maxStrDigits)
      }
      let zeros = max(precision - count, 0)
      NumericByteWriter.withScratch(capacity: count) { digits in
        writeMagnitude(integer, radix: radix, uppercase: type == "X", into: &digits)
        var prefix: (UInt8, UInt8) = (NumericASCII.zero, radix == 8 ? 0x6F : (type == "X" ? 0x58 : NumericASCII.lowerX))
        withUnsafeBytes(of: &prefix) { raw in
          let prefixBytes = c.alternate && radix != 10
            ? UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 2)
            : UnsafeBufferPointer(start: nil, count: 0)
          writeNumber(negative: integer.isNegative, prefix: prefixBytes, zeros: zeros, body: digits.written,
                      conversion: c, leftAdjust: leftAdjust, width: width, into: &out)
        }
      }
    case "e", "E", "f", "F", "g", "G":
      let x: Double
      switch hooks.classify(value) {
      case .float(let d): x = d
      case .int(let i): x = try NumericOps.toDouble(i)
      default:
        guard let d = try hooks.toDouble(value) else {
          throw NumericError.typeError("must be real number, not \(hooks.typeName(value))")
        }
        x = d
      }
      try checkSize()
      var flags: FloatFormatFlags = []
      if c.alternate { flags.insert(.alternate) }
      let layout = FloatLayout(code: UInt8(type.value), precision: precision < 0 ? 6 : precision, flags: flags)
      let capacity = layout.capacity(for: x)
      if capacity > NumericError.maxFieldWidth { throw NumericError.memoryError }
      NumericByteWriter.withScratch(capacity: capacity) { body in
        let negative = layout.write(x, sign: false, into: &body)
        writeNumber(negative: negative, prefix: UnsafeBufferPointer(start: nil, count: 0), zeros: 0, body: body.written,
                    conversion: c, leftAdjust: leftAdjust, width: width, into: &out)
      }
    default:
      let v = type.value
      let shown = v >= 32 && v <= 126 ? String(Character(type)) : "?"
      throw NumericError.valueError("unsupported format character '\(shown)' (0x\(String(v, radix: 16))) at index \(c.typeIndex)")
    }
    try state.checkMappingUse()
  }

  /// `%c`: a one-character str, or an int code point.
  private static func percentCharacter<Value>(_ value: Value, hooks: PercentHooks<Value>) throws -> Unicode.Scalar {
    let wrongType = NumericError.typeError("%c requires int or char")
    let code: IntegerValue
    switch hooks.classify(value) {
    case .string(let s):
      var scalars = s.unicodeScalars.makeIterator()
      guard let first = scalars.next(), scalars.next() == nil else { throw wrongType }
      return first
    case .int(let i): code = i
    case .float: throw wrongType
    case .other:
      guard let i = try hooks.toIndex(value) else { throw wrongType }
      code = i
    }
    guard let v = code.intValue, v >= 0, v <= 0x10FFFF else {
      throw NumericError.overflowError("%c arg not in range(0x110000)")
    }
    return Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}"
  }

  /// The int a `%d`-family conversion formats, or CPython's TypeError.
  private static func percentInteger<Value>(_ value: Value, type: Unicode.Scalar, hooks: PercentHooks<Value>) throws -> IntegerValue {
    let needsIndex = type == "o" || type == "x" || type == "X"
    func wrongType() -> NumericError {
      .typeError("%\(Character(type)) format: \(needsIndex ? "an integer" : "a real number") is required, not \(hooks.typeName(value))")
    }
    switch hooks.classify(value) {
    case .int(let i): return i
    case .float(let d):
      if needsIndex { throw wrongType() }
      return try NumericOps.toInteger(d)
    case .string: throw wrongType()
    case .other:
      guard let i = try (needsIndex ? hooks.toIndex(value) : hooks.toInteger(value)) else { throw wrongType() }
      return i
    }
  }

  /// Writes a number as `unicode_format_arg_output` does: sign (`-`, or
  /// `+`/space when asked), the `0o`/`0x` prefix, then `zeros` and the
  /// digits; padding goes before the sign with spaces, between prefix and
  /// digits with the `0` flag, or after everything with `-`.
  private static func writeNumber(negative: Bool, prefix: UnsafeBufferPointer<UInt8>, zeros: Int, body: UnsafeBufferPointer<UInt8>, conversion c: PercentConversion, leftAdjust: Bool, width: Int, into out: inout PercentOutput) {
    let sign: UInt8? = negative ? NumericASCII.minus : c.forceSign ? NumericASCII.plus : c.blankSign ? NumericASCII.space : nil
    let length = (sign == nil ? 0 : 1) + prefix.count + zeros + body.count
    let padding = max(width - length, 0)
    let zeroFill = c.zeroPad && !leftAdjust
    if !leftAdjust && !zeroFill { out.append(repeating: NumericASCII.space, count: padding) }
    if let sign { out.append(sign) }
    out.append(prefix)
    out.append(repeating: NumericASCII.zero, count: zeros + (zeroFill ? padding : 0))
    out.append(body)
    if leftAdjust { out.append(repeating: NumericASCII.space, count: padding) }
  }

  /// `ascii()` from a repr: every non-ASCII character escaped.
  static func asciiEscaped(_ repr: String) -> String {
    if repr.utf8.allSatisfy({ $0 < 0x80 }) { return repr }
    var out = ""
    out.reserveCapacity(repr.utf8.count + 16)
    for c in repr.unicodeScalars {
      let v = c.value
      if v < 0x80 {
        out.unicodeScalars.append(c)
      } else if v <= 0xFF {
        out.append("\\x" + hexDigits(v, 2))
      } else if v <= 0xFFFF {
        out.append("\\u" + hexDigits(v, 4))
      } else {
        out.append("\\U" + hexDigits(v, 8))
      }
    }
    return out
  }

  private static func hexDigits(_ v: UInt32, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(width - s.count, 0)) + s
  }
}

/// The growing UTF-8 result of a `%` formatting; one String at the end.
struct PercentOutput {
  var bytes: [UInt8]

  init(capacity: Int) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  mutating func append(_ b: UInt8) { bytes.append(b) }

  mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
    if !buffer.isEmpty { bytes.append(contentsOf: buffer) }
  }

  mutating func append(repeating b: UInt8, count: Int) {
    if count > 0 { bytes.append(contentsOf: repeatElement(b, count: count)) }
  }

  mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func append(scalar: Unicode.Scalar) {
    bytes.append(contentsOf: UTF8.encode(scalar)!)
  }

  var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// CPython's argument cursor for `%`: a tuple is consumed item by item; a
/// single value or a mapping counts as one argument; a `%(key)` look-up
/// replaces the current arguments with the looked-up value.
struct PercentState<Value> {
  let original: PercentArguments<Value>
  var current: Value?
  var items: [Value]
  var index: Int
  var length: Int
  let isMapping: Bool

  init(_ args: PercentArguments<Value>) {
    original = args
    switch args {
    case .tuple(let values):
      items = values
      current = nil
      index = 0
      length = values.count
      isMapping = false
    case .single(let v):
      items = []
      current = v
      index = -2
      length = -1
      isMapping = false
    case .mapping(let v, _):
      items = []
      current = v
      index = -2
      length = -1
      isMapping = true
    }
  }

  mutating func next() throws -> Value {
    guard index < length else {
      throw NumericError.typeError("not enough arguments for format string")
    }
    defer { index += 1 }
    if length < 0 { return current! }
    return items[index]
  }

  mutating func useKeyed(_ value: Value) {
    current = value
    items = []
    index = -2
    length = -1
  }

  func checkMappingUse() throws {
    if isMapping && index < length {
      throw NumericError.typeError("not all arguments converted during string formatting")
    }
  }

  func checkAllUsed() throws {
    if index < length && !isMapping {
      throw NumericError.typeError("not all arguments converted during string formatting")
    }
  }
}
