// The embedding API: what the site builder and the CLI use to run Python.
//
// A `PythonSession` is one simulated Python process: its own `Runtime`
// (interpreter registry, queue registry, ids starting at 0/1), its main
// interpreter and main thread, and its own standard streams. A documentation
// page gets one session, so every example on the page shares one `__main__`
// and nothing leaks between pages.

/// Where a run's output went, split by stream.
public struct CapturedOutput: Sendable, Equatable {
  public var stdout: String
  public var stderr: String
  public init(stdout: String = "", stderr: String = "") {
    self.stdout = stdout
    self.stderr = stderr
  }
}

/// An uncaught Python exception, already formatted the way CPython prints it.
public struct ExceptionReport: Sendable, Equatable {
  /// The exception type's name, e.g. `ValueError` (qualified with the module
  /// when the type is not a builtin, e.g. `concurrent.interpreters.ExecutionFailed`).
  public var typeName: String
  /// `str(exc)`.
  public var message: String
  /// The full traceback text, ending with a newline:
  /// `Traceback (most recent call last):` ... `ValueError: boom`.
  public var traceback: String
  /// The last line of the traceback (`ValueError: boom`, or just `ValueError`
  /// when the message is empty), as doctest compares it.
  public var lastLine: String
  /// The line of the innermost frame that belongs to the run's own source, if
  /// any (1-based, already shifted by the run's `firstLine`).
  public var line: Int?
}

/// A `SyntaxError` (or `IndentationError`) raised while compiling the source.
public struct SyntaxErrorReport: Sendable, Equatable {
  public var typeName: String
  public var message: String
  /// 1-based line, already shifted by the run's `firstLine`.
  public var line: Int
  /// 1-based column, as CPython's `SyntaxError.offset`.
  public var column: Int
  /// The formatted error, as CPython prints it (`  File ..., line N` ...).
  public var formatted: String
}

/// What happened when a piece of source ran.
public enum RunOutcome: Sendable, Equatable {
  case completed
  case exception(ExceptionReport)
  case syntaxError(SyntaxErrorReport)
  /// The time limit passed. `stacks` holds one entry per Python thread that
  /// was still alive, with its current Python stack in traceback format.
  case timedOut(seconds: Double, stacks: [String])
}

public struct RunResult: Sendable, Equatable {
  public var outcome: RunOutcome
  public var output: CapturedOutput
  public init(outcome: RunOutcome, output: CapturedOutput) {
    self.outcome = outcome
    self.output = output
  }
}

/// How a piece of source is compiled.
public enum RunMode: Sendable {
  /// A module or script: statements run in order, nothing is echoed.
  case exec
  /// One interactive statement, as typed at `>>> `: an expression statement
  /// whose value is not `None` prints its `repr` (via `sys.displayhook`).
  case interactive
}
