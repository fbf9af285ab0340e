// The tokenizer: Python source (as Unicode scalars) → tokens, following the
// CPython 3.12 tokenizer: INDENT/DEDENT from an indentation stack, implicit
// line joining inside brackets, backslash continuation, and f-strings split
// into FSTRING_START / FSTRING_MIDDLE / replacement-field tokens / FSTRING_END.

/// An error found by the lexer, in 0-based columns; converted to
/// `SyntaxErrorInfo` by the parser (which decides whether it wins over a
/// parser error, as CPython does).
struct LexerError {
  var kind: SyntaxErrorInfo.Kind
  var msg: String
  var line: Int
  var col: Int
  var endLine: Int
  var endCol: Int
  var isIncomplete = false
  /// For "'(' was never closed": the error only replaces a parser error found
  /// on a later line than the bracket.
  var isUnclosedBracket = false
}

struct Lexer {
  enum Mode { case strict, highlighting }

  /// The source with four NUL sentinels appended, so lookahead never runs off the end.
  let src: [Unicode.Scalar]
  /// Number of real scalars (sentinels excluded).
  let count: Int
  let mode: Mode

  private(set) var tokens: [Token] = []
  private(set) var error: LexerError?
  /// Offsets of the first scalar of each line: `lineStarts[0]` is line 1.
  private(set) var lineStarts: [Int] = [0]

  private var pos = 0
  private var line = 1
  private var lineStart = 0
  private var atLineStart = true
  private var indents: [Int] = [0]
  private var altIndents: [Int] = [0]

  private struct OpenBracket {
    var char: Unicode.Scalar
    var line: Int
    var col: Int
    /// The `{` that opened an f-string replacement field.
    var isFStringField: Bool
  }
  private var brackets: [OpenBracket] = []

  private struct ReplacementField {
    /// `brackets.count` just after this field's `{` was pushed.
    var depth: Int
    var inFormatSpec: Bool
  }
  private struct FStringContext {
    var quote: Unicode.Scalar
    var isTriple: Bool
    var isRaw: Bool
    var line: Int
    var col: Int
    var fields: [ReplacementField] = []
  }
  private var fstrings: [FStringContext] = []

  // Start of the token being scanned.
  private var tokenStart = 0
  private var tokenLine = 1
  private var tokenCol = 0

  static let maxBracketDepth = 200
  static let maxIndentLevels = 100

  init(scalars: [Unicode.Scalar], mode: Mode = .strict) {
    var s = scalars
    count = s.count
    s.append(contentsOf: [Unicode.Scalar(0), Unicode.Scalar(0), Unicode.Scalar(0), Unicode.Scalar(0)])
    src = s
    self.mode = mode
    tokens.reserveCapacity(count / 3 + 16)
  }

  /// Converts Python source to scalars: drops a leading BOM and translates
  /// `\r\n` and lone `\r` to `\n`, as CPython's tokenizer does.
  static func scalars(of source: String) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(source.utf8.count)
    var previousWasCR = false
    for s in source.unicodeScalars {
      if s == "\n" && previousWasCR { previousWasCR = false; continue }
      previousWasCR = s == "\r"
      result.append(previousWasCR ? "\n" : s)
    }
    if result.first == "\u{FEFF}" { result.removeFirst() }
    return result
  }

  // MARK: - Driver

  mutating func tokenize() {
    while error == nil {
      if let context = fstrings.last, context.fields.last?.inFormatSpec ?? true {
        scanFStringText()
        continue
      }
      if atLineStart && brackets.isEmpty {
        if !handleIndentation() { continue }
        if error != nil { break }
      }
      skipSpaceAndComments()
      if error != nil { break }
      if pos >= count {
        finish()
        return
      }
      scanToken()
    }
  }

  // MARK: - Helpers

  @inline(__always) private func peek(_ offset: Int = 0) -> Unicode.Scalar { src[pos + offset] }

  @inline(__always) private mutating func consumeNewline() {
    pos += 1
    line += 1
    lineStart = pos
    if lineStarts.count < line { lineStarts.append(pos) }
  }

  private mutating func beginToken() {
    tokenStart = pos
    tokenLine = line
    tokenCol = pos - lineStart
  }

  private mutating func emit(_ kind: TokenKind) {
    tokens.append(Token(kind: kind, start: Int32(tokenStart), end: Int32(pos), line: Int32(tokenLine),
                        col: Int32(tokenCol), endLine: Int32(line), endCol: Int32(pos - lineStart)))
  }

  private mutating func emitZeroWidth(_ kind: TokenKind) {
    tokens.append(Token(kind: kind, start: Int32(pos), end: Int32(pos), line: Int32(line),
                        col: Int32(pos - lineStart), endLine: Int32(line), endCol: Int32(pos - lineStart)))
  }

  /// Records an error. In strict mode lexing stops there; in highlighting mode
  /// the text from the token start to the current position becomes an error
  /// token and lexing resumes after it.
  private mutating func fail(_ msg: String, line errLine: Int, col: Int, endLine: Int? = nil, endCol: Int? = nil,
                             kind: SyntaxErrorInfo.Kind = .syntax, incomplete: Bool = false,
                             unclosedBracket: Bool = false) {
    if mode == .highlighting {
      pos = min(pos, count)
      if pos <= tokenStart { pos = min(tokenStart + 1, count) }
      if pos > tokenStart {
        tokens.append(Token(kind: .errorToken, start: Int32(tokenStart), end: Int32(pos), line: Int32(tokenLine),
                            col: Int32(tokenCol), endLine: Int32(line), endCol: Int32(pos - lineStart)))
      }
      // Give up on any f-string in progress and its replacement-field brackets.
      if !fstrings.isEmpty {
        fstrings.removeAll()
        brackets.removeAll { $0.isFStringField }
      }
      return
    }
    error = LexerError(kind: kind, msg: msg, line: errLine, col: col, endLine: endLine ?? errLine,
                       endCol: endCol ?? col, isIncomplete: incomplete, isUnclosedBracket: unclosedBracket)
    tokens.append(Token(kind: .errorToken, start: Int32(pos), end: Int32(pos), line: Int32(errLine),
                        col: Int32(col), endLine: Int32(errLine), endCol: Int32(col)))
  }

  /// The line containing offset-based line number `n` (1-based), without its newline.
  func lineText(_ n: Int) -> String {
    guard n >= 1 else { return "" }
    var start: Int
    if n <= lineStarts.count {
      start = lineStarts[n - 1]
    } else {
      // Past what the lexer reached: walk forward from the last known line.
      start = lineStarts[lineStarts.count - 1]
      var current = lineStarts.count
      while current < n && start < count {
        while start < count && src[start] != "\n" { start += 1 }
        if start < count { start += 1 }
        current += 1
      }
    }
    var end = start
    while end < count && src[end] != "\n" { end += 1 }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: src[start..<end])
    return String(text)
  }

  /// The number of the last line holding a character (CPython's "detected at line N").
  private var lastLineWithText: Int {
    (count > 0 && src[count - 1] == "\n") ? line - 1 : line
  }

  // MARK: - Indentation

  /// Measures the indentation at the start of a line and emits INDENT/DEDENT.
  /// Returns false when the line was blank (and consumed), true otherwise.
  private mutating func handleIndentation() -> Bool {
    var column = 0
    var altColumn = 0
    while true {
      let c = peek()
      if c == " " {
        column += 1; altColumn += 1
      } else if c == "\t" {
        column = (column / 8 + 1) * 8
        altColumn += 1
      } else if c == "\u{0C}" {
        column = 0; altColumn = 0
      } else {
        break
      }
      pos += 1
    }
    let c = peek()
    if c == "#" || c == "\n" || pos >= count {
      // A blank or comment-only line: no indentation change, no NEWLINE.
      if c == "#" { skipComment() }
      if peek() == "\n" && pos < count {
        consumeNewline()
        return false
      }
      atLineStart = false
      return true
    }
    atLineStart = false
    let current = indents[indents.count - 1]
    if column == current {
      if altColumn != altIndents[altIndents.count - 1] { return tabError() }
    } else if column > current {
      if indents.count > Lexer.maxIndentLevels {
        beginToken()
        fail("too many levels of indentation", line: line, col: column, kind: .indentation)
        return true
      }
      if altColumn <= altIndents[altIndents.count - 1] { return tabError() }
      indents.append(column)
      altIndents.append(altColumn)
      tokens.append(Token(kind: .indent, start: Int32(lineStart), end: Int32(pos), line: Int32(line), col: 0,
                          endLine: Int32(line), endCol: Int32(pos - lineStart)))
    } else {
      while indents.count > 1 && column < indents[indents.count - 1] {
        indents.removeLast()
        altIndents.removeLast()
        emitZeroWidth(.dedent)
      }
      if column != indents[indents.count - 1] && mode == .strict {
        beginToken()
        let length = lineText(line).unicodeScalars.count
        fail("unindent does not match any outer indentation level", line: line, col: length, kind: .indentation)
        return true
      }
      if altColumn != altIndents[altIndents.count - 1] { return tabError() }
    }
    return true
  }

  private mutating func tabError() -> Bool {
    if mode == .highlighting { return true }
    beginToken()
    fail("inconsistent use of tabs and spaces in indentation", line: line, col: 0, kind: .tab)
    return true
  }

  // MARK: - Whitespace, comments, continuation lines

  private mutating func skipComment() {
    beginToken()
    while pos < count && peek() != "\n" { pos += 1 }
    if mode == .highlighting { emit(.comment) }
  }

  private mutating func skipSpaceAndComments() {
    while true {
      let c = peek()
      if c == " " || c == "\t" || c == "\u{0C}" {
        pos += 1
      } else if c == "#" {
        skipComment()
      } else if c == "\\" {
        let next = peek(1)
        if next == "\n" && pos + 1 < count {
          pos += 1
          consumeNewline()
          if pos >= count {
            beginToken()
            fail("unexpected EOF while parsing", line: line - 1, col: pos - lineStarts[line - 2], incomplete: true)
            return
          }
        } else if pos + 1 >= count {
          beginToken()
          pos += 1
          fail("unexpected EOF while parsing", line: line, col: pos - lineStart, incomplete: true)
          return
        } else {
          beginToken()
          pos += 1
          fail("unexpected character after line continuation character", line: line, col: pos - lineStart)
          return
        }
      } else if c == "\n" && pos < count && !brackets.isEmpty {
        consumeNewline()
      } else {
        return
      }
    }
  }

  // MARK: - End of input

  private mutating func finish() {
    if let open = brackets.last, mode == .strict {
      if open.isFStringField {
        beginToken()
        fail("f-string: expecting '}'", line: line, col: pos - lineStart, incomplete: true)
      } else {
        let message = "'\(open.char)' was never closed"
        fail(message, line: open.line, col: open.col, incomplete: true, unclosedBracket: true)
      }
      return
    }
    emitZeroWidthNewlineIfNeeded()
    while indents.count > 1 {
      indents.removeLast()
      emitZeroWidth(.dedent)
    }
    emitZeroWidth(.endMarker)
  }

  /// Adds the implicit NEWLINE at end of input when the last logical line
  /// did not end with one.
  private mutating func emitZeroWidthNewlineIfNeeded() {
    var index = tokens.count - 1
    while index >= 0 && tokens[index].kind == .comment { index -= 1 }
    if index < 0 { return }
    switch tokens[index].kind {
    case .newline, .indent, .dedent: return
    default: break
    }
    tokens.append(Token(kind: .newline, start: Int32(pos), end: Int32(pos), line: Int32(line),
                        col: Int32(pos - lineStart), endLine: Int32(line), endCol: Int32(pos - lineStart + 1)))
  }

  // MARK: - Tokens

  private mutating func scanToken() {
    beginToken()
    let c = peek()
    let v = c.value
    if c == "\n" {
      pos += 1
      tokens.append(Token(kind: .newline, start: Int32(tokenStart), end: Int32(pos), line: Int32(line),
                          col: Int32(tokenCol), endLine: Int32(line), endCol: Int32(tokenCol + 1)))
      line += 1
      lineStart = pos
      if lineStarts.count < line { lineStarts.append(pos) }
      atLineStart = true
      return
    }
    if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || v == 0x5F || (v > 0x7F && isIdentifierStart(c)) {
      scanNameOrPrefixedString()
      return
    }
    if v >= 0x30 && v <= 0x39 {
      scanNumber()
      return
    }
    if c == "." && peek(1).value >= 0x30 && peek(1).value <= 0x39 {
      scanNumber()
      return
    }
    if c == "\"" || c == "'" {
      scanString(prefixStart: pos, isRaw: false, isBytes: false, isFormatted: false)
      return
    }
    if v > 0x7F {
      pos += 1
      let hex = String(v, radix: 16, uppercase: true)
      let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      if isPrintable(c) {
        fail("invalid character '\(c)' (U+\(code))", line: line, col: tokenCol)
      } else {
        fail("invalid non-printable character U+\(code)", line: line, col: tokenCol)
      }
      return
    }
    scanOperator()
  }

  private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c.properties.isXIDStart || c == "_"
  }

  @inline(__always) private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 {
      return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
    }
    return c.properties.isXIDContinue
  }

  private func isPrintable(_ c: Unicode.Scalar) -> Bool {
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
         .spaceSeparator:
      return false
    default:
      return true
    }
  }

  private mutating func scanNameOrPrefixedString() {
    let start = pos
    pos += 1
    while isIdentifierContinue(peek()) { pos += 1 }
    let next = peek()
    if (next == "\"" || next == "'") && pos - start <= 2 {
      var isRaw = false, isBytes = false, isFormatted = false, isUnicode = false, valid = true
      for i in start..<pos {
        switch src[i] {
        case "r", "R": if isRaw { valid = false }; isRaw = true
        case "b", "B": if isBytes { valid = false }; isBytes = true
        case "f", "F": if isFormatted { valid = false }; isFormatted = true
        case "u", "U": if isUnicode { valid = false }; isUnicode = true
        default: valid = false
        }
      }
      if isUnicode && pos - start > 1 { valid = false }
      if isBytes && isFormatted { valid = false }
      if valid {
        scanString(prefixStart: start, isRaw: isRaw, isBytes: isBytes, isFormatted: isFormatted)
        return
      }
    }
    // Reject scalars that are neither ASCII nor identifier characters inside a name
    // (handled by scanToken for the next token). Keywords get their own kinds.
    let kind = src.withUnsafeBufferPointer { Keywords.lookup($0, start, pos) } ?? .name
    emit(kind)
  }

  // MARK: Numbers

  @inline(__always) private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  private func isHexDigit(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x66) || (v >= 0x41 && v <= 0x46)
  }

  /// Digits with single underscores between them. Returns false (after
  /// reporting) on an underscore not followed by a digit.
  private mutating func scanDecimalTail() -> Bool {
    while true {
      while isDigit(peek()) { pos += 1 }
      if peek() != "_" { return true }
      if !isDigit(peek(1)) {
        pos += 1
        fail("invalid decimal literal", line: line, col: pos - 1 - lineStart)
        return false
      }
      pos += 1
    }
  }

  private mutating func scanNumber() {
    let c = peek()
    if c == "0" && (peek(1) == "x" || peek(1) == "X") {
      pos += 2
      scanRadixDigits(kind: "hexadecimal", isValid: isHexDigit, maxDigit: nil)
      return
    }
    if c == "0" && (peek(1) == "o" || peek(1) == "O") {
      pos += 2
      scanRadixDigits(kind: "octal", isValid: { $0.value >= 0x30 && $0.value <= 0x37 }, maxDigit: "7")
      return
    }
    if c == "0" && (peek(1) == "b" || peek(1) == "B") {
      pos += 2
      scanRadixDigits(kind: "binary", isValid: { $0 == "0" || $0 == "1" }, maxDigit: "1")
      return
    }
    var isFloatLike = false
    if c == "." {
      pos += 1
      if !scanDecimalTail() { return }
      isFloatLike = true
    } else if c == "0" {
      // Zeros (maybe with underscores); further nonzero digits are only valid
      // in a float or imaginary literal.
      pos += 1
      while true {
        if peek() == "_" {
          if !isDigit(peek(1)) {
            pos += 1
            fail("invalid decimal literal", line: line, col: pos - 1 - lineStart)
            return
          }
          pos += 1
        }
        if peek() != "0" { break }
        pos += 1
      }
      let zerosEnd = pos
      var nonzero = false
      if isDigit(peek()) {
        nonzero = true
        if !scanDecimalTail() { return }
      }
      let n = peek()
      if n == "." || n == "e" || n == "E" || n == "j" || n == "J" {
        // Handled below as a float/imaginary.
      } else if nonzero {
        fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
             line: line, col: tokenCol, endCol: zerosEnd - lineStart)
        return
      }
    } else {
      if !scanDecimalTail() { return }
    }
    if !isFloatLike && peek() == "." {
      pos += 1
      if isDigit(peek()) {
        if !scanDecimalTail() { return }
      }
    }
    if peek() == "e" || peek() == "E" {
      let beforeExponent = pos
      pos += 1
      if peek() == "+" || peek() == "-" {
        pos += 1
        if !isDigit(peek()) {
          if pos < count { pos += 1 }
          fail("invalid decimal literal", line: line, col: pos - 1 - lineStart)
          return
        }
      }
      if isDigit(peek()) {
        if !scanDecimalTail() { return }
      } else {
        pos = beforeExponent
      }
    }
    if peek() == "j" || peek() == "J" { pos += 1 }
    if verifyEndOfNumber(kind: "decimal") { emit(.number) }
  }

  private mutating func scanRadixDigits(kind: String, isValid: (Unicode.Scalar) -> Bool, maxDigit: Unicode.Scalar?) {
    var sawDigit = false
    while true {
      if peek() == "_" { pos += 1 }
      if !isValid(peek()) {
        if let maxDigit, isDigit(peek()), peek().value > maxDigit.value {
          pos += 1
          fail("invalid digit '\(src[pos - 1])' in \(kind) literal", line: line, col: pos - 1 - lineStart)
          return
        }
        if !sawDigit || src[pos - 1] == "_" {
          fail("invalid \(kind) literal", line: line, col: pos - 1 - lineStart)
          return
        }
        break
      }
      while isValid(peek()) { pos += 1 }
      sawDigit = true
      if peek() != "_" { break }
    }
    if let maxDigit, isDigit(peek()), peek().value > maxDigit.value {
      pos += 1
      fail("invalid digit '\(src[pos - 1])' in \(kind) literal", line: line, col: pos - 1 - lineStart)
      return
    }
    if verifyEndOfNumber(kind: kind) { emit(.number) }
  }

  /// A number directly followed by a letter is an error, except before the
  /// keywords that may follow a number in valid code (`1if x else y`).
  private mutating func verifyEndOfNumber(kind: String) -> Bool {
    let c = peek()
    let allowedKeywords: [String]
    switch c {
    case "a": allowedKeywords = ["and"]
    case "e": allowedKeywords = ["else"]
    case "f": allowedKeywords = ["for"]
    case "i": allowedKeywords = ["if", "in", "is"]
    case "n": allowedKeywords = ["not"]
    case "o": allowedKeywords = ["or"]
    default: allowedKeywords = []
    }
    for keyword in allowedKeywords where matches(keyword) { return true }
    if isIdentifierContinue(c) && c.value != 0 {
      fail("invalid \(kind) literal", line: line, col: pos - 1 - lineStart)
      return false
    }
    return true
  }

  private func matches(_ word: String) -> Bool {
    var i = pos
    for u in word.unicodeScalars {
      if src[i] != u { return false }
      i += 1
    }
    return true
  }

  // MARK: Strings

  private mutating func scanString(prefixStart: Int, isRaw: Bool, isBytes: Bool, isFormatted: Bool) {
    let quote = peek()
    let isTriple = peek(1) == quote && peek(2) == quote
    pos += isTriple ? 3 : 1
    if isFormatted {
      emit(.fstringStart)
      fstrings.append(FStringContext(quote: quote, isTriple: isTriple, isRaw: isRaw, line: tokenLine, col: tokenCol))
      return
    }
    while true {
      let c = peek()
      if pos >= count {
        if isTriple {
          fail("unterminated triple-quoted string literal (detected at line \(lastLineWithText))",
               line: tokenLine, col: tokenCol, incomplete: true)
        } else {
          unterminatedString(quote: quote)
        }
        return
      }
      if c == quote {
        if !isTriple {
          pos += 1
          break
        }
        if peek(1) == quote && peek(2) == quote {
          pos += 3
          break
        }
        pos += 1
      } else if c == "\\" {
        pos += 1
        if peek() == "\n" && pos < count { consumeNewline() } else if pos < count { pos += 1 }
      } else if c == "\n" {
        if !isTriple {
          unterminatedString(quote: quote)
          return
        }
        consumeNewline()
      } else {
        pos += 1
      }
    }
    emit(.string)
  }

  /// A single-quoted string ran into the end of its line. Inside an f-string
  /// replacement field, a quote matching the f-string's own means the field
  /// was never closed.
  private mutating func unterminatedString(quote: Unicode.Scalar) {
    if let context = fstrings.last, context.quote == quote, !context.isTriple {
      fail("f-string: expecting '}'", line: tokenLine, col: tokenCol)
      return
    }
    fail("unterminated string literal (detected at line \(line))", line: tokenLine, col: tokenCol)
  }

  // MARK: f-strings

  /// Scans literal text of the innermost f-string (or of a format spec) up to
  /// a replacement field, the end of the spec, or the closing quote.
  private mutating func scanFStringText() {
    var context = fstrings[fstrings.count - 1]
    let inSpec = !context.fields.isEmpty
    let quote = context.quote
    beginToken()
    while true {
      let c = peek()
      if pos >= count {
        emitMiddleIfNonEmpty()
        beginToken()
        if inSpec {
          fail("f-string: expecting '}'", line: line, col: pos - lineStart, incomplete: context.isTriple)
        } else if context.isTriple {
          fail("unterminated triple-quoted f-string literal (detected at line \(lastLineWithText))",
               line: context.line, col: context.col, incomplete: true)
        } else {
          fail("unterminated f-string literal (detected at line \(line))", line: context.line, col: context.col)
        }
        return
      }
      if c == quote && (!context.isTriple || (peek(1) == quote && peek(2) == quote)) {
        emitMiddleIfNonEmpty()
        beginToken()
        if inSpec {
          fail("f-string: expecting '}'", line: line, col: pos - lineStart)
          return
        }
        pos += context.isTriple ? 3 : 1
        emit(.fstringEnd)
        fstrings.removeLast()
        return
      }
      switch c {
      case "\n":
        if !context.isTriple {
          emitMiddleIfNonEmpty()
          beginToken()
          if inSpec {
            fail("f-string: expecting '}'", line: line, col: pos - lineStart)
          } else {
            fail("unterminated f-string literal (detected at line \(line))", line: context.line, col: context.col)
          }
          return
        }
        consumeNewline()
      case "\\":
        let next = peek(1)
        if next == "{" || next == "}" {
          pos += 1
        } else if !context.isRaw && next == "N" && peek(2) == "{" {
          pos += 3
          while pos < count && peek() != "}" && peek() != quote && peek() != "\n" { pos += 1 }
          if peek() == "}" { pos += 1 }
        } else if next == "\n" && pos + 1 < count {
          pos += 1
          consumeNewline()
        } else {
          pos += pos + 1 < count ? 2 : 1
        }
      case "{":
        if peek(1) == "{" {
          pos += 2
          continue
        }
        emitMiddleIfNonEmpty()
        beginToken()
        if brackets.count >= Lexer.maxBracketDepth {
          fail(SyntaxMessages.tooManyParens, line: line, col: pos - lineStart)
          return
        }
        pos += 1
        emit(.lbrace)
        brackets.append(OpenBracket(char: "{", line: tokenLine, col: tokenCol, isFStringField: true))
        context.fields.append(ReplacementField(depth: brackets.count, inFormatSpec: false))
        fstrings[fstrings.count - 1] = context
        return
      case "}":
        if inSpec {
          emitMiddleIfNonEmpty()
          beginToken()
          pos += 1
          emit(.rbrace)
          brackets.removeLast()
          context.fields.removeLast()
          fstrings[fstrings.count - 1] = context
          return
        }
        if peek(1) == "}" {
          pos += 2
          continue
        }
        emitMiddleIfNonEmpty()
        beginToken()
        pos += 1
        fail("f-string: single '}' is not allowed", line: line, col: tokenCol)
        return
      default:
        pos += 1
      }
    }
  }

  private mutating func emitMiddleIfNonEmpty() {
    if pos > tokenStart { emit(.fstringMiddle) }
  }

  // MARK: Operators

  private mutating func scanOperator() {
    let c = peek()
    let c1 = peek(1)
    let c2 = peek(2)
    var kind: TokenKind
    var length = 1
    switch c {
    case "(", "[", "{":
      if brackets.count >= Lexer.maxBracketDepth {
        pos += 1
        fail(SyntaxMessages.tooManyParens, line: line, col: tokenCol)
        return
      }
      brackets.append(OpenBracket(char: c, line: line, col: tokenCol, isFStringField: false))
      kind = c == "(" ? .lpar : c == "[" ? .lsqb : .lbrace
    case ")", "]", "}":
      guard let open = brackets.last else {
        pos += 1
        if mode == .highlighting { emit(c == ")" ? .rpar : c == "]" ? .rsqb : .rbrace); return }
        fail("unmatched '\(c)'", line: line, col: tokenCol)
        return
      }
      let expected: Unicode.Scalar = open.char == "(" ? ")" : open.char == "[" ? "]" : "}"
      if c != expected {
        pos += 1
        if mode == .highlighting { emit(c == ")" ? .rpar : c == "]" ? .rsqb : .rbrace); return }
        if open.isFStringField {
          fail("f-string: unmatched '\(c)'", line: line, col: tokenCol)
        } else if open.line != line {
          fail("closing parenthesis '\(c)' does not match opening parenthesis '\(open.char)' on line \(open.line)",
               line: line, col: tokenCol)
        } else {
          fail("closing parenthesis '\(c)' does not match opening parenthesis '\(open.char)'", line: line, col: tokenCol)
        }
        return
      }
      brackets.removeLast()
      kind = c == ")" ? .rpar : c == "]" ? .rsqb : .rbrace
      if open.isFStringField {
        // The end of a replacement field: back to the enclosing literal text / format spec.
        var context = fstrings[fstrings.count - 1]
        context.fields.removeLast()
        fstrings[fstrings.count - 1] = context
      }
    case ":":
      if c1 == "=" && !atReplacementFieldTop {
        kind = .colonEqual; length = 2
      } else {
        kind = .colon
        if atReplacementFieldTop {
          fstrings[fstrings.count - 1].fields[fstrings[fstrings.count - 1].fields.count - 1].inFormatSpec = true
        }
      }
    case ",": kind = .comma
    case ";": kind = .semi
    case "~": kind = .tilde
    case ".":
      if c1 == "." && c2 == "." { kind = .ellipsis; length = 3 } else { kind = .dot }
    case "+": if c1 == "=" { kind = .plusEqual; length = 2 } else { kind = .plus }
    case "-":
      if c1 == "=" { kind = .minusEqual; length = 2 } else if c1 == ">" { kind = .rarrow; length = 2 } else { kind = .minus }
    case "*":
      if c1 == "*" {
        if c2 == "=" { kind = .doubleStarEqual; length = 3 } else { kind = .doubleStar; length = 2 }
      } else if c1 == "=" { kind = .starEqual; length = 2 } else { kind = .star }
    case "/":
      if c1 == "/" {
        if c2 == "=" { kind = .doubleSlashEqual; length = 3 } else { kind = .doubleSlash; length = 2 }
      } else if c1 == "=" { kind = .slashEqual; length = 2 } else { kind = .slash }
    case "%": if c1 == "=" { kind = .percentEqual; length = 2 } else { kind = .percent }
    case "@": if c1 == "=" { kind = .atEqual; length = 2 } else { kind = .at }
    case "|": if c1 == "=" { kind = .vbarEqual; length = 2 } else { kind = .vbar }
    case "&": if c1 == "=" { kind = .amperEqual; length = 2 } else { kind = .amper }
    case "^": if c1 == "=" { kind = .circumflexEqual; length = 2 } else { kind = .circumflex }
    case "=": if c1 == "=" { kind = .eqEqual; length = 2 } else { kind = .equal }
    case "!":
      if c1 == "=" { kind = .notEqual; length = 2 } else { kind = .exclamation }
    case "<":
      if c1 == "<" {
        if c2 == "=" { kind = .leftShiftEqual; length = 3 } else { kind = .leftShift; length = 2 }
      } else if c1 == "=" { kind = .lessEqual; length = 2 } else if c1 == ">" {
        // PEP 401's `<>` exists only as a joke; CPython reports it as invalid.
        kind = .notEqual; length = 2
        pos += 2
        fail(SyntaxMessages.invalidSyntax, line: line, col: tokenCol, endCol: tokenCol + 2)
        return
      } else { kind = .less }
    case ">":
      if c1 == ">" {
        if c2 == "=" { kind = .rightShiftEqual; length = 3 } else { kind = .rightShift; length = 2 }
      } else if c1 == "=" { kind = .greaterEqual; length = 2 } else { kind = .greater }
    default:
      pos += 1
      let v = c.value
      if v < 0x20 || v == 0x7F {
        let hex = String(v, radix: 16, uppercase: true)
        fail("invalid non-printable character U+\(String(repeating: "0", count: 4 - hex.count) + hex)",
             line: line, col: tokenCol)
      } else {
        // `$`, `?`, backtick: CPython reports plain invalid syntax at the character.
        fail(SyntaxMessages.invalidSyntax, line: line, col: tokenCol, endCol: tokenCol + 1)
      }
      return
    }
    pos += length
    emit(kind)
  }

  /// True when the lexer is directly inside an f-string replacement field
  /// (not inside a bracket nested in it), where `:` starts the format spec.
  private var atReplacementFieldTop: Bool {
    guard let context = fstrings.last, let field = context.fields.last, !field.inFormatSpec else { return false }
    return field.depth == brackets.count
  }
}
