// The `match` statement and its patterns. `match`, `case` and `_` are soft
// keywords: a statement starting with `match` is first tried as a match
// statement and re-read as an ordinary statement when that fails.

extension Parser {
  /// A match statement at the current `match` NAME, or nil (nothing consumed)
  /// when the line is an ordinary statement such as `match = 1` or `match(x)`.
  func parseMatchStatementIfPresent() throws(ParseError) -> Stmt? {
    let saved = (index, treeDepth)
    let matchToken = advance()
    let subject: Expr
    do {
      subject = try parseSubject()
    } catch {
      (index, treeDepth) = saved
      return nil
    }
    guard kind == .colon else {
      let endedLine = kind == .newline
      (index, treeDepth) = saved
      if endedLine {
        // `match x` alone: if the line is not a valid statement either, CPython says "expected ':'".
        var probe: [Stmt] = []
        let before = index
        do {
          try parseSimpleStatements(into: &probe)
          index = before
        } catch {
          index = before
          throw self.error("expected ':'", at: tokens[lineEndIndex(from: before)])
        }
      }
      return nil
    }
    advance()
    try enter()
    defer { leave() }
    guard accept(.newline) else { throw invalidSyntax() }
    guard accept(.indent) else {
      let failure = error("expected an indented block after 'match' statement on line \(matchToken.line)",
                       at: current, kind: .indentation)
      failure.info.isIncomplete = current.kind == .endMarker
      throw failure
    }
    var cases: [MatchCase] = []
    while kind != .dedent && kind != .endMarker {
      guard isSoftKeyword(current, "case") else { throw invalidSyntax() }
      cases.append(try parseCaseBlock())
    }
    _ = accept(.dedent)
    let end = cases.isEmpty ? matchToken.range : lastSimpleStatementsEnd
    return Stmt(.match(subject: subject, cases: cases), range(from: matchToken).through(end))
  }

  private func lineEndIndex(from start: Int) -> Int {
    var i = start
    while i < tokens.count - 1 && tokens[i].kind != .newline { i += 1 }
    return i
  }

  /// `subject_expr`: `a, *b` (a tuple) or a named expression.
  private func parseSubject() throws(ParseError) -> Expr {
    let start = current
    let first = try parseStarNamedExpression()
    guard kind == .comma else {
      if case .starred = first.kind { throw invalidSyntax() }
      return first
    }
    var elements = [first]
    while accept(.comma) {
      if kind == .colon { break }
      elements.append(try parseStarNamedExpression())
    }
    return Expr(.tuple(elements), range(from: start))
  }

  private func parseCaseBlock() throws(ParseError) -> MatchCase {
    let caseToken = advance()
    let pattern = try parsePatterns()
    var guard_: Expr?
    if accept(.kwIf) { guard_ = try parseNamedExpression() }
    try expectColon(forced: false)
    let body = try parseBlock(after: "'case' statement", line: caseToken.line)
    return MatchCase(pattern: pattern, guard_: guard_, body: body)
  }

  // MARK: - Patterns

  /// `patterns`: an open sequence `a, *b` or a single pattern.
  private func parsePatterns() throws(ParseError) -> Pattern {
    let start = current
    let first = try parseMaybeStarPattern()
    guard kind == .comma else {
      if case .matchStar = first.kind { throw invalidSyntax() }
      return first
    }
    var elements = [first]
    while accept(.comma) {
      if kind == .colon || kind == .kwIf { break }
      elements.append(try parseMaybeStarPattern())
    }
    return Pattern(.matchSequence(elements), range(from: start))
  }

  private func parseMaybeStarPattern() throws(ParseError) -> Pattern {
    guard kind == .star else { return try parsePattern() }
    let star = advance()
    let nameToken = try expectName()
    let name = identifier(nameToken)
    return Pattern(.matchStar(name == "_" ? nil : name), range(from: star))
  }

  /// `pattern`: an or-pattern, optionally `as NAME`.
  private func parsePattern() throws(ParseError) -> Pattern {
    try enter()
    defer { leave() }
    let start = current
    let pattern = try parseOrPattern()
    guard accept(.kwAs) else { return pattern }
    guard kind == .name else {
      if canStartExpression(kind) {
        let bad = try parseExpression()
        throw error("invalid pattern target", bad)
      }
      throw invalidSyntax()
    }
    let nameToken = advance()
    let name = identifier(nameToken)
    if name == "_" { throw error("cannot use '_' as a target", at: nameToken) }
    if kind == .dot || kind == .lpar || kind == .equal {
      throw error("invalid pattern target", at: nameToken)
    }
    return Pattern(.matchAs(pattern: pattern, name: name), range(from: start))
  }

  private func parseOrPattern() throws(ParseError) -> Pattern {
    let start = current
    let first = try parseClosedPattern()
    guard kind == .vbar else { return first }
    var alternatives = [first]
    while accept(.vbar) {
      alternatives.append(try parseClosedPattern())
    }
    return Pattern(.matchOr(alternatives), range(from: start))
  }

  private func parseClosedPattern() throws(ParseError) -> Pattern {
    let start = current
    switch kind {
    case .number, .minus:
      let value = try parseNumberPatternValue()
      return Pattern(.matchValue(value), value.range)
    case .string:
      let value = try parseStrings()
      return Pattern(.matchValue(value), value.range)
    case .fstringStart:
      let value = try parseStrings()
      throw error("patterns may only match literals and attribute lookups", value)
    case .kwNone:
      advance()
      return Pattern(.matchSingleton(.none), start.range)
    case .kwTrue:
      advance()
      return Pattern(.matchSingleton(.bool(true)), start.range)
    case .kwFalse:
      advance()
      return Pattern(.matchSingleton(.bool(false)), start.range)
    case .name:
      return try parseNamePattern()
    case .lpar:
      return try parseParenthesizedPattern()
    case .lsqb:
      advance()
      bracketLevel += 1
      let elements = try parseSequencePatternElements(closing: .rsqb)
      bracketLevel -= 1
      _ = try expectClosing(.rsqb)
      return Pattern(.matchSequence(elements), range(from: start))
    case .lbrace:
      return try parseMappingPattern()
    default:
      throw invalidSyntax()
    }
  }

  /// A capture (`x`), the wildcard (`_`), a value (`a.b`) or a class pattern (`C(...)`).
  private func parseNamePattern() throws(ParseError) -> Pattern {
    let start = current
    let nameOrAttribute = try parseNameOrAttribute()
    if kind == .lpar {
      return try parseClassPattern(cls: nameOrAttribute, start: start)
    }
    switch nameOrAttribute.kind {
    case .name(let name):
      if kind == .equal { throw invalidSyntax() }
      return Pattern(.matchAs(pattern: nil, name: name == "_" ? nil : name), nameOrAttribute.range)
    default:
      return Pattern(.matchValue(nameOrAttribute), nameOrAttribute.range)
    }
  }

  private func parseNameOrAttribute() throws(ParseError) -> Expr {
    let first = try expectName()
    var expr = Expr(.name(identifier(first)), first.range)
    while accept(.dot) {
      let attr = try expectName()
      expr = Expr(.attribute(expr, attr: identifier(attr)), range(from: first))
    }
    return expr
  }

  private func parseClassPattern(cls: Expr, start: Token) throws(ParseError) -> Pattern {
    advance()
    bracketLevel += 1
    defer { bracketLevel -= 1 }
    var patterns: [Pattern] = []
    var kwdAttrs: [String] = []
    var kwdPatterns: [Pattern] = []
    while kind != .rpar {
      if kind == .name && peekKind(1) == .equal {
        let nameToken = advance()
        advance()
        kwdAttrs.append(identifier(nameToken))
        kwdPatterns.append(try parsePattern())
      } else {
        let pattern = try parsePattern()
        if !kwdAttrs.isEmpty {
          throw error("positional patterns follow keyword patterns", pattern.range)
        }
        patterns.append(pattern)
      }
      if !accept(.comma) { break }
    }
    _ = try expectClosing(.rpar)
    return Pattern(.matchClass(cls: cls, patterns: patterns, kwdAttrs: kwdAttrs, kwdPatterns: kwdPatterns),
                   range(from: start))
  }

  /// `( )`: an empty sequence, a group `(p)`, or a sequence `(p,)`.
  private func parseParenthesizedPattern() throws(ParseError) -> Pattern {
    let open = advance()
    bracketLevel += 1
    defer { bracketLevel -= 1 }
    if accept(.rpar) { return Pattern(.matchSequence([]), range(from: open)) }
    let first = try parseMaybeStarPattern()
    if accept(.rpar) {
      if case .matchStar = first.kind { throw invalidSyntax() }
      return first
    }
    guard accept(.comma) else { throw invalidSyntax() }
    var elements = [first]
    if kind != .rpar {
      elements += try parseSequencePatternElements(closing: .rpar)
    }
    _ = try expectClosing(.rpar)
    return Pattern(.matchSequence(elements), range(from: open))
  }

  private func parseSequencePatternElements(closing: TokenKind) throws(ParseError) -> [Pattern] {
    var elements: [Pattern] = []
    while kind != closing {
      elements.append(try parseMaybeStarPattern())
      if !accept(.comma) { break }
    }
    return elements
  }

  private func parseMappingPattern() throws(ParseError) -> Pattern {
    let open = advance()
    bracketLevel += 1
    defer { bracketLevel -= 1 }
    var keys: [Expr] = []
    var patterns: [Pattern] = []
    var rest: String?
    while kind != .rbrace {
      if kind == .doubleStar {
        advance()
        let nameToken = try expectName()
        rest = identifier(nameToken)
        _ = accept(.comma)
        break
      }
      keys.append(try parseMappingKey())
      _ = try expect(.colon)
      patterns.append(try parsePattern())
      if !accept(.comma) { break }
    }
    _ = try expectClosing(.rbrace)
    return Pattern(.matchMapping(keys: keys, patterns: patterns, rest: rest), range(from: open))
  }

  /// A mapping pattern key: a literal or a dotted value.
  private func parseMappingKey() throws(ParseError) -> Expr {
    let start = current
    switch kind {
    case .number, .minus: return try parseNumberPatternValue()
    case .string: return try parseStrings()
    case .fstringStart:
      let value = try parseStrings()
      throw error("patterns may only match literals and attribute lookups", value)
    case .kwNone:
      advance()
      return Expr(.constant(.none), start.range)
    case .kwTrue:
      advance()
      return Expr(.constant(.bool(true)), start.range)
    case .kwFalse:
      advance()
      return Expr(.constant(.bool(false)), start.range)
    case .name:
      let value = try parseNameOrAttribute()
      if case .name = value.kind { throw invalidSyntax() }
      return value
    default:
      throw invalidSyntax()
    }
  }

  /// `signed_number` or `complex_number`: `1`, `-1`, `1+2j`, `-1.5-2j`.
  private func parseNumberPatternValue() throws(ParseError) -> Expr {
    let real = try parseSignedNumber()
    guard kind == .plus || kind == .minus else { return real }
    let op: BinaryOperator = kind == .plus ? .add : .sub
    advance()
    guard kind == .number else { throw invalidSyntax() }
    let imaginaryToken = advance()
    let imaginary = Expr(.constant(try numberConstant(imaginaryToken)), imaginaryToken.range)
    if !isRealNumber(real) {
      throw error("real number required in complex literal", real)
    }
    guard case .constant(.imaginary) = imaginary.kind else {
      throw error("imaginary number required in complex literal", imaginary)
    }
    return Expr(.binOp(real, op, imaginary), real.range.through(imaginary.range))
  }

  private func isRealNumber(_ e: Expr) -> Bool {
    switch e.kind {
    case .constant(.imaginary): return false
    case .constant: return true
    case .unaryOp(.uSub, let operand): return isRealNumber(operand)
    default: return false
    }
  }

  private func parseSignedNumber() throws(ParseError) -> Expr {
    if kind == .minus {
      let minus = advance()
      guard kind == .number else { throw invalidSyntax() }
      let token = advance()
      let number = Expr(.constant(try numberConstant(token)), token.range)
      return Expr(.unaryOp(.uSub, number), range(from: minus))
    }
    let token = try expect(.number)
    return Expr(.constant(try numberConstant(token)), token.range)
  }
}
