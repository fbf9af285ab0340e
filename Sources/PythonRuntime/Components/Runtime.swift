import Synchronization

/// Where `print` output ends up. One sink serves every interpreter and
/// thread of a runtime, so lines reach it in the order they were written.
protocol OutputSink: AnyObject, Sendable {
  func write(_ stream: StdStream, _ text: String)
  func flush()
}

enum StdStream { case stdout, stderr }

/// The process-level state of one simulated Python process.
///
/// CPython has exactly one runtime per OS process (`_PyRuntime`). weave can
/// host several — one per documentation page — so each page sees a fresh
/// process: interpreter ids start again at 0, queue ids at 1, and output goes
/// to that page's sink. The runtime owns the interpreter registry (id
/// allocation, the main interpreter), the cross-interpreter queue registry,
/// and the standard streams.
final class Runtime: @unchecked Sendable {
  let output: OutputSink
  private let registry = Mutex<Registry>(Registry())
  let queues = QueueRegistry()
  /// `sys.argv` of the main interpreter.
  let argv: [String]
  /// The main program (for `weave run`), which other interpreters re-run
  /// as `<fake __main__>` to find its non-stateless functions.
  var mainSource: String? = nil
  var mainFilename: String? = nil
  /// `sys.flags`-like settings shared by all interpreters.
  let maxStrDigits = Atomic<Int>(4300)

  private struct Registry {
    var interpreters: [Int: Interpreter] = [:]
    var order: [Int] = []
    var nextID = 0
  }

  private(set) var main: Interpreter! = nil
  /// The main thread of the main interpreter.
  private(set) var mainThread: ThreadState! = nil

  init(output: OutputSink, argv: [String]) {
    Bootstrap.ensure()
    self.output = output
    self.argv = argv
  }

  /// Creates the main interpreter and main thread; the calling OS thread
  /// becomes the main thread and holds the main GIL on return.
  func startMain(stackLimit: UInt) throws(PyException) -> ThreadState {
    let interp = newInterpreter(whence: "runtime init")
    main = interp
    let ts = interp.makeThreadState(name: "MainThread")
    ts.stackLimit = stackLimit
    ts.acquireGIL()
    try interp.initializeModules(ts)
    mainThread = ts
    return ts
  }

  // MARK: Interpreter registry

  func newInterpreter(whence: String) -> Interpreter {
    registry.withLock { r in
      let id = r.nextID
      r.nextID += 1
      let interp = Interpreter(runtime: self, id: id, whence: whence)
      r.interpreters[id] = interp
      r.order.append(id)
      return interp
    }
  }

  func interpreter(id: Int) -> Interpreter? {
    registry.withLock { $0.interpreters[id] }
  }

  /// Live interpreters, oldest first.
  var interpreters: [Interpreter] {
    registry.withLock { r in r.order.compactMap { r.interpreters[$0] } }
  }

  func removeInterpreter(id: Int) {
    registry.withLock { r in
      r.interpreters[id] = nil
      r.order.removeAll { $0 == id }
    }
  }

  // MARK: Stack reports

  /// Formats the Python stack of every thread of every interpreter, for
  /// time-out and deadlock reports. Reads each interpreter's threads while
  /// holding its GIL (so no frame changes meanwhile), waiting a short while
  /// for a thread that is busy in native code to let go.
  func describeThreadsHoldingGILs() -> [String] {
    var out: [String] = []
    for interp in interpreters {
      let observer = ThreadState(interp: interp, name: "observer")
      if interp.gil.tryAcquire(observer, timeout: 1.0) {
        for ts in interp.threads { out.append(StackReport.describe(ts)) }
        interp.gil.release(observer)
      } else {
        for ts in interp.threads {
          out.append("Thread '\(ts.name)' (interpreter \(interp.id)): busy in native code, stack unavailable\n")
        }
      }
    }
    return out
  }

  /// Asks every thread of every interpreter to raise `make()` at its next check.
  func interruptAll(_ make: () -> PyException) {
    for interp in interpreters {
      for ts in interp.threads { ts.requestAsyncException(make()) }
    }
  }

  private let pendingThreads = Mutex<[PyThreadHandle]>([])
  let pendingDestroys = Mutex<[Int]>([])

  /// Non-daemon threads a run (or the program) must wait for before it ends.
  func registerPendingThread(_ h: PyThreadHandle) {
    pendingThreads.withLock { $0.append(h) }
  }

  /// Joins every registered non-daemon thread (threads may start more).
  func joinPendingThreads(_ ts: ThreadState) throws(PyException) {
    while true {
      let next: PyThreadHandle? = pendingThreads.withLock { list in
        list.removeAll { $0.isDone }
        return list.first
      }
      guard let h = next else { return }
      _ = try h.join(ts, timeout: nil)
    }
  }

  /// Waits until no Python thread other than `except` is alive.
  func waitForOtherThreads(except main: ThreadState?, timeout: Double) -> Bool {
    let deadline = monotonicNow() + timeout
    while true {
      let others = interpreters.flatMap { $0.threads }.filter { $0 !== main }
      if others.isEmpty { return true }
      if monotonicNow() > deadline { return false }
      usleep(10_000)
    }
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
