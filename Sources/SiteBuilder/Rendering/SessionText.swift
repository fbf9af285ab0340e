import Foundation

/// Presentation of `pycon` sessions: what readers see and what the copy button copies.
public enum SessionText {
  /// The text shown: doctest directives (`# doctest: +ELLIPSIS`) and
  /// `<BLANKLINE>` markers are checking details, not part of the session
  /// (Sphinx trims them the same way).
  public static func displayed(_ code: String) -> String {
    code.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let text = String(line)
      if text.trimmingCharacters(in: .whitespaces) == "<BLANKLINE>" { return "" }
      if text.hasPrefix(">>>") || text.hasPrefix("..."), let start = directiveStart(in: text) {
        return String(text[..<start])
      }
      return text
    }.joined(separator: "\n")
  }

  /// Where a trailing `# doctest: …` comment (and the spaces before it) begins.
  static func directiveStart(in line: String) -> String.Index? {
    guard let word = line.range(of: "doctest:") else { return nil }
    var index = word.lowerBound
    while index > line.startIndex, line[line.index(before: index)] == " " { index = line.index(before: index) }
    guard index > line.startIndex, line[line.index(before: index)] == "#" else { return nil }
    index = line.index(before: index)
    while index > line.startIndex, line[line.index(before: index)] == " " { index = line.index(before: index) }
    return index
  }

  /// What the copy button copies: the input lines without prompts, no output,
  /// so it can be pasted into a file or a REPL.
  public static func copyText(_ code: String) -> String {
    var lines: [String] = []
    for line in displayed(code).split(separator: "\n", omittingEmptySubsequences: false) {
      if line == ">>>" || line == "..." { lines.append("") }
      else if line.hasPrefix(">>> ") || line.hasPrefix("... ") { lines.append(String(line.dropFirst(4))) }
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
  }
}
