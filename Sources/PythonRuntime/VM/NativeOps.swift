/// Operators on exact builtin values, without any dunder lookup. Each
/// function returns nil when the operand types are not a builtin combination
/// it knows, which makes the caller fall back to the generic protocol.
enum NativeOps {
  static func binary(_ ts: ThreadState, _ op: BinaryOpKind, _ a: Value, _ b: Value) throws(PyException) -> Value? {
    if let x = Num(exact: a), let y = Num(exact: b) {
      if op == .matMul { return nil }
      if case .bool(let p) = a, case .bool(let q) = b {
        switch op {
        case .and: return .bool(p && q)
        case .or: return .bool(p || q)
        case .xor: return .bool(p != q)
        default: break
        }
      }
      return try NumberOps.binary(op, x, y)
    }
    guard case .object(let oa) = a else {
      // int * sequence
      if op == .mul, case .object(let ob) = b, a.isInt, isSequenceKind(ob.kind), let n = try repeatCount(a) {
        return try repeatSequence(ts, ob, n)
      }
      return nil
    }
    switch oa.kind {
    case .str:
      let s = unsafeDowncast(oa, to: PyStr.self)
      switch op {
      case .add:
        if let t = b.exactStr { return .object(PyStr.concat(s, t)) }
        if let t = b.asStr { return .object(PyStr(s.value + t.value)) }
        return nil
      case .mul:
        if let n = try repeatCount(b) { return try repeatSequence(ts, oa, n) }
        return nil
      case .mod:
        return try PercentFormatting.format(ts, s.value, b)
      default: return nil
      }
    case .list:
      let l = unsafeDowncast(oa, to: PyList.self)
      switch op {
      case .add:
        guard let r = b.exactList ?? b.asList else { return nil }
        var items = l.items
        items.append(contentsOf: r.items)
        return .object(PyList(items))
      case .mul:
        if let n = try repeatCount(b) { return try repeatSequence(ts, oa, n) }
        return nil
      default: return nil
      }
    case .tuple:
      let t = unsafeDowncast(oa, to: PyTuple.self)
      switch op {
      case .add:
        guard let r = b.exactTuple ?? b.asTuple else { return nil }
        var items = t.items
        items.append(contentsOf: r.items)
        return .object(PyTuple.make(items))
      case .mul:
        if let n = try repeatCount(b) { return try repeatSequence(ts, oa, n) }
        return nil
      default: return nil
      }
    case .bytes, .bytearray:
      let x = bytesOf(oa)!
      switch op {
      case .add:
        guard let y = ts.bytesLike(b) else { return nil }
        return oa.kind == .bytes ? .object(PyBytes(x + y)) : .object(PyByteArray(x + y))
      case .mul:
        if let n = try repeatCount(b) { return try repeatSequence(ts, oa, n) }
        return nil
      case .mod:
        return try PercentFormatting.formatBytes(ts, x, b, asByteArray: oa.kind == .bytearray)
      default: return nil
      }
    case .set, .frozenset:
      guard case .object(let ob) = b, let other = ob as? PySet else { return nil }
      return try SetOps.binary(ts, op, unsafeDowncast(oa, to: PySet.self), other).map { .object($0) }
    case .dict:
      if op == .or, let other = b.asDict {
        let d = unsafeDowncast(oa, to: PyDict.self).copy()
        try d.update(ts, from: other)
        return .object(d)
      }
      return nil
    case .long:
      if op == .mul, case .object(let ob) = b, ob.kind == .str || ob.kind == .list || ob.kind == .tuple {
        throw PyException.overflow("cannot fit 'int' into an index-sized integer")
      }
      return nil
    default:
      return nil
    }
  }

  static func bytesOf(_ o: PyObject) -> [UInt8]? {
    if let b = o as? PyBytes { return b.bytes }
    if let b = o as? PyByteArray { return b.bytes }
    return nil
  }

  /// Fills `total` bytes at `dest` with copies of `unit` by doubling the
  /// filled prefix: a handful of large copies instead of one per repeat.
  private static func fillRepeating(_ dest: UnsafeMutablePointer<UInt8>, _ total: Int, _ unit: UnsafeBufferPointer<UInt8>) {
    dest.initialize(from: unit.baseAddress!, count: unit.count)
    var filled = unit.count
    while filled < total {
      let n = min(filled, total - filled)
      (dest + filled).initialize(from: dest, count: n)
      filled += n
    }
  }

  /// The count of `sequence * count`: nil when not an int; an int beyond
  /// machine words cannot be a count (OverflowError, as in CPython).
  @inline(__always)
  static func repeatCount(_ v: Value) throws(PyException) -> Int? {
    if case .int(let n) = v { return n }
    guard v.isIntLike else { return nil }
    guard let n = v.smallInt else { throw PyException.overflow("cannot fit 'int' into an index-sized integer") }
    return n
  }

  private static func isSequenceKind(_ k: ObjKind) -> Bool {
    k == .str || k == .list || k == .tuple || k == .bytes || k == .bytearray
  }

  static func repeatSequence(_ ts: ThreadState, _ o: PyObject, _ n: Int) throws(PyException) -> Value? {
    let count = max(n, 0)
    switch o.kind {
    case .str:
      let s = unsafeDowncast(o, to: PyStr.self)
      if count == 0 || s.value.isEmpty { return Value("") }
      try ts.checkRepeatSize(s.value.utf8.count, count)
      if count == 1 { return .object(s) }
      let unit = Array(s.value.utf8)
      let total = unit.count * count
      let repeated = String(unsafeUninitializedCapacity: total) { buffer in
        unit.withUnsafeBufferPointer { fillRepeating(buffer.baseAddress!, total, $0) }
        return total
      }
      return .object(s.isASCII ? PyStr(ascii: repeated, count: total) : PyStr(repeated))
    case .list:
      let l = unsafeDowncast(o, to: PyList.self)
      try ts.checkRepeatSize(l.items.count, count)
      var out = ContiguousArray<Value>()
      out.reserveCapacity(l.items.count * count)
      for _ in 0..<count { out.append(contentsOf: l.items) }
      return .object(PyList(out))
    case .tuple:
      let t = unsafeDowncast(o, to: PyTuple.self)
      try ts.checkRepeatSize(t.items.count, count)
      if count == 1 { return .object(t) }
      var out = ContiguousArray<Value>()
      out.reserveCapacity(t.items.count * count)
      for _ in 0..<count { out.append(contentsOf: t.items) }
      return .object(PyTuple.make(out))
    case .bytes, .bytearray:
      let b = bytesOf(o)!
      try ts.checkRepeatSize(b.count, count)
      let total = b.count * count
      let out = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
        if total > 0 { b.withUnsafeBufferPointer { fillRepeating(buffer.baseAddress!, total, $0) } }
        initialized = total
      }
      return o.kind == .bytes ? .object(PyBytes(out)) : .object(PyByteArray(out))
    default:
      return nil
    }
  }

  // MARK: Unary

  static func unary(_ ts: ThreadState, _ kind: UnaryKind, _ v: Value) throws(PyException) -> Value? {
    guard let n = Num(exact: v) else { return nil }
    switch (kind, n) {
    case (.neg, .int(let i)): return i == Int.min ? Value.int(-BigIntValue(i)) : .int(-i)
    case (.neg, .big(let b)): return Value.int(-b)
    case (.neg, .float(let d)): return .float(-d)
    case (.pos, .float(let d)): return .float(d)
    case (.pos, _): return n.value
    case (.invert, .int(let i)): return .int(~i)
    case (.invert, .big(let b)): return Value.int(-b - 1)
    case (.invert, .float): return nil
    }
  }

  // MARK: Comparison

  static func compare(_ ts: ThreadState, _ a: Value, _ b: Value, _ op: CompareKind) throws(PyException) -> Bool? {
    if let x = Num(exact: a), let y = Num(exact: b) {
      guard let c = NumberOps.compare(x, y) else { return op == .ne }
      return result(c, op)
    }
    guard case .object(let oa) = a, case .object(let ob) = b else {
      if op == .eq || op == .ne, (a.isNone || b.isNone) {
        if case .object(let o) = a, o.kind == .instance { return nil }
        if case .object(let o) = b, o.kind == .instance { return nil }
        let same = a.isIdentical(to: b)
        return op == .eq ? same : !same
      }
      return nil
    }
    switch (oa.kind, ob.kind) {
    case (.str, .str):
      let x = unsafeDowncast(oa, to: PyStr.self), y = unsafeDowncast(ob, to: PyStr.self)
      if op == .eq { return x.equals(y) }
      if op == .ne { return !x.equals(y) }
      return result(PyStr.compare(x.value, y.value), op)
    case (.list, .list):
      return try compareSequences(ts, unsafeDowncast(oa, to: PyList.self).items,
                                  unsafeDowncast(ob, to: PyList.self).items, op)
    case (.tuple, .tuple):
      return try compareSequences(ts, unsafeDowncast(oa, to: PyTuple.self).items,
                                  unsafeDowncast(ob, to: PyTuple.self).items, op)
    case (.bytes, .bytes), (.bytes, .bytearray), (.bytearray, .bytes), (.bytearray, .bytearray):
      let x = bytesOf(oa)!, y = bytesOf(ob)!
      if op == .eq { return x == y }
      if op == .ne { return x != y }
      return result(x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1), op)
    case (.dict, .dict):
      guard op == .eq || op == .ne else { return nil }
      let eq = try dictsEqual(ts, unsafeDowncast(oa, to: PyDict.self), unsafeDowncast(ob, to: PyDict.self))
      return op == .eq ? eq : !eq
    case (.set, .set), (.set, .frozenset), (.frozenset, .set), (.frozenset, .frozenset):
      return try SetOps.compare(ts, unsafeDowncast(oa, to: PySet.self), unsafeDowncast(ob, to: PySet.self), op)
    case (.range, .range):
      guard op == .eq || op == .ne else { return nil }
      let eq = (oa as! PyRange).sameSequence(as: ob as! PyRange)
      return op == .eq ? eq : !eq
    default:
      return nil
    }
  }

  @inline(__always)
  static func result(_ c: Int, _ op: CompareKind) -> Bool {
    switch op {
    case .lt: return c < 0
    case .le: return c <= 0
    case .eq: return c == 0
    case .ne: return c != 0
    case .gt: return c > 0
    case .ge: return c >= 0
    }
  }

  static func compareSequences(_ ts: ThreadState, _ x: ContiguousArray<Value>, _ y: ContiguousArray<Value>,
                               _ op: CompareKind) throws(PyException) -> Bool {
    if (op == .eq || op == .ne) && x.count != y.count { return op == .ne }
    try ts.enterNativeRecursion(" in comparison")
    defer { ts.leaveNativeRecursion() }
    var i = 0
    while i < x.count && i < y.count {
      if try !ts.richEqual(x[i], y[i]) { break }
      i += 1
    }
    if i >= x.count || i >= y.count {
      return result(x.count < y.count ? -1 : (x.count == y.count ? 0 : 1), op)
    }
    switch op {
    case .eq: return false
    case .ne: return true
    default: return try ts.isTrue(try ts.compare(x[i], y[i], op))
    }
  }

  static func dictsEqual(_ ts: ThreadState, _ a: PyDict, _ b: PyDict) throws(PyException) -> Bool {
    if a.count != b.count { return false }
    try ts.enterNativeRecursion(" in comparison")
    defer { ts.leaveNativeRecursion() }
    for i in 0..<a.entryCapacity {
      guard let e = a.entry(at: i) else { continue }
      guard let v = try b.get(ts, e.key, hash: a.entryHash(at: i)) else { return false }
      if try !ts.richEqual(e.value, v) { return false }
    }
    return true
  }
}

typealias BigIntValue = BigInt
import BigInt

extension Value {
  var isFloatValue: Bool { if case .float = self { return true } else { return false } }

  /// int, bool or int subclass instance.
  var isIntLike: Bool { isInt }
}

extension ThreadState {
  /// Refuses results too large to allocate (`'x' * 10**12`) with MemoryError.
  func checkRepeatSize(_ unit: Int, _ times: Int) throws(PyException) {
    let (total, overflow) = unit.multipliedReportingOverflow(by: times)
    if overflow || total > (1 << 31) { throw PyException.memoryError() }
  }

  /// The bytes of a bytes-like object (bytes, bytearray, memoryview).
  func bytesLike(_ v: Value) -> [UInt8]? {
    guard case .object(let o) = v else { return nil }
    if let b = o as? PyBytes { return b.bytes }
    if let b = o as? PyByteArray { return b.bytes }
    if let m = o as? PyMemoryView { return m.bytes }
    return nil
  }
}
