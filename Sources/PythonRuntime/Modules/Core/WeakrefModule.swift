/// `_weakref`: weak references. The runtime is reference counted, so a Swift
/// `weak` reference gives real weak semantics: the referent goes away as
/// soon as its last strong reference does. Callbacks run at that moment for
/// instances of user classes (a watcher object is parked in the instance's
/// slot storage; its deinit fires the callbacks).
enum WeakrefModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_weakref")
    m.add("ref", .object(refType))
    m.add("ReferenceType", .object(refType))
    m.addFunction("getweakrefcount") { _, args throws(PyException) in
      try args.expect("getweakrefcount", 1, skipSelf: false)
      guard case .object(let o) = args[0], let w = watcher(of: o, create: false) else { return .int(0) }
      return .int(w.liveRefs.count)
    }
    m.addFunction("getweakrefs") { _, args throws(PyException) in
      try args.expect("getweakrefs", 1, skipSelf: false)
      guard case .object(let o) = args[0], let w = watcher(of: o, create: false) else { return .object(PyList()) }
      return .object(PyList(w.liveRefs.map { .object($0) }))
    }
    return m
  }

  /// A weak reference object.
  final class WeakRef: PyObject {
    weak var target: PyObject?
    var callback: Value = .none
    /// Identity and hash of the referent, kept after it dies.
    var targetID: ObjectIdentifier?
    var targetTypeName = ""
    var cachedHash: Int?
  }

  /// Parked in a user-class instance's slot storage; when the instance is
  /// deallocated, so is the watcher, which then runs the weakref callbacks.
  final class Watcher: PyObject {
    struct Entry { weak var ref: WeakRef? }
    var entries: [Entry] = []
    weak var interp: Interpreter?

    var liveRefs: [WeakRef] { entries.compactMap { $0.ref } }

    deinit {
      let refs = entries.compactMap { $0.ref }.reversed()
      guard let interp, refs.contains(where: { !$0.callback.isNone }) else { return }
      guard let ts = interp.threads.first(where: { $0.holdsGIL }) else { return }
      for r in refs where !r.callback.isNone {
        let cb = r.callback
        r.callback = .none
        do throws(PyException) {
          _ = try ts.call(cb, .object(r))
        } catch {
          let text = "Exception ignored while calling weakref callback \((try? ts.repr(cb)) ?? "?"):\n"
            + Traceback.format(ts, error)
          try? ts.writeStderr(text)
        }
      }
    }
  }

  /// The watcher of a user-class instance (created on demand).
  static func watcher(of o: PyObject, create: Bool, interp: Interpreter? = nil) -> Watcher? {
    guard let inst = o as? PyInstance else { return nil }
    let n = inst.type.slotCount
    if inst.slots.count > n, case .object(let w)? = inst.slots[n], let watcher = w as? Watcher { return watcher }
    guard create else { return nil }
    let w = Watcher(type: PyType.object, kind: .other)
    w.interp = interp
    while inst.slots.count < n { inst.slots.append(nil) }
    if inst.slots.count == n { inst.slots.append(.object(w)) } else { inst.slots[n] = .object(w) }
    return w
  }

  static func canReference(_ o: PyObject) -> Bool {
    if o.type.isHeapType { return true }
    switch o.kind {
    case .function, .type, .set, .frozenset, .generator, .boundMethod, .module, .code: return true
    case .str, .bytes, .bytearray, .list, .tuple, .dict, .long, .exception: return false
    default: return o is PyNativeIterator || o.type.builtinModule != "builtins"
    }
  }

  static func ref(_ v: Value) -> WeakRef { v.asObject as! WeakRef }

  static func makeRef(_ ts: ThreadState, _ cls: PyType, _ target: Value, _ callback: Value) throws(PyException) -> Value {
    guard case .object(let o) = target, canReference(o) else {
      throw PyException.typeError("cannot create weak reference to '\(target.type.name)' object")
    }
    let r = WeakRef(type: cls, kind: .other)
    CoreSupport.prepareInstance(r, cls)
    r.target = o
    r.callback = callback
    r.targetID = ObjectIdentifier(o)
    r.targetTypeName = o.type.name
    if let w = watcher(of: o, create: true, interp: ts.interp) {
      w.entries.removeAll { $0.ref == nil }
      w.entries.append(Watcher.Entry(ref: r))
    }
    return .object(r)
  }

  static let refType: PyType = CoreSupport.makeType("ReferenceType", module: "weakref", subclassable: true) { t in
    t.directCall = { ts, cls, args throws(PyException) in
      try args.expect("ref", min: 1, max: 2, skipSelf: false)
      return try makeRef(ts, cls, args[0], args.count > 1 ? args[1] : .none)
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let cls = try CoreSupport.newClass(args, "ref")
      guard args.count >= 2 else { throw PyException.typeError("__new__ expected at least 1 argument, got 0") }
      return try makeRef(ts, cls, args[1], args.count > 2 ? args[2] : .none)
    }
    t.method("__init__") { _, _ throws(PyException) in .none }
    t.method("__call__") { _, args throws(PyException) in
      if args.count > 1 || args.hasKeywords { throw PyException.typeError("weakref() takes no arguments") }
      return ref(args[0]).target.map { .object($0) } ?? .none
    }
    t.getter("__callback__") { _, v throws(PyException) in ref(v).callback }
    t.method("__repr__") { ts, args throws(PyException) in
      let r = ref(args[0])
      guard let o = r.target else { return Value("<weakref at \(ts.hexAddress(r)); dead>") }
      return Value("<weakref at \(ts.hexAddress(r)); to '\(o.type.fullName)' at \(ts.hexAddress(o))>")
    }
    t.method("__hash__") { ts, args throws(PyException) in
      let r = ref(args[0])
      if let h = r.cachedHash { return .int(h) }
      guard let o = r.target else { throw PyException.typeError("weak object has gone away") }
      let h = try ts.hash(.object(o))
      r.cachedHash = h
      return .int(h)
    }
    t.method("__eq__") { ts, args throws(PyException) in
      guard case .object(let oo) = args[1], let other = oo as? WeakRef else { return .notImplemented }
      let a = ref(args[0])
      if let x = a.target, let y = other.target { return .bool(try ts.richEqual(.object(x), .object(y))) }
      return .bool(a === other)
    }
    t.method("__ne__") { ts, args throws(PyException) in
      guard case .object(let oo) = args[1], let other = oo as? WeakRef else { return .notImplemented }
      let a = ref(args[0])
      if let x = a.target, let y = other.target { return .bool(!(try ts.richEqual(.object(x), .object(y)))) }
      return .bool(a !== other)
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in .object(GenericAlias(origin: args[0], args: args[1])) }
  }
}

/// `gc`: the runtime frees objects by reference counting; there is no cycle
/// collector to run, so `collect()` finds nothing.
enum GCModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "gc")
    final class State { var enabled = true; var threshold: [Int] = [2000, 10, 10] }
    let state = State()
    m.addFunction("collect") { _, args throws(PyException) in
      let a = try ArgList(args, "collect", ["generation"])
      if let g = a[0], let n = g.smallInt, n < 0 || n > 2 { throw PyException.valueError("invalid generation") }
      return .int(0)
    }
    m.addFunction("enable") { _, _ throws(PyException) in state.enabled = true; return .none }
    m.addFunction("disable") { _, _ throws(PyException) in state.enabled = false; return .none }
    m.addFunction("isenabled") { _, _ throws(PyException) in .bool(state.enabled) }
    m.addFunction("get_count") { _, _ throws(PyException) in .object(PyTuple([.int(0), .int(0), .int(0)])) }
    m.addFunction("get_threshold") { _, _ throws(PyException) in .object(PyTuple(state.threshold.map { .int($0) })) }
    m.addFunction("set_threshold") { ts, args throws(PyException) in
      try args.expect("set_threshold", min: 1, max: 3, skipSelf: false)
      for i in 0..<args.count { state.threshold[i] = try ts.intArg(args[i], "an integer is required") }
      return .none
    }
    m.addFunction("get_objects") { _, _ throws(PyException) in .object(PyList()) }
    m.addFunction("get_referrers") { _, _ throws(PyException) in .object(PyList()) }
    m.addFunction("get_referents") { _, _ throws(PyException) in .object(PyList()) }
    m.addFunction("is_tracked") { _, args throws(PyException) in
      guard args.count == 1 else { throw PyException.typeError("is_tracked() takes exactly one argument (\(args.count) given)") }
      if case .object(let o) = args[0] { return .bool(o.kind != .str && o.kind != .long && o.kind != .bytes) }
      return .bool(false)
    }
    m.addFunction("is_finalized") { _, _ throws(PyException) in .bool(false) }
    m.addFunction("freeze") { _, _ throws(PyException) in .none }
    m.addFunction("unfreeze") { _, _ throws(PyException) in .none }
    m.addFunction("get_freeze_count") { _, _ throws(PyException) in .int(0) }
    m.addFunction("get_stats") { _, _ throws(PyException) in
      let gens: [Value] = (0..<3).map { _ in
        let d = PyDict()
        d.setStr("collections", .int(0))
        d.setStr("collected", .int(0))
        d.setStr("uncollectable", .int(0))
        return .object(d)
      }
      return .object(PyList(gens))
    }
    m.add("garbage", .object(PyList()))
    m.add("callbacks", .object(PyList()))
    m.add("DEBUG_STATS", .int(1))
    m.add("DEBUG_COLLECTABLE", .int(2))
    m.add("DEBUG_UNCOLLECTABLE", .int(4))
    m.add("DEBUG_SAVEALL", .int(32))
    m.add("DEBUG_LEAK", .int(38))
    return m
  }
}
