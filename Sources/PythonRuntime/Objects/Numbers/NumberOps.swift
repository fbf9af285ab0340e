import BigInt

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A number pulled out of a Value for arithmetic: the numeric tower
/// `bool ⊂ int ⊂ float` with ints as machine words or big integers.
enum Num {
  case int(Int)
  case big(BigInt)
  case float(Double)

  /// Exact builtin numbers only (bool counts as int); nil for anything else.
  @inline(__always)
  init?(exact v: Value) {
    switch v {
    case .int(let i): self = .int(i)
    case .bool(let b): self = .int(b ? 1 : 0)
    case .float(let d): self = .float(d)
    case .object(let o):
      if o.kind == .long { self = .big(unsafeDowncast(o, to: PyLong.self).value) } else { return nil }
    default: return nil
    }
  }

  /// Also accepts instances of int and float subclasses.
  init?(_ v: Value) {
    if let n = Num(exact: v) {
      self = n
      return
    }
    guard case .object(let o) = v else { return nil }
    if let l = o as? PyLong {
      self = Int(exactly: l.value).map { .int($0) } ?? .big(l.value)
    } else if let f = o as? PyFloatObject {
      self = .float(f.value)
    } else {
      return nil
    }
  }

  var isFloat: Bool { if case .float = self { return true } else { return false } }

  var big: BigInt {
    switch self {
    case .int(let i): return BigInt(i)
    case .big(let b): return b
    case .float(let d): return BigInt(d)
    }
  }

  func toDouble() throws(PyException) -> Double {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    case .big(let b): return try NumberOps.bigToDouble(b)
    }
  }

  var value: Value {
    switch self {
    case .int(let i): return .int(i)
    case .big(let b): return Value.int(b)
    case .float(let d): return .float(d)
    }
  }
}

/// Arithmetic on the numeric tower with Python's semantics (floor division,
/// sign of modulo, exact big integers, int/float promotion and its errors).
enum NumberOps {
  static let maxBits = 1 << 32

  static func bigToDouble(_ b: BigInt) throws(PyException) -> Double {
    let d = Double(b)
    if !d.isFinite { throw PyException.overflow("int too large to convert to float") }
    return d
  }

  static func binary(_ op: BinaryOpKind, _ a: Num, _ b: Num) throws(PyException) -> Value {
    if a.isFloat || b.isFloat || op == .trueDiv {
      if op == .trueDiv, !a.isFloat, !b.isFloat { return try intTrueDiv(a.big, b.big) }
      if op == .pow, !b.isFloat, case .float(let x) = a { return try floatPow(x, try b.toDouble(), bIsInt: true) }
      return try floatOp(op, try a.toDouble(), try b.toDouble())
    }
    if case .int(let x) = a, case .int(let y) = b, let r = Arith.fastIntOp(op.rawValue, x, y) { return r }
    return try bigOp(op, a.big, b.big)
  }

  static func bigOp(_ op: BinaryOpKind, _ x: BigInt, _ y: BigInt) throws(PyException) -> Value {
    switch op {
    case .add: return Value.int(x + y)
    case .sub: return Value.int(x - y)
    case .mul:
      if x.bitWidth + y.bitWidth > maxBits { throw PyException.memoryError() }
      return Value.int(x * y)
    case .floorDiv:
      if y.isZero { throw PyException.zeroDivision("integer division or modulo by zero") }
      return Value.int(floorDivBig(x, y).0)
    case .mod:
      if y.isZero { throw PyException.zeroDivision("integer modulo by zero") }
      return Value.int(floorDivBig(x, y).1)
    case .pow:
      if y.sign == .minus {
        return try floatPow(try bigToDouble(x), try bigToDouble(y), bIsInt: true)
      }
      return try intPow(x, y)
    case .lshift:
      if y.sign == .minus { throw PyException.valueError("negative shift count") }
      if x.isZero { return .int(0) }
      guard let s = Int(exactly: y), s < maxBits else { throw PyException.overflow("too many digits in integer") }
      return Value.int(x << s)
    case .rshift:
      if y.sign == .minus { throw PyException.valueError("negative shift count") }
      guard let s = Int(exactly: y) else { return .int(x.sign == .minus ? -1 : 0) }
      if s >= x.bitWidth { return .int(x.sign == .minus ? -1 : 0) }
      // Arithmetic shift rounds toward negative infinity.
      if x.sign == .minus { return Value.int(-((-x - 1) >> s) - 1) }
      return Value.int(x >> s)
    case .and, .or, .xor:
      return Value.int(bitwise(op, x, y))
    case .trueDiv:
      return try intTrueDiv(x, y)
    default:
      throw PyException.typeError("unsupported operand")
    }
  }

  static func floorDivBig(_ x: BigInt, _ y: BigInt) -> (BigInt, BigInt) {
    var (q, r) = x.quotientAndRemainder(dividingBy: y)
    if !r.isZero && ((r.sign == .minus) != (y.sign == .minus)) {
      q -= 1
      r += y
    }
    return (q, r)
  }

  /// Two's-complement bitwise operations on big integers.
  static func bitwise(_ op: BinaryOpKind, _ x: BigInt, _ y: BigInt) -> BigInt {
    let n = max(x.magnitude.words.count, y.magnitude.words.count) + 1
    func words(_ v: BigInt) -> [UInt] {
      var w = Array(v.magnitude.words)
      w += Array(repeating: 0, count: n - w.count)
      if v.sign == .minus {
        var carry: UInt = 1
        for i in 0..<n {
          let (s, o) = (~w[i]).addingReportingOverflow(carry)
          w[i] = s
          carry = o ? 1 : 0
        }
      }
      return w
    }
    let a = words(x), b = words(y)
    var r = [UInt](repeating: 0, count: n)
    for i in 0..<n {
      switch op {
      case .and: r[i] = a[i] & b[i]
      case .or: r[i] = a[i] | b[i]
      default: r[i] = a[i] ^ b[i]
      }
    }
    if r[n - 1] >> (UInt.bitWidth - 1) == 1 {
      var carry: UInt = 1
      for i in 0..<n {
        let (s, o) = (~r[i]).addingReportingOverflow(carry)
        r[i] = s
        carry = o ? 1 : 0
      }
      return BigInt(sign: .minus, magnitude: BigUInt(words: r))
    }
    return BigInt(sign: .plus, magnitude: BigUInt(words: r))
  }

  static func intPow(_ x: BigInt, _ y: BigInt) throws(PyException) -> Value {
    if y.isZero { return .int(1) }
    if x.isZero { return .int(0) }
    if x == 1 { return .int(1) }
    if x == -1 { return .int(y.magnitude.words[0] & 1 == 0 ? 1 : -1) }
    guard let e = Int(exactly: y), e < maxBits, x.bitWidth * e < maxBits * 2 else {
      throw PyException.memoryError()
    }
    if case .some(let small) = Int(exactly: x) {
      var result = 1
      var overflow = false
      for _ in 0..<min(e, 64) {
        let (r, o) = result.multipliedReportingOverflow(by: small)
        if o { overflow = true; break }
        result = r
      }
      if !overflow && e <= 64 { return .int(result) }
    }
    return Value.int(x.power(e))
  }

  static func intTrueDiv(_ x: BigInt, _ y: BigInt) throws(PyException) -> Value {
    if y.isZero { throw PyException.zeroDivision("division by zero") }
    if let a = Int(exactly: x), let b = Int(exactly: y), a.magnitude < (1 << 53), b.magnitude < (1 << 53) {
      return .float(Double(a) / Double(b))
    }
    // Correctly rounded (the numeric library keeps a sticky bit).
    return .float(try numeric { try NumericOps.trueDivide(IntegerValue(x), IntegerValue(y)) })
  }

  static func floatOp(_ op: BinaryOpKind, _ a: Double, _ b: Double) throws(PyException) -> Value {
    switch op {
    case .add: return .float(a + b)
    case .sub: return .float(a - b)
    case .mul: return .float(a * b)
    case .trueDiv:
      if b == 0 { throw PyException.zeroDivision("float division by zero") }
      return .float(a / b)
    case .floorDiv:
      if b == 0 { throw PyException.zeroDivision("float floor division by zero") }
      return .float(floatDivmod(a, b).0)
    case .mod:
      if b == 0 { throw PyException.zeroDivision("float modulo by zero") }
      return .float(floatDivmod(a, b).1)
    case .pow:
      return try floatPow(a, b, bIsInt: false)
    default:
      throw PyException.typeError(
        "unsupported operand type(s) for \(op.symbol): 'float' and 'float'")
    }
  }

  /// Python's float divmod (sign of the remainder follows the divisor).
  static func floatDivmod(_ a: Double, _ b: Double) -> (Double, Double) {
    var mod = fmod(a, b)
    var div = (a - mod) / b
    if mod != 0 {
      if (b < 0) != (mod < 0) {
        mod += b
        div -= 1
      }
    } else {
      mod = copysign(0, b)
    }
    var floordiv: Double
    if div != 0 {
      floordiv = floor(div)
      if div - floordiv > 0.5 { floordiv += 1 }
    } else {
      floordiv = copysign(0, a / b)
    }
    return (floordiv, mod)
  }

  static func floatPow(_ a: Double, _ b: Double, bIsInt: Bool) throws(PyException) -> Value {
    switch try numeric({ try NumericOps.power(a, b) }) {
    case .float(let r): return .float(r)
    case .int(let i): return .int(i.bigValue)
    case .complex:
      // A negative base and a fractional exponent: the result is complex.
      let z = try ComplexMath.power((a, 0), (b, 0))
      return .object(PyComplex(real: z.0, imag: z.1))
    }
  }

  // MARK: Comparison

  /// Exact comparison of two numbers (ints and floats compare by value,
  /// without rounding the int).
  static func compare(_ a: Num, _ b: Num) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.float(let x), .float(let y)):
      if x.isNaN || y.isNaN { return nil }
      return x < y ? -1 : (x == y ? 0 : 1)
    case (.float(let x), _):
      guard let c = compareFloatInt(x, b.big) else { return nil }
      return c
    case (_, .float(let y)):
      guard let c = compareFloatInt(y, a.big) else { return nil }
      return -c
    default:
      let x = a.big, y = b.big
      return x < y ? -1 : (x == y ? 0 : 1)
    }
  }

  /// Compares float `x` with integer `n`; nil when x is NaN.
  static func compareFloatInt(_ x: Double, _ n: BigInt) -> Int? {
    if x.isNaN { return nil }
    if x.isInfinite { return x > 0 ? 1 : -1 }
    if let i = Int(exactly: n), i.magnitude < (1 << 53) {
      let y = Double(i)
      return x < y ? -1 : (x == y ? 0 : 1)
    }
    let fl = x.rounded(.down)
    let bi = BigInt(fl)
    if bi < n { return -1 }
    if bi > n { return 1 }
    return x == fl ? 0 : 1
  }
}
