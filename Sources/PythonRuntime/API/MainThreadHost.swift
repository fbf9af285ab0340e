/// Runs a runtime's main Python thread on a dedicated OS thread (with a
/// large stack) and executes jobs on it one at a time. Between jobs the
/// thread does not hold the GIL, so threads an example started keep running.
final class MainThreadHost: @unchecked Sendable {
  let runtime: Runtime
  private let cond = PthreadCondition()
  private var jobs: [(ThreadState) -> Void] = []
  private var stopping = false
  private(set) var mainThread: ThreadState! = nil
  private(set) var startupError: PyException? = nil

  init(runtime: Runtime) {
    self.runtime = runtime
    let ready = Completion<Bool>()
    OSThread.start(name: "python-main") { [self] stackLimit in
      do throws(PyException) {
        let ts = try runtime.startMain(stackLimit: stackLimit)
        ts.nativeID = OSThread.nativeID()
        mainThread = ts
        ts.releaseGIL()
      } catch {
        startupError = error
        ready.complete(false)
        return
      }
      ready.complete(true)
      loop()
    }
    _ = ready.wait(timeout: Optional<Double>.none)
  }

  private func loop() {
    while true {
      cond.lock()
      while jobs.isEmpty && !stopping { cond.wait() }
      if jobs.isEmpty && stopping {
        cond.unlock()
        return
      }
      let job = jobs.removeFirst()
      cond.unlock()
      let ts = mainThread!
      ts.acquireGIL()
      job(ts)
      ts.releaseGIL()
    }
  }

  /// Runs `job` on the main Python thread (holding the main GIL).
  func submit<T>(_ job: @escaping (ThreadState) -> T) -> Completion<T> {
    let done = Completion<T>()
    cond.withLock {
      jobs.append { ts in done.complete(job(ts)) }
      cond.signal()
    }
    return done
  }

  func stop() {
    cond.withLock {
      stopping = true
      cond.signal()
    }
  }
}
