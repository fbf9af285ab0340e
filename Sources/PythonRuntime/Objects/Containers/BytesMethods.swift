#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The methods shared by `bytes` and `bytearray` (ASCII semantics). Methods
/// of bytearray return bytearrays; those of bytes (and of bytes
/// subclasses) return exact bytes.
enum BytesMethods {
  static func install(_ t: PyType, mutable: Bool) {
    let typeName = mutable ? "bytearray" : "bytes"
    func wrap(_ b: [UInt8]) -> Value { mutable ? .object(PyByteArray(b)) : .object(PyBytes(b)) }
    func noArgs(_ args: Args, _ name: String) throws(PyException) {
      if args.count != 1 || args.hasKeywords {
        if args.hasKeywords && args.count == 1 { throw PyException.typeError("\(typeName).\(name)() takes no keyword arguments") }
        throw PyException.typeError("\(typeName).\(name)() takes no arguments (\(args.count - 1 + args.kwCount) given)")
      }
    }

    // Case conversion.
    func mapMethod(_ name: String, _ f: @escaping ([UInt8]) -> [UInt8]) {
      t.method(name) { _, args throws(PyException) in
        try noArgs(args, name)
        return wrap(f(data(args[0])))
      }
    }
    mapMethod("upper") { $0.map(StrMethods.asciiUpper) }
    mapMethod("lower") { $0.map(StrMethods.asciiLower) }
    mapMethod("swapcase") { $0.map(StrMethods.asciiSwap) }
    mapMethod("capitalize") { d in
      d.enumerated().map { i, b in i == 0 ? StrMethods.asciiUpper(b) : StrMethods.asciiLower(b) }
    }
    mapMethod("title") { d in
      var previousCased = false
      return d.map { b in
        let letter = isAlpha(b)
        let r = previousCased ? StrMethods.asciiLower(b) : StrMethods.asciiUpper(b)
        previousCased = letter
        return r
      }
    }

    // Predicates.
    func predicate(_ name: String, _ f: @escaping ([UInt8]) -> Bool) {
      t.method(name) { _, args throws(PyException) in
        try noArgs(args, name)
        return .bool(f(data(args[0])))
      }
    }
    predicate("isascii") { $0.allSatisfy { $0 < 0x80 } }
    predicate("isalpha") { !$0.isEmpty && $0.allSatisfy(isAlpha) }
    predicate("isdigit") { !$0.isEmpty && $0.allSatisfy(isDigit) }
    predicate("isalnum") { !$0.isEmpty && $0.allSatisfy { isAlpha($0) || isDigit($0) } }
    predicate("isspace") { !$0.isEmpty && $0.allSatisfy(isSpace) }
    predicate("islower") { d in
      var cased = false
      for b in d {
        if b >= 65 && b <= 90 { return false }
        if b >= 97 && b <= 122 { cased = true }
      }
      return cased
    }
    predicate("isupper") { d in
      var cased = false
      for b in d {
        if b >= 97 && b <= 122 { return false }
        if b >= 65 && b <= 90 { cased = true }
      }
      return cased
    }
    predicate("istitle") { d in
      var cased = false, previousCased = false
      for b in d {
        if b >= 65 && b <= 90 {
          if previousCased { return false }
          previousCased = true
          cased = true
        } else if b >= 97 && b <= 122 {
          if !previousCased { return false }
          previousCased = true
          cased = true
        } else {
          previousCased = false
        }
      }
      return cased
    }

    // Searching.
    t.method("find") { ts, args throws(PyException) in .int(try findMethod(ts, args, "find", reverse: false) ?? -1) }
    t.method("rfind") { ts, args throws(PyException) in .int(try findMethod(ts, args, "rfind", reverse: true) ?? -1) }
    t.method("index") { ts, args throws(PyException) in
      guard let i = try findMethod(ts, args, "index", reverse: false) else { throw PyException.valueError("subsection not found") }
      return .int(i)
    }
    t.method("rindex") { ts, args throws(PyException) in
      guard let i = try findMethod(ts, args, "rindex", reverse: true) else { throw PyException.valueError("subsection not found") }
      return .int(i)
    }
    t.method("count") { ts, args throws(PyException) in
      let (subv, s0, e0) = try StrMethods.subArgs(ts, args, "count", owner: typeName)
      let sub = try subArg(ts, subv)
      let d = data(args[0])
      let (start, end) = StrMethods.adjust(s0, e0, d.count)
      if start > d.count || end < start { return .int(0) }
      return .int(BytesOps.count(d, sub, from: start, to: end))
    }
    t.method("startswith") { ts, args throws(PyException) in .bool(try affix(ts, args, prefix: true)) }
    t.method("endswith") { ts, args throws(PyException) in .bool(try affix(ts, args, prefix: false)) }
    t.method("removeprefix") { ts, args throws(PyException) in
      try args.expect("\(typeName).removeprefix", 1)
      let p = try bytesArg(ts, args[1])
      let d = data(args[0])
      if !p.isEmpty && d.starts(with: p) { return wrap(Array(d[p.count...])) }
      return mutable ? wrap(d) : sameBytes(args[0])
    }
    t.method("removesuffix") { ts, args throws(PyException) in
      try args.expect("\(typeName).removesuffix", 1)
      let p = try bytesArg(ts, args[1])
      let d = data(args[0])
      if !p.isEmpty && d.count >= p.count && d[(d.count - p.count)...].elementsEqual(p) {
        return wrap(Array(d[..<(d.count - p.count)]))
      }
      return mutable ? wrap(d) : sameBytes(args[0])
    }
    t.method("replace") { ts, args throws(PyException) in
      let a = try ArgList(args, "replace", ["old", "new", "count"], required: 2, positionalOnly: 2, skipSelf: true)
      let old = try bytesArg(ts, a[0]!), new = try bytesArg(ts, a[1]!)
      let count = try a[2].map { (v) throws(PyException) in try StrMethods.intArg(ts, v) } ?? -1
      return wrap(replace(data(args[0]), old, new, count < 0 ? Int.max : count))
    }
    for reverse in [false, true] {
      let name = reverse ? "rpartition" : "partition"
      t.method(name) { ts, args throws(PyException) in
        try args.expect("\(typeName).\(name)", 1)
        let sep = try bytesArg(ts, args[1])
        if sep.isEmpty { throw PyException.valueError("empty separator") }
        let d = data(args[0])
        let found = reverse ? BytesOps.rfind(d, sep) : BytesOps.find(d, sep)
        guard let p = found else {
          let whole = mutable ? wrap(d) : sameBytes(args[0])
          return .object(PyTuple(reverse ? [wrap([]), wrap([]), whole] : [whole, wrap([]), wrap([])]))
        }
        return .object(PyTuple([wrap(Array(d[..<p])), wrap(sep), wrap(Array(d[(p + sep.count)...]))]))
      }
    }

    // Splitting and joining.
    for reverse in [false, true] {
      let name = reverse ? "rsplit" : "split"
      t.method(name) { ts, args throws(PyException) in
        let a = try ArgList(args, name, ["sep", "maxsplit"], skipSelf: true)
        var maxsplit = try a[1].map { (v) throws(PyException) in try StrMethods.intArg(ts, v) } ?? -1
        if maxsplit < 0 { maxsplit = Int.max }
        let d = data(args[0])
        let parts: [[UInt8]]
        if let sv = a[0], !sv.isNone {
          let sep = try bytesArg(ts, sv)
          if sep.isEmpty { throw PyException.valueError("empty separator") }
          parts = reverse ? rsplitOn(d, sep, maxsplit) : splitOn(d, sep, maxsplit)
        } else {
          parts = reverse ? rsplitWhitespace(d, maxsplit) : splitWhitespace(d, maxsplit)
        }
        return .object(PyList(ContiguousArray(parts.map(wrap))))
      }
    }
    t.method("splitlines") { ts, args throws(PyException) in
      let a = try ArgList(args, "splitlines", ["keepends"], skipSelf: true)
      let keep = try a[0].map { (v) throws(PyException) in try StrMethods.cIntArg(ts, v) != 0 } ?? false
      let d = data(args[0])
      var parts = ContiguousArray<Value>()
      var i = 0, start = 0
      while i < d.count {
        let b = d[i]
        if b != 10 && b != 13 { i += 1; continue }
        var eol = i + 1
        if b == 13 && eol < d.count && d[eol] == 10 { eol += 1 }
        parts.append(wrap(Array(d[start..<(keep ? eol : i)])))
        i = eol
        start = eol
      }
      if start < d.count { parts.append(wrap(Array(d[start...]))) }
      return .object(PyList(parts))
    }
    t.method("join") { ts, args throws(PyException) in
      try args.expect("\(typeName).join", 1)
      let sep = data(args[0])
      var items: [Value]
      do throws(PyException) {
        items = try ts.collect(args[1])
      } catch {
        if error.isInstance(of: PyType.typeError) && args[1].type.lookup(names.__iter__) == nil
            && args[1].type.lookup(names.__getitem__) == nil {
          throw PyException.typeError("can only join an iterable")
        }
        throw error
      }
      var out: [UInt8] = []
      for (i, v) in items.enumerated() {
        guard let b = ts.bytesLike(v) else {
          throw PyException.typeError("sequence item \(i): expected a bytes-like object, \(v.type.name) found")
        }
        if i > 0 { out.append(contentsOf: sep) }
        out.append(contentsOf: b)
      }
      return wrap(out)
    }
    for (name, left, right) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
      t.method(name) { ts, args throws(PyException) in
        try StrMethods.positional(args, typeName, name, min: 0, max: 1)
        let d = data(args[0])
        var table = [Bool](repeating: false, count: 256)
        if args.count > 1, !args[1].isNone {
          for b in try bytesArg(ts, args[1]) { table[Int(b)] = true }
        } else {
          for b in [9, 10, 11, 12, 13, 32] { table[b] = true }
        }
        var lo = 0, hi = d.count
        if left { while lo < hi && table[Int(d[lo])] { lo += 1 } }
        if right { while hi > lo && table[Int(d[hi - 1])] { hi -= 1 } }
        if !mutable && lo == 0 && hi == d.count { return sameBytes(args[0]) }
        return wrap(Array(d[lo..<hi]))
      }
    }

    // Padding.
    for name in ["center", "ljust", "rjust"] {
      t.method(name) { ts, args throws(PyException) in
        try StrMethods.positional(args, typeName, name, min: 1, max: 2)
        let width = try StrMethods.intArg(ts, args[1])
        var fill: UInt8 = 32
        if args.count > 2 {
          guard let f = ts.bytesLike(args[2]), f.count == 1, !(args[2].asObject is PyMemoryView) else {
            throw PyException.typeError("\(name)() argument 2 must be a byte string of length 1, not \(StrMethods.argTypeName(args[2]))")
          }
          fill = f[0]
        }
        let d = data(args[0])
        if d.count >= width { return mutable ? wrap(d) : sameBytes(args[0]) }
        try ts.checkRepeatSize(1, width)
        let marg = width - d.count
        let left = name == "ljust" ? 0 : name == "rjust" ? marg : marg / 2 + (marg & width & 1)
        return wrap([UInt8](repeating: fill, count: left) + d + [UInt8](repeating: fill, count: marg - left))
      }
    }
    t.method("zfill") { ts, args throws(PyException) in
      if args.count != 2 || args.hasKeywords {
        if args.hasKeywords { throw PyException.typeError("\(typeName).zfill() takes no keyword arguments") }
        throw PyException.typeError("\(typeName).zfill() takes exactly one argument (\(args.count - 1) given)")
      }
      let width = try StrMethods.intArg(ts, args[1])
      let d = data(args[0])
      if d.count >= width { return mutable ? wrap(d) : sameBytes(args[0]) }
      try ts.checkRepeatSize(1, width)
      var out: [UInt8] = []
      var rest = d[...]
      if let f = d.first, f == 43 || f == 45 { out.append(f); rest = d.dropFirst() }
      out += [UInt8](repeating: 48, count: width - d.count)
      out += rest
      return wrap(out)
    }
    t.method("expandtabs") { ts, args throws(PyException) in
      let a = try ArgList(args, "expandtabs", ["tabsize"], skipSelf: true)
      let tabsize = try a[0].map { (v) throws(PyException) in try StrMethods.cIntArg(ts, v) } ?? 8
      var out: [UInt8] = []
      var column = 0
      for b in data(args[0]) {
        if b == 9 {
          if tabsize > 0 {
            let n = tabsize - column % tabsize
            out += [UInt8](repeating: 32, count: n)
            column += n
          }
        } else {
          out.append(b)
          column += 1
          if b == 10 || b == 13 { column = 0 }
        }
      }
      return wrap(out)
    }

    // Translation.
    t.staticMethod("maketrans") { ts, args throws(PyException) in
      try StrMethods.positional(args, typeName, "maketrans", min: 2, max: 2, skipSelf: false)
      let x = try bytesArg(ts, args[0]), y = try bytesArg(ts, args[1])
      guard x.count == y.count else { throw PyException.valueError("maketrans arguments must have same length") }
      var table = (0..<256).map { UInt8($0) }
      for (a, b) in zip(x, y) { table[Int(a)] = b }
      return .object(PyBytes(table))
    }
    t.method("translate") { ts, args throws(PyException) in
      if args.count < 2 {
        throw PyException.typeError("translate() takes at least 1 positional argument (\(args.count - 1) given)")
      }
      let a = try ArgList(args, "translate", ["table", "delete"], required: 1, positionalOnly: 1, skipSelf: true)
      var table: [UInt8]? = nil
      if let tv = a[0], !tv.isNone {
        let tb = try bytesArg(ts, tv)
        guard tb.count == 256 else { throw PyException.valueError("translation table must be 256 characters long") }
        table = tb
      }
      var delete = [Bool](repeating: false, count: 256)
      if let dv = a[1] { for b in try bytesArg(ts, dv) { delete[Int(b)] = true } }
      var out: [UInt8] = []
      for b in data(args[0]) where !delete[Int(b)] { out.append(table?[Int(b)] ?? b) }
      return wrap(out)
    }

    // Hex and text.
    t.classMethod("fromhex") { ts, args throws(PyException) in
      try args.expect("\(typeName).fromhex", 1)
      let bytes = try fromHex(ts, args[1])
      guard let cls = args[0].asType else { return wrap(bytes) }
      if cls === PyType.bytes { return .object(PyBytes(bytes)) }
      if cls === PyType.bytearray { return .object(PyByteArray(bytes)) }
      return try ts.call(args[0], .object(mutable ? PyByteArray(bytes) : PyBytes(bytes)))
    }
    t.method("hex") { ts, args throws(PyException) in
      let a = try ArgList(args, "hex", ["sep", "bytes_per_sep"], skipSelf: true)
      return Value(try hex(ts, data(args[0]), sep: a[0], bytesPerSep: a[1]))
    }
    t.method("decode") { ts, args throws(PyException) in
      let a = try ArgList(args, "decode", ["encoding", "errors"], skipSelf: true)
      let enc = try codecArg(a[0], "decode", "encoding") ?? "utf-8"
      let errors = try codecArg(a[1], "decode", "errors") ?? "strict"
      return Value(try TextCodecs.decode(data(args[0]), encoding: enc, errors: errors))
    }
  }

  // MARK: Helpers

  static func data(_ v: Value) -> [UInt8] {
    let o = v.asObject!
    if let b = o as? PyBytes { return b.bytes }
    return (o as! PyByteArray).bytes
  }

  /// "bytes" or "bytearray", for error messages.
  static func ownerName(_ args: Args) -> String { args[0].asObject is PyByteArray ? "bytearray" : "bytes" }

  /// Self as an exact bytes (the same object when already exact).
  static func sameBytes(_ v: Value) -> Value {
    if case .object(let o) = v, o.kind == .bytes { return v }
    return .object(PyBytes(data(v)))
  }

  @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
  /// ASCII whitespace for bytes: space, \t, \n, \v, \f, \r.
  @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

  /// A bytes-like argument.
  static func bytesArg(_ ts: ThreadState, _ v: Value) throws(PyException) -> [UInt8] {
    if let b = ts.bytesLike(v) { return b }
    throw PyException.typeError("a bytes-like object is required, not '\(v.type.name)'")
  }

  /// The `sub` of find/count/index: bytes-like or an int in range(256).
  static func subArg(_ ts: ThreadState, _ v: Value) throws(PyException) -> [UInt8] {
    if let b = ts.bytesLike(v) { return b }
    if v.isInt || (v.asObject.map { $0.type.lookup(names.__index__) != nil } ?? false) {
      guard let n = try ts.indexValue(v, clamp: true), n >= 0, n < 256 else {
        throw PyException.valueError("byte must be in range(0, 256)")
      }
      return [UInt8(n)]
    }
    throw PyException.typeError("argument should be integer or bytes-like object, not '\(v.type.name)'")
  }

  static func findMethod(_ ts: ThreadState, _ args: Args, _ name: String, reverse: Bool) throws(PyException) -> Int? {
    let (subv, s0, e0) = try StrMethods.subArgs(ts, args, name, owner: ownerName(args))
    let sub = try subArg(ts, subv)
    let d = data(args[0])
    let (start, end) = StrMethods.adjust(s0, e0, d.count)
    if start > d.count || end < start { return nil }
    return reverse ? BytesOps.rfind(d, sub, from: start, to: end) : BytesOps.find(d, sub, from: start, to: end)
  }

  static func affix(_ ts: ThreadState, _ args: Args, prefix: Bool) throws(PyException) -> Bool {
    let name = prefix ? "startswith" : "endswith"
    let (subv, s0, e0) = try StrMethods.subArgs(ts, args, name, owner: ownerName(args))
    let d = data(args[0])
    let (start, end) = StrMethods.adjust(s0, e0, d.count)
    func test(_ sub: [UInt8]) -> Bool {
      if start > end || end - start < sub.count { return false }
      return prefix ? d[start..<(start + sub.count)].elementsEqual(sub) : d[(end - sub.count)..<end].elementsEqual(sub)
    }
    if let tuple = subv.asTuple {
      for item in tuple.items where test(try bytesArg(ts, item)) { return true }
      return false
    }
    guard let sub = ts.bytesLike(subv) else {
      throw PyException.typeError("\(name) first arg must be bytes or a tuple of bytes, not \(subv.type.name)")
    }
    return test(sub)
  }

  static func replace(_ d: [UInt8], _ old: [UInt8], _ new: [UInt8], _ count: Int) -> [UInt8] {
    if count == 0 { return d }
    var out: [UInt8] = []
    out.reserveCapacity(d.count)
    if old.isEmpty {
      var done = 0
      for b in d {
        if done < count { out += new; done += 1 }
        out.append(b)
      }
      if done < count { out += new }
      return out
    }
    var start = 0, done = 0
    while done < count, let p = BytesOps.find(d, old, from: start) {
      out += d[start..<p]
      out += new
      start = p + old.count
      done += 1
    }
    out += d[start...]
    return out
  }

  static func splitOn(_ d: [UInt8], _ sep: [UInt8], _ maxsplit: Int) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0, splits = 0
    while splits < maxsplit, let p = BytesOps.find(d, sep, from: start) {
      parts.append(Array(d[start..<p]))
      start = p + sep.count
      splits += 1
    }
    parts.append(Array(d[start...]))
    return parts
  }

  static func rsplitOn(_ d: [UInt8], _ sep: [UInt8], _ maxsplit: Int) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var end = d.count, splits = 0
    while splits < maxsplit, let p = BytesOps.rfind(d, sep, from: 0, to: end) {
      parts.append(Array(d[(p + sep.count)..<end]))
      end = p
      splits += 1
    }
    parts.append(Array(d[..<end]))
    return parts.reversed()
  }

  static func splitWhitespace(_ d: [UInt8], _ maxsplit: Int) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var i = 0, splits = 0
    let n = d.count
    while true {
      while i < n && isSpace(d[i]) { i += 1 }
      if i >= n { break }
      if splits >= maxsplit { parts.append(Array(d[i...])); break }
      let start = i
      while i < n && !isSpace(d[i]) { i += 1 }
      parts.append(Array(d[start..<i]))
      splits += 1
    }
    return parts
  }

  static func rsplitWhitespace(_ d: [UInt8], _ maxsplit: Int) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var i = d.count, splits = 0
    while true {
      while i > 0 && isSpace(d[i - 1]) { i -= 1 }
      if i <= 0 { break }
      if splits >= maxsplit { parts.append(Array(d[..<i])); break }
      let end = i
      while i > 0 && !isSpace(d[i - 1]) { i -= 1 }
      parts.append(Array(d[i..<end]))
      splits += 1
    }
    return parts.reversed()
  }

  static func fromHex(_ ts: ThreadState, _ v: Value) throws(PyException) -> [UInt8] {
    let text: [UInt8]
    if let s = v.asStr {
      // Non-ASCII characters are never hex digits; keep their positions as code points.
      text = s.value.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : 0xFF }
    } else if let b = ts.bytesLike(v) {
      text = b
    } else {
      throw PyException.typeError("fromhex() argument must be str or bytes-like, not \(v.type.name)")
    }
    var out: [UInt8] = []
    var i = 0
    while i < text.count {
      if isSpace(text[i]) { i += 1; continue }
      guard let hi = TextCodecs.hexValue(text[i]) else {
        throw PyException.valueError("non-hexadecimal number found in fromhex() arg at position \(i)")
      }
      i += 1
      guard i < text.count else {
        throw PyException.valueError("fromhex() arg must contain an even number of hexadecimal digits")
      }
      guard let lo = TextCodecs.hexValue(text[i]) else {
        throw PyException.valueError("non-hexadecimal number found in fromhex() arg at position \(i)")
      }
      i += 1
      out.append(UInt8(hi * 16 + lo))
    }
    return out
  }

  /// `bytes.hex([sep[, bytes_per_sep]])`.
  static func hex(_ ts: ThreadState, _ d: [UInt8], sep: Value?, bytesPerSep: Value?) throws(PyException) -> String {
    let digits = Array("0123456789abcdef".utf8)
    let per = try bytesPerSep.map { (v) throws(PyException) in try StrMethods.cIntArg(ts, v) } ?? 1
    var sepByte: UInt8? = nil
    if let sep {
      let sb: [UInt8]
      if let s = sep.asStr {
        guard s.count == 1 else { throw PyException.valueError("sep must be length 1.") }
        guard s.isASCII else { throw PyException.valueError("sep must be ASCII.") }
        sb = Array(s.value.utf8)
      } else if let b = ts.bytesLike(sep) {
        guard b.count == 1 else { throw PyException.valueError("sep must be length 1.") }
        guard b[0] < 0x80 else { throw PyException.valueError("sep must be ASCII.") }
        sb = b
      } else if sep.type.lookup(names.__len__) != nil {
        if try ts.len(sep) != 1 { throw PyException.valueError("sep must be length 1.") }
        throw PyException.typeError("sep must be str or bytes.")
      } else {
        throw PyException.typeError("object of type '\(sep.type.name)' has no len()")
      }
      sepByte = sb[0]
    }
    var out: [UInt8] = []
    out.reserveCapacity(d.count * 3)
    let group = abs(per)
    for (i, b) in d.enumerated() {
      if let s = sepByte, group > 0, i > 0 {
        // Positive: groups counted from the right; negative: from the left.
        let boundary = per > 0 ? (d.count - i) % group == 0 : i % group == 0
        if boundary { out.append(s) }
      }
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
