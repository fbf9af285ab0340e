import Foundation

/// What happened to one example.
public struct ExampleResult: Equatable, Sendable {
  public enum Status: String, Equatable, Sendable { case passed, failed, skipped }
  /// The example's line (its first line of code).
  public var line: Int
  public var status: Status
  /// Why it failed (a session can fail at several statements).
  public var failures: [Diagnostic]
  public var seconds: Double

  public init(line: Int, status: Status, failures: [Diagnostic] = [], seconds: Double = 0) {
    self.line = line
    self.status = status
    self.failures = failures
    self.seconds = seconds
  }
}

/// Runs the examples of one page, in page order, in one session (one
/// `__main__`), and compares what they print with what the page says.
public struct ExampleChecker {
  public var runner: any ExampleRunner
  /// The default per-example time limit in seconds (`--timeout`).
  public var defaultTimeout: Double

  public init(runner: any ExampleRunner, defaultTimeout: Double = 10) {
    self.runner = runner
    self.defaultTimeout = defaultTimeout
  }

  /// `file` is the page as reports name it (`Doc/guide.md`).
  public func check(_ examples: [Example], file: String) -> [ExampleResult] {
    guard examples.contains(where: { !$0.isSkipped }) else {
      return examples.map { ExampleResult(line: $0.line, status: .skipped) }
    }
    var session = runner.makeSession(filename: file)
    defer { session.close() }
    var results: [ExampleResult] = []
    for example in examples {
      if example.isSkipped {
        results.append(ExampleResult(line: example.line, status: .skipped))
        continue
      }
      if !session.isUsable {
        // A time-out left threads that never stopped: continue in a fresh
        // process so the rest of the page is still reported.
        session.close()
        session = runner.makeSession(filename: file)
      }
      let start = Date()
      var context = Context(file: file, session: session, timeout: example.flags.timeout ?? defaultTimeout)
      var ranAny = false
      switch example.body {
      case .session(let statements):
        for statement in statements {
          let flags = statement.flags
          if flags.skip { continue }
          ranAny = true
          context.checkStatement(statement, options: flags.applied(to: example.flags.applied(to: [])))
        }
      case .script(let code, let expected):
        ranAny = true
        context.checkScript(code, example: example, expected: expected)
      }
      let status: ExampleResult.Status = !ranAny ? .skipped : context.failures.isEmpty ? .passed : .failed
      results.append(ExampleResult(line: example.line, status: status, failures: context.failures,
                                   seconds: Date().timeIntervalSince(start)))
    }
    return results
  }
}

/// Checks of one example; collects its failures.
private struct Context {
  let file: String
  let session: any ExampleSession
  let timeout: Double
  var failures: [Diagnostic] = []

  init(file: String, session: any ExampleSession, timeout: Double) {
    self.file = file
    self.session = session
    self.timeout = timeout
  }

  mutating func fail(_ line: Int, _ message: String, _ details: String = "") {
    failures.append(Diagnostic(file: file, line: line, message: message, details: details))
  }

  mutating func checkStatement(_ statement: SessionStatement, options: MatchOptions) {
    let result = session.run(statement.source, mode: .interactive, firstLine: statement.line, timeout: timeout)
    compare(result, expected: statement.expected, options: options, line: statement.line,
            hasExpectedOutput: true)
  }

  mutating func checkScript(_ code: String, example: Example, expected: ExpectedOutput?) {
    let result = session.run(code, mode: .exec, firstLine: example.firstCodeLine, timeout: timeout)
    let options = (expected?.flags ?? ExampleFlags()).applied(to: example.flags.applied(to: []))
    compare(result, expected: expected?.text ?? "", options: options, line: example.firstCodeLine,
            hasExpectedOutput: expected != nil)
  }

  /// The doctest rules, shared by sessions and scripts. `line` is where a
  /// mismatch is reported when the runtime names no better line.
  mutating func compare(_ result: ExampleRunResult, expected: String, options: MatchOptions,
                        line: Int, hasExpectedOutput: Bool) {
    let expectedException = OutputMatcher.expectedException(in: expected)
    switch result.outcome {
    case .completed:
      if expectedException != nil {
        fail(line, "expected an exception, but the example completed",
             UnifiedDiff.diff(expected: expected, actual: result.stdout))
      } else if !OutputMatcher.matches(expected: expected, actual: result.stdout, options: options) {
        let message = hasExpectedOutput
          ? "output differs from the expected output"
          : "printed output, but no ```output block follows the example to say what it prints"
        fail(line, message, UnifiedDiff.diff(expected: expected, actual: result.stdout) + stderrNote(result))
      }
    case .exception(_, let lastLine, let traceback, let exceptionLine):
      if let expectedException {
        if !OutputMatcher.exceptionMatches(expected: expectedException, actualLastLine: lastLine, options: options) {
          fail(exceptionLine ?? line, "raised a different exception than expected",
               UnifiedDiff.diff(expected: expectedException, actual: lastLine + "\n"))
        }
      } else if expected.isEmpty && result.stdout.isEmpty {
        fail(exceptionLine ?? line, "uncaught exception \(lastLine)", traceback)
      } else {
        fail(exceptionLine ?? line, "uncaught exception \(lastLine)",
             UnifiedDiff.diff(expected: expected, actual: result.stdout + traceback))
      }
    case .syntaxError(let typeName, let message, let errorLine, let formatted):
      let lastLine = "\(typeName): \(message)"
      if let expectedException,
        OutputMatcher.exceptionMatches(expected: expectedException, actualLastLine: lastLine, options: options) {
        return
      }
      fail(errorLine, "\(typeName) in example: \(message)", formatted)
    case .timedOut(let seconds, let stacks):
      var details = "The example ran longer than its time limit of \(formatSeconds(seconds)) and was stopped."
      details += " Raise the limit with timeout=SECONDS after the language word or with --timeout.\n"
      if !stacks.isEmpty {
        details += "Python threads still running:\n" + stacks.joined(separator: "\n")
      }
      if !result.stdout.isEmpty { details += "\nOutput so far:\n" + result.stdout }
      if !session.isUsable {
        details += "\nIts threads could not be stopped: the rest of the page runs in a fresh Python session, without the names defined so far."
      }
      fail(line, "example timed out after \(formatSeconds(seconds))", details)
    }
  }

  func stderrNote(_ result: ExampleRunResult) -> String {
    result.stderr.isEmpty ? "" : "stderr:\n" + result.stderr
  }

  func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}
