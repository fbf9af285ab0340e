import BigInt

/// CPython's hash functions for numbers (so `hash(1) == hash(1.0)` and sets
/// of numbers iterate in CPython's order) and for object identity.
enum Hashing {
  static let modulus: UInt = (1 << 61) - 1
  static let noneHash = 0x0FCA_8642

  @inline(__always)
  static func hashInt(_ i: Int) -> Int {
    if i >= 0 && i < Int(modulus) { return i }
    var r: Int
    if i >= 0 {
      r = Int(UInt(i) % modulus)
    } else {
      r = -Int(i.magnitude % modulus)
    }
    if r == -1 { r = -2 }
    return r
  }

  static func hashBig(_ b: BigInt) -> Int {
    if let i = Int(exactly: b) { return hashInt(i) }
    let m = BigInt(modulus)
    var r = Int(b.magnitude % m.magnitude)
    if b.sign == .minus { r = -r }
    if r == -1 { r = -2 }
    return r
  }

  static func hashDouble(_ v: Double) -> Int {
    if !v.isFinite {
      if v.isNaN { return 0 }
      return v > 0 ? 314_159 : -314_159
    }
    if v == v.rounded(.towardZero), abs(v) < 9.2e18 { return hashInt(Int(v)) }
    var (m, e) = frexp(v)
    var sign = 1
    if m < 0 {
      sign = -1
      m = -m
    }
    var x: UInt = 0
    while m != 0 {
      x = ((x << 28) & modulus) | (x >> (61 - 28))
      m *= 268_435_456.0
      e -= 28
      let y = UInt(m)
      m -= Double(y)
      x += y
      if x >= modulus { x -= modulus }
    }
    let ee = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
    x = ((x << UInt(ee)) & modulus) | (x >> UInt(61 - ee))
    var r = Int(x) * sign
    if r == -1 { r = -2 }
    return r
  }

  /// CPython's pointer hash: the address rotated right by 4 bits.
  static func identity(_ o: AnyObject) -> Int {
    let p = UInt(bitPattern: ObjectIdentifier(o).hashValue)
    let y = (p >> 4) | (p << (UInt(UInt.bitWidth) - 4))
    let r = Int(bitPattern: y)
    return r == -1 ? -2 : r
  }

  /// `id(v)`: the address for heap objects; a stable fake for inline values.
  static func id(_ v: Value) -> Int {
    switch v {
    case .object(let o): return ObjectIdentifier(o).hashValue
    case .none: return 0x1_0000
    case .bool(let b): return b ? 0x1_0020 : 0x1_0010
    case .int(let i): return 0x7F00_0000_0000 &+ i &* 32
    case .float(let d): return 0x7E00_0000_0000 &+ Int(truncatingIfNeeded: d.bitPattern >> 8) & 0xFFFF_FFFF_FFF0
    case .null: return 0
    }
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
