/// Appends bytes to a caller-owned buffer whose capacity the caller has
/// already bounded. The formatters size their output first and then write
/// it once, so a formatted number costs one allocation (none for strings of
/// up to 15 bytes, which Swift stores inline).
struct NumericByteWriter {
  let base: UnsafeMutablePointer<UInt8>
  let capacity: Int
  private(set) var count = 0

  init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
    self.base = base
    self.capacity = capacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    assert(count < capacity, "NumericByteWriter overflow")
    base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func append(repeating byte: UInt8, count n: Int) {
    guard n > 0 else { return }
    assert(count + n <= capacity, "NumericByteWriter overflow")
    (base + count).initialize(repeating: byte, count: n)
    count += n
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let src = bytes.baseAddress, bytes.count > 0 else { return }
    assert(count + bytes.count <= capacity, "NumericByteWriter overflow")
    (base + count).update(from: src, count: bytes.count)
    count += bytes.count
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
    append(UnsafeBufferPointer(start: bytes, count: n))
  }

  /// Appends the UTF-8 encoding of `scalar`.
  mutating func append(scalar: Unicode.Scalar) {
    let v = scalar.value
    if v < 0x80 {
      append(UInt8(v))
    } else if v < 0x800 {
      append(UInt8(0xC0 | (v >> 6)))
      append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      append(UInt8(0xE0 | (v >> 12)))
      append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      append(UInt8(0x80 | (v & 0x3F)))
    } else {
      append(UInt8(0xF0 | (v >> 18)))
      append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  /// Appends `n` copies of `scalar` (fill characters may be any code point).
  mutating func append(repeating scalar: Unicode.Scalar, count n: Int) {
    guard n > 0 else { return }
    if scalar.value < 0x80 {
      append(repeating: UInt8(scalar.value), count: n)
    } else {
      for _ in 0..<n { append(scalar: scalar) }
    }
  }

  mutating func append(_ string: String) {
    var s = string
    s.withUTF8 { append($0) }
  }

  mutating func append(_ string: Substring) {
    var s = string
    s.withUTF8 { append($0) }
  }
}

extension NumericByteWriter {
  /// Builds a `String` of at most `capacity` UTF-8 bytes written by `body`.
  /// The bytes go to a stack scratch buffer first (heap only when large),
  /// so the string gets an exact-size allocation, or none when it fits
  /// Swift's 15-byte inline form.
  @inline(__always)
  static func string(capacity: Int, _ body: (inout NumericByteWriter) throws -> Void) rethrows -> String {
    if capacity <= 0 { return "" }
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      var writer = NumericByteWriter(base: buffer.baseAddress!, capacity: capacity)
      try body(&writer)
      return String(decoding: writer.written, as: UTF8.self)
    }
  }

  /// Runs `body` with a scratch writer of `capacity` bytes (on the stack
  /// when small) and returns its result.
  @inline(__always)
  static func withScratch<R>(capacity: Int, _ body: (inout NumericByteWriter) throws -> R) rethrows -> R {
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer in
      var writer = NumericByteWriter(base: buffer.baseAddress!, capacity: max(capacity, 1))
      return try body(&writer)
    }
  }

  /// The bytes written so far.
  var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Forgets everything after the first `n` bytes.
  mutating func truncate(to n: Int) {
    assert(n <= count)
    count = n
  }
}

/// ASCII constants, so byte-level code reads like the characters it means.
enum NumericASCII {
  static let zero: UInt8 = 0x30
  static let nine: UInt8 = 0x39
  static let dot: UInt8 = 0x2E
  static let minus: UInt8 = 0x2D
  static let plus: UInt8 = 0x2B
  static let space: UInt8 = 0x20
  static let underscore: UInt8 = 0x5F
  static let comma: UInt8 = 0x2C
  static let percent: UInt8 = 0x25
  static let lowerE: UInt8 = 0x65
  static let upperE: UInt8 = 0x45
  static let lowerX: UInt8 = 0x78
  static let quote: UInt8 = 0x27
  static let doubleQuote: UInt8 = 0x22
  static let backslash: UInt8 = 0x5C

  static let lowerHexDigits: [UInt8] = Array("0123456789abcdef".utf8)
  static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }
  /// Python's `Py_ISSPACE`: space, \t, \n, \v, \f, \r.
  @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}
