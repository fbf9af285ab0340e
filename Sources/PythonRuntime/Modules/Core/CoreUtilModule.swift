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
    return m
  }
}
