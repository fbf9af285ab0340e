import BigInt

// Expression grammar: from `star_expressions` down to atoms.
//
// Every function returning an `Expr` leaves `treeDepth` at the depth of the
// tree it returns (see `Parser.treeDepth`).

extension Parser {
  // MARK: - Expression lists

  /// `star_expressions`: `a, *b, c` (a tuple when there is a comma), or one
  /// expression. With `allowYield`, a bare `yield` expression is accepted too.
  func parseStarExpressions(allowYield: Bool = false) throws(ParseError) -> Expr {
    if allowYield && kind == .kwYield { return try parseYieldExpression() }
    let start = current
    let first = try parseStarExpression()
    if kind != .comma { return first }
    var elements = [first]
    var d = treeDepth
    while accept(.comma) {
      if !canStartExpression(kind) && kind != .star { break }
      elements.append(try parseStarExpression())
      d = max(d, treeDepth)
    }
    try noteTreeDepth(d + 1)
    return Expr(.tuple(elements), range(from: start))
  }

  /// `star_expression`: `*bitwise_or` or an expression.
  func parseStarExpression() throws(ParseError) -> Expr {
    if kind == .star {
      let star = advance()
      let value = try parseBitwiseOr()
      try noteTreeDepth(treeDepth + 1)
      return Expr(.starred(value), range(from: star))
    }
    return try parseExpression()
  }

  /// `star_named_expression`: `*bitwise_or` or a named expression (list/set/tuple elements).
  func parseStarNamedExpression() throws(ParseError) -> Expr {
    if kind == .star {
      let star = advance()
      let value = try parseBitwiseOr()
      try noteTreeDepth(treeDepth + 1)
      return Expr(.starred(value), range(from: star))
    }
    return try parseNamedExpression()
  }

  /// `named_expression`: `NAME := expression` or an expression.
  func parseNamedExpression() throws(ParseError) -> Expr {
    if kind == .name && peekKind(1) == .colonEqual {
      let nameToken = advance()
      advance()
      try enter()
      defer { leave() }
      let value = try parseExpression()
      try noteTreeDepth(treeDepth + 1)
      return Expr(.namedExpr(target: identifier(nameToken), value: value), range(from: nameToken))
    }
    let expr = try parseExpression()
    if kind == .colonEqual {
      throw error("cannot use assignment expressions with \(expressionDescription(expr))", expr)
    }
    return expr
  }

  // MARK: - Conditional expressions and lambda

  /// `expression`: a conditional expression, a lambda, or a disjunction.
  func parseExpression() throws(ParseError) -> Expr {
    try enter()
    defer { leave() }
    if kind == .kwLambda { return try parseLambda() }
    let start = current
    let body = try parseDisjunction()
    guard kind == .kwIf else { return body }
    let bodyDepth = treeDepth
    advance()
    let test = try parseDisjunction()
    let testDepth = treeDepth
    if kind != .kwElse {
      if kind == .colon || kind == .newline || kind == .rpar || kind == .comma || kind == .endMarker
        || kind == .rsqb || kind == .rbrace || kind == .equal || kind == .semi {
        throw error("expected 'else' after 'if' expression", range(from: start))
      }
      throw invalidSyntax()
    }
    advance()
    let orelse = try parseExpression()
    try noteTreeDepth(max(bodyDepth, testDepth, treeDepth) + 1)
    return Expr(.ifExp(test: test, body: body, orelse: orelse), range(from: start))
  }

  func parseLambda() throws(ParseError) -> Expr {
    let lambdaToken = advance()
    let args = try parseParameters(closing: .colon, allowAnnotations: false)
    let argsDepth = treeDepth
    _ = try expect(.colon)
    let body = try parseExpression()
    try noteTreeDepth(max(argsDepth, treeDepth) + 1)
    return Expr(.lambda(args, body: body), range(from: lambdaToken))
  }

  // MARK: - Boolean operators

  func parseDisjunction() throws(ParseError) -> Expr {
    let start = current
    let first = try parseConjunction()
    guard kind == .kwOr else { return first }
    var values = [first]
    var d = treeDepth
    while accept(.kwOr) {
      values.append(try parseConjunction())
      d = max(d, treeDepth)
    }
    try noteTreeDepth(d + 1)
    return Expr(.boolOp(.or, values), range(from: start))
  }

  func parseConjunction() throws(ParseError) -> Expr {
    let start = current
    let first = try parseInversion()
    guard kind == .kwAnd else { return first }
    var values = [first]
    var d = treeDepth
    while accept(.kwAnd) {
      values.append(try parseInversion())
      d = max(d, treeDepth)
    }
    try noteTreeDepth(d + 1)
    return Expr(.boolOp(.and, values), range(from: start))
  }

  /// `not not x`: prefixes are collected in a loop (no recursion per `not`).
  func parseInversion() throws(ParseError) -> Expr {
    guard kind == .kwNot else { return try parseComparison() }
    var nots: [Token] = []
    while kind == .kwNot { nots.append(advance()) }
    var expr = try parseComparison()
    var d = treeDepth
    for token in nots.reversed() {
      d += 1
      try noteTreeDepth(d)
      expr = Expr(.unaryOp(.not, expr), range(from: token))
    }
    return expr
  }

  // MARK: - Comparisons

  func parseComparison() throws(ParseError) -> Expr {
    let start = current
    let left = try parseBitwiseOr()
    guard let _ = comparisonOperator() else { return left }
    var d = treeDepth
    var ops: [CompareOperator] = []
    var comparators: [Expr] = []
    while let op = comparisonOperator() {
      advance()
      if op == .notIn || op == .isNot { advance() }
      ops.append(op)
      comparators.append(try parseBitwiseOr())
      d = max(d, treeDepth)
    }
    try noteTreeDepth(d + 1)
    return Expr(.compare(left: left, ops: ops, comparators: comparators), range(from: start))
  }

  /// The comparison operator at the current token (`not in` and `is not` span two tokens).
  private func comparisonOperator() -> CompareOperator? {
    switch kind {
    case .eqEqual: return .eq
    case .notEqual: return .notEq
    case .less: return .lt
    case .lessEqual: return .ltE
    case .greater: return .gt
    case .greaterEqual: return .gtE
    case .kwIn: return .in_
    case .kwIs: return peekKind(1) == .kwNot ? .isNot : .is_
    case .kwNot: return peekKind(1) == .kwIn ? .notIn : nil
    default: return nil
    }
  }

  // MARK: - Binary operators (precedence climbing)

  func parseBitwiseOr() throws(ParseError) -> Expr { try parseBinary(minPrecedence: 1) }

  /// Binary operators of precedence `minPrecedence` and above, all
  /// left-associative: | (1), ^ (2), & (3), << >> (4), + - (5), * / // % @ (6).
  /// Precedence climbing: the right operand is parsed at one level above its
  /// operator, so recursion happens only where operators actually appear.
  private func parseBinary(minPrecedence: Int) throws(ParseError) -> Expr {
    // Ranges start at the operand's first token, which may be a `(` (as in CPython).
    let start = current
    var left = try parseFactor()
    var d = treeDepth
    while let (op, precedence) = binaryOperator(kind), precedence >= minPrecedence {
      advance()
      let right = precedence >= 6 ? try parseFactor() : try parseBinary(minPrecedence: precedence + 1)
      d = max(d, treeDepth) + 1
      try noteTreeDepth(d)
      left = Expr(.binOp(left, op, right), range(from: start))
    }
    treeDepth = d
    return left
  }

  private func binaryOperator(_ k: TokenKind) -> (BinaryOperator, Int)? {
    switch k {
    case .vbar: return (.bitOr, 1)
    case .circumflex: return (.bitXor, 2)
    case .amper: return (.bitAnd, 3)
    case .leftShift: return (.lShift, 4)
    case .rightShift: return (.rShift, 4)
    case .plus: return (.add, 5)
    case .minus: return (.sub, 5)
    case .star: return (.mult, 6)
    case .slash: return (.div, 6)
    case .doubleSlash: return (.floorDiv, 6)
    case .percent: return (.mod, 6)
    case .at: return (.matMult, 6)
    default: return nil
    }
  }

  // MARK: - Unary operators, power, await

  /// `factor`: unary `+ - ~` prefixes (collected in a loop), then `power`.
  func parseFactor() throws(ParseError) -> Expr {
    var prefixes: [(UnaryOperator, Token)] = []
    while true {
      switch kind {
      case .plus: prefixes.append((.uAdd, advance()))
      case .minus: prefixes.append((.uSub, advance()))
      case .tilde: prefixes.append((.invert, advance()))
      default:
        var expr = try parsePower()
        var d = treeDepth
        for (op, token) in prefixes.reversed() {
          d += 1
          try noteTreeDepth(d)
          expr = Expr(.unaryOp(op, expr), range(from: token))
        }
        return expr
      }
    }
  }

  /// `power`: `await_primary ['**' factor]` (right-associative through `factor`).
  func parsePower() throws(ParseError) -> Expr {
    let start = current
    let base = try parseAwaitPrimary()
    guard kind == .doubleStar else { return base }
    let baseDepth = treeDepth
    advance()
    try enter()
    defer { leave() }
    let exponent = try parseFactor()
    try noteTreeDepth(max(baseDepth, treeDepth) + 1)
    return Expr(.binOp(base, .pow, exponent), range(from: start))
  }

  func parseAwaitPrimary() throws(ParseError) -> Expr {
    guard kind == .kwAwait else { return try parsePrimary() }
    let awaitToken = advance()
    let value = try parsePrimary()
    try noteTreeDepth(treeDepth + 1)
    return Expr(.await_(value), range(from: awaitToken))
  }

  // MARK: - Primaries: attribute access, calls, subscripts

  func parsePrimary() throws(ParseError) -> Expr {
    let start = current
    var expr = try parseAtom()
    var d = treeDepth
    while true {
      switch kind {
      case .dot:
        advance()
        let nameToken = try expectName()
        d += 1
        try noteTreeDepth(d)
        expr = Expr(.attribute(expr, attr: identifier(nameToken)), range(from: start))
      case .lpar:
        let (args, keywords) = try parseCallArguments()
        d = max(d, treeDepth) + 1
        try noteTreeDepth(d)
        expr = Expr(.call(func_: expr, args: args, keywords: keywords), range(from: start))
      case .lsqb:
        advance()
        bracketLevel += 1
        let slice = try parseSlices()
        bracketLevel -= 1
        _ = try expectClosing(.rsqb)
        d = max(d, treeDepth) + 1
        try noteTreeDepth(d)
        expr = Expr(.subscript(expr, slice: slice), range(from: start))
      default:
        treeDepth = d
        return expr
      }
    }
  }

  func expectName() throws(ParseError) -> Token {
    if kind == .name { return advance() }
    throw invalidSyntax()
  }

  /// Expects a closing bracket; a missing one becomes "invalid syntax" at the
  /// offending token (or "Perhaps you forgot a comma?" between two expressions).
  func expectClosing(_ k: TokenKind) throws(ParseError) -> Token {
    if kind == k { return advance() }
    throw invalidSyntax()
  }

  /// `slices`: one slice or expression, or a tuple of them (`a[1:2, ::3]`).
  private func parseSlices() throws(ParseError) -> Expr {
    let start = current
    let first = try parseSlice()
    guard kind == .comma else {
      // `a[*b]` is a one-element tuple.
      if case .starred = first.kind {
        try noteTreeDepth(treeDepth + 1)
        return Expr(.tuple([first]), range(from: start))
      }
      return first
    }
    var elements = [first]
    var d = treeDepth
    while accept(.comma) {
      if kind == .rsqb { break }
      elements.append(try parseSlice())
      d = max(d, treeDepth)
    }
    try noteTreeDepth(d + 1)
    return Expr(.tuple(elements), range(from: start))
  }

  /// `slice`: `[lower]:[upper][:[step]]`, a starred expression, or a named expression.
  private func parseSlice() throws(ParseError) -> Expr {
    let start = current
    if kind == .star { return try parseStarNamedExpression() }
    var lower: Expr?
    if kind != .colon {
      let expr = try parseNamedExpression()
      if kind != .colon { return expr }
      lower = expr
    }
    var d = lower == nil ? 0 : treeDepth
    advance()
    var upper: Expr?
    var step: Expr?
    if kind != .colon && kind != .comma && kind != .rsqb {
      upper = try parseExpression()
      d = max(d, treeDepth)
    }
    if accept(.colon) {
      if kind != .comma && kind != .rsqb {
        step = try parseExpression()
        d = max(d, treeDepth)
      }
    }
    try noteTreeDepth(d + 1)
    return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
  }

  // MARK: - Call arguments

  /// `(args)` of a call or a class definition: positional and starred
  /// arguments go to `args`, `name=value` and `**mapping` to `keywords`.
  func parseCallArguments(allowGenerator: Bool = true) throws(ParseError) -> ([Expr], [Keyword]) {
    let open = advance()
    bracketLevel += 1
    defer { bracketLevel -= 1 }
    var args: [Expr] = []
    var keywords: [Keyword] = []
    var d = 0
    var sawKeyword = false
    var sawDoubleStar = false
    while kind != .rpar {
      let start = current
      if kind == .star {
        advance()
        let value = try parseExpression()
        d = max(d, treeDepth + 1)
        let starred = Expr(.starred(value), range(from: start))
        if sawDoubleStar {
          throw error("iterable argument unpacking follows keyword argument unpacking", starred)
        }
        args.append(starred)
      } else if kind == .doubleStar {
        advance()
        let value = try parseExpression()
        d = max(d, treeDepth)
        keywords.append(Keyword(name: nil, value: value, range: range(from: start)))
        sawDoubleStar = true
      } else if kind == .name && peekKind(1) == .equal {
        let nameToken = advance()
        advance()
        let value = try parseExpression()
        d = max(d, treeDepth)
        keywords.append(Keyword(name: identifier(nameToken), value: value, range: range(from: start)))
        sawKeyword = true
      } else {
        let value = try parseNamedExpression()
        d = max(d, treeDepth)
        if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
          if !allowGenerator { throw invalidSyntax() }
          let generators = try parseComprehensionClauses()
          d = max(d, treeDepth)
          let genexpRange: SourceRange
          let onlyArgument = args.isEmpty && keywords.isEmpty && kind == .rpar
          if onlyArgument {
            // The call's own parentheses delimit a sole generator argument.
            genexpRange = SourceRange(line: Int(open.line), col: Int(open.col), endLine: Int(current.endLine),
                                      endCol: Int(current.endCol))
          } else {
            genexpRange = range(from: start)
          }
          let genexp = Expr(.generatorExp(elt: value, generators: generators), genexpRange)
          if !onlyArgument {
            throw error("Generator expression must be parenthesized", range(from: start))
          }
          args.append(genexp)
          d += 1
          continue
        }
        if kind == .equal {
          throw invalidKeywordArgument(value)
        }
        if sawDoubleStar {
          throw error("positional argument follows keyword argument unpacking", at: current)
        }
        if sawKeyword {
          throw error("positional argument follows keyword argument", at: current)
        }
        args.append(value)
      }
      if !accept(.comma) {
        if kind != .rpar {
          throw missingCommaOrInvalid(after: start)
        }
        break
      }
    }
    advance()
    treeDepth = d
    return (args, keywords)
  }

  /// `f(a.b=1)`, `f(True=1)`, `f(x+1=2)`: CPython's messages for a bad keyword.
  private func invalidKeywordArgument(_ target: Expr) -> ParseError {
    if case .constant(let c) = target.kind {
      switch c {
      case .bool(let b): return error("cannot assign to \(b ? "True" : "False")", target.range.through(current.range))
      case .none: return error("cannot assign to None", target.range.through(current.range))
      default: break
      }
    }
    return error("expression cannot contain assignment, perhaps you meant \"==\"?", target.range.through(current.range))
  }

  /// After an element inside brackets: if another expression follows directly,
  /// CPython suggests a missing comma; otherwise plain invalid syntax.
  func missingCommaOrInvalid(after start: Token) -> ParseError {
    guard bracketLevel > 0, canStartExpression(kind), kind != .kwNot, kind != .star, kind != .minus,
          kind != .plus, kind != .tilde, kind != .lpar, kind != .lsqb else {
      return invalidSyntax()
    }
    if start.kind == .name && (kind == .string || kind == .fstringStart) { return invalidSyntax() }
    let saved = (index, furthest, treeDepth, bracketLevel)
    let end: Token
    do {
      _ = try parseExpression()
      end = previous
    } catch {
      index = saved.0; furthest = saved.1; treeDepth = saved.2; bracketLevel = saved.3
      return invalidSyntax()
    }
    index = saved.0; furthest = saved.1; treeDepth = saved.2; bracketLevel = saved.3
    return self.error("invalid syntax. Perhaps you forgot a comma?", range(from: start, to: end))
  }

  /// Tokens that can begin an expression.
  func canStartExpression(_ k: TokenKind) -> Bool {
    switch k {
    case .name, .number, .string, .fstringStart, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde,
         .kwNot, .kwLambda, .kwAwait, .kwNone, .kwTrue, .kwFalse, .ellipsis:
      return true
    default:
      return false
    }
  }

  // MARK: - Comprehensions

  /// One or more `[async] for targets in iter [if cond]*` clauses.
  func parseComprehensionClauses() throws(ParseError) -> [Comprehension] {
    var generators: [Comprehension] = []
    var d = 0
    while kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
      let isAsync = accept(.kwAsync)
      advance()
      let target = try parseForTargets()
      d = max(d, treeDepth)
      if kind != .kwIn { throw invalidSyntax() }
      advance()
      let iter = try parseDisjunction()
      d = max(d, treeDepth)
      var ifs: [Expr] = []
      while accept(.kwIf) {
        ifs.append(try parseDisjunction())
        d = max(d, treeDepth)
      }
      generators.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
    }
    treeDepth = d + 1
    return generators
  }

  // MARK: - Atoms

  func parseAtom() throws(ParseError) -> Expr {
    let token = current
    switch token.kind {
    case .name:
      advance()
      treeDepth = 1
      return Expr(.name(identifier(token)), token.range)
    case .number:
      advance()
      treeDepth = 1
      return Expr(.constant(try numberConstant(token)), token.range)
    case .string, .fstringStart:
      return try parseStrings()
    case .kwNone:
      advance()
      treeDepth = 1
      return Expr(.constant(.none), token.range)
    case .kwTrue:
      advance()
      treeDepth = 1
      return Expr(.constant(.bool(true)), token.range)
    case .kwFalse:
      advance()
      treeDepth = 1
      return Expr(.constant(.bool(false)), token.range)
    case .ellipsis:
      advance()
      treeDepth = 1
      return Expr(.constant(.ellipsis), token.range)
    case .lpar:
      return try parseParenthesized()
    case .lsqb:
      return try parseListDisplay()
    case .lbrace:
      return try parseBraceDisplay()
    default:
      throw invalidSyntax()
    }
  }

  /// `( )`: the empty tuple, a group, a tuple, a generator expression or `(yield)`.
  private func parseParenthesized() throws(ParseError) -> Expr {
    let open = advance()
    try enter()
    bracketLevel += 1
    defer {
      bracketLevel -= 1
      leave()
    }
    if kind == .rpar {
      advance()
      treeDepth = 1
      return Expr(.tuple([]), range(from: open))
    }
    if kind == .kwYield {
      let expr = try parseYieldExpression()
      _ = try expectClosing(.rpar)
      return expr
    }
    let firstStart = current
    let first = try parseStarNamedExpression()
    var d = treeDepth
    if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
      if case .starred = first.kind {
        throw error("iterable unpacking cannot be used in comprehension", first)
      }
      let generators = try parseComprehensionClauses()
      _ = try expectClosing(.rpar)
      try noteTreeDepth(max(d, treeDepth) + 1)
      return Expr(.generatorExp(elt: first, generators: generators), range(from: open))
    }
    if kind == .rpar {
      advance()
      if case .starred = first.kind {
        throw error("cannot use starred expression here", first)
      }
      treeDepth = d
      return first
    }
    var elements = [first]
    var elementStart = firstStart
    while true {
      if !accept(.comma) {
        if kind == .rpar { break }
        if case .namedExpr = elements[elements.count - 1].kind, elements.count == 1, kind == .equal {
          throw invalidSyntax()
        }
        throw missingCommaOrInvalid(after: elementStart)
      }
      if kind == .rpar { break }
      elementStart = current
      elements.append(try parseStarNamedExpression())
      d = max(d, treeDepth)
    }
    advance()
    try noteTreeDepth(d + 1)
    return Expr(.tuple(elements), range(from: open))
  }

  /// `[ ]`: a list display or list comprehension.
  private func parseListDisplay() throws(ParseError) -> Expr {
    let open = advance()
    try enter()
    bracketLevel += 1
    defer {
      bracketLevel -= 1
      leave()
    }
    if accept(.rsqb) {
      treeDepth = 1
      return Expr(.list([]), range(from: open))
    }
    var elementStart = current
    let first = try parseStarNamedExpression()
    var d = treeDepth
    if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
      if case .starred = first.kind {
        throw error("iterable unpacking cannot be used in comprehension", first)
      }
      let generators = try parseComprehensionClauses()
      _ = try expectClosing(.rsqb)
      try noteTreeDepth(max(d, treeDepth) + 1)
      return Expr(.listComp(elt: first, generators: generators), range(from: open))
    }
    var elements = [first]
    while true {
      if !accept(.comma) {
        if kind == .rsqb { break }
        throw missingCommaOrInvalid(after: elementStart)
      }
      if kind == .rsqb { break }
      elementStart = current
      elements.append(try parseStarNamedExpression())
      d = max(d, treeDepth)
    }
    advance()
    try noteTreeDepth(d + 1)
    return Expr(.list(elements), range(from: open))
  }

  /// `{ }`: a dict or set display, or a dict/set comprehension.
  private func parseBraceDisplay() throws(ParseError) -> Expr {
    let open = advance()
    try enter()
    bracketLevel += 1
    defer {
      bracketLevel -= 1
      leave()
    }
    if accept(.rbrace) {
      treeDepth = 1
      return Expr(.dict(keys: [], values: []), range(from: open))
    }
    var elementStart = current
    if kind == .doubleStar {
      return try parseDictDisplay(open: open, firstKey: nil)
    }
    let first = try parseStarNamedExpression()
    if kind == .colon {
      if case .starred = first.kind {
        throw error("cannot use a starred expression in a dictionary key", first)
      }
      return try parseDictDisplay(open: open, firstKey: first)
    }
    var d = treeDepth
    if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
      if case .starred = first.kind {
        throw error("iterable unpacking cannot be used in comprehension", first)
      }
      let generators = try parseComprehensionClauses()
      _ = try expectClosing(.rbrace)
      try noteTreeDepth(max(d, treeDepth) + 1)
      return Expr(.setComp(elt: first, generators: generators), range(from: open))
    }
    var elements = [first]
    while true {
      if !accept(.comma) {
        if kind == .rbrace { break }
        throw missingCommaOrInvalid(after: elementStart)
      }
      if kind == .rbrace { break }
      elementStart = current
      elements.append(try parseStarNamedExpression())
      d = max(d, treeDepth)
    }
    advance()
    try noteTreeDepth(d + 1)
    return Expr(.set(elements), range(from: open))
  }

  /// The rest of a dict display after `{` (and its first key, already parsed,
  /// or nil when it starts with `**`).
  private func parseDictDisplay(open: Token, firstKey: Expr?) throws(ParseError) -> Expr {
    var keys: [Expr?] = []
    var values: [Expr] = []
    var d = firstKey == nil ? 0 : treeDepth
    var pendingKey = firstKey
    var isFirst = true
    while true {
      let itemStart = current
      if pendingKey == nil && kind == .doubleStar {
        advance()
        let value = try parseBitwiseOr()
        d = max(d, treeDepth)
        if isFirst && (kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor)) {
          throw error("dict unpacking cannot be used in dict comprehension", range(from: itemStart))
        }
        keys.append(nil)
        values.append(value)
      } else {
        let key: Expr
        if let pendingKey {
          key = pendingKey
        } else {
          key = try parseExpression()
          d = max(d, treeDepth)
        }
        pendingKey = nil
        if kind != .colon {
          if kind == .rbrace || kind == .comma {
            throw error("':' expected after dictionary key", key)
          }
          throw missingCommaOrInvalid(after: itemStart)
        }
        let colon = advance()
        if kind == .rbrace || kind == .comma {
          throw error("expression expected after dictionary key and ':'", at: colon)
        }
        let value = try parseExpression()
        d = max(d, treeDepth)
        keys.append(key)
        values.append(value)
        if isFirst && (kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor)) {
          let generators = try parseComprehensionClauses()
          _ = try expectClosing(.rbrace)
          try noteTreeDepth(max(d, treeDepth) + 1)
          return Expr(.dictComp(key: key, value: value, generators: generators), range(from: open))
        }
      }
      isFirst = false
      if !accept(.comma) {
        if kind == .rbrace { break }
        throw missingCommaOrInvalid(after: itemStart)
      }
      if kind == .rbrace { break }
    }
    advance()
    try noteTreeDepth(d + 1)
    return Expr(.dict(keys: keys, values: values), range(from: open))
  }

  // MARK: - Yield

  /// `yield`, `yield value(s)` or `yield from value`.
  func parseYieldExpression() throws(ParseError) -> Expr {
    let yieldToken = advance()
    if accept(.kwFrom) {
      let value = try parseExpression()
      try noteTreeDepth(treeDepth + 1)
      return Expr(.yieldFrom(value), range(from: yieldToken))
    }
    if canStartExpression(kind) || kind == .star {
      let value = try parseStarExpressions()
      try noteTreeDepth(treeDepth + 1)
      return Expr(.yield(value), range(from: yieldToken))
    }
    treeDepth = 1
    return Expr(.yield(nil), yieldToken.range)
  }

  // MARK: - Numbers

  func numberConstant(_ token: Token) throws(ParseError) -> Constant {
    var digits: [UInt8] = []
    digits.reserveCapacity(Int(token.end - token.start))
    for i in Int(token.start)..<Int(token.end) where src[i] != "_" {
      digits.append(UInt8(truncatingIfNeeded: src[i].value))
    }
    let last = digits[digits.count - 1]
    if last == UInt8(ascii: "j") || last == UInt8(ascii: "J") {
      digits.removeLast()
      return .imaginary(Double(String(decoding: digits, as: UTF8.self)) ?? .infinity)
    }
    var radix = 10
    if digits.count > 1 && digits[0] == UInt8(ascii: "0") {
      switch digits[1] | 0x20 {
      case UInt8(ascii: "x"): radix = 16
      case UInt8(ascii: "o"): radix = 8
      case UInt8(ascii: "b"): radix = 2
      default: break
      }
    }
    if radix != 10 {
      digits.removeFirst(2)
    } else if digits.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
      return .float(Double(String(decoding: digits, as: UTF8.self)) ?? .infinity)
    }
    let text = String(decoding: digits, as: UTF8.self)
    if let value = Int(text, radix: radix) { return .int(value) }
    if let big = BigInt(text, radix: radix) { return .bigInt(big) }
    throw error(SyntaxMessages.invalidSyntax, at: token)
  }
}
