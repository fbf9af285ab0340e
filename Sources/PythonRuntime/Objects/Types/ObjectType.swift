/// `object`: the root of every class, and its default behaviour.
enum ObjectType {
  static func install() {
    let t = PyType.object!
    t.doc = "The base class of the class hierarchy."
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard args.count >= 1, let cls = args[0].asType else {
        throw PyException.typeError("object.__new__(X): X is not a type object")
      }
      if args.count > 1 || args.hasKeywords {
        let newIsObjects = cls.lookup(names.__new__)?.asObject === BuiltinsCore.objectNewStatic
        let initIsObjects = cls.lookup(names.__init__)?.asObject === BuiltinsCore.objectInit
        if !newIsObjects {
          throw PyException.typeError("object.__new__() takes exactly one argument (the type to instantiate)")
        }
        if initIsObjects { throw PyException.typeError("\(cls.name)() takes no arguments") }
      }
      return try ts.allocateInstance(cls)
    }
    BuiltinsCore.objectNewStatic = t.attributes.getStr(names.__new__)!.asObject
    t.method("__init__") { _, args throws(PyException) in
      if args.count > 1 || args.hasKeywords {
        let cls = args[0].type
        let initIsObjects = cls.lookup(names.__init__)?.asObject === BuiltinsCore.objectInit
        let newIsObjects = cls.lookup(names.__new__)?.asObject === BuiltinsCore.objectNewStatic
        if !initIsObjects {
          throw PyException.typeError("object.__init__() takes exactly one argument (the instance to initialize)")
        }
        if newIsObjects { throw PyException.typeError("\(cls.name)() takes no arguments") }
      }
      return .none
    }
    BuiltinsCore.objectInit = t.attributes.getStr(names.__init__)!.asObject
    t.method("__repr__") { ts, args throws(PyException) in
      guard case .object(let o) = args[0] else { return Value(try ts.repr(args[0])) }
      return Value(ts.defaultRepr(o))
    }
    BuiltinsCore.objectRepr = t.attributes.getStr(names.__repr__)!.asObject
    t.method("__str__") { ts, args throws(PyException) in Value(try ts.repr(args[0])) }
    BuiltinsCore.objectStr = t.attributes.getStr(names.__str__)!.asObject
    t.method("__hash__") { ts, args throws(PyException) in
      if case .object(let o) = args[0] { return .int(Hashing.identity(o)) }
      return .int(try ts.hash(args[0]))
    }
    BuiltinsCore.objectHash = t.attributes.getStr(names.__hash__)!.asObject
    t.method("__format__") { ts, args throws(PyException) in
      try args.expect("__format__", 1)
      guard let spec = args[1].asStr else {
        throw PyException.typeError("__format__() argument must be str, not \(args[1].type.name)")
      }
      if !spec.value.isEmpty {
        throw PyException.typeError("unsupported format string passed to \(args[0].type.name).__format__")
      }
      return Value(try ts.str(args[0]))
    }
    BuiltinsCore.objectFormat = t.attributes.getStr(names.__format__)!.asObject
    t.method("__eq__") { _, args throws(PyException) in
      args[0].isIdentical(to: args[1]) ? .bool(true) : .notImplemented
    }
    t.method("__ne__") { ts, args throws(PyException) in
      let eq = try ts.compareViaEq(args[0], args[1])
      if eq.isNotImplemented { return eq }
      return .bool(!(try ts.isTrue(eq)))
    }
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
      t.method(n) { _, _ throws(PyException) in .notImplemented }
    }
    t.classMethod("__init_subclass__") { _, args throws(PyException) in
      if args.count > 1 || args.hasKeywords {
        let name = args[0].asType?.name ?? "object"
        throw PyException.typeError("\(name).__init_subclass__() takes no keyword arguments")
      }
      return .none
    }
    BuiltinsCore.objectInitSubclass = t.attributes.getStr(names.__init_subclass__)!.asObject
    t.classMethod("__subclasshook__") { _, _ throws(PyException) in .notImplemented }
    t.method("__getattribute__") { ts, args throws(PyException) in
      try args.expect("__getattribute__", 1)
      let name = try ts.strArg(args[1], "attribute name must be string, not '\(args[1].type.name)'")
      let obj = args[0]
      if let v = try ts.genericGetAttr(obj, obj.type, intern(name.value)) { return v }
      throw ts.attributeError(obj, name)
    }
    t.method("__setattr__") { ts, args throws(PyException) in
      try args.expect("__setattr__", 2)
      let name = try ts.strArg(args[1], "attribute name must be string, not '\(args[1].type.name)'")
      guard case .object(let o) = args[0] else {
        throw PyException.attributeError("'\(args[0].type.name)' object has no attribute '\(name.value)'")
      }
      if let ty = o as? PyType {
        try ts.typeSetAttr(ty, intern(name.value), args[2])
      } else {
        try ts.genericSetAttr(o, o.type, intern(name.value), args[2])
      }
      return .none
    }
    t.method("__delattr__") { ts, args throws(PyException) in
      try args.expect("__delattr__", 1)
      let name = try ts.strArg(args[1], "attribute name must be string, not '\(args[1].type.name)'")
      guard case .object(let o) = args[0] else { throw ts.attributeError(args[0], name) }
      try ts.genericSetAttr(o, o.type, intern(name.value), nil)
      return .none
    }
    BuiltinsCore.objectDelAttr = t.attributes.getStr(names.__delattr__)!.asObject
    t.method("__dir__") { ts, args throws(PyException) in
      .object(PyList(try ts.defaultDir(args[0]).map { Value($0) }))
    }
    t.method("__sizeof__") { _, _ throws(PyException) in .int(16) }
    t.method("__reduce_ex__") { ts, args throws(PyException) in
      try args.expect("__reduce_ex__", 1)
      guard let proto = try ts.indexValue(args[1]) else {
        throw PyException.typeError("'\(args[1].type.name)' object cannot be interpreted as an integer")
      }
      return try ts.objectReduceEx(args[0], protocol: proto)
    }
    t.method("__reduce__") { ts, args throws(PyException) in try ts.defaultReduce(args[0], protocol: 0) }
    t.method("__getstate__") { _, args throws(PyException) in
      guard case .object(let o) = args[0] else { return .none }
      if let d = o.dict, d.count > 0 { return .object(d) }
      if let inst = o as? PyInstance, !inst.slots.isEmpty {
        let sd = PyDict()
        for ty in o.type.mro where ty.isHeapType {
          for (k, v) in ty.attributes.storageItems() {
            if case .object(let so) = v, let slot = so as? PySlotDescriptor, let val = inst.slots[slot.index],
               let ks = k.exactStr { sd.setStr(ks, val) }
          }
        }
        return .object(PyTuple([o.dict.map { .object($0) } ?? .none, .object(sd)]))
      }
      return .none
    }
    t.getter("__class__", { _, v throws(PyException) in .object(v.type) }, set: { ts, v, newValue throws(PyException) in
      guard let nv = newValue, let nt = nv.asType else {
        throw PyException.typeError("__class__ must be set to a class, not '\(newValue?.type.name ?? "NoneType")' object")
      }
      guard case .object(let o) = v, o.type.isHeapType, nt.isHeapType, nt.storage == o.type.storage else {
        throw PyException.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses")
      }
      o.setType(nt)
    })
    t.getter("__dict__", { ts, v throws(PyException) in
      guard case .object(let o) = v, let d = o.dict else {
        throw PyException.attributeError("'\(v.type.name)' object has no attribute '__dict__'")
      }
      if o is PyType { return .object(PyMappingProxy(d)) }
      return .object(d)
    }, set: { _, v, newValue throws(PyException) in
      guard case .object(let o) = v, o.dict != nil, let nd = newValue?.asDict else {
        throw PyException.typeError("__dict__ must be set to a dictionary")
      }
      o.dict = nd
    })
    t.constant("__doc__", Value("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"))
  }
}

extension ThreadState {
  /// Calls `type(a).__eq__(a, b)` without the reflected fallback.
  func compareViaEq(_ a: Value, _ b: Value) throws(PyException) -> Value {
    if let r = try NativeOps.compare(self, a, b, .eq) { return .bool(r) }
    if let m = a.type.lookup(names.__eq__) { return try callMethodValue(m, a, b) }
    return .notImplemented
  }

  /// `dir(obj)` without `__dir__`: instance dict plus class attributes.
  func defaultDir(_ v: Value) throws(PyException) -> [String] {
    var seen = Set<String>()
    // `object` carries the generic `__dict__` getter here; CPython lists
    // `__dict__` only where instances really have a dict.
    func addClassAttributes(_ t: PyType, hasDict: Bool) {
      for c in t.mro {
        for k in c.attributes.keys {
          guard let s = k.asStr else { continue }
          if c === PyType.object && s.value == "__dict__" && !hasDict { continue }
          seen.insert(s.value)
        }
      }
    }
    if case .object(let o) = v {
      if let t = o as? PyType {
        addClassAttributes(t, hasDict: t.hasInstanceDict && !t.isHeapType)
        return seen.sorted()
      }
      if let d = o.dict { for k in d.keys { if let s = k.asStr { seen.insert(s.value) } } }
      addClassAttributes(v.type, hasDict: o.dict != nil)
      return seen.sorted()
    }
    addClassAttributes(v.type, hasDict: false)
    return seen.sorted()
  }
}

/// A read-only view of a dict (`type.__dict__`).
final class PyMappingProxy: PyObject {
  let mapping: PyDict
  init(_ d: PyDict) {
    mapping = d
    super.init(type: PyType.mappingProxy, kind: .other)
  }
}
