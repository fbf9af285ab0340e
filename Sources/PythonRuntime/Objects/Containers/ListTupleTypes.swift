/// `list` and `tuple`.
enum ListTupleTypes {
  static func install() {
    installList()
    installTuple()
  }

  private static func list(_ v: Value) -> PyList { v.asObject as! PyList }
  private static func tuple(_ v: Value) -> PyTuple { v.asObject as! PyTuple }

  /// Sequence dunders shared by list and tuple (the VM handles exact types
  /// natively; these serve subclasses and explicit calls).
  private static func installSequenceDunders(_ t: PyType, items: @escaping (Value) -> ContiguousArray<Value>) {
    t.method("__len__") { _, args throws(PyException) in .int(items(args[0]).count) }
    t.method("__getitem__") { ts, args throws(PyException) in
      try args.expect("__getitem__", 1)
      let base: Value = t === PyType.list ? .object(PyList(items(args[0]))) : .object(PyTuple(items(args[0])))
      return try ts.getItem(base, args[1])
    }
    t.method("__contains__") { ts, args throws(PyException) in
      try args.expect("__contains__", 1)
      for v in items(args[0]) where try ts.richEqual(v, args[1]) { return .bool(true) }
      return .bool(false)
    }
    t.method("__iter__") { _, args throws(PyException) in
      if t === PyType.list { return .object(PyListIterator(list(args[0]))) }
      return .object(PyArrayIterator(items(args[0]), type: PyType.tupleIterator))
    }
    t.method("__repr__") { ts, args throws(PyException) in
      let base: Value = t === PyType.list ? .object(PyList(items(args[0]))) : .object(PyTuple(items(args[0])))
      return Value(try ts.repr(base))
    }
    for (cmp, name) in [(CompareKind.lt, "__lt__"), (.le, "__le__"), (.eq, "__eq__"), (.ne, "__ne__"),
                        (.gt, "__gt__"), (.ge, "__ge__")] {
      t.method(name) { ts, args throws(PyException) in
        guard case .object(let o) = args[1], o.type.isSubtype(of: t) else { return .notImplemented }
        let other: ContiguousArray<Value> = t === PyType.list ? (o as! PyList).items : (o as! PyTuple).items
        return .bool(try NativeOps.compareSequences(ts, items(args[0]), other, cmp))
      }
    }
    t.method("__add__") { ts, args throws(PyException) in
      guard case .object(let o) = args[1], o.type.isSubtype(of: t) else {
        if t === PyType.list {
          throw PyException.typeError("can only concatenate list (not \"\(args[1].type.name)\") to list")
        }
        throw PyException.typeError("can only concatenate tuple (not \"\(args[1].type.name)\") to tuple")
      }
      var out = items(args[0])
      out.append(contentsOf: t === PyType.list ? (o as! PyList).items : (o as! PyTuple).items)
      return t === PyType.list ? .object(PyList(out)) : .object(PyTuple.make(out))
    }
    for name in ["__mul__", "__rmul__"] {
      t.method(name) { ts, args throws(PyException) in
        guard let n = try ts.indexValue(args[1]) else { return .notImplemented }
        let base: PyObject = t === PyType.list ? PyList(items(args[0])) : PyTuple(items(args[0]))
        return try NativeOps.repeatSequence(ts, base, n) ?? .notImplemented
      }
    }
    t.method("count") { ts, args throws(PyException) in
      try args.expect("count", 1)
      var n = 0
      for v in items(args[0]) where try ts.richEqual(v, args[1]) { n += 1 }
      return .int(n)
    }
    t.method("index") { ts, args throws(PyException) in
      try args.expect("index", min: 1, max: 3)
      let xs = items(args[0])
      var start = 0, stop = xs.count
      if args.count > 2 { start = try clampIndex(ts, args[2], xs.count) }
      if args.count > 3 { stop = try clampIndex(ts, args[3], xs.count) }
      var i = start
      while i < min(stop, xs.count) {
        if try ts.richEqual(xs[i], args[1]) { return .int(i) }
        i += 1
      }
      throw PyException.valueError(t === PyType.list ? "list.index(x): x not in list" : "tuple.index(x): x not in tuple")
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in
      .object(GenericAlias(origin: args[0], args: args[1]))
    }
  }

  static func clampIndex(_ ts: ThreadState, _ v: Value, _ n: Int) throws(PyException) -> Int {
    guard var i = try ts.indexValue(v, clamp: true) else {
      throw PyException.typeError("slice indices must be integers or have an __index__ method")
    }
    if i < 0 {
      i += n
      if i < 0 { i = 0 }
    }
    return min(i, n)
  }

  private static func installList() {
    let t = PyType.list!
    t.unhashable()
    installSequenceDunders(t) { list($0).items }
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "list", ["iterable"], positionalOnly: 1)
      guard let it = a[0] else { return .object(PyList()) }
      return .object(PyList(ContiguousArray(try ts.collect(it))))
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("list.__new__(X): X is not a type object") }
      let l = PyList(type: cls)
      if cls.isHeapType && cls.hasInstanceDict { l.dict = PyDict() }
      return .object(l)
    }
    t.method("__init__") { ts, args throws(PyException) in
      let a = try ArgList(args, "list", ["iterable"], positionalOnly: 1, skipSelf: true)
      let l = list(args[0])
      l.items.removeAll()
      if let it = a[0] { l.items.append(contentsOf: try ts.collect(it)) }
      return .none
    }
    t.method("__setitem__") { ts, args throws(PyException) in
      try args.expect("__setitem__", 2)
      let l = list(args[0])
      if case .object(let k) = args[1], let s = k as? PySlice {
        try ListOps.assignSlice(ts, l, s, args[2])
        return .none
      }
      let i = try ts.sequenceIndex(args[1], count: l.items.count, type: "list assignment")
      l.items[i] = args[2]
      return .none
    }
    t.method("__delitem__") { ts, args throws(PyException) in
      try args.expect("__delitem__", 1)
      let l = list(args[0])
      if case .object(let k) = args[1], let s = k as? PySlice {
        try ListOps.deleteSlice(ts, l, s)
        return .none
      }
      let i = try ts.sequenceIndex(args[1], count: l.items.count, type: "list assignment")
      l.items.remove(at: i)
      return .none
    }
    t.method("__iadd__") { ts, args throws(PyException) in
      try ts.listExtend(list(args[0]), args[1])
      return args[0]
    }
    t.method("__imul__") { ts, args throws(PyException) in
      guard let n = try ts.indexValue(args[1]) else { return .notImplemented }
      let l = list(args[0])
      let items = l.items
      l.items.removeAll()
      if n > 0 {
        try ts.checkRepeatSize(items.count, n)
        for _ in 0..<n { l.items.append(contentsOf: items) }
      }
      return args[0]
    }
    t.method("__reversed__") { _, args throws(PyException) in
      .object(PyArrayIterator(ContiguousArray(list(args[0]).items.reversed()), type: PyType.listReverseIterator))
    }
    t.method("append") { _, args throws(PyException) in
      try args.expect("append", 1)
      list(args[0]).items.append(args[1])
      return .none
    }
    t.method("extend") { ts, args throws(PyException) in
      try args.expect("extend", 1)
      try ts.listExtend(list(args[0]), args[1])
      return .none
    }
    t.method("insert") { ts, args throws(PyException) in
      try args.expect("insert", 2)
      let l = list(args[0])
      var i = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
      if i < 0 { i = max(i + l.items.count, 0) }
      l.items.insert(args[2], at: min(i, l.items.count))
      return .none
    }
    t.method("pop") { ts, args throws(PyException) in
      try args.expect("pop", min: 0, max: 1)
      let l = list(args[0])
      if l.items.isEmpty { throw PyException.indexError("pop from empty list") }
      var i = l.items.count - 1
      if args.count > 1 {
        i = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
        if i < 0 { i += l.items.count }
        if i < 0 || i >= l.items.count { throw PyException.indexError("pop index out of range") }
      }
      return l.items.remove(at: i)
    }
    t.method("remove") { ts, args throws(PyException) in
      try args.expect("remove", 1)
      let l = list(args[0])
      var i = 0
      while i < l.items.count {
        if try ts.richEqual(l.items[i], args[1]) {
          l.items.remove(at: i)
          return .none
        }
        i += 1
      }
      throw PyException.valueError("list.remove(x): x not in list")
    }
    t.method("clear") { _, args throws(PyException) in
      list(args[0]).items.removeAll()
      return .none
    }
    t.method("copy") { _, args throws(PyException) in .object(PyList(list(args[0]).items)) }
    t.method("reverse") { _, args throws(PyException) in
      list(args[0]).items.reverse()
      return .none
    }
    t.method("sort") { ts, args throws(PyException) in
      let a = try ArgList(args, "sort", [], keywordOnly: ["key", "reverse"], skipSelf: true)
      let l = list(args[0])
      let reverse = try a[1].map { (v) throws(PyException) in try ts.isTrue(v) } ?? false
      try Sorting.sortList(ts, l, key: a[0], reverse: reverse)
      return .none
    }
  }

  private static func installTuple() {
    let t = PyType.tuple!
    installSequenceDunders(t) { tuple($0).items }
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "tuple", ["iterable"], positionalOnly: 1)
      guard let it = a[0] else { return .object(PyTuple.empty) }
      if let tt = it.exactTuple { return .object(tt) }
      return .object(PyTuple.make(try ts.collect(it)))
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("tuple.__new__(X): X is not a type object") }
      let a = try ArgList(args, "tuple", ["iterable"], positionalOnly: 1, skipSelf: true)
      let items = try a[0].map { (v) throws(PyException) in try ts.collect(v) } ?? []
      if cls === PyType.tuple { return .object(PyTuple.make(items)) }
      let tt = PyTuple(ContiguousArray(items), type: cls)
      if cls.hasInstanceDict { tt.dict = PyDict() }
      return .object(tt)
    }
    t.method("__hash__") { ts, args throws(PyException) in .int(try tuple(args[0]).hash(ts)) }
    t.method("__getnewargs__") { _, args throws(PyException) in .object(PyTuple([.object(PyTuple(tuple(args[0]).items))])) }
  }
}

/// Stable sorting with keys (`list.sort`, `sorted`).
enum Sorting {
  static func sortList(_ ts: ThreadState, _ l: PyList, key: Value?, reverse: Bool) throws(PyException) {
    let items = l.items
    l.items = []
    var keys: [Value]
    if let k = key, !k.isNone {
      keys = []
      keys.reserveCapacity(items.count)
      for v in items { keys.append(try ts.call(k, v)) }
    } else {
      keys = Array(items)
    }
    var order = Array(0..<items.count)
    var failure: PyException? = nil
    // Fast paths for homogeneous ints, floats and strings.
    if keys.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
      order.sort { a, b in
        if case .int(let x) = keys[a], case .int(let y) = keys[b] { return reverse ? y < x : x < y }
        return false
      }
    } else if keys.allSatisfy({ $0.exactStr != nil }) {
      let strs = keys.map { $0.exactStr!.value }
      order.sort { a, b in
        let c = PyStr.compare(strs[a], strs[b])
        return reverse ? c > 0 : c < 0
      }
    } else {
      // Merge sort with Python comparisons (stable, like timsort).
      func less(_ a: Int, _ b: Int) -> Bool {
        if failure != nil { return false }
        do throws(PyException) {
          return reverse ? try ts.richLess(keys[b], keys[a]) : try ts.richLess(keys[a], keys[b])
        } catch {
          failure = error
          return false
        }
      }
      order = mergeSort(order, less)
    }
    l.items = ContiguousArray(order.map { items[$0] })
    if let f = failure { throw f }
  }

  static func mergeSort(_ xs: [Int], _ less: (Int, Int) -> Bool) -> [Int] {
    if xs.count <= 1 { return xs }
    var a = xs
    var tmp = xs
    var width: Int
    // Insertion sort small runs first.
    let run = 16
    var start = 0
    while start < a.count {
      let end = min(start + run, a.count)
      var i = start + 1
      while i < end {
        let x = a[i]
        var j = i - 1
        while j >= start && less(x, a[j]) {
          a[j + 1] = a[j]
          j -= 1
        }
        a[j + 1] = x
        i += 1
      }
      start = end
    }
    width = run
    while width < a.count {
      var lo = 0
      while lo < a.count {
        let mid = min(lo + width, a.count)
        let hi = min(lo + 2 * width, a.count)
        var i = lo, j = mid, k = lo
        while i < mid && j < hi {
          if less(a[j], a[i]) {
            tmp[k] = a[j]
            j += 1
          } else {
            tmp[k] = a[i]
            i += 1
          }
          k += 1
        }
        while i < mid { tmp[k] = a[i]; i += 1; k += 1 }
        while j < hi { tmp[k] = a[j]; j += 1; k += 1 }
        lo = hi
      }
      swap(&a, &tmp)
      width *= 2
    }
    return a
  }
}
