// The error value thrown by the tokenizer and the parser.

/// A syntax error with CPython's fields: `SyntaxError(msg, (filename, lineno,
/// offset, text, end_lineno, end_offset))`. Lines and offsets are 1-based; an
/// offset counts Unicode scalars from the start of the line.
public struct SyntaxErrorInfo: Error, Equatable, CustomStringConvertible {
  public enum Kind: Equatable, Sendable {
    /// `SyntaxError`.
    case syntax
    /// `IndentationError` (a subclass of `SyntaxError`).
    case indentation
    /// `TabError` (a subclass of `IndentationError`).
    case tab
    /// The source nests too deeply to parse safely. CPython reports this as
    /// `RecursionError: maximum recursion depth exceeded during compilation`
    /// (or a `MemoryError` from its parser stack); the caller should raise
    /// `RecursionError` with `msg`.
    case recursion

    /// The Python exception class name for this kind.
    public var pythonTypeName: String {
      switch self {
      case .syntax: return "SyntaxError"
      case .indentation: return "IndentationError"
      case .tab: return "TabError"
      case .recursion: return "RecursionError"
      }
    }
  }

  public var kind: Kind
  public var msg: String
  public var filename: String
  public var lineno: Int
  public var offset: Int
  public var endLineno: Int
  public var endOffset: Int
  /// The offending source line, with its newline (as CPython shows it), or nil.
  public var text: String?
  /// True when the input ended while more was expected (an open bracket, an
  /// unterminated triple-quoted string, a trailing backslash, a block header
  /// without a body, ...). A REPL shows a continuation prompt instead of an error.
  public var isIncomplete: Bool

  public init(kind: Kind, msg: String, filename: String = "<unknown>", lineno: Int, offset: Int,
              endLineno: Int, endOffset: Int, text: String?, isIncomplete: Bool = false) {
    self.kind = kind
    self.msg = msg
    self.filename = filename
    self.lineno = lineno
    self.offset = offset
    self.endLineno = endLineno
    self.endOffset = endOffset
    self.text = text
    self.isIncomplete = isIncomplete
  }

  public var description: String {
    "\(kind.pythonTypeName): \(msg) (\(filename), line \(lineno), offset \(offset))"
  }
}

/// What the parser throws internally: one reference instead of the whole
/// `SyntaxErrorInfo`, because typed throws reserve room for the error value
/// at every call site, and the parser's recursion depth multiplies that.
final class ParseError: Error, @unchecked Sendable {
  var info: SyntaxErrorInfo
  init(_ info: SyntaxErrorInfo) { self.info = info }
}

/// Messages that both the lexer and the parser produce.
enum SyntaxMessages {
  static let invalidSyntax = "invalid syntax"
  static let tooDeep = "maximum recursion depth exceeded during compilation"
  static let tooManyParens = "too many nested parentheses"
}
