#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock owned by no thread in particular (`_thread.lock`). Waiting
/// releases the GIL and wakes up regularly so a time-limit interrupt ends
/// the wait.
final class PyLock: PyObject {
  private let cond = PthreadCondition()
  private(set) var locked = false

  init() { super.init(type: ThreadModule.lockType, kind: .other) }

  /// Acquires; `timeout` < 0 means forever. Returns whether it was acquired.
  func acquire(_ ts: ThreadState, blocking: Bool, timeout: Double) throws(PyException) -> Bool {
    cond.lock()
    if !locked {
      locked = true
      cond.unlock()
      return true
    }
    cond.unlock()
    if !blocking { return false }
    let deadline = timeout < 0 ? Double.infinity : monotonicNow() + timeout
    ts.releaseGIL()
    cond.lock()
    while locked && !ts.hasPendingAsyncException {
      let left = deadline - monotonicNow()
      if left <= 0 { break }
      cond.wait(seconds: min(left, 0.05))
    }
    let got = !locked
    if got { locked = true }
    cond.unlock()
    ts.acquireGIL()
    if !got { try ts.checkAsyncException() }
    return got
  }

  func release() throws(PyException) {
    cond.lock()
    defer { cond.unlock() }
    guard locked else { throw PyException.runtimeError("release unlocked lock") }
    locked = false
    cond.signal()
  }
}

/// A reentrant lock (`_thread.RLock`): owned by the thread that holds it.
final class PyRLock: PyObject {
  private let inner = PyLockCore()
  private(set) var owner: Int = 0
  private(set) var count = 0

  init(type: PyType = ThreadModule.rlockType) { super.init(type: type, kind: .other) }

  func acquire(_ ts: ThreadState, blocking: Bool, timeout: Double) throws(PyException) -> Bool {
    let me = ThreadModule.ident()
    if owner == me && count > 0 {
      count += 1
      return true
    }
    guard try inner.acquire(ts, blocking: blocking, timeout: timeout) else { return false }
    owner = me
    count = 1
    return true
  }

  func release() throws(PyException) {
    guard count > 0, owner == ThreadModule.ident() else {
      throw PyException.runtimeError("cannot release un-acquired lock")
    }
    count -= 1
    if count == 0 {
      owner = 0
      inner.release()
    }
  }

  var isOwned: Bool { count > 0 && owner == ThreadModule.ident() }
}

/// The mutex and condition behind PyRLock (and other blocking primitives).
final class PyLockCore: @unchecked Sendable {
  private let cond = PthreadCondition()
  private var locked = false

  func acquire(_ ts: ThreadState, blocking: Bool, timeout: Double) throws(PyException) -> Bool {
    cond.lock()
    if !locked {
      locked = true
      cond.unlock()
      return true
    }
    cond.unlock()
    if !blocking { return false }
    let deadline = timeout < 0 ? Double.infinity : monotonicNow() + timeout
    ts.releaseGIL()
    cond.lock()
    while locked && !ts.hasPendingAsyncException {
      let left = deadline - monotonicNow()
      if left <= 0 { break }
      cond.wait(seconds: min(left, 0.05))
    }
    let got = !locked
    if got { locked = true }
    cond.unlock()
    ts.acquireGIL()
    if !got { try ts.checkAsyncException() }
    return got
  }

  func release() {
    cond.withLock {
      locked = false
      cond.signal()
    }
  }
}

/// A started thread as `threading` sees it: its ident and a way to join it.
final class PyThreadHandle: PyObject, @unchecked Sendable {
  private let cond = PthreadCondition()
  private var done = false
  var ident: Int = 0
  var nativeID: Int = 0

  init() { super.init(type: ThreadModule.handleType, kind: .other) }

  var isDone: Bool { cond.withLock { done } }

  func markDone() {
    cond.withLock {
      done = true
      cond.broadcast()
    }
  }

  /// Waits (without the GIL) until the thread finished; false on time-out.
  func join(_ ts: ThreadState, timeout: Double?) throws(PyException) -> Bool {
    if isDone { return true }
    let deadline = timeout.map { monotonicNow() + $0 } ?? Double.infinity
    ts.releaseGIL()
    cond.lock()
    while !done && !ts.hasPendingAsyncException {
      let left = deadline - monotonicNow()
      if left <= 0 { break }
      cond.wait(seconds: min(left, 0.05))
    }
    let finished = done
    cond.unlock()
    ts.acquireGIL()
    if !finished { try ts.checkAsyncException() }
    return finished
  }
}

/// The `_thread` module: threads, locks and identities.
enum ThreadModule {
  static let lockType: PyType = makeType("lock")
  static let rlockType: PyType = makeType("RLock", subclassable: true)
  static let handleType: PyType = makeType("_ThreadHandle")

  private static func makeType(_ name: String, subclassable: Bool = false) -> PyType {
    let t = PyType(builtin: name, base: PyType.object, module: "_thread", storage: .none, metatype: PyType.type)
    t.isBaseType = subclassable
    return t
  }

  /// `get_ident()`: the OS thread's identity (the same in every interpreter).
  static func ident() -> Int {
    #if os(Linux)
    return Int(bitPattern: UInt(pthread_self()))
    #else
    return Int(bitPattern: UInt(bitPattern: pthread_self()))
    #endif
  }

  /// The largest timeout `acquire` accepts (seconds).
  static let timeoutMax = Double(Int32.max)

  private static let typesReady: Void = installTypes()

  static func timeoutArg(_ ts: ThreadState, _ blocking: Bool, _ value: Value?) throws(PyException) -> Double {
    guard let v = value, !v.isNone else { return -1 }
    guard let d = try Num(v)?.toDouble() else {
      throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer or float")
    }
    if d == -1 { return -1 }
    if !blocking { throw PyException.valueError("can't specify a timeout for a non-blocking call") }
    if d < 0 { throw PyException.valueError("timeout value must be a non-negative number") }
    if d > timeoutMax { throw PyException.overflow("timeout value is too large") }
    return d
  }

  private static func installTypes() {
    let l = lockType
    func lock(_ v: Value) -> PyLock { v.asObject as! PyLock }
    l.directCall = { _, _, _ throws(PyException) in .object(PyLock()) }
    l.method("acquire") { ts, args throws(PyException) in
      let a = try ArgList(args, "acquire", ["blocking", "timeout"], skipSelf: true)
      let blocking = try a[0].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      let timeout = try timeoutArg(ts, blocking, a[1])
      return .bool(try lock(args[0]).acquire(ts, blocking: blocking, timeout: timeout))
    }
    l.method("acquire_lock") { ts, args throws(PyException) in
      .bool(try lock(args[0]).acquire(ts, blocking: true, timeout: -1))
    }
    l.method("__enter__") { ts, args throws(PyException) in
      .bool(try lock(args[0]).acquire(ts, blocking: true, timeout: -1))
    }
    l.method("release") { _, args throws(PyException) in
      try lock(args[0]).release()
      return .none
    }
    l.method("release_lock") { _, args throws(PyException) in
      try lock(args[0]).release()
      return .none
    }
    l.method("__exit__") { _, args throws(PyException) in
      try lock(args[0]).release()
      return .none
    }
    l.method("locked") { _, args throws(PyException) in .bool(lock(args[0]).locked) }
    l.method("_at_fork_reinit") { _, _ throws(PyException) in .none }
    l.method("__repr__") { ts, args throws(PyException) in
      let o = lock(args[0])
      return Value("<\(o.locked ? "locked" : "unlocked") _thread.lock object at \(ts.hexAddress(o))>")
    }
    l.finishBuiltin()

    let r = rlockType
    func rlock(_ v: Value) -> PyRLock { v.asObject as! PyRLock }
    r.directCall = { _, _, _ throws(PyException) in .object(PyRLock()) }
    r.staticMethod("__new__") { _, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("RLock.__new__ needs a type") }
      return .object(PyRLock(type: cls))
    }
    r.method("acquire") { ts, args throws(PyException) in
      let a = try ArgList(args, "acquire", ["blocking", "timeout"], skipSelf: true)
      let blocking = try a[0].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      let timeout = try timeoutArg(ts, blocking, a[1])
      return .bool(try rlock(args[0]).acquire(ts, blocking: blocking, timeout: timeout))
    }
    r.method("__enter__") { ts, args throws(PyException) in
      .bool(try rlock(args[0]).acquire(ts, blocking: true, timeout: -1))
    }
    r.method("release") { _, args throws(PyException) in
      try rlock(args[0]).release()
      return .none
    }
    r.method("__exit__") { _, args throws(PyException) in
      try rlock(args[0]).release()
      return .none
    }
    r.method("_is_owned") { _, args throws(PyException) in .bool(rlock(args[0]).isOwned) }
    r.method("_recursion_count") { _, args throws(PyException) in
      .int(rlock(args[0]).isOwned ? rlock(args[0]).count : 0)
    }
    r.method("locked") { _, args throws(PyException) in .bool(rlock(args[0]).count > 0) }
    r.method("__repr__") { ts, args throws(PyException) in
      let o = rlock(args[0])
      let owner = o.count > 0 ? o.owner : 0
      return Value("<\(o.count > 0 ? "locked" : "unlocked") _thread.RLock object owner=\(owner) count=\(o.count) at \(ts.hexAddress(o))>")
    }
    r.finishBuiltin()

    let h = handleType
    func handle(_ v: Value) -> PyThreadHandle { v.asObject as! PyThreadHandle }
    h.getter("ident") { _, v throws(PyException) in .int(handle(v).ident) }
    h.method("join") { ts, args throws(PyException) in
      let a = try ArgList(args, "join", ["timeout"], skipSelf: true)
      var timeout: Double? = nil
      if let t = a[0], !t.isNone {
        guard let d = try Num(t)?.toDouble() else { throw PyException.typeError("timeout must be a number") }
        timeout = max(d, 0)
      }
      if handle(args[0]).ident == ident() && !handle(args[0]).isDone {
        throw PyException.runtimeError("Cannot join current thread")
      }
      _ = try handle(args[0]).join(ts, timeout: timeout)
      return .none
    }
    h.method("is_done") { _, args throws(PyException) in .bool(handle(args[0]).isDone) }
    h.method("_set_done") { _, args throws(PyException) in
      handle(args[0]).markDone()
      return .none
    }
    h.finishBuiltin()
  }

  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    _ = typesReady
    let m = PyModule(name: "_thread")
    m.add("LockType", .object(lockType))
    m.add("lock", .object(lockType))
    m.add("RLock", .object(rlockType))
    m.add("_ThreadHandle", .object(handleType))
    m.add("error", .object(PyType.runtimeError))
    m.add("TIMEOUT_MAX", .float(timeoutMax))
    m.addFunction("allocate_lock") { _, _ throws(PyException) in .object(PyLock()) }
    m.addFunction("allocate") { _, _ throws(PyException) in .object(PyLock()) }
    m.addFunction("get_ident") { _, _ throws(PyException) in .int(ident()) }
    m.addFunction("get_native_id") { ts, _ throws(PyException) in .int(OSThread.nativeID()) }
    m.addFunction("_count") { ts, _ throws(PyException) in .int(max(ts.interp.threads.count - 1, 0)) }
    m.addFunction("daemon_threads_allowed") { ts, _ throws(PyException) in .bool(ts.interp.id == 0) }
    m.addFunction("_get_main_thread_ident") { ts, _ throws(PyException) in .int(ts.interp.mainThreadIdent) }
    m.addFunction("_is_main_interpreter") { ts, _ throws(PyException) in .bool(ts.interp.id == 0) }
    m.addFunction("_set_name") { ts, args throws(PyException) in
      if args.count > 0, let s = args[0].asStr { ts.name = s.value }
      return .none
    }
    m.addFunction("_print_exception") { ts, args throws(PyException) in
      try args.expect("_print_exception", 2, skipSelf: false)
      guard let e = args[0].asException else { return .none }
      let text = Traceback.format(ts, e)
      if args[1].isNone { try ts.writeStderr(text) } else { _ = try ts.callMethod(args[1], names.write, Value(text)) }
      return .none
    }
    m.addFunction("_main_thread_handle") { _, _ throws(PyException) in
      let h = PyThreadHandle()
      h.ident = ident()
      return .object(h)
    }
    m.addFunction("stack_size") { _, args throws(PyException) in
      if args.count > 0, let n = args[0].smallInt, n != 0, n < 32768 {
        throw PyException.valueError("size not valid: \(n) bytes")
      }
      return .int(0)
    }
    m.addFunction("start_new_thread") { ts, args throws(PyException) in
      try args.expect("start_new_thread", min: 2, max: 3, skipSelf: false)
      guard ts.isCallable(args[0]) else { throw PyException.typeError("first arg must be callable") }
      guard let fargs = args[1].asTuple else { throw PyException.typeError("2nd arg must be a tuple") }
      let kwargs = args.count > 2 ? args[2] : .none
      let fn = args[0]
      let h = try startThread(ts, daemon: true, name: "Dummy") { (t) throws(PyException) in
        if let kd = kwargs.asDict {
          _ = try t.call(fn, args: Array(fargs.items), kwargs: kd.storageItems().map { (($0.0.asStr?.value ?? ""), $0.1) })
        } else {
          _ = try t.call(fn, args: Array(fargs.items), kwargs: [])
        }
      }
      return .int(h.ident)
    }
    m.addFunction("start_joinable_thread") { ts, args throws(PyException) in
      let a = try ArgList(args, "start_joinable_thread", ["function"], required: 1, keywordOnly: ["handle", "daemon"])
      let fn = a[0]!
      guard ts.isCallable(fn) else { throw PyException.typeError("thread function must be callable") }
      let daemon = try a[2].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      let h = try startThread(ts, daemon: daemon, name: "Thread") { (t) throws(PyException) in _ = try t.call(fn) }
      return .object(h)
    }
    return m
  }

  /// Starts a Python thread in the caller's interpreter running `body`.
  static func startThread(_ ts: ThreadState, daemon: Bool, name: String,
                          _ body: @escaping (ThreadState) throws(PyException) -> Void) throws(PyException) -> PyThreadHandle {
    let interp = ts.interp
    if interp.isFinalizing.load(ordering: .relaxed) {
      throw PyException.make(PyType.pythonFinalizationError, "can't create new thread at interpreter shutdown")
    }
    let handle = PyThreadHandle()
    let newTS = interp.makeThreadState(name: name)
    newTS.isDaemon = daemon
    if !daemon { interp.runtime.registerPendingThread(handle) }
    let started = Completion<Int>()
    let ok = OSThread.start(name: name) { stackLimit in
      newTS.stackLimit = stackLimit
      newTS.nativeID = OSThread.nativeID()
      handle.ident = ident()
      handle.nativeID = newTS.nativeID
      started.complete(handle.ident)
      newTS.acquireGIL()
      do throws(PyException) {
        try body(newTS)
      } catch {
        newTS.reportUnraisableThreadException(error)
      }
      newTS.frame = nil
      interp.unregister(newTS)
      newTS.releaseGIL()
      handle.markDone()
    }
    if !ok {
      interp.unregister(newTS)
      handle.markDone()
      throw PyException.runtimeError("can't start new thread")
    }
    // The handle's ident must be known when start() returns.
    _ = ts.withoutGIL { started.wait(timeout: Optional<Double>.none) }
    return handle
  }
}

extension ThreadState {
  /// An exception escaping a raw thread body (threading's own wrapper
  /// reports through `threading.excepthook`; this is the last resort).
  func reportUnraisableThreadException(_ e: PyException) {
    if e.isInstance(of: PyType.systemExit) || e.isInstance(of: PyType.timeLimitExceeded) { return }
    let text = "Exception ignored in thread started by \(name):\n" + Traceback.format(self, e)
    try? writeStderr(text)
  }
}
