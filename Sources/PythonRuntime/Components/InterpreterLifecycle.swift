import Synchronization

/// Creating, entering and destroying interpreters.
extension Interpreter {
  /// Runs `body` on the current OS thread as a thread of this interpreter:
  /// the caller's thread state is detached (its GIL released, so the
  /// caller's other threads keep running), a thread state of this
  /// interpreter takes this interpreter's GIL, and everything is restored
  /// afterwards. Two GILs are never held at once, so interpreters calling
  /// into each other cannot deadlock.
  func enter<T>(from ts: ThreadState, _ body: (ThreadState) throws(PyException) -> T) throws(PyException) -> T {
    let tts = makeThreadState(name: ts.name)
    tts.stackLimit = ts.stackLimit
    tts.nativeID = ts.nativeID
    ts.releaseGIL()
    tts.acquireGIL()
    defer {
      tts.frame = nil
      tts.handledException = .none
      unregister(tts)
      tts.releaseGIL()
      ts.acquireGIL()
    }
    return try body(tts)
  }

  /// Reference count held by `Interpreter` objects made with `create()`.
  var refCount: Int { refs.load(ordering: .relaxed) }

  func incref() { refs.add(1, ordering: .relaxed) }

  /// Drops a reference; the last one schedules destruction.
  func decref() {
    let left = refs.subtract(1, ordering: .relaxed).newValue
    if left <= 0 && whence == InterpreterModules.whenceStdlib {
      runtime.scheduleDestroy(id)
    }
  }
}

extension Runtime {
  /// Creates and initialises an interpreter with the isolated configuration.
  func createInterpreter(from ts: ThreadState) throws(PyException) -> Interpreter {
    let interp = newInterpreter(whence: InterpreterModules.whenceStdlib)
    do throws(PyException) {
      try interp.enter(from: ts) { (tts) throws(PyException) in try interp.initializeModules(tts) }
    } catch {
      removeInterpreter(id: interp.id)
      let e = PyException.make(InterpreterModules.interpreterError, "interpreter creation failed")
      e.cause = .object(PyException.runtimeError(Traceback.exceptionLine(ts, error)))
      throw e
    }
    return interp
  }

  /// Destroys an interpreter: stops its threads, drops its modules and
  /// unbinds its queued items.
  func destroyInterpreter(_ target: Interpreter, from ts: ThreadState) throws(PyException) {
    if target === ts.interp {
      throw PyException.make(InterpreterModules.interpreterError, "cannot destroy the current interpreter")
    }
    if target.runningCount.load(ordering: .relaxed) > 0 {
      throw PyException.make(InterpreterModules.interpreterError, "interpreter running")
    }
    guard interpreter(id: target.id) != nil else { return }
    target.isFinalizing.store(true, ordering: .relaxed)
    // Ask its threads to stop, and wait for them without holding our GIL.
    for t in target.threads {
      t.requestAsyncException(PyException.make(PyType.pythonFinalizationError, "interpreter shutting down"))
    }
    let deadline = monotonicNow() + 5
    ts.releaseGIL()
    while !target.threads.isEmpty && monotonicNow() < deadline { usleep(1000) }
    ts.acquireGIL()
    removeInterpreter(id: target.id)
    queues.interpreterDestroyed(target.id)
    target.clearModules()
  }

  /// Interpreters whose last `Interpreter` object went away; destroyed at
  /// the next safe point (a Swift `deinit` must not run Python code).
  func scheduleDestroy(_ id: Int) {
    pendingDestroys.withLock { $0.append(id) }
  }

  func processPendingDestroys(_ ts: ThreadState) {
    let ids = pendingDestroys.withLock { list -> [Int] in
      let r = list
      list.removeAll()
      return r
    }
    for id in ids {
      guard let interp = interpreter(id: id), interp.refCount <= 0, interp !== ts.interp else { continue }
      try? destroyInterpreter(interp, from: ts)
    }
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
