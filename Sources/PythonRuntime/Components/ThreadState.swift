#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The state of one Python thread: bound to one interpreter and one OS
/// thread for its whole life. It owns the frame stack (through `frame` and
/// each frame's `back`), the exception being handled (`sys.exc_info()`), the
/// recursion depth, and the eval-breaker word other threads use to ask it to
/// drop the GIL or to stop.
///
/// Every runtime operation receives the current `ThreadState` explicitly —
/// Swift has no cheap thread-local storage, and the explicit parameter also
/// documents which code may run Python.
final class ThreadState: @unchecked Sendable {
  let interp: Interpreter
  /// The innermost executing frame. Not reference counted: each frame is
  /// kept alive by the `run` call executing it.
  unowned(unsafe) var frame: Frame? = nil
  /// The exception currently being handled (`sys.exception()`), or None.
  var handledException: Value = .none
  /// Python call depth, checked against the interpreter's recursion limit.
  var depth = 0
  let breaker = EvalBreaker()
  /// Set with the `asyncException` bit: what to raise at the next check.
  private let pendingLock = Mutex<PyException?>(nil)
  /// Lowest safe stack address; deeper native recursion raises RecursionError.
  var stackLimit: UInt = 0
  /// Identity shown by `threading.get_ident()`.
  let ident: Int
  var nativeID: Int = 0
  /// The `threading.Thread` object for this thread, once known.
  var threadObject: Value = .none
  var name: String
  var isDaemon = false
  /// Whether this thread currently holds its interpreter's GIL.
  var holdsGIL = false

  private static let identCounter = Atomic<Int>(0)

  init(interp: Interpreter, name: String) {
    self.interp = interp
    self.name = name
    self.ident = ThreadState.identCounter.add(1, ordering: .relaxed).newValue
  }

  // MARK: GIL

  func acquireGIL() {
    interp.gil.acquire(self)
    holdsGIL = true
  }

  func releaseGIL() {
    holdsGIL = false
    interp.gil.release(self)
  }

  /// Runs `body` without the GIL (blocking waits, sleeps, joins), then takes
  /// it back and raises any asynchronous exception that arrived meanwhile.
  func withoutGIL<T>(_ body: () -> T) -> T {
    releaseGIL()
    let r = body()
    acquireGIL()
    return r
  }

  // MARK: Asynchronous exceptions

  /// Asks this thread to raise `exc` at its next check (from any thread).
  func requestAsyncException(_ exc: PyException) {
    pendingLock.withLock { $0 = exc }
    breaker.set(EvalBreaker.asyncException)
  }

  var hasPendingAsyncException: Bool { breaker.has(EvalBreaker.asyncException) }

  func takePendingAsyncException() -> PyException? {
    breaker.clear(EvalBreaker.asyncException)
    return pendingLock.withLock { e in
      let r = e
      e = nil
      return r
    }
  }

  /// Called by the eval loop when any breaker bit is set.
  func handleEvalBreaker() throws(PyException) {
    if breaker.has(EvalBreaker.gilDropRequest) {
      holdsGIL = false
      interp.gil.yieldToWaiters(self)
      holdsGIL = true
    }
    if breaker.has(EvalBreaker.asyncException), let exc = takePendingAsyncException() {
      throw exc
    }
  }

  /// Raises a pending asynchronous exception, if any (for blocking waits).
  func checkAsyncException() throws(PyException) {
    if breaker.has(EvalBreaker.asyncException), let exc = takePendingAsyncException() {
      throw exc
    }
  }

  /// Values `repr` is currently formatting (to print `[...]` for cycles).
  var reprActive = Set<ObjectIdentifier>()

  /// Waits (without the GIL) for the non-daemon threads started so far, so
  /// their output belongs to the current run.
  func joinThreadsStartedDuringRun() throws(PyException) {
    try interp.runtime.joinPendingThreads(self)
  }

  // MARK: Native stack guard

  /// True when the native stack is close to exhaustion.
  @inline(__always) func nativeStackExhausted() -> Bool {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < stackLimit
  }
}
