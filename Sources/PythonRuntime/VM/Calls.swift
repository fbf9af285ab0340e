/// Calling: Python functions (frame set-up and argument binding with
/// CPython's error messages), builtins, bound methods, classes and objects
/// with `__call__`.
extension ThreadState {
  func call(_ callable: Value, _ args: Args) throws(PyException) -> Value {
    guard case .object(let o) = callable else {
      throw PyException.typeError("'\(callable.type.name)' object is not callable")
    }
    switch o.kind {
    case .function:
      return try callFunction(unsafeDowncast(o, to: PyFunction.self), args)
    case .builtinFunction:
      return try unsafeDowncast(o, to: PyBuiltinFunction.self).fn(self, args)
    case .methodDescriptor:
      let d = unsafeDowncast(o, to: PyMethodDescriptor.self)
      guard args.count >= 1 else {
        throw PyException.typeError("unbound method \(d.owner.name).\(d.name)() needs an argument")
      }
      try checkDescriptorSelf(d.name, d.owner, args[0])
      return try d.fn(self, args)
    case .boundMethod:
      let m = unsafeDowncast(o, to: PyBoundMethod.self)
      return try callPrepending(m.function, m.selfValue, args)
    case .type:
      return try callType(unsafeDowncast(o, to: PyType.self), args)
    default:
      if let cm = o as? PyClassMethodDescriptor {
        guard args.count >= 1, let t = args[0].asType else {
          throw PyException.typeError("descriptor '\(cm.name)' of '\(cm.owner.name)' object needs an argument")
        }
        _ = t
        return try cm.fn(self, args)
      }
      if let t = o as? PyType { return try callType(t, args) }
      guard let m = o.type.lookup(names.__call__) else {
        throw PyException.typeError("'\(o.type.name)' object is not callable")
      }
      return try callPrepending(m, callable, args, unbound: true)
    }
  }

  func checkDescriptorSelf(_ name: String, _ owner: PyType, _ selfValue: Value) throws(PyException) {
    let t = selfValue.type
    if t !== owner && !t.isSubtype(of: owner) {
      throw PyException.typeError(
        "descriptor '\(name)' for '\(owner.name)' objects doesn't apply to a '\(t.name)' object")
    }
  }

  /// Calls `f(first, *args)` without building a bound method.
  func callPrepending(_ f: Value, _ first: Value, _ args: Args, unbound: Bool = false) throws(PyException) -> Value {
    let total = args.count + args.kwCount
    // On the native stack for the usual few arguments (no malloc per call).
    return try withUnsafeTemporaryAllocation(of: Value.self, capacity: total + 1) { (space) throws(PyException) -> Value in
      let buf = space.baseAddress!
      buf.initialize(to: first)
      (buf + 1).copyValues(from: args.base, total)
      defer { buf.releaseValues(total + 1) }
      let newArgs = Args(base: buf, count: args.count + 1, kwnames: args.kwnames)
      if unbound { return try callUnboundMethod(f, newArgs) }
      return try call(f, newArgs)
    }
  }

  /// Calls an attribute found on a type (not yet bound) with `args[0]` as the
  /// instance: functions get it as self, staticmethods drop it,
  /// classmethods get its class.
  func callUnboundMethod(_ m: Value, _ args: Args) throws(PyException) -> Value {
    if case .object(let o) = m {
      switch o.kind {
      case .function, .methodDescriptor, .builtinFunction:
        if o.kind == .builtinFunction { return try call(m, args.droppingFirst) }
        return try call(m, args)
      case .staticMethod:
        return try call(unsafeDowncast(o, to: PyStaticMethod.self).function, args.droppingFirst)
      case .classMethod:
        let f = unsafeDowncast(o, to: PyClassMethod.self).function
        let cls: Value = args[0].asType.map { .object($0) } ?? .object(args[0].type)
        return try callPrepending(f, cls, args.droppingFirst)
      default:
        break
      }
      if o.type.lookup(names.__get__) != nil {
        let bound = try bindDescriptor(m, instance: args[0], owner: .object(args[0].type))
        return try call(bound, args.droppingFirst)
      }
    }
    return try call(m, args.droppingFirst)
  }

  /// Calls a method found by type lookup on `selfValue` with extra arguments.
  func callMethodValue(_ m: Value, _ selfValue: Value, _ rest: Value...) throws(PyException) -> Value {
    try withArgs([selfValue] + rest) { (a) throws(PyException) in try callUnboundMethod(m, a) }
  }

  /// `obj.name(*args)`.
  func callMethod(_ obj: Value, _ name: PyStr, _ args: Value...) throws(PyException) -> Value {
    let (f, s) = try loadMethod(obj, name)
    if case .null = s {
      return try withArgs(args) { (a) throws(PyException) in try call(f, a) }
    }
    return try withArgs([s] + args) { (a) throws(PyException) in try call(f, a) }
  }

  /// `f(*args)` with Swift values.
  func call(_ f: Value, _ args: Value...) throws(PyException) -> Value {
    try withArgs(args) { (a) throws(PyException) in try call(f, a) }
  }

  /// `f(*args, **kwargs)` with Swift values.
  func call(_ f: Value, args: [Value], kwargs: [(String, Value)]) throws(PyException) -> Value {
    if kwargs.isEmpty { return try withArgs(args) { (a) throws(PyException) in try call(f, a) } }
    let all = args + kwargs.map { $0.1 }
    let kwnames = PyTuple(kwargs.map { Value.object(intern($0.0)) })
    return try withArgs(all, kwnames: kwnames) { (a) throws(PyException) in try call(f, a) }
  }

  /// Lends `values` as an `Args` for the duration of `body`.
  @inline(__always)
  func withArgs<R>(_ values: [Value], kwnames: PyTuple? = nil,
                   _ body: (Args) throws(PyException) -> R) throws(PyException) -> R {
    let kw = kwnames?.count ?? 0
    return try values.withUnsafeBufferPointer { (buf) throws(PyException) -> R in
      let base = buf.baseAddress ?? UnsafePointer(bitPattern: 8)!
      return try body(Args(base: base, count: values.count - kw, kwnames: kwnames))
    }
  }

  /// `f(*args, **kwargs)` from the `callFunctionEx` instruction.
  func callEx(_ callable: Value, selfValue: Value, args: Value, kwargs: Value) throws(PyException) -> Value {
    var positional: [Value] = []
    if !selfValue.isNull { positional.append(selfValue) }
    if let t = args.exactTuple {
      positional.append(contentsOf: t.items)
    } else {
      do throws(PyException) {
        positional.append(contentsOf: try collect(args))
      } catch {
        if error.isInstance(of: PyType.typeError), args.type.lookup(names.__iter__) == nil {
          throw PyException.typeError(
            "\(describeCallable(callable)) argument after * must be an iterable, not \(args.type.name)")
        }
        throw error
      }
    }
    if kwargs.isNone { return try withArgs(positional) { (a) throws(PyException) in try call(callable, a) } }
    let kd: PyDict
    if let d = kwargs.asDict {
      kd = d
    } else {
      // A mapping that is not a dict (compiled `f(**m)` passes it as is).
      kd = PyDict()
      try dictMergeForCall(kd, kwargs, refuseDuplicates: true, callable: callable)
    }
    if kd.count == 0 { return try withArgs(positional) { (a) throws(PyException) in try call(callable, a) } }
    var names: [Value] = []
    for (k, v) in kd.storageItems() {
      guard k.asStr != nil else { throw PyException.typeError("keywords must be strings") }
      names.append(k)
      positional.append(v)
    }
    return try withArgs(positional, kwnames: PyTuple(names)) { (a) throws(PyException) in try call(callable, a) }
  }

  /// "f()" style name used in call error messages.
  /// CPython's `_PyObject_FunctionStr`: `module.qualname()`, without the
  /// module for builtins.
  func describeCallable(_ v: Value) -> String {
    guard case .object(let o) = v else { return "\(v.type.name) object" }
    if let f = o as? PyFunction {
      if let m = f.module.asStr?.value, m != "builtins" { return "\(m).\(f.qualname)()" }
      return "\(f.qualname)()"
    }
    if let f = o as? PyBuiltinFunction {
      if case .object(let so) = f.selfObject, let m = so as? PyModule, m.name != "builtins" {
        return "\(m.name).\(f.qualname)()"
      }
      return "\(f.qualname)()"
    }
    if let m = o as? PyBoundMethod { return describeCallable(m.function) }
    if let t = o as? PyType {
      let m = t.moduleName
      return m == "builtins" ? "\(t.qualname)()" : "\(m).\(t.qualname)()"
    }
    return "\(o.type.name) object"
  }

  // MARK: Python functions

  func callFunction(_ fn: PyFunction, _ args: Args) throws(PyException) -> Value {
    let code = fn.code
    var f: Frame
    let simple = args.kwnames == nil && args.count == code.argcount && code.kwonlyargcount == 0
      && !code.flags.contains(.varargs) && !code.flags.contains(.varkeywords)
    let passed = simple ? args.count : 0
    if let pooled = code.framePool.popLast() {
      pooled.reuse(function: fn, arguments: args.base, count: passed)
      f = pooled
    } else {
      f = Frame(code: code, function: fn, arguments: args.base, count: passed)
    }
    let slots = f.slots
    if !simple { try bindArguments(fn, code, slots, args) }
    if code.hasCells { setUpCells(fn, code, slots) }
    if code.isGenerator {
      let type: PyType = code.flags.contains(.coroutine) ? PyType.coroutine
        : code.flags.contains(.asyncGenerator) ? PyType.asyncGenerator : PyType.generator
      return .object(PyGenerator(frame: f, type: type))
    }
    let result = try run(f)
    if code.framePool.count < 4 && isKnownUniquelyReferenced(&f) {
      f.park()
      code.framePool.append(f)
    }
    return result
  }

  func setUpCells(_ fn: PyFunction, _ code: CodeObject, _ slots: UnsafeMutablePointer<Value>) {
    let nlocals = code.varnames.count
    for (i, argIndex) in code.cellArgs.enumerated() {
      var initial: Value? = nil
      if let a = argIndex, case let v = slots[a], !v.isNull { initial = v }
      slots[nlocals + i] = .object(PyCell(initial))
    }
    let base = nlocals + code.cellvars.count
    for (j, cell) in fn.closure.enumerated() { slots[base + j] = .object(cell) }
  }

  /// Binds positional and keyword arguments to parameters, applying defaults.
  func bindArguments(_ fn: PyFunction, _ code: CodeObject, _ slots: UnsafeMutablePointer<Value>,
                     _ args: Args) throws(PyException) {
    let nparams = code.argcount
    let nkwonly = code.kwonlyargcount
    let npos = args.count
    let hasVarargs = code.flags.contains(.varargs)
    let hasVarkw = code.flags.contains(.varkeywords)
    var kwdict: PyDict? = nil
    if hasVarkw {
      kwdict = PyDict()
      slots[nparams + nkwonly + (hasVarargs ? 1 : 0)] = .object(kwdict!)
    }
    let nassign = min(npos, nparams)
    for i in 0..<nassign { slots[i] = args.base[i] }
    if hasVarargs {
      let extra = npos > nparams ? ContiguousArray(UnsafeBufferPointer(start: args.base + nparams, count: npos - nparams)) : []
      slots[nparams + nkwonly] = .object(PyTuple.make(extra))
    }
    if let kw = args.kwnames {
      var posonlyAsKeyword: [String] = []
      for k in 0..<kw.count {
        let name = unsafeDowncast(kw.items[k].asObject!, to: PyStr.self)
        let value = args.base[npos + k]
        var index: Int? = nil
        for i in code.posonlyargcount..<(nparams + nkwonly) where code.varnames[i].equals(name) {
          index = i
          break
        }
        if let i = index {
          if !slots[i].isNull {
            throw PyException.typeError("\(fn.qualname)() got multiple values for argument '\(name.value)'")
          }
          slots[i] = value
          continue
        }
        if let d = kwdict {
          try d.set(self, .object(name), value)
          continue
        }
        if (0..<code.posonlyargcount).contains(where: { code.varnames[$0].equals(name) }) {
          posonlyAsKeyword.append(name.value)
          continue
        }
        throw PyException.typeError("\(fn.qualname)() got an unexpected keyword argument '\(name.value)'")
      }
      if !posonlyAsKeyword.isEmpty {
        throw PyException.typeError(
          "\(fn.qualname)() got some positional-only arguments passed as keyword arguments: '\(posonlyAsKeyword.joined(separator: ", "))'")
      }
    }
    if npos > nparams && !hasVarargs {
      var kwonlyGiven = 0
      for i in nparams..<(nparams + nkwonly) where !slots[i].isNull { kwonlyGiven += 1 }
      let ndef = fn.defaults.count
      let sig = ndef > 0 ? "from \(nparams - ndef) to \(nparams)" : "\(nparams)"
      let plural = ndef > 0 || nparams != 1
      let kwSig = kwonlyGiven > 0
        ? " positional argument\(npos != 1 ? "s" : "") (and \(kwonlyGiven) keyword-only argument\(kwonlyGiven != 1 ? "s" : ""))"
        : ""
      throw PyException.typeError(
        "\(fn.qualname)() takes \(sig) positional argument\(plural ? "s" : "") but \(npos)\(kwSig) \(npos == 1 && kwonlyGiven == 0 ? "was" : "were") given")
    }
    // Defaults for positional parameters.
    let ndef = fn.defaults.count
    let firstDefault = nparams - ndef
    var missing: [String] = []
    for i in npos..<max(npos, nparams) where slots[i].isNull {
      if i >= firstDefault {
        slots[i] = fn.defaults[i - firstDefault]
      } else {
        missing.append(code.varnames[i].value)
      }
    }
    if !missing.isEmpty { throw missingArguments(fn.qualname, missing, kind: "positional") }
    // Keyword-only defaults.
    if nkwonly > 0 {
      var missingKw: [String] = []
      for i in nparams..<(nparams + nkwonly) where slots[i].isNull {
        let name = code.varnames[i]
        if let d = fn.kwdefaults, let v = d.getStr(name) {
          slots[i] = v
        } else {
          missingKw.append(name.value)
        }
      }
      if !missingKw.isEmpty { throw missingArguments(fn.qualname, missingKw, kind: "keyword-only") }
    }
  }

  private func missingArguments(_ qualname: String, _ names: [String], kind: String) -> PyException {
    let quoted = names.map { "'\($0)'" }
    let list: String
    switch quoted.count {
    case 1: list = quoted[0]
    case 2: list = "\(quoted[0]) and \(quoted[1])"
    default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
    }
    return PyException.typeError(
      "\(qualname)() missing \(names.count) required \(kind) argument\(names.count == 1 ? "" : "s"): \(list)")
  }
}
