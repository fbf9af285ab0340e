/// `enumerate`, `zip`, `map`, `filter` and `reversed`: builtin types whose
/// instances are lazy iterators.
enum BuiltinIterators {
  static func install() {
    PyType.enumerate.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "enumerate", ["iterable", "start"], required: 1)
      let it = try ts.getIter(a[0]!)
      var n: Value = a[1] ?? .int(0)
      if let s = a[1], !s.isInt {
        throw PyException.typeError("'\(s.type.name)' object cannot be interpreted as an integer")
      }
      return .object(PyClosureIterator(type: t) { (ts) throws(PyException) -> Value? in
        guard let v = try ts.next(it) else { return nil }
        let r = Value.object(PyTuple([n, v]))
        n = try ts.binaryOp(.add, n, .int(1))
        return r
      })
    }
    PyType.zip.directCall = { ts, t, args throws(PyException) in
      var strict = false
      for (k, v) in args.keywords {
        if k.value == "strict" { strict = try ts.isTrue(v) } else {
          throw PyException.typeError("zip() got an unexpected keyword argument '\(k.value)'")
        }
      }
      var iters: [Value] = []
      for i in 0..<args.count {
        do throws(PyException) {
          iters.append(try ts.getIter(args[i]))
        } catch {
          if error.isInstance(of: PyType.typeError) {
            throw PyException.typeError("'\(args[i].type.name)' object is not iterable")
          }
          throw error
        }
      }
      if iters.isEmpty { return .object(PyClosureIterator(type: t) { (_) throws(PyException) -> Value? in nil }) }
      return .object(PyClosureIterator(type: t) { (ts) throws(PyException) -> Value? in
        var items: [Value] = []
        items.reserveCapacity(iters.count)
        for (i, it) in iters.enumerated() {
          guard let v = try ts.next(it) else {
            if strict {
              if i > 0 {
                throw PyException.valueError("zip() argument \(i + 1) is shorter than argument\(i > 1 ? "s 1-\(i)" : " 1")")
              }
              for (j, other) in iters.enumerated().dropFirst() where try ts.next(other) != nil {
                throw PyException.valueError("zip() argument \(j + 1) is longer than argument\(j > 1 ? "s 1-\(j)" : " 1")")
              }
            }
            return nil
          }
          items.append(v)
        }
        return .object(PyTuple(items))
      })
    }
    PyType.map.directCall = { ts, t, args throws(PyException) in
      if args.count < 2 { throw PyException.typeError("map() must have at least two arguments.") }
      let fn = args[0]
      var iters: [Value] = []
      for i in 1..<args.count { iters.append(try ts.getIter(args[i])) }
      if iters.count == 1 {
        let it = iters[0]
        return .object(PyClosureIterator(type: t) { (ts) throws(PyException) -> Value? in
          guard let v = try ts.next(it) else { return nil }
          return try ts.call(fn, v)
        })
      }
      return .object(PyClosureIterator(type: t) { (ts) throws(PyException) -> Value? in
        var items: [Value] = []
        for it in iters {
          guard let v = try ts.next(it) else { return nil }
          items.append(v)
        }
        return try ts.withArgs(items) { (a) throws(PyException) in try ts.call(fn, a) }
      })
    }
    PyType.filter.directCall = { ts, t, args throws(PyException) in
      try args.expect("filter", 2, skipSelf: false)
      let fn = args[0]
      let it = try ts.getIter(args[1])
      return .object(PyClosureIterator(type: t) { (ts) throws(PyException) -> Value? in
        while let v = try ts.next(it) {
          let keep = fn.isNone ? try ts.isTrue(v) : try ts.isTrue(try ts.call(fn, v))
          if keep { return v }
        }
        return nil
      })
    }
    PyType.reversed.directCall = { ts, t, args throws(PyException) in
      try args.expect("reversed", 1, skipSelf: false)
      let seq = args[0]
      if case .object(let o) = seq {
        if o.kind == .list {
          let l = unsafeDowncast(o, to: PyList.self)
          var i = l.items.count - 1
          return .object(PyClosureIterator(type: PyType.listReverseIterator) { (_) throws(PyException) -> Value? in
            if i < 0 || i >= l.items.count { return nil }
            defer { i -= 1 }
            return l.items[i]
          })
        }
        if let m = o.type.lookup(names.__reversed__) {
          if m.isNone { throw PyException.typeError("'\(o.type.name)' object is not reversible") }
          return try ts.callMethodValue(m, seq)
        }
      }
      guard seq.type.lookup(names.__getitem__) != nil, seq.type.lookup(names.__len__) != nil,
            !(seq.asObject is PyDict) else {
        throw PyException.typeError("'\(seq.type.name)' object is not reversible")
      }
      var i = try ts.len(seq) - 1
      return .object(PyClosureIterator(type: t) { (ts) throws(PyException) -> Value? in
        if i < 0 { return nil }
        defer { i -= 1 }
        return try ts.getItem(seq, .int(i))
      })
    }
    for t in [PyType.enumerate!, PyType.zip!, PyType.map!, PyType.filter!, PyType.reversed!] {
      t.staticMethod("__new__") { ts, args throws(PyException) in
        guard let cls = args[0].asType else { throw PyException.typeError("__new__ needs a type") }
        return try t.directCall!(ts, cls, args.droppingFirst)
      }
    }
  }
}
