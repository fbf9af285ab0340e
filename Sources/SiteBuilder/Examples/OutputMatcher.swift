import Foundation

/// Compares expected output with actual output the way doctest does, plus
/// weave's `unordered` option. Trailing spaces at the end of a line are
/// ignored (they are invisible in Markdown and editors strip them).
public enum OutputMatcher {
  public static func matches(expected: String, actual: String, options: MatchOptions) -> Bool {
    let want = trimLineEnds(expected)
    let got = trimLineEnds(actual)
    if want == got { return true }
    if options.contains(.unordered) {
      return unorderedMatch(want: lines(want), got: lines(got), options: options)
    }
    return textMatch(want: want, got: got, options: options)
  }

  static func textMatch(want: String, got: String, options: MatchOptions) -> Bool {
    var want = want
    var got = got
    if options.contains(.normalizeWhitespace) {
      want = collapseWhitespace(want)
      got = collapseWhitespace(got)
      if want == got { return true }
    }
    if options.contains(.ellipsis) { return ellipsisMatch(want: want, got: got) }
    return false
  }

  /// doctest's `_ellipsis_match`: the pieces between `...` must appear in
  /// order, the first at the start and the last at the end.
  static func ellipsisMatch(want: String, got: String) -> Bool {
    guard want.contains("...") else { return want == got }
    let pieces = want.components(separatedBy: "...")
    var remaining = Substring(got)
    guard let first = pieces.first, let last = pieces.last else { return false }
    guard remaining.hasPrefix(first) else { return false }
    remaining = remaining.dropFirst(first.count)
    guard remaining.hasSuffix(last), remaining.count >= last.count else { return false }
    remaining = remaining.dropLast(last.count)
    for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
      guard let range = remaining.range(of: piece) else { return false }
      remaining = remaining[range.upperBound...]
    }
    return true
  }

  /// Each expected line must be matched by a distinct actual line (with the
  /// other options applied per line), and no actual line may be left over.
  static func unorderedMatch(want: [String], got: [String], options: MatchOptions) -> Bool {
    guard want.count == got.count else { return false }
    let lineOptions = options.subtracting(.unordered)
    // Bipartite matching (Kuhn's augmenting paths): outputs are small.
    let candidates = want.map { pattern in
      got.indices.filter { pattern == got[$0] || textMatch(want: pattern, got: got[$0], options: lineOptions) }
    }
    var owner = [Int?](repeating: nil, count: got.count)
    func augment(_ wantIndex: Int, _ visited: inout [Bool]) -> Bool {
      for gotIndex in candidates[wantIndex] where !visited[gotIndex] {
        visited[gotIndex] = true
        if owner[gotIndex] == nil || augment(owner[gotIndex]!, &visited) {
          owner[gotIndex] = wantIndex
          return true
        }
      }
      return false
    }
    for wantIndex in want.indices {
      var visited = [Bool](repeating: false, count: got.count)
      if !augment(wantIndex, &visited) { return false }
    }
    return true
  }

  static func trimLineEnds(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in
        var line = Substring(line)
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
        return String(line)
      }
      .joined(separator: "\n")
  }

  static func lines(_ text: String) -> [String] {
    var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if result.last == "" { result.removeLast() }
    return result
  }

  static func collapseWhitespace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  // MARK: Expected exceptions

  static let tracebackHeaders = ["Traceback (most recent call last):", "Traceback (innermost last):"]

  /// When the expected output is a traceback, the exception part doctest
  /// compares: the lines after the header and the indented stack (or `...`).
  public static func expectedException(in expected: String) -> String? {
    let lines = lines(expected)
    guard let headerIndex = lines.firstIndex(where: { line in
      tracebackHeaders.contains { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) }
    }), headerIndex == 0 else { return nil }
    let detail = lines.dropFirst().drop(while: { $0.hasPrefix(" ") || $0.hasPrefix("\t") || $0 == "..." })
    return detail.joined(separator: "\n") + "\n"
  }

  /// Whether an expected exception text (`Type: message`) matches the actual one.
  public static func exceptionMatches(expected: String, actualLastLine: String, options: MatchOptions) -> Bool {
    if options.contains(.ignoreExceptionDetail) {
      return exceptionType(expected) == exceptionType(actualLastLine)
    }
    return matches(expected: expected, actual: actualLastLine + "\n", options: options.subtracting(.unordered))
  }

  /// `module.sub.ValueError: boom` → `ValueError`.
  static func exceptionType(_ text: String) -> String {
    let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
    let name = firstLine.split(separator: ":", maxSplits: 1).first.map(String.init) ?? firstLine
    return String(name.split(separator: ".").last ?? Substring(name)).trimmingCharacters(in: .whitespaces)
  }
}
