/// CPython 3.13+'s choices about caret lines in tracebacks, made by parsing
/// the highlighted source again:
/// - anchors: within a binary operation the operator, within a subscript or
///   call the brackets, are drawn with `^` and the rest of the range with `~`;
/// - whether to draw carets at all: not when they would just underline the
///   whole statement (nothing else on its lines), nor for `return f(...)` and
///   `x = f(...)` that span their lines exactly.
///
/// Columns here count characters (Unicode scalars), as the runtime's parser
/// reports them; CPython's AST counts UTF-8 bytes, which matters in one place
/// (see `shouldShowCarets`).
enum CaretAnchors {
  typealias Text = TracebackText.Text

  /// Line and column (indices into the segment's lines) where the `^` part
  /// starts, and where it stops (exclusive).
  struct Anchors: Equatable {
    var leftLine: Int
    var leftCol: Int
    var rightLine: Int
    var rightCol: Int
  }

  /// The anchors of `segment`, the exact source text of the failing
  /// instruction (possibly several lines), or nil when it is not a binary
  /// operation, subscript or call.
  static func find(_ segment: Text) -> Anchors? {
    // Parenthesised, so that an expression spread over lines parses; the
    // segment's first line is then line 2 of the parsed text.
    guard let body = parse(Array("(\n".unicodeScalars) + segment + Array("\n)".unicodeScalars)),
          body.count == 1, case .expr(let e) = body[0].kind else { return nil }
    let scanner = Scanner(lines: TracebackText.splitLines(segment))
    switch e.kind {
    case .binOp(let left, _, let right):
      return scanner.operatorAnchors(left: left, right: right)
    case .subscript(let value, _):
      return scanner.bracketAnchors(before: value, whole: e, open: "[")
    case .call(let fn, _, _):
      return scanner.bracketAnchors(before: fn, whole: e, open: "(")
    default:
      return nil
    }
  }

  /// Whether to draw caret lines under `lines` (the dedented source lines of
  /// the entry) for the range `start..<end` (character offsets in the first
  /// and last line).
  static func shouldShowCarets(start: Int, end: Int, lines: [Text], anchors: Anchors?) -> Bool {
    if let body = parse(TracebackText.join(lines)) {
      if body.isEmpty { return false }
      var call: Expr? = nil
      switch body[0].kind {
      case .return_(let value?):
        if case .call(let fn, _, _) = value.kind, case .name = fn.kind { call = value }
      case .assign(let targets, let value):
        if case .call = value.kind, targets.count == 1, case .name = targets[0].kind { call = value }
      default:
        break
      }
      // CPython compares the call's AST columns (UTF-8 bytes) with character
      // offsets, so a call with non-ASCII text before its end never matches.
      if let c = call, c.range.line == 1, c.range.endLine == lines.count,
         utf8Offset(lines[0], c.range.col) == start, utf8Offset(lines[lines.count - 1], c.range.endCol) == end {
        return false
      }
    }
    if anchors != nil { return true }
    return !TracebackText.isBlank(lines[0].prefix(max(start, 0)))
      || !TracebackText.isBlank(lines[lines.count - 1].dropFirst(max(end, 0)))
  }

  /// The statements of `text`, or nil when it does not parse.
  private static func parse(_ text: Text) -> [Stmt]? {
    let source = String(String.UnicodeScalarView(text))
    guard case .module(let body)? = try? parsePython(source, mode: .exec, filename: "<traceback>") else {
      return nil
    }
    return body
  }

  private static func utf8Offset(_ line: Text, _ col: Int) -> Int {
    line.prefix(max(col, 0)).reduce(0) { $0 + UTF8.width($1) }
  }
}

/// Walks the lines of a segment the way CPython's anchor search does. Every
/// step that would fail there (an index past the text) returns nil, which
/// means "no anchors".
private struct Scanner {
  typealias Position = (line: Int, col: Int)
  let lines: [TracebackText.Text]

  /// The first character at or after `p`, moving to following lines when
  /// `p` is past the end of its line.
  func valid(_ p: Position) -> Position? {
    var (line, col) = p
    guard line >= 0 else { return nil }
    while line < lines.count && col >= lines[line].count {
      col = 0
      line += 1
    }
    guard line < lines.count, col >= 0 else { return nil }
    return (line, col)
  }

  /// The position just after `e` (in segment lines), moved to a real
  /// character unless `exact`.
  func end(of e: Expr, exact: Bool = false) -> Position? {
    let line = e.range.endLine - 2
    guard line >= 0, line < lines.count else { return nil }
    let p = (line, min(e.range.endCol, lines[line].count))
    return exact ? p : valid(p)
  }

  /// From `p`, the first character satisfying `stop`, skipping comments and
  /// line continuations (the rest of their line).
  func advance(from p: Position, until stop: (Unicode.Scalar) -> Bool) -> Position? {
    var p = p
    while true {
      guard p.line >= 0, p.line < lines.count, p.col >= 0, p.col < lines[p.line].count else { return nil }
      let c = lines[p.line][p.col]
      if c == "\\" || c == "#" {
        guard let next = valid((p.line + 1, 0)) else { return nil }
        p = next
      } else if !stop(c) {
        guard let next = valid((p.line, p.col + 1)) else { return nil }
        p = next
      } else {
        return p
      }
    }
  }

  /// `left OP right`: the operator, one or two characters after the left
  /// operand (and any closing parentheses).
  func operatorAnchors(left: Expr, right: Expr) -> CaretAnchors.Anchors? {
    guard let afterLeft = end(of: left),
          let op = advance(from: afterLeft, until: { !TracebackText.isSpace($0) && $0 != ")" }) else { return nil }
    let line = lines[op.line]
    var stop = op.col + 1
    if stop < line.count {
      let rightLine = right.range.line - 2
      var beforeRight = rightLine > op.line
      if !beforeRight {
        guard rightLine >= 0, rightLine < lines.count else { return nil }
        beforeRight = stop < min(right.range.col, lines[rightLine].count)
      }
      let c = line[stop]
      if beforeRight && !TracebackText.isSpace(c) && c != "\\" && c != "#" { stop += 1 }
    }
    return CaretAnchors.Anchors(leftLine: op.line, leftCol: op.col, rightLine: op.line, rightCol: stop)
  }

  /// `value[...]` or `fn(...)`: from the opening bracket to the end.
  func bracketAnchors(before inner: Expr, whole: Expr, open: Unicode.Scalar) -> CaretAnchors.Anchors? {
    guard let afterInner = end(of: inner),
          let bracket = advance(from: afterInner, until: { $0 == open }),
          let close = end(of: whole, exact: true) else { return nil }
    return CaretAnchors.Anchors(leftLine: bracket.line, leftCol: bracket.col, rightLine: close.line,
                                rightCol: close.col)
  }
}
