#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt

/// The `math` module: IEEE double functions with CPython's error rules
/// (ValueError for domain errors, OverflowError "math range error"), and the
/// exact integer functions (factorial, gcd, isqrt, comb, perm) on big ints.
enum MathModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "math")
    m.add("pi", .float(Double.pi))
    m.add("e", .float(M_E))
    m.add("tau", .float(2 * Double.pi))
    m.add("inf", .float(Double.infinity))
    m.add("nan", .float(Double.nan))

    // One-argument functions: (name, function, can overflow, domain message).
    let unary: [(String, (Double) -> Double, Bool, String?)] = [
      ("acos", { Glibc.acos($0) }, false, "expected a number in range from -1 up to 1, got %s"),
      ("acosh", { Glibc.acosh($0) }, false, "expected argument value not less than 1, got %s"),
      ("asin", { Glibc.asin($0) }, false, "expected a number in range from -1 up to 1, got %s"),
      ("asinh", { Glibc.asinh($0) }, false, nil),
      ("atan", { Glibc.atan($0) }, false, nil),
      ("atanh", { Glibc.atanh($0) }, false, "expected a number between -1 and 1, got %s"),
      ("cbrt", { Glibc.cbrt($0) }, false, nil),
      ("cos", { Glibc.cos($0) }, false, "expected a finite input, got %s"),
      ("cosh", { Glibc.cosh($0) }, true, nil),
      ("exp", { Glibc.exp($0) }, true, nil),
      ("exp2", { Glibc.exp2($0) }, true, nil),
      ("expm1", { Glibc.expm1($0) }, true, nil),
      ("fabs", { Swift.abs($0) }, false, nil),
      ("log1p", { Glibc.log1p($0) }, false, "expected argument value > -1, got %s"),
      ("sin", { Glibc.sin($0) }, false, "expected a finite input, got %s"),
      ("sinh", { Glibc.sinh($0) }, true, nil),
      ("sqrt", { $0.squareRoot() }, false, "expected a nonnegative input, got %s"),
      ("tan", { Glibc.tan($0) }, false, "expected a finite input, got %s"),
      ("tanh", { Glibc.tanh($0) }, false, nil),
    ]
    for (name, f, canOverflow, message) in unary {
      m.addFunction(name) { ts, args throws(PyException) in
        try one(args, name)
        let x = try toDouble(ts, args[0])
        return .float(try math1(x, f, canOverflow: canOverflow, message: message))
      }
    }
    m.addFunction("erf") { ts, args throws(PyException) in
      try one(args, "erf")
      return .float(Glibc.erf(try toDouble(ts, args[0])))
    }
    m.addFunction("erfc") { ts, args throws(PyException) in
      try one(args, "erfc")
      return .float(Glibc.erfc(try toDouble(ts, args[0])))
    }
    m.addFunction("gamma") { ts, args throws(PyException) in
      try one(args, "gamma")
      let x = try toDouble(ts, args[0])
      if x.isNaN || x == .infinity { return .float(x) }
      if x == -.infinity || x == 0 || (x < 0 && x == x.rounded(.down)) {
        throw domainError("expected a noninteger or positive integer, got %s", x)
      }
      let r = Lanczos.gamma(x)
      if r.isInfinite { throw PyException.overflow("math range error") }
      return .float(r)
    }
    m.addFunction("lgamma") { ts, args throws(PyException) in
      try one(args, "lgamma")
      let x = try toDouble(ts, args[0])
      if x.isNaN { return .float(x) }
      if x.isInfinite { return .float(.infinity) }
      if x <= 0 && x == x.rounded(.down) {
        throw domainError("expected a noninteger or positive integer, got %s", x)
      }
      let r = Lanczos.lgamma(x)
      if r.isInfinite { throw PyException.overflow("math range error") }
      return .float(r)
    }

    // Two-argument functions with math_2's rules.
    let binary: [(String, (Double, Double) -> Double)] = [
      ("atan2", { Glibc.atan2($0, $1) }),
      ("copysign", { Glibc.copysign($0, $1) }),
      ("remainder", { x, y in
        if x.isNaN { return x }
        if y.isNaN { return y }
        if x.isInfinite || y == 0 { return .nan }
        if y.isInfinite { return x }
        return Glibc.remainder(x, y)
      }),
    ]
    for (name, f) in binary {
      m.addFunction(name) { ts, args throws(PyException) in
        try positional(args, name, 2, 2)
        let x = try toDouble(ts, args[0]), y = try toDouble(ts, args[1])
        return .float(try math2(x, y, f))
      }
    }
    m.addFunction("fmod") { ts, args throws(PyException) in
      try positional(args, "fmod", 2, 2)
      let x = try toDouble(ts, args[0]), y = try toDouble(ts, args[1])
      if y.isInfinite && x.isFinite { return .float(x) }
      let r = Glibc.fmod(x, y)
      if r.isNaN && !x.isNaN && !y.isNaN { throw PyException.valueError("math domain error") }
      return .float(r)
    }
    m.addFunction("pow") { ts, args throws(PyException) in
      try positional(args, "pow", 2, 2)
      let x = try toDouble(ts, args[0]), y = try toDouble(ts, args[1])
      return .float(try pow(x, y))
    }
    m.addFunction("fma") { ts, args throws(PyException) in
      try positional(args, "fma", 3, 3)
      let x = try toDouble(ts, args[0]), y = try toDouble(ts, args[1]), z = try toDouble(ts, args[2])
      let r = Glibc.fma(x, y, z)
      if r.isFinite { return .float(r) }
      if r.isNaN {
        if !x.isNaN && !y.isNaN && !z.isNaN { throw PyException.valueError("invalid operation in fma") }
      } else if x.isFinite && y.isFinite && z.isFinite {
        throw PyException.overflow("overflow in fma")
      }
      return .float(r)
    }

    m.addFunction("degrees") { ts, args throws(PyException) in
      try one(args, "degrees")
      return .float(try toDouble(ts, args[0]) * (180.0 / Double.pi))
    }
    m.addFunction("radians") { ts, args throws(PyException) in
      try one(args, "radians")
      return .float(try toDouble(ts, args[0]) * (Double.pi / 180.0))
    }
    m.addFunction("isfinite") { ts, args throws(PyException) in
      try one(args, "isfinite")
      return .bool(try toDouble(ts, args[0]).isFinite)
    }
    m.addFunction("isinf") { ts, args throws(PyException) in
      try one(args, "isinf")
      return .bool(try toDouble(ts, args[0]).isInfinite)
    }
    m.addFunction("isnan") { ts, args throws(PyException) in
      try one(args, "isnan")
      return .bool(try toDouble(ts, args[0]).isNaN)
    }
    m.addFunction("isclose") { ts, args throws(PyException) in
      let a = try ArgList(args, "isclose", ["a", "b"], required: 2, positionalOnly: 2,
                          keywordOnly: ["rel_tol", "abs_tol"])
      let x = try toDouble(ts, a[0]!), y = try toDouble(ts, a[1]!)
      let rel = try a[2].map { (v) throws(PyException) in try toDouble(ts, v) } ?? 1e-09
      let abs = try a[3].map { (v) throws(PyException) in try toDouble(ts, v) } ?? 0.0
      if rel < 0 || abs < 0 { throw PyException.valueError("tolerances must be non-negative") }
      if x == y { return .bool(true) }
      if x.isInfinite || y.isInfinite { return .bool(false) }
      let diff = Swift.abs(y - x)
      return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= abs)
    }

    m.addFunction("floor") { ts, args throws(PyException) in
      try one(args, "floor")
      return try rounding(ts, args[0], special: names.__floor__, .down)
    }
    m.addFunction("ceil") { ts, args throws(PyException) in
      try one(args, "ceil")
      return try rounding(ts, args[0], special: names.__ceil__, .up)
    }
    m.addFunction("trunc") { ts, args throws(PyException) in
      try one(args, "trunc")
      let v = args[0]
      if case .float(let d) = v { return try floatToInt(d.rounded(.towardZero)) }
      if case .int = v { return v }
      if case .bool(let b) = v { return .int(b ? 1 : 0) }
      if let t = v.type.lookup(names.__trunc__) { return try ts.callMethodValue(t, v) }
      throw PyException.typeError("type \(v.type.name) doesn't define __trunc__ method")
    }

    m.addFunction("frexp") { ts, args throws(PyException) in
      try one(args, "frexp")
      let x = try toDouble(ts, args[0])
      if x.isNaN || x.isInfinite || x == 0 { return .object(PyTuple([.float(x), .int(0)])) }
      var e: Int32 = 0
      let mant = Glibc.frexp(x, &e)
      return .object(PyTuple([.float(mant), .int(Int(e))]))
    }
    m.addFunction("ldexp") { ts, args throws(PyException) in
      try positional(args, "ldexp", 2, 2)
      let x = try toDouble(ts, args[0])
      guard let e = args[1].bigIntValue else {
        throw PyException.typeError("Expected an int as second argument to ldexp.")
      }
      if x == 0 || !x.isFinite { return .float(x) }
      if e > BigInt(Int32.max) { throw PyException.overflow("math range error") }
      if e < BigInt(Int32.min) { return .float(Glibc.copysign(0.0, x)) }
      let r = Glibc.scalbn(x, Int32(e))
      if r.isInfinite { throw PyException.overflow("math range error") }
      return .float(r)
    }
    m.addFunction("modf") { ts, args throws(PyException) in
      try one(args, "modf")
      let x = try toDouble(ts, args[0])
      if x.isInfinite { return .object(PyTuple([.float(Glibc.copysign(0.0, x)), .float(x)])) }
      if x.isNaN { return .object(PyTuple([.float(x), .float(x)])) }
      let ip = x.rounded(.towardZero)
      return .object(PyTuple([.float(Glibc.copysign(x - ip, x)), .float(ip)]))
    }

    m.addFunction("log") { ts, args throws(PyException) in
      try positional(args, "log", 1, 2)
      let num = try logHelper(ts, args[0], { Glibc.log($0) })
      if args.count == 1 { return .float(num) }
      let den = try logHelper(ts, args[1], { Glibc.log($0) })
      return try ts.binaryOp(.trueDiv, .float(num), .float(den))
    }
    m.addFunction("log2") { ts, args throws(PyException) in
      try one(args, "log2")
      return .float(try logHelper(ts, args[0], { Glibc.log2($0) }))
    }
    m.addFunction("log10") { ts, args throws(PyException) in
      try one(args, "log10")
      return .float(try logHelper(ts, args[0], { Glibc.log10($0) }))
    }

    m.addFunction("fsum") { ts, args throws(PyException) in
      try one(args, "fsum")
      var values: [Double] = []
      try ts.iterate(args[0]) { (v) throws(PyException) in values.append(try toDouble(ts, v)) }
      return .float(try fsum(values))
    }
    m.addFunction("hypot") { ts, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("math.hypot() takes no keyword arguments") }
      var coords: [Double] = []
      for i in 0..<args.count { coords.append(Swift.abs(try toDouble(ts, args[i]))) }
      return .float(vectorNorm(coords))
    }
    m.addFunction("dist") { ts, args throws(PyException) in
      try positional(args, "dist", 2, 2)
      let p = try ts.collect(args[0]), q = try ts.collect(args[1])
      if p.count != q.count {
        throw PyException.valueError("both points must have the same number of dimensions")
      }
      var diffs: [Double] = []
      for i in 0..<p.count { diffs.append(Swift.abs(try toDouble(ts, p[i]) - toDouble(ts, q[i]))) }
      return .float(vectorNorm(diffs))
    }
    m.addFunction("prod") { ts, args throws(PyException) in
      let a = try ArgList(args, "prod", ["iterable"], required: 1, positionalOnly: 1, keywordOnly: ["start"])
      var result = a[1] ?? .int(1)
      try ts.iterate(a[0]!) { (v) throws(PyException) in
        if case .int(let x) = result, case .int(let y) = v {
          let (r, o) = x.multipliedReportingOverflow(by: y)
          if !o {
            result = .int(r)
            return
          }
        }
        result = try ts.binaryOp(.mul, result, v)
      }
      return result
    }
    m.addFunction("sumprod") { ts, args throws(PyException) in
      try positional(args, "sumprod", 2, 2)
      return try sumprod(ts, args[0], args[1])
    }
    m.addFunction("nextafter") { ts, args throws(PyException) in
      let a = try ArgList(args, "nextafter", ["x", "y"], required: 2, positionalOnly: 2, keywordOnly: ["steps"])
      var x = try toDouble(ts, a[0]!)
      let y = try toDouble(ts, a[1]!)
      guard let stepsValue = a[2], !stepsValue.isNone else { return .float(Glibc.nextafter(x, y)) }
      guard let steps = stepsValue.bigIntValue else {
        throw PyException.typeError("'\(stepsValue.type.name)' object cannot be interpreted as an integer")
      }
      if steps < 0 { throw PyException.valueError("steps must be a non-negative integer") }
      var n = steps > BigInt(1 << 62) ? 1 << 62 : Int(steps)
      while n > 0 && x != y && !x.isNaN {
        x = Glibc.nextafter(x, y)
        n -= 1
      }
      if y.isNaN { return .float(y) }
      return .float(x)
    }
    m.addFunction("ulp") { ts, args throws(PyException) in
      try one(args, "ulp")
      var x = try toDouble(ts, args[0])
      if x.isNaN { return .float(x) }
      x = Swift.abs(x)
      if x.isInfinite { return .float(x) }
      let next = Glibc.nextafter(x, .infinity)
      if next.isInfinite { return .float(x - Glibc.nextafter(x, -.infinity)) }
      return .float(next - x)
    }

    // Integer functions.
    m.addFunction("factorial") { ts, args throws(PyException) in
      try one(args, "factorial")
      let n = try bigIndex(ts, args[0])
      if n < 0 { throw PyException.valueError("factorial() not defined for negative values") }
      guard let k = Int(exactly: n), k <= 1_000_000 else {
        throw PyException.overflow("factorial() argument should not exceed \(Int.max)")
      }
      return Value.int(productRange(1, k))
    }
    m.addFunction("gcd") { ts, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("math.gcd() takes no keyword arguments") }
      var small = 0
      var big: BigInt? = nil
      for i in 0..<args.count {
        let v = try bigIndex(ts, args[i])
        if big == nil, let x = Int(exactly: v), x != Int.min, small != Int.min {
          small = gcdInt(small, Swift.abs(x))
        } else {
          big = (big ?? BigInt(small)).greatestCommonDivisor(with: v)
        }
      }
      if let b = big { return Value.int(b.magnitude == 0 ? 0 : BigInt(b.magnitude)) }
      return .int(small)
    }
    m.addFunction("lcm") { ts, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("math.lcm() takes no keyword arguments") }
      var result = BigInt(1)
      for i in 0..<args.count {
        let v = try bigIndex(ts, args[i])
        if result == 0 || v == 0 {
          result = 0
          continue
        }
        let g = result.greatestCommonDivisor(with: v)
        result = BigInt((result / g * v).magnitude)
      }
      return Value.int(result)
    }
    m.addFunction("isqrt") { ts, args throws(PyException) in
      try one(args, "isqrt")
      let n = try bigIndex(ts, args[0])
      if n < 0 { throw PyException.valueError("isqrt() argument must be nonnegative") }
      return Value.int(BigInt(n.magnitude.squareRoot()))
    }
    m.addFunction("comb") { ts, args throws(PyException) in
      try positional(args, "comb", 2, 2)
      let n = try bigIndex(ts, args[0]), k = try bigIndex(ts, args[1])
      if n < 0 { throw PyException.valueError("n must be a non-negative integer") }
      if k < 0 { throw PyException.valueError("k must be a non-negative integer") }
      if k > n { return .int(0) }
      var kk = k
      if n - k < k { kk = n - k }
      guard let ki = Int(exactly: kk) else {
        throw PyException.overflow("min(n - k, k) must not exceed \(Int.max)")
      }
      // C(n, k) = prod(n-k+1 .. n) / k!
      var result = BigInt(1)
      for i in 0..<ki {
        result = result * (n - BigInt(i)) / BigInt(i + 1)
      }
      return Value.int(result)
    }
    m.addFunction("perm") { ts, args throws(PyException) in
      try positional(args, "perm", 1, 2)
      let n = try bigIndex(ts, args[0])
      if n < 0 && (args.count == 1 || args[1].isNone) {
        throw PyException.valueError("factorial() not defined for negative values")
      }
      if n < 0 { throw PyException.valueError("n must be a non-negative integer") }
      if args.count == 1 || args[1].isNone {
        guard let k = Int(exactly: n) else { throw PyException.overflow("n must not exceed \(Int.max)") }
        return Value.int(productRange(1, k))
      }
      let k = try bigIndex(ts, args[1])
      if k < 0 { throw PyException.valueError("k must be a non-negative integer") }
      if k > n { return .int(0) }
      guard let ki = Int(exactly: k) else { throw PyException.overflow("k must not exceed \(Int.max)") }
      var result = BigInt(1)
      for i in 0..<ki { result *= n - BigInt(i) }
      return Value.int(result)
    }
    return m
  }

  // MARK: Argument helpers

  static func one(_ args: Args, _ name: String) throws(PyException) {
    if args.hasKeywords { throw PyException.typeError("math.\(name)() takes no keyword arguments") }
    if args.count != 1 {
      throw PyException.typeError("math.\(name)() takes exactly one argument (\(args.count) given)")
    }
  }

  static func positional(_ args: Args, _ name: String, _ lo: Int, _ hi: Int) throws(PyException) {
    if args.hasKeywords { throw PyException.typeError("\(name)() takes no keyword arguments") }
    if args.count < lo || args.count > hi {
      if lo == hi {
        throw PyException.typeError("\(name) expected \(lo) argument\(lo == 1 ? "" : "s"), got \(args.count)")
      }
      if args.count < lo {
        throw PyException.typeError("\(name) expected at least \(lo) argument\(lo == 1 ? "" : "s"), got \(args.count)")
      }
      throw PyException.typeError("\(name) expected at most \(hi) argument\(hi == 1 ? "" : "s"), got \(args.count)")
    }
  }

  /// `PyFloat_AsDouble`: floats, ints, `__float__`, then `__index__`.
  static func toDouble(_ ts: ThreadState, _ v: Value) throws(PyException) -> Double {
    switch v {
    case .float(let d): return d
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .object(let o):
      if let f = o as? PyFloatObject { return f.value }
      if let l = o as? PyLong { return try numeric { try NumericOps.toDouble(l.value) } }
      if let m = o.type.lookup(names.__float__) {
        let r = try ts.callMethodValue(m, v)
        if case .float(let d) = r { return d }
        if case .object(let ro) = r, let f = ro as? PyFloatObject { return f.value }
        throw PyException.typeError("\(o.type.name).__float__ returned non-float (type \(r.type.name))")
      }
      if o.type.lookup(names.__index__) != nil {
        let i = try bigIndex(ts, v)
        return try numeric { try NumericOps.toDouble(i) }
      }
    default: break
    }
    throw PyException.typeError("must be real number, not \(v.type.name)")
  }

  /// An integer argument through `__index__`, as a big integer.
  static func bigIndex(_ ts: ThreadState, _ v: Value) throws(PyException) -> BigInt {
    if let b = v.bigIntValue { return b }
    if case .object(let o) = v, let m = o.type.lookup(names.__index__) {
      let r = try ts.callMethodValue(m, v)
      guard let b = r.bigIntValue else {
        throw PyException.typeError("__index__ returned non-int (type \(r.type.name))")
      }
      return b
    }
    throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
  }

  static func domainError(_ message: String?, _ x: Double) -> PyException {
    guard let message else { return PyException.valueError("math domain error") }
    return PyException.valueError(message.replacingOccurrences(of: "%s", with: FloatFormat.repr(x)))
  }

  /// CPython's `math_1` error rules.
  static func math1(_ x: Double, _ f: (Double) -> Double, canOverflow: Bool, message: String?) throws(PyException) -> Double {
    let r = f(x)
    if r.isNaN && !x.isNaN { throw domainError(message, x) }
    if r.isInfinite && x.isFinite {
      if canOverflow { throw PyException.overflow("math range error") }
      throw domainError(message, x)
    }
    return r
  }

  /// CPython's `math_2` error rules.
  static func math2(_ x: Double, _ y: Double, _ f: (Double, Double) -> Double) throws(PyException) -> Double {
    let r = f(x, y)
    if r.isNaN && !x.isNaN && !y.isNaN { throw PyException.valueError("math domain error") }
    if r.isInfinite && x.isFinite && y.isFinite { throw PyException.overflow("math range error") }
    return r
  }

  static func pow(_ x: Double, _ y: Double) throws(PyException) -> Double {
    if !x.isFinite || !y.isFinite {
      if x.isNaN { return y == 0 ? 1 : x }
      if y.isNaN { return x == 1 ? 1 : y }
      if x.isInfinite {
        let oddY = y.isFinite && Glibc.fmod(Swift.abs(y), 2.0) == 1.0
        if y > 0 { return oddY ? x : Swift.abs(x) }
        if y == 0 { return 1 }
        return oddY ? Glibc.copysign(0.0, x) : 0
      }
      if Swift.abs(x) == 1 { return 1 }
      if y > 0 && Swift.abs(x) > 1 { return y }
      if y < 0 && Swift.abs(x) < 1 { return -y }
      return 0
    }
    let r = Glibc.pow(x, y)
    if r.isNaN { throw PyException.valueError("math domain error") }
    if r.isInfinite {
      if x == 0 { throw PyException.valueError("math domain error") }
      throw PyException.overflow("math range error")
    }
    return r
  }

  static func floatToInt(_ d: Double) throws(PyException) -> Value {
    if d.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
    if d.isInfinite { throw PyException.overflow("cannot convert float infinity to integer") }
    if Swift.abs(d) < 9.2e18 { return .int(Int(d)) }
    return try numeric { try NumericOps.toInteger(d) }.value
  }

  static func rounding(_ ts: ThreadState, _ v: Value, special: PyStr, _ rule: FloatingPointRoundingRule) throws(PyException) -> Value {
    switch v {
    case .float(let d): return try floatToInt(d.rounded(rule))
    case .int: return v
    case .bool(let b): return .int(b ? 1 : 0)
    default: break
    }
    if let m = v.type.lookup(special) { return try ts.callMethodValue(m, v) }
    return try floatToInt(try toDouble(ts, v).rounded(rule))
  }

  /// `log`, `log2`, `log10` of ints (any size) and floats.
  static func logHelper(_ ts: ThreadState, _ v: Value, _ f: (Double) -> Double) throws(PyException) -> Double {
    if let b = v.bigIntValue {
      if b.signum() <= 0 { throw PyException.valueError("expected a positive input") }
      if let d = try? NumericOps.toDouble(b), d.isFinite { return f(d) }
      // b ~= x * 2**e with 0.5 <= x < 1.
      let mag = b.magnitude
      var e = mag.bitWidth
      var x = Glibc.scalbn(Double(UInt64(mag >> (e - 64))), -64)
      if x == 1.0 {
        x = 0.5
        e += 1
      }
      return f(x) + f(2.0) * Double(e)
    }
    let x = try toDouble(ts, v)
    return try math1(x, { (x: Double) -> Double in
      if x.isFinite {
        if x > 0 { return f(x) }
        return x == 0 ? -.infinity : .nan
      }
      if x.isNaN || x > 0 { return x }
      return .nan
    }, canOverflow: false, message: "expected a positive input, got %s")
  }

  static func gcdInt(_ a: Int, _ b: Int) -> Int {
    var x = a, y = b
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }

  /// The product lo * (lo+1) * ... * hi by binary splitting.
  static func productRange(_ lo: Int, _ hi: Int) -> BigInt {
    if hi < lo { return 1 }
    if hi - lo < 16 {
      var r = BigInt(1)
      var acc = 1
      for i in lo...hi {
        let (p, o) = acc.multipliedReportingOverflow(by: i)
        if o {
          r *= BigInt(acc)
          acc = i
        } else {
          acc = p
        }
      }
      return r * BigInt(acc)
    }
    let mid = (lo + hi) / 2
    return productRange(lo, mid) * productRange(mid + 1, hi)
  }

  /// Exactly rounded sum of floats (Shewchuk / msum with half-even fix-up).
  static func fsum(_ values: [Double]) throws(PyException) -> Double {
    var partials: [Double] = []
    var specialSum = 0.0, infSum = 0.0
    for v in values {
      var x = v
      let xsave = x
      var i = 0
      for j in 0..<partials.count {
        var y = partials[j]
        if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
        let hi = x + y
        let lo = y - (hi - x)
        if lo != 0 {
          partials[i] = lo
          i += 1
        }
        x = hi
      }
      partials.removeSubrange(i...)
      if x != 0 {
        if !x.isFinite {
          if xsave.isFinite { throw PyException.overflow("intermediate overflow in fsum") }
          if xsave.isInfinite { infSum += xsave }
          specialSum += xsave
          partials.removeAll()
        } else {
          partials.append(x)
        }
      }
    }
    if specialSum != 0 {
      if infSum.isNaN { throw PyException.valueError("-inf + inf in fsum") }
      return specialSum
    }
    var hi = 0.0
    var n = partials.count
    if n > 0 {
      n -= 1
      hi = partials[n]
      var lo = 0.0
      while n > 0 {
        let x = hi
        n -= 1
        let y = partials[n]
        hi = x + y
        let yr = hi - x
        lo = y - yr
        if lo != 0 { break }
      }
      if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
        let y = lo * 2
        let x = hi + y
        let yr = x - hi
        if y == yr { hi = x }
      }
    }
    return hi
  }

  /// Accurate Euclidean norm of non-negative values: power-of-two scaling,
  /// exact squares (fma), compensated summation and one Newton correction.
  static func vectorNorm(_ vec: [Double]) -> Double {
    var maxv = 0.0
    var foundNaN = false
    for x in vec {
      if x.isNaN { foundNaN = true }
      if x > maxv { maxv = x }
    }
    if maxv.isInfinite { return maxv }
    if foundNaN { return .nan }
    if maxv == 0 || vec.count <= 1 { return maxv }
    var e: Int32 = 0
    _ = Glibc.frexp(maxv, &e)
    if e < -1023 {
      return Double.leastNormalMagnitude * vectorNorm(vec.map { $0 / Double.leastNormalMagnitude })
    }
    let scale = Glibc.scalbn(1.0, -e)
    var csum = 1.0, frac1 = 0.0, frac2 = 0.0
    for v in vec {
      let x = v * scale
      let sq = x * x
      let sqLo = Glibc.fma(x, x, -sq)
      let s = csum + sq
      frac2 += (csum - s) + sq
      csum = s
      frac1 += sqLo
    }
    var h = (csum - 1.0 + (frac1 + frac2)).squareRoot()
    let p = -h * h
    let pLo = Glibc.fma(-h, h, -p)
    let s = csum + p
    frac2 += (csum - s) + p
    csum = s
    frac1 += pLo
    let x = csum - 1.0 + (frac1 + frac2)
    h += x / (2.0 * h)
    return h / scale
  }

  static func sumprod(_ ts: ThreadState, _ p: Value, _ q: Value) throws(PyException) -> Value {
    let pi = try ts.getIter(p), qi = try ts.getIter(q)
    var total: Value = .int(0)
    var intPath = true, intInUse = false
    var intTotal = 0
    var floatPath = true, floatInUse = false
    // Triple-length accumulation (Ogita, Rump & Oishi, "Accurate Sum and Dot Product").
    var tHi = 0.0, tLo = 0.0, tTiny = 0.0
    func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
      let x = a + b
      let z = x - a
      return (x, (a - (x - z)) + (b - z))
    }
    while true {
      let a = try ts.next(pi), b = try ts.next(qi)
      if (a == nil) != (b == nil) { throw PyException.valueError("Inputs are not the same length") }
      let finished = a == nil
      if intPath {
        if !finished, case .int(let i) = a!, case .int(let j) = b! {
          let (prod, o1) = i.multipliedReportingOverflow(by: j)
          let (sum, o2) = intTotal.addingReportingOverflow(prod)
          if !o1 && !o2 {
            intTotal = sum
            intInUse = true
            continue
          }
        }
        intPath = false
        if intInUse {
          total = try ts.binaryOp(.add, total, .int(intTotal))
          intInUse = false
        }
      }
      if floatPath {
        if !finished {
          var pair: (Double, Double)? = nil
          switch (a!, b!) {
          case (.float(let u), .float(let v)): pair = (u, v)
          case (.float(let u), .int(let v)): pair = (u, Double(v))
          case (.float(let u), .bool(let v)): pair = (u, v ? 1 : 0)
          case (.int(let u), .float(let v)): pair = (Double(u), v)
          case (.bool(let u), .float(let v)): pair = (u ? 1 : 0, v)
          default: break
          }
          if let (u, v) = pair {
            let ph = u * v
            let pl = Glibc.fma(u, v, -ph)
            let (smHi, smLo) = twoSum(tHi, ph)
            let (r1Hi, r1Lo) = twoSum(tLo, pl)
            let (r2Hi, r2Lo) = twoSum(r1Hi, smLo)
            if smHi.isFinite {
              tHi = smHi
              tLo = r2Hi
              tTiny = tTiny + r1Lo + r2Lo
              floatInUse = true
              continue
            }
          }
        }
        floatPath = false
        if floatInUse {
          let (lastHi, lastLo) = twoSum(tLo, tHi)
          total = try ts.binaryOp(.add, total, .float(tTiny + lastLo + lastHi))
          floatInUse = false
        }
      }
      if finished { break }
      total = try ts.binaryOp(.add, total, try ts.binaryOp(.mul, a!, b!))
    }
    return total
  }
}

/// The real gamma function by the Lanczos approximation (N = 13,
/// g = 6.024680040776729583740234375, the rational form used by Boost),
/// with the reflection formula for negative arguments. The same method as
/// CPython, so results agree to the last bit.
enum Lanczos {
  static let g = 6.024680040776729583740234375
  static let gMinusHalf = 5.524680040776729583740234375
  static let numerator: [Double] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
  ]
  static let denominator: [Double] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
  ]
  static let pi = 3.141592653589793238462643383279502884197
  static let logPi = 1.144729885849400174143427351353058711647

  static func sum(_ x: Double) -> Double {
    var num = 0.0, den = 0.0
    if x < 5.0 {
      for i in stride(from: 12, through: 0, by: -1) {
        num = num * x + numerator[i]
        den = den * x + denominator[i]
      }
    } else {
      for i in 0..<13 {
        num = num / x + numerator[i]
        den = den / x + denominator[i]
      }
    }
    return num / den
  }

  /// sin(pi * x), exact at integers and half-integers.
  static func sinPi(_ x: Double) -> Double {
    let y = Glibc.fmod(Swift.abs(x), 2.0)
    let r: Double
    switch Int((2.0 * y).rounded()) {
    case 0: r = Glibc.sin(pi * y)
    case 1: r = Glibc.cos(pi * (y - 0.5))
    case 2: r = Glibc.sin(pi * (1.0 - y))
    case 3: r = -Glibc.cos(pi * (y - 1.5))
    default: r = Glibc.sin(pi * (y - 2.0))
    }
    return Glibc.copysign(1.0, x) * r
  }

  /// Gamma for finite, non-zero x that is not a negative integer.
  static func gamma(_ x: Double) -> Double {
    if x == x.rounded(.down) && x > 0 && x <= 23 {
      var f = 1.0
      var i = 2.0
      while i < x {
        f *= i
        i += 1
      }
      return f
    }
    let ax = Swift.abs(x)
    if ax < 1e-20 { return 1.0 / x }
    if ax > 200.0 { return x < 0 ? 0.0 / sinPi(x) : .infinity }
    let y = ax + gMinusHalf
    var z: Double
    if ax > gMinusHalf {
      let q = y - ax
      z = q - gMinusHalf
    } else {
      let q = y - gMinusHalf
      z = q - ax
    }
    z = z * g / y
    var r: Double
    if x < 0 {
      r = -pi / sinPi(ax) / ax * Glibc.exp(y) / sum(ax)
      r -= z * r
      if ax < 140.0 {
        r /= Glibc.pow(y, ax - 0.5)
      } else {
        let sp = Glibc.pow(y, ax / 2.0 - 0.25)
        r /= sp
        r /= sp
      }
    } else {
      r = sum(ax) / Glibc.exp(y)
      r += z * r
      if ax < 140.0 {
        r *= Glibc.pow(y, ax - 0.5)
      } else {
        let sp = Glibc.pow(y, ax / 2.0 - 0.25)
        r *= sp
        r *= sp
      }
    }
    return r
  }

  /// log|Gamma(x)| for finite x that is not a non-positive integer.
  static func lgamma(_ x: Double) -> Double {
    if x == x.rounded(.down) && x <= 2.0 { return 0.0 }
    let ax = Swift.abs(x)
    if ax < 1e-20 { return -Glibc.log(ax) }
    var r = Glibc.log(sum(ax)) - g
    r += (ax - 0.5) * (Glibc.log(ax + g - 0.5) - 1)
    if x < 0 { r = logPi - Glibc.log(Swift.abs(sinPi(ax))) - Glibc.log(ax) - r }
    return r
  }
}
