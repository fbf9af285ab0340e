import PythonRuntime

/// Adapts the bundled Python runtime to the `ExampleRunner` seam. This file
/// and `Sources/weave/RunCommand.swift` are the only places that call the
/// runtime's API.
public struct PythonRuntimeRunner: ExampleRunner {
  public init() {}

  public var identity: String { "weave-bundled-python" }

  public func makeSession(filename: String) -> any ExampleSession {
    RuntimeSession(PythonSession(filename: filename))
  }
}

private final class RuntimeSession: ExampleSession {
  let session: PythonSession

  init(_ session: PythonSession) { self.session = session }

  func run(_ source: String, mode: ExampleRunMode, firstLine: Int, timeout: Double?) -> ExampleRunResult {
    let result = session.run(source, mode: mode == .exec ? .exec : .interactive, firstLine: firstLine, timeout: timeout)
    let outcome: ExampleOutcome
    switch result.outcome {
    case .completed:
      outcome = .completed
    case .exception(let report):
      outcome = .exception(typeName: report.typeName, lastLine: report.lastLine,
                           traceback: report.traceback, line: report.line)
    case .syntaxError(let report):
      outcome = .syntaxError(typeName: report.typeName, message: report.message,
                             line: report.line, formatted: report.formatted)
    case .timedOut(let seconds, let stacks):
      outcome = .timedOut(seconds: seconds, stacks: stacks)
    }
    return ExampleRunResult(outcome: outcome, stdout: result.output.stdout, stderr: result.output.stderr)
  }

  var isUsable: Bool { session.isUsable }

  func close() { session.close() }
}

/// Highlights `python` and `pycon` blocks with the runtime's own tokenizer.
public struct PythonRuntimeHighlighter: CodeHighlighter {
  public init() {}

  public func highlight(_ code: String, language: String) -> [HighlightToken]? {
    let spans: [HighlightSpan]
    switch language {
    case "python": spans = highlightPython(code)
    case "pycon": spans = highlightPycon(code)
    default: return nil
    }
    return spans.map { HighlightToken(kind: Self.cssClass(for: $0.kind), text: $0.text) }
  }

  /// The runtime's span kinds → the theme's `tok-…` classes (empty: no span,
  /// which keeps the HTML small for the most common tokens).
  static func cssClass(for kind: HighlightSpan.Kind) -> String {
    switch kind {
    case .whitespace, .name, .punctuation: return ""
    case .softKeyword: return "keyword"
    case .definitionName: return "function"
    default: return kind.rawValue
    }
  }
}
