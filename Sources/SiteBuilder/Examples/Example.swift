/// One runnable example of a page: a `pycon` session or a `python` script
/// (with the `output` block that follows it, if any).
public struct Example: Equatable, Sendable {
  public enum Body: Equatable, Sendable {
    case session([SessionStatement])
    case script(code: String, expected: ExpectedOutput?)
  }

  public var body: Body
  /// Markdown line of the first line of code: the example's name in reports.
  public var line: Int
  /// Markdown line of the opening fence of the (first) code block.
  public var fenceLine: Int
  /// Markdown line of the first line of code (`python` scripts report here when
  /// the runtime names no statement).
  public var firstCodeLine: Int
  public var flags: ExampleFlags

  public init(body: Body, line: Int, fenceLine: Int, firstCodeLine: Int, flags: ExampleFlags) {
    self.body = body
    self.line = line
    self.fenceLine = fenceLine
    self.firstCodeLine = firstCodeLine
    self.flags = flags
  }

  public var isSkipped: Bool { flags.skip }
}

/// One `>>> ` statement of a session with the output written after it.
public struct SessionStatement: Equatable, Sendable {
  /// The statement with prompts removed (`>>> ` and `... `), one line per input line.
  public var source: String
  /// Markdown line of the `>>> ` line.
  public var line: Int
  /// The expected output, `<BLANKLINE>` already turned into empty lines;
  /// every line ends with a newline; empty when nothing is expected.
  public var expected: String
  /// Directives from `# doctest:` comments on this statement.
  public var flags: ExampleFlags

  public init(source: String, line: Int, expected: String, flags: ExampleFlags = ExampleFlags()) {
    self.source = source
    self.line = line
    self.expected = expected
    self.flags = flags
  }
}

/// The `output` block that follows a `python` block.
public struct ExpectedOutput: Equatable, Sendable {
  public var text: String
  /// Markdown line of the `output` block's opening fence.
  public var fenceLine: Int
  public var flags: ExampleFlags

  public init(text: String, fenceLine: Int, flags: ExampleFlags = ExampleFlags()) {
    self.text = text
    self.fenceLine = fenceLine
    self.flags = flags
  }
}
