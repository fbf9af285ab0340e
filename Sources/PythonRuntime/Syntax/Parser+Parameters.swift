// Parameter lists of `def` and `lambda`.

extension Parser {
  /// Parses parameters up to (not including) `closing` — `)` for `def`, `:`
  /// for `lambda` — with CPython's checks on their order.
  func parseParameters(closing: TokenKind, allowAnnotations: Bool) throws(ParseError) -> Arguments {
    var arguments = Arguments()
    var sawSlash = false
    var sawStar = false
    var bareStar: Token?
    var sawDefault = false
    var d = 0
    while kind != closing {
      let token = current
      switch token.kind {
      case .slash:
        if sawSlash { throw error("/ may appear only once", at: token) }
        if sawStar { throw error("/ must be ahead of *", at: token) }
        if arguments.args.isEmpty { throw error("at least one argument must precede /", at: token) }
        advance()
        sawSlash = true
        arguments.posonlyArgs = arguments.args
        arguments.args = []
      case .star:
        if sawStar { throw error("* argument may appear only once", at: token) }
        advance()
        sawStar = true
        if kind == .comma || kind == closing {
          bareStar = token
        } else {
          let arg = try parseParameter(allowAnnotations: allowAnnotations, allowStarredAnnotation: true)
          d = max(d, treeDepth)
          if kind == .equal { throw error("var-positional argument cannot have default value", at: current) }
          arguments.vararg = arg
        }
      case .doubleStar:
        advance()
        let arg = try parseParameter(allowAnnotations: allowAnnotations, allowStarredAnnotation: false)
        d = max(d, treeDepth)
        if kind == .equal { throw error("var-keyword argument cannot have default value", at: current) }
        arguments.kwarg = arg
        _ = accept(.comma)
        if kind != closing {
          throw error("arguments cannot follow var-keyword argument", at: current)
        }
        continue
      case .name:
        let arg = try parseParameter(allowAnnotations: allowAnnotations, allowStarredAnnotation: false)
        d = max(d, treeDepth)
        var defaultValue: Expr?
        if accept(.equal) {
          defaultValue = try parseExpression()
          d = max(d, treeDepth)
        }
        if sawStar {
          arguments.kwonlyArgs.append(arg)
          arguments.kwDefaults.append(defaultValue)
          bareStar = nil
        } else {
          if let defaultValue {
            arguments.defaults.append(defaultValue)
            sawDefault = true
          } else if sawDefault {
            throw error("parameter without a default follows parameter with a default", at: token)
          }
          arguments.args.append(arg)
        }
      default:
        throw invalidSyntax()
      }
      if !accept(.comma) {
        if kind != closing { throw invalidSyntax() }
      }
    }
    if let bareStar {
      throw error("named arguments must follow bare *", at: bareStar)
    }
    treeDepth = d
    return arguments
  }

  /// One parameter: `name` or `name: annotation` (`*args: *Ts` for the vararg).
  private func parseParameter(allowAnnotations: Bool, allowStarredAnnotation: Bool) throws(ParseError) -> Arg {
    let nameToken = try expectName()
    var annotation: Expr?
    treeDepth = 0
    if allowAnnotations && accept(.colon) {
      if allowStarredAnnotation && kind == .star {
        annotation = try parseStarExpression()
      } else {
        annotation = try parseExpression()
      }
    }
    return Arg(name: identifier(nameToken), annotation: annotation, range: range(from: nameToken))
  }
}
