/// `_coreutil`: small runtime hooks the Python-source core modules need.
enum CoreUtilModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_coreutil")
    // A types.UnionType of arbitrary members (typing.Union[...] with forward
    // references and type variables, which `|` on those objects cannot build).
    m.addFunction("union") { _, args throws(PyException) in
      guard args.count >= 2 else { throw PyException.typeError("union() needs at least two members") }
      var u = PyUnion(args[0], args[1])
      for i in 2..<max(2, args.count) { u = PyUnion(.object(u), args[i]) }
      return .object(u)
    }
    // Tracebacks, formatted exactly as the runtime prints them.
    m.addFunction("format_exception") { ts, args throws(PyException) in
      try args.expect("format_exception", 2, skipSelf: false)
      guard let e = args[0].asException else { throw PyException.typeError("expected an exception") }
      return Value(try ts.isTrue(args[1]) ? Traceback.format(ts, e) : Traceback.formatSingle(ts, e))
    }
    m.addFunction("format_exception_only") { ts, args throws(PyException) in
      try args.expect("format_exception_only", 1, skipSelf: false)
      guard let e = args[0].asException else { throw PyException.typeError("expected an exception") }
      return Value(Traceback.formatExceptionOnly(ts, e))
    }
    m.addFunction("format_tb") { ts, args throws(PyException) in
      try args.expect("format_tb", 1, skipSelf: false)
      guard case .object(let o) = args[0], let tb = o as? PyTraceback else { return Value("") }
      return Value(Traceback.formatEntries(tb))
    }
    m.addFunction("source_line") { ts, args throws(PyException) in
      try args.expect("source_line", 2, skipSelf: false)
      guard case .object(let o) = args[0], let code = o as? CodeObject, let line = args[1].smallInt else { return .none }
      return Traceback.sourceLine(code, line).map { Value($0) } ?? .none
    }
    return m
  }
}
