/// Raising, matching and chaining exceptions; the `with` protocol.
extension ThreadState {
  /// Builds the exception for `raise value [from cause]`.
  func makeRaise(_ value: Value, cause: Value?) throws(PyException) -> PyException {
    let exc = try instantiateException(value, what: "exceptions must derive from BaseException")
    if let c = cause {
      if c.isNone {
        exc.cause = .none
      } else {
        let ce = try instantiateException(c, what: "exception causes must derive from BaseException")
        exc.cause = .object(ce)
      }
      exc.suppressContext = true
    }
    exc.contextAttached = false
    return exc
  }

  /// An exception instance from an instance or a class.
  func instantiateException(_ v: Value, what: String) throws(PyException) -> PyException {
    if let e = v.asException { return e }
    if let t = v.asType, t.isExceptionType {
      let r = try call(v)
      guard let e = r.asException else {
        throw PyException.typeError(
          "calling \(t.name) should have returned an instance of BaseException, not \(r.type.name)")
      }
      return e
    }
    throw PyException.typeError(what)
  }

  /// Implicit chaining: an exception raised while another is being handled
  /// records it as `__context__` (breaking any cycle, as CPython does).
  func attachContext(_ exc: PyException) {
    if exc.contextAttached { return }
    exc.contextAttached = true
    guard let handled = handledException.asException, handled !== exc else { return }
    var o = handled
    var steps = 0
    while let c = o.contextException, steps < 1000 {
      if c === exc {
        o.context = .none
        break
      }
      o = c
      steps += 1
    }
    exc.context = .object(handled)
  }

  /// `except T:` matching, with CPython's check that T is an exception class.
  func exceptionMatches(_ exc: Value, _ typeValue: Value) throws(PyException) -> Bool {
    let et = exc.type
    if let t = typeValue.asType {
      guard t.isExceptionType else {
        throw PyException.typeError("catching classes that do not inherit from BaseException is not allowed")
      }
      return et.isSubtype(of: t)
    }
    if let tuple = typeValue.asTuple {
      var matched = false
      for item in tuple.items {
        guard let t = item.asType, t.isExceptionType else {
          throw PyException.typeError("catching classes that do not inherit from BaseException is not allowed")
        }
        if et.isSubtype(of: t) { matched = true }
      }
      return matched
    }
    throw PyException.typeError("catching classes that do not inherit from BaseException is not allowed")
  }

  /// `except* T:` — splits an exception (group) into the part matching T and the rest.
  func exceptionGroupSplit(_ exc: Value, _ typeValue: Value) throws(PyException) -> (rest: Value, match: Value) {
    guard let e = exc.asException else { return (.none, .none) }
    if try exceptionMatches(exc, typeValue) { return (.none, exc) }
    if e.isInstance(of: PyType.baseExceptionGroup), e.args.count >= 2, let list = e.args.items[1].asTuple ?? e.args.items[1].asList.map({ PyTuple($0.items) }) {
      var matched: [Value] = []
      var rest: [Value] = []
      for sub in list.items {
        if try exceptionMatches(sub, typeValue) { matched.append(sub) } else { rest.append(sub) }
      }
      func group(_ items: [Value]) throws(PyException) -> Value {
        if items.isEmpty { return .none }
        return try call(.object(e.type), e.args.items[0], .object(PyList(items)))
      }
      return (try group(rest), try group(matched))
    }
    return (exc, .none)
  }

  // MARK: with

  func beforeWith(_ mgr: Value) throws(PyException) -> (exit: Value, entered: Value) {
    let t = mgr.type
    guard let enter = t.lookup(names.__enter__) else {
      throw PyException.typeError(
        "'\(t.name)' object does not support the context manager protocol")
    }
    guard let exit = t.lookup(names.__exit__) else {
      throw PyException.typeError(
        "'\(t.name)' object does not support the context manager protocol (missed __exit__ method)")
    }
    let boundExit = try bindDescriptor(exit, instance: mgr, owner: .object(t))
    let entered = try callMethodValue(enter, mgr)
    return (boundExit, entered)
  }

  /// Calls `__exit__(type, value, traceback)` for an exception leaving a with block.
  func callWithExit(_ exit: Value, _ exc: Value) throws(PyException) -> Value {
    let e = exc.asException
    let tb: Value = e?.traceback.map { .object($0) } ?? .none
    return try call(exit, .object(exc.type), exc, tb)
  }
}
