import BigInt

/// The iteration, sequence and mapping protocols (`iter`, `next`, `len`,
/// subscripting, `in`, unpacking).
extension ThreadState {
  // MARK: Iteration

  func getIter(_ v: Value) throws(PyException) -> Value {
    if case .object(let o) = v {
      switch o.kind {
      case .list: return .object(PyListIterator(unsafeDowncast(o, to: PyList.self)))
      case .tuple: return .object(PyArrayIterator(unsafeDowncast(o, to: PyTuple.self).items, type: PyType.tupleIterator))
      case .str: return .object(PyStrIterator(unsafeDowncast(o, to: PyStr.self)))
      case .dict: return .object(PyDictIterator(unsafeDowncast(o, to: PyDict.self), mode: .keys))
      case .set, .frozenset: return .object(PySetIterator(unsafeDowncast(o, to: PySet.self)))
      case .range: return .object(PyRangeIterator(unsafeDowncast(o, to: PyRange.self)))
      case .bytes, .bytearray:
        let b = NativeOps.bytesOf(o)!
        return .object(PyArrayIterator(ContiguousArray(b.map { .int(Int($0)) }), type: PyType.bytesIterator))
      case .generator, .rangeIterator, .listIterator: return v
      default:
        if o is PyNativeIterator { return v }
      }
    }
    let t = v.type
    if let m = t.lookup(names.__iter__) {
      if m.isNone { throw PyException.typeError("'\(t.name)' object is not iterable") }
      let it = try callMethodValue(m, v)
      if !isIterator(it) {
        throw PyException.typeError("iter() returned non-iterator of type '\(it.type.name)'")
      }
      return it
    }
    if t.lookup(names.__getitem__) != nil, !(v.asObject is PyDict) {
      return .object(PySeqIterator(v))
    }
    throw PyException.typeError("'\(t.name)' object is not iterable")
  }

  func isIterator(_ v: Value) -> Bool {
    if case .object(let o) = v {
      if o.kind == .generator || o is PyNativeIterator { return true }
    }
    return v.type.lookup(names.__next__) != nil
  }

  /// The next item of an iterator, or nil when it is exhausted.
  func next(_ it: Value, keepStopIteration: Bool = false) throws(PyException) -> Value? {
    guard case .object(let o) = it else {
      throw PyException.typeError("'\(it.type.name)' object is not an iterator")
    }
    if o.kind == .generator {
      switch try unsafeDowncast(o, to: PyGenerator.self).resume(self, sent: .none) {
      case .yielded(let v): return v
      case .returned(let r):
        if keepStopIteration && !r.isNone { throw PyException.stopIteration(r) }
        return nil
      }
    }
    if let n = o as? PyNativeIterator { return try n.next(self) }
    guard let m = o.type.lookup(names.__next__) else {
      throw PyException.typeError("'\(o.type.name)' object is not an iterator")
    }
    do throws(PyException) {
      return try callMethodValue(m, it)
    } catch {
      if !keepStopIteration && error.isInstance(of: PyType.stopIteration) { return nil }
      throw error
    }
  }

  /// Runs `body` for every item of `iterable`.
  func iterate(_ iterable: Value, _ body: (Value) throws(PyException) -> Void) throws(PyException) {
    if case .object(let o) = iterable {
      if o.kind == .list {
        let l = unsafeDowncast(o, to: PyList.self)
        var i = 0
        while i < l.items.count {
          try body(l.items[i])
          i += 1
        }
        return
      }
      if o.kind == .tuple {
        for v in unsafeDowncast(o, to: PyTuple.self).items { try body(v) }
        return
      }
    }
    let it = try getIter(iterable)
    while let v = try next(it) { try body(v) }
  }

  /// All items of an iterable as an array.
  func collect(_ iterable: Value) throws(PyException) -> [Value] {
    if let t = iterable.exactTuple { return Array(t.items) }
    if let l = iterable.exactList { return Array(l.items) }
    var out: [Value] = []
    try iterate(iterable) { (v) throws(PyException) in out.append(v) }
    return out
  }

  // MARK: Length

  func len(_ v: Value) throws(PyException) -> Int {
    if case .object(let o) = v {
      switch o.kind {
      case .str: return unsafeDowncast(o, to: PyStr.self).count
      case .list: return unsafeDowncast(o, to: PyList.self).items.count
      case .tuple: return unsafeDowncast(o, to: PyTuple.self).count
      case .dict: return unsafeDowncast(o, to: PyDict.self).count
      case .set, .frozenset: return unsafeDowncast(o, to: PySet.self).count
      case .bytes: return unsafeDowncast(o, to: PyBytes.self).bytes.count
      case .bytearray: return (o as! PyByteArray).bytes.count
      case .range: return unsafeDowncast(o, to: PyRange.self).length
      default: break
      }
      if let m = o.type.lookup(names.__len__) {
        let r = try callMethodValue(m, v)
        guard let n = try indexValue(r, forLen: true) else {
          throw PyException.typeError("'\(r.type.name)' object cannot be interpreted as an integer")
        }
        if n < 0 { throw PyException.valueError("__len__() should return >= 0") }
        return n
      }
    }
    throw PyException.typeError("object of type '\(v.type.name)' has no len()")
  }

  // MARK: Index conversion

  /// The value of an int-like (`__index__`) object; nil when the object has
  /// no `__index__`. With `clamp`, out-of-range big ints saturate (for slices).
  func indexValue(_ v: Value, clamp: Bool = false, forLen: Bool = false) throws(PyException) -> Int? {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .object(let o):
      if let l = o as? PyLong {
        if let i = Int(exactly: l.value) { return i }
        if clamp { return l.value.sign == .minus ? Int.min : Int.max }
        if forLen { throw PyException.overflow("cannot fit 'int' into an index-sized integer") }
        throw PyException.indexError("cannot fit 'int' into an index-sized integer")
      }
      if let m = o.type.lookup(names.__index__) {
        let r = try callMethodValue(m, v)
        guard r.isInt else {
          throw PyException.typeError("__index__ returned non-int (type \(r.type.name))")
        }
        return try indexValue(r, clamp: clamp)
      }
      return nil
    default: return nil
    }
  }

  /// An index argument that must be an integer (`list[i]`, `range(n)`).
  func requireIndex(_ v: Value, _ what: () -> String) throws(PyException) -> Int {
    guard let i = try indexValue(v) else { throw PyException.typeError(what()) }
    return i
  }

  // MARK: Subscripts

  func getItem(_ container: Value, _ key: Value) throws(PyException) -> Value {
    if case .object(let o) = container {
      switch o.kind {
      case .list:
        let l = unsafeDowncast(o, to: PyList.self)
        if case .object(let k) = key, k.kind == .slice {
          return .object(PyList(try sliceItems(l.items, unsafeDowncast(k, to: PySlice.self))))
        }
        let i = try sequenceIndex(key, count: l.items.count, type: "list")
        return l.items[i]
      case .tuple:
        let t = unsafeDowncast(o, to: PyTuple.self)
        if case .object(let k) = key, k.kind == .slice {
          return .object(PyTuple.make(try sliceItems(t.items, unsafeDowncast(k, to: PySlice.self))))
        }
        let i = try sequenceIndex(key, count: t.count, type: "tuple")
        return t.items[i]
      case .str:
        let s = unsafeDowncast(o, to: PyStr.self)
        if case .object(let k) = key, k.kind == .slice {
          return .object(try StrOps.slice(self, s, unsafeDowncast(k, to: PySlice.self)))
        }
        let i = try sequenceIndex(key, count: s.count, type: "string")
        return .object(s.character(at: i))
      case .dict:
        let d = unsafeDowncast(o, to: PyDict.self)
        if let v = try d.get(self, key) { return v }
        throw PyException.keyError(key)
      case .range:
        let r = unsafeDowncast(o, to: PyRange.self)
        if case .object(let k) = key, k.kind == .slice {
          return .object(try r.bounds.sliced(self, unsafeDowncast(k, to: PySlice.self)))
        }
        let i = try sequenceIndex(key, count: r.length, type: "range object")
        return .int(r.item(i))
      case .bytes, .bytearray:
        let b = NativeOps.bytesOf(o)!
        if case .object(let k) = key, k.kind == .slice {
          let items = try sliceItems(ContiguousArray(b.map { Value.int(Int($0)) }), unsafeDowncast(k, to: PySlice.self))
          let bytes = items.map { UInt8($0.smallInt!) }
          return o.kind == .bytes ? .object(PyBytes(bytes)) : .object(PyByteArray(bytes))
        }
        let i = try sequenceIndex(key, count: b.count, type: o.kind == .bytes ? "index" : "bytearray index")
        return .int(Int(b[i]))
      default:
        break
      }
      if let m = o.type.lookup(names.__getitem__) { return try callMethodValue(m, container, key) }
      if let t = o as? PyType {
        if let cg = try lookupAttrOptional(container, names.__class_getitem__) { return try call(cg, key) }
        if t === PyType.type { return .object(GenericAlias(origin: container, args: key)) }
        throw PyException.typeError("type '\(t.name)' is not subscriptable")
      }
    }
    throw PyException.typeError("'\(container.type.name)' object is not subscriptable")
  }

  /// Resolves an integer subscript, with Python's errors.
  func sequenceIndex(_ key: Value, count: Int, type: String) throws(PyException) -> Int {
    let idx: Int
    if case .int(let i) = key {
      idx = i
    } else {
      guard let i = try indexValue(key) else {
        let what = type == "string" ? "string indices must be integers, not '\(key.type.name)'"
          : type == "range object" ? "range indices must be integers or slices, not \(key.type.name)"
          : type == "bytearray index" ? "bytearray indices must be integers or slices, not \(key.type.name)"
          : type.hasSuffix("index") ? "byte indices must be integers or slices, not \(key.type.name)"
          : "\(type) indices must be integers or slices, not \(key.type.name)"
        throw PyException.typeError(what)
      }
      idx = i
    }
    let j = idx < 0 ? idx + count : idx
    if j < 0 || j >= count {
      switch type {
      case "index": throw PyException.indexError("index out of range")
      case "bytearray index": throw PyException.indexError("bytearray index out of range")
      default: throw PyException.indexError("\(type) index out of range")
      }
    }
    return j
  }

  func sliceItems(_ items: ContiguousArray<Value>, _ s: PySlice) throws(PyException) -> ContiguousArray<Value> {
    let (start, _, step, count) = try s.indices(self, length: items.count)
    if step == 1 { return ContiguousArray(items[start..<start + count]) }
    var out = ContiguousArray<Value>()
    out.reserveCapacity(count)
    var i = start
    for _ in 0..<count {
      out.append(items[i])
      i += step
    }
    return out
  }

  func setItem(_ container: Value, _ key: Value, _ value: Value) throws(PyException) {
    if case .object(let o) = container {
      switch o.kind {
      case .list:
        let l = unsafeDowncast(o, to: PyList.self)
        if case .object(let k) = key, k.kind == .slice {
          try ListOps.assignSlice(self, l, unsafeDowncast(k, to: PySlice.self), value)
          return
        }
        let i = try sequenceIndex(key, count: l.items.count, type: "list assignment")
        l.items[i] = value
        return
      case .dict:
        try unsafeDowncast(o, to: PyDict.self).set(self, key, value)
        return
      case .bytearray:
        try BytesTypes.setItem(self, o as! PyByteArray, key, value)
        return
      default:
        break
      }
      if let m = o.type.lookup(names.__setitem__) {
        _ = try callMethodValue(m, container, key, value)
        return
      }
    }
    throw PyException.typeError("'\(container.type.name)' object does not support item assignment")
  }

  func delItem(_ container: Value, _ key: Value) throws(PyException) {
    if case .object(let o) = container {
      switch o.kind {
      case .list:
        let l = unsafeDowncast(o, to: PyList.self)
        if case .object(let k) = key, k.kind == .slice {
          try ListOps.deleteSlice(self, l, unsafeDowncast(k, to: PySlice.self))
          return
        }
        let i = try sequenceIndex(key, count: l.items.count, type: "list assignment")
        l.items.remove(at: i)
        return
      case .dict:
        if try unsafeDowncast(o, to: PyDict.self).remove(self, key) == nil {
          throw PyException.keyError(key)
        }
        return
      default:
        break
      }
      if let m = o.type.lookup(names.__delitem__) {
        _ = try callMethodValue(m, container, key)
        return
      }
    }
    throw PyException.typeError("'\(container.type.name)' object doesn't support item deletion")
  }

  // MARK: Membership

  func contains(_ container: Value, _ item: Value) throws(PyException) -> Bool {
    if case .object(let o) = container {
      switch o.kind {
      case .list:
        let l = unsafeDowncast(o, to: PyList.self)
        var i = 0
        while i < l.items.count {
          if try richEqual(l.items[i], item) { return true }
          i += 1
        }
        return false
      case .tuple:
        for v in unsafeDowncast(o, to: PyTuple.self).items where try richEqual(v, item) { return true }
        return false
      case .dict:
        return try unsafeDowncast(o, to: PyDict.self).contains(self, item)
      case .set, .frozenset:
        return try unsafeDowncast(o, to: PySet.self).contains(self, item)
      case .str:
        guard let sub = item.asStr else {
          throw PyException.typeError("'in <string>' requires string as left operand, not \(item.type.name)")
        }
        return StrOps.find(unsafeDowncast(o, to: PyStr.self).value, sub.value) != nil
      case .range:
        let r = unsafeDowncast(o, to: PyRange.self)
        if case .int(let i) = item { return r.contains(i) }
        if let v = item.rangeMemberValue { return r.bounds.contains(v) }
        return try iterationContains(container, item)
      case .bytes, .bytearray:
        let b = NativeOps.bytesOf(o)!
        if let n = item.smallInt, item.isInt {
          guard n >= 0 && n < 256 else { throw PyException.valueError("byte must be in range(0, 256)") }
          return b.contains(UInt8(n))
        }
        guard let sub = bytesLike(item) else {
          throw PyException.typeError("a bytes-like object is required, not '\(item.type.name)'")
        }
        return BytesOps.find(b, sub, from: 0) != nil
      default:
        break
      }
      if let m = o.type.lookup(names.__contains__) {
        return try isTrue(try callMethodValue(m, container, item))
      }
    }
    let t = container.type
    if t.lookup(names.__iter__) == nil && t.lookup(names.__getitem__) == nil {
      throw PyException.typeError("argument of type '\(t.name)' is not iterable")
    }
    return try iterationContains(container, item)
  }

  // MARK: Unpacking

  func unpackIterable(_ seq: Value, count: Int) throws(PyException) -> [Value] {
    if let t = seq.asTuple ?? seq.asList.map({ PyTuple($0.items) }) {
      if t.count == count { return Array(t.items) }
      if t.count < count {
        throw PyException.valueError("not enough values to unpack (expected \(count), got \(t.count))")
      }
      throw PyException.valueError("too many values to unpack (expected \(count), got \(t.count))")
    }
    let it: Value
    do throws(PyException) {
      it = try getIter(seq)
    } catch {
      if error.isInstance(of: PyType.typeError), !isIterableType(seq.type) {
        throw PyException.typeError("cannot unpack non-iterable \(seq.type.name) object")
      }
      throw error
    }
    var out: [Value] = []
    out.reserveCapacity(count)
    while out.count < count {
      guard let v = try next(it) else {
        throw PyException.valueError("not enough values to unpack (expected \(count), got \(out.count))")
      }
      out.append(v)
    }
    if try next(it) != nil {
      if let n = try? len(seq) {
        throw PyException.valueError("too many values to unpack (expected \(count), got \(n))")
      }
      throw PyException.valueError("too many values to unpack (expected \(count))")
    }
    return out
  }

  private func isIterableType(_ t: PyType) -> Bool {
    t.lookup(names.__iter__) != nil || t.lookup(names.__getitem__) != nil
  }

  /// `a, *b, c = seq`: returns the `before` items, a list, and the `after` items.
  func unpackIterableEx(_ seq: Value, before: Int, after: Int) throws(PyException) -> [Value] {
    var items: [Value]
    do throws(PyException) {
      items = try collect(seq)
    } catch {
      if error.isInstance(of: PyType.typeError), !isIterableType(seq.type) {
        throw PyException.typeError("cannot unpack non-iterable \(seq.type.name) object")
      }
      throw error
    }
    if items.count < before + after {
      throw PyException.valueError(
        "not enough values to unpack (expected at least \(before + after), got \(items.count))")
    }
    var out = Array(items[0..<before])
    out.append(.object(PyList(Array(items[before..<items.count - after]))))
    out.append(contentsOf: items[items.count - after..<items.count])
    return out
  }

  // MARK: Bulk updates

  func listExtend(_ list: PyList, _ iterable: Value) throws(PyException) {
    if case .object(let o) = iterable {
      if o.kind == .list {
        list.items.append(contentsOf: unsafeDowncast(o, to: PyList.self).items)
        return
      }
      if o.kind == .tuple {
        list.items.append(contentsOf: unsafeDowncast(o, to: PyTuple.self).items)
        return
      }
    }
    do throws(PyException) {
      let it = try getIter(iterable)
      while let v = try next(it) { list.items.append(v) }
    } catch {
      if error.isInstance(of: PyType.typeError), !isIterableType(iterable.type) {
        throw PyException.typeError("Value after * must be an iterable, not \(iterable.type.name)")
      }
      throw error
    }
  }

  /// `dict.update(other)` for a mapping or an iterable of pairs.
  func dictUpdate(_ d: PyDict, from other: Value) throws(PyException) {
    if let od = other.asDict, od.kind == .dict {
      try d.update(self, from: od)
      return
    }
    if other.type.lookup(names.keys) != nil {
      let keys = try callMethod(other, names.keys)
      try iterate(keys) { (k) throws(PyException) in
        try d.set(self, k, try self.getItem(other, k))
      }
      return
    }
    var index = 0
    try iterate(other) { (pair) throws(PyException) in
      let items: [Value]
      do throws(PyException) {
        items = try self.collect(pair)
      } catch {
        throw PyException.typeError(
          "cannot convert dictionary update sequence element #\(index) to a sequence")
      }
      if items.count != 2 {
        throw PyException.valueError(
          "dictionary update sequence element #\(index) has length \(items.count); 2 is required")
      }
      try d.set(self, items[0], items[1])
      index += 1
    }
  }

  /// `f(**mapping)` merging (refuses duplicate keys) and `{**mapping}`.
  func dictMergeForCall(_ d: PyDict, _ other: Value, refuseDuplicates: Bool, callable: Value?) throws(PyException) {
    if !refuseDuplicates {
      if other.asDict == nil && other.type.lookup(names.keys) == nil {
        throw PyException.typeError("'\(other.type.name)' object is not a mapping")
      }
      try dictUpdate(d, from: other)
      return
    }
    var fname: String { callable.map { describeCallable($0) } ?? "function" }
    guard other.asDict != nil || other.type.lookup(names.keys) != nil else {
      throw PyException.typeError("\(fname) argument after ** must be a mapping, not \(other.type.name)")
    }
    if let od = other.exactDict {
      // Straight from the entries: no key list, and each key hashed once.
      for i in 0..<od.entryCapacity {
        guard let (k, v) = od.entry(at: i) else { continue }
        guard let ks = k.asStr else { throw PyException.typeError("keywords must be strings") }
        let h = od.entryHash(at: i)
        if try d.get(self, k, hash: h) != nil {
          throw PyException.typeError("\(fname) got multiple values for keyword argument '\(ks.value)'")
        }
        try d.set(self, k, v, hash: h)
      }
      return
    }
    let keys: [Value]
    if let od = other.asDict { keys = od.keys } else { keys = try collect(try callMethod(other, names.keys)) }
    for k in keys {
      guard let ks = k.asStr else { throw PyException.typeError("keywords must be strings") }
      if try d.contains(self, k) {
        throw PyException.typeError("\(fname) got multiple values for keyword argument '\(ks.value)'")
      }
      try d.set(self, k, try getItem(other, k))
    }
  }
}

/// `list[int]`-style generic aliases (types.GenericAlias), enough for annotations.
final class GenericAlias: PyObject {
  let origin: Value
  let args: Value
  init(origin: Value, args: Value) {
    self.origin = origin
    self.args = args
    super.init(type: PyType.genericAlias, kind: .other)
  }
}
