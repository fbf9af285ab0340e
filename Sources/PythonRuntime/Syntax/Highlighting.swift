// Syntax highlighting for the documentation site: classifies every character
// of Python source (or of a `pycon` REPL transcript) using the runtime's own
// tokenizer in its lenient mode. The spans' texts concatenate to the input
// exactly, so HTML can be rebuilt from them.

public struct HighlightSpan: Equatable, Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case keyword
    /// `match`, `case`, `_` and `type` where they act as keywords.
    case softKeyword
    /// A name of the builtins module (`print`, `len`, `ValueError`, ...).
    case builtin
    case name
    /// The name after `def` or `class`.
    case definitionName
    /// `@` and the decorator's dotted name.
    case decorator
    case number
    /// A string or bytes literal, including every literal part of an f-string.
    case string
    case comment
    case `operator`
    case punctuation
    case whitespace
    /// Text the tokenizer could not read (an invalid character, an unterminated string).
    case error
    /// A `>>> ` or `... ` prompt in a pycon transcript.
    case prompt
    /// A line of expected output in a pycon transcript.
    case output
  }

  public var kind: Kind
  public var text: String

  public init(kind: Kind, text: String) {
    self.kind = kind
    self.text = text
  }
}

/// Highlights Python source. Never fails: unreadable text becomes `.error` spans.
public func highlightPython(_ source: String) -> [HighlightSpan] {
  let scalars = Array(source.unicodeScalars)
  return PythonHighlighter(scalars: scalars).spans()
}

/// Highlights a REPL transcript: `>>> ` / `... ` prompts, the code after them
/// (highlighted as one program per `>>>` statement), and output lines.
public func highlightPycon(_ text: String) -> [HighlightSpan] {
  var spans: [HighlightSpan] = []
  var lines: [Substring] = []
  var start = text.startIndex
  while start < text.endIndex {
    let end = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
    lines.append(text[start..<end])
    start = end
  }

  func promptLength(_ line: Substring, _ prompt: String) -> Int? {
    if line.hasPrefix(prompt + " ") { return 4 }
    let rest = line.dropFirst(3)
    if line.hasPrefix(prompt) && (rest.isEmpty || rest == "\n") { return 3 }
    return nil
  }

  var i = 0
  while i < lines.count {
    guard let first = promptLength(lines[i], ">>>") else {
      spans.append(HighlightSpan(kind: .output, text: String(lines[i])))
      i += 1
      continue
    }
    // One statement: the `>>>` line and its `...` continuation lines.
    var prompts = [String(lines[i].prefix(first))]
    var codeLines = [String(lines[i].dropFirst(first))]
    i += 1
    while i < lines.count, let length = promptLength(lines[i], "...") {
      prompts.append(String(lines[i].prefix(length)))
      codeLines.append(String(lines[i].dropFirst(length)))
      i += 1
    }
    let codeSpans = highlightPython(codeLines.joined())
    // Cut the code's spans back into lines, putting each prompt in front.
    var pending = codeSpans[...]
    for (prompt, line) in zip(prompts, codeLines) {
      spans.append(HighlightSpan(kind: .prompt, text: prompt))
      var remaining = line.unicodeScalars.count
      while remaining > 0, var span = pending.first {
        let length = span.text.unicodeScalars.count
        if length <= remaining {
          spans.append(span)
          remaining -= length
          pending.removeFirst()
        } else {
          let head = String(String.UnicodeScalarView(span.text.unicodeScalars.prefix(remaining)))
          spans.append(HighlightSpan(kind: span.kind, text: head))
          span.text = String(String.UnicodeScalarView(span.text.unicodeScalars.dropFirst(remaining)))
          pending[pending.startIndex] = span
          remaining = 0
        }
      }
    }
  }
  return spans
}

/// Names of Python's builtins module that the highlighter marks as `.builtin`.
let pythonBuiltinNames: Set<String> = [
  "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
  "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir",
  "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr",
  "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter",
  "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open",
  "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
  "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
  "__build_class__", "__debug__", "NotImplemented", "Ellipsis", "self", "cls",
  "BaseException", "BaseExceptionGroup", "Exception", "ExceptionGroup", "ArithmeticError", "AssertionError",
  "AttributeError", "BlockingIOError", "BrokenPipeError", "BufferError", "ChildProcessError",
  "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "EOFError",
  "EnvironmentError", "FileExistsError", "FileNotFoundError", "FloatingPointError", "GeneratorExit",
  "IOError", "ImportError", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
  "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
  "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError", "PermissionError",
  "ProcessLookupError", "PythonFinalizationError", "RecursionError", "ReferenceError", "RuntimeError",
  "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "SystemExit", "TabError",
  "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
  "UnicodeError", "UnicodeTranslateError", "ValueError", "ZeroDivisionError", "Warning", "BytesWarning",
  "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning",
  "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning",
]

private struct PythonHighlighter {
  let scalars: [Unicode.Scalar]
  let lexer: Lexer

  init(scalars original: [Unicode.Scalar]) {
    self.scalars = original
    // Carriage returns and a BOM read as spaces, so token offsets stay those of the input.
    let readable = original.map { $0 == "\r" || $0 == "\u{FEFF}" ? " " : $0 }
    var lexer = Lexer(scalars: readable, mode: .highlighting)
    lexer.tokenize()
    self.lexer = lexer
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(String.UnicodeScalarView(scalars[start..<end]))
  }

  func spans() -> [HighlightSpan] {
    let tokens = lexer.tokens.filter { $0.end > $0.start || $0.kind == .errorToken }
    var spans: [HighlightSpan] = []
    var position = 0
    func add(_ kind: HighlightSpan.Kind, _ start: Int, _ end: Int) {
      guard end > start else { return }
      if let last = spans.last, last.kind == kind, kind == .whitespace || kind == .string || kind == .error {
        spans[spans.count - 1].text += text(start, end)
      } else {
        spans.append(HighlightSpan(kind: kind, text: text(start, end)))
      }
    }
    var inDecorator = false
    for (i, token) in tokens.enumerated() {
      let start = Int(token.start), end = Int(token.end)
      if start < position { continue }
      add(.whitespace, position, start)
      let previous = i > 0 ? tokens[i - 1] : nil
      let atLineStart = previous == nil || previous!.kind == .newline || previous!.kind == .indent
      var kind: HighlightSpan.Kind
      switch token.kind {
      case .newline, .indent, .dedent, .endMarker:
        kind = .whitespace
        inDecorator = false
      case .comment: kind = .comment
      case .number: kind = .number
      case .string, .fstringStart, .fstringMiddle, .fstringEnd: kind = .string
      case .errorToken: kind = .error
      case .name:
        let word = text(start, end)
        if inDecorator {
          kind = .decorator
        } else if previous?.kind == .kwDef || previous?.kind == .kwClass {
          kind = .definitionName
        } else if isSoftKeyword(word, at: i, in: tokens, atLineStart: atLineStart) {
          kind = .softKeyword
        } else if previous?.kind != .dot && pythonBuiltinNames.contains(word) {
          kind = .builtin
        } else {
          kind = .name
        }
      case .at where atLineStart:
        kind = .decorator
        inDecorator = true
      case .dot where inDecorator:
        kind = .decorator
      case .lpar, .rpar, .lsqb, .rsqb, .lbrace, .rbrace, .colon, .comma, .semi, .dot:
        inDecorator = false
        kind = .punctuation
      default:
        kind = token.kind.isKeyword ? .keyword : .operator
      }
      add(kind, start, end)
      position = end
    }
    add(.whitespace, position, scalars.count)
    return spans
  }

  /// `match`/`case` starting a line with a header `:`, `_` in a case
  /// pattern, `type` starting `type X = ...`.
  private func isSoftKeyword(_ word: String, at i: Int, in tokens: [Token], atLineStart: Bool) -> Bool {
    switch word {
    case "match", "case":
      guard atLineStart, i + 1 < tokens.count else { return false }
      let next = tokens[i + 1].kind
      if next == .equal || next == .dot || next == .newline || next.isOperatorOrPunctuation && next != .lpar
        && next != .lsqb && next != .lbrace && next != .minus && next != .star && next != .tilde {
        return false
      }
      // A soft keyword only if a `:` outside brackets follows on the line.
      var j = i + 1
      var depth = 0
      while j < tokens.count && tokens[j].kind != .newline {
        switch tokens[j].kind {
        case .lpar, .lsqb, .lbrace: depth += 1
        case .rpar, .rsqb, .rbrace: depth -= 1
        case .colon where depth == 0: return j > i + 1
        default: break
        }
        j += 1
      }
      return false
    case "_":
      var j = i - 1
      while j >= 0 && tokens[j].kind != .newline && tokens[j].kind != .indent && tokens[j].kind != .dedent {
        j -= 1
      }
      return j + 1 < tokens.count && tokens[j + 1].kind == .name
        && text(Int(tokens[j + 1].start), Int(tokens[j + 1].end)) == "case" && j + 1 != i
    case "type":
      return atLineStart && i + 2 < tokens.count && tokens[i + 1].kind == .name
        && (tokens[i + 2].kind == .equal || tokens[i + 2].kind == .lsqb)
    default:
      return false
    }
  }
}
