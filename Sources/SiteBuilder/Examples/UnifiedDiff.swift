/// A unified diff (`--- expected` / `+++ actual`, `@@` hunks with three lines
/// of context) computed from a longest common subsequence of lines.
public enum UnifiedDiff {
  public static func diff(expected: String, actual: String,
                          expectedLabel: String = "expected", actualLabel: String = "actual",
                          context: Int = 3) -> String {
    let old = splitLines(expected)
    let new = splitLines(actual)
    let edits = editScript(old, new)
    var output = "--- \(expectedLabel)\n+++ \(actualLabel)\n"
    // Group edits into hunks: runs of changes with `context` equal lines around them.
    var index = 0
    while index < edits.count {
      guard let changeStart = edits[index...].firstIndex(where: { !$0.isEqual }) else { break }
      var hunkEnd = changeStart
      var lastChange = changeStart
      while hunkEnd < edits.count {
        if !edits[hunkEnd].isEqual { lastChange = hunkEnd }
        if hunkEnd - lastChange > 2 * context { break }
        hunkEnd += 1
      }
      let start = max(index, changeStart - context)
      let end = min(edits.count, lastChange + context + 1)
      let hunk = edits[start..<end]
      let oldStart = hunk.first!.oldIndex, newStart = hunk.first!.newIndex
      let oldCount = hunk.filter { $0.kind != .insert }.count
      let newCount = hunk.filter { $0.kind != .delete }.count
      output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
      for edit in hunk {
        switch edit.kind {
        case .equal: output += " " + edit.text + "\n"
        case .delete: output += "-" + edit.text + "\n"
        case .insert: output += "+" + edit.text + "\n"
        }
      }
      index = end
    }
    return output
  }

  private static func range(_ start: Int, _ count: Int) -> String {
    // Unified diff convention: 1-based start; an empty range names the line before it.
    let first = count == 0 ? start : start + 1
    return count == 1 ? "\(first)" : "\(first),\(count)"
  }

  /// Lines of `text`; a missing final newline is shown like diff(1) does.
  static func splitLines(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() } else { lines[lines.count - 1] += "\n\\ No newline at end" }
    return lines
  }

  struct Edit {
    enum Kind { case equal, delete, insert }
    var kind: Kind
    var text: String
    var oldIndex: Int
    var newIndex: Int
    var isEqual: Bool { kind == .equal }
  }

  static func editScript(_ old: [String], _ new: [String]) -> [Edit] {
    guard old.count * new.count <= 4_000_000 else {
      // Too big for the quadratic table: show everything as replaced.
      return old.enumerated().map { Edit(kind: .delete, text: $1, oldIndex: $0, newIndex: 0) }
        + new.enumerated().map { Edit(kind: .insert, text: $1, oldIndex: old.count, newIndex: $0) }
    }
    // lengths[i][j] = LCS length of old[i...] and new[j...]
    var lengths = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var edits: [Edit] = []
    var i = 0, j = 0
    while i < old.count || j < new.count {
      if i < old.count, j < new.count, old[i] == new[j] {
        edits.append(Edit(kind: .equal, text: old[i], oldIndex: i, newIndex: j))
        i += 1; j += 1
      } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
        if i < old.count, lengths[i + 1][j] == lengths[i][j + 1] {
          // Prefer deletions before insertions at a tie, like diff(1).
          edits.append(Edit(kind: .delete, text: old[i], oldIndex: i, newIndex: j))
          i += 1
        } else {
          edits.append(Edit(kind: .insert, text: new[j], oldIndex: i, newIndex: j))
          j += 1
        }
      } else {
        edits.append(Edit(kind: .delete, text: old[i], oldIndex: i, newIndex: j))
        i += 1
      }
    }
    return edits
  }
}
