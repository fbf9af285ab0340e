/// Classes: calling a type (`__new__` then `__init__`), creating heap types
/// (`type.__new__`, `__build_class__`), and `super`.
extension ThreadState {
  // MARK: Calling a class

  func callType(_ t: PyType, _ args: Args) throws(PyException) -> Value {
    if t === PyType.type && args.count == 1 && !args.hasKeywords {
      return .object(args[0].type)
    }
    let meta = t.type!
    if meta.isHeapType, let c = meta.lookup(names.__call__), !(c.asObject === BuiltinsCore.typeCall) {
      return try callPrepending(c, .object(t), args, unbound: true)
    }
    return try typeCall(t, args)
  }

  /// `type.__call__`: `__new__`, then `__init__` when the result is an instance.
  func typeCall(_ t: PyType, _ args: Args) throws(PyException) -> Value {
    if !t.isHeapType, let direct = t.directCall { return try direct(self, t, args) }
    guard let newFn = t.lookup(names.__new__) else {
      throw PyException.typeError("cannot create '\(t.fullName)' instances")
    }
    let obj: Value
    let initFn = t.lookup(names.__init__)
    let initIsObjects = initFn.map { $0.asObject === BuiltinsCore.objectInit } ?? true
    if newFn.asObject === BuiltinsCore.objectNewStatic {
      if (args.count > 0 || args.hasKeywords) && initIsObjects {
        throw PyException.typeError("\(t.name)() takes no arguments")
      }
      obj = try allocateInstance(t)
    } else {
      let fn: Value
      if case .object(let o) = newFn, let sm = o as? PyStaticMethod { fn = sm.function } else { fn = newFn }
      obj = try callPrepending(fn, .object(t), args)
    }
    let objType = obj.type
    guard objType === t || objType.isSubtype(of: t) else { return obj }
    if let initFn = objType === t ? initFn : objType.lookup(names.__init__) {
      if initFn.asObject === BuiltinsCore.objectInit {
        if args.count > 0 || args.hasKeywords {
          if newFn.asObject === BuiltinsCore.objectNewStatic {
            throw PyException.typeError("\(t.name)() takes no arguments")
          }
        }
        return obj
      }
      let r = try callPrepending(initFn, obj, args, unbound: true)
      if !r.isNone {
        throw PyException.typeError("__init__() should return None, not '\(r.type.name)'")
      }
    }
    return obj
  }

  /// `object.__new__(cls)`: a fresh instance with the storage `cls` needs.
  func allocateInstance(_ t: PyType) throws(PyException) -> Value {
    if t.isAbstractClass {
      let abstract = t.abstractMethodNames
      throw PyException.typeError(
        "Can't instantiate abstract class \(t.name) without an implementation for abstract method\(abstract.count == 1 ? "" : "s") \(abstract.map { "'\($0)'" }.joined(separator: ", "))")
    }
    switch t.storage {
    case .object: return .object(PyInstance(type: t))
    case .list:
      let l = PyList(type: t)
      if t.isHeapType { l.dict = PyDict() }
      return .object(l)
    case .dict:
      let d = PyDict(type: t)
      if t.isHeapType { d.dict = PyDict() }
      return .object(d)
    case .set:
      let s = PySet(type: t)
      if t.isHeapType { s.dict = PyDict() }
      return .object(s)
    case .exception:
      return .object(PyException(type: t, args: PyTuple.empty))
    case .module:
      return .object(PyModule(name: "?", type: t))
    case .type, .immutable, .none:
      throw PyException.typeError("object.__new__(\(t.name)) is not safe, use \(t.base?.name ?? "object").__new__()")
    }
  }

  // MARK: Creating classes

  /// `type(name, bases, ns)` / `type.__new__(meta, name, bases, ns, **kw)`.
  func makeClass(meta: PyType, name: String, bases basesIn: [Value], namespace ns: PyDict,
                 kwargs: [(PyStr, Value)]) throws(PyException) -> Value {
    var bases: [PyType] = []
    for b in basesIn {
      guard let bt = b.asType else {
        throw PyException.typeError("bases must be types")
      }
      if !bt.isBaseType {
        throw PyException.typeError("type '\(bt.name)' is not an acceptable base type")
      }
      bases.append(bt)
    }
    if bases.isEmpty { bases = [PyType.object] }
    // The most derived metaclass wins.
    var winner = meta
    for b in bases {
      let bm = b.type!
      if winner.isSubtype(of: bm) { continue }
      if bm.isSubtype(of: winner) {
        winner = bm
        continue
      }
      throw PyException.typeError(
        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
    }
    // Instance layout: all non-trivial storages must agree.
    var storage = InstanceStorage.object
    for b in bases where b.storage != .object {
      if storage != .object && storage != b.storage {
        throw PyException.typeError("multiple bases have instance lay-out conflict")
      }
      storage = b.storage
    }
    if bases.count > 1 {
      for (i, b) in bases.enumerated() where bases[(i + 1)...].contains(where: { $0 === b }) {
        throw PyException.typeError("duplicate base class \(b.name)")
      }
    }
    let dict = ns.copy()
    let qualname = dict.getStr(names.__qualname__)?.asStr?.value ?? name
    dict.removeStr(names.__qualname__)
    let cls = PyType(heap: name, qualname: qualname, bases: bases, metatype: winner, dict: dict)
    cls.storage = storage
    cls.mro = try PyType.computeMRO(for: cls, bases: bases)
    cls.isExceptionType = cls.mro.contains { $0.isExceptionType }
    if storage == .exception || cls.isExceptionType { cls.storage = .exception }
    if dict.getStr(names.__module__) == nil {
      if let g = frame?.globals, let m = g.getStr(names.__name__) { dict.setStr(names.__module__, m) }
    }
    // __new__ is a static method, __init_subclass__ and __class_getitem__ class methods.
    if let nf = dict.getStr(names.__new__), case .object(let o) = nf, o.kind == .function {
      dict.setStr(names.__new__, .object(PyStaticMethod(nf)))
    }
    for special in [names.__init_subclass__, names.__class_getitem__] {
      if let f = dict.getStr(special), case .object(let o) = f, o.kind == .function {
        dict.setStr(special, .object(PyClassMethod(f)))
      }
    }
    try applySlots(cls, dict, bases)
    if dict.getStr(names.__doc__) == nil { dict.setStr(names.__doc__, .none) }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict.getStr(names.__eq__) != nil && dict.getStr(names.__hash__) == nil {
      dict.setStr(names.__hash__, .none)
    }
    cls.refreshSpecialFlags()
    for b in bases where b.isHeapType { b.subclassRefs.append(WeakType(type: cls)) }
    cls.abstractMethodNames = computeAbstractMethods(cls)
    // Fill the zero-argument super() cell.
    if let cellValue = dict.removeStr(names.__classcell__), case .object(let co) = cellValue, let cell = co as? PyCell {
      cell.contents = .object(cls)
    }
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    for (k, v) in dict.storageItems() {
      guard case .object(let o) = v, o.kind == .instance || o.kind == .other else { continue }
      if let sn = o.type.lookup(names.__set_name__) {
        do throws(PyException) {
          _ = try callMethodValue(sn, v, .object(cls), k)
        } catch {
          throw error
        }
      }
    }
    try callInitSubclass(cls, kwargs: kwargs)
    return .object(cls)
  }

  private func applySlots(_ cls: PyType, _ dict: PyDict, _ bases: [PyType]) throws(PyException) {
    let baseSlots = bases.map { $0.slotCount }.max() ?? 0
    cls.slotCount = baseSlots
    let basesHaveDict = bases.contains { $0.hasInstanceDict || ($0.isHeapType == false && $0.storage != .object && $0 !== PyType.object) }
    let basesHaveWeakref = bases.contains { $0.providesWeakref }
    // Builtin bases like list keep a dict behind the scenes for subclass
    // instances; only a base whose instances already had one shows it.
    let basesShowDict = bases.contains { $0.hasInstanceDict || $0.isExceptionType }
    guard let slotsValue = dict.getStr(names.__slots__) else {
      cls.hasInstanceDict = true
      addInstanceDescriptors(cls, dict, dict: !basesShowDict, weakref: !basesHaveWeakref)
      return
    }
    var slotNames: [String] = []
    if let s = slotsValue.asStr {
      slotNames = [s.value]
    } else {
      for item in try collect(slotsValue) {
        guard let s = item.asStr else {
          throw PyException.typeError("__slots__ items must be strings, not '\(item.type.name)'")
        }
        slotNames.append(s.value)
      }
    }
    var wantsDict = false
    var wantsWeakref = false
    var index = baseSlots
    for n in slotNames {
      if n == "__dict__" {
        wantsDict = true
        continue
      }
      if n == "__weakref__" {
        wantsWeakref = true
        continue
      }
      if dict.getStr(intern(n)) != nil {
        throw PyException.valueError("'\(n)' in __slots__ conflicts with class variable")
      }
      dict.setStr(intern(n), .object(PySlotDescriptor(name: n, index: index, owner: cls)))
      index += 1
    }
    cls.slotCount = index
    cls.hasInstanceDict = wantsDict || basesHaveDict
    addInstanceDescriptors(cls, dict, dict: wantsDict && !basesShowDict, weakref: wantsWeakref && !basesHaveWeakref)
  }

  /// The `__dict__` and `__weakref__` descriptors a class gets in its own
  /// namespace when it is the first in its hierarchy to give its instances
  /// a dict or weak references (as CPython lists them in `vars(cls)`).
  private func addInstanceDescriptors(_ cls: PyType, _ ns: PyDict, dict: Bool, weakref: Bool) {
    cls.providesWeakref = weakref || cls.mro.dropFirst().contains { $0.providesWeakref }
    if dict, case .object(let o)? = PyType.object.attributes.getStr(names.__dict__),
       let generic = o as? PyGetSetDescriptor {
      ns.setStr(names.__dict__, .object(PyGetSetDescriptor(name: "__dict__", owner: cls, get: generic.getter,
                                                           set: generic.setter)))
    }
    if weakref {
      ns.setStr(intern("__weakref__"), .object(PyGetSetDescriptor(name: "__weakref__", owner: cls, get: { _, _ throws(PyException) in
        .none
      })))
    }
  }

  private func computeAbstractMethods(_ cls: PyType) -> [String] {
    var result: [String] = []
    var seen = Set<String>()
    for t in cls.mro where t.isHeapType {
      for (k, v) in t.attributes.storageItems() {
        guard let name = k.asStr?.value, !seen.contains(name) else { continue }
        seen.insert(name)
        if isAbstract(v) { result.append(name) }
      }
    }
    return result.sorted()
  }

  private func isAbstract(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    if let d = o.dict, let flag = d.getStr(names.__isabstractmethod__), case .bool(true) = flag { return true }
    if let p = o as? PyProperty, case .object(let f) = p.fget, let d = f.dict,
       case .bool(true)? = d.getStr(names.__isabstractmethod__) { return true }
    if let sm = o as? PyStaticMethod { return isAbstract(sm.function) }
    if let cm = o as? PyClassMethod { return isAbstract(cm.function) }
    return false
  }

  /// `super(cls, cls).__init_subclass__(**kwargs)`.
  func callInitSubclass(_ cls: PyType, kwargs: [(PyStr, Value)]) throws(PyException) {
    let parentMRO = cls.mro.dropFirst()
    for t in parentMRO {
      guard let f = t.attributes.getStr(names.__init_subclass__) else { continue }
      if f.asObject === BuiltinsCore.objectInitSubclass {
        if !kwargs.isEmpty {
          throw PyException.typeError("\(cls.name).__init_subclass__() takes no keyword arguments")
        }
        return
      }
      let fn: Value
      if case .object(let o) = f, let cm = o as? PyClassMethod { fn = cm.function } else { fn = f }
      _ = try call(fn, args: [.object(cls)], kwargs: kwargs.map { ($0.0.value, $0.1) })
      return
    }
  }

  /// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
  func buildClass(_ args: Args) throws(PyException) -> Value {
    guard args.count >= 2, case .object(let fo) = args[0], let body = fo as? PyFunction else {
      throw PyException.typeError("__build_class__: func must be a function")
    }
    guard let name = args[1].asStr else { throw PyException.typeError("__build_class__: name is not a string") }
    var bases = Array(UnsafeBufferPointer(start: args.base + 2, count: args.count - 2))
    var metaValue: Value? = nil
    var kwargs: [(PyStr, Value)] = []
    for (k, v) in args.keywords {
      if k.value == "metaclass" { metaValue = v } else { kwargs.append((k, v)) }
    }
    // PEP 560: __mro_entries__.
    var resolved: [Value] = []
    var changed = false
    for b in bases {
      if b.asType == nil, let me = try lookupAttrOptional(b, names.__mro_entries__) {
        resolved.append(contentsOf: try collect(try call(me, .object(PyTuple(bases)))))
        changed = true
      } else {
        resolved.append(b)
      }
    }
    let origBases = bases
    if changed { bases = resolved }
    var meta: Value = metaValue ?? (bases.first.map { .object($0.type) } ?? .object(PyType.type))
    if let mt = meta.asType {
      var winner = mt
      for b in bases {
        let bm = b.type
        if winner.isSubtype(of: bm) { continue }
        if bm.isSubtype(of: winner) { winner = bm; continue }
        throw PyException.typeError(
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
      }
      meta = .object(winner)
    }
    let ns: PyDict
    if let prep = try lookupAttrOptional(meta, names.__prepare__) {
      let r = try call(prep, args: [.object(name), .object(PyTuple(bases))], kwargs: kwargs.map { ($0.0.value, $0.1) })
      guard let d = r.asDict else {
        throw PyException.typeError("\(meta.asType?.name ?? "metaclass").__prepare__() must return a mapping, not \(r.type.name)")
      }
      ns = d
    } else {
      ns = PyDict()
    }
    // Run the class body with the namespace as its locals.
    let code = body.code
    let f = Frame(code: code, globals: body.globals, builtins: body.builtins, locals: ns, function: body)
    if code.hasCells { setUpCells(body, code, f.slots) }
    _ = try run(f)
    if changed { ns.setStr(names.__orig_bases__, .object(PyTuple(origBases))) }
    let cls = try call(meta, args: [.object(name), .object(PyTuple(bases)), .object(ns)],
                       kwargs: kwargs.map { ($0.0.value, $0.1) })
    return cls
  }
}

/// `super(type, obj)`: attribute lookup that starts after `type` in the MRO
/// of `obj` (or of `obj` itself when it is a class).
final class PySuper: PyObject {
  let thisType: PyType
  let obj: Value
  let objType: PyType?

  init(thisType: PyType, obj: Value, objType: PyType?) {
    self.thisType = thisType
    self.obj = obj
    self.objType = objType
    super.init(type: PyType.superType, kind: .other)
  }
}

extension ThreadState {
  func makeSuper(_ args: Args) throws(PyException) -> Value {
    if args.count == 0 {
      guard let f = frame, let fn = f.function else { throw PyException.runtimeError("super(): no arguments") }
      let code = f.code
      guard code.argcount + (code.flags.contains(.varargs) ? 1 : 0) > 0 || code.varnames.count > 0 else {
        throw PyException.runtimeError("super(): no arguments")
      }
      var first = f.slots[0]
      // The first argument may live in a cell.
      if let ci = code.cellArgs.firstIndex(where: { $0 == 0 }),
         case .object(let co) = f.slots[code.varnames.count + ci], let cell = co as? PyCell {
        first = cell.contents ?? .null
      }
      if first.isNull { throw PyException.runtimeError("super(): arg[0] deleted") }
      guard let idx = code.freevars.firstIndex(where: { $0.value == "__class__" }) else {
        throw PyException.runtimeError("super(): __class__ cell not found")
      }
      _ = fn
      let slot = code.varnames.count + code.cellvars.count + idx
      guard case .object(let co) = f.slots[slot], let cell = co as? PyCell, let cv = cell.contents,
            let cls = cv.asType else {
        throw PyException.runtimeError("super(): empty __class__ cell")
      }
      return try makeSuper(cls, first)
    }
    guard let t = args[0].asType else {
      throw PyException.typeError("super() argument 1 must be a type, not \(args[0].type.name)")
    }
    if args.count == 1 { return .object(PySuper(thisType: t, obj: .none, objType: nil)) }
    return try makeSuper(t, args[1])
  }

  func makeSuper(_ t: PyType, _ obj: Value) throws(PyException) -> Value {
    if let ot = obj.asType, ot.isSubtype(of: t) {
      return .object(PySuper(thisType: t, obj: obj, objType: ot))
    }
    let ot = obj.type
    guard ot.isSubtype(of: t) else {
      throw PyException.typeError("super(type, obj): obj (instance of \(ot.name)) is not an instance or subtype of type (\(t.name)).")
    }
    return .object(PySuper(thisType: t, obj: obj, objType: ot))
  }

  func superGetAttr(_ s: PySuper, _ name: PyStr) throws(PyException) -> Value {
    if let ot = s.objType, name.value != "__class__" {
      let mro = ot.mro
      if let i = mro.firstIndex(where: { $0 === s.thisType }) {
        // Bound to an instance, or (in class methods) to the class itself.
        let boundToClass = s.obj.asType === ot
        for t in mro[(i + 1)...] {
          guard let v = t.attributes.getStr(name) else { continue }
          guard case .object(let o) = v else { return v }
          switch o.kind {
          case .staticMethod: return unsafeDowncast(o, to: PyStaticMethod.self).function
          case .classMethod:
            return .object(PyBoundMethod(function: unsafeDowncast(o, to: PyClassMethod.self).function,
                                         selfValue: .object(ot)))
          case .function, .methodDescriptor:
            return boundToClass ? v : .object(PyBoundMethod(function: v, selfValue: s.obj))
          default:
            if o is PyClassMethodDescriptor { return .object(PyBoundMethod(function: v, selfValue: .object(ot))) }
            if boundToClass { return v }
            return try callDescriptorGet(v, o, instance: s.obj, owner: ot)
          }
        }
      }
    }
    if let v = try genericGetAttr(.object(s), s.type, name) { return v }
    throw PyException.attributeError("'super' object has no attribute '\(name.value)'")
  }
}
