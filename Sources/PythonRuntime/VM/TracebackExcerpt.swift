/// The source shown under a traceback entry's `File "...", line N, in f`
/// line, as CPython 3.13+ prints it: the lines of the failing instruction's
/// range (dedented, long ranges abbreviated to `...<N lines>...`), each
/// followed by a caret line marking the range, unless the carets would only
/// underline the whole statement.
enum TracebackExcerpt {
  typealias Text = TracebackText.Text

  /// The source range of one traceback entry: lines `line...endLine` and,
  /// when known, 0-based character columns (start in the first line, end in
  /// the last).
  struct Location: Equatable {
    var line: Int
    var endLine: Int
    var col: Int?
    var endCol: Int?
  }

  /// Where instruction `lasti` of `code` came from; `line` (the traceback's
  /// line number) when the code object records nothing for it.
  static func location(_ code: CodeObject, lasti: Int, line: Int) -> Location {
    let lineOnly = Location(line: line, endLine: line, col: nil, endCol: nil)
    guard lasti >= 0, lasti < code.positions.count else { return lineOnly }
    let p = code.positions[lasti]
    guard p.line > 0 else { return lineOnly }
    // An end before the start means "no columns" (the implicit `return None`).
    guard p.endLine >= p.line, p.col >= 0, p.endCol >= 0 else {
      return Location(line: p.line, endLine: p.line, col: nil, endCol: nil)
    }
    return Location(line: p.line, endLine: p.endLine, col: p.col, endCol: p.endCol)
  }

  /// Line `n` of the code's source with trailing whitespace removed; empty
  /// when the source is unknown. Code compiled from a string (`<string>`) and
  /// the runtime's frozen modules (`<frozen threading>`) have no lines to
  /// show, like in CPython.
  static func sourceLine(_ code: CodeObject, _ n: Int) -> Text {
    guard !code.filename.hasPrefix("<"), let lines = code.sourceLines, n >= 1, n <= lines.count else { return [] }
    var text = Array(lines[n - 1].unicodeScalars)
    if n == 1, text.first == "\u{FEFF}" { text.removeFirst() }
    return TracebackText.rstrip(text)
  }

  /// The excerpt for `loc`, each line indented by four spaces; empty when
  /// there is no source.
  static func render(_ code: CodeObject, _ loc: Location) -> String {
    let count = loc.endLine - loc.line + 1
    var original: Text = TracebackText.join((loc.line...loc.endLine).map { sourceLine(code, $0) })
    original.append("\n")
    let dedented = TracebackText.dedent(original)
    if TracebackText.isBlank(dedented) { return "" }
    guard let col = loc.col, let endCol = loc.endCol else {
      // Without columns only the first line is shown.
      let first = TracebackText.strip(Array(original.prefix { $0 != "\n" }))
      return first.isEmpty ? "\n" : "    " + String(String.UnicodeScalarView(first)) + "\n"
    }
    let originalLines = TracebackText.splitLines(original)
    let lines = Array(TracebackText.splitLines(dedented).prefix(count))
    guard originalLines.count >= count, lines.count == count else { return "" }
    // Character offsets into the dedented first and last line.
    let removed = originalLines[0].count - lines[0].count
    let start = max(0, min(col, originalLines[0].count) - removed)
    let end = max(0, min(endCol, originalLines[count - 1].count) - removed)
    return Renderer(lines: lines, start: start, end: end).render()
  }
}

/// Draws the excerpt of one range over dedented lines.
private struct Renderer {
  typealias Text = TracebackText.Text
  let lines: [Text]
  let start: Int
  let end: Int

  func render() -> String {
    let last = lines.count - 1
    let joined = TracebackText.join(lines)
    let stop = min(joined.count - (lines[last].count - end), joined.count)
    let segment = start < stop ? Array(joined[start..<stop]) : []
    var anchors = CaretAnchors.find(segment)
    if let a = anchors, a.leftLine >= lines.count || a.rightLine >= lines.count { anchors = nil }
    let showCarets = CaretAnchors.shouldShowCarets(start: start, end: end, lines: lines, anchors: anchors)

    // Display columns (wide characters count twice) of the range and anchors.
    let startColumn = TracebackText.displayWidth(lines[0], start)
    let endColumn = TracebackText.displayWidth(lines[last], end)
    var significant: Set<Int> = [0, last]
    var anchorStart = 0, anchorEnd = 0
    if let a = anchors {
      // Anchor columns on the segment's first line are relative to `start`.
      anchorStart = TracebackText.displayWidth(lines[a.leftLine], a.leftCol + (a.leftLine == 0 ? start : 0))
      anchorEnd = TracebackText.displayWidth(lines[a.rightLine], a.rightCol + (a.rightLine == 0 ? start : 0))
      for l in [a.leftLine, a.rightLine] { significant.formUnion(l - 1...l + 1) }
    }
    significant = significant.filter { $0 >= 0 && $0 <= last }

    var out: Text = []
    func emit(_ i: Int) {
      out += lines[i]
      out.append("\n")
      guard showCarets else { return }
      let indent = lines[i].count - TracebackText.lstrip(lines[i]).count
      let width = i == last ? endColumn : TracebackText.displayWidth(lines[i])
      for column in 0..<max(width, 0) {
        if column < indent || (i == 0 && column < startColumn) {
          out.append(" ")
        } else if let a = anchors {
          let afterStart = i > a.leftLine || (i == a.leftLine && column >= anchorStart)
          let beforeEnd = i < a.rightLine || (i == a.rightLine && column < anchorEnd)
          out.append(afterStart && beforeEnd ? "^" : "~")
        } else {
          out.append("^")
        }
      }
      out.append("\n")
    }

    let shown = significant.sorted()
    for (k, i) in shown.enumerated() {
      if k > 0 {
        let gap = i - shown[k - 1]
        if gap == 2 {
          emit(i - 1)
        } else if gap > 2 {
          out += Array("...<\(gap - 1) lines>...\n".unicodeScalars)
        }
      }
      emit(i)
    }
    return TracebackText.indent(TracebackText.dedent(out), "    ")
  }
}
