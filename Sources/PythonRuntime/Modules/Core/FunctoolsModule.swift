/// `_functools`: the speed-critical parts of `functools` — `partial`,
/// `reduce`, `cmp_to_key` and the LRU cache wrapper. The rest of
/// `functools` is Python (FunctoolsSource).
enum FunctoolsModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_functools")
    m.add("partial", .object(partialType))
    m.add("Placeholder", .object(placeholder))
    m.add("_PlaceholderType", .object(placeholderType))
    m.add("_lru_cache_wrapper", .object(lruCacheType))
    m.add("KeyWrapper", .object(keyWrapperType))
    m.addFunction("reduce") { ts, args throws(PyException) in
      let a = try ArgList(args, "reduce", ["function", "iterable", "initial"], required: 2, positionalOnly: 2)
      let fn = a[0]!
      var acc: Value? = a[2]
      let it: Value
      do throws(PyException) {
        it = try ts.getIter(a[1]!)
      } catch {
        if error.isInstance(of: PyType.typeError) && a[1]!.type.lookup(names.__iter__) == nil {
          throw PyException.typeError("reduce() arg 2 must support iteration")
        }
        throw error
      }
      while let v = try ts.next(it) {
        if let cur = acc { acc = try ts.call(fn, cur, v) } else { acc = v }
      }
      guard let result = acc else {
        throw PyException.typeError("reduce() of empty iterable with no initial value")
      }
      return result
    }
    m.addFunction("cmp_to_key") { ts, args throws(PyException) in
      let a = try ArgList(args, "cmp_to_key", ["mycmp"], required: 1)
      let cmp = a[0]!
      return .object(PyBuiltinFunction(name: "K") { ts, args throws(PyException) in
        let k = try ArgList(args, "K", ["obj"], required: 1)
        return .object(KeyWrapper(cmp: cmp, obj: k[0]!))
      })
    }
    return m
  }

  // MARK: Placeholder

  static let placeholderType: PyType = CoreSupport.makeType("_PlaceholderType", module: "functools") { t in
    t.method("__repr__") { _, _ throws(PyException) in Value("Placeholder") }
    t.method("__reduce__") { _, _ throws(PyException) in Value("Placeholder") }
    t.directCall = { _, _, args throws(PyException) in
      if args.count > 0 || args.hasKeywords { throw PyException.typeError("_PlaceholderType takes no arguments") }
      return .object(placeholder)
    }
  }
  static let placeholder = PyObject(type: placeholderType, kind: .other)

  @inline(__always) static func isPlaceholder(_ v: Value) -> Bool {
    if case .object(let o) = v { return o === placeholder }
    return false
  }

  // MARK: partial

  final class Partial: PyObject {
    var function: Value = .none
    var args: [Value] = []
    var keywords = PyDict()
    /// Number of Placeholder entries in `args`.
    var placeholders = 0
  }

  static func setUpPartial(_ ts: ThreadState, _ p: Partial, _ cls: PyType, _ args: Args) throws(PyException) {
    guard args.count >= 1 else { throw PyException.typeError("type 'partial' takes at least one argument") }
    var fn = args[0]
    var pargs = Array(args.positional.dropFirst())
    if let last = pargs.last, isPlaceholder(last) {
      throw PyException.typeError("trailing Placeholders are not allowed")
    }
    let kw = PyDict()
    for (k, v) in args.keywords {
      if isPlaceholder(v) { throw PyException.typeError("Placeholder cannot be passed as a keyword argument") }
      kw.setStr(k, v)
    }
    guard ts.isCallable(fn) else { throw PyException.typeError("the first argument must be callable") }
    // Flatten partial(partial(f, ...), ...).
    if case .object(let o) = fn, let inner = o as? Partial, o.type === partialType, cls === partialType,
       inner.dict == nil || inner.dict!.count == 0 {
      var merged: [Value] = []
      var rest = pargs[...]
      for a in inner.args {
        if isPlaceholder(a), let r = rest.first {
          merged.append(r)
          rest = rest.dropFirst()
        } else {
          merged.append(a)
        }
      }
      merged.append(contentsOf: rest)
      let k2 = inner.keywords.copy()
      for (k, v) in kw.storageItems() { try k2.set(ts, k, v) }
      fn = inner.function
      pargs = merged
      p.keywords = k2
    } else {
      p.keywords = kw
    }
    p.function = fn
    p.args = pargs
    p.placeholders = pargs.reduce(0) { $0 + (isPlaceholder($1) ? 1 : 0) }
  }

  static func callPartial(_ ts: ThreadState, _ p: Partial, _ args: Args) throws(PyException) -> Value {
    var all: [Value] = []
    all.reserveCapacity(p.args.count + args.count)
    if p.placeholders > 0 {
      if args.count < p.placeholders {
        throw PyException.typeError("missing positional arguments in 'partial' call; expected at least \(p.placeholders), got \(args.count)")
      }
      var j = 0
      for a in p.args {
        if isPlaceholder(a) {
          all.append(args[j])
          j += 1
        } else {
          all.append(a)
        }
      }
      while j < args.count {
        all.append(args[j])
        j += 1
      }
    } else {
      all.append(contentsOf: p.args)
      all.append(contentsOf: args.positional)
    }
    if p.keywords.count == 0 && !args.hasKeywords {
      return try ts.withArgs(all) { (a) throws(PyException) in try ts.call(p.function, a) }
    }
    var kw: [(String, Value)] = []
    let merged = p.keywords.copy()
    for (k, v) in args.keywords { merged.setStr(k, v) }
    for (k, v) in merged.storageItems() { kw.append((k.asStr?.value ?? "", v)) }
    return try ts.call(p.function, args: all, kwargs: kw)
  }

  static let partialType: PyType = CoreSupport.makeType(
    "partial", module: "functools", subclassable: true, storage: .none,
    doc: "Create a new function with partial application of the given arguments\nand keywords."
  ) { t in
    func p(_ v: Value) -> Partial { v.asObject as! Partial }
    t.directCall = { ts, cls, args throws(PyException) in
      let o = Partial(type: cls, kind: .other)
      o.dict = PyDict()
      try setUpPartial(ts, o, cls, args)
      return .object(o)
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let cls = try CoreSupport.newClass(args, "partial")
      let o = Partial(type: cls, kind: .other)
      o.dict = PyDict()
      try setUpPartial(ts, o, cls, args.droppingFirst)
      return .object(o)
    }
    t.method("__init__") { _, _ throws(PyException) in .none }
    t.method("__call__") { ts, args throws(PyException) in try callPartial(ts, p(args[0]), args.droppingFirst) }
    t.method("__get__") { _, args throws(PyException) in
      if args.count < 2 || args[1].isNone { return args[0] }
      return .object(PyBoundMethod(function: args[0], selfValue: args[1]))
    }
    t.getter("func") { _, v throws(PyException) in p(v).function }
    t.getter("args") { _, v throws(PyException) in .object(PyTuple(p(v).args)) }
    t.getter("keywords") { _, v throws(PyException) in .object(p(v).keywords) }
    t.method("__repr__") { ts, args throws(PyException) in
      let x = p(args[0])
      let qual = x.type.isHeapType ? x.type.qualname : "partial"
      let module = x.type.moduleName
      let name = module == "builtins" ? qual : "\(module).\(qual)"
      return Value(try CoreSupport.reprGuard(ts, x, recursive: "...") { () throws(PyException) in
        var parts = [try ts.repr(x.function)]
        for a in x.args { parts.append(try ts.repr(a)) }
        for (k, v) in x.keywords.storageItems() { parts.append("\(try ts.str(k))=\(try ts.repr(v))") }
        return "\(name)(\(parts.joined(separator: ", ")))"
      })
    }
    t.method("__reduce__") { _, args throws(PyException) in
      let x = p(args[0])
      let state = PyTuple([x.function, .object(PyTuple(x.args)), .object(x.keywords),
                           x.dict.map { $0.count > 0 ? .object($0) : .none } ?? .none])
      return .object(PyTuple([.object(x.type), .object(PyTuple([x.function])), .object(state)]))
    }
    t.method("__setstate__") { ts, args throws(PyException) in
      let x = p(args[0])
      guard let st = args[1].asTuple, st.count == 4 else { throw PyException.typeError("invalid partial state") }
      x.function = st.items[0]
      x.args = try ts.collect(st.items[1])
      x.keywords = st.items[2].asDict?.copy() ?? PyDict()
      if let d = st.items[3].asDict { x.dict = d.copy() }
      x.placeholders = x.args.reduce(0) { $0 + (isPlaceholder($1) ? 1 : 0) }
      return .none
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in .object(GenericAlias(origin: args[0], args: args[1])) }
  }

  // MARK: cmp_to_key

  final class KeyWrapper: PyObject {
    let cmp: Value
    let obj: Value
    init(cmp: Value, obj: Value) {
      self.cmp = cmp
      self.obj = obj
      super.init(type: keyWrapperType, kind: .other)
    }
  }

  static let keyWrapperType: PyType = CoreSupport.makeType("KeyWrapper", module: "functools") { t in
    let ops: [(String, (Int) -> Bool)] = [("__lt__", { $0 < 0 }), ("__le__", { $0 <= 0 }), ("__gt__", { $0 > 0 }),
                                          ("__ge__", { $0 >= 0 }), ("__eq__", { $0 == 0 }), ("__ne__", { $0 != 0 })]
    for (name, test) in ops {
      t.method(name) { ts, args throws(PyException) in
        let a = args[0].asObject as! KeyWrapper
        guard case .object(let bo) = args[1], let b = bo as? KeyWrapper else {
          throw PyException.typeError("other argument must be K instance")
        }
        let r = try ts.call(a.cmp, a.obj, b.obj)
        let zero = try ts.compare(r, .int(0), .lt)
        if try ts.isTrue(zero) { return .bool(test(-1)) }
        if try ts.richEqual(r, .int(0)) { return .bool(test(0)) }
        return .bool(test(1))
      }
    }
    t.getter("obj") { _, v throws(PyException) in (v.asObject as! KeyWrapper).obj }
    t.unhashable()
  }

  // MARK: lru_cache

  /// A node of the recency list of a bounded cache.
  final class LRUNode: PyObject {
    let key: Value
    let result: Value
    var prev: LRUNode?
    var next: LRUNode?
    init(key: Value, result: Value) {
      self.key = key
      self.result = result
      super.init(type: PyType.object, kind: .other)
    }
  }

  final class LRUCache: PyObject {
    var function: Value = .none
    var maxsize: Int? = nil
    var typed = false
    var cacheInfoType: Value = .none
    var cache = PyDict()
    var hits = 0
    var misses = 0
    /// Most recently used at `head`, least recently used at `tail`.
    var head: LRUNode?
    var tail: LRUNode?

    func unlink(_ n: LRUNode) {
      if let p = n.prev { p.next = n.next } else { head = n.next }
      if let nx = n.next { nx.prev = n.prev } else { tail = n.prev }
      n.prev = nil
      n.next = nil
    }

    func pushFront(_ n: LRUNode) {
      n.next = head
      n.prev = nil
      head?.prev = n
      head = n
      if tail == nil { tail = n }
    }

    /// Breaks the links of the recency list (they form reference cycles).
    func unlinkAll() {
      var n = head
      head = nil
      tail = nil
      while let cur = n {
        n = cur.next
        cur.prev = nil
        cur.next = nil
      }
    }

    func clear() {
      unlinkAll()
      cache = PyDict()
      hits = 0
      misses = 0
    }

    deinit { unlinkAll() }
  }

  static let keywordMark = PyObject(type: PyType.object, kind: .other)

  static func makeKey(_ c: LRUCache, _ args: Args) -> Value {
    if !args.hasKeywords && args.count == 1 {
      let v = args[0]
      if case .int = v { if !c.typed { return v } }
      if let s = v.exactStr, !c.typed { return .object(s) }
    }
    var items = Array(args.positional)
    let kw = args.keywords
    if !kw.isEmpty {
      items.append(.object(keywordMark))
      for (k, v) in kw {
        items.append(.object(k))
        items.append(v)
      }
    }
    if c.typed {
      for v in args.positional { items.append(.object(v.type)) }
      for (_, v) in kw { items.append(.object(v.type)) }
    }
    return .object(PyTuple(items))
  }

  static func callCached(_ ts: ThreadState, _ c: LRUCache, _ args: Args) throws(PyException) -> Value {
    if c.maxsize == 0 {
      c.misses += 1
      return try ts.call(c.function, args)
    }
    let key = makeKey(c, args)
    _ = try ts.hash(key)
    if let hit = try c.cache.get(ts, key) {
      c.hits += 1
      if c.maxsize != nil, case .object(let o) = hit {
        let node = unsafeDowncast(o, to: LRUNode.self)
        if c.head !== node {
          c.unlink(node)
          c.pushFront(node)
        }
        return node.result
      }
      return hit
    }
    c.misses += 1
    let result = try ts.call(c.function, args)
    guard let maxsize = c.maxsize else {
      try c.cache.set(ts, key, result)
      return result
    }
    // A recursive call may have cached the key meanwhile.
    if try c.cache.get(ts, key) != nil { return result }
    let node = LRUNode(key: key, result: result)
    try c.cache.set(ts, key, .object(node))
    c.pushFront(node)
    if c.cache.count > maxsize, let oldest = c.tail {
      c.unlink(oldest)
      _ = try c.cache.remove(ts, oldest.key)
    }
    return result
  }

  static let lruCacheType: PyType = CoreSupport.makeType("_lru_cache_wrapper", module: "functools") { t in
    func c(_ v: Value) -> LRUCache { v.asObject as! LRUCache }
    t.directCall = { ts, cls, args throws(PyException) in
      let a = try ArgList(args, "_lru_cache_wrapper", ["user_function", "maxsize", "typed", "cache_info_type"], required: 4)
      guard ts.isCallable(a[0]!) else { throw PyException.typeError("the first argument must be callable") }
      let o = LRUCache(type: cls, kind: .other)
      o.dict = PyDict()
      o.function = a[0]!
      if let ms = a[1], !ms.isNone {
        guard let n = try ts.indexValue(ms, clamp: true) else {
          throw PyException.typeError("maxsize should be integer or None")
        }
        o.maxsize = max(n, 0)
      }
      o.typed = try ts.isTrue(a[2]!)
      o.cacheInfoType = a[3]!
      return .object(o)
    }
    t.method("__call__") { ts, args throws(PyException) in try callCached(ts, c(args[0]), args.droppingFirst) }
    t.method("__get__") { _, args throws(PyException) in
      if args.count < 2 || args[1].isNone { return args[0] }
      return .object(PyBoundMethod(function: args[0], selfValue: args[1]))
    }
    t.method("cache_info") { ts, args throws(PyException) in
      let x = c(args[0])
      return try ts.call(x.cacheInfoType, .int(x.hits), .int(x.misses),
                         x.maxsize.map { .int($0) } ?? .none, .int(x.cache.count))
    }
    t.method("cache_clear") { _, args throws(PyException) in
      c(args[0]).clear()
      return .none
    }
    t.method("__reduce__") { ts, args throws(PyException) in
      try ts.getAttr(args[0], names.__qualname__)
    }
    t.method("__copy__") { _, args throws(PyException) in args[0] }
    t.method("__deepcopy__") { _, args throws(PyException) in args[0] }
  }
}
