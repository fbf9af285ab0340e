/// printf-style `str % args` formatting (CPython's `PyUnicode_Format`).
///
/// The library parses the format string and formats numbers; everything
/// that needs objects — `str()`, `repr()`, `__index__`, mapping look-up —
/// goes through `PercentHooks`, which the runtime supplies.

/// How the runtime passes the right operand of `%`.
public enum PercentArguments<Value> {
  /// A tuple: one item per conversion.
  case tuple([Value])
  /// Any other object that is not a mapping: used by one conversion.
  case single(Value)
  /// An object with `__getitem__` other than a tuple or str (CPython treats
  /// lists this way too): used whole by conversions without a key, looked
  /// up by `%(key)` conversions. Unused arguments are then not an error.
  case mapping(Value, lookup: (String) throws -> Value)
}

/// What the formatter needs to know about one argument value.
public enum PercentOperand {
  case int(IntegerValue)  // int and bool
  case float(Double)
  case string(String)
  case other
}

/// The runtime's side of `%` formatting.
public struct PercentHooks<Value> {
  /// Classifies a value; `.other` sends numbers through the conversion hooks.
  public var classify: (Value) -> PercentOperand
  /// `str(v)`.
  public var str: (Value) throws -> String
  /// `repr(v)`.
  public var repr: (Value) throws -> String
  /// The class name for error messages.
  public var typeName: (Value) -> String
  /// `int(v)` for `%d %i %u` of an `.other` value; nil when `v` is not a
  /// number (the formatter raises CPython's TypeError).
  public var toInteger: (Value) throws -> IntegerValue?
  /// `operator.index(v)` for `%o %x %X %c` of an `.other` value; nil when
  /// `v` has no `__index__`.
  public var toIndex: (Value) throws -> IntegerValue?
  /// `float(v)` for `%e %f %g` of an `.other` value; nil when `v` is not a
  /// real number.
  public var toDouble: (Value) throws -> Double?

  public init(
    classify: @escaping (Value) -> PercentOperand,
    str: @escaping (Value) throws -> String,
    repr: @escaping (Value) throws -> String,
    typeName: @escaping (Value) -> String,
    toInteger: @escaping (Value) throws -> IntegerValue? = { _ in nil },
    toIndex: @escaping (Value) throws -> IntegerValue? = { _ in nil },
    toDouble: @escaping (Value) throws -> Double? = { _ in nil }
  ) {
    self.classify = classify
    self.str = str
    self.repr = repr
    self.typeName = typeName
    self.toInteger = toInteger
    self.toIndex = toIndex
    self.toDouble = toDouble
  }
}

/// One `%` conversion, as far as it could be parsed.
public struct PercentConversion: Equatable, Sendable {
  public enum Count: Equatable, Sendable {
    case none
    case fixed(Int)
    /// `*`: taken from the next argument.
    case fromArgument
  }

  /// `%(key)s`; nil when absent.
  public var key: String? = nil
  public var leftAdjust = false  // -
  public var forceSign = false  // +
  public var blankSign = false  // space
  public var alternate = false  // #
  public var zeroPad = false  // 0
  public var width: Count = .none
  public var precision: Count = .none
  /// The conversion character (`d`, `s`, ...), nil when parsing failed.
  public var type: Unicode.Scalar? = nil
  /// Code-point index of the conversion character (for error messages).
  public var typeIndex = 0
  /// Whether the conversion started a key, i.e. requires a mapping.
  public var wantsMapping = false
  /// A parse error met after the parts above: raised when the conversion
  /// is formatted, after its arguments have been fetched, as CPython does.
  public var error: NumericError? = nil
}

/// A parsed format string: literal text and conversions, in order.
public enum PercentSegment: Equatable, Sendable {
  case literal(String)
  case conversion(PercentConversion)
}

extension NumericFormat {
  /// Splits a `%` format string into literals and conversions (for caching;
  /// `percentFormat` parses as it goes). `%%` becomes a literal `%`.
  public static func parsePercentFormat(_ format: String) -> [PercentSegment] {
    var segments: [PercentSegment] = []
    var text = format
    text.withUTF8 { utf8 in
      var i = 0
      var literalStart = 0
      while i < utf8.count {
        if utf8[i] != ASCII.percent { i += 1; continue }
        if i > literalStart { segments.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: utf8[literalStart..<i]), as: UTF8.self))) }
        if i + 1 < utf8.count && utf8[i + 1] == ASCII.percent {
          segments.append(.literal("%"))
          i += 2
        } else {
          let (conversion, next) = parseConversion(utf8, at: i + 1)
          segments.append(.conversion(conversion))
          i = next
          if conversion.error != nil && conversion.type == nil {
            // Nothing after an incomplete conversion is ever reached.
            literalStart = utf8.count
            break
          }
        }
        literalStart = i
      }
      if literalStart < utf8.count {
        segments.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: utf8[literalStart...]), as: UTF8.self)))
      }
    }
    return segments
  }

  /// `format % args`.
  public static func percentFormat<Value>(_ format: String, _ args: PercentArguments<Value>, hooks: PercentHooks<Value>) throws -> String {
    var state = PercentState(args)
    var out = ""
    out.reserveCapacity(format.utf8.count + 16)
    var text = format
    try text.withUTF8 { utf8 in
      var i = 0
      var literalStart = 0
      while i < utf8.count {
        if utf8[i] != ASCII.percent { i += 1; continue }
        if i > literalStart { out.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[literalStart..<i]), as: UTF8.self)) }
        if i + 1 < utf8.count && utf8[i + 1] == ASCII.percent {
          out.append("%")
          i += 2
        } else {
          let (conversion, next) = parseConversion(utf8, at: i + 1)
          try formatConversion(conversion, state: &state, hooks: hooks, into: &out)
          i = next
        }
        literalStart = i
      }
      if literalStart < utf8.count {
        out.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[literalStart...]), as: UTF8.self))
      }
    }
    try state.checkAllUsed()
    return out
  }

  /// `format % args` with a format string parsed by `parsePercentFormat`.
  public static func percentFormat<Value>(segments: [PercentSegment], _ args: PercentArguments<Value>, hooks: PercentHooks<Value>) throws -> String {
    var state = PercentState(args)
    var out = ""
    for segment in segments {
      switch segment {
      case .literal(let s): out.append(s)
      case .conversion(let c):
        try formatConversion(c, state: &state, hooks: hooks, into: &out)
      }
    }
    try state.checkAllUsed()
    return out
  }

  // MARK: Parsing

  /// Parses a conversion starting just after its `%`. Returns the index
  /// after it.
  static func parseConversion(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> (PercentConversion, Int) {
    var c = PercentConversion()
    var i = start
    let n = s.count
    let incomplete = NumericError.valueError("incomplete format")
    if i < n && s[i] == 0x28 {  // (
      c.wantsMapping = true
      var depth = 1
      let keyStart = i + 1
      i += 1
      while i < n && depth > 0 {
        if s[i] == 0x29 { depth -= 1 } else if s[i] == 0x28 { depth += 1 }
        i += 1
      }
      if depth > 0 {
        c.error = .valueError("incomplete format key")
        return (c, n)
      }
      c.key = String(decoding: UnsafeBufferPointer(rebasing: s[keyStart..<(i - 1)]), as: UTF8.self)
    }
    flags: while i < n {
      switch s[i] {
      case ASCII.minus: c.leftAdjust = true
      case ASCII.plus: c.forceSign = true
      case ASCII.space: c.blankSign = true
      case 0x23: c.alternate = true
      case ASCII.zero: c.zeroPad = true
      default: break flags
      }
      i += 1
    }
    if i < n && s[i] == 0x2A {  // *
      c.width = .fromArgument
      i += 1
    } else if i < n && ASCII.isDigit(s[i]) {
      var w = 0
      while i < n && ASCII.isDigit(s[i]) {
        let d = Int(s[i] - ASCII.zero)
        if w > (Int.max - d) / 10 {
          c.error = .valueError("width too big")
          return (c, n)
        }
        w = w * 10 + d
        i += 1
      }
      c.width = .fixed(w)
    }
    if i < n && s[i] == ASCII.dot {
      i += 1
      c.precision = .fixed(0)
      if i < n && s[i] == 0x2A {
        c.precision = .fromArgument
        i += 1
      } else if i < n && ASCII.isDigit(s[i]) {
        var p = 0
        while i < n && ASCII.isDigit(s[i]) {
          p = p * 10 + Int(s[i] - ASCII.zero)
          if p > Int(Int32.max) {
            c.error = .valueError("precision too big")
            return (c, n)
          }
          i += 1
        }
        c.precision = .fixed(p)
      }
    }
    if i < n && (s[i] == 0x68 || s[i] == 0x6C || s[i] == 0x4C) { i += 1 }  // h l L
    if i >= n {
      c.error = incomplete
      return (c, n)
    }
    // The conversion character may be any code point.
    var decoder = UTF8()
    var iterator = UnsafeBufferPointer(rebasing: s[i...]).makeIterator()
    var scalar: Unicode.Scalar = "?"
    var length = 1
    if case .scalarValue(let v) = decoder.decode(&iterator) {
      scalar = v
      length = UTF8.width(v)
    }
    c.type = scalar
    c.typeIndex = String(decoding: UnsafeBufferPointer(rebasing: s[0..<i]), as: UTF8.self).unicodeScalars.count
    return (c, i + length)
  }

  // MARK: Formatting

  private static func formatConversion<Value>(_ spec: PercentConversion, state: inout PercentState<Value>, hooks: PercentHooks<Value>, into out: inout String) throws {
    var c = spec
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
        c.leftAdjust = true
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
    // Allocation limits apply once the output is about to be written; a
    // precision only costs memory where it adds digits.
    func checkSize(precisionMatters: Bool = false) throws {
      if width > NumericError.maxFieldWidth || (precisionMatters && precision > NumericError.maxFieldWidth) {
        throw NumericError.memoryError
      }
    }
    guard let type = c.type else { throw NumericError.valueError("incomplete format") }

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
      out.append(pad(text, width: width < 0 ? nil : width, precision: precision < 0 ? nil : precision,
                     align: c.leftAdjust ? .left : .right, fill: " "))
    case "c":
      let character = try percentCharacter(value, hooks: hooks)
      let text = String(Character(character))
      try checkSize()
      out.append(pad(text, width: width < 0 ? nil : width, precision: nil, align: c.leftAdjust ? .left : .right, fill: " "))
    case "d", "i", "u", "o", "x", "X":
      let integer = try percentInteger(value, type: type, hooks: hooks)
      try checkSize(precisionMatters: true)
      let body = formatPercentInteger(integer, type: type, alternate: c.alternate, precision: precision)
      writeNumber(body, conversion: c, width: width, type: type, into: &out)
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
      let layout = FloatLayout(code: Character(type), precision: precision < 0 ? 6 : precision, flags: flags)
      if layout.capacity(for: x) > NumericError.maxFieldWidth { throw NumericError.memoryError }
      let body = ByteWriter.string(capacity: layout.capacity(for: x)) { layout.write(x, sign: true, into: &$0) }
      writeNumber(body, conversion: c, width: width, type: type, into: &out)
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

  /// CPython's `_PyUnicode_FormatLong`: sign, `0o`/`0x`/`0X` prefix when
  /// alternate, digits zero-extended to `precision`.
  static func formatPercentInteger(_ value: IntegerValue, type: Unicode.Scalar, alternate: Bool, precision: Int) -> String {
    let radix = type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
    let uppercase = type == "X"
    let count = digitCount(value, radix: radix)
    let zeros = max(precision - count, 0)
    return ByteWriter.string(capacity: count + zeros + 3) { out in
      if value.isNegative { out.append(ASCII.minus) }
      if alternate && radix != 10 {
        out.append(ASCII.zero)
        out.append(radix == 8 ? 0x6F : (uppercase ? 0x58 : ASCII.lowerX))
      }
      out.append(repeating: ASCII.zero, count: zeros)
      writeMagnitude(value, radix: radix, uppercase: uppercase, into: &out)
    }
  }

  /// Pads a formatted number as `unicode_format_arg_output` does: the sign
  /// (and a `0x` prefix) stay in front of zero padding.
  private static func writeNumber(_ body: String, conversion c: PercentConversion, width requested: Int, type: Unicode.Scalar, into out: inout String) {
    var text = Substring(body)
    var sign: Character? = nil
    if let first = text.first, first == "-" || first == "+" {
      sign = first
      text = text.dropFirst()
    } else if c.forceSign {
      sign = "+"
    } else if c.blankSign {
      sign = " "
    }
    var prefix: Substring = ""
    if c.alternate && (type == "x" || type == "X" || type == "o") {
      prefix = text.prefix(2)
      text = text.dropFirst(2)
    }
    let length = (sign == nil ? 0 : 1) + prefix.count + text.utf8.count
    let padding = max(requested - length, 0)
    let zeroFill = c.zeroPad && !c.leftAdjust
    if !c.leftAdjust && !zeroFill { out.append(String(repeating: " ", count: padding)) }
    if let sign { out.append(sign) }
    out.append(contentsOf: prefix)
    if zeroFill { out.append(String(repeating: "0", count: padding)) }
    out.append(contentsOf: text)
    if c.leftAdjust { out.append(String(repeating: " ", count: padding)) }
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
