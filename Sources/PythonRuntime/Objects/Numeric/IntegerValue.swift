import BigInt

/// A Python `int` as this library sees it: a machine `Int` when the value
/// fits, a `BigInt` otherwise. Every function that produces an integer
/// returns the normalised form (`.big` only for values outside `Int`'s
/// range), so callers can keep a small-int fast path.
public enum IntegerValue: Equatable, Hashable, Sendable, CustomStringConvertible {
  case small(Int)
  case big(BigInt)

  /// Normalises: values that fit in `Int` become `.small`.
  public init(_ value: BigInt) {
    if let small = Int(exactly: value) {
      self = .small(small)
    } else {
      self = .big(value)
    }
  }

  public init(_ value: Int) { self = .small(value) }

  /// The value as a `BigInt` (allocates for `.small`).
  public var bigValue: BigInt {
    switch self {
    case .small(let v): return BigInt(v)
    case .big(let v): return v
    }
  }

  /// The value as an `Int`, or nil when it does not fit.
  public var intValue: Int? {
    switch self {
    case .small(let v): return v
    case .big(let v): return Int(exactly: v)
    }
  }

  public var isNegative: Bool {
    switch self {
    case .small(let v): return v < 0
    case .big(let v): return v.sign == .minus && !v.isZero
    }
  }

  public var isZero: Bool {
    switch self {
    case .small(let v): return v == 0
    case .big(let v): return v.isZero
    }
  }

  /// Decimal digits, no limit (for debugging and tests; the runtime's
  /// `str(int)` goes through `NumericFormat.intToString(_:maxDigits:)`).
  public var description: String {
    switch self {
    case .small(let v): return String(v)
    case .big(let v): return NumericFormat.bigIntToDecimal(v)
    }
  }

  public static func == (lhs: IntegerValue, rhs: IntegerValue) -> Bool {
    switch (lhs, rhs) {
    case (.small(let a), .small(let b)): return a == b
    default: return lhs.bigValue == rhs.bigValue
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(NumericOps.hash(self))
  }
}
