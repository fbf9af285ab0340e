// Assignment and deletion targets. Targets are parsed as expressions and then
// checked, which is also how CPython words its errors ("cannot assign to
// function call"). The AST has no Load/Store context, so a valid target is
// returned unchanged.

extension Parser {
  enum TargetUse { case assign, delete, forLoop }

  /// CPython's name for an expression in error messages (`_PyPegen_get_expr_name`).
  func expressionDescription(_ e: Expr) -> String {
    switch e.kind {
    case .attribute: return "attribute"
    case .subscript: return "subscript"
    case .starred: return "starred"
    case .name: return "name"
    case .list: return "list"
    case .tuple: return "tuple"
    case .lambda: return "lambda"
    case .call: return "function call"
    case .boolOp, .binOp, .unaryOp: return "expression"
    case .generatorExp: return "generator expression"
    case .yield, .yieldFrom: return "yield expression"
    case .await_: return "await expression"
    case .listComp: return "list comprehension"
    case .setComp: return "set comprehension"
    case .dictComp: return "dict comprehension"
    case .dict: return "dict literal"
    case .set: return "set display"
    case .joinedStr, .formattedValue: return "f-string expression"
    case .compare: return "comparison"
    case .ifExp: return "conditional expression"
    case .namedExpr: return "named expression"
    case .slice: return "slice"
    case .constant(let c):
      switch c {
      case .none: return "None"
      case .bool(let b): return b ? "True" : "False"
      case .ellipsis: return "ellipsis"
      default: return "literal"
      }
    }
  }

  /// The first sub-expression that cannot be a target (`_PyPegen_get_invalid_target`).
  func invalidTarget(_ e: Expr, _ use: TargetUse) -> Expr? {
    switch e.kind {
    case .list(let elements), .tuple(let elements):
      for element in elements {
        if let bad = invalidTarget(element, use) { return bad }
      }
      return nil
    case .starred(let value):
      return use == .delete ? e : invalidTarget(value, use)
    case .compare(let left, let ops, _):
      if use == .forLoop {
        return ops.first == .in_ ? invalidTarget(left, use) : nil
      }
      return e
    case .name, .subscript, .attribute:
      return nil
    default:
      return e
    }
  }

  /// Throws CPython's "cannot assign to X" / "cannot delete X" unless `e` is a valid target.
  func checkTarget(_ e: Expr, _ use: TargetUse) throws(ParseError) {
    guard let bad = invalidTarget(e, use) else { return }
    let verb = use == .delete ? "cannot delete" : "cannot assign to"
    throw error("\(verb) \(expressionDescription(bad))", bad)
  }

  /// Checks the targets of `t1 = t2 = value`. A lone invalid target gets
  /// CPython's hint about `==` (its `invalid_named_expression` rule).
  func checkAssignmentTargets(_ targets: [Expr]) throws(ParseError) {
    for target in targets {
      guard let bad = invalidTarget(target, .assign) else { continue }
      let description = expressionDescription(bad)
      if targets.count == 1 && bad.range == target.range && qualifiesForEqualityHint(target) {
        throw error("cannot assign to \(description) here. Maybe you meant '==' instead of '='?", bad)
      }
      switch bad.kind {
      case .yield, .yieldFrom: throw error("assignment to yield expression not possible", bad)
      default: break
      }
      throw error("cannot assign to \(description)", bad)
    }
  }

  /// CPython only offers the `==` hint when the target is a `bitwise_or`
  /// (or anything parenthesized) and not a display or a singleton.
  private func qualifiesForEqualityHint(_ e: Expr) -> Bool {
    switch e.kind {
    case .list, .tuple, .generatorExp: return false
    case .constant(.none), .constant(.bool): return false
    case .compare, .boolOp, .ifExp, .lambda, .namedExpr, .unaryOp(.not, _):
      return isParenthesized(e)
    default:
      return true
    }
  }

  /// True when the source directly around `e` has `(` before and `)` after it.
  func isParenthesized(_ e: Expr) -> Bool {
    let starts = lexer.lineStarts
    guard e.range.line >= 1, e.range.line <= starts.count, e.range.endLine <= starts.count else { return false }
    var before = starts[e.range.line - 1] + e.range.col - 1
    while before >= 0 && (src[before] == " " || src[before] == "\t" || src[before] == "\n") { before -= 1 }
    guard before >= 0 && src[before] == "(" else { return false }
    var after = starts[e.range.endLine - 1] + e.range.endCol
    while after < lexer.count && (src[after] == " " || src[after] == "\t" || src[after] == "\n") { after += 1 }
    return after < lexer.count && src[after] == ")"
  }

  /// Targets of a `for` loop or comprehension: `star_targets`, stopping before `in`.
  func parseForTargets() throws(ParseError) -> Expr {
    let startIndex = index
    let start = current
    let first = try parseTargetElement(startIndex: startIndex)
    guard kind == .comma else { return first }
    var elements = [first]
    var d = treeDepth
    while accept(.comma) {
      if kind == .kwIn { break }
      elements.append(try parseTargetElement(startIndex: startIndex))
      d = max(d, treeDepth)
    }
    try noteTreeDepth(d + 1)
    return Expr(.tuple(elements), range(from: start))
  }

  private func parseTargetElement(startIndex: Int) throws(ParseError) -> Expr {
    let start = current
    if kind == .star {
      advance()
      let value = try parseTargetElement(startIndex: startIndex)
      try noteTreeDepth(treeDepth + 1)
      return Expr(.starred(value), range(from: start))
    }
    let element: Expr
    do {
      element = try parsePrimary()
    } catch {
      throw forTargetError(from: startIndex, fallback: error)
    }
    if kind != .comma && kind != .kwIn {
      throw forTargetError(from: startIndex, fallback: invalidSyntax())
    }
    if invalidTarget(element, .forLoop) != nil {
      throw forTargetError(from: startIndex, fallback: invalidSyntax())
    }
    return element
  }

  /// Re-reads a bad `for` target as an expression to name what is wrong with it.
  private func forTargetError(from startIndex: Int, fallback: ParseError) -> ParseError {
    let savedIndex = index
    index = startIndex
    defer { index = savedIndex }
    guard let expr = try? parseStarExpressions() else { return fallback }
    if let bad = invalidTarget(expr, .forLoop) {
      return error("cannot assign to \(expressionDescription(bad))", bad)
    }
    return fallback
  }

  /// A target after `with ... as`: parsed as an expression, then checked.
  func parseWithTarget() throws(ParseError) -> Expr {
    let target = try parseStarTargetsLike()
    try checkTarget(target, .assign)
    return target
  }

  /// `star_target`-shaped input parsed as an expression: `a`, `a.b`, `(a, *b)`, `[a, b]`.
  private func parseStarTargetsLike() throws(ParseError) -> Expr {
    if kind == .star {
      let star = advance()
      let value = try parseStarTargetsLike()
      try noteTreeDepth(treeDepth + 1)
      return Expr(.starred(value), range(from: star))
    }
    return try parseExpression()
  }

  /// `a, b += 1` and friends: CPython's message for a bad augmented target.
  func checkAugmentedTarget(_ e: Expr) throws(ParseError) {
    switch e.kind {
    case .name, .attribute, .subscript: return
    default:
      throw error("'\(expressionDescription(e))' is an illegal expression for augmented assignment", e)
    }
  }

  /// Annotated assignment targets: a name, attribute or subscript.
  func checkAnnotatedTarget(_ e: Expr) throws(ParseError) {
    switch e.kind {
    case .name, .attribute, .subscript: return
    case .tuple: throw error("only single target (not tuple) can be annotated", e)
    case .list: throw error("only single target (not list) can be annotated", e)
    default: throw error("illegal target for annotation", e)
    }
  }
}
