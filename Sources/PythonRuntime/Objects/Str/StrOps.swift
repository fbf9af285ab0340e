/// Core str algorithms shared by the VM and the str methods.
enum StrOps {
  static func repr(_ s: String) -> String { NumericFormat.pythonStringRepr(s) }

  /// `ascii()`: escapes every non-ASCII character of an already-built repr.
  static func asciiEscape(_ repr: String) -> String {
    var out = ""
    out.reserveCapacity(repr.utf8.count)
    for c in repr.unicodeScalars {
      let v = c.value
      if v < 128 {
        out.unicodeScalars.append(c)
      } else if v < 0x100 {
        out += "\\x" + String(v, radix: 16).leftPadded(to: 2)
      } else if v < 0x10000 {
        out += "\\u" + String(v, radix: 16).leftPadded(to: 4)
      } else {
        out += "\\U" + String(v, radix: 16).leftPadded(to: 8)
      }
    }
    return out
  }

  /// Byte offset of the first occurrence of `needle` in `hay` at or after
  /// byte offset `from`, or nil. UTF-8 byte search finds exactly the code
  /// point matches (UTF-8 is self-synchronising).
  static func find(_ hay: String, _ needle: String, from: Int = 0) -> Int? {
    withUTF8(hay) { h in
      withUTF8(needle) { n in BytesOps.find(h, n, from: from, to: h.count) }
    }
  }

  /// `s[slice]`.
  static func slice(_ ts: ThreadState, _ s: PyStr, _ sl: PySlice) throws(PyException) -> PyStr {
    let (start, _, step, count) = try sl.indices(ts, length: s.count)
    if count <= 0 { return PyStr("") }
    if step == 1 { return PyStr(s.substring(start, start + count)) }
    var out = String.UnicodeScalarView()
    var i = start
    for _ in 0..<count {
      out.append(s.scalar(at: i))
      i += step
    }
    return PyStr(String(out))
  }
}

/// Byte-sequence algorithms (also used for UTF-8 text). The buffer
/// versions search `hay[from..<to]` without copying.
enum BytesOps {
  static func find(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    hay.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in find(h, n, from: from, to: to ?? h.count) }
    }
  }

  static func rfind(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    hay.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in rfind(h, n, from: from, to: to ?? h.count) }
    }
  }

  static func count(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int {
    hay.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in count(h, n, from: from, to: to ?? h.count, max: Int.max) }
    }
  }

  /// First occurrence of `needle` in `hay[from..<to]`.
  static func find(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                   from: Int, to: Int) -> Int? {
    let end = min(to, hay.count)
    let start = max(from, 0)
    let n = needle.count
    if n == 0 { return start <= end ? start : nil }
    if end - start < n { return nil }
    let h = hay.baseAddress!, nb = needle.baseAddress!
    let first = Int32(nb[0])
    var i = start
    let last = end - n
    while i <= last {
      guard let p = memchr(h + i, first, last - i + 1) else { return nil }
      let j = h.distance(to: p.assumingMemoryBound(to: UInt8.self))
      if n == 1 || memcmp(h + j + 1, nb + 1, n - 1) == 0 { return j }
      i = j + 1
    }
    return nil
  }

  /// Last occurrence of `needle` in `hay[from..<to]`.
  static func rfind(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                    from: Int, to: Int) -> Int? {
    let end = min(to, hay.count)
    let start = max(from, 0)
    let n = needle.count
    if n == 0 { return end >= start ? end : nil }
    if end - start < n { return nil }
    let h = hay.baseAddress!, nb = needle.baseAddress!
    let first = nb[0]
    var i = end - n
    while i >= start {
      if h[i] == first && (n == 1 || memcmp(h + i + 1, nb + 1, n - 1) == 0) { return i }
      i -= 1
    }
    return nil
  }

  /// Non-overlapping occurrences of a non-empty `needle` in `hay[from..<to]`, at most `max`.
  static func count(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                    from: Int, to: Int, max limit: Int) -> Int {
    let end = min(to, hay.count)
    if needle.isEmpty { return Swift.max(end - from + 1, 0) }
    var c = 0
    var i = from
    while c < limit, let p = find(hay, needle, from: i, to: end) {
      c += 1
      i = p + needle.count
    }
    return c
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
