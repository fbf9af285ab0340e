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
  /// `sys.get_int_max_str_digits()`: `%d` of a longer int is a ValueError.
  public var maxStrDigits: Int = NumericFormat.defaultMaxStrDigits

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
  /// Code-point index of the conversion character (for error messages);
  /// filled in by `parsePercentFormat`, computed on demand otherwise.
  public var typeIndex = 0
  /// UTF-8 offset of the conversion character in the format string.
  var typeOffset = 0
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
        if utf8[i] != NumericASCII.percent { i += 1; continue }
        if i > literalStart { segments.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: utf8[literalStart..<i]), as: UTF8.self))) }
        if i + 1 < utf8.count && utf8[i + 1] == NumericASCII.percent {
          segments.append(.literal("%"))
          i += 2
        } else {
          var (conversion, next) = parseConversion(utf8, at: i + 1)
          conversion.typeIndex = scalarCount(UnsafeBufferPointer(rebasing: utf8[0..<conversion.typeOffset]))
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
    var out = PercentOutput(capacity: format.utf8.count + 32)
    var text = format
    try text.withUTF8 { utf8 in
      var i = 0
      var literalStart = 0
      while i < utf8.count {
        if utf8[i] != NumericASCII.percent { i += 1; continue }
        out.append(UnsafeBufferPointer(rebasing: utf8[literalStart..<i]))
        if i + 1 < utf8.count && utf8[i + 1] == NumericASCII.percent {
          out.append(NumericASCII.percent)
          i += 2
        } else {
          var (conversion, next) = parseConversion(utf8, at: i + 1)
          if conversion.type != nil && !isKnownConversion(conversion.type!) {
            conversion.typeIndex = scalarCount(UnsafeBufferPointer(rebasing: utf8[0..<conversion.typeOffset]))
          }
          try formatConversion(conversion, state: &state, hooks: hooks, into: &out)
          i = next
        }
        literalStart = i
      }
      out.append(UnsafeBufferPointer(rebasing: utf8[min(literalStart, utf8.count)...]))
    }
    try state.checkAllUsed()
    return out.string
  }

  /// `format % args` with a format string parsed by `parsePercentFormat`.
  public static func percentFormat<Value>(segments: [PercentSegment], _ args: PercentArguments<Value>, hooks: PercentHooks<Value>) throws -> String {
    var state = PercentState(args)
    var out = PercentOutput(capacity: 64)
    for segment in segments {
      switch segment {
      case .literal(let s): out.append(s)
      case .conversion(let c):
        try formatConversion(c, state: &state, hooks: hooks, into: &out)
      }
    }
    try state.checkAllUsed()
    return out.string
  }

  private static func isKnownConversion(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "s", "r", "a", "c", "d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G": return true
    default: return false
    }
  }

  /// Number of code points in UTF-8 text.
  static func scalarCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    for b in utf8 where b & 0xC0 != 0x80 { n += 1 }
    return n
  }
}
