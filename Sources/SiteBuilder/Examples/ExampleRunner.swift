/// The seam between the site builder and the Python runtime.
///
/// The builder only sees these protocols; `PythonRuntimeRunner` adapts the
/// bundled runtime to them, and tests use fakes. The value types mirror the
/// runtime's `RunResult` so nothing here depends on the runtime module.
public protocol ExampleRunner: Sendable {
  /// One fresh Python process for one page (its own `__main__`).
  /// `filename` is the name tracebacks show, e.g. `Doc/guide.md`.
  func makeSession(filename: String) -> any ExampleSession
  /// Identifies the runtime build; part of the example-result cache key.
  var identity: String { get }
}

public protocol ExampleSession: AnyObject {
  /// Runs `source`; reported lines are shifted so that the first line of
  /// `source` is Markdown line `firstLine`.
  func run(_ source: String, mode: ExampleRunMode, firstLine: Int, timeout: Double?) -> ExampleRunResult
  /// False when an earlier time-out left threads behind that did not stop.
  var isUsable: Bool { get }
  func close()
}

public enum ExampleRunMode: Sendable, Equatable {
  /// A script: statements in order, nothing echoed.
  case exec
  /// One `>>> ` statement: an expression's non-None `repr` is echoed.
  case interactive
}

public struct ExampleRunResult: Sendable, Equatable {
  public var outcome: ExampleOutcome
  public var stdout: String
  public var stderr: String

  public init(outcome: ExampleOutcome, stdout: String = "", stderr: String = "") {
    self.outcome = outcome
    self.stdout = stdout
    self.stderr = stderr
  }
}

public enum ExampleOutcome: Sendable, Equatable {
  case completed
  /// An uncaught exception. `lastLine` is `Type: message` as doctest compares
  /// it; `line` is the Markdown line of the innermost frame in the example.
  case exception(typeName: String, lastLine: String, traceback: String, line: Int?)
  case syntaxError(typeName: String, message: String, line: Int, formatted: String)
  case timedOut(seconds: Double, stacks: [String])
}
