/// Attribute access: CPython's generic algorithm (data descriptors on the
/// type, then the instance dict, then other descriptors and plain class
/// attributes, then `__getattr__`), type and module attributes, and the
/// method-call shortcut that avoids creating bound methods.
extension ThreadState {
  // MARK: Reading

  func getAttr(_ obj: Value, _ name: PyStr) throws(PyException) -> Value {
    if case .object(let o) = obj {
      if o.kind == .module { return try moduleGetAttr(unsafeDowncast(o, to: PyModule.self), name) }
      if o.type === PyType.superType { return try superGetAttr(unsafeDowncast(o, to: PySuper.self), name) }
      if let t = o as? PyType, o.kind == .type || !(o.type.hasCustomGetAttribute) {
        return try typeGetAttr(t, name)
      }
    }
    let t = obj.type
    if t.hasCustomGetAttribute, let ga = t.lookup(names.__getattribute__) {
      do throws(PyException) {
        return try callMethodValue(ga, obj, .object(name))
      } catch {
        if error.isInstance(of: PyType.attributeError), let gf = t.lookup(names.__getattr__) {
          return try callMethodValue(gf, obj, .object(name))
        }
        throw error
      }
    }
    if let v = try genericGetAttr(obj, t, name) { return v }
    if let gf = t.lookup(names.__getattr__) {
      return try callMethodValue(gf, obj, .object(name))
    }
    throw attributeError(obj, name)
  }

  /// `getattr(obj, name, None)`-style lookup: nil instead of AttributeError.
  func lookupAttrOptional(_ obj: Value, _ name: PyStr) throws(PyException) -> Value? {
    do throws(PyException) {
      return try getAttr(obj, name)
    } catch {
      if error.isInstance(of: PyType.attributeError) { return nil }
      throw error
    }
  }

  func attributeError(_ obj: Value, _ name: PyStr) -> PyException {
    let e: PyException
    if case .object(let o) = obj, let t = o as? PyType {
      e = PyException.attributeError("type object '\(t.name)' has no attribute '\(name.value)'")
    } else {
      e = PyException.attributeError("'\(obj.type.name)' object has no attribute '\(name.value)'")
    }
    e.setAttribute("name", .object(name))
    e.setAttribute("obj", obj)
    return e
  }

  /// Descriptor-aware lookup without `__getattr__`; nil when absent.
  @inline(__always)
  func genericGetAttr(_ obj: Value, _ t: PyType, _ name: PyStr) throws(PyException) -> Value? {
    let descr = t.lookup(name)
    if let d = descr, case .object(let dobj) = d, isDataDescriptor(dobj) {
      return try callDescriptorGet(d, dobj, instance: obj, owner: t)
    }
    if case .object(let o) = obj, let dict = o.dict, let v = dict.getStr(name) { return v }
    if let d = descr {
      if case .object(let dobj) = d { return try callDescriptorGet(d, dobj, instance: obj, owner: t) }
      return d
    }
    return nil
  }

  func isDataDescriptor(_ o: PyObject) -> Bool {
    switch o.kind {
    case .property: return true
    case .function, .methodDescriptor, .builtinFunction, .staticMethod, .classMethod, .str:
      return false
    default:
      if o is PyGetSetDescriptor || o is PySlotDescriptor { return true }
      if o.kind == .instance {
        let t = o.type!
        return t.lookup(names.__set__) != nil || t.lookup(names.__delete__) != nil
      }
      return false
    }
  }

  /// Applies `descr.__get__(instance, owner)` for the descriptor kinds.
  func callDescriptorGet(_ d: Value, _ dobj: PyObject, instance: Value, owner: PyType) throws(PyException) -> Value {
    switch dobj.kind {
    case .function, .methodDescriptor:
      return .object(PyBoundMethod(function: d, selfValue: instance))
    case .property:
      let p = unsafeDowncast(dobj, to: PyProperty.self)
      if p.fget.isNone {
        throw PyException.attributeError("property \(try propertyName(p)) of '\(owner.name)' object has no getter")
      }
      return try call(p.fget, instance)
    case .staticMethod:
      return unsafeDowncast(dobj, to: PyStaticMethod.self).function
    case .classMethod:
      return .object(PyBoundMethod(function: unsafeDowncast(dobj, to: PyClassMethod.self).function,
                                   selfValue: .object(owner)))
    case .builtinFunction, .str, .list, .dict, .tuple, .type, .module:
      return d
    default:
      if let gs = dobj as? PyGetSetDescriptor { return try gs.getter(self, instance) }
      if let sd = dobj as? PySlotDescriptor {
        guard case .object(let io) = instance, let inst = io as? PyInstance, sd.index < inst.slots.count,
              let v = inst.slots[sd.index] else {
          throw PyException.attributeError("'\(owner.name)' object has no attribute '\(sd.name)'")
        }
        return v
      }
      if let cm = dobj as? PyClassMethodDescriptor {
        _ = cm
        return .object(PyBoundMethod(function: d, selfValue: .object(owner)))
      }
      if dobj.kind == .instance || dobj.kind == .other, let get = dobj.type.lookup(names.__get__) {
        return try callMethodValue(get, d, instance, .object(owner))
      }
      return d
    }
  }

  func propertyName(_ p: PyProperty) throws(PyException) -> String {
    if let s = p.name.asStr { return "'\(s.value)'" }
    if case .object(let f) = p.fget, let fn = f as? PyFunction { return "'\(fn.name)'" }
    return "<unknown>"
  }

  /// Binds an arbitrary descriptor (used when calling special methods).
  func bindDescriptor(_ d: Value, instance: Value, owner: Value) throws(PyException) -> Value {
    guard case .object(let o) = d else { return d }
    return try callDescriptorGet(d, o, instance: instance, owner: owner.asType ?? instance.type)
  }

  // MARK: Types and modules

  func typeGetAttr(_ t: PyType, _ name: PyStr) throws(PyException) -> Value {
    let meta = t.type!
    let metaAttr = meta === PyType.type ? PyType.type.lookup(name) : meta.lookup(name)
    if let ma = metaAttr, case .object(let mo) = ma, isDataDescriptor(mo) {
      return try callDescriptorGet(ma, mo, instance: .object(t), owner: meta)
    }
    if let v = t.lookup(name) {
      guard case .object(let o) = v else { return v }
      switch o.kind {
      case .function, .methodDescriptor, .builtinFunction: return v
      case .staticMethod: return unsafeDowncast(o, to: PyStaticMethod.self).function
      case .classMethod:
        return .object(PyBoundMethod(function: unsafeDowncast(o, to: PyClassMethod.self).function, selfValue: .object(t)))
      case .property: return v
      default:
        if o is PyGetSetDescriptor || o is PySlotDescriptor { return v }
        if o is PyClassMethodDescriptor { return .object(PyBoundMethod(function: v, selfValue: .object(t))) }
        if o.kind == .instance, let get = o.type.lookup(names.__get__) {
          return try callMethodValue(get, v, .none, .object(t))
        }
        return v
      }
    }
    if let ma = metaAttr {
      if case .object(let mo) = ma { return try callDescriptorGet(ma, mo, instance: .object(t), owner: meta) }
      return ma
    }
    if meta !== PyType.type, let gf = meta.lookup(names.__getattr__) {
      return try callMethodValue(gf, .object(t), .object(name))
    }
    throw attributeError(.object(t), name)
  }

  func moduleGetAttr(_ m: PyModule, _ name: PyStr) throws(PyException) -> Value {
    if let v = m.attributes.getStr(name) { return v }
    if let v = try genericGetAttr(.object(m), m.type, name) { return v }
    if let ga = m.attributes.getStr(names.__getattr__) { return try call(ga, .object(name)) }
    let e = PyException.attributeError("module '\(m.name)' has no attribute '\(name.value)'")
    e.setAttribute("name", .object(name))
    e.setAttribute("obj", .object(m))
    throw e
  }

  // MARK: Method calls

  /// For `obj.name(...)`: returns `(function, obj)` when `name` resolves to a
  /// plain method (so the call can pass `obj` as the first argument without
  /// a bound-method object), otherwise `(attribute, null)`.
  @inline(__always)
  func loadMethod(_ obj: Value, _ name: PyStr) throws(PyException) -> (Value, Value) {
    if case .object(let o) = obj,
       o.kind == .module || o.kind == .type || o.type === PyType.superType || (o.kind == .instance && o is PyType) {
      // (A class whose metaclass is user-defined has kind .instance.)
      return (try getAttr(obj, name), .null)
    }
    let t = obj.type
    if !t.hasCustomGetAttribute, let d = t.lookup(name), case .object(let dobj) = d,
       dobj.kind == .function || dobj.kind == .methodDescriptor {
      if case .object(let o) = obj, let dict = o.dict, let v = dict.getStr(name) { return (v, .null) }
      return (d, obj)
    }
    return (try getAttr(obj, name), .null)
  }

  // MARK: Writing

  func setAttr(_ obj: Value, _ name: PyStr, _ value: Value) throws(PyException) {
    guard case .object(let o) = obj else {
      throw PyException.attributeError(
        "'\(obj.type.name)' object has no attribute '\(name.value)' and no __dict__ for setting new attributes")
    }
    if let t = o as? PyType, o.kind == .type || !o.type.hasCustomSetAttr {
      try typeSetAttr(t, name, value)
      return
    }
    let t = o.type!
    if t.hasCustomSetAttr, let sa = t.lookup(names.__setattr__) {
      _ = try callMethodValue(sa, obj, .object(name), value)
      return
    }
    try genericSetAttr(o, t, name, value)
  }

  func genericSetAttr(_ o: PyObject, _ t: PyType, _ name: PyStr, _ value: Value?) throws(PyException) {
    if let d = t.lookup(name), case .object(let dobj) = d, isDataDescriptor(dobj) {
      try callDescriptorSet(dobj, instance: .object(o), owner: t, name: name, value: value)
      return
    }
    // Functions get their __dict__ on first use (fn.attr = value).
    if o.dict == nil, o.kind == .function, value != nil { o.dict = PyDict() }
    if let dict = o.dict {
      if let v = value {
        dict.setStr(name, v)
      } else if dict.removeStr(name) == nil {
        throw attributeError(.object(o), name)
      }
      return
    }
    if o.kind == .module, let m = o as? PyModule {
      if let v = value { m.attributes.setStr(name, v) } else { m.attributes.removeStr(name) }
      return
    }
    if value == nil, t.lookup(name) == nil {
      throw attributeError(.object(o), name)
    }
    if t.isHeapType && t.slotCount > 0 {
      throw PyException.attributeError("'\(t.name)' object has no attribute '\(name.value)'")
    }
    if t.lookup(name) != nil {
      throw PyException.attributeError("'\(t.name)' object attribute '\(name.value)' is read-only")
    }
    throw PyException.attributeError(
      "'\(t.name)' object has no attribute '\(name.value)' and no __dict__ for setting new attributes")
  }

  func callDescriptorSet(_ dobj: PyObject, instance: Value, owner: PyType, name: PyStr, value: Value?) throws(PyException) {
    if let p = dobj as? PyProperty {
      if let v = value {
        if p.fset.isNone {
          throw PyException.attributeError("property \(try propertyName(p)) of '\(owner.name)' object has no setter")
        }
        _ = try call(p.fset, instance, v)
      } else {
        if p.fdel.isNone {
          throw PyException.attributeError("property \(try propertyName(p)) of '\(owner.name)' object has no deleter")
        }
        _ = try call(p.fdel, instance)
      }
      return
    }
    if let gs = dobj as? PyGetSetDescriptor {
      guard let setter = gs.setter else {
        throw PyException.attributeError("attribute '\(gs.name)' of '\(owner.name)' objects is not writable")
      }
      try setter(self, instance, value)
      return
    }
    if let sd = dobj as? PySlotDescriptor, case .object(let io) = instance, let inst = io as? PyInstance {
      if value == nil && inst.slots[sd.index] == nil {
        throw PyException.attributeError("'\(owner.name)' object has no attribute '\(sd.name)'")
      }
      inst.slots[sd.index] = value
      return
    }
    if let v = value {
      guard let set = dobj.type.lookup(names.__set__) else {
        throw PyException.attributeError("__set__")
      }
      _ = try callMethodValue(set, .object(dobj), instance, v)
    } else {
      guard let del = dobj.type.lookup(names.__delete__) else {
        throw PyException.attributeError("__delete__")
      }
      _ = try callMethodValue(del, .object(dobj), instance)
    }
  }

  func typeSetAttr(_ t: PyType, _ name: PyStr, _ value: Value?) throws(PyException) {
    let meta = t.type!
    if let d = meta.lookup(name), case .object(let dobj) = d, isDataDescriptor(dobj) {
      try callDescriptorSet(dobj, instance: .object(t), owner: meta, name: name, value: value)
      return
    }
    if !t.isHeapType {
      throw PyException.typeError(
        "cannot set '\(name.value)' attribute of immutable type '\(t.name)'")
    }
    if let v = value {
      t.attributes.setStr(name, v)
    } else if t.attributes.removeStr(name) == nil {
      throw attributeError(.object(t), name)
    }
    t.noteAttributeChanged(name)
  }

  func delAttr(_ obj: Value, _ name: PyStr) throws(PyException) {
    guard case .object(let o) = obj else { throw attributeError(obj, name) }
    if let t = o as? PyType, o.kind == .type {
      try typeSetAttr(t, name, nil)
      return
    }
    let t = o.type!
    if t.hasCustomSetAttr, let da = t.lookup(names.__delattr__), t.lookup(names.__delattr__) != nil,
       !(da.asObject === BuiltinsCore.objectDelAttr) {
      _ = try callMethodValue(da, obj, .object(name))
      return
    }
    try genericSetAttr(o, t, name, nil)
  }
}

