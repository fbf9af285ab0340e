/// List slice assignment and deletion.
enum ListOps {
  static func assignSlice(_ ts: ThreadState, _ l: PyList, _ s: PySlice, _ value: Value) throws(PyException) {
    let newItems: [Value]
    if case .object(let o) = value, o === l {
      newItems = Array(l.items)
    } else {
      do throws(PyException) {
        newItems = try ts.collect(value)
      } catch {
        if error.isInstance(of: PyType.typeError) {
          throw PyException.typeError("must assign iterable to extended slice")
        }
        throw error
      }
    }
    let (start, stop, step, count) = try s.indices(ts, length: l.items.count)
    if step == 1 {
      let hi = max(stop, start)
      l.items.replaceSubrange(start..<hi, with: newItems)
      return
    }
    if newItems.count != count {
      throw PyException.valueError(
        "attempt to assign sequence of size \(newItems.count) to extended slice of size \(count)")
    }
    var i = start
    for v in newItems {
      l.items[i] = v
      i += step
    }
  }

  static func deleteSlice(_ ts: ThreadState, _ l: PyList, _ s: PySlice) throws(PyException) {
    let (start, stop, step, count) = try s.indices(ts, length: l.items.count)
    if count == 0 { return }
    if step == 1 {
      l.items.removeSubrange(start..<max(stop, start))
      return
    }
    var remove = Set<Int>()
    var i = start
    for _ in 0..<count {
      remove.insert(i)
      i += step
    }
    var out = ContiguousArray<Value>()
    out.reserveCapacity(l.items.count - count)
    for (j, v) in l.items.enumerated() where !remove.contains(j) { out.append(v) }
    l.items = out
  }
}

/// Set algebra following CPython's algorithms (so result iteration order matches).
enum SetOps {
  static func binary(_ ts: ThreadState, _ op: BinaryOpKind, _ a: PySet, _ b: PySet) throws(PyException) -> PySet? {
    switch op {
    case .or: return try union(ts, a, b)
    case .and: return try intersection(ts, a, b)
    case .sub: return try difference(ts, a, b)
    case .xor: return try symmetricDifference(ts, a, b)
    default: return nil
    }
  }

  static func resultType(_ a: PySet) -> PyType {
    a.kind == .frozenset || a.type.isSubtype(of: PyType.frozenset) ? PyType.frozenset : PyType.set
  }

  static func union(_ ts: ThreadState, _ a: PySet, _ b: PySet) throws(PyException) -> PySet {
    let r = try a.copy(type: resultType(a), ts: ts)
    if a !== b { try r.merge(ts, b) }
    return r
  }

  static func intersection(_ ts: ThreadState, _ a: PySet, _ b: PySet) throws(PyException) -> PySet {
    if a === b { return try a.copy(type: resultType(a), ts: ts) }
    let r = PySet(type: resultType(a))
    // Iterate the smaller set, probe the larger (CPython swaps the same way).
    var so = a, other = b
    if other.count > so.count { swap(&so, &other) }
    for (k, h) in other.elements where try so.contains(ts, k, hash: h) {
      try r.add(ts, k, hash: h)
    }
    return r
  }

  static func difference(_ ts: ThreadState, _ a: PySet, _ b: PySet) throws(PyException) -> PySet {
    if (a.count >> 2) > b.count {
      let r = try a.copy(type: resultType(a), ts: ts)
      for (k, h) in b.elements { try r.discard(ts, k, hash: h) }
      return r
    }
    let r = PySet(type: resultType(a))
    for (k, h) in a.elements where try !b.contains(ts, k, hash: h) {
      try r.add(ts, k, hash: h)
    }
    return r
  }

  static func symmetricDifference(_ ts: ThreadState, _ a: PySet, _ b: PySet) throws(PyException) -> PySet {
    let r = try b.copy(type: resultType(a), ts: ts)
    if a === b { return PySet(type: resultType(a)) }
    for (k, h) in a.elements {
      if try !r.discard(ts, k, hash: h) { try r.add(ts, k, hash: h) }
    }
    return r
  }

  static func isSubset(_ ts: ThreadState, _ a: PySet, _ b: PySet) throws(PyException) -> Bool {
    if a.count > b.count { return false }
    for (k, h) in a.elements where try !b.contains(ts, k, hash: h) { return false }
    return true
  }

  static func compare(_ ts: ThreadState, _ a: PySet, _ b: PySet, _ op: CompareKind) throws(PyException) -> Bool {
    switch op {
    case .eq, .ne:
      let equal = a.count == b.count ? try isSubset(ts, a, b) : false
      return op == .eq ? equal : !equal
    case .le: return try isSubset(ts, a, b)
    case .lt: return a.count < b.count ? try isSubset(ts, a, b) : false
    case .ge: return try isSubset(ts, b, a)
    case .gt: return a.count > b.count ? try isSubset(ts, b, a) : false
    }
  }
}

/// A minimal `complex` number (enough for literals, arithmetic and repr).
final class PyComplex: PyObject {
  let real: Double
  let imag: Double
  init(real: Double, imag: Double) {
    self.real = real
    self.imag = imag
    super.init(type: PyType.complex, kind: .other)
  }

  var repr: String {
    func part(_ d: Double) -> String {
      let r = FloatFormat.repr(d)
      return r.hasSuffix(".0") ? String(r.dropLast(2)) : r
    }
    if real == 0 && real.sign == .plus { return part(imag) + "j" }
    let sign = imag < 0 || (imag == 0 && imag.sign == .minus) ? "-" : "+"
    return "(" + part(real) + sign + part(abs(imag)) + "j)"
  }
}
