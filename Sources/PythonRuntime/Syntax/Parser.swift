// The parser: tokens → AST (`AST.swift`). A hand-written recursive-descent
// parser over the token array, following CPython's PEG grammar; backtracking
// is used only where the grammar needs it (soft keywords, parenthesized
// `with` items). The grammar rules live in the `Parser+*.swift` extensions.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `compile()` builds: `'exec'`, `'single'` or `'eval'`.
public enum ParseMode { case exec, single, eval }

/// Parses Python source into an AST, or throws the `SyntaxError` CPython would raise.
public func parsePython(_ source: String, mode: ParseMode, filename: String) throws(SyntaxErrorInfo) -> ModuleAST {
  let scalars = Lexer.scalars(of: source)
  if let nul = scalars.firstIndex(of: "\u{0}") {
    var line = 1, lineStart = 0
    for i in 0..<nul where scalars[i] == "\n" { line += 1; lineStart = i + 1 }
    throw SyntaxErrorInfo(kind: .syntax, msg: "source code cannot contain null bytes", filename: filename,
                          lineno: line, offset: nul - lineStart + 1, endLineno: line,
                          endOffset: nul - lineStart + 2, text: nil)
  }
  var lexer = Lexer(scalars: scalars)
  lexer.tokenize()
  let parser = Parser(lexer: lexer, filename: filename)
  do {
    return try parser.parse(mode: mode)
  } catch {
    throw error.info
  }
}

final class Parser {
  let lexer: Lexer
  let tokens: [Token]
  let src: [Unicode.Scalar]
  let filename: String

  /// Index of the current token.
  var index = 0
  /// The furthest token the parser has looked at: where "invalid syntax" points.
  var furthest = 0
  /// How many brackets the parser is inside (for "Perhaps you forgot a comma?").
  var bracketLevel = 0
  /// End of the last line of simple statements (see `blockEnd`).
  var lastSimpleStatementsEnd = SourceRange.unknown

  /// Nesting of recursive rules, capped like CPython's parser stack.
  var depth = 0
  /// Depth of the expression tree most recently produced. Loops that build
  /// left-nested trees (`a+b+c`, `a.b.c`) grow trees without recursing, so
  /// tree depth is tracked separately to keep every AST we hand out (and
  /// destroy) shallow enough for recursive consumers.
  var treeDepth = 0

  /// CPython 3.11 stops near 3000 levels; Swift code walking the tree
  /// recursively (the compiler, `dumpAST`) can use several KB of stack per
  /// level in debug builds, so the AST handed out is kept to 1000 levels.
  static let maxDepth = 1000
  static let maxTreeDepth = 1000
  /// Parsing stops with a recursion error when less stack than this remains.
  /// One nesting level (`(` ... `)`) takes about 3 KB of stack in release
  /// builds and up to 20 KB in debug builds.
  static let stackMargin: UInt = 192 * 1024
  let stackFloor: UInt

  init(lexer: Lexer, filename: String) {
    self.lexer = lexer
    self.tokens = lexer.tokens
    self.src = lexer.src
    self.filename = filename
    self.stackFloor = (StackBounds.currentThreadLowAddress() ?? 0) + Parser.stackMargin
  }

  func parse(mode: ParseMode) throws(ParseError) -> ModuleAST {
    switch mode {
    case .exec:
      var body: [Stmt] = []
      while kind != .endMarker {
        try parseStatement(into: &body)
      }
      return .module(body)
    case .eval:
      while kind == .newline { advance() }
      // `expressions`: like star_expressions, but `*a` is not allowed.
      if kind == .star { throw invalidSyntax() }
      let expr = try parseStarExpressions(allowYield: false)
      if case .tuple(let elements) = expr.kind,
         let starred = elements.first(where: { if case .starred = $0.kind { return true } else { return false } }) {
        throw error(SyntaxMessages.invalidSyntax, starred.range)
      }
      while kind == .newline { advance() }
      if kind != .endMarker { throw invalidSyntax() }
      return .expression(expr)
    case .single:
      var body: [Stmt] = []
      if kind == .newline { advance() }
      if kind == .endMarker { return .interactive(body) }
      try parseStatement(into: &body)
      while kind == .newline { advance() }
      if kind != .endMarker {
        var end = index - 1
        while end > 0 && tokens[end].kind != .newline { end -= 1 }
        throw error("multiple statements found while compiling a single statement", at: tokens[end])
      }
      return .interactive(body)
    }
  }

  // MARK: - Token access

  @inline(__always) var current: Token { tokens[index] }
  @inline(__always) var kind: TokenKind { tokens[index].kind }

  @inline(__always) func peekKind(_ offset: Int) -> TokenKind {
    let i = index + offset
    if i >= tokens.count { return tokens[tokens.count - 1].kind }
    if i > furthest { furthest = i }
    return tokens[i].kind
  }

  @inline(__always) @discardableResult func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 {
      index += 1
      if index > furthest { furthest = index }
    }
    return token
  }

  @inline(__always) func accept(_ k: TokenKind) -> Bool {
    if tokens[index].kind == k {
      advance()
      return true
    }
    return false
  }

  @inline(__always) func expect(_ k: TokenKind) throws(ParseError) -> Token {
    if tokens[index].kind == k { return advance() }
    throw invalidSyntax()
  }

  /// Expects a token CPython's grammar forces (`&&':'`): "expected ':'".
  func expectForced(_ k: TokenKind, _ spelling: String) throws(ParseError) -> Token {
    if tokens[index].kind == k { return advance() }
    throw error("expected '\(spelling)'", at: tokens[index])
  }

  /// The previous token (the last one consumed).
  var previous: Token { tokens[max(index - 1, 0)] }

  /// The source text of a token.
  func text(_ token: Token) -> String {
    text(from: Int(token.start), to: Int(token.end))
  }

  func text(from start: Int, to end: Int) -> String {
    var isASCII = true
    for i in start..<end where src[i].value >= 0x80 { isASCII = false; break }
    if isASCII {
      return String(unsafeUninitializedCapacity: end - start) { buffer in
        for i in start..<end { buffer[i - start] = UInt8(truncatingIfNeeded: src[i].value) }
        return end - start
      }
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: src[start..<end])
    return String(view)
  }

  /// An identifier's name, NFKC-normalized as Python requires.
  func identifier(_ token: Token) -> String {
    let name = text(token)
    if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
    return normalizeIdentifier(name)
  }

  /// True for a NAME token spelling the given soft keyword.
  func isSoftKeyword(_ token: Token, _ word: String) -> Bool {
    guard token.kind == .name, Int(token.end - token.start) == word.utf8.count else { return false }
    var i = Int(token.start)
    for b in word.unicodeScalars {
      if src[i] != b { return false }
      i += 1
    }
    return true
  }

  // MARK: - Ranges

  func range(from start: Token, to end: Token) -> SourceRange {
    SourceRange(line: Int(start.line), col: Int(start.col), endLine: Int(end.endLine), endCol: Int(end.endCol))
  }

  /// From the start of `start` to the end of the last consumed token.
  func range(from start: Token) -> SourceRange { range(from: start, to: previous) }

  func range(from start: SourceRange) -> SourceRange {
    let end = previous
    return SourceRange(line: start.line, col: start.col, endLine: Int(end.endLine), endCol: Int(end.endCol))
  }

  // MARK: - Depth guards

  /// Enters a recursive rule; fails cleanly when the input nests too deeply
  /// for CPython's limits or for the remaining native stack.
  @inline(__always) func enter() throws(ParseError) {
    depth += 1
    if depth > Parser.maxDepth || StackBounds.isBelow(stackFloor) {
      throw tooDeep()
    }
  }

  @inline(__always) func leave() { depth -= 1 }

  /// Records the depth of a freshly built node and fails if the tree is too deep.
  @inline(__always) func noteTreeDepth(_ d: Int) throws(ParseError) {
    treeDepth = d
    if d > Parser.maxTreeDepth { throw tooDeep() }
  }

  func tooDeep() -> ParseError {
    let token = tokens[index]
    return ParseError(SyntaxErrorInfo(kind: .recursion, msg: SyntaxMessages.tooDeep, filename: filename,
                                      lineno: Int(token.line), offset: Int(token.col) + 1,
                                      endLineno: Int(token.endLine), endOffset: Int(token.endCol) + 1, text: nil))
  }

  // MARK: - Errors

  /// A generic "invalid syntax" at the furthest token examined (CPython's rule).
  func invalidSyntax() -> ParseError {
    let token = tokens[min(furthest, tokens.count - 1)]
    switch token.kind {
    case .indent:
      return error("unexpected indent", at: token, kind: .indentation)
    case .dedent where token.line > 0:
      return error("unexpected unindent", at: token, kind: .indentation)
    default:
      return error(SyntaxMessages.invalidSyntax, at: token)
    }
  }

  func error(_ msg: String, at token: Token, to endToken: Token? = nil,
             kind: SyntaxErrorInfo.Kind = .syntax) -> ParseError {
    let end = endToken ?? token
    let failure = error(msg, SourceRange(line: Int(token.line), col: Int(token.col), endLine: Int(end.endLine),
                                         endCol: Int(end.endCol)), kind: kind)
    if token.kind == .endMarker || token.kind == .errorToken && lexer.error?.isIncomplete == true {
      failure.info.isIncomplete = true
    }
    if token.kind == .indent && failure.info.kind == .indentation {
      // CPython points at the end of the indentation.
      failure.info.offset = Int(token.endCol)
      failure.info.endOffset = Int(token.endCol)
    }
    return failure
  }

  /// Builds an error for a source range, unless the lexer found an error that
  /// CPython would report instead (tokenizer errors win over parser errors).
  func error(_ msg: String, _ r: SourceRange, kind: SyntaxErrorInfo.Kind = .syntax) -> ParseError {
    if let lexError = lexer.error {
      if !lexError.isUnclosedBracket || r.line > lexError.line || furthest >= tokens.count - 1 {
        return ParseError(convert(lexError))
      }
    }
    return ParseError(SyntaxErrorInfo(kind: kind, msg: msg, filename: filename, lineno: r.line, offset: r.col + 1,
                                      endLineno: r.endLine, endOffset: r.endCol + 1, text: lineTextForError(r.line)))
  }

  func error(_ msg: String, _ expr: Expr) -> ParseError { error(msg, expr.range) }

  func convert(_ e: LexerError) -> SyntaxErrorInfo {
    SyntaxErrorInfo(kind: e.kind, msg: e.msg, filename: filename, lineno: e.line, offset: e.col + 1,
                    endLineno: e.endLine, endOffset: e.endCol + 1, text: lineTextForError(e.line),
                    isIncomplete: e.isIncomplete)
  }

  func lineTextForError(_ line: Int) -> String? {
    guard line >= 1 else { return nil }
    return lexer.lineText(line) + "\n"
  }
}

#if os(Linux)
/// glibc's `pthread_getattr_np`, which the Glibc module does not import (it needs `_GNU_SOURCE`).
@_silgen_name("pthread_getattr_np")
private func gnuPthreadGetattr(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// Where the current thread's stack ends, to stop recursion before it overflows.
enum StackBounds {
  static func currentThreadLowAddress() -> UInt? {
    #if os(Linux)
    var attributes = pthread_attr_t()
    guard gnuPthreadGetattr(pthread_self(), &attributes) == 0 else { return nil }
    defer { pthread_attr_destroy(&attributes) }
    var address: UnsafeMutableRawPointer?
    var size = 0
    guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
    return UInt(bitPattern: address)
    #elseif canImport(Darwin)
    let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
    return top - UInt(pthread_get_stacksize_np(pthread_self()))
    #else
    return nil
    #endif
  }

  /// True when the stack pointer has gone below `floor`.
  @inline(never) static func isBelow(_ floor: UInt) -> Bool {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) < floor }
  }
}
