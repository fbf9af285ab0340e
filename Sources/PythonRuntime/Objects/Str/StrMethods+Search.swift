#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searching: find, rfind, index, rindex, count, startswith, endswith,
/// replace, removeprefix, removesuffix, partition, rpartition.
///
/// Code point arguments (`start`, `end`) are converted to UTF-8 byte
/// offsets once; the search itself runs over bytes.
extension StrMethods {
  static func installSearch(_ t: PyType) {
    t.method("find") { ts, args throws(PyException) in
      .int(try findMethod(ts, args, "find", reverse: false) ?? -1)
    }
    t.method("rfind") { ts, args throws(PyException) in
      .int(try findMethod(ts, args, "rfind", reverse: true) ?? -1)
    }
    t.method("index") { ts, args throws(PyException) in
      guard let i = try findMethod(ts, args, "index", reverse: false) else {
        throw PyException.valueError("substring not found")
      }
      return .int(i)
    }
    t.method("rindex") { ts, args throws(PyException) in
      guard let i = try findMethod(ts, args, "rindex", reverse: true) else {
        throw PyException.valueError("substring not found")
      }
      return .int(i)
    }
    t.method("count") { ts, args throws(PyException) in
      let (subv, startArg, endArg) = try subArgs(ts, args, "count")
      let sub = try strArg(subv, "must be str, not \(subv.type.name)")
      let s = pystr(args[0])
      let len = s.count
      let (start, end) = adjust(startArg, endArg, len)
      if start > len || end < start { return .int(0) }
      if sub.isEmpty { return .int(end - start + 1) }
      let bs = s.utf8Offset(start), be = s.utf8Offset(end)
      return .int(withUTF8(s.value) { h in
        withUTF8(sub.value) { n in BytesOps.count(h, n, from: bs, to: be, max: Int.max) }
      })
    }
    t.method("startswith") { ts, args throws(PyException) in
      .bool(try affix(ts, args, prefix: true))
    }
    t.method("endswith") { ts, args throws(PyException) in
      .bool(try affix(ts, args, prefix: false))
    }
    t.method("replace") { ts, args throws(PyException) in
      let a = try ArgList(args, "replace", ["old", "new", "count"], required: 2, positionalOnly: 2, skipSelf: true)
      let old = try strArg(a[0]!, "replace() argument 1 must be str, not \(argTypeName(a[0]!))")
      let new = try strArg(a[1]!, "replace() argument 2 must be str, not \(argTypeName(a[1]!))")
      let count = try a[2].map { (v) throws(PyException) in try intArg(ts, v) } ?? -1
      return replace(pystr(args[0]), old, new, count < 0 ? Int.max : count)
    }
    t.method("removeprefix") { ts, args throws(PyException) in
      try args.expect("str.removeprefix", 1)
      let p = try strArg(args[1], "removeprefix() argument must be str, not \(argTypeName(args[1]))")
      let s = pystr(args[0])
      if !p.isEmpty && s.value.utf8.starts(with: p.value.utf8) {
        return withUTF8(s.value) { b in
          make(UnsafeBufferPointer(rebasing: b[p.value.utf8.count...]), ascii: s.isASCII)
        }
      }
      return same(args[0])
    }
    t.method("removesuffix") { ts, args throws(PyException) in
      try args.expect("str.removesuffix", 1)
      let p = try strArg(args[1], "removesuffix() argument must be str, not \(argTypeName(args[1]))")
      let s = pystr(args[0])
      let n = p.value.utf8.count, total = s.value.utf8.count
      if n > 0 && n <= total {
        let hit = withUTF8(s.value) { b in
          withUTF8(p.value) { q in memcmp(b.baseAddress! + (total - n), q.baseAddress!, n) == 0 }
        }
        if hit {
          return withUTF8(s.value) { b in make(UnsafeBufferPointer(rebasing: b[..<(total - n)]), ascii: s.isASCII) }
        }
      }
      return same(args[0])
    }
    t.method("partition") { ts, args throws(PyException) in
      try partition(ts, args, reverse: false)
    }
    t.method("rpartition") { ts, args throws(PyException) in
      try partition(ts, args, reverse: true)
    }
    t.method("__contains__") { ts, args throws(PyException) in
      try dunderArgs(args)
      guard let sub = args[1].asStr else {
        throw PyException.typeError("'in <string>' requires string as left operand, not \(args[1].type.name)")
      }
      return .bool(StrOps.find(pystr(args[0]).value, sub.value) != nil)
    }
  }

  /// find / rfind / index / rindex: the code point index of a match, or nil.
  static func findMethod(_ ts: ThreadState, _ args: Args, _ name: String, reverse: Bool) throws(PyException) -> Int? {
    let (subv, startArg, endArg) = try subArgs(ts, args, name)
    let sub = try strArg(subv, "must be str, not \(subv.type.name)")
    let s = pystr(args[0])
    if startArg == nil && endArg == nil && !reverse {
      guard let b = StrOps.find(s.value, sub.value) else { return nil }
      return s.codePointIndex(b)
    }
    let len = s.count
    let (start, end) = adjust(startArg, endArg, len)
    if start > len || end < start { return nil }
    if sub.isEmpty { return reverse ? end : start }
    let bs = s.utf8Offset(start), be = s.utf8Offset(end)
    let r = withUTF8(s.value) { h in
      withUTF8(sub.value) { n in
        reverse ? BytesOps.rfind(h, n, from: bs, to: be) : BytesOps.find(h, n, from: bs, to: be)
      }
    }
    return r.map { s.codePointIndex($0) }
  }

  /// startswith / endswith with a str or a tuple of str and optional start/end.
  static func affix(_ ts: ThreadState, _ args: Args, prefix: Bool) throws(PyException) -> Bool {
    let name = prefix ? "startswith" : "endswith"
    let (subv, startArg, endArg) = try subArgs(ts, args, name)
    let s = pystr(args[0])
    let len = s.count
    let (start, end) = adjust(startArg, endArg, len)
    var bs = -1, be = -1
    func test(_ sub: PyStr) -> Bool {
      if start > end { return false }
      if bs < 0 { bs = s.utf8Offset(start); be = s.utf8Offset(end) }
      let n = sub.value.utf8.count
      if be - bs < n { return false }
      if n == 0 { return true }
      return withUTF8(s.value) { h in
        withUTF8(sub.value) { q in memcmp(h.baseAddress! + (prefix ? bs : be - n), q.baseAddress!, n) == 0 }
      }
    }
    if let tuple = subv.asTuple {
      for item in tuple.items {
        guard let sub = item.asStr else {
          throw PyException.typeError("tuple for \(name) must only contain str, not \(item.type.name)")
        }
        if test(sub) { return true }
      }
      return false
    }
    guard let sub = subv.asStr else {
      throw PyException.typeError("\(name) first arg must be str or a tuple of str, not \(subv.type.name)")
    }
    return test(sub)
  }

  /// `s.replace(old, new, count)` (`count` already made non-negative: Int.max for all).
  static func replace(_ s: PyStr, _ old: PyStr, _ new: PyStr, _ count: Int) -> Value {
    if count == 0 { return .object(s.kind == .str ? s : PyStr(s.value)) }
    let ascii = s.isASCII && new.isASCII
    if old.isEmpty {
      // Insert `new` before every code point and at the end, `count` times.
      var done = 0
      let r = withUTF8(new.value) { nw in
        buildUTF8(capacity: s.value.utf8.count + nw.count * min(count, s.count + 1)) { out in
          withUTF8(s.value) { h in
            var i = 0
            while i < h.count {
              if done < count { out.append(contentsOf: nw); done += 1 }
              out.append(h[i])
              i += 1
              while i < h.count && h[i] & 0xC0 == 0x80 { out.append(h[i]); i += 1 }
            }
          }
          if done < count { out.append(contentsOf: nw) }
        }
      }
      return make(r, ascii: ascii)
    }
    return withUTF8(s.value) { h in
      withUTF8(old.value) { o in
        guard var p = BytesOps.find(h, o, from: 0, to: h.count) else {
          return .object(s.kind == .str ? s : PyStr(s.value))
        }
        return withUTF8(new.value) { nw in
          make(buildUTF8(capacity: h.count) { out in
            var start = 0
            var done = 0
            while true {
              out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start..<p]))
              out.append(contentsOf: nw)
              start = p + o.count
              done += 1
              guard done < count, let q = BytesOps.find(h, o, from: start, to: h.count) else { break }
              p = q
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start...]))
          }, ascii: ascii)
        }
      }
    }
  }

  static func partition(_ ts: ThreadState, _ args: Args, reverse: Bool) throws(PyException) -> Value {
    try args.expect(reverse ? "str.rpartition" : "str.partition", 1)
    let sep = try strArg(args[1], "must be str, not \(args[1].type.name)")
    if sep.isEmpty { throw PyException.valueError("empty separator") }
    let s = pystr(args[0])
    let empty = make("", ascii: true)
    let sepValue: Value = sep.kind == .str ? args[1] : .object(PyStr(sep.value))
    return withUTF8(s.value) { h in
      withUTF8(sep.value) { n in
        let found = reverse ? BytesOps.rfind(h, n, from: 0, to: h.count) : BytesOps.find(h, n, from: 0, to: h.count)
        guard let p = found else {
          let whole = args[0]  // CPython returns self here, even for a subclass instance
          return .object(PyTuple(reverse ? [empty, empty, whole] : [whole, empty, empty]))
        }
        return .object(PyTuple([make(UnsafeBufferPointer(rebasing: h[..<p]), ascii: s.isASCII), sepValue,
                                make(UnsafeBufferPointer(rebasing: h[(p + n.count)...]), ascii: s.isASCII)]))
      }
    }
  }
}
