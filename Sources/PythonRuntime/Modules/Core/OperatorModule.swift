/// The `operator` module: the function forms of Python's operators, plus
/// `itemgetter`, `attrgetter` and `methodcaller`.
enum OperatorModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "operator")
    func add(_ names: [String], _ fn: @escaping NativeFunction) {
      for n in names { m.addFunction(n, fn) }
    }
    func binary(_ name: String, _ kind: BinaryOpKind, dunder: Bool = true) {
      let clean = name.hasSuffix("_") ? String(name.dropLast()) : name
      add(dunder ? [name, "__\(clean)__"] : [name]) { ts, args throws(PyException) in
        try expect(args, name, 2)
        return try ts.binaryOp(kind, args[0], args[1])
      }
    }
    binary("add", .add)
    binary("sub", .sub)
    binary("mul", .mul)
    binary("matmul", .matMul)
    binary("truediv", .trueDiv)
    binary("floordiv", .floorDiv)
    binary("mod", .mod)
    binary("lshift", .lshift)
    binary("rshift", .rshift)
    binary("and_", .and)
    binary("or_", .or)
    binary("xor", .xor)
    add(["pow", "__pow__"]) { ts, args throws(PyException) in
      try expect(args, "pow", 2)
      return try ts.binaryOp(.pow, args[0], args[1])
    }
    let inplace: [(String, BinaryOpKind)] = [
      ("iadd", .inplaceAdd), ("isub", .inplaceSub), ("imul", .inplaceMul), ("imatmul", .inplaceMatMul),
      ("itruediv", .inplaceTrueDiv), ("ifloordiv", .inplaceFloorDiv), ("imod", .inplaceMod),
      ("ipow", .inplacePow), ("ilshift", .inplaceLshift), ("irshift", .inplaceRshift),
      ("iand", .inplaceAnd), ("ior", .inplaceOr), ("ixor", .inplaceXor),
    ]
    for (name, kind) in inplace {
      add([name, "__\(name)__"]) { ts, args throws(PyException) in
        try expect(args, name, 2)
        return try ts.binaryOp(kind, args[0], args[1])
      }
    }
    add(["concat", "__concat__"]) { ts, args throws(PyException) in
      try expect(args, "concat", 2)
      try requireSequence(ts, args[0])
      return try ts.binaryOp(.add, args[0], args[1])
    }
    add(["iconcat", "__iconcat__"]) { ts, args throws(PyException) in
      try expect(args, "iconcat", 2)
      try requireSequence(ts, args[0])
      return try ts.binaryOp(.inplaceAdd, args[0], args[1])
    }
    add(["neg", "__neg__"]) { ts, args throws(PyException) in
      try expect(args, "neg", 1)
      return try ts.unaryOp(.neg, args[0])
    }
    add(["pos", "__pos__"]) { ts, args throws(PyException) in
      try expect(args, "pos", 1)
      return try ts.unaryOp(.pos, args[0])
    }
    add(["invert", "inv", "__invert__", "__inv__"]) { ts, args throws(PyException) in
      try expect(args, "invert", 1)
      return try ts.unaryOp(.invert, args[0])
    }
    add(["abs", "__abs__"]) { ts, args throws(PyException) in
      try expect(args, "abs", 1)
      return try ts.call(ts.interp.builtins.getStr(intern("abs"))!, args[0])
    }
    add(["index", "__index__"]) { ts, args throws(PyException) in
      try expect(args, "index", 1)
      let v = args[0]
      if v.isInt { return v.bigIntValue.map { Value.int($0) } ?? v }
      if let m = v.type.lookup(names.__index__) {
        let r = try ts.callMethodValue(m, v)
        guard r.isInt else { throw PyException.typeError("__index__ returned non-int (type \(r.type.name))") }
        return r
      }
      throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
    }
    add(["not_", "__not__"]) { ts, args throws(PyException) in
      try expect(args, "not_", 1)
      return .bool(!(try ts.isTrue(args[0])))
    }
    add(["truth"]) { ts, args throws(PyException) in
      try expect(args, "truth", 1)
      return .bool(try ts.isTrue(args[0]))
    }
    add(["is_"]) { _, args throws(PyException) in
      try expect(args, "is_", 2)
      return .bool(args[0].isIdentical(to: args[1]))
    }
    add(["is_not"]) { _, args throws(PyException) in
      try expect(args, "is_not", 2)
      return .bool(!args[0].isIdentical(to: args[1]))
    }
    add(["is_none"]) { _, args throws(PyException) in
      try expect(args, "is_none", 1)
      return .bool(args[0].isNone)
    }
    add(["is_not_none"]) { _, args throws(PyException) in
      try expect(args, "is_not_none", 1)
      return .bool(!args[0].isNone)
    }
    let comparisons: [(String, CompareKind)] = [("lt", .lt), ("le", .le), ("eq", .eq), ("ne", .ne), ("gt", .gt), ("ge", .ge)]
    for (name, kind) in comparisons {
      add([name, "__\(name)__"]) { ts, args throws(PyException) in
        try expect(args, name, 2)
        return try ts.compare(args[0], args[1], kind)
      }
    }
    add(["contains", "__contains__"]) { ts, args throws(PyException) in
      try expect(args, "contains", 2)
      return .bool(try ts.contains(args[0], args[1]))
    }
    add(["countOf"]) { ts, args throws(PyException) in
      try expect(args, "countOf", 2)
      var n = 0
      try ts.iterate(args[0]) { (v) throws(PyException) in
        if try ts.richEqual(v, args[1]) { n += 1 }
      }
      return .int(n)
    }
    add(["indexOf"]) { ts, args throws(PyException) in
      try expect(args, "indexOf", 2)
      var i = 0
      var found = -1
      let it = try ts.getIter(args[0])
      while let v = try ts.next(it) {
        if try ts.richEqual(v, args[1]) {
          found = i
          break
        }
        i += 1
      }
      if found < 0 { throw PyException.valueError("sequence.index(x): x not in sequence") }
      return .int(found)
    }
    add(["getitem", "__getitem__"]) { ts, args throws(PyException) in
      try expect(args, "getitem", 2)
      return try ts.getItem(args[0], args[1])
    }
    add(["setitem", "__setitem__"]) { ts, args throws(PyException) in
      try expect(args, "setitem", 3)
      try ts.setItem(args[0], args[1], args[2])
      return .none
    }
    add(["delitem", "__delitem__"]) { ts, args throws(PyException) in
      try expect(args, "delitem", 2)
      try ts.delItem(args[0], args[1])
      return .none
    }
    add(["length_hint"]) { ts, args throws(PyException) in
      if args.count < 1 || args.count > 2 {
        throw PyException.typeError(args.count < 1 ? "length_hint expected at least 1 argument, got 0"
                                    : "length_hint expected at most 2 arguments, got \(args.count)")
      }
      var dflt = 0
      if args.count == 2 {
        guard let d = args[1].smallInt, args[1].isInt else {
          throw PyException.typeError("'\(args[1].type.name)' object cannot be interpreted as an integer")
        }
        dflt = d
      }
      return .int(try lengthHint(ts, args[0], default: dflt))
    }
    add(["call", "__call__"]) { ts, args throws(PyException) in
      guard args.count >= 1 else { throw PyException.typeError("call() missing 1 required positional argument: 'obj'") }
      return try ts.call(args[0], args.droppingFirst)
    }
    m.add("itemgetter", .object(itemgetterType))
    m.add("attrgetter", .object(attrgetterType))
    m.add("methodcaller", .object(methodcallerType))
    return m
  }

  static func expect(_ args: Args, _ name: String, _ n: Int) throws(PyException) {
    if args.hasKeywords { throw PyException.typeError("_operator.\(name)() takes no keyword arguments") }
    if args.count != n {
      if n == 1 {
        throw PyException.typeError("_operator.\(name)() takes exactly one argument (\(args.count) given)")
      }
      throw PyException.typeError("\(name) expected \(n) arguments, got \(args.count)")
    }
  }

  static func requireSequence(_ ts: ThreadState, _ v: Value) throws(PyException) {
    if v.asObject is PyDict || v.type.lookup(names.__getitem__) == nil {
      throw PyException.typeError("'\(v.type.name)' object can't be concatenated")
    }
  }

  /// `operator.length_hint`: `len()`, then `__length_hint__`, then the default.
  static func lengthHint(_ ts: ThreadState, _ v: Value, default dflt: Int) throws(PyException) -> Int {
    if v.type.lookup(names.__len__) != nil || v.asObject.map({ $0.kind != .instance && $0.kind != .other }) == true {
      do throws(PyException) {
        return try ts.len(v)
      } catch {
        if !error.isInstance(of: PyType.typeError) { throw error }
      }
    }
    if case .object(let o) = v, let it = o as? PyNativeIterator, let n = it.lengthHint { return n }
    guard let m = v.type.lookup(names.__length_hint__) else { return dflt }
    let r = try ts.callMethodValue(m, v)
    if r.isNotImplemented { return dflt }
    guard r.isInt, let n = r.smallInt else {
      throw PyException.typeError("__length_hint__ must be an integer, not \(r.type.name)")
    }
    if n < 0 { throw PyException.valueError("__length_hint__() should return >= 0") }
    return n
  }

  // MARK: itemgetter, attrgetter, methodcaller

  final class ItemGetter: PyObject {
    let items: [Value]
    init(_ items: [Value], type: PyType) {
      self.items = items
      super.init(type: type, kind: .other)
    }
  }

  final class AttrGetter: PyObject {
    /// Each attribute as its dotted path.
    let paths: [[PyStr]]
    let names: [Value]
    init(_ names: [Value], paths: [[PyStr]], type: PyType) {
      self.names = names
      self.paths = paths
      super.init(type: type, kind: .other)
    }
  }

  final class MethodCaller: PyObject {
    let name: PyStr
    let args: [Value]
    let kwargs: [(String, Value)]
    init(name: PyStr, args: [Value], kwargs: [(String, Value)], type: PyType) {
      self.name = name
      self.args = args
      self.kwargs = kwargs
      super.init(type: type, kind: .other)
    }
  }

  static let itemgetterType: PyType = CoreSupport.makeType("itemgetter", module: "operator") { t in
    func g(_ v: Value) -> ItemGetter { v.asObject as! ItemGetter }
    t.directCall = { ts, t, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("itemgetter() takes no keyword arguments") }
      if args.count == 0 { throw PyException.typeError("itemgetter expected 1 argument, got 0") }
      return .object(ItemGetter(Array(args.positional), type: t))
    }
    t.method("__call__") { ts, args throws(PyException) in
      let ig = g(args[0])
      if args.hasKeywords { throw PyException.typeError("itemgetter() takes no keyword arguments") }
      guard args.count == 2 else {
        throw PyException.typeError("itemgetter expected 1 argument, got \(args.count - 1)")
      }
      let obj = args[1]
      if ig.items.count == 1 { return try ts.getItem(obj, ig.items[0]) }
      var out: [Value] = []
      out.reserveCapacity(ig.items.count)
      for k in ig.items { out.append(try ts.getItem(obj, k)) }
      return .object(PyTuple(out))
    }
    t.method("__repr__") { ts, args throws(PyException) in
      let ig = g(args[0])
      return Value(try CoreSupport.reprGuard(ts, ig, recursive: "operator.itemgetter(...)") { () throws(PyException) in
        var parts: [String] = []
        for v in ig.items { parts.append(try ts.repr(v)) }
        return "operator.itemgetter(\(parts.joined(separator: ", ")))"
      })
    }
    t.method("__reduce__") { _, args throws(PyException) in
      let ig = g(args[0])
      return .object(PyTuple([.object(ig.type), .object(PyTuple(ig.items))]))
    }
  }

  static let attrgetterType: PyType = CoreSupport.makeType("attrgetter", module: "operator") { t in
    func g(_ v: Value) -> AttrGetter { v.asObject as! AttrGetter }
    t.directCall = { ts, t, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("attrgetter() takes no keyword arguments") }
      if args.count == 0 { throw PyException.typeError("attrgetter expected 1 argument, got 0") }
      var paths: [[PyStr]] = []
      for v in args.positional {
        guard let s = v.asStr else { throw PyException.typeError("attribute name must be a string") }
        paths.append(s.value.split(separator: ".", omittingEmptySubsequences: false).map { intern(String($0)) })
      }
      return .object(AttrGetter(Array(args.positional), paths: paths, type: t))
    }
    t.method("__call__") { ts, args throws(PyException) in
      let ag = g(args[0])
      if args.hasKeywords { throw PyException.typeError("attrgetter() takes no keyword arguments") }
      guard args.count == 2 else {
        throw PyException.typeError("attrgetter expected 1 argument, got \(args.count - 1)")
      }
      func resolve(_ path: [PyStr]) throws(PyException) -> Value {
        var v = args[1]
        for n in path { v = try ts.getAttr(v, n) }
        return v
      }
      if ag.paths.count == 1 { return try resolve(ag.paths[0]) }
      var out: [Value] = []
      for p in ag.paths { out.append(try resolve(p)) }
      return .object(PyTuple(out))
    }
    t.method("__repr__") { ts, args throws(PyException) in
      let ag = g(args[0])
      var parts: [String] = []
      for v in ag.names { parts.append(try ts.repr(v)) }
      return Value("operator.attrgetter(\(parts.joined(separator: ", ")))")
    }
    t.method("__reduce__") { _, args throws(PyException) in
      let ag = g(args[0])
      return .object(PyTuple([.object(ag.type), .object(PyTuple(ag.names))]))
    }
  }

  static let methodcallerType: PyType = CoreSupport.makeType("methodcaller", module: "operator") { t in
    func g(_ v: Value) -> MethodCaller { v.asObject as! MethodCaller }
    t.directCall = { ts, t, args throws(PyException) in
      if args.count == 0 {
        throw PyException.typeError("methodcaller needs at least one argument, the method name")
      }
      guard let name = args[0].asStr else { throw PyException.typeError("method name must be a string") }
      return .object(MethodCaller(name: intern(name.value), args: Array(args.positional.dropFirst()),
                                  kwargs: args.keywords.map { ($0.0.value, $0.1) }, type: t))
    }
    t.method("__call__") { ts, args throws(PyException) in
      let mc = g(args[0])
      if args.hasKeywords { throw PyException.typeError("methodcaller() takes no keyword arguments") }
      guard args.count == 2 else {
        throw PyException.typeError("methodcaller expected 1 argument, got \(args.count - 1)")
      }
      let f = try ts.getAttr(args[1], mc.name)
      return try ts.call(f, args: mc.args, kwargs: mc.kwargs)
    }
    t.method("__repr__") { ts, args throws(PyException) in
      let mc = g(args[0])
      var parts: [String] = [try ts.repr(.object(mc.name))]
      for v in mc.args { parts.append(try ts.repr(v)) }
      for (k, v) in mc.kwargs { parts.append("\(k)=\(try ts.repr(v))") }
      return Value("operator.methodcaller(\(parts.joined(separator: ", ")))")
    }
  }
}
