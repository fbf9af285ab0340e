import Foundation

/// Splits the text of a `pycon` block into statements and expected outputs,
/// following doctest's rules: a statement is a `>>> ` line plus its `... `
/// continuation lines; its expected output is every following line up to the
/// next prompt or blank line; `<BLANKLINE>` stands for an empty output line.
enum SessionParser {
  static func parse(_ code: String, firstLine: Int) throws(ExampleError) -> [SessionStatement] {
    var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var statements: [SessionStatement] = []
    var index = 0
    while index < lines.count {
      let text = lines[index]
      let lineNumber = firstLine + index
      guard let firstSource = stripPrompt(text, prompt: ">>>") else {
        if isBlank(text) {
          index += 1
          continue
        }
        if statements.isEmpty {
          throw ExampleError("a pycon block must start with a '>>> ' prompt; this line is neither input nor the output of an input", line: lineNumber)
        }
        // After a blank line, doctest ignores text until the next prompt; in a
        // code block that text can only be a mistake (output cannot contain a
        // blank line except as <BLANKLINE>).
        throw ExampleError("output after a blank line belongs to no statement; write <BLANKLINE> for an empty output line", line: lineNumber)
      }
      var source = [firstSource]
      index += 1
      while index < lines.count, let continuation = stripPrompt(lines[index], prompt: "...") {
        source.append(continuation)
        index += 1
      }
      var expected: [String] = []
      while index < lines.count, !isBlank(lines[index]), stripPrompt(lines[index], prompt: ">>>") == nil {
        let line = lines[index]
        expected.append(line.trimmingCharacters(in: .whitespaces) == "<BLANKLINE>" ? "" : line)
        index += 1
      }
      let joined = source.joined(separator: "\n")
      statements.append(SessionStatement(
        source: joined + "\n",
        line: lineNumber,
        expected: expected.isEmpty ? "" : expected.joined(separator: "\n") + "\n",
        flags: try directives(in: joined, line: lineNumber)))
    }
    return statements
  }

  /// `>>> x` → `x`; a bare `>>>` is an empty line; anything else is not a prompt.
  static func stripPrompt(_ line: String, prompt: String) -> String? {
    if line == prompt { return "" }
    if line.hasPrefix(prompt + " ") { return String(line.dropFirst(prompt.count + 1)) }
    return nil
  }

  static func isBlank(_ line: String) -> Bool {
    line.allSatisfy { $0 == " " || $0 == "\t" }
  }

  /// Reads `# doctest: +ELLIPSIS, -NORMALIZE_WHITESPACE` comments.
  static func directives(in source: String, line: Int) throws(ExampleError) -> ExampleFlags {
    var flags = ExampleFlags()
    for sourceLine in source.split(separator: "\n") {
      guard let range = sourceLine.range(of: "# doctest:") else { continue }
      let words = sourceLine[range.upperBound...]
        .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
      for word in words {
        if !flags.applyDoctestDirective(String(word)) {
          throw ExampleError("unknown doctest directive '\(word)' (accepted: +ELLIPSIS, +NORMALIZE_WHITESPACE, +IGNORE_EXCEPTION_DETAIL, +SKIP and their - forms)", line: line)
        }
      }
    }
    return flags
  }
}
