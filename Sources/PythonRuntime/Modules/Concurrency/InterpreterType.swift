/// The setter of a read-only attribute that CPython defines as a Python
/// `property` (so assigning it gives the property's message, not a getset's).
func readOnlyProperty(_ cls: String, _ name: String) -> (ThreadState, Value, Value?) throws(PyException) -> Void {
  { _, _, value throws(PyException) in
    let what = value == nil ? "deleter" : "setter"
    throw PyException.attributeError("property '\(name)' of '\(cls)' object has no \(what)")
  }
}

/// `concurrent.interpreters.Interpreter`: the methods (native, so that the
/// object's lifetime can own a reference to the interpreter).
enum InterpreterType {
  static func install(_ t: PyType) {
    func obj(_ v: Value) -> PyInterpreterObject { v.asObject as! PyInterpreterObject }
    func live(_ ts: ThreadState, _ v: Value) throws(PyException) -> Interpreter {
      ts.interp.runtime.processPendingDestroys(ts)
      guard let i = ts.interp.runtime.interpreter(id: obj(v).interpID) else {
        throw InterpreterModules.notFound(obj(v).interpID)
      }
      return i
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let a = try ArgList(args, "Interpreter", ["cls", "id", "_whence", "_ownsref"], required: 2, positionalOnly: 2)
      let idValue = a[1]!
      guard idValue.isInt, let id = idValue.smallInt else {
        throw PyException.typeError("id must be an int, got \(try ts.repr(idValue))")
      }
      if id < 0 { throw PyException.valueError("interpreter ID must be a non-negative int, got \(id)") }
      var owns: Bool? = nil
      if let o = a[3], !o.isNone { owns = try ts.isTrue(o) }
      return try InterpreterModules.interpreterObject(ts, id: id, ownsRef: owns)
    }
    t.getter("id", { _, v throws(PyException) in .int(obj(v).interpID) }, set: readOnlyProperty("Interpreter", "id"))
    t.getter("whence", { _, v throws(PyException) in Value(obj(v).whence) },
             set: readOnlyProperty("Interpreter", "whence"))
    t.method("__repr__") { _, args throws(PyException) in Value("Interpreter(\(obj(args[0]).interpID))") }
    t.method("__hash__") { _, args throws(PyException) in .int(Hashing.hashInt(obj(args[0]).interpID)) }
    t.method("__reduce__") { _, args throws(PyException) in
      .object(PyTuple([.object(InterpreterModules.interpreterType), .object(PyTuple([.int(obj(args[0]).interpID)]))]))
    }
    t.method("is_running") { ts, args throws(PyException) in
      let i = try live(ts, args[0])
      return .bool(i.id == 0 || i.runningCount.load(ordering: .relaxed) > 0)
    }
    t.method("close") { ts, args throws(PyException) in
      let i = try live(ts, args[0])
      try InterpreterModules.checkRestricted(i, "destroy")
      try ts.interp.runtime.destroyInterpreter(i, from: ts)
      return .none
    }
    t.method("prepare_main") { ts, args throws(PyException) in
      let i = try live(ts, args[0])
      if args.count > 2 { throw PyException.typeError("prepare_main expected at most 1 positional argument") }
      let ns = PyDict()
      if args.count == 2, !args[1].isNone { try ts.dictUpdate(ns, from: args[1]) }
      for (k, v) in args.keywords { ns.setStr(k, v) }
      if ns.count == 0 { throw PyException.valueError("arg 2 must be a non-empty dict") }
      try InterpreterModules.checkRestricted(i, "update __main__ for")
      try ExecutionSupport.prepareMain(ts, i, ns)
      return .none
    }
    t.method("exec") { ts, args throws(PyException) in
      // CPython's method is `exec(self, code, /)` in Python: no dedent=.
      if let (name, _) = args.keywords.first {
        throw PyException.typeError("Interpreter.exec() got an unexpected keyword argument '\(name.value)'")
      }
      try args.expect("exec", 1)
      let i = try live(ts, args[0])
      try InterpreterModules.checkRestricted(i, "exec code for")
      try ExecutionSupport.exec(ts, i, args[1])
      return .none
    }
    t.method("call") { ts, args throws(PyException) in
      guard args.count >= 2 else { throw PyException.typeError("Interpreter.call() missing 1 required positional argument: 'callable'") }
      let i = try live(ts, args[0])
      let callable = args[1]
      if !ts.isCallable(callable) {
        throw PyException.typeError("expected a callable, got \(try ts.repr(callable))")
      }
      try InterpreterModules.checkRestricted(i, "make a call in")
      let positional = Array(UnsafeBufferPointer(start: args.base + 2, count: args.count - 2))
      return try ExecutionSupport.call(ts, i, callable, positional, args.keywords)
    }
    t.method("_call") { ts, args throws(PyException) in
      try args.expect("_call", 3)
      let i = try live(ts, args[0])
      try InterpreterModules.checkRestricted(i, "make a call in")
      let positional = try ts.collect(args[2])
      var kw: [(PyStr, Value)] = []
      if let d = args[3].asDict {
        for (k, v) in d.storageItems() { if let ks = k.asStr { kw.append((ks, v)) } }
      }
      _ = try ExecutionSupport.call(ts, i, args[1], positional, kw)
      return .none
    }
    t.method("call_in_thread") { ts, args throws(PyException) in
      guard args.count >= 2 else { throw PyException.typeError("Interpreter.call_in_thread() missing 1 required positional argument: 'callable'") }
      let me = args[0]
      let positional = Array(UnsafeBufferPointer(start: args.base + 2, count: args.count - 2))
      let kw = PyDict()
      for (k, v) in args.keywords { kw.setStr(k, v) }
      let threading = try ts.importModule("threading")
      let threadClass = try ts.getAttr(threading, intern("Thread"))
      let target = try ts.getAttr(me, intern("_call"))
      let t = try ts.call(threadClass, args: [], kwargs: [
        ("target", target),
        ("args", .object(PyTuple([args[1], .object(PyTuple(positional)), .object(kw)]))),
      ])
      _ = try ts.callMethod(t, intern("start"))
      return t
    }
  }
}

/// `concurrent.interpreters._queues.Queue`.
enum QueueType {
  static func install(_ t: PyType) {
    func q(_ v: Value) -> PyInterpQueue { v.asObject as! PyInterpQueue }
    func live(_ ts: ThreadState, _ v: Value) throws(PyException) -> CrossInterpreterQueue {
      guard let cq = ts.interp.runtime.queues.queue(q(v).queueID) else {
        throw PyException.make(InterpreterModules.queueNotFoundError, "queue \(q(v).queueID) not found")
      }
      return cq
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard args.count == 2 else { throw PyException.typeError("Queue() takes exactly one argument") }
      guard args[1].isInt, let id = args[1].smallInt else {
        throw PyException.typeError("id must be an int, got \(try ts.repr(args[1]))")
      }
      return try InterpreterModules.queueObject(ts, id: id)
    }
    t.getter("id", { _, v throws(PyException) in .int(q(v).queueID) }, set: readOnlyProperty("Queue", "id"))
    t.getter("maxsize", { _, v throws(PyException) in .int(q(v).maxsize) }, set: readOnlyProperty("Queue", "maxsize"))
    t.getter("unbounditems", { ts, v throws(PyException) in
      let x = q(v)
      if !x.unboundItems.isNone { return x.unboundItems }
      let reg = InterpreterModules.registrations(ts)
      if !reg.resolveUnbound.isNone {
        let queues = try ts.importModule("concurrent.interpreters._queues")
        return try ts.getAttr(queues, intern("UNBOUND"))
      }
      return .none
    }, set: readOnlyProperty("Queue", "unbounditems"))
    t.method("_set_unbound") { _, args throws(PyException) in
      q(args[0]).unboundOp = args[1].smallInt ?? 3
      q(args[0]).unboundItems = args[2]
      return .none
    }
    t.method("__repr__") { _, args throws(PyException) in Value("Queue(\(q(args[0]).queueID))") }
    t.method("__hash__") { _, args throws(PyException) in .int(Hashing.hashInt(q(args[0]).queueID)) }
    t.method("__reduce__") { _, args throws(PyException) in
      .object(PyTuple([.object(InterpreterModules.queueType), .object(PyTuple([.int(q(args[0]).queueID)]))]))
    }
    t.method("qsize") { ts, args throws(PyException) in
      let cq = try live(ts, args[0])
      return .int(cq.cond.withLock { cq.items.count })
    }
    t.method("empty") { ts, args throws(PyException) in
      let cq = try live(ts, args[0])
      return .bool(cq.cond.withLock { cq.items.isEmpty })
    }
    t.method("full") { ts, args throws(PyException) in
      let cq = try live(ts, args[0])
      return .bool(cq.cond.withLock { cq.isFull })
    }
    t.method("put") { ts, args throws(PyException) in
      let a = try ArgList(args, "put", ["obj", "block", "timeout"], required: 1, keywordOnly: ["unbounditems"],
                          skipSelf: true)
      let block = try a[1].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      try QueueOps.put(ts, q(args[0]), a[0]!, block: block, timeout: a[2], unbounditems: a[3])
      return .none
    }
    t.method("put_nowait") { ts, args throws(PyException) in
      let a = try ArgList(args, "put_nowait", ["obj"], required: 1, keywordOnly: ["unbounditems"], skipSelf: true)
      try QueueOps.put(ts, q(args[0]), a[0]!, block: false, timeout: nil, unbounditems: a[1])
      return .none
    }
    t.method("get") { ts, args throws(PyException) in
      let a = try ArgList(args, "get", ["block", "timeout"], skipSelf: true)
      let block = try a[0].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      return try QueueOps.get(ts, q(args[0]), block: block, timeout: a[1])
    }
    t.method("get_nowait") { ts, args throws(PyException) in
      try QueueOps.get(ts, q(args[0]), block: false, timeout: nil)
    }
  }
}

/// Blocking put/get on cross-interpreter queues. Values are converted
/// while holding the caller's GIL; waiting happens without any GIL.
enum QueueOps {
  /// CPython converts the timeout with `int()`, so 0.5 means 0 seconds.
  static func timeoutSeconds(_ ts: ThreadState, _ v: Value?) throws(PyException) -> Double? {
    guard let t = v, !t.isNone else { return nil }
    let i = try ts.withArgs([t]) { (a) throws(PyException) in try NumberTypes.makeInt(ts, a) }
    guard let n = i.smallInt else { throw PyException.overflow("timeout too large") }
    if n < 0 { throw PyException.valueError("timeout value must be non-negative") }
    return Double(n)
  }

  private static func raise(_ ts: ThreadState, _ cls: Value, _ message: String) throws(PyException) -> Never {
    if cls.isNone { throw PyException.make(InterpreterModules.queueError, message) }
    let r = try ts.call(cls, Value(message))
    throw r.asException ?? PyException.make(InterpreterModules.queueError, message)
  }

  static func put(_ ts: ThreadState, _ q: PyInterpQueue, _ obj: Value, block: Bool, timeout: Value?,
                  unbounditems: Value?) throws(PyException) {
    let timeoutValue = block ? try timeoutSeconds(ts, timeout) : nil
    var op = q.unboundOp
    if let u = unbounditems, !u.isNone {
      let reg = InterpreterModules.registrations(ts)
      let flags = try ts.collect(try ts.call(reg.serializeUnbound, u))
      op = flags.first?.smallInt ?? op
    }
    guard let cq = ts.interp.runtime.queues.queue(q.queueID) else {
      throw PyException.make(InterpreterModules.queueNotFoundError, "queue \(q.queueID) not found")
    }
    let data = try CrossInterpreter.share(ts, obj, mode: .fullFallback)
    let item = CrossInterpreterQueue.Item(data: data, owner: ts.interp.id, unbound: UnboundOp(rawValue: op) ?? .replace)
    // Fast path: room available.
    let done: Bool = cq.cond.withLock {
      if cq.isFull { return false }
      cq.items.append(item)
      cq.cond.broadcast()
      return true
    }
    if done { return }
    if !block { try raise(ts, InterpreterModules.registrations(ts).queueFull, "queue \(q.queueID) is full") }
    let deadline = timeoutValue.map { monotonicNow() + $0 } ?? Double.infinity
    ts.releaseGIL()
    cq.cond.lock()
    var stored = false
    while true {
      if !cq.isFull {
        cq.items.append(item)
        cq.cond.broadcast()
        stored = true
        break
      }
      let left = deadline - monotonicNow()
      if left <= 0 || ts.hasPendingAsyncException { break }
      cq.cond.wait(seconds: min(left, 0.05))
    }
    cq.cond.unlock()
    ts.acquireGIL()
    try ts.checkAsyncException()
    if !stored { try raise(ts, InterpreterModules.registrations(ts).queueFull, "queue \(q.queueID) is full") }
  }

  static func get(_ ts: ThreadState, _ q: PyInterpQueue, block: Bool, timeout: Value?) throws(PyException) -> Value {
    let timeoutValue = block ? try timeoutSeconds(ts, timeout) : nil
    guard let cq = ts.interp.runtime.queues.queue(q.queueID) else {
      throw PyException.make(InterpreterModules.queueNotFoundError, "queue \(q.queueID) not found")
    }
    var taken: CrossInterpreterQueue.Item? = cq.cond.withLock {
      if cq.items.isEmpty { return nil }
      let it = cq.items.removeFirst()
      cq.cond.broadcast()
      return it
    }
    if taken == nil {
      if !block || timeoutValue == 0 {
        try raise(ts, InterpreterModules.registrations(ts).queueEmpty, "queue \(q.queueID) is empty")
      }
      let deadline = timeoutValue.map { monotonicNow() + $0 } ?? Double.infinity
      ts.releaseGIL()
      cq.cond.lock()
      while true {
        if !cq.items.isEmpty {
          taken = cq.items.removeFirst()
          cq.cond.broadcast()
          break
        }
        let left = deadline - monotonicNow()
        if left <= 0 || ts.hasPendingAsyncException { break }
        cq.cond.wait(seconds: min(left, 0.05))
      }
      cq.cond.unlock()
      ts.acquireGIL()
      try ts.checkAsyncException()
    }
    guard let item = taken else {
      try raise(ts, InterpreterModules.registrations(ts).queueEmpty, "queue \(q.queueID) is empty")
    }
    if let data = item.data { return try CrossInterpreter.receive(ts, data) }
    let reg = InterpreterModules.registrations(ts)
    return try ts.call(reg.resolveUnbound, .int(item.unbound.rawValue))
  }
}
