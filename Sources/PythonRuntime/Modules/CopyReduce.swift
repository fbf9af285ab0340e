/// `object.__reduce_ex__` / `object.__reduce__`, used by `copy` and `pickle`.
///
/// As in CPython: a class that overrides `__reduce__` wins; otherwise protocol
/// 2 and above reconstruct with `copyreg.__newobj__` (or `__newobj_ex__`) from
/// the class plus `__getnewargs__`, the state from `__getstate__`, and list or
/// dict items for subclasses of list and dict — always a 5-tuple
/// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
/// Protocols 0 and 1 delegate to `copyreg._reduce_ex`.
extension ThreadState {
  /// `object.__reduce_ex__(self, protocol)`.
  func objectReduceEx(_ v: Value, protocol proto: Int) throws(PyException) -> Value {
    if let r = v.type.lookup(names.__reduce__),
       let base = PyType.object.attributes.getStr(names.__reduce__), !r.isIdentical(to: base) {
      return try callMethodValue(r, v)
    }
    return try defaultReduce(v, protocol: proto)
  }

  /// The reduction `object.__reduce_ex__` computes when `__reduce__` is not
  /// overridden.
  func defaultReduce(_ v: Value, protocol proto: Int) throws(PyException) -> Value {
    if proto < 2 {
      let copyreg = try importModule("copyreg")
      return try call(try getAttr(copyreg, intern("_reduce_ex")), v, .int(proto))
    }
    let t = v.type
    if t === PyType.simpleNamespace, case .object(let o) = v {
      return .object(PyTuple([.object(t), .object(PyTuple.empty), o.dict.map { .object($0) } ?? .none]))
    }
    if case .object(let o) = v, !t.isHeapType {
      let plain = o is PyInstance || o.kind == .list || o.kind == .dict || o.kind == .set
      if !plain && t.lookup(names.__getnewargs__) == nil {
        // CPython names C types by tp_name, which carries the module
        // for extension types ('_thread.lock').
        throw PyException.typeError("cannot pickle '\(t.fullName)' object")
      }
    }
    if case .object(let o) = v, t.isHeapType {
      switch t.storage {
      case .module, .type, .none:
        throw PyException.typeError("cannot pickle '\(t.name)' object")
      default:
        _ = o
      }
    }
    var args: [Value] = []
    var kwargs: Value = .none
    if let gnx = t.lookup(intern("__getnewargs_ex__")) {
      let r = try callMethodValue(gnx, v)
      guard let tup = r.asTuple else {
        throw PyException.typeError("__getnewargs_ex__ should return a tuple, not '\(r.type.name)'")
      }
      guard tup.items.count == 2 else {
        throw PyException.valueError("__getnewargs_ex__ should return a tuple of length 2, not \(tup.items.count)")
      }
      guard let a = tup.items[0].asTuple else {
        throw PyException.typeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '\(tup.items[0].type.name)'")
      }
      guard let kw = tup.items[1].asDict else {
        throw PyException.typeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '\(tup.items[1].type.name)'")
      }
      args = Array(a.items)
      if kw.count > 0 { kwargs = .object(kw) }
    } else if let gna = t.lookup(names.__getnewargs__) {
      let r = try callMethodValue(gna, v)
      guard let a = r.asTuple else {
        throw PyException.typeError("__getnewargs__ should return a tuple, not '\(r.type.name)'")
      }
      args = Array(a.items)
    }
    let state: Value
    if let gs = t.lookup(names.__getstate__) {
      state = try callMethodValue(gs, v)
    } else {
      state = .none
    }
    var listItems: Value = .none
    var dictItems: Value = .none
    if case .object(let o) = v {
      if let l = o as? PyList { listItems = .object(PyListIterator(l)) }
      if let d = o as? PyDict { dictItems = .object(PyDictIterator(d, mode: .items)) }
    }
    let copyreg = try? importModule("copyreg")
    if !kwargs.isNone {
      let fn = try copyreg.flatMap { (m) throws(PyException) in try lookupAttrOptional(m, intern("__newobj_ex__")) }
        ?? .object(PyBuiltinFunction(name: "__newobj_ex__") { ts, a throws(PyException) in
          let newFn = try ts.getAttr(a[0], names.__new__)
          var all = [a[0]]
          all += try ts.collect(a[1])
          let kw = a[2].asDict!.storageItems().map { ($0.0.asStr!.value, $0.1) }
          return try ts.call(newFn, args: all, kwargs: kw)
        })
      return .object(PyTuple([fn, .object(PyTuple([.object(t), .object(PyTuple(args)), kwargs])), state, listItems, dictItems]))
    }
    let fn = try copyreg.flatMap { (m) throws(PyException) in try lookupAttrOptional(m, intern("__newobj__")) }
      ?? .object(PyBuiltinFunction(name: "__newobj__") { ts, a throws(PyException) in
        guard a.count >= 1, a[0].asType != nil else { throw PyException.typeError("__newobj__ needs a class") }
        let newFn = try ts.getAttr(a[0], names.__new__)
        return try ts.call(newFn, args: Array(a.positional), kwargs: [])
      })
    return .object(PyTuple([fn, .object(PyTuple([.object(t)] + args)), state, listItems, dictItems]))
  }
}
