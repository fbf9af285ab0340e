import BigInt

/// `range`, `slice`, `module`, `mappingproxy`, `SimpleNamespace`, the
/// iterator types, the standard stream type and typing helpers.
enum MiscTypes {
  static func install() {
    installRange()
    installSlice()
    installModule()
    installMappingProxy()
    installNamespace()
    installIterators()
    installStreams()
    installAliases()
  }

  private static func installRange() {
    let t = PyType.range!
    func r(_ v: Value) -> PyRange { v.asObject as! PyRange }
    t.directCall = { ts, _, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("range() takes no keyword arguments") }
      if args.count == 0 { throw PyException.typeError("range expected at least 1 argument, got 0") }
      if args.count > 3 { throw PyException.typeError("range expected at most 3 arguments, got \(args.count)") }
      if case .int(let stop) = args[args.count == 1 ? 0 : 1] {
        switch args.count {
        case 1: return .object(PyRange.make(start: 0, stop: stop, step: 1))
        case 2: if case .int(let start) = args[0] { return .object(PyRange.make(start: start, stop: stop, step: 1)) }
        default:
          if case .int(let start) = args[0], case .int(let step) = args[2], step != 0 {
            return .object(PyRange.make(start: start, stop: stop, step: step))
          }
        }
      }
      func int(_ v: Value) throws(PyException) -> BigInt {
        guard let i = try ts.bigIndexValue(v) else {
          throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
        }
        return i
      }
      switch args.count {
      case 1: return .object(PyRange.make(start: 0, stop: try int(args[0]), step: 1))
      case 2: return .object(PyRange.make(start: try int(args[0]), stop: try int(args[1]), step: 1))
      default:
        let start = try int(args[0]), stop = try int(args[1]), step = try int(args[2])
        if step == 0 { throw PyException.valueError("range() arg 3 must not be zero") }
        return .object(PyRange.make(start: start, stop: stop, step: step))
      }
    }
    t.method("__repr__") { _, args throws(PyException) in Value(r(args[0]).repr) }
    t.method("__len__") { _, args throws(PyException) in
      let x = r(args[0])
      guard let b = x.big else { return .int(x.length) }
      guard let n = Int(exactly: b.length) else { throw PyException.overflow("Python int too large to convert to C ssize_t") }
      return .int(n)
    }
    t.method("__bool__") { _, args throws(PyException) in
      let x = r(args[0])
      return .bool(x.big.map { $0.length != 0 } ?? (x.length != 0))
    }
    t.method("__iter__") { _, args throws(PyException) in
      let x = r(args[0])
      if let b = x.big { return .object(PyBigRangeIterator(b)) }
      return .object(PyRangeIterator(x))
    }
    t.method("__reversed__") { _, args throws(PyException) in
      let x = r(args[0])
      if let b = x.big { return .object(PyBigRangeIterator(b.reversed)) }
      let last = x.length == 0 ? x.start : x.item(x.length - 1)
      return .object(PyRangeIterator(PyRange(start: last, stop: x.start - x.step, step: -x.step)))
    }
    t.method("__getitem__") { ts, args throws(PyException) in
      let x = r(args[0])
      guard let b = x.big else { return try ts.getItem(args[0], args[1]) }
      if case .object(let k) = args[1], k.kind == .slice {
        return .object(try b.sliced(ts, unsafeDowncast(k, to: PySlice.self)))
      }
      guard var i = try ts.bigIndexValue(args[1]) else {
        throw PyException.typeError("range indices must be integers or slices, not \(args[1].type.name)")
      }
      if i < 0 { i += b.length }
      if i < 0 || i >= b.length { throw PyException.indexError("range object index out of range") }
      return .int(b.item(i))
    }
    t.method("__contains__") { ts, args throws(PyException) in
      if let v = args[1].rangeMemberValue { return .bool(r(args[0]).bounds.contains(v)) }
      return .bool(try ts.iterationContains(args[0], args[1]))
    }
    t.method("__eq__") { _, args throws(PyException) in
      guard case .object(let o) = args[1], let other = o as? PyRange else { return .notImplemented }
      return .bool(r(args[0]).sameSequence(as: other))
    }
    t.method("__hash__") { ts, args throws(PyException) in
      let x = r(args[0]).bounds
      let key: Value = x.length == 0 ? .object(PyTuple([.int(0), .none, .none]))
        : .object(PyTuple([.int(x.length), .int(x.start), x.length == 1 ? .none : .int(x.step)]))
      return .int(try ts.hash(key))
    }
    t.method("index") { ts, args throws(PyException) in
      try args.expect("index", 1)
      let x = r(args[0]).bounds
      if let v = args[1].rangeMemberValue {
        if x.contains(v) { return .int((v - x.start) / x.step) }
      } else if let i = try ts.iterationIndex(args[0], args[1]) {
        return .int(i)
      }
      throw PyException.valueError("\(try ts.repr(args[1])) is not in range")
    }
    t.method("count") { ts, args throws(PyException) in
      try args.expect("count", 1)
      let x = r(args[0]).bounds
      if let v = args[1].rangeMemberValue { return .int(x.contains(v) ? 1 : 0) }
      return .int(try ts.iterationCount(args[0], args[1]))
    }
    t.getter("start") { _, v throws(PyException) in .int(r(v).bounds.start) }
    t.getter("stop") { _, v throws(PyException) in .int(r(v).bounds.stop) }
    t.getter("step") { _, v throws(PyException) in .int(r(v).bounds.step) }
    t.method("__reduce__") { _, args throws(PyException) in
      let x = r(args[0]).bounds
      return .object(PyTuple([.object(PyType.range), .object(PyTuple([.int(x.start), .int(x.stop), .int(x.step)]))]))
    }
  }

  private static func installSlice() {
    let t = PyType.slice!
    func s(_ v: Value) -> PySlice { v.asObject as! PySlice }
    t.directCall = { _, _, args throws(PyException) in
      switch args.count {
      case 1: return .object(PySlice(start: .none, stop: args[0], step: .none))
      case 2: return .object(PySlice(start: args[0], stop: args[1], step: .none))
      case 3: return .object(PySlice(start: args[0], stop: args[1], step: args[2]))
      default: throw PyException.typeError("slice expected at least 1 argument, got \(args.count)")
      }
    }
    t.method("__repr__") { ts, args throws(PyException) in
      let x = s(args[0])
      return Value("slice(\(try ts.repr(x.start)), \(try ts.repr(x.stop)), \(try ts.repr(x.step)))")
    }
    t.getter("start") { _, v throws(PyException) in s(v).start }
    t.getter("stop") { _, v throws(PyException) in s(v).stop }
    t.getter("step") { _, v throws(PyException) in s(v).step }
    t.method("indices") { ts, args throws(PyException) in
      try args.expect("indices", 1)
      let n = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
      if n < 0 { throw PyException.valueError("length should not be negative") }
      let (a, b, c, _) = try s(args[0]).indices(ts, length: n)
      return .object(PyTuple([.int(a), .int(b), .int(c)]))
    }
    t.method("__eq__") { ts, args throws(PyException) in
      guard case .object(let o) = args[1], let other = o as? PySlice else { return .notImplemented }
      let x = s(args[0])
      return .bool(try ts.richEqual(.object(PyTuple([x.start, x.stop, x.step])),
                                    .object(PyTuple([other.start, other.stop, other.step]))))
    }
    t.unhashable()
  }

  private static func installModule() {
    let t = PyType.module!
    func m(_ v: Value) -> PyModule { v.asObject as! PyModule }
    t.staticMethod("__new__") { _, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("module.__new__(X): X is not a type") }
      return .object(PyModule(name: "?", type: cls))
    }
    t.method("__init__") { _, args throws(PyException) in
      let a = try ArgList(args, "module", ["name", "doc"], required: 1, skipSelf: true)
      let mod = m(args[0])
      mod.attributes.setStr(names.__name__, a[0]!)
      mod.attributes.setStr(names.__doc__, a[1] ?? .none)
      return .none
    }
    t.method("__repr__") { _, args throws(PyException) in
      let mod = m(args[0])
      let name = mod.attributes.getStr(names.__name__)?.asStr?.value ?? mod.name
      if let f = mod.attributes.getStr(names.__file__)?.asStr?.value { return Value("<module '\(name)' from '\(f)'>") }
      return Value("<module '\(name)' (built-in)>")
    }
    t.method("__dir__") { _, args throws(PyException) in
      .object(PyList(m(args[0]).attributes.keys.compactMap { $0.asStr?.value }.sorted().map { Value($0) }))
    }
  }

  private static func installMappingProxy() {
    let t = PyType.mappingProxy!
    func p(_ v: Value) -> PyDict { (v.asObject as! PyMappingProxy).mapping }
    t.directCall = { _, _, args throws(PyException) in
      guard args.count == 1, let d = args[0].asDict else {
        throw PyException.typeError("mappingproxy() argument must be a mapping, not \(args.count > 0 ? args[0].type.name : "nothing")")
      }
      return .object(PyMappingProxy(d))
    }
    t.method("__getitem__") { ts, args throws(PyException) in try ts.getItem(.object(p(args[0])), args[1]) }
    t.method("__len__") { _, args throws(PyException) in .int(p(args[0]).count) }
    t.method("__iter__") { _, args throws(PyException) in .object(PyDictIterator(p(args[0]), mode: .keys)) }
    t.method("__contains__") { ts, args throws(PyException) in .bool(try p(args[0]).contains(ts, args[1])) }
    t.method("keys") { _, args throws(PyException) in .object(PyDictView(p(args[0]), kind: .keys)) }
    t.method("values") { _, args throws(PyException) in .object(PyDictView(p(args[0]), kind: .values)) }
    t.method("items") { _, args throws(PyException) in .object(PyDictView(p(args[0]), kind: .items)) }
    t.method("get") { ts, args throws(PyException) in
      try p(args[0]).get(ts, args[1]) ?? (args.count > 2 ? args[2] : .none)
    }
    t.method("copy") { _, args throws(PyException) in .object(p(args[0]).copy()) }
    t.method("__repr__") { ts, args throws(PyException) in Value("mappingproxy(\(try ts.repr(.object(p(args[0])))))") }
    t.method("__str__") { ts, args throws(PyException) in Value(try ts.str(.object(p(args[0])))) }
  }

  private static func installNamespace() {
    let t = PyType.simpleNamespace!
    t.method("__init__") { ts, args throws(PyException) in
      guard case .object(let o) = args[0], let d = o.dict else { return .none }
      if args.count > 2 { throw PyException.typeError("SimpleNamespace expected at most 1 positional argument, got \(args.count - 1)") }
      if args.count == 2 { try ts.dictUpdate(d, from: args[1]) }
      for (k, v) in args.keywords { d.setStr(k, v) }
      return .none
    }
    t.method("__repr__") { ts, args throws(PyException) in
      guard case .object(let o) = args[0], let d = o.dict else { return Value("namespace()") }
      let id = ObjectIdentifier(o)
      if ts.reprActive.contains(id) { return Value("namespace(...)") }
      ts.reprActive.insert(id)
      defer { ts.reprActive.remove(id) }
      var parts: [String] = []
      for (k, v) in d.storageItems() { parts.append("\(try ts.str(k))=\(try ts.repr(v))") }
      let name = o.type === PyType.simpleNamespace ? "namespace" : o.type.name
      return Value("\(name)(\(parts.joined(separator: ", ")))")
    }
    t.method("__eq__") { ts, args throws(PyException) in
      guard case .object(let a) = args[0], case .object(let b) = args[1], b.type.isSubtype(of: PyType.simpleNamespace),
            let da = a.dict, let db = b.dict else { return .notImplemented }
      return .bool(try NativeOps.dictsEqual(ts, da, db))
    }
    t.unhashable()
  }

  private static func installIterators() {
    let iterTypes: [PyType] = [PyType.nativeIterator, PyType.rangeIterator, PyType.longRangeIterator, PyType.listIterator,
                               PyType.listReverseIterator, PyType.tupleIterator, PyType.strIterator,
                               PyType.bytesIterator, PyType.dictKeyIterator, PyType.dictValueIterator,
                               PyType.dictItemIterator, PyType.setIterator, PyType.seqIterator,
                               PyType.callableIterator, PyType.enumerate, PyType.zip, PyType.map,
                               PyType.filter, PyType.reversed]
    for t in iterTypes {
      t.method("__iter__") { _, args throws(PyException) in args[0] }
      t.method("__next__") { ts, args throws(PyException) in
        guard let v = try ts.next(args[0]) else { throw PyException.stopIteration() }
        return v
      }
      t.method("__length_hint__") { _, args throws(PyException) in
        if case .object(let o) = args[0], let it = o as? PyNativeIterator, let n = it.lengthHint { return .int(n) }
        return .notImplemented
      }
    }
  }

  private static func installStreams() {
    let t = PyType.textStream!
    func s(_ v: Value) -> PyTextStream { v.asObject as! PyTextStream }
    t.method("write") { ts, args throws(PyException) in
      try args.expect("write", 1)
      guard let text = args[1].asStr else {
        throw PyException.typeError("write() argument must be str, not \(args[1].type.name)")
      }
      if s(args[0]).stream == nil { throw PyException.make(PyType.osError, "not writable") }
      s(args[0]).write(text.value)
      return .int(text.count)
    }
    t.method("flush") { _, args throws(PyException) in
      s(args[0]).runtime.output.flush()
      return .none
    }
    t.method("writelines") { ts, args throws(PyException) in
      try ts.iterate(args[1]) { (line) throws(PyException) in
        guard let text = line.asStr else { throw PyException.typeError("write() argument must be str") }
        s(args[0]).write(text.value)
      }
      return .none
    }
    t.method("readline") { _, _ throws(PyException) in Value("") }
    t.method("read") { _, _ throws(PyException) in Value("") }
    t.method("isatty") { _, _ throws(PyException) in .bool(false) }
    t.method("fileno") { _, args throws(PyException) in
      switch s(args[0]).stream {
      case .stdout: return .int(1)
      case .stderr: return .int(2)
      default: return .int(0)
      }
    }
    t.method("writable") { _, args throws(PyException) in .bool(s(args[0]).stream != nil) }
    t.method("readable") { _, args throws(PyException) in .bool(s(args[0]).stream == nil) }
    t.getter("encoding") { _, _ throws(PyException) in Value("utf-8") }
    t.getter("errors") { _, _ throws(PyException) in Value("strict") }
    t.getter("name") { _, v throws(PyException) in Value(s(v).name) }
    t.getter("closed") { _, _ throws(PyException) in .bool(false) }
    t.method("__repr__") { _, args throws(PyException) in
      Value("<_io.TextIOWrapper name='\(s(args[0]).name)' mode='\(s(args[0]).stream == nil ? "r" : "w")' encoding='utf-8'>")
    }
  }

  private static func installAliases() {
    let g = PyType.genericAlias!
    func a(_ v: Value) -> GenericAlias { v.asObject as! GenericAlias }
    g.method("__repr__") { ts, args throws(PyException) in
      let x = a(args[0])
      func name(_ v: Value) throws(PyException) -> String {
        if let t = v.asType { return t.moduleName == "builtins" ? t.qualname : "\(t.moduleName).\(t.qualname)" }
        if case .object(let o) = v, o === PySingleton.ellipsis { return "..." }
        return try ts.repr(v)
      }
      let argList: [Value] = x.args.asTuple.map { Array($0.items) } ?? [x.args]
      var parts: [String] = []
      for v in argList { parts.append(try name(v)) }
      return Value("\(try name(x.origin))[\(parts.joined(separator: ", "))]")
    }
    g.directCall = { _, _, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("GenericAlias() takes no keyword arguments") }
      guard args.count == 2 else { throw PyException.typeError("GenericAlias expected 2 arguments, got \(args.count)") }
      return .object(GenericAlias(origin: args[0], args: args[1]))
    }
    g.getter("__parameters__") { _, _ throws(PyException) in .object(PyTuple.empty) }
    g.getter("__origin__") { _, v throws(PyException) in a(v).origin }
    /// `list[int]` stores `int`, `GenericAlias(list, (int,))` a tuple: compare as tuples.
    func argsTuple(_ x: GenericAlias) -> Value {
      x.args.asTuple != nil ? x.args : .object(PyTuple([x.args]))
    }
    g.getter("__args__") { _, v throws(PyException) in argsTuple(a(v)) }
    g.method("__call__") { ts, args throws(PyException) in try ts.call(a(args[0]).origin, args.droppingFirst) }
    g.method("__getattr__") { ts, args throws(PyException) in try ts.getAttr(a(args[0]).origin, ts.strArg(args[1], "attr")) }
    g.method("__mro_entries__") { _, args throws(PyException) in .object(PyTuple([a(args[0]).origin])) }
    g.method("__eq__") { ts, args throws(PyException) in
      guard case .object(let o) = args[1], let b = o as? GenericAlias else { return .notImplemented }
      let x = a(args[0])
      if try !ts.richEqual(x.origin, b.origin) { return .bool(false) }
      return .bool(try ts.richEqual(argsTuple(x), argsTuple(b)))
    }
    g.method("__hash__") { ts, args throws(PyException) in .int(try ts.hash(a(args[0]).origin) ^ ts.hash(argsTuple(a(args[0])))) }
    g.method("__or__") { _, args throws(PyException) in .object(PyUnion(args[0], args[1])) }
    g.method("__ror__") { _, args throws(PyException) in .object(PyUnion(args[1], args[0])) }

    let u = PyType.unionType!
    func un(_ v: Value) -> PyUnion { v.asObject as! PyUnion }
    u.method("__repr__") { ts, args throws(PyException) in
      var parts: [String] = []
      for m in un(args[0]).members {
        if m.isNone || m.asType === PyType.noneType { parts.append("None"); continue }
        if let t = m.asType { parts.append(t.moduleName == "builtins" ? t.qualname : "\(t.moduleName).\(t.qualname)"); continue }
        parts.append(try ts.repr(m))
      }
      return Value(parts.joined(separator: " | "))
    }
    u.getter("__args__") { _, v throws(PyException) in
      .object(PyTuple(un(v).members.map { $0.isNone ? .object(PyType.noneType) : $0 }))
    }
    u.method("__or__") { _, args throws(PyException) in .object(PyUnion(args[0], args[1])) }
    u.method("__ror__") { _, args throws(PyException) in .object(PyUnion(args[1], args[0])) }
    u.method("__eq__") { ts, args throws(PyException) in
      guard case .object(let o) = args[1], let b = o as? PyUnion else { return .notImplemented }
      return .bool(try ts.richEqual(.object(PyTuple(un(args[0]).members)), .object(PyTuple(b.members))))
    }
    u.method("__hash__") { ts, args throws(PyException) in .int(try ts.hash(.object(PyTuple(un(args[0]).members)))) }
  }
}
