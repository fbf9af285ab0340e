/// `_collections`: `deque` (a ring buffer), the counting helper of
/// `Counter`, `defaultdict.__missing__` and the reordering helper of
/// `OrderedDict`. The classes themselves are in CollectionsSource.
enum CollectionsModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_collections")
    m.add("deque", .object(dequeType))
    m.add("_deque_iterator", .object(dequeIteratorType))
    m.add("_deque_reverse_iterator", .object(dequeReverseIteratorType))
    m.addFunction("_count_elements") { ts, args throws(PyException) in
      try args.expect("_count_elements", 2, skipSelf: false)
      try countElements(ts, args[0], args[1])
      return .none
    }
    // defaultdict.__missing__, bound like a method of dict.
    m.add("_defaultdict_missing", .object(PyMethodDescriptor(name: "__missing__", owner: PyType.dict) { ts, args throws(PyException) in
      try args.expect("__missing__", 1)
      let d = args[0].asObject as! PyDict
      let factory = d.dict?.getStr(intern("default_factory")) ?? .none
      if factory.isNone { throw PyException.keyError(args[1]) }
      let value = try ts.call(factory)
      try ts.setItem(args[0], args[1], value)
      return value
    }))
    m.addFunction("_move_to_end") { ts, args throws(PyException) in
      try args.expect("_move_to_end", 3, skipSelf: false)
      guard let d = args[0].asDict else { throw PyException.typeError("expected a dict") }
      let key = args[1]
      guard let value = try d.remove(ts, key) else { throw PyException.keyError(key) }
      if try ts.isTrue(args[2]) {
        try d.set(ts, key, value)
      } else {
        let rest = d.storageItems()
        d.removeAll()
        try d.set(ts, key, value)
        for (k, v) in rest { try d.set(ts, k, v) }
      }
      return .none
    }
    m.addFunction("_isidentifier") { ts, args throws(PyException) in
      try args.expect("_isidentifier", 1, skipSelf: false)
      guard let s = args[0].asStr else { return .bool(false) }
      return .bool(isIdentifier(s.value))
    }
    m.addFunction("_popfirst") { ts, args throws(PyException) in
      try args.expect("_popfirst", 1, skipSelf: false)
      guard let d = args[0].asDict else { throw PyException.typeError("expected a dict") }
      for i in 0..<d.entryCapacity {
        guard let e = d.entry(at: i) else { continue }
        _ = try d.remove(ts, e.key)
        return .object(PyTuple([e.key, e.value]))
      }
      throw PyException.keyError(Value("dictionary is empty"))
    }
    return m
  }

  /// `str.isidentifier()`: XID_Start or '_' followed by XID_Continue.
  static func isIdentifier(_ s: String) -> Bool {
    var first = true
    for c in s.unicodeScalars {
      if first {
        if !(c == "_" || c.properties.isXIDStart) { return false }
        first = false
      } else if !c.properties.isXIDContinue {
        return false
      }
    }
    return !first
  }

  /// `Counter`'s counting loop: mapping[elem] = mapping.get(elem, 0) + 1.
  static func countElements(_ ts: ThreadState, _ mapping: Value, _ iterable: Value) throws(PyException) {
    let dictGet = PyType.dict.lookup(names.get)
    let dictSet = PyType.dict.lookup(names.__setitem__)
    if let d = mapping.asDict, mapping.type.lookup(names.get)?.asObject === dictGet?.asObject,
       mapping.type.lookup(names.__setitem__)?.asObject === dictSet?.asObject {
      try ts.iterate(iterable) { (v) throws(PyException) in
        let h = try ts.hash(v)
        if let old = try d.get(ts, v, hash: h) {
          if case .int(let n) = old, n < Int.max {
            try d.set(ts, v, .int(n + 1), hash: h)
          } else {
            try d.set(ts, v, try ts.binaryOp(.add, old, .int(1)), hash: h)
          }
        } else {
          try d.set(ts, v, .int(1), hash: h)
        }
      }
      return
    }
    let getter = try ts.getAttr(mapping, names.get)
    try ts.iterate(iterable) { (v) throws(PyException) in
      let old = try ts.call(getter, v, .int(0))
      try ts.setItem(mapping, v, try ts.binaryOp(.add, old, .int(1)))
    }
  }

  // MARK: deque

  final class PyDeque: PyObject {
    /// Ring buffer; its count is a power of two (the capacity).
    var buf = ContiguousArray<Value>(repeating: .none, count: 8)
    var head = 0
    var count = 0
    var maxlen: Int? = nil
    /// Bumped on every change of length, for the iterators' checks.
    var state = 0

    @inline(__always) var mask: Int { buf.count - 1 }

    @inline(__always) subscript(i: Int) -> Value {
      get { buf[(head + i) & mask] }
      set { buf[(head + i) & mask] = newValue }
    }

    func grow() {
      var nb = ContiguousArray<Value>(repeating: .none, count: buf.count * 2)
      for i in 0..<count { nb[i] = self[i] }
      buf = nb
      head = 0
    }

    func pushBack(_ v: Value) {
      if count == buf.count { grow() }
      buf[(head + count) & mask] = v
      count += 1
    }

    func pushFront(_ v: Value) {
      if count == buf.count { grow() }
      head = (head - 1) & mask
      buf[head] = v
      count += 1
    }

    func popBack() -> Value {
      count -= 1
      let i = (head + count) & mask
      let v = buf[i]
      buf[i] = .none
      return v
    }

    func popFront() -> Value {
      let v = buf[head]
      buf[head] = .none
      head = (head + 1) & mask
      count -= 1
      return v
    }

    func append(_ v: Value) {
      if maxlen == 0 { return }
      pushBack(v)
      if let m = maxlen, count > m { _ = popFront() }
      state &+= 1
    }

    func appendLeft(_ v: Value) {
      if maxlen == 0 { return }
      pushFront(v)
      if let m = maxlen, count > m { _ = popBack() }
      state &+= 1
    }

    var items: [Value] {
      var out: [Value] = []
      out.reserveCapacity(count)
      for i in 0..<count { out.append(self[i]) }
      return out
    }

    func clear() {
      buf = ContiguousArray<Value>(repeating: .none, count: 8)
      head = 0
      count = 0
      state &+= 1
    }

    func rotate(_ n: Int) {
      if count <= 1 { return }
      var k = n % count
      if k < 0 { k += count }
      if k == 0 { return }
      // Rotating right by k: move the last k items to the front.
      for _ in 0..<k { pushFront(popBack()) }
      state &+= 1
    }

    func removeAt(_ index: Int) {
      // Shift the shorter side.
      if index < count / 2 {
        var i = index
        while i > 0 {
          self[i] = self[i - 1]
          i -= 1
        }
        _ = popFront()
      } else {
        var i = index
        while i < count - 1 {
          self[i] = self[i + 1]
          i += 1
        }
        _ = popBack()
      }
      state &+= 1
    }
  }

  static func deque(_ v: Value) -> PyDeque { v.asObject as! PyDeque }

  static func isDeque(_ v: Value) -> PyDeque? {
    if case .object(let o) = v { return o as? PyDeque }
    return nil
  }

  static func extend(_ ts: ThreadState, _ d: PyDeque, _ iterable: Value, left: Bool) throws(PyException) {
    if let other = isDeque(iterable), other === d {
      for v in d.items { if left { d.appendLeft(v) } else { d.append(v) } }
      return
    }
    try ts.iterate(iterable) { (v) throws(PyException) in
      if left { d.appendLeft(v) } else { d.append(v) }
    }
  }

  static func maxlenArgument(_ ts: ThreadState, _ v: Value?) throws(PyException) -> Int? {
    guard let v, !v.isNone else { return nil }
    guard let n = try ts.indexValue(v) else { throw PyException.typeError("an integer is required") }
    if n < 0 { throw PyException.valueError("maxlen must be non-negative") }
    return n
  }

  static func newDeque(_ cls: PyType, maxlen: Int?) -> PyDeque {
    let d = PyDeque(type: cls, kind: .other)
    d.maxlen = maxlen
    CoreSupport.prepareInstance(d, cls)
    return d
  }

  /// A copy with the same type and maxlen (`copy`, `+`, `*`).
  static func copyDeque(_ ts: ThreadState, _ d: PyDeque) throws(PyException) -> Value {
    if d.type === dequeType {
      let n = newDeque(dequeType, maxlen: d.maxlen)
      for v in d.items { n.append(v) }
      return .object(n)
    }
    if let m = d.maxlen {
      return try ts.call(.object(d.type), .object(PyList(d.items)), .int(m))
    }
    return try ts.call(.object(d.type), .object(PyList(d.items)))
  }

  static func normalizeIndex(_ ts: ThreadState, _ d: PyDeque, _ key: Value) throws(PyException) -> Int {
    guard let i = try ts.indexValue(key) else {
      throw PyException.typeError("sequence index must be integer, not '\(key.type.name)'")
    }
    let j = i < 0 ? i + d.count : i
    if j < 0 || j >= d.count { throw PyException.indexError("deque index out of range") }
    return j
  }

  static func typeName(_ d: PyDeque) -> String { d.type === dequeType ? "deque" : d.type.name }

  static let dequeType: PyType = CoreSupport.makeType(
    "deque", module: "collections", subclassable: true,
    doc: "A list-like sequence optimized for data accesses near its endpoints."
  ) { t in
    t.directCall = { ts, cls, args throws(PyException) in
      let a = try ArgList(args, "deque", ["iterable", "maxlen"])
      let d = newDeque(cls, maxlen: try maxlenArgument(ts, a[1]))
      if let it = a[0] { try extend(ts, d, it, left: false) }
      return .object(d)
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let cls = try CoreSupport.newClass(args, "deque")
      return .object(newDeque(cls, maxlen: nil))
    }
    t.method("__init__") { ts, args throws(PyException) in
      let d = deque(args[0])
      let a = try ArgList(args, "deque", ["iterable", "maxlen"], skipSelf: true)
      d.maxlen = try maxlenArgument(ts, a[1])
      if d.count > 0 { d.clear() }
      if let it = a[0] { try extend(ts, d, it, left: false) }
      return .none
    }
    t.method("append") { _, args throws(PyException) in
      try args.expect("append", 1)
      deque(args[0]).append(args[1])
      return .none
    }
    t.method("appendleft") { _, args throws(PyException) in
      try args.expect("appendleft", 1)
      deque(args[0]).appendLeft(args[1])
      return .none
    }
    t.method("pop") { _, args throws(PyException) in
      try args.expect("pop", 0)
      let d = deque(args[0])
      if d.count == 0 { throw PyException.indexError("pop from an empty deque") }
      d.state &+= 1
      return d.popBack()
    }
    t.method("popleft") { _, args throws(PyException) in
      try args.expect("popleft", 0)
      let d = deque(args[0])
      if d.count == 0 { throw PyException.indexError("pop from an empty deque") }
      d.state &+= 1
      return d.popFront()
    }
    t.method("extend") { ts, args throws(PyException) in
      try args.expect("extend", 1)
      try extend(ts, deque(args[0]), args[1], left: false)
      return .none
    }
    t.method("extendleft") { ts, args throws(PyException) in
      try args.expect("extendleft", 1)
      try extend(ts, deque(args[0]), args[1], left: true)
      return .none
    }
    t.method("clear") { _, args throws(PyException) in
      try args.expect("clear", 0)
      deque(args[0]).clear()
      return .none
    }
    t.method("copy") { ts, args throws(PyException) in
      try args.expect("copy", 0)
      return try copyDeque(ts, deque(args[0]))
    }
    t.method("__copy__") { ts, args throws(PyException) in try copyDeque(ts, deque(args[0])) }
    t.method("reverse") { _, args throws(PyException) in
      try args.expect("reverse", 0)
      let d = deque(args[0])
      var i = 0, j = d.count - 1
      while i < j {
        let tmp = d[i]
        d[i] = d[j]
        d[j] = tmp
        i += 1
        j -= 1
      }
      return .none
    }
    t.method("rotate") { ts, args throws(PyException) in
      try args.expect("rotate", min: 0, max: 1)
      var n = 1
      if args.count > 1 {
        guard let k = try ts.indexValue(args[1], clamp: true) else {
          throw PyException.typeError("'\(args[1].type.name)' object cannot be interpreted as an integer")
        }
        n = k
      }
      deque(args[0]).rotate(n)
      return .none
    }
    t.method("count") { ts, args throws(PyException) in
      try args.expect("count", 1)
      let d = deque(args[0])
      let state = d.state
      var n = 0
      var i = 0
      while i < d.count {
        let eq = try ts.richEqual(d[i], args[1])
        if d.state != state { throw PyException.runtimeError("deque mutated during iteration") }
        if eq { n += 1 }
        i += 1
      }
      return .int(n)
    }
    t.method("index") { ts, args throws(PyException) in
      try args.expect("index", min: 1, max: 3)
      let d = deque(args[0])
      func bound(_ v: Value) throws(PyException) -> Int {
        guard let i = try ts.indexValue(v, clamp: true) else {
          throw PyException.typeError("slice indices must be integers or have an __index__ method")
        }
        if i < 0 { return max(0, i + d.count) }
        return min(i, d.count)
      }
      let start = args.count > 2 ? try bound(args[2]) : 0
      let stop = args.count > 3 ? try bound(args[3]) : d.count
      let state = d.state
      var i = start
      while i < stop && i < d.count {
        let eq = try ts.richEqual(d[i], args[1])
        if d.state != state { throw PyException.runtimeError("deque mutated during iteration") }
        if eq { return .int(i) }
        i += 1
      }
      throw PyException.valueError("\(try ts.repr(args[1])) is not in deque")
    }
    t.method("remove") { ts, args throws(PyException) in
      try args.expect("remove", 1)
      let d = deque(args[0])
      let state = d.state
      var i = 0
      while i < d.count {
        let eq = try ts.richEqual(d[i], args[1])
        if d.state != state { throw PyException.indexError("deque mutated during remove().") }
        if eq {
          d.removeAt(i)
          return .none
        }
        i += 1
      }
      throw PyException.valueError("\(try ts.repr(args[1])) is not in deque")
    }
    t.method("insert") { ts, args throws(PyException) in
      try args.expect("insert", 2)
      let d = deque(args[0])
      guard var i = try ts.indexValue(args[1], clamp: true) else {
        throw PyException.typeError("'\(args[1].type.name)' object cannot be interpreted as an integer")
      }
      if let m = d.maxlen, d.count >= m { throw PyException.indexError("deque already at its maximum size") }
      if i < 0 { i = max(0, i + d.count) }
      if i > d.count { i = d.count }
      d.pushBack(.none)
      var j = d.count - 1
      while j > i {
        d[j] = d[j - 1]
        j -= 1
      }
      d[i] = args[2]
      d.state &+= 1
      return .none
    }
    t.getter("maxlen") { _, v throws(PyException) in deque(v).maxlen.map { .int($0) } ?? .none }
    t.method("__len__") { _, args throws(PyException) in .int(deque(args[0]).count) }
    t.method("__bool__") { _, args throws(PyException) in .bool(deque(args[0]).count > 0) }
    t.method("__getitem__") { ts, args throws(PyException) in
      try args.expect("__getitem__", 1)
      let d = deque(args[0])
      return d[try normalizeIndex(ts, d, args[1])]
    }
    t.method("__setitem__") { ts, args throws(PyException) in
      try args.expect("__setitem__", 2)
      let d = deque(args[0])
      d[try normalizeIndex(ts, d, args[1])] = args[2]
      return .none
    }
    t.method("__delitem__") { ts, args throws(PyException) in
      try args.expect("__delitem__", 1)
      let d = deque(args[0])
      d.removeAt(try normalizeIndex(ts, d, args[1]))
      return .none
    }
    t.method("__contains__") { ts, args throws(PyException) in
      let d = deque(args[0])
      let state = d.state
      var i = 0
      while i < d.count {
        let eq = try ts.richEqual(d[i], args[1])
        if d.state != state { throw PyException.runtimeError("deque mutated during iteration") }
        if eq { return .bool(true) }
        i += 1
      }
      return .bool(false)
    }
    t.method("__iter__") { _, args throws(PyException) in .object(DequeIterator(deque(args[0]), reverse: false)) }
    t.method("__reversed__") { _, args throws(PyException) in .object(DequeIterator(deque(args[0]), reverse: true)) }
    t.method("__repr__") { ts, args throws(PyException) in
      let d = deque(args[0])
      return Value(try CoreSupport.reprGuard(ts, d, recursive: "[...]") { () throws(PyException) in
        var parts: [String] = []
        for v in d.items { parts.append(try ts.repr(v)) }
        let body = "[" + parts.joined(separator: ", ") + "]"
        if let m = d.maxlen { return "\(typeName(d))(\(body), maxlen=\(m))" }
        return "\(typeName(d))(\(body))"
      })
    }
    let comparisons: [(String, CompareKind)] = [("__eq__", .eq), ("__ne__", .ne), ("__lt__", .lt),
                                                ("__le__", .le), ("__gt__", .gt), ("__ge__", .ge)]
    for (name, kind) in comparisons {
      t.method(name) { ts, args throws(PyException) in
        guard let other = isDeque(args[1]) else { return .notImplemented }
        let a = deque(args[0])
        return .bool(try NativeOps.compareSequences(ts, ContiguousArray(a.items), ContiguousArray(other.items), kind))
      }
    }
    t.method("__add__") { ts, args throws(PyException) in
      guard let other = isDeque(args[1]) else {
        throw PyException.typeError("can only concatenate deque (not \"\(args[1].type.name)\") to deque")
      }
      let r = try copyDeque(ts, deque(args[0]))
      try extend(ts, deque(r), .object(other), left: false)
      return r
    }
    t.method("__iadd__") { ts, args throws(PyException) in
      try extend(ts, deque(args[0]), args[1], left: false)
      return args[0]
    }
    func repeated(_ ts: ThreadState, _ d: PyDeque, _ nv: Value) throws(PyException) -> Int? {
      guard let n = try ts.indexValue(nv, clamp: true) else { return nil }
      return n
    }
    t.method("__mul__") { ts, args throws(PyException) in
      let d = deque(args[0])
      guard let n = try repeated(ts, d, args[1]) else { return .notImplemented }
      let r = try copyDeque(ts, d)
      let rd = deque(r)
      let items = d.items
      rd.clear()
      if n > 0 { for _ in 0..<n { for v in items { rd.append(v) } } }
      return r
    }
    t.method("__rmul__") { ts, args throws(PyException) in
      let d = deque(args[0])
      guard let n = try repeated(ts, d, args[1]) else { return .notImplemented }
      let r = try copyDeque(ts, d)
      let rd = deque(r)
      let items = d.items
      rd.clear()
      if n > 0 { for _ in 0..<n { for v in items { rd.append(v) } } }
      return r
    }
    t.method("__imul__") { ts, args throws(PyException) in
      let d = deque(args[0])
      guard let n = try repeated(ts, d, args[1]) else { return .notImplemented }
      let items = d.items
      d.clear()
      if n > 0 { for _ in 0..<n { for v in items { d.append(v) } } }
      return args[0]
    }
    t.method("__reduce__") { _, args throws(PyException) in
      let d = deque(args[0])
      let state: Value = d.dict.map { $0.count > 0 ? .object($0) : .none } ?? .none
      return .object(PyTuple([.object(d.type),
                              .object(PyTuple([.object(PyList(d.items)), d.maxlen.map { .int($0) } ?? .none])),
                              state]))
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in .object(GenericAlias(origin: args[0], args: args[1])) }
    t.unhashable()
  }

  final class DequeIterator: PyNativeIterator {
    let deque: PyDeque
    let reverse: Bool
    let state: Int
    var index = 0
    init(_ d: PyDeque, reverse: Bool) {
      deque = d
      self.reverse = reverse
      state = d.state
      super.init(type: reverse ? dequeReverseIteratorType : dequeIteratorType)
    }
    override func next(_ ts: ThreadState) throws(PyException) -> Value? {
      if deque.state != state {
        throw PyException.runtimeError("deque mutated during iteration")
      }
      if index >= deque.count { return nil }
      let v = reverse ? deque[deque.count - 1 - index] : deque[index]
      index += 1
      return v
    }
    override var lengthHint: Int? { max(0, deque.count - index) }
  }

  static let dequeIteratorType: PyType = CoreSupport.makeType("_deque_iterator", module: "_collections") { t in
    CoreSupport.iteratorMethods(t)
    t.method("__length_hint__") { _, args throws(PyException) in
      .int((args[0].asObject as! DequeIterator).lengthHint ?? 0)
    }
  }
  static let dequeReverseIteratorType: PyType = CoreSupport.makeType("_deque_reverse_iterator", module: "_collections") { t in
    CoreSupport.iteratorMethods(t)
    t.method("__length_hint__") { _, args throws(PyException) in
      .int((args[0].asObject as! DequeIterator).lengthHint ?? 0)
    }
  }
}
