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
    let h = Array(hay.utf8), n = Array(needle.utf8)
    return BytesOps.find(h, n, from: from)
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

/// Byte-sequence algorithms (also used for UTF-8 text).
enum BytesOps {
  static func find(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    let end = min(to ?? hay.count, hay.count)
    let n = needle.count
    if n == 0 { return from <= end ? from : nil }
    if end - from < n { return nil }
    let first = needle[0]
    var i = max(from, 0)
    let last = end - n
    return hay.withUnsafeBufferPointer { hp -> Int? in
      needle.withUnsafeBufferPointer { np -> Int? in
        while i <= last {
          if hp[i] == first && memcmp(hp.baseAddress! + i, np.baseAddress!, n) == 0 { return i }
          i += 1
        }
        return nil
      }
    }
  }

  static func rfind(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    let end = min(to ?? hay.count, hay.count)
    let n = needle.count
    if n == 0 { return end >= from ? end : nil }
    var i = end - n
    while i >= max(from, 0) {
      if Array(hay[i..<i + n]) == needle { return i }
      i -= 1
    }
    return nil
  }

  static func count(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int {
    let end = min(to ?? hay.count, hay.count)
    if needle.isEmpty { return max(end - from + 1, 0) }
    var c = 0
    var i = from
    while let p = find(hay, needle, from: i, to: end) {
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
