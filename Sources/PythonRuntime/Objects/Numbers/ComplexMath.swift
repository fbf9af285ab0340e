#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Complex exponentiation with CPython's results: small integral exponents
/// by repeated squaring (exact for Gaussian integers), everything else in
/// polar form.
enum ComplexMath {
  typealias Complex = (Double, Double)

  static func multiply(_ a: Complex, _ b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
  }

  static func divide(_ a: Complex, _ b: Complex) throws(PyException) -> Complex {
    // Smith's algorithm, which avoids needless overflow.
    let absReal = b.0.magnitude, absImag = b.1.magnitude
    if absReal >= absImag {
      if absReal == 0 { throw PyException.zeroDivision("division by zero") }
      let ratio = b.1 / b.0
      let denominator = b.0 + b.1 * ratio
      return ((a.0 + a.1 * ratio) / denominator, (a.1 - a.0 * ratio) / denominator)
    }
    let ratio = b.0 / b.1
    let denominator = b.0 * ratio + b.1
    return ((a.0 * ratio + a.1) / denominator, (a.1 * ratio - a.0) / denominator)
  }

  static func power(_ a: Complex, _ b: Complex) throws(PyException) -> Complex {
    let result: Complex
    if b.1 == 0, b.0 == b.0.rounded(), b.0.magnitude <= 100 {
      result = try integralPower(a, Int(b.0))
    } else {
      result = try polarPower(a, b)
    }
    if !result.0.isFinite || !result.1.isFinite, a.0.isFinite, a.1.isFinite, b.0.isFinite, b.1.isFinite {
      throw PyException.overflow("complex exponentiation")
    }
    return result
  }

  private static func polarPower(_ a: Complex, _ b: Complex) throws(PyException) -> Complex {
    if b.0 == 0 && b.1 == 0 { return (1, 0) }
    if a.0 == 0 && a.1 == 0 {
      if b.1 != 0 || b.0 < 0 { throw PyException.zeroDivision("zero to a negative or complex power") }
      return (0, 0)
    }
    let modulus = hypot(a.0, a.1)
    var length = pow(modulus, b.0)
    let angle = atan2(a.1, a.0)
    var phase = angle * b.0
    if b.1 != 0 {
      length /= exp(angle * b.1)
      phase += b.1 * log(modulus)
    }
    return (length * cos(phase), length * sin(phase))
  }

  private static func integralPower(_ a: Complex, _ n: Int) throws(PyException) -> Complex {
    if n == 0 { return (1, 0) }
    if a.0 == 0 && a.1 == 0 {
      if n < 0 { throw PyException.zeroDivision("zero to a negative or complex power") }
      return (0, 0)
    }
    var result: Complex = (1, 0)
    var base = a
    var e = n.magnitude
    while e > 0 {
      if e & 1 == 1 { result = multiply(result, base) }
      base = multiply(base, base)
      e >>= 1
    }
    return n < 0 ? try divide((1, 0), result) : result
  }
}
