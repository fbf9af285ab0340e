/// `dict`, its views, `set` and `frozenset`.
enum DictSetTypes {
  static func install() {
    installDict()
    installViews()
    installSet(PyType.set, frozen: false)
    installSet(PyType.frozenset, frozen: true)
  }

  private static func dict(_ v: Value) -> PyDict { v.asObject as! PyDict }

  /// `d[key]` for dict subclasses honours `__missing__`.
  static func getItemWithMissing(_ ts: ThreadState, _ d: PyDict, _ selfValue: Value, _ key: Value) throws(PyException) -> Value {
    if let v = try d.get(ts, key) { return v }
    if d.kind != .dict, let m = d.type.lookup(names.__missing__) {
      return try ts.callMethodValue(m, selfValue, key)
    }
    throw PyException.keyError(key)
  }

  private static func installDict() {
    let t = PyType.dict!
    t.unhashable()
    t.directCall = { ts, _, args throws(PyException) in
      let d = PyDict()
      try initDict(ts, d, args)
      return .object(d)
    }
    t.staticMethod("__new__") { _, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("dict.__new__(X): X is not a type object") }
      let d = PyDict(type: cls)
      if cls.isHeapType && cls.hasInstanceDict { d.dict = PyDict() }
      return .object(d)
    }
    t.method("__init__") { ts, args throws(PyException) in
      try initDict(ts, dict(args[0]), args.droppingFirst)
      return .none
    }
    t.method("__len__") { _, args throws(PyException) in .int(dict(args[0]).count) }
    t.method("__getitem__") { ts, args throws(PyException) in
      try args.expect("__getitem__", 1)
      return try getItemWithMissing(ts, dict(args[0]), args[0], args[1])
    }
    t.method("__setitem__") { ts, args throws(PyException) in
      try args.expect("__setitem__", 2)
      try dict(args[0]).set(ts, args[1], args[2])
      return .none
    }
    t.method("__delitem__") { ts, args throws(PyException) in
      try args.expect("__delitem__", 1)
      if try dict(args[0]).remove(ts, args[1]) == nil { throw PyException.keyError(args[1]) }
      return .none
    }
    t.method("__contains__") { ts, args throws(PyException) in
      try args.expect("__contains__", 1)
      return .bool(try dict(args[0]).contains(ts, args[1]))
    }
    t.method("__iter__") { _, args throws(PyException) in .object(PyDictIterator(dict(args[0]), mode: .keys)) }
    t.method("__reversed__") { _, args throws(PyException) in
      .object(PyArrayIterator(ContiguousArray(dict(args[0]).keys.reversed()), type: PyType.dictKeyIterator))
    }
    t.method("__repr__") { ts, args throws(PyException) in Value(try ts.repr(.object(dict(args[0]).copy()))) }
    t.method("__eq__") { ts, args throws(PyException) in
      guard let o = args[1].asDict else { return .notImplemented }
      return .bool(try NativeOps.dictsEqual(ts, dict(args[0]), o))
    }
    t.method("__ne__") { ts, args throws(PyException) in
      guard let o = args[1].asDict else { return .notImplemented }
      return .bool(!(try NativeOps.dictsEqual(ts, dict(args[0]), o)))
    }
    t.method("__or__") { ts, args throws(PyException) in
      guard let o = args[1].asDict else { return .notImplemented }
      let d = dict(args[0]).copy()
      try d.update(ts, from: o)
      return .object(d)
    }
    t.method("__ror__") { ts, args throws(PyException) in
      guard let o = args[1].asDict else { return .notImplemented }
      let d = o.copy()
      try d.update(ts, from: dict(args[0]))
      return .object(d)
    }
    t.method("__ior__") { ts, args throws(PyException) in
      try ts.dictUpdate(dict(args[0]), from: args[1])
      return args[0]
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in .object(GenericAlias(origin: args[0], args: args[1])) }
    t.method("keys") { _, args throws(PyException) in .object(PyDictView(dict(args[0]), kind: .keys)) }
    t.method("values") { _, args throws(PyException) in .object(PyDictView(dict(args[0]), kind: .values)) }
    t.method("items") { _, args throws(PyException) in .object(PyDictView(dict(args[0]), kind: .items)) }
    t.method("get") { ts, args throws(PyException) in
      try args.expect("get", min: 1, max: 2)
      return try dict(args[0]).get(ts, args[1]) ?? (args.count > 2 ? args[2] : .none)
    }
    t.method("setdefault") { ts, args throws(PyException) in
      try args.expect("setdefault", min: 1, max: 2)
      let d = dict(args[0])
      if let v = try d.get(ts, args[1]) { return v }
      let dflt = args.count > 2 ? args[2] : .none
      try d.set(ts, args[1], dflt)
      return dflt
    }
    t.method("pop") { ts, args throws(PyException) in
      try args.expect("pop", min: 1, max: 2)
      if let v = try dict(args[0]).remove(ts, args[1]) { return v }
      if args.count > 2 { return args[2] }
      throw PyException.keyError(args[1])
    }
    t.method("popitem") { _, args throws(PyException) in
      guard let (k, v) = dict(args[0]).popLast() else { throw PyException.keyError(Value("popitem(): dictionary is empty")) }
      return .object(PyTuple([k, v]))
    }
    t.method("update") { ts, args throws(PyException) in
      if args.count > 2 { throw PyException.typeError("update expected at most 1 argument, got \(args.count - 1)") }
      let d = dict(args[0])
      if args.count == 2 { try ts.dictUpdate(d, from: args[1]) }
      for (k, v) in args.keywords { try d.set(ts, .object(k), v) }
      return .none
    }
    t.method("clear") { _, args throws(PyException) in
      dict(args[0]).removeAll()
      return .none
    }
    t.method("copy") { _, args throws(PyException) in .object(dict(args[0]).copy()) }
    t.classMethod("fromkeys") { ts, args throws(PyException) in
      try args.expect("fromkeys", min: 1, max: 2)
      let value = args.count > 2 ? args[2] : .none
      let result = try ts.call(args[0])
      if let d = result.asDict, d.kind == .dict {
        try ts.iterate(args[1]) { (k) throws(PyException) in try d.set(ts, k, value) }
      } else {
        try ts.iterate(args[1]) { (k) throws(PyException) in try ts.setItem(result, k, value) }
      }
      return result
    }
  }

  static func initDict(_ ts: ThreadState, _ d: PyDict, _ args: Args) throws(PyException) {
    if args.count > 1 { throw PyException.typeError("dict expected at most 1 argument, got \(args.count)") }
    if args.count == 1 { try ts.dictUpdate(d, from: args[0]) }
    for (k, v) in args.keywords { try d.set(ts, .object(k), v) }
  }

  private static func installViews() {
    for (t, kind) in [(PyType.dictKeys!, PyDictView.Kind.keys), (PyType.dictValues!, .values), (PyType.dictItems!, .items)] {
      func view(_ v: Value) -> PyDictView { v.asObject as! PyDictView }
      t.method("__len__") { _, args throws(PyException) in .int(view(args[0]).mapping.count) }
      t.method("__iter__") { _, args throws(PyException) in .object(view(args[0]).makeIterator()) }
      t.method("__reversed__") { _, args throws(PyException) in
        let v = view(args[0])
        let items: [Value]
        switch kind {
        case .keys: items = v.mapping.keys
        case .values: items = v.mapping.values
        case .items: items = v.mapping.storageItems().map { .object(PyTuple([$0.0, $0.1])) }
        }
        return .object(PyArrayIterator(ContiguousArray(items.reversed()), type: PyType.dictKeyIterator))
      }
      t.method("__contains__") { ts, args throws(PyException) in
        let v = view(args[0])
        switch kind {
        case .keys: return .bool(try v.mapping.contains(ts, args[1]))
        case .values:
          for x in v.mapping.values where try ts.richEqual(x, args[1]) { return .bool(true) }
          return .bool(false)
        case .items:
          guard let tup = args[1].asTuple, tup.count == 2, let x = try v.mapping.get(ts, tup.items[0]) else { return .bool(false) }
          return .bool(try ts.richEqual(x, tup.items[1]))
        }
      }
      t.method("__repr__") { ts, args throws(PyException) in
        let v = view(args[0])
        let items: [Value]
        switch kind {
        case .keys: items = v.mapping.keys
        case .values: items = v.mapping.values
        case .items: items = v.mapping.storageItems().map { .object(PyTuple([$0.0, $0.1])) }
        }
        return Value("\(t.name)(\(try ts.repr(.object(PyList(items)))))")
      }
      t.getter("mapping") { _, v throws(PyException) in .object(PyMappingProxy(view(v).mapping)) }
      if kind != .values {
        for (name, op) in [("__and__", BinaryOpKind.and), ("__or__", .or), ("__sub__", .sub), ("__xor__", .xor),
                           ("__rand__", .and), ("__ror__", .or), ("__rxor__", .xor)] {
          t.method(name) { ts, args throws(PyException) in
            let a = try setOf(ts, args[0]), b = try setOf(ts, args[1])
            return .object(try SetOps.binary(ts, op, name.hasPrefix("__r") ? b : a, name.hasPrefix("__r") ? a : b)!)
          }
        }
        t.method("__rsub__") { ts, args throws(PyException) in
          .object(try SetOps.difference(ts, try setOf(ts, args[1]), try setOf(ts, args[0])))
        }
        for (cmp, name) in [(CompareKind.lt, "__lt__"), (.le, "__le__"), (.eq, "__eq__"), (.ne, "__ne__"),
                            (.gt, "__gt__"), (.ge, "__ge__")] {
          t.method(name) { ts, args throws(PyException) in
            guard case .object(let o) = args[1], o is PySet || o is PyDictView else { return .notImplemented }
            return .bool(try SetOps.compare(ts, try setOf(ts, args[0]), try setOf(ts, args[1]), cmp))
          }
        }
        t.method("isdisjoint") { ts, args throws(PyException) in
          let a = try setOf(ts, args[0])
          for x in try ts.collect(args[1]) where try a.contains(ts, x) { return .bool(false) }
          return .bool(true)
        }
      }
    }
  }

  static func setOf(_ ts: ThreadState, _ v: Value) throws(PyException) -> PySet {
    if case .object(let o) = v, let s = o as? PySet { return s }
    let s = PySet()
    try s.update(ts, from: v)
    return s
  }

  // MARK: set / frozenset

  private static func installSet(_ t: PyType, frozen: Bool) {
    func set(_ v: Value) -> PySet { v.asObject as! PySet }
    let name = frozen ? "frozenset" : "set"
    if !frozen { t.unhashable() }
    t.directCall = { ts, cls, args throws(PyException) in
      let a = try ArgList(args, name, ["iterable"], positionalOnly: 1)
      let s = PySet(frozen: frozen)
      if let it = a[0] {
        if frozen, case .object(let o) = it, o.kind == .frozenset { return it }
        try s.update(ts, from: it)
      }
      return .object(s)
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("\(name).__new__(X): X is not a type object") }
      let s = PySet(type: cls)
      if cls.isHeapType && cls.hasInstanceDict { s.dict = PyDict() }
      if frozen, args.count > 1 { try s.update(ts, from: args[1]) }
      return .object(s)
    }
    if !frozen {
      t.method("__init__") { ts, args throws(PyException) in
        let a = try ArgList(args, name, ["iterable"], positionalOnly: 1, skipSelf: true)
        let s = set(args[0])
        s.removeAll()
        if let it = a[0] { try s.update(ts, from: it) }
        return .none
      }
    } else {
      t.method("__hash__") { _, args throws(PyException) in .int(set(args[0]).frozenHash()) }
    }
    t.method("__len__") { _, args throws(PyException) in .int(set(args[0]).count) }
    t.method("__iter__") { _, args throws(PyException) in .object(PySetIterator(set(args[0]))) }
    t.method("__contains__") { ts, args throws(PyException) in
      do throws(PyException) {
        return .bool(try set(args[0]).contains(ts, args[1]))
      } catch {
        if error.isInstance(of: PyType.typeError), case .object(let o) = args[1], let inner = o as? PySet {
          let f = try inner.copy(type: PyType.frozenset, ts: ts)
          return .bool(try set(args[0]).contains(ts, .object(f)))
        }
        throw error
      }
    }
    t.method("__repr__") { ts, args throws(PyException) in
      let s = set(args[0])
      if s.type === PyType.set || s.type === PyType.frozenset { return Value(try ts.repr(args[0])) }
      var parts: [String] = []
      for v in s.keys { parts.append(try ts.repr(v)) }
      return Value(s.count == 0 ? "\(s.type.name)()" : "\(s.type.name)({\(parts.joined(separator: ", "))})")
    }
    for (op, dn, rn) in [(BinaryOpKind.or, "__or__", "__ror__"), (.and, "__and__", "__rand__"),
                         (.sub, "__sub__", "__rsub__"), (.xor, "__xor__", "__rxor__")] {
      t.method(dn) { ts, args throws(PyException) in
        guard case .object(let o) = args[1], let other = o as? PySet else { return .notImplemented }
        return .object(try SetOps.binary(ts, op, set(args[0]), other)!)
      }
      t.method(rn) { ts, args throws(PyException) in
        guard case .object(let o) = args[1], let other = o as? PySet else { return .notImplemented }
        return .object(try SetOps.binary(ts, op, other, set(args[0]))!)
      }
    }
    for (cmp, cname) in [(CompareKind.lt, "__lt__"), (.le, "__le__"), (.eq, "__eq__"), (.ne, "__ne__"),
                         (.gt, "__gt__"), (.ge, "__ge__")] {
      t.method(cname) { ts, args throws(PyException) in
        guard case .object(let o) = args[1], let other = o as? PySet else { return .notImplemented }
        return .bool(try SetOps.compare(ts, set(args[0]), other, cmp))
      }
    }
    // Methods taking any number of iterables.
    func others(_ ts: ThreadState, _ args: Args) throws(PyException) -> [PySet] {
      var out: [PySet] = []
      for i in 1..<max(args.count, 1) { out.append(try setOf(ts, args[i])) }
      return out
    }
    t.method("union") { ts, args throws(PyException) in
      var r = try set(args[0]).copy(type: SetOps.resultType(set(args[0])), ts: ts)
      for o in try others(ts, args) { r = try SetOps.union(ts, r, o) }
      return .object(r)
    }
    t.method("intersection") { ts, args throws(PyException) in
      var r = try set(args[0]).copy(type: SetOps.resultType(set(args[0])), ts: ts)
      for o in try others(ts, args) { r = try SetOps.intersection(ts, r, o) }
      return .object(r)
    }
    t.method("difference") { ts, args throws(PyException) in
      var r = try set(args[0]).copy(type: SetOps.resultType(set(args[0])), ts: ts)
      for o in try others(ts, args) { r = try SetOps.difference(ts, r, o) }
      return .object(r)
    }
    t.method("symmetric_difference") { ts, args throws(PyException) in
      try args.expect("symmetric_difference", 1)
      return .object(try SetOps.symmetricDifference(ts, set(args[0]), try setOf(ts, args[1])))
    }
    t.method("issubset") { ts, args throws(PyException) in
      try args.expect("issubset", 1)
      return .bool(try SetOps.isSubset(ts, set(args[0]), try setOf(ts, args[1])))
    }
    t.method("issuperset") { ts, args throws(PyException) in
      try args.expect("issuperset", 1)
      return .bool(try SetOps.isSubset(ts, try setOf(ts, args[1]), set(args[0])))
    }
    t.method("isdisjoint") { ts, args throws(PyException) in
      try args.expect("isdisjoint", 1)
      let s = set(args[0])
      for x in try ts.collect(args[1]) where try s.contains(ts, x) { return .bool(false) }
      return .bool(true)
    }
    t.method("copy") { ts, args throws(PyException) in
      if frozen && set(args[0]).kind == .frozenset { return args[0] }
      return .object(try set(args[0]).copy(type: frozen ? PyType.frozenset : PyType.set, ts: ts))
    }
    t.method("__reduce__") { ts, args throws(PyException) in
      .object(PyTuple([.object(set(args[0]).type), .object(PyTuple([.object(PyList(set(args[0]).keys))]))]))
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in .object(GenericAlias(origin: args[0], args: args[1])) }
    if frozen { return }
    t.method("add") { ts, args throws(PyException) in
      try args.expect("add", 1)
      try set(args[0]).add(ts, args[1])
      return .none
    }
    t.method("remove") { ts, args throws(PyException) in
      try args.expect("remove", 1)
      if try !set(args[0]).discard(ts, args[1]) { throw PyException.keyError(args[1]) }
      return .none
    }
    t.method("discard") { ts, args throws(PyException) in
      try args.expect("discard", 1)
      _ = try set(args[0]).discard(ts, args[1])
      return .none
    }
    t.method("pop") { _, args throws(PyException) in
      guard let v = set(args[0]).pop() else { throw PyException.keyError(Value("pop from an empty set")) }
      return v
    }
    t.method("clear") { _, args throws(PyException) in
      set(args[0]).removeAll()
      return .none
    }
    t.method("update") { ts, args throws(PyException) in
      let s = set(args[0])
      for i in 1..<max(args.count, 1) { try s.update(ts, from: args[i]) }
      return .none
    }
    for (mname, op) in [("intersection_update", BinaryOpKind.and), ("difference_update", .sub),
                        ("symmetric_difference_update", .xor)] {
      t.method(mname) { ts, args throws(PyException) in
        let s = set(args[0])
        var r = try s.copy(ts: ts)
        for i in 1..<max(args.count, 1) { r = try SetOps.binary(ts, op, r, try setOf(ts, args[i]))! }
        s.removeAll()
        try s.merge(ts, r)
        return .none
      }
    }
    for (iname, op) in [("__ior__", BinaryOpKind.or), ("__iand__", .and), ("__isub__", .sub), ("__ixor__", .xor)] {
      t.method(iname) { ts, args throws(PyException) in
        guard case .object(let o) = args[1], let other = o as? PySet else { return .notImplemented }
        let s = set(args[0])
        let r = try SetOps.binary(ts, op, s, other)!
        s.removeAll()
        try s.merge(ts, r)
        return args[0]
      }
    }
  }
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views.
final class PyDictView: PyObject {
  enum Kind { case keys, values, items }
  let mapping: PyDict
  let viewKind: Kind

  init(_ d: PyDict, kind: Kind) {
    mapping = d
    viewKind = kind
    let t: PyType
    switch kind {
    case .keys: t = PyType.dictKeys
    case .values: t = PyType.dictValues
    case .items: t = PyType.dictItems
    }
    super.init(type: t, kind: .other)
  }

  func makeIterator() -> PyDictIterator {
    switch viewKind {
    case .keys: return PyDictIterator(mapping, mode: .keys)
    case .values: return PyDictIterator(mapping, mode: .values)
    case .items: return PyDictIterator(mapping, mode: .items)
    }
  }
}
