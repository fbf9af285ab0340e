import Glibc

/// Inline fast paths for arithmetic on machine-word ints and floats.
/// Each returns nil when the general path must decide (overflow into big
/// ints, division by zero, negative shifts, mixed types).
enum Arith {
  @inline(__always)
  static func fastIntOp(_ op: UInt32, _ a: Int, _ b: Int) -> Value? {
    switch op & 15 {
    case 0:  // add
      let (r, o) = a.addingReportingOverflow(b)
      return o ? nil : .int(r)
    case 1:  // sub
      let (r, o) = a.subtractingReportingOverflow(b)
      return o ? nil : .int(r)
    case 2:  // mul
      let (r, o) = a.multipliedReportingOverflow(by: b)
      return o ? nil : .int(r)
    case 4:  // true div
      if b == 0 { return nil }
      if a.magnitude < (1 << 53) && b.magnitude < (1 << 53) { return .float(Double(a) / Double(b)) }
      return nil
    case 5:  // floor div
      return floorDiv(a, b).map { .int($0) }
    case 6:  // mod
      return mod(a, b).map { .int($0) }
    case 8:  // lshift
      if b < 0 || b >= 64 { return a == 0 && b >= 0 ? .int(0) : nil }
      let r = a << b
      return (r >> b) == a ? .int(r) : nil
    case 9:  // rshift
      if b < 0 { return nil }
      return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
    case 10: return .int(a & b)
    case 11: return .int(a | b)
    case 12: return .int(a ^ b)
    default: return nil
    }
  }

  @inline(__always)
  static func floorDiv(_ a: Int, _ b: Int) -> Int? {
    if b == 0 || (a == Int.min && b == -1) { return nil }
    var q = a / b
    if (a % b != 0) && ((a < 0) != (b < 0)) { q -= 1 }
    return q
  }

  @inline(__always)
  static func mod(_ a: Int, _ b: Int) -> Int? {
    if b == 0 { return nil }
    if b == -1 { return 0 }
    var r = a % b
    if r != 0 && ((r < 0) != (b < 0)) { r += b }
    return r
  }

  @inline(__always)
  static func fastFloatOp(_ op: UInt32, _ a: Double, _ b: Double) -> Value? {
    switch op & 15 {
    case 0: return .float(a + b)
    case 1: return .float(a - b)
    case 2: return .float(a * b)
    case 4: return b == 0 ? nil : .float(a / b)
    case 5: return b == 0 ? nil : (try? NumericOps.divmod(a, b)).map { .float($0.quotient) }
    case 6: return b == 0 ? nil : (try? NumericOps.modulo(a, b)).map { .float($0) }
    case 7: return floatPow(a, b)
    default: return nil
    }
  }

  /// `a ** b` for the common case of a positive finite base and a finite
  /// exponent with a finite result; everything else (zero, negative bases
  /// giving complex results, overflow errors) takes the general path.
  @inline(__always)
  static func floatPow(_ a: Double, _ b: Double) -> Value? {
    guard a > 0, a.isFinite, b.isFinite else { return nil }
    let r = pow(a, b)
    return r.isFinite ? .float(r) : nil
  }

  /// Int with float (either side): Python converts the int to a float when
  /// that is exact, which is the case below 2**53.
  @inline(__always)
  static func mixedOp(_ op: UInt32, _ a: Double, _ b: Double) -> Value? {
    fastFloatOp(op, a, b)
  }

  @inline(__always)
  static func exactDouble(_ i: Int) -> Double? {
    i.magnitude <= (1 << 53) ? Double(i) : nil
  }

  @inline(__always)
  static func compareInts(_ op: UInt32, _ a: Int, _ b: Int) -> Bool {
    switch op {
    case 0: return a < b
    case 1: return a <= b
    case 2: return a == b
    case 3: return a != b
    case 4: return a > b
    default: return a >= b
    }
  }

  @inline(__always)
  static func compareFloats(_ op: UInt32, _ a: Double, _ b: Double) -> Bool {
    switch op {
    case 0: return a < b
    case 1: return a <= b
    case 2: return a == b
    case 3: return a != b
    case 4: return a > b
    default: return a >= b
    }
  }
}
