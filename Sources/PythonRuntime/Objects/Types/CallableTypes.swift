/// Functions, methods, descriptors, code, frames and generators.
enum CallableTypes {
  static func install() {
    installFunction()
    installBuiltinFunction()
    installMethods()
    installDescriptors()
    installCodeAndFrames()
    installGenerator()
    installSuper()
  }

  private static func fn(_ v: Value) -> PyFunction { unsafeDowncast(v.asObject!, to: PyFunction.self) }

  private static func installFunction() {
    let t = PyType.function!
    t.method("__repr__") { ts, args throws(PyException) in
      Value("<function \(fn(args[0]).qualname) at \(ts.hexAddress(args[0].asObject!))>")
    }
    t.method("__get__") { _, args throws(PyException) in
      if args.count < 2 || args[1].isNone { return args[0] }
      return .object(PyBoundMethod(function: args[0], selfValue: args[1]))
    }
    t.method("__call__") { ts, args throws(PyException) in try ts.call(args[0], args.droppingFirst) }
    t.getter("__name__", { _, v throws(PyException) in Value(fn(v).name) }, set: { _, v, nv throws(PyException) in
      guard let s = nv?.asStr else { throw PyException.typeError("__name__ must be set to a string object") }
      fn(v).name = s.value
    })
    t.getter("__qualname__", { _, v throws(PyException) in Value(fn(v).qualname) }, set: { _, v, nv throws(PyException) in
      guard let s = nv?.asStr else { throw PyException.typeError("__qualname__ must be set to a string object") }
      fn(v).qualname = s.value
    })
    t.getter("__doc__", { _, v throws(PyException) in fn(v).doc }, set: { _, v, nv throws(PyException) in fn(v).doc = nv ?? .none })
    t.getter("__module__", { _, v throws(PyException) in fn(v).module }, set: { _, v, nv throws(PyException) in fn(v).module = nv ?? .none })
    t.getter("__defaults__", { _, v throws(PyException) in
      let d = fn(v).defaults
      return d.isEmpty ? .none : .object(PyTuple(d))
    }, set: { ts, v, nv throws(PyException) in
      fn(v).defaults = (nv == nil || nv!.isNone) ? [] : try ts.collect(nv!)
    })
    t.getter("__kwdefaults__", { _, v throws(PyException) in fn(v).kwdefaults.map { .object($0) } ?? .none },
             set: { _, v, nv throws(PyException) in fn(v).kwdefaults = nv?.asDict })
    t.getter("__code__", { _, v throws(PyException) in .object(fn(v).code) }, set: { _, v, nv throws(PyException) in
      guard case .object(let o)? = nv, let c = o as? CodeObject else {
        throw PyException.typeError("__code__ must be set to a code object")
      }
      fn(v).code = c
    })
    t.getter("__globals__") { _, v throws(PyException) in .object(fn(v).globals) }
    t.getter("__builtins__") { _, v throws(PyException) in .object(fn(v).builtins) }
    t.getter("__closure__") { _, v throws(PyException) in
      let c = fn(v).closure
      return c.isEmpty ? .none : .object(PyTuple(c.map { .object($0) }))
    }
    t.getter("__annotations__", { _, v throws(PyException) in
      let f = fn(v)
      if f.annotations == nil { f.annotations = PyDict() }
      return .object(f.annotations!)
    }, set: { _, v, nv throws(PyException) in fn(v).annotations = nv?.asDict })
    t.getter("__type_params__") { _, _ throws(PyException) in .object(PyTuple.empty) }
    t.getter("__dict__", { _, v throws(PyException) in
      let f = fn(v)
      if f.dict == nil { f.dict = PyDict() }
      return .object(f.dict!)
    }, set: { _, v, nv throws(PyException) in
      guard let d = nv?.asDict else { throw PyException.typeError("__dict__ must be set to a dictionary") }
      fn(v).dict = d
    })
  }

  private static func installBuiltinFunction() {
    let t = PyType.builtinFunction!
    t.method("__repr__") { ts, args throws(PyException) in
      let f = unsafeDowncast(args[0].asObject!, to: PyBuiltinFunction.self)
      if case .object(let so) = f.selfObject, !(so is PyModule) {
        return Value("<built-in method \(f.name) of \(so.type.name) object at \(ts.hexAddress(so))>")
      }
      return Value("<built-in function \(f.name)>")
    }
    t.method("__call__") { ts, args throws(PyException) in try ts.call(args[0], args.droppingFirst) }
    t.getter("__name__") { _, v throws(PyException) in Value(unsafeDowncast(v.asObject!, to: PyBuiltinFunction.self).name) }
    t.getter("__qualname__") { _, v throws(PyException) in Value(unsafeDowncast(v.asObject!, to: PyBuiltinFunction.self).qualname) }
    t.getter("__doc__") { _, v throws(PyException) in
      unsafeDowncast(v.asObject!, to: PyBuiltinFunction.self).doc.map { Value($0) } ?? .none
    }
    t.getter("__self__") { _, v throws(PyException) in unsafeDowncast(v.asObject!, to: PyBuiltinFunction.self).selfObject }
    t.getter("__module__") { _, v throws(PyException) in
      let f = unsafeDowncast(v.asObject!, to: PyBuiltinFunction.self)
      if case .object(let o) = f.selfObject, let m = o as? PyModule { return Value(m.name) }
      return .none
    }

    let md = PyType.methodDescriptor!
    md.method("__repr__") { _, args throws(PyException) in
      let d = unsafeDowncast(args[0].asObject!, to: PyMethodDescriptor.self)
      return Value("<method '\(d.name)' of '\(d.owner.name)' objects>")
    }
    md.method("__get__") { _, args throws(PyException) in
      if args.count < 2 || args[1].isNone { return args[0] }
      return .object(PyBoundMethod(function: args[0], selfValue: args[1]))
    }
    md.method("__call__") { ts, args throws(PyException) in try ts.call(args[0], args.droppingFirst) }
    md.getter("__name__") { _, v throws(PyException) in Value(unsafeDowncast(v.asObject!, to: PyMethodDescriptor.self).name) }
    md.getter("__qualname__") { _, v throws(PyException) in
      let d = unsafeDowncast(v.asObject!, to: PyMethodDescriptor.self)
      return Value("\(d.owner.name).\(d.name)")
    }
    md.getter("__objclass__") { _, v throws(PyException) in .object(unsafeDowncast(v.asObject!, to: PyMethodDescriptor.self).owner) }
    md.getter("__doc__") { _, v throws(PyException) in
      unsafeDowncast(v.asObject!, to: PyMethodDescriptor.self).doc.map { Value($0) } ?? .none
    }

    let cmd = PyType.classMethodDescriptor!
    cmd.method("__repr__") { _, args throws(PyException) in
      let d = args[0].asObject as! PyClassMethodDescriptor
      return Value("<method '\(d.name)' of '\(d.owner.name)' objects>")
    }
    cmd.getter("__name__") { _, v throws(PyException) in Value((v.asObject as! PyClassMethodDescriptor).name) }

    let gs = PyType.getSetDescriptor!
    gs.method("__repr__") { _, args throws(PyException) in
      let d = args[0].asObject as! PyGetSetDescriptor
      return Value("<attribute '\(d.name)' of '\(d.owner.name)' objects>")
    }
    gs.method("__get__") { ts, args throws(PyException) in
      let d = args[0].asObject as! PyGetSetDescriptor
      if args.count < 2 || args[1].isNone { return args[0] }
      return try d.getter(ts, args[1])
    }
    gs.method("__set__") { ts, args throws(PyException) in
      let d = args[0].asObject as! PyGetSetDescriptor
      guard let s = d.setter else { throw PyException.attributeError("attribute '\(d.name)' of '\(d.owner.name)' objects is not writable") }
      try s(ts, args[1], args[2])
      return .none
    }
    gs.getter("__name__") { _, v throws(PyException) in Value((v.asObject as! PyGetSetDescriptor).name) }

    let mem = PyType.memberDescriptor!
    mem.method("__repr__") { _, args throws(PyException) in
      let d = args[0].asObject as! PySlotDescriptor
      return Value("<member '\(d.name)' of '\(d.owner.name)' objects>")
    }
    mem.method("__get__") { ts, args throws(PyException) in
      if args.count < 2 || args[1].isNone { return args[0] }
      return try ts.callDescriptorGet(args[0], args[0].asObject!, instance: args[1], owner: args[1].type)
    }
    mem.method("__set__") { ts, args throws(PyException) in
      try ts.callDescriptorSet(args[0].asObject!, instance: args[1], owner: args[1].type,
                               name: intern((args[0].asObject as! PySlotDescriptor).name), value: args[2])
      return .none
    }
  }

  private static func installMethods() {
    let t = PyType.method!
    func m(_ v: Value) -> PyBoundMethod { unsafeDowncast(v.asObject!, to: PyBoundMethod.self) }
    // types.MethodType(function, instance)
    t.directCall = { ts, _, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("method() takes no keyword arguments") }
      guard args.count == 2 else { throw PyException.typeError("method expected 2 arguments, got \(args.count)") }
      guard ts.isCallable(args[0]) else { throw PyException.typeError("first argument must be callable") }
      if args[1].isNone { throw PyException.typeError("instance must not be None") }
      return .object(PyBoundMethod(function: args[0], selfValue: args[1]))
    }
    t.method("__repr__") { ts, args throws(PyException) in
      let bm = m(args[0])
      let name = try ts.lookupAttrOptional(bm.function, names.__qualname__).flatMap { $0.asStr?.value } ?? "?"
      if case .object(let fo) = bm.function, fo is PyMethodDescriptor || fo is PyClassMethodDescriptor {
        let short = try ts.lookupAttrOptional(bm.function, names.__name__).flatMap { $0.asStr?.value } ?? "?"
        if let t = bm.selfValue.asType, fo is PyClassMethodDescriptor {
          return Value("<built-in method \(short) of type object at \(ts.hexAddress(t))>")
        }
        return Value("<built-in method \(short) of \(bm.selfValue.type.name) object at \(bm.selfValue.asObject.map { ts.hexAddress($0) } ?? "0x0")>")
      }
      return Value("<bound method \(name) of \(try ts.repr(bm.selfValue))>")
    }
    t.method("__call__") { ts, args throws(PyException) in try ts.call(args[0], args.droppingFirst) }
    t.getter("__func__") { _, v throws(PyException) in m(v).function }
    t.getter("__self__") { _, v throws(PyException) in m(v).selfValue }
    t.getter("__name__") { ts, v throws(PyException) in try ts.getAttr(m(v).function, names.__name__) }
    t.getter("__qualname__") { ts, v throws(PyException) in try ts.getAttr(m(v).function, names.__qualname__) }
    t.getter("__doc__") { ts, v throws(PyException) in try ts.lookupAttrOptional(m(v).function, names.__doc__) ?? .none }
    t.getter("__module__") { ts, v throws(PyException) in try ts.lookupAttrOptional(m(v).function, names.__module__) ?? .none }
    t.getter("__wrapped__") { ts, v throws(PyException) in try ts.getAttr(m(v).function, names.__wrapped__) }
    t.method("__eq__") { ts, args throws(PyException) in
      guard case .object(let o) = args[1], let other = o as? PyBoundMethod else { return .notImplemented }
      let a = m(args[0])
      return .bool(a.function.isIdentical(to: other.function) && a.selfValue.isIdentical(to: other.selfValue))
    }
    t.method("__hash__") { ts, args throws(PyException) in
      let a = m(args[0])
      return .int(Hashing.identity(a.function.asObject!) ^ (try ts.hash(a.selfValue)))
    }
    t.method("__reduce__") { ts, args throws(PyException) in
      let a = m(args[0])
      let name = try ts.getAttr(a.function, names.__name__)
      let getattrFn = ts.interp.builtins.getStr(intern("getattr")) ?? .none
      return .object(PyTuple([getattrFn, .object(PyTuple([a.selfValue, name]))]))
    }
  }

  private static func installDescriptors() {
    let sm = PyType.staticmethod!
    sm.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType, args.count == 2 else {
        throw PyException.typeError("staticmethod expected 1 argument, got \(args.count - 1)")
      }
      return .object(PyStaticMethod(args[1], type: cls))
    }
    sm.method("__init__") { _, _ throws(PyException) in .none }
    sm.method("__get__") { _, args throws(PyException) in (args[0].asObject as! PyStaticMethod).function }
    sm.getter("__func__") { _, v throws(PyException) in (v.asObject as! PyStaticMethod).function }
    sm.getter("__wrapped__") { _, v throws(PyException) in (v.asObject as! PyStaticMethod).function }
    sm.getter("__isabstractmethod__") { ts, v throws(PyException) in
      try ts.lookupAttrOptional((v.asObject as! PyStaticMethod).function, names.__isabstractmethod__) ?? .bool(false)
    }
    sm.method("__call__") { ts, args throws(PyException) in
      try ts.call((args[0].asObject as! PyStaticMethod).function, args.droppingFirst)
    }
    sm.method("__repr__") { ts, args throws(PyException) in
      Value("<staticmethod(\(try ts.repr((args[0].asObject as! PyStaticMethod).function)))>")
    }

    let cm = PyType.classmethod!
    cm.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType, args.count == 2 else {
        throw PyException.typeError("classmethod expected 1 argument, got \(args.count - 1)")
      }
      return .object(PyClassMethod(args[1], type: cls))
    }
    cm.method("__init__") { _, _ throws(PyException) in .none }
    cm.method("__get__") { _, args throws(PyException) in
      let c = args[0].asObject as! PyClassMethod
      let owner: Value = args.count > 2 && !args[2].isNone ? args[2] : .object(args[1].type)
      return .object(PyBoundMethod(function: c.function, selfValue: owner))
    }
    cm.getter("__func__") { _, v throws(PyException) in (v.asObject as! PyClassMethod).function }
    cm.getter("__wrapped__") { _, v throws(PyException) in (v.asObject as! PyClassMethod).function }
    cm.getter("__isabstractmethod__") { ts, v throws(PyException) in
      try ts.lookupAttrOptional((v.asObject as! PyClassMethod).function, names.__isabstractmethod__) ?? .bool(false)
    }
    cm.method("__repr__") { ts, args throws(PyException) in
      Value("<classmethod(\(try ts.repr((args[0].asObject as! PyClassMethod).function)))>")
    }

    let p = PyType.property!
    func prop(_ v: Value) -> PyProperty { v.asObject as! PyProperty }
    p.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("property.__new__(X): X is not a type") }
      return .object(PyProperty(fget: .none, fset: .none, fdel: .none, doc: .none, type: cls))
    }
    p.method("__init__") { ts, args throws(PyException) in
      let a = try ArgList(args, "property", ["fget", "fset", "fdel", "doc"], skipSelf: true)
      let pr = prop(args[0])
      pr.fget = a[0] ?? .none
      pr.fset = a[1] ?? .none
      pr.fdel = a[2] ?? .none
      var doc = a[3] ?? .none
      if doc.isNone, !pr.fget.isNone { doc = try ts.lookupAttrOptional(pr.fget, names.__doc__) ?? .none }
      pr.doc = doc
      return .none
    }
    p.method("__get__") { ts, args throws(PyException) in
      if args.count < 2 || args[1].isNone { return args[0] }
      return try ts.callDescriptorGet(args[0], args[0].asObject!, instance: args[1], owner: args[1].type)
    }
    p.method("__set__") { ts, args throws(PyException) in
      try ts.callDescriptorSet(args[0].asObject!, instance: args[1], owner: args[1].type, name: names.empty, value: args[2])
      return .none
    }
    p.method("__delete__") { ts, args throws(PyException) in
      try ts.callDescriptorSet(args[0].asObject!, instance: args[1], owner: args[1].type, name: names.empty, value: nil)
      return .none
    }
    p.method("__set_name__") { _, args throws(PyException) in
      prop(args[0]).name = args[2]
      return .none
    }
    func copy(_ pr: PyProperty, fget: Value? = nil, fset: Value? = nil, fdel: Value? = nil) -> Value {
      let n = PyProperty(fget: fget ?? pr.fget, fset: fset ?? pr.fset, fdel: fdel ?? pr.fdel, doc: pr.doc, type: pr.type)
      n.name = pr.name
      return .object(n)
    }
    p.method("getter") { _, args throws(PyException) in copy(prop(args[0]), fget: args[1]) }
    p.method("setter") { _, args throws(PyException) in copy(prop(args[0]), fset: args[1]) }
    p.method("deleter") { _, args throws(PyException) in copy(prop(args[0]), fdel: args[1]) }
    p.getter("fget") { _, v throws(PyException) in prop(v).fget }
    p.getter("fset") { _, v throws(PyException) in prop(v).fset }
    p.getter("fdel") { _, v throws(PyException) in prop(v).fdel }
    p.getter("__doc__", { _, v throws(PyException) in prop(v).doc }, set: { _, v, nv throws(PyException) in prop(v).doc = nv ?? .none })
    p.getter("__isabstractmethod__") { ts, v throws(PyException) in
      try ts.lookupAttrOptional(prop(v).fget, names.__isabstractmethod__) ?? .bool(false)
    }
  }

  private static func installCodeAndFrames() {
    let c = PyType.code!
    func code(_ v: Value) -> CodeObject { v.asObject as! CodeObject }
    c.getter("co_name") { _, v throws(PyException) in Value(code(v).name) }
    c.getter("co_qualname") { _, v throws(PyException) in Value(code(v).qualname) }
    c.getter("co_filename") { _, v throws(PyException) in Value(code(v).filename) }
    c.getter("co_firstlineno") { _, v throws(PyException) in .int(code(v).firstLine) }
    c.getter("co_argcount") { _, v throws(PyException) in .int(code(v).argcount) }
    c.getter("co_posonlyargcount") { _, v throws(PyException) in .int(code(v).posonlyargcount) }
    c.getter("co_kwonlyargcount") { _, v throws(PyException) in .int(code(v).kwonlyargcount) }
    c.getter("co_nlocals") { _, v throws(PyException) in .int(code(v).varnames.count) }
    c.getter("co_flags") { _, v throws(PyException) in .int(Int(code(v).flags.rawValue & 0xFFFF)) }
    c.getter("co_varnames") { _, v throws(PyException) in .object(PyTuple(code(v).varnames.map { .object($0) })) }
    c.getter("co_cellvars") { _, v throws(PyException) in .object(PyTuple(code(v).cellvars.map { .object($0) })) }
    c.getter("co_freevars") { _, v throws(PyException) in .object(PyTuple(code(v).freevars.map { .object($0) })) }
    c.getter("co_names") { _, v throws(PyException) in .object(PyTuple(code(v).names.map { .object($0) })) }
    c.getter("co_consts") { _, v throws(PyException) in .object(PyTuple(Array(code(v).constants))) }
    c.method("__repr__") { ts, args throws(PyException) in
      let co = code(args[0])
      return Value("<code object \(co.name) at \(ts.hexAddress(co)), file \"\(co.filename)\", line \(co.firstLine)>")
    }

    let cell = PyType.cell!
    cell.getter("cell_contents", { _, v throws(PyException) in
      guard let x = (v.asObject as! PyCell).contents else { throw PyException.valueError("Cell is empty") }
      return x
    }, set: { _, v, nv throws(PyException) in (v.asObject as! PyCell).contents = nv })
    cell.method("__repr__") { ts, args throws(PyException) in
      let ce = args[0].asObject as! PyCell
      if let x = ce.contents, case .object(let o) = x {
        return Value("<cell at \(ts.hexAddress(ce)): \(o.type.name) object at \(ts.hexAddress(o))>")
      }
      return Value("<cell at \(ts.hexAddress(ce)): empty>")
    }

    let f = PyType.frame!
    func fr(_ v: Value) -> Frame { v.asObject as! Frame }
    f.getter("f_locals") { _, v throws(PyException) in .object(fr(v).localsSnapshot()) }
    f.getter("f_globals") { _, v throws(PyException) in .object(fr(v).globals) }
    f.getter("f_builtins") { _, v throws(PyException) in .object(fr(v).builtins) }
    f.getter("f_code") { _, v throws(PyException) in .object(fr(v).code) }
    f.getter("f_lineno") { _, v throws(PyException) in .int(fr(v).line) }
    f.getter("f_lasti") { _, v throws(PyException) in .int(fr(v).lasti * 2) }
    f.getter("f_back") { _, v throws(PyException) in fr(v).back.map { .object($0) } ?? .none }
    f.method("__repr__") { ts, args throws(PyException) in
      let x = fr(args[0])
      return Value("<frame at \(ts.hexAddress(x)), file '\(x.code.filename)', line \(x.line), code \(x.code.name)>")
    }

    let tb = PyType.traceback!
    func t(_ v: Value) -> PyTraceback { v.asObject as! PyTraceback }
    tb.getter("tb_frame") { _, v throws(PyException) in .object(t(v).frame) }
    tb.getter("tb_lineno") { _, v throws(PyException) in .int(t(v).lineno) }
    tb.getter("tb_lasti") { _, v throws(PyException) in .int(t(v).lasti * 2) }
    tb.getter("tb_next") { _, v throws(PyException) in t(v).next.map { .object($0) } ?? .none }
  }

  private static func installGenerator() {
    for t in [PyType.generator!, PyType.coroutine!, PyType.asyncGenerator!] {
      func g(_ v: Value) -> PyGenerator { unsafeDowncast(v.asObject!, to: PyGenerator.self) }
      t.method("__iter__") { _, args throws(PyException) in args[0] }
      t.method("__next__") { ts, args throws(PyException) in
        switch try g(args[0]).resume(ts, sent: .none) {
        case .yielded(let v): return v
        case .returned(let r): throw PyException.stopIteration(r.isNone ? nil : r)
        }
      }
      t.method("send") { ts, args throws(PyException) in
        try args.expect("send", 1)
        switch try g(args[0]).resume(ts, sent: args[1]) {
        case .yielded(let v): return v
        case .returned(let r): throw PyException.stopIteration(r.isNone ? nil : r)
        }
      }
      t.method("throw") { ts, args throws(PyException) in
        guard args.count >= 2 else { throw PyException.typeError("throw expected at least 1 argument, got 0") }
        var exc = try ts.instantiateException(args[1], what: "exceptions must be classes or instances deriving from BaseException, not \(args[1].type.name)")
        if args.count >= 3, !args[2].isNone, args[1].asType != nil {
          exc = try ts.instantiateException(try ts.call(args[1], args[2]), what: "bad value")
        }
        switch try g(args[0]).resume(ts, sent: .none, throwing: exc) {
        case .yielded(let v): return v
        case .returned(let r): throw PyException.stopIteration(r.isNone ? nil : r)
        }
      }
      t.method("close") { ts, args throws(PyException) in
        try g(args[0]).close(ts)
        return .none
      }
      t.method("__repr__") { ts, args throws(PyException) in
        let gen = g(args[0])
        return Value("<\(gen.type.name) object \(gen.qualname) at \(ts.hexAddress(gen))>")
      }
      t.getter("__name__") { _, v throws(PyException) in Value(g(v).name) }
      t.getter("__qualname__") { _, v throws(PyException) in Value(g(v).qualname) }
      t.getter("gi_running") { _, v throws(PyException) in .bool(g(v).running) }
      t.getter("gi_frame") { _, v throws(PyException) in .object(g(v).frame) }
      t.getter("gi_code") { _, v throws(PyException) in .object(g(v).frame.code) }
      t.getter("gi_suspended") { _, v throws(PyException) in .bool(g(v).frame.suspended && !g(v).running) }
      if t === PyType.coroutine {
        t.method("__await__") { _, args throws(PyException) in args[0] }
      }
    }
  }

  private static func installSuper() {
    let s = PyType.superType!
    s.staticMethod("__new__") { ts, args throws(PyException) in
      try ts.makeSuper(args.droppingFirst)
    }
    s.method("__init__") { _, _ throws(PyException) in .none }
    s.method("__repr__") { ts, args throws(PyException) in
      let sp = args[0].asObject as! PySuper
      if let ot = sp.objType {
        return Value("<super: <class '\(sp.thisType.name)'>, <\(ot.name) object>>")
      }
      return Value("<super: <class '\(sp.thisType.name)'>, NULL>")
    }
    s.getter("__thisclass__") { _, v throws(PyException) in .object((v.asObject as! PySuper).thisType) }
    s.getter("__self__") { _, v throws(PyException) in (v.asObject as! PySuper).obj }
    s.getter("__self_class__") { _, v throws(PyException) in (v.asObject as! PySuper).objType.map { .object($0) } ?? .none }
  }
}
