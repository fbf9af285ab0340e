/// One simulated Python process for one documentation page: its own
/// runtime, main interpreter and `__main__`, with output captured per run.
/// Not thread-safe: use one session from one thread at a time.
public final class PythonSession {
  private let sink = CaptureOutput()
  private let runtime: Runtime
  private let host: MainThreadHost
  private let filename: String
  public private(set) var isUsable = true

  /// - Parameter filename: the name shown in tracebacks (e.g. the page path).
  public init(filename: String) {
    self.filename = filename
    runtime = Runtime(output: sink, argv: [filename])
    host = MainThreadHost(runtime: runtime)
  }

  deinit {
    host.stop()
  }

  /// Runs `source` in the session's `__main__`.
  /// - Parameters:
  ///   - firstLine: the page line of the source's first line, so reported
  ///     lines are page lines.
  ///   - timeout: seconds before the run is interrupted (nil: no limit).
  public func run(_ source: String, mode: RunMode = .exec, firstLine: Int = 1, timeout: Double? = nil) -> RunResult {
    guard isUsable else {
      return RunResult(outcome: .exception(ExceptionReport(
        typeName: "RuntimeError", message: "the session is unusable after an earlier time-out",
        traceback: "RuntimeError: the session is unusable after an earlier time-out\n",
        lastLine: "RuntimeError: the session is unusable after an earlier time-out", line: nil)),
        output: CapturedOutput())
    }
    let padded = String(repeating: "\n", count: max(firstLine - 1, 0)) + source
    let file = filename
    let done = host.submit { ts in SessionRunner.execute(ts, padded, mode: mode, filename: file) }
    if let outcome = done.wait(timeout: timeout) {
      return RunResult(outcome: outcome, output: sink.take())
    }
    // Time limit: report where every thread is, then stop them all.
    let stacks = runtime.describeThreadsHoldingGILs()
    runtime.interruptAll { PyException.make(PyType.timeLimitExceeded, "time limit exceeded") }
    if done.wait(timeout: 3.0) == nil || !runtime.waitForOtherThreads(except: host.mainThread, timeout: 2.0) {
      isUsable = false
    }
    return RunResult(outcome: .timedOut(seconds: timeout ?? 0, stacks: stacks), output: sink.take())
  }

  /// Stops the session's main thread.
  public func close() {
    host.stop()
  }
}

/// Compiling and running one piece of source on the main thread.
enum SessionRunner {
  static func execute(_ ts: ThreadState, _ source: String, mode: RunMode, filename: String) -> RunOutcome {
    let code: CodeObject
    do throws(PyException) {
      code = try CompileAPI.compile(source, filename: filename, mode: mode == .interactive ? .single : .exec)
    } catch {
      if error.type.isSubtype(of: PyType.syntaxError) {
        let line = error.attribute("lineno")?.smallInt ?? 0
        return .syntaxError(SyntaxErrorReport(
          typeName: error.type.name, message: error.attribute("msg").flatMap { $0.asStr?.value } ?? "",
          line: line, column: error.attribute("offset")?.smallInt ?? 0,
          formatted: Traceback.formatExceptionOnly(ts, error)))
      }
      return .exception(report(ts, error, filename: filename))
    }
    do throws(PyException) {
      let main = ts.interp.mainModule.attributes
      _ = try ts.runCode(code, globals: main)
      try ts.joinThreadsStartedDuringRun()
      return .completed
    } catch {
      ts.handledException = .none
      return .exception(report(ts, error, filename: filename))
    }
  }

  static func report(_ ts: ThreadState, _ e: PyException, filename: String) -> ExceptionReport {
    let last = Traceback.exceptionLine(ts, e)
    var line: Int? = nil
    var tb = e.traceback
    while let t = tb {
      if t.frame.code.filename == filename { line = t.lineno }
      tb = t.next
    }
    let message = (try? ts.str(.object(e))) ?? ""
    return ExceptionReport(typeName: Traceback.typeName(e.type), message: message,
                           traceback: Traceback.format(ts, e), lastLine: last, line: line)
  }
}
