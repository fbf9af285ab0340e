/// Splitting and joining: split, rsplit, splitlines, join, strip, lstrip, rstrip.
extension StrMethods {
  static func installSplit(_ t: PyType) {
    t.method("split") { ts, args throws(PyException) in
      let (sep, maxsplit) = try splitArgs(ts, args, "split")
      let s = pystr(args[0])
      if let sep { return .object(PyList(splitOn(s, sep, maxsplit))) }
      return .object(PyList(splitWhitespace(s, maxsplit)))
    }
    t.method("rsplit") { ts, args throws(PyException) in
      let (sep, maxsplit) = try splitArgs(ts, args, "rsplit")
      let s = pystr(args[0])
      if let sep { return .object(PyList(rsplitOn(s, sep, maxsplit))) }
      return .object(PyList(rsplitWhitespace(s, maxsplit)))
    }
    t.method("splitlines") { ts, args throws(PyException) in
      let a = try ArgList(args, "splitlines", ["keepends"], skipSelf: true)
      let keep = try a[0].map { (v) throws(PyException) in try cIntArg(ts, v) != 0 } ?? false
      return .object(PyList(splitlines(pystr(args[0]), keepends: keep)))
    }
    t.method("join") { ts, args throws(PyException) in
      try args.expect("str.join", 1)
      return try join(ts, pystr(args[0]), args[1])
    }
    t.method("strip") { ts, args throws(PyException) in try strip(ts, args, "strip", left: true, right: true) }
    t.method("lstrip") { ts, args throws(PyException) in try strip(ts, args, "lstrip", left: true, right: false) }
    t.method("rstrip") { ts, args throws(PyException) in try strip(ts, args, "rstrip", left: false, right: true) }
  }

  // MARK: UTF-8 decoding over buffers

  /// The code point starting at byte `i` and its length in bytes.
  @inline(__always)
  static func decode(_ h: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = UInt32(h[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(h[i + 1]) & 0x3F), 2) }
    if b0 < 0xF0 {
      return (((b0 & 0x0F) << 12) | ((UInt32(h[i + 1]) & 0x3F) << 6) | (UInt32(h[i + 2]) & 0x3F), 3)
    }
    return (((b0 & 0x07) << 18) | ((UInt32(h[i + 1]) & 0x3F) << 12) | ((UInt32(h[i + 2]) & 0x3F) << 6)
              | (UInt32(h[i + 3]) & 0x3F), 4)
  }

  /// The code point ending at byte `end` and its length in bytes.
  @inline(__always)
  static func decodeBefore(_ h: UnsafeBufferPointer<UInt8>, _ end: Int) -> (UInt32, Int) {
    var j = end - 1
    while h[j] & 0xC0 == 0x80 { j -= 1 }
    return (decode(h, j).0, end - j)
  }

  @inline(__always)
  static func piece(_ h: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ ascii: Bool) -> Value {
    make(UnsafeBufferPointer(rebasing: h[a..<b]), ascii: ascii)
  }

  // MARK: split / rsplit

  static func splitArgs(_ ts: ThreadState, _ args: Args, _ name: String) throws(PyException) -> (PyStr?, Int) {
    let a = try ArgList(args, name, ["sep", "maxsplit"], skipSelf: true)
    let maxsplit = try a[1].map { (v) throws(PyException) in try intArg(ts, v) } ?? -1
    guard let sv = a[0], !sv.isNone else { return (nil, maxsplit < 0 ? Int.max : maxsplit) }
    let sep = try strArg(sv, "must be str or None, not \(sv.type.name)")
    if sep.isEmpty { throw PyException.valueError("empty separator") }
    return (sep, maxsplit < 0 ? Int.max : maxsplit)
  }

  static func splitWhitespace(_ s: PyStr, _ maxsplit: Int) -> ContiguousArray<Value> {
    let ascii = s.isASCII
    if ascii { return splitASCIIWhitespace(s, maxsplit) }
    return withUTF8(s.value) { h in
      var parts = ContiguousArray<Value>()
      var i = 0
      let n = h.count
      var splits = 0
      while true {
        // Skip whitespace.
        while i < n {
          let (c, len) = decode(h, i)
          if !isSpace(c) { break }
          i += len
        }
        if i >= n { break }
        if splits >= maxsplit {
          parts.append(piece(h, i, n, ascii))
          break
        }
        let start = i
        while i < n {
          let (c, len) = decode(h, i)
          if isSpace(c) { break }
          i += len
        }
        parts.append(piece(h, start, i, ascii))
        splits += 1
      }
      return parts
    }
  }

  /// `split()` of an ASCII string: a byte loop.
  static func splitASCIIWhitespace(_ s: PyStr, _ maxsplit: Int) -> ContiguousArray<Value> {
    withUTF8(s.value) { h in
      @inline(__always) func space(_ b: UInt8) -> Bool { b == 32 || b &- 9 < 5 || b &- 0x1C < 4 }
      var parts = ContiguousArray<Value>()
      var i = 0
      let n = h.count
      var splits = 0
      while true {
        while i < n && space(h[i]) { i += 1 }
        if i >= n { break }
        if splits >= maxsplit {
          parts.append(piece(h, i, n, true))
          break
        }
        let start = i
        while i < n && !space(h[i]) { i += 1 }
        parts.append(piece(h, start, i, true))
        splits += 1
      }
      return parts
    }
  }

  static func rsplitWhitespace(_ s: PyStr, _ maxsplit: Int) -> ContiguousArray<Value> {
    let ascii = s.isASCII
    return withUTF8(s.value) { h in
      var parts = ContiguousArray<Value>()
      var i = h.count
      var splits = 0
      while true {
        while i > 0 {
          let (c, len) = decodeBefore(h, i)
          if !isSpace(c) { break }
          i -= len
        }
        if i <= 0 { break }
        if splits >= maxsplit {
          parts.append(piece(h, 0, i, ascii))
          break
        }
        let end = i
        while i > 0 {
          let (c, len) = decodeBefore(h, i)
          if isSpace(c) { break }
          i -= len
        }
        parts.append(piece(h, i, end, ascii))
        splits += 1
      }
      parts.reverse()
      return parts
    }
  }

  static func splitOn(_ s: PyStr, _ sep: PyStr, _ maxsplit: Int) -> ContiguousArray<Value> {
    let ascii = s.isASCII
    return withUTF8(s.value) { h in
      withUTF8(sep.value) { n in
        var parts = ContiguousArray<Value>()
        var start = 0
        var splits = 0
        while splits < maxsplit, let p = BytesOps.find(h, n, from: start, to: h.count) {
          parts.append(piece(h, start, p, ascii))
          start = p + n.count
          splits += 1
        }
        if start == 0 && s.kind == .str {
          parts.append(.object(s))
        } else {
          parts.append(piece(h, start, h.count, ascii))
        }
        return parts
      }
    }
  }

  static func rsplitOn(_ s: PyStr, _ sep: PyStr, _ maxsplit: Int) -> ContiguousArray<Value> {
    let ascii = s.isASCII
    return withUTF8(s.value) { h in
      withUTF8(sep.value) { n in
        var parts = ContiguousArray<Value>()
        var end = h.count
        var splits = 0
        while splits < maxsplit, let p = BytesOps.rfind(h, n, from: 0, to: end) {
          parts.append(piece(h, p + n.count, end, ascii))
          end = p
          splits += 1
        }
        parts.append(piece(h, 0, end, ascii))
        parts.reverse()
        return parts
      }
    }
  }

  // MARK: splitlines

  static func splitlines(_ s: PyStr, keepends: Bool) -> ContiguousArray<Value> {
    let ascii = s.isASCII
    return withUTF8(s.value) { h in
      var parts = ContiguousArray<Value>()
      var i = 0
      let n = h.count
      var start = 0
      while i < n {
        let (c, len) = decode(h, i)
        if !isLineBreak(c) {
          i += len
          continue
        }
        var eol = i + len
        if c == 0x0D && eol < n && h[eol] == 0x0A { eol += 1 }
        parts.append(piece(h, start, keepends ? eol : i, ascii))
        i = eol
        start = eol
      }
      if start < n { parts.append(piece(h, start, n, ascii)) }
      return parts
    }
  }

  // MARK: join

  static func join(_ ts: ThreadState, _ sep: PyStr, _ iterable: Value) throws(PyException) -> Value {
    var items: ContiguousArray<Value>
    if let l = iterable.exactList {
      items = l.items
    } else if let t = iterable.exactTuple {
      items = t.items
    } else {
      do throws(PyException) {
        items = ContiguousArray(try ts.collect(iterable))
      } catch {
        if error.isInstance(of: PyType.typeError) && iterable.type.lookup(names.__iter__) == nil
            && iterable.type.lookup(names.__getitem__) == nil {
          throw PyException.typeError("can only join an iterable")
        }
        throw error
      }
    }
    if items.isEmpty { return make("", ascii: true) }
    var total = 0
    var ascii = sep.isASCII
    for (i, v) in items.enumerated() {
      guard case .object(let o) = v, let p = o as? PyStr else {
        throw PyException.typeError("sequence item \(i): expected str instance, \(v.type.name) found")
      }
      total += p.value.utf8.count
      if ascii && !p.isASCII { ascii = false }
    }
    if items.count == 1, let only = items[0].exactStr { return .object(only) }
    let sepCount = sep.value.utf8.count
    total += sepCount * (items.count - 1)
    // One allocation: copy every piece's UTF-8 bytes into place.
    let r = withUTF8(sep.value) { sb in
      String(unsafeUninitializedCapacity: total) { out in
        var at = 0
        for i in 0..<items.count {
          if i > 0 && sepCount > 0 {
            UnsafeMutableRawPointer(out.baseAddress! + at).copyMemory(from: sb.baseAddress!, byteCount: sepCount)
            at += sepCount
          }
          withUTF8(unsafeDowncast(items[i].asObject!, to: PyStr.self).value) { p in
            if p.count > 0 {
              UnsafeMutableRawPointer(out.baseAddress! + at).copyMemory(from: p.baseAddress!, byteCount: p.count)
              at += p.count
            }
          }
        }
        return at
      }
    }
    return make(r, ascii: ascii)
  }

  // MARK: strip

  static func strip(_ ts: ThreadState, _ args: Args, _ name: String, left: Bool, right: Bool) throws(PyException) -> Value {
    try positional(args, "str", name, min: 0, max: 1)
    let s = pystr(args[0])
    var chars: PyStr? = nil
    if args.count > 1, !args[1].isNone {
      chars = try strArg(args[1], "\(name) arg must be None or str")
    }
    let ascii = s.isASCII
    return withUTF8(s.value) { h in
      var lo = 0, hi = h.count
      if let chars {
        if chars.isASCII {
          var table = [Bool](repeating: false, count: 128)
          withUTF8(chars.value) { for b in $0 { table[Int(b)] = true } }
          if left {
            while lo < hi {
              let b = h[lo]
              if b >= 0x80 || !table[Int(b)] { break }
              lo += 1
            }
          }
          if right {
            while hi > lo {
              let b = h[hi - 1]
              if b >= 0x80 || !table[Int(b)] { break }
              hi -= 1
            }
          }
        } else {
          let set = Set(chars.value.unicodeScalars.map { $0.value })
          if left {
            while lo < hi {
              let (c, len) = decode(h, lo)
              if !set.contains(c) { break }
              lo += len
            }
          }
          if right {
            while hi > lo {
              let (c, len) = decodeBefore(h, hi)
              if !set.contains(c) { break }
              hi -= len
            }
          }
        }
      } else {
        if left {
          while lo < hi {
            let (c, len) = decode(h, lo)
            if !isSpace(c) { break }
            lo += len
          }
        }
        if right {
          while hi > lo {
            let (c, len) = decodeBefore(h, hi)
            if !isSpace(c) { break }
            hi -= len
          }
        }
      }
      if lo == 0 && hi == h.count { return same(args[0]) }
      return piece(h, lo, hi, ascii)
    }
  }
}
