import BigInt
import Foundation

/// The Mersenne Twister (MT19937) exactly as CPython's `_random` module runs
/// it, so seeded sequences match CPython bit for bit.
struct MersenneTwister {
  static let n = 624
  static let m = 397
  var state = [UInt32](repeating: 0, count: 624)
  var index = 625

  mutating func initGenrand(_ s: UInt32) {
    state[0] = s
    for i in 1..<Self.n {
      let prev = state[i - 1]
      state[i] = 1812433253 &* (prev ^ (prev >> 30)) &+ UInt32(i)
    }
    index = Self.n
  }

  mutating func initByArray(_ key: [UInt32]) {
    initGenrand(19650218)
    var i = 1, j = 0
    var k = max(Self.n, key.count)
    while k > 0 {
      let prev = state[i - 1]
      state[i] = (state[i] ^ ((prev ^ (prev >> 30)) &* 1664525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
      i += 1
      j += 1
      if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
      if j >= key.count { j = 0 }
      k -= 1
    }
    k = Self.n - 1
    while k > 0 {
      let prev = state[i - 1]
      state[i] = (state[i] ^ ((prev ^ (prev >> 30)) &* 1566083941)) &- UInt32(i)
      i += 1
      if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
      k -= 1
    }
    state[0] = 0x8000_0000
  }

  mutating func next32() -> UInt32 {
    if index >= Self.n {
      if index == Self.n + 1 { initGenrand(5489) }
      let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff
      for kk in 0..<Self.n {
        let y = (state[kk] & upper) | (state[(kk + 1) % Self.n] & lower)
        state[kk] = state[(kk + Self.m) % Self.n] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908_b0df : 0)
      }
      index = 0
    }
    var y = state[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// `random()`: 53 random bits as a float in [0, 1).
  mutating func nextDouble() -> Double {
    let a = next32() >> 5, b = next32() >> 6
    return (Double(a) * 67108864.0 + Double(b)) * (1.0 / 9007199254740992.0)
  }

  /// `getrandbits(k)` for k >= 0.
  mutating func randBits(_ k: Int) -> Value {
    if k == 0 { return .int(0) }
    if k <= 32 { return .int(Int(next32() >> UInt32(32 - k))) }
    if k <= 63 {
      let lo = UInt64(next32())
      let hi = UInt64(next32() >> UInt32(64 - k))
      return .int(Int(hi << 32 | lo))
    }
    var words: [UInt] = []
    var remaining = k
    var pending: UInt64 = 0
    var half = false
    while remaining > 0 {
      var r = next32()
      if remaining < 32 { r >>= UInt32(32 - remaining) }
      if half {
        words.append(UInt(pending | (UInt64(r) << 32)))
        half = false
      } else {
        pending = UInt64(r)
        half = true
      }
      remaining -= 32
    }
    if half { words.append(UInt(pending)) }
    return Value.int(BigInt(sign: .plus, magnitude: BigUInt(words: words)))
  }

  /// CPython's `random_seed` for an int (absolute value, 32-bit words).
  mutating func seed(magnitude: BigUInt) {
    var key: [UInt32] = []
    for w in magnitude.words {
      key.append(UInt32(truncatingIfNeeded: UInt64(w)))
      key.append(UInt32(truncatingIfNeeded: UInt64(w) >> 32))
    }
    while key.count > 1 && key.last == 0 { key.removeLast() }
    if key.isEmpty { key = [0] }
    initByArray(key)
  }
}

/// Instances of `_random.Random` (and of Python subclasses of it).
final class PyRandomObject: PyObject {
  var mt = MersenneTwister()
  init(type: PyType) { super.init(type: type, kind: .other) }
}

enum RandomModule {
  /// `_random.Random`, created once per process (immutable after creation).
  static let randomType: PyType = makeType()

  private static func state(_ v: Value) throws(PyException) -> PyRandomObject {
    guard case .object(let o) = v, let r = o as? PyRandomObject else {
      throw PyException.typeError("descriptor requires a '_random.Random' object but received '\(v.type.name)'")
    }
    return r
  }

  static func seedFromSystem(_ r: PyRandomObject) {
    var g = SystemRandomNumberGenerator()
    var key: [UInt32] = []
    for _ in 0..<(624) { key.append(UInt32(truncatingIfNeeded: g.next())) }
    r.mt.initByArray(key)
  }

  static func seed(_ ts: ThreadState, _ r: PyRandomObject, _ arg: Value?) throws(PyException) {
    guard let arg, !arg.isNone else {
      seedFromSystem(r)
      return
    }
    if let b = arg.bigIntValue {
      r.mt.seed(magnitude: b.magnitude)
    } else {
      let h = try ts.hash(arg)
      r.mt.seed(magnitude: BigUInt(UInt64(bitPattern: Int64(h))))
    }
  }

  private static func makeType() -> PyType {
    let t = PyType(builtin: "Random", base: PyType.object, module: "_random", storage: .immutable,
                   metatype: PyType.type)
    t.isBaseType = true
    t.doc = "Random() -> create a random number generator with its own internal state."
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard args.count >= 1, let cls = args[0].asType else {
        throw PyException.typeError("Random.__new__(X): X is not a type object")
      }
      if cls === RandomModule.randomType {
        if args.hasKeywords { throw PyException.typeError("Random() takes no keyword arguments") }
        if args.count > 2 { throw PyException.typeError("Random() expected at most 1 argument, got \(args.count - 1)") }
      }
      let r = PyRandomObject(type: cls)
      seedFromSystem(r)
      if cls === RandomModule.randomType && args.count == 2 { try seed(ts, r, args[1]) }
      return .object(r)
    }
    t.method("__init__") { _, _ throws(PyException) in .none }
    t.method("seed") { ts, args throws(PyException) in
      try args.expect("seed", min: 0, max: 1)
      try seed(ts, try state(args[0]), args.count > 1 ? args[1] : nil)
      return .none
    }
    t.method("random") { _, args throws(PyException) in
      try args.expect("random", 0)
      let r = try state(args[0])
      return .float(r.mt.nextDouble())
    }
    t.method("getrandbits") { ts, args throws(PyException) in
      try args.expect("getrandbits", 1)
      let r = try state(args[0])
      guard let k = try ts.indexValue(args[1], forLen: true) else {
        throw PyException.typeError("'\(args[1].type.name)' object cannot be interpreted as an integer")
      }
      if k < 0 { throw PyException.valueError("number of bits must be non-negative") }
      return r.mt.randBits(k)
    }
    // `_randbelow_with_getrandbits(n)`: draws from getrandbits(n.bit_length())
    // until the result is below n. A subclass's own getrandbits is honoured.
    t.method("_randbelow_with_getrandbits") { ts, args throws(PyException) in
      try args.expect("_randbelow_with_getrandbits", 1)
      let n = args[1]
      let gb = args[0].type.lookup(intern("getrandbits"))
      let native = gb.map { $0.asObject === getrandbitsDescriptor } ?? false
      if native, case .object(let o) = args[0], let r = o as? PyRandomObject, let small = n.smallInt, small > 0, n.isInt {
        let k = Int.bitWidth - small.leadingZeroBitCount
        while true {
          guard case .int(let v) = r.mt.randBits(k) else { break }
          if v < small { return .int(v) }
        }
      }
      guard let bits = n.bigIntValue else {
        throw PyException.typeError("'\(n.type.name)' object cannot be interpreted as an integer")
      }
      let k = bits.magnitude.bitWidth
      let getrandbits = try ts.getAttr(args[0], intern("getrandbits"))
      while true {
        let r = try ts.call(getrandbits, .int(k))
        if try ts.richLess(r, n) { return r }
      }
    }
    t.method("getstate") { _, args throws(PyException) in
      try args.expect("getstate", 0)
      let r = try state(args[0])
      var items = ContiguousArray<Value>()
      items.reserveCapacity(625)
      for w in r.mt.state { items.append(.int(Int(w))) }
      items.append(.int(r.mt.index))
      return .object(PyTuple(items))
    }
    t.method("setstate") { ts, args throws(PyException) in
      try args.expect("setstate", 1)
      let r = try state(args[0])
      guard let tup = args[1].asTuple else { throw PyException.typeError("state vector must be a tuple") }
      if tup.items.count != 625 { throw PyException.valueError("state vector is the wrong size") }
      var words = [UInt32](repeating: 0, count: 624)
      for i in 0..<624 {
        let v = tup.items[i]
        guard let b = v.bigIntValue else {
          throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
        }
        if b.sign == .minus && !b.isZero {
          throw PyException.overflow("can't convert negative value to unsigned int")
        }
        guard let w = UInt64(exactly: b) else {
          throw PyException.overflow("Python int too large to convert to C unsigned long")
        }
        words[i] = UInt32(truncatingIfNeeded: w)
      }
      guard let idx = try ts.indexValue(tup.items[624]) else {
        throw PyException.typeError("'\(tup.items[624].type.name)' object cannot be interpreted as an integer")
      }
      if idx < 0 || idx > 624 { throw PyException.valueError("invalid state") }
      r.mt.state = words
      r.mt.index = idx
      return .none
    }
    getrandbitsDescriptor = t.attributes.getStr(intern("getrandbits"))?.asObject
    t.finishBuiltin()
    return t
  }

  nonisolated(unsafe) private static var getrandbitsDescriptor: PyObject? = nil

  /// `_random`: the generator type plus the few numeric helpers `random.py` needs
  /// (kept here so `random` does not depend on other modules being present).
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_random")
    m.add("Random", .object(randomType))
    func real(_ v: Value, _ fname: String) throws(PyException) -> Double {
      if let d = v.floatValue { return d }
      if let b = v.bigIntValue {
        if let i = Int(exactly: b) { return Double(i) }
        let d = Double(b)
        if !d.isFinite { throw PyException.overflow("int too large to convert to float") }
        return d
      }
      if case .object(let o) = v, let f = o.type.lookup(names.__float__) {
        let r = try ts.callMethodValue(f, v)
        if let d = r.floatValue { return d }
      }
      throw PyException.typeError("must be real number, not \(v.type.name)")
    }
    func unary(_ name: String, _ f: @escaping (Double) -> Double, domain: @escaping (Double) -> Bool = { _ in true }) {
      m.addFunction(name) { ts, args throws(PyException) in
        try args.expect(name, 1, skipSelf: false)
        let x = try real(args[0], name)
        if !domain(x) { throw PyException.valueError("math domain error") }
        let r = f(x)
        if r.isInfinite && x.isFinite { throw PyException.overflow("math range error") }
        return .float(r)
      }
    }
    unary("_exp", { Foundation.exp($0) })
    unary("_sqrt", { Foundation.sqrt($0) }, domain: { $0 >= 0 || $0.isNaN })
    unary("_cos", { Foundation.cos($0) }, domain: { !$0.isInfinite })
    unary("_sin", { Foundation.sin($0) }, domain: { !$0.isInfinite })
    unary("_acos", { Foundation.acos($0) }, domain: { ($0 >= -1 && $0 <= 1) || $0.isNaN })
    unary("_fabs", { Swift.abs($0) })
    unary("_log2", { Foundation.log2($0) }, domain: { $0 > 0 || $0.isNaN })
    unary("_lgamma", { Foundation.lgamma($0) }, domain: { !($0 <= 0 && $0 == $0.rounded()) })
    m.addFunction("_log") { ts, args throws(PyException) in
      try args.expect("log", min: 1, max: 2, skipSelf: false)
      func ln(_ v: Value) throws(PyException) -> Double {
        if let b = v.bigIntValue, Int(exactly: b) == nil {
          if b.sign == .minus { throw PyException.valueError("math domain error") }
          // log of a huge int: scale down first (as CPython does).
          let bits = b.magnitude.bitWidth
          let shift = bits - 60
          return Foundation.log(Double(b >> shift)) + Double(shift) * Foundation.log(2.0)
        }
        let x = try real(v, "log")
        if x <= 0 && !x.isNaN { throw PyException.valueError("math domain error") }
        return Foundation.log(x)
      }
      let num = try ln(args[0])
      if args.count == 2 {
        let den = try ln(args[1])
        if den == 0 { throw PyException.zeroDivision("division by zero") }
        return .float(num / den)
      }
      return .float(num)
    }
    func toInt(_ d: Double) throws(PyException) -> Value {
      if d.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
      if d.isInfinite { throw PyException.overflow("cannot convert float infinity to integer") }
      if let i = Int(exactly: d) { return .int(i) }
      return Value.int(BigInt(d))
    }
    m.addFunction("_floor") { ts, args throws(PyException) in
      try args.expect("floor", 1, skipSelf: false)
      if args[0].isInt { return args[0] }
      return try toInt(Foundation.floor(try real(args[0], "floor")))
    }
    m.addFunction("_ceil") { ts, args throws(PyException) in
      try args.expect("ceil", 1, skipSelf: false)
      if args[0].isInt { return args[0] }
      return try toInt(Foundation.ceil(try real(args[0], "ceil")))
    }
    m.addFunction("_isfinite") { ts, args throws(PyException) in
      try args.expect("isfinite", 1, skipSelf: false)
      if args[0].isInt { return .bool(true) }
      return .bool(try real(args[0], "isfinite").isFinite)
    }
    m.addFunction("_sha512") { ts, args throws(PyException) in
      try args.expect("sha512", 1, skipSelf: false)
      guard case .object(let o) = args[0] else { throw PyException.typeError("object supporting the buffer API required") }
      let bytes: [UInt8]
      if let b = o as? PyBytes { bytes = b.bytes } else if let b = o as? PyByteArray { bytes = b.bytes } else {
        throw PyException.typeError("object supporting the buffer API required")
      }
      return .object(PyBytes(SHA512.digest(bytes)))
    }
    m.addFunction("_urandom") { ts, args throws(PyException) in
      try args.expect("urandom", 1, skipSelf: false)
      guard let n = try ts.indexValue(args[0]) else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      if n < 0 { throw PyException.valueError("negative argument not allowed") }
      var g = SystemRandomNumberGenerator()
      return .object(PyBytes((0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }))
    }
    m.addFunction("_index") { ts, args throws(PyException) in
      try args.expect("index", 1, skipSelf: false)
      let v = args[0]
      if v.isInt, case .object(let o) = v, o.kind == .instance {
        return Value.int(v.bigIntValue!)
      }
      if case .bool(let b) = v { return .int(b ? 1 : 0) }
      if v.isInt { return v }
      if case .object(let o) = v, let m = o.type.lookup(names.__index__) {
        let r = try ts.callMethodValue(m, v)
        guard r.isInt else { throw PyException.typeError("__index__ returned non-int (type \(r.type.name))") }
        return r
      }
      throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
    }
    m.addFunction("_bisect_right") { ts, args throws(PyException) in
      try args.expect("bisect_right", 4, skipSelf: false)
      let a = args[0], x = args[1]
      var lo = args[2].smallInt ?? 0, hi = args[3].smallInt ?? 0
      while lo < hi {
        let mid = (lo + hi) / 2
        if try ts.richLess(x, try ts.getItem(a, .int(mid))) { hi = mid } else { lo = mid + 1 }
      }
      return .int(lo)
    }
    return m
  }
}
