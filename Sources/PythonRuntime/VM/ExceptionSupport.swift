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

  /// `except* T:` — the part of `exc` matching T and the rest (either may
  /// be None). A plain exception that matches is wrapped in a group of one.
  /// The wrapper's traceback is a fresh one for the `except*` clause itself.
  func exceptionGroupSplit(_ exc: Value, _ typeValue: Value, frame: Frame,
                           lasti: Int) throws(PyException) -> (rest: Value, match: Value) {
    try checkExceptStarType(typeValue)
    guard let e = exc.asException else { return (exc, .none) }
    if try exceptionMatches(exc, typeValue) {
      if e.isInstance(of: PyType.baseExceptionGroup) { return (.none, exc) }
      let wrapped = try makeExceptionGroup("", .object(PyTuple([exc])))
      wrapped.addTraceback(frame: frame, lasti: lasti)
      return (.none, .object(wrapped))
    }
    guard e.isInstance(of: PyType.baseExceptionGroup) else { return (exc, .none) }
    let pair = try callMethod(exc, intern("split"), typeValue)
    guard let parts = pair.exactTuple, parts.count == 2 else {
      throw PyException.typeError("X.split(match_type) must return a tuple, not \(pair.type.name)")
    }
    return (parts.items[1], parts.items[0])
  }

  private func checkExceptStarType(_ typeValue: Value) throws(PyException) {
    let types = typeValue.exactTuple?.items ?? [typeValue]
    for item in types {
      guard let t = item.asType, t.isExceptionType else {
        throw PyException.typeError("catching classes that do not inherit from BaseException is not allowed")
      }
      if t.isSubtype(of: PyType.baseExceptionGroup) {
        throw PyException.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
      }
    }
  }

  /// What an except* statement raises when its clauses are done: `excs`
  /// holds what each clause raised and, last, what no clause took. An
  /// exception that is (part of) the original group keeps its place in the
  /// original's nesting; new ones join it in an `ExceptionGroup("", ...)`.
  func prepareReraiseStar(_ orig: Value, _ excs: Value) throws(PyException) -> Value {
    let items = excs.asList!.items.compactMap { $0.asException }
    if items.isEmpty { return .none }
    guard let group = orig.asException, group.isInstance(of: PyType.baseExceptionGroup) else {
      // A plain exception: at most one clause ran, so there is one candidate.
      return .object(items[0])
    }
    var raised: [Value] = []
    var reraised: [PyException] = []
    for e in items {
      if sameMetadata(e, group) { reraised.append(e) } else { raised.append(.object(e)) }
    }
    let kept = try groupProjection(group, keep: reraised)
    if raised.isEmpty { return kept.map { .object($0) } ?? .none }
    if let kept { raised.append(.object(kept)) }
    if raised.count == 1 { return raised[0] }
    return .object(try makeExceptionGroup("", .object(PyList(raised))))
  }

  /// CPython's test for "this is a part of the original group": split parts
  /// share its traceback, cause, context and notes.
  private func sameMetadata(_ a: PyException, _ b: PyException) -> Bool {
    func identical(_ x: Value, _ y: Value) -> Bool {
      switch (x, y) {
      case (.object(let p), .object(let q)): return p === q
      default: return x.isNone && y.isNone
      }
    }
    return a.traceback === b.traceback && identical(a.cause, b.cause) && identical(a.context, b.context)
      && identical(a.attribute("__notes__") ?? .none, b.attribute("__notes__") ?? .none)
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
