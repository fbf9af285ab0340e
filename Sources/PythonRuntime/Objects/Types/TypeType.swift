/// `type`: the class of classes.
enum TypeType {
  static func install() {
    let t = PyType.type!
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard args.count >= 1, let meta = args[0].asType else {
        throw PyException.typeError("type.__new__(X): X is not a type object")
      }
      let n = args.count - 1
      if n == 1 && !args.hasKeywords && meta === PyType.type { return .object(args[1].type) }
      guard n == 3 else { throw PyException.typeError("type() takes 1 or 3 arguments") }
      guard let name = args[1].asStr else {
        throw PyException.typeError("type.__new__() argument 1 must be str, not \(args[1].type.name)")
      }
      guard let bases = args[2].asTuple else {
        throw PyException.typeError("type.__new__() argument 2 must be tuple, not \(args[2].type.name)")
      }
      guard let ns = args[3].asDict else {
        throw PyException.typeError("type.__new__() argument 3 must be dict, not \(args[3].type.name)")
      }
      return try ts.makeClass(meta: meta, name: name.value, bases: Array(bases.items), namespace: ns,
                              kwargs: args.keywords)
    }
    t.method("__init__") { _, _ throws(PyException) in .none }
    t.method("__call__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("descriptor '__call__' requires a type") }
      return try ts.typeCall(cls, args.droppingFirst)
    }
    BuiltinsCore.typeCall = t.attributes.getStr(names.__call__)!.asObject
    t.method("__repr__") { _, args throws(PyException) in
      let c = args[0].asType!
      let m = c.moduleName
      return Value(m == "builtins" ? "<class '\(c.qualname)'>" : "<class '\(m).\(c.qualname)'>")
    }
    t.getter("__name__", { _, v throws(PyException) in Value(v.asType!.name) }, set: { _, v, nv throws(PyException) in
      guard let s = nv?.asStr else { throw PyException.typeError("can only assign string to __name__") }
      guard let c = v.asType, c.isHeapType else {
        throw PyException.typeError("cannot set '__name__' attribute of immutable type")
      }
      c.name = s.value
    })
    t.getter("__qualname__", { _, v throws(PyException) in Value(v.asType!.qualname) }, set: { _, v, nv throws(PyException) in
      guard let s = nv?.asStr, let c = v.asType, c.isHeapType else {
        throw PyException.typeError("can only assign string to __qualname__")
      }
      c.qualname = s.value
    })
    t.getter("__module__", { _, v throws(PyException) in
      let c = v.asType!
      if c.isHeapType, let m = c.attributes.getStr(names.__module__) { return m }
      return Value(c.builtinModule)
    }, set: { _, v, nv throws(PyException) in
      guard let c = v.asType, c.isHeapType, let nv else {
        throw PyException.typeError("cannot set '__module__' attribute of immutable type")
      }
      c.attributes.setStr(names.__module__, nv)
    })
    t.getter("__bases__") { _, v throws(PyException) in .object(PyTuple(v.asType!.bases.map { .object($0) })) }
    t.getter("__base__") { _, v throws(PyException) in v.asType!.base.map { .object($0) } ?? .none }
    t.getter("__mro__") { _, v throws(PyException) in .object(PyTuple(v.asType!.mro.map { .object($0) })) }
    t.getter("__dict__") { _, v throws(PyException) in .object(PyMappingProxy(v.asType!.attributes)) }
    t.getter("__doc__", { _, v throws(PyException) in
      let c = v.asType!
      if c.isHeapType { return c.attributes.getStr(names.__doc__) ?? .none }
      return c.doc.map { Value($0) } ?? .none
    }, set: { _, v, nv throws(PyException) in
      let c = v.asType!
      guard c.isHeapType else {
        throw PyException.typeError("cannot set '__doc__' attribute of immutable type '\(c.name)'")
      }
      c.attributes.setStr(names.__doc__, nv ?? .none)
      c.noteAttributeChanged(names.__doc__)
    })
    t.getter("__annotations__", { _, v throws(PyException) in
      let c = v.asType!
      if let a = c.attributes.getStr(names.__annotations__) { return a }
      if c.isHeapType {
        let d = PyDict()
        c.attributes.setStr(names.__annotations__, .object(d))
        return .object(d)
      }
      throw PyException.attributeError("type object '\(c.name)' has no attribute '__annotations__'")
    }, set: { _, v, nv throws(PyException) in
      guard let c = v.asType, c.isHeapType else { throw PyException.typeError("cannot set __annotations__") }
      if let nv { c.attributes.setStr(names.__annotations__, nv) } else { c.attributes.removeStr(names.__annotations__) }
    })
    t.getter("__abstractmethods__") { ts, v throws(PyException) in
      let c = v.asType!
      if c.abstractMethodNames.isEmpty && !c.isHeapType {
        throw PyException.attributeError("__abstractmethods__")
      }
      let s = PySet(frozen: true)
      for n in c.abstractMethodNames { try s.add(ts, Value(n)) }
      return .object(s)
    }
    t.method("mro") { _, args throws(PyException) in .object(PyList(args[0].asType!.mro.map { .object($0) })) }
    t.method("__subclasses__") { _, args throws(PyException) in
      let c = args[0].asType!
      return .object(PyList(c.subclassRefs.compactMap { $0.type.map { .object($0) } }))
    }
    t.method("__instancecheck__") { ts, args throws(PyException) in
      try args.expect("__instancecheck__", 1)
      return .bool(try ts.defaultIsInstance(args[1], args[0].asType!))
    }
    t.method("__subclasscheck__") { ts, args throws(PyException) in
      try args.expect("__subclasscheck__", 1)
      guard let sub = args[1].asType else { throw PyException.typeError("issubclass() arg 1 must be a class") }
      return .bool(sub.isSubtype(of: args[0].asType!))
    }
    t.classMethod("__prepare__") { _, _ throws(PyException) in .object(PyDict()) }
    t.method("__or__") { _, args throws(PyException) in .object(PyUnion(args[0], args[1])) }
    t.method("__ror__") { _, args throws(PyException) in .object(PyUnion(args[1], args[0])) }
  }
}

extension ThreadState {
  /// isinstance without `__instancecheck__` overrides.
  func defaultIsInstance(_ v: Value, _ t: PyType) throws(PyException) -> Bool {
    if v.type.isSubtype(of: t) { return true }
    if let cls = try lookupAttrOptional(v, names.__class__)?.asType, cls !== v.type {
      return cls.isSubtype(of: t)
    }
    return false
  }
}

/// `X | Y` of types (types.UnionType), enough for annotations and isinstance.
final class PyUnion: PyObject {
  let members: [Value]
  init(_ a: Value, _ b: Value) {
    var m: [Value] = []
    for v in [a, b] {
      if case .object(let o) = v, let u = o as? PyUnion { m.append(contentsOf: u.members) } else { m.append(v) }
    }
    members = m
    super.init(type: PyType.unionType, kind: .other)
  }
}

