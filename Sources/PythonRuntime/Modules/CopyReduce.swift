/// The default `__reduce_ex__` used by `copy` and `pickle` for instances of
/// user-defined classes: `copyreg.__newobj__`-style reconstruction from the
/// class plus the instance state.
extension ThreadState {
  func defaultReduce(_ v: Value, protocol: Int) throws(PyException) -> Value {
    guard case .object(let o) = v else {
      throw PyException.typeError("cannot pickle '\(v.type.name)' object")
    }
    let t = o.type!
    if !t.isHeapType && o.dict == nil {
      throw PyException.typeError("cannot pickle '\(t.name)' object")
    }
    let newobj = PyBuiltinFunction(name: "__newobj__") { ts, args throws(PyException) in
      guard args.count >= 1, let cls = args[0].asType else {
        throw PyException.typeError("__newobj__ needs a class")
      }
      if let nf = cls.lookup(names.__new__), !(nf.asObject === BuiltinsCore.objectNewStatic) {
        let fn: Value
        if case .object(let no) = nf, let sm = no as? PyStaticMethod { fn = sm.function } else { fn = nf }
        return try ts.callPrepending(fn, args[0], args.droppingFirst)
      }
      return try ts.allocateInstance(cls)
    }
    var newArgs: [Value] = [.object(t)]
    if let gna = t.lookup(names.__getnewargs__) {
      newArgs += try collect(try callMethodValue(gna, v))
    }
    let state: Value
    if let gs = t.lookup(names.__getstate__) {
      state = try callMethodValue(gs, v)
    } else {
      state = o.dict.map { .object($0) } ?? .none
    }
    var parts: [Value] = [.object(newobj), .object(PyTuple(newArgs)), state]
    if let l = o as? PyList, o.kind == .instance {
      parts.append(.object(PyListIterator(PyList(l.items))))
    } else if let d = o as? PyDict, o.kind == .instance {
      parts.append(.none)
      parts.append(.object(PyDictIterator(d.copy(), mode: .items)))
    }
    return .object(PyTuple(parts))
  }
}
