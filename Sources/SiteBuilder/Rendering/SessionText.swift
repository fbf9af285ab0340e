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

/// Shell transcripts (```` ```console ````, `shell-session`): `$ ` prompts
/// with commands, and the output between them.
public enum ConsoleText {
  public static let languages: Set<String> = ["console", "shell-session", "sh-session"]

  /// The lines of a transcript: a command line (after its `$ ` prompt, with
  /// the lines a trailing `\` continues), or output.
  enum Line: Equatable {
    case command(prompt: String, text: String)
    case continuation(String)
    case output(String)
  }

  static func lines(_ code: String) -> [Line] {
    var result: [Line] = []
    var continues = false
    for raw in code.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      if continues {
        result.append(.continuation(line))
        continues = line.hasSuffix("\\")
      } else if line.hasPrefix("$ ") || line == "$" {
        result.append(.command(prompt: String(line.prefix(2)), text: String(line.dropFirst(2))))
        continues = line.hasSuffix("\\")
      } else {
        result.append(.output(line))
      }
    }
    return result
  }

  /// What the copy button copies: the commands without `$ ` and without
  /// output; the whole text when no line has a prompt.
  public static func copyText(_ code: String) -> String {
    var commands: [String] = []
    for line in lines(code) {
      switch line {
      case .command(_, let text), .continuation(let text): commands.append(text)
      case .output: continue
      }
    }
    guard !commands.isEmpty else { return code }
    while commands.last == "" { commands.removeLast() }
    return commands.joined(separator: "\n") + "\n"
  }

  /// Prompts and output marked for the theme; commands stay plain.
  public static func tokens(_ code: String) -> [HighlightToken] {
    var tokens: [HighlightToken] = []
    let all = lines(code)
    for (index, line) in all.enumerated() {
      let newline = index < all.count - 1 ? "\n" : ""
      switch line {
      case .command(let prompt, let text):
        tokens.append(HighlightToken(kind: "prompt", text: prompt))
        tokens.append(HighlightToken(kind: "command", text: text + newline))
      case .continuation(let text):
        tokens.append(HighlightToken(kind: "command", text: text + newline))
      case .output(let text):
        tokens.append(HighlightToken(kind: text.isEmpty ? "" : "output", text: text + newline))
      }
    }
    return tokens
  }
}
