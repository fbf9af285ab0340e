// Statement grammar: simple statements, compound statements and blocks.

extension Parser {
  // MARK: - Statements and blocks

  /// Parses one statement (a compound statement, or a line of `;`-separated
  /// simple statements) and appends it to `body`.
  func parseStatement(into body: inout [Stmt]) throws(ParseError) {
    switch kind {
    case .kwDef, .kwClass, .kwIf, .kwWhile, .kwFor, .kwTry, .kwWith, .at:
      body.append(try parseCompoundStatement())
    case .kwAsync where peekKind(1) == .kwDef || peekKind(1) == .kwFor || peekKind(1) == .kwWith:
      body.append(try parseCompoundStatement())
    case .name where isSoftKeyword(current, "match"):
      if let match = try parseMatchStatementIfPresent() {
        body.append(match)
      } else {
        try parseSimpleStatements(into: &body)
      }
    case .indent:
      throw invalidSyntax()
    default:
      try parseSimpleStatements(into: &body)
    }
  }

  private func parseCompoundStatement() throws(ParseError) -> Stmt {
    try enter()
    defer { leave() }
    switch kind {
    case .kwDef: return try parseFunctionDef(decorators: [], asyncToken: nil)
    case .kwClass: return try parseClassDef(decorators: [])
    case .kwIf: return try parseIf()
    case .kwWhile: return try parseWhile()
    case .kwFor: return try parseFor(asyncToken: nil)
    case .kwTry: return try parseTry()
    case .kwWith: return try parseWith(asyncToken: nil)
    case .at: return try parseDecorated()
    case .kwAsync:
      let asyncToken = advance()
      switch kind {
      case .kwDef: return try parseFunctionDef(decorators: [], asyncToken: asyncToken)
      case .kwFor: return try parseFor(asyncToken: asyncToken)
      default: return try parseWith(asyncToken: asyncToken)
      }
    default:
      throw invalidSyntax()
    }
  }

  /// `block`: NEWLINE INDENT statements DEDENT, or simple statements on the
  /// header's line. `header` names the statement for the IndentationError.
  func parseBlock(after header: String, line headerLine: Int32) throws(ParseError) -> [Stmt] {
    var body: [Stmt] = []
    if kind != .newline {
      try parseSimpleStatements(into: &body)
      return body
    }
    advance()
    guard kind == .indent else {
      let failure = error("expected an indented block after \(header) on line \(headerLine)", at: current,
                       kind: .indentation)
      if current.kind == .endMarker || current.kind == .dedent && peekKind(1) == .endMarker {
        failure.info.isIncomplete = true
      }
      throw failure
    }
    advance()
    while kind != .dedent && kind != .endMarker {
      try parseStatement(into: &body)
    }
    _ = accept(.dedent)
    return body
  }

  /// `simple_stmts`: `a; b; c` up to NEWLINE.
  func parseSimpleStatements(into body: inout [Stmt]) throws(ParseError) {
    while true {
      body.append(try parseSimpleStatement())
      if accept(.semi) {
        if kind == .newline { break }
        continue
      }
      break
    }
    if kind != .newline {
      throw invalidSyntax()
    }
    lastSimpleStatementsEnd = previous.range
    advance()
  }

  // MARK: - Simple statements

  private func parseSimpleStatement() throws(ParseError) -> Stmt {
    let start = current
    switch kind {
    case .kwPass:
      advance()
      return Stmt(.pass, start.range)
    case .kwBreak:
      advance()
      return Stmt(.break_, start.range)
    case .kwContinue:
      advance()
      return Stmt(.continue_, start.range)
    case .kwReturn:
      advance()
      var value: Expr?
      if canStartExpression(kind) || kind == .star { value = try parseStarExpressions() }
      return Stmt(.return_(value), range(from: start))
    case .kwRaise:
      advance()
      var exc: Expr?
      var cause: Expr?
      if canStartExpression(kind) {
        exc = try parseExpression()
        if accept(.kwFrom) { cause = try parseExpression() }
      }
      return Stmt(.raise(exc: exc, cause: cause), range(from: start))
    case .kwGlobal, .kwNonlocal:
      advance()
      var names = [identifier(try expectName())]
      while accept(.comma) { names.append(identifier(try expectName())) }
      return Stmt(start.kind == .kwGlobal ? .global(names) : .nonlocal(names), range(from: start))
    case .kwDel:
      advance()
      let targets = try parseDeleteTargets()
      return Stmt(.delete(targets), range(from: start))
    case .kwAssert:
      advance()
      let test = try parseExpression()
      var msg: Expr?
      if accept(.comma) { msg = try parseExpression() }
      return Stmt(.assert(test: test, msg: msg), range(from: start))
    case .kwImport:
      return try parseImport()
    case .kwFrom:
      return try parseFromImport()
    default:
      return try parseExpressionStatement()
    }
  }

  /// Expression statements and the three kinds of assignment.
  private func parseExpressionStatement() throws(ParseError) -> Stmt {
    let start = current
    let startIndex = index
    let first: Expr
    do {
      first = try parseStarExpressions(allowYield: true)
    } catch {
      throw legacyPrintError(startIndex) ?? error
    }
    switch kind {
    case .equal:
      var targets = [first]
      var value: Expr = first
      while accept(.equal) {
        value = try parseStarExpressions(allowYield: true)
        targets.append(value)
      }
      targets.removeLast()
      if kind == .colonEqual || kind == .colon { throw invalidSyntax() }
      try checkAssignmentTargets(targets)
      return Stmt(.assign(targets: targets, value: value), range(from: start))
    case .colon:
      try checkAnnotatedTarget(first)
      advance()
      let annotation = try parseExpression()
      var value: Expr?
      if accept(.equal) { value = try parseStarExpressions(allowYield: true) }
      var simple = false
      if case .name = first.kind, start.kind == .name { simple = true }
      return Stmt(.annAssign(target: first, annotation: annotation, value: value, simple: simple),
                  range(from: start))
    default:
      if let op = kind.augmentedOperator {
        try checkAugmentedTarget(first)
        advance()
        let value = try parseStarExpressions(allowYield: true)
        return Stmt(.augAssign(target: first, op: op, value: value), range(from: start))
      }
      if kind != .newline && kind != .semi {
        if let legacy = legacyPrintError(startIndex) { throw legacy }
        if kind == .colonEqual, case .name = first.kind {
          throw invalidSyntax()
        }
      }
      return Stmt(.expr(first), range(from: start))
    }
  }

  /// `print "x"`: CPython's hint about the missing parentheses.
  private func legacyPrintError(_ startIndex: Int) -> ParseError? {
    let start = tokens[startIndex]
    guard start.kind == .name, isSoftKeyword(start, "print") || isSoftKeyword(start, "exec") else { return nil }
    let saved = (index, furthest, bracketLevel)
    defer { (index, furthest, bracketLevel) = saved }
    index = startIndex
    advance()
    guard kind != .lpar, canStartExpression(kind) || kind == .star else { return nil }
    guard (try? parseStarExpressions()) != nil else { return nil }
    let name = text(start)
    return error("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?", range(from: start))
  }

  private func parseDeleteTargets() throws(ParseError) -> [Expr] {
    var targets: [Expr] = []
    repeat {
      if kind == .newline || kind == .semi { break }
      let target = try parseStarNamedExpressionForDelete()
      try checkTarget(target, .delete)
      targets.append(target)
    } while accept(.comma)
    if targets.isEmpty { throw invalidSyntax() }
    return targets
  }

  private func parseStarNamedExpressionForDelete() throws(ParseError) -> Expr {
    if kind == .star {
      let star = advance()
      let value = try parseBitwiseOr()
      return Expr(.starred(value), range(from: star))
    }
    // Parsed as a full expression so that `del a < b` names what is wrong.
    return try parseExpression()
  }

  // MARK: Imports

  private func parseDottedName() throws(ParseError) -> String {
    var name = identifier(try expectName())
    while kind == .dot {
      advance()
      name += "." + identifier(try expectName())
    }
    return name
  }

  private func parseImport() throws(ParseError) -> Stmt {
    let start = advance()
    var names: [Alias] = []
    repeat {
      let aliasStart = current
      let name = try parseDottedName()
      var asName: String?
      if accept(.kwAs) { asName = identifier(try expectName()) }
      names.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
    } while accept(.comma)
    return Stmt(.import_(names), range(from: start))
  }

  private func parseFromImport() throws(ParseError) -> Stmt {
    let start = advance()
    var level = 0
    while true {
      if accept(.dot) { level += 1 } else if accept(.ellipsis) { level += 3 } else { break }
    }
    var module: String?
    if kind != .kwImport || level == 0 {
      module = try parseDottedName()
    }
    _ = try expect(.kwImport)
    var names: [Alias] = []
    if kind == .star {
      let star = advance()
      names.append(Alias(name: "*", asName: nil, range: star.range))
      return Stmt(.importFrom(module: module, names: names, level: level), range(from: start))
    }
    let parenthesized = accept(.lpar)
    if parenthesized { bracketLevel += 1 }
    while true {
      let aliasStart = current
      let name = identifier(try expectName())
      var asName: String?
      if accept(.kwAs) { asName = identifier(try expectName()) }
      names.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
      if !accept(.comma) { break }
      if parenthesized && kind == .rpar { break }
      if !parenthesized && (kind == .newline || kind == .semi) {
        throw error("trailing comma not allowed without surrounding parentheses", at: current)
      }
    }
    if parenthesized {
      bracketLevel -= 1
      _ = try expectClosing(.rpar)
    }
    return Stmt(.importFrom(module: module, names: names, level: level), range(from: start))
  }

  // MARK: - Compound statements

  /// `:` after a statement header: "expected ':'" when the line ends instead
  /// (or for any other token when CPython's grammar forces the colon).
  func expectColon(forced: Bool) throws(ParseError) {
    if accept(.colon) { return }
    if forced || kind == .newline {
      throw error("expected ':'", at: current)
    }
    throw invalidSyntax()
  }

  /// The `:` after an `if`/`while`/`elif` condition, with CPython's hint for `=`.
  private func expectConditionColon(_ condition: Expr) throws(ParseError) {
    if kind == .equal {
      if case .name = condition.kind {
        throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", condition.range.through(current.range))
      }
      throw error("cannot assign to \(expressionDescription(condition)) here. Maybe you meant '==' instead of '='?",
                  condition)
    }
    try expectColon(forced: false)
  }

  /// Where a compound statement ends: after the last line of simple
  /// statements parsed, including a trailing `;` (as CPython counts it).
  private func blockEnd(_ body: [Stmt], _ fallback: SourceRange) -> SourceRange {
    body.isEmpty ? fallback : lastSimpleStatementsEnd
  }

  private func parseDecorated() throws(ParseError) -> Stmt {
    var decorators: [Expr] = []
    while kind == .at {
      advance()
      decorators.append(try parseNamedExpression())
      if kind != .newline { throw invalidSyntax() }
      advance()
    }
    switch kind {
    case .kwDef: return try parseFunctionDef(decorators: decorators, asyncToken: nil)
    case .kwClass: return try parseClassDef(decorators: decorators)
    case .kwAsync where peekKind(1) == .kwDef:
      let asyncToken = advance()
      return try parseFunctionDef(decorators: decorators, asyncToken: asyncToken)
    default:
      throw invalidSyntax()
    }
  }

  private func parseFunctionDef(decorators: [Expr], asyncToken: Token?) throws(ParseError) -> Stmt {
    let defToken = advance()
    let start = asyncToken ?? defToken
    let name = identifier(try expectName())
    _ = try expectForced(.lpar, "(")
    bracketLevel += 1
    let args = try parseParameters(closing: .rpar, allowAnnotations: true)
    bracketLevel -= 1
    advance()
    var returns: Expr?
    if accept(.rarrow) { returns = try parseExpression() }
    try expectColon(forced: true)
    let body = try parseBlock(after: "function definition", line: defToken.line)
    let function = FunctionDef(name: name, args: args, body: body, decorators: decorators, returns: returns,
                               isAsync: asyncToken != nil)
    return Stmt(.functionDef(function), range(from: start).through(blockEnd(body, start.range)))
  }

  private func parseClassDef(decorators: [Expr]) throws(ParseError) -> Stmt {
    let classToken = advance()
    let name = identifier(try expectName())
    var bases: [Expr] = []
    var keywords: [Keyword] = []
    if kind == .lpar {
      (bases, keywords) = try parseCallArguments(allowGenerator: false)
    }
    try expectColon(forced: true)
    let body = try parseBlock(after: "class definition", line: classToken.line)
    let classDef = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)
    return Stmt(.classDef(classDef), range(from: classToken).through(blockEnd(body, classToken.range)))
  }

  private func parseIf() throws(ParseError) -> Stmt {
    let ifToken = advance()
    let test = try parseNamedExpression()
    try expectConditionColon(test)
    let body = try parseBlock(after: "'\(ifToken.kind == .kwIf ? "if" : "elif")' statement", line: ifToken.line)
    var orelse: [Stmt] = []
    var end = blockEnd(body, ifToken.range)
    if kind == .kwElif {
      try enter()
      defer { leave() }
      let elif = try parseIf()
      orelse = [elif]
      end = elif.range
    } else if kind == .kwElse {
      let elseToken = advance()
      try expectColon(forced: true)
      orelse = try parseBlock(after: "'else' statement", line: elseToken.line)
      end = blockEnd(orelse, end)
    }
    return Stmt(.if_(test: test, body: body, orelse: orelse), range(from: ifToken).through(end))
  }

  private func parseElse(after end: inout SourceRange) throws(ParseError) -> [Stmt] {
    guard kind == .kwElse else { return [] }
    let elseToken = advance()
    try expectColon(forced: true)
    let orelse = try parseBlock(after: "'else' statement", line: elseToken.line)
    end = blockEnd(orelse, end)
    return orelse
  }

  private func parseWhile() throws(ParseError) -> Stmt {
    let whileToken = advance()
    let test = try parseNamedExpression()
    try expectConditionColon(test)
    let body = try parseBlock(after: "'while' statement", line: whileToken.line)
    var end = blockEnd(body, whileToken.range)
    let orelse = try parseElse(after: &end)
    return Stmt(.while_(test: test, body: body, orelse: orelse), range(from: whileToken).through(end))
  }

  private func parseFor(asyncToken: Token?) throws(ParseError) -> Stmt {
    let forToken = advance()
    let start = asyncToken ?? forToken
    let target = try parseForTargets()
    _ = try expect(.kwIn)
    let iter = try parseStarExpressions()
    try expectColon(forced: true)
    let body = try parseBlock(after: "'for' statement", line: forToken.line)
    var end = blockEnd(body, forToken.range)
    let orelse = try parseElse(after: &end)
    return Stmt(.for_(target: target, iter: iter, body: body, orelse: orelse, isAsync: asyncToken != nil),
                range(from: start).through(end))
  }

  private func parseTry() throws(ParseError) -> Stmt {
    let tryToken = advance()
    try expectColon(forced: true)
    let body = try parseBlock(after: "'try' statement", line: tryToken.line)
    var end = blockEnd(body, tryToken.range)
    var handlers: [ExceptHandler] = []
    var isStar: Bool?
    while kind == .kwExcept {
      let exceptToken = advance()
      let star = accept(.star)
      if let isStar, isStar != star {
        throw error("cannot have both 'except' and 'except*' on the same 'try'", at: exceptToken)
      }
      isStar = star
      var type: Expr?
      var name: String?
      if kind != .colon {
        let typeStart = current
        type = try parseExpression()
        if kind == .comma {
          // `except A, B:` (valid without `as` since Python 3.14).
          var elements = [type!]
          while accept(.comma) {
            if kind == .colon { break }
            elements.append(try parseExpression())
          }
          type = Expr(.tuple(elements), range(from: typeStart))
          if kind == .kwAs {
            throw error("multiple exception types must be parenthesized when using 'as'", type!)
          }
        }
        if accept(.kwAs) { name = identifier(try expectName()) }
      } else if star {
        throw error("expected one or more exception types", at: current)
      }
      try expectColon(forced: false)
      let handlerBody = try parseBlock(after: star ? "'except*' statement" : "'except' statement",
                                       line: exceptToken.line)
      end = blockEnd(handlerBody, end)
      handlers.append(ExceptHandler(type: type, name: name, body: handlerBody,
                                    range: range(from: exceptToken).through(end)))
    }
    var orelse: [Stmt] = []
    if !handlers.isEmpty {
      orelse = try parseElse(after: &end)
    }
    var finalbody: [Stmt] = []
    if kind == .kwFinally {
      let finallyToken = advance()
      try expectColon(forced: true)
      finalbody = try parseBlock(after: "'finally' statement", line: finallyToken.line)
      end = blockEnd(finalbody, end)
    }
    if handlers.isEmpty && finalbody.isEmpty {
      throw error("expected 'except' or 'finally' block", at: current)
    }
    return Stmt(.try_(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, isStar: isStar ?? false),
                range(from: tryToken).through(end))
  }

  private func parseWith(asyncToken: Token?) throws(ParseError) -> Stmt {
    let withToken = advance()
    let start = asyncToken ?? withToken
    var items: [WithItem]
    if kind == .lpar, let parenthesized = try parseParenthesizedWithItems() {
      items = parenthesized
    } else {
      items = []
      repeat {
        items.append(try parseWithItem())
      } while accept(.comma)
    }
    try expectColon(forced: false)
    let body = try parseBlock(after: "'with' statement", line: withToken.line)
    return Stmt(.with(items: items, body: body, isAsync: asyncToken != nil),
                range(from: start).through(blockEnd(body, withToken.range)))
  }

  /// `with (a as b, c as d):` — tried first; nil (and nothing consumed) when
  /// the parenthesis belongs to an expression such as `with (a, b) as c:`.
  private func parseParenthesizedWithItems() throws(ParseError) -> [WithItem]? {
    let saved = (index, treeDepth)
    advance()
    bracketLevel += 1
    var items: [WithItem] = []
    do {
      repeat {
        if kind == .rpar { break }
        items.append(try parseWithItem())
      } while accept(.comma)
    } catch {
      bracketLevel -= 1
      (index, treeDepth) = saved
      return nil
    }
    bracketLevel -= 1
    if kind == .rpar && peekKind(1) == .colon && !items.isEmpty {
      advance()
      return items
    }
    (index, treeDepth) = saved
    return nil
  }

  private func parseWithItem() throws(ParseError) -> WithItem {
    let contextExpr = try parseExpression()
    var optionalVars: Expr?
    if accept(.kwAs) {
      optionalVars = try parseWithTarget()
    }
    return WithItem(contextExpr: contextExpr, optionalVars: optionalVars)
  }
}
