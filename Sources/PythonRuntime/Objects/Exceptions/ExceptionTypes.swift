/// Methods and attributes of `BaseException` and the builtin exceptions
/// with extra fields.
enum ExceptionTypes {
  static func install() {
    let t = PyType.baseException!
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard args.count >= 1, let cls = args[0].asType else {
        throw PyException.typeError("BaseException.__new__(X): X is not a type object")
      }
      guard cls.isExceptionType else {
        throw PyException.typeError("BaseException.__new__(\(cls.name)): \(cls.name) is not a subtype of BaseException")
      }
      let e = PyException(type: cls, args: PyTuple.make(Array(args.positional.dropFirst())))
      return .object(e)
    }
    t.method("__init__") { _, args throws(PyException) in
      guard let e = args[0].asException else { return .none }
      if args.hasKeywords && e.type === PyType.baseException {
        throw PyException.typeError("BaseException() takes no keyword arguments")
      }
      e.args = PyTuple.make(Array(args.positional.dropFirst()))
      return .none
    }
    t.method("__str__") { ts, args throws(PyException) in
      Value(try ts.exceptionMessage(args[0].asException!))
    }
    BuiltinsCore.exceptionStr = t.attributes.getStr(names.__str__)!.asObject
    t.method("__repr__") { ts, args throws(PyException) in
      let e = args[0].asException!
      let name = e.type.name
      if e.args.count == 1 { return Value("\(name)(\(try ts.repr(e.args.items[0])))") }
      return Value(name + (try ts.repr(.object(e.args))))
    }
    t.getter("args", { _, v throws(PyException) in .object(v.asException!.args) }, set: { ts, v, nv throws(PyException) in
      guard let nv else { throw PyException.typeError("args may not be deleted") }
      v.asException!.args = PyTuple.make(try ts.collect(nv))
    })
    t.getter("__traceback__", { _, v throws(PyException) in
      v.asException!.traceback.map { .object($0) } ?? .none
    }, set: { _, v, nv throws(PyException) in
      guard let nv else { throw PyException.typeError("__traceback__ may not be deleted") }
      if nv.isNone {
        v.asException!.traceback = nil
      } else if case .object(let o) = nv, let tb = o as? PyTraceback {
        v.asException!.traceback = tb
      } else {
        throw PyException.typeError("__traceback__ must be a traceback or None")
      }
    })
    t.getter("__cause__", { _, v throws(PyException) in v.asException!.cause }, set: { _, v, nv throws(PyException) in
      guard let nv, nv.isNone || nv.asException != nil else {
        throw PyException.typeError("exception cause must be None or derive from BaseException")
      }
      v.asException!.cause = nv
      v.asException!.suppressContext = true
    })
    t.getter("__context__", { _, v throws(PyException) in v.asException!.context }, set: { _, v, nv throws(PyException) in
      guard let nv, nv.isNone || nv.asException != nil else {
        throw PyException.typeError("exception context must be None or derive from BaseException")
      }
      v.asException!.context = nv
    })
    t.getter("__suppress_context__", { _, v throws(PyException) in .bool(v.asException!.suppressContext) },
             set: { ts, v, nv throws(PyException) in v.asException!.suppressContext = try ts.isTrue(nv ?? .bool(false)) })
    t.method("with_traceback") { _, args throws(PyException) in
      let e = args[0].asException!
      if args.count > 1, case .object(let o) = args[1], let tb = o as? PyTraceback { e.traceback = tb } else { e.traceback = nil }
      return args[0]
    }
    t.method("add_note") { _, args throws(PyException) in
      guard args.count == 2, let note = args[1].asStr else {
        throw PyException.typeError("note must be a str, not '\(args.count > 1 ? args[1].type.name : "NoneType")'")
      }
      let e = args[0].asException!
      if let notes = e.attribute("__notes__")?.asList {
        notes.items.append(.object(note))
      } else {
        e.setAttribute("__notes__", .object(PyList([.object(note)])))
      }
      return .none
    }
    t.method("__reduce__") { _, args throws(PyException) in
      let e = args[0].asException!
      if let d = e.dict, d.count > 0 { return .object(PyTuple([.object(e.type), .object(e.args), .object(d)])) }
      return .object(PyTuple([.object(e.type), .object(e.args)]))
    }
    t.method("__setstate__") { ts, args throws(PyException) in
      guard let e = args[0].asException, args.count > 1, let d = args[1].asDict else { return .none }
      for (k, v) in d.storageItems() { if let ks = k.asStr { e.setAttribute(ks.value, v) } }
      _ = ts
      return .none
    }

    // StopIteration.value
    PyType.stopIteration.getter("value") { _, v throws(PyException) in
      let e = v.asException!
      if let val = e.attribute("value") { return val }
      return e.args.count > 0 ? e.args.items[0] : .none
    }
    // SystemExit.code
    PyType.systemExit.getter("code") { _, v throws(PyException) in
      let e = v.asException!
      if let val = e.attribute("code") { return val }
      switch e.args.count {
      case 0: return .none
      case 1: return e.args.items[0]
      default: return .object(e.args)
      }
    }
    // Attributes set from keyword arguments or defaulting to None.
    installKeywordInit(PyType.attributeError, ["name", "obj"])
    installKeywordInit(PyType.nameError, ["name"])
    installKeywordInit(PyType.importError, ["name", "path"])
    PyType.importError.getter("msg") { ts, v throws(PyException) in
      let e = v.asException!
      return e.args.count > 0 ? e.args.items[0] : .none
    }
    for (n, t) in [("errno", 0), ("strerror", 1), ("filename", 2)] {
      PyType.osError.getter(n) { _, v throws(PyException) in
        let e = v.asException!
        if let a = e.attribute(n) { return a }
        if e.args.count >= 2 && t < e.args.count { return e.args.items[t] }
        return .none
      }
    }
    let se = PyType.syntaxError!
    se.method("__init__") { ts, args throws(PyException) in
      let e = args[0].asException!
      e.args = PyTuple.make(Array(args.positional.dropFirst()))
      if e.args.count >= 1 { e.setAttribute("msg", e.args.items[0]) }
      if e.args.count == 2, let details = e.args.items[1].asTuple, details.count >= 4 {
        let keys = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"]
        for (i, k) in keys.enumerated() where i < details.count { e.setAttribute(k, details.items[i]) }
      }
      _ = ts
      return .none
    }
    for n in ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"] {
      se.getter(n, { _, v throws(PyException) in v.asException!.attribute(n) ?? .none }, set: { _, v, nv throws(PyException) in
        v.asException!.setAttribute(n, nv ?? .none)
      })
    }
    installDirectCalls()
    ExceptionGroupTypes.install()
  }

  /// Calling an exact builtin exception type builds the instance directly
  /// (no `__new__`/`__init__` lookups); subclasses use the full protocol.
  static func installDirectCalls() {
    let special: Set<ObjectIdentifier> = [PyType.attributeError, PyType.nameError, PyType.importError,
                                          PyType.moduleNotFoundError, PyType.syntaxError, PyType.indentationError,
                                          PyType.tabError, PyType.baseExceptionGroup, PyType.exceptionGroup,
                                          PyType.unboundLocalError].map { ObjectIdentifier($0) }.reduce(into: []) { $0.insert($1) }
    for (_, t) in PyType.exceptionTypes where !special.contains(ObjectIdentifier(t)) {
      t.directCall = { _, cls, args throws(PyException) in
        if args.hasKeywords { throw PyException.typeError("\(cls.name)() takes no keyword arguments") }
        return .object(PyException(type: cls, args: PyTuple.make(Array(args.positional))))
      }
    }
  }

  /// Lets `Error(msg, name=..., obj=...)` set the given attributes.
  private static func installKeywordInit(_ t: PyType, _ attrs: [String]) {
    t.method("__init__") { _, args throws(PyException) in
      let e = args[0].asException!
      e.args = PyTuple.make(Array(args.positional.dropFirst()))
      for (k, v) in args.keywords {
        guard attrs.contains(k.value) else {
          throw PyException.typeError("\(t.name)() got an unexpected keyword argument '\(k.value)'")
        }
        e.setAttribute(k.value, v)
      }
      return .none
    }
    for a in attrs {
      t.getter(a, { _, v throws(PyException) in v.asException!.attribute(a) ?? .none }, set: { _, v, nv throws(PyException) in
        v.asException!.setAttribute(a, nv ?? .none)
      })
    }
  }
}
