/// A Python `str`: an immutable sequence of Unicode code points.
///
/// Stored as a native Swift `String` (UTF-8). Python semantics differ from
/// Swift's in two places this type hides: equality, hashing and ordering are
/// by code point (never Unicode canonical equivalence), and indexing and
/// `len` count code points (never grapheme clusters). ASCII strings — most
/// identifiers and keys — index in O(1) through their UTF-8 bytes; other
/// strings build a code point array on first random access.
final class PyStr: PyObject {
  let value: String
  private var cachedHash: Int = 0
  private var hashComputed = false
  /// Code point count; -1 until computed.
  private var cachedCount: Int = -1
  private var cachedASCII: Bool = false
  /// Code points, built lazily for random access into non-ASCII text.
  private var scalarCache: [Unicode.Scalar]? = nil
  let isInterned: Bool

  init(_ value: String) {
    self.value = value
    self.isInterned = false
    super.init(type: PyType.str, kind: .str)
  }

  /// An instance of a `str` subclass.
  init(_ value: String, type: PyType) {
    self.value = value
    self.isInterned = false
    super.init(type: type, kind: .str)
  }

  /// Creates an interned string. Everything is computed up front so that the
  /// object is never written again and can be shared across interpreters.
  init(interned value: String) {
    self.value = value
    self.isInterned = true
    super.init(type: PyType.str, kind: .str)
    computeCount()
    _ = hash
  }

  /// Builds a string already known to be ASCII with `count` code points.
  init(ascii value: String, count: Int) {
    self.value = value
    self.isInterned = false
    self.cachedCount = count
    self.cachedASCII = true
    super.init(type: PyType.str, kind: .str)
  }

  // MARK: Length and code points

  private func computeCount() {
    func scan<C: Sequence>(_ bytes: C) -> (Int, Bool) where C.Element == UInt8 {
      var continuation = 0
      var high: UInt8 = 0
      for b in bytes {
        if b & 0xC0 == 0x80 { continuation += 1 }
        high |= b
      }
      return (continuation, high < 0x80)
    }
    let utf8 = value.utf8
    let (continuation, ascii) = utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(utf8)
    cachedCount = utf8.count - continuation
    cachedASCII = ascii
  }

  /// Number of code points (`len(s)`).
  var count: Int {
    if cachedCount < 0 { computeCount() }
    return cachedCount
  }

  var isASCII: Bool {
    if cachedCount < 0 { computeCount() }
    return cachedASCII
  }

  var isEmpty: Bool { value.isEmpty }

  /// The code points as an array (cached for non-ASCII strings).
  var scalars: [Unicode.Scalar] {
    if let s = scalarCache { return s }
    let s = Array(value.unicodeScalars)
    if !isInterned { scalarCache = s }
    return s
  }

  /// The code point at `i` (0 <= i < count).
  func scalar(at i: Int) -> Unicode.Scalar {
    if isASCII {
      let u = value.utf8
      return Unicode.Scalar(u[u.index(u.startIndex, offsetBy: i)])
    }
    return scalars[i]
  }

  /// `s[i]` as a new one-character string.
  func character(at i: Int) -> PyStr {
    if isASCII {
      let u = value.utf8
      let b = u[u.index(u.startIndex, offsetBy: i)]
      return PyStr.asciiChar(b)
    }
    return PyStr(String(Character(scalars[i])))
  }

  /// The substring of code points `lo..<hi` (already clamped).
  func substring(_ lo: Int, _ hi: Int) -> String {
    if lo >= hi { return "" }
    if isASCII {
      let u = value.utf8
      let a = u.index(u.startIndex, offsetBy: lo)
      let b = u.index(a, offsetBy: hi - lo)
      return String(value[a..<b])
    }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[lo..<hi])
    return String(s)
  }

  // MARK: Hash and comparison

  /// Python's `hash(s)`. Deterministic across runs (CPython randomises str
  /// hashes, so programs cannot depend on the value).
  var hash: Int {
    if hashComputed { return cachedHash }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in value.utf8 {
      h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
    }
    h ^= h >> 29
    h = h &* 0xbf58_476d_1ce4_e5b9
    h ^= h >> 32
    var r = Int(bitPattern: UInt(h))
    if r == -1 { r = -2 }
    cachedHash = r
    hashComputed = true
    return r
  }

  @inline(__always)
  func equals(_ other: PyStr) -> Bool {
    if self === other { return true }
    if hashComputed && other.hashComputed && cachedHash != other.cachedHash { return false }
    return PyStr.bytesEqual(value, other.value)
  }

  static func bytesEqual(_ a: String, _ b: String) -> Bool {
    let au = a.utf8, bu = b.utf8
    if au.count != bu.count { return false }
    if let r = au.withContiguousStorageIfAvailable({ pa in
      bu.withContiguousStorageIfAvailable { pb in
        pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
      }
    }), let r { return r }
    return au.elementsEqual(bu)
  }

  /// Code point order (UTF-8 byte order is code point order).
  static func compare(_ a: String, _ b: String) -> Int {
    let au = a.utf8, bu = b.utf8
    if let r = au.withContiguousStorageIfAvailable({ pa in
      bu.withContiguousStorageIfAvailable { pb -> Int in
        let n = min(pa.count, pb.count)
        if n > 0 {
          let c = memcmp(pa.baseAddress!, pb.baseAddress!, n)
          if c != 0 { return c < 0 ? -1 : 1 }
        }
        return pa.count == pb.count ? 0 : (pa.count < pb.count ? -1 : 1)
      }
    }), let r { return r }
    var ia = au.makeIterator(), ib = bu.makeIterator()
    while true {
      switch (ia.next(), ib.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let x?, let y?): if x != y { return x < y ? -1 : 1 }
      }
    }
  }

  // MARK: Shared small strings

  /// One-character ASCII strings, shared (immutable, so safe across interpreters).
  nonisolated(unsafe) static var asciiTable: [PyStr] = []

  static func asciiChar(_ b: UInt8) -> PyStr {
    if b < 128, !asciiTable.isEmpty { return asciiTable[Int(b)] }
    return PyStr(String(UnicodeScalar(b)))
  }

  static func makeASCIITable() {
    asciiTable = (0..<128).map { PyStr(interned: String(UnicodeScalar(UInt8($0)))) }
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PyStr {
  /// Concatenation that keeps the ASCII fast path known.
  static func concat(_ a: PyStr, _ b: PyStr) -> PyStr {
    if a.value.isEmpty { return b.kind == .str ? b : PyStr(b.value) }
    if b.value.isEmpty { return a.kind == .str ? a : PyStr(a.value) }
    let s = a.value + b.value
    if a.cachedCount >= 0 && b.cachedCount >= 0 && a.cachedASCII && b.cachedASCII {
      return PyStr(ascii: s, count: a.cachedCount + b.cachedCount)
    }
    return PyStr(s)
  }
}
