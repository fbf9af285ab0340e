/// `weave run`: runs a whole program the way `python3 FILE` does.
public enum PythonProgram {
  /// Runs `source` as `__main__`, writing to the process's stdout and
  /// stderr. Returns the exit status: 0, 1 after an uncaught exception
  /// (whose traceback goes to stderr), or the `SystemExit` code.
  public static func run(source: String, filename: String, argv: [String]) -> Int32 {
    let output = ProcessOutput()
    let runtime = Runtime(output: output, argv: argv)
    if !filename.hasPrefix("<") {
      runtime.mainSource = source
      runtime.mainFilename = filename
    }
    let host = MainThreadHost(runtime: runtime)
    defer {
      host.stop()
      output.flush()
    }
    let done = host.submit { ts -> Int32 in
      let main = ts.interp.mainModule.attributes
      if !filename.hasPrefix("<") { main.setStr(names.__file__, Value(filename)) }
      var status: Int32 = 0
      do throws(PyException) {
        let code = try CompileAPI.compile(source, filename: filename, mode: .exec)
        _ = try ts.runCode(code, globals: main)
      } catch {
        status = handleUncaught(ts, error)
      }
      // Interpreter shutdown: wait for non-daemon threads, like threading._shutdown().
      do throws(PyException) {
        try ThreadingShutdown.waitForThreads(ts)
      } catch {
        if status == 0 { status = handleUncaught(ts, error) }
      }
      output.flush()
      return status
    }
    return done.wait(timeout: Optional<Double>.none) ?? 1
  }

  static func handleUncaught(_ ts: ThreadState, _ e: PyException) -> Int32 {
    ts.handledException = .none
    if e.type.isSubtype(of: PyType.systemExit) {
      let code: Value = e.args.count == 0 ? .none : (e.args.count == 1 ? e.args.items[0] : .object(e.args))
      switch code {
      case .none: return 0
      case .int(let i): return Int32(truncatingIfNeeded: i)
      case .bool(let b): return b ? 1 : 0
      default:
        try? ts.writeStderr(((try? ts.str(code)) ?? "") + "\n")
        return 1
      }
    }
    ts.interp.runtime.output.flush()
    try? ts.writeStderr(Traceback.format(ts, e))
    return 1
  }
}

/// Waiting for non-daemon threads at interpreter exit.
enum ThreadingShutdown {
  static func waitForThreads(_ ts: ThreadState) throws(PyException) {
    try ts.joinThreadsStartedDuringRun()
  }
}
