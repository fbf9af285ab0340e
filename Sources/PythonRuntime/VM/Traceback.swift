/// Formatting exceptions the way CPython prints them.
enum Traceback {
  /// The full report: chained exceptions first, then this one; exception
  /// groups with their members in boxes.
  static func format(_ ts: ThreadState, _ e: PyException) -> String {
    ReportPrinter.format(ts, e, chain: true)
  }

  /// One exception (and, for a group, its members) without its
  /// `__cause__`/`__context__` chain.
  static func formatSingle(_ ts: ThreadState, _ e: PyException) -> String {
    ReportPrinter.format(ts, e, chain: false)
  }

  /// The entries of a traceback, oldest first; a run of more than three
  /// entries for the same line of the same function is summarised.
  static func formatEntries(_ first: PyTraceback) -> String {
    var out = ""
    var tb: PyTraceback? = first
    var lastKey = ""
    var repeats = 0
    func flushRepeats() {
      if repeats > 3 {
        out += "  [Previous line repeated \(repeats - 3) more time\(repeats - 3 == 1 ? "" : "s")]\n"
      }
    }
    while let t = tb {
      let code = t.frame.code
      let loc = TracebackExcerpt.location(code, lasti: t.lasti, line: t.lineno)
      let key = "\(code.filename):\(loc.line):\(code.name)"
      if key == lastKey {
        repeats += 1
        if repeats > 3 {
          tb = t.next
          continue
        }
      } else {
        flushRepeats()
        repeats = 1
        lastKey = key
      }
      out += "  File \"\(code.filename)\", line \(loc.line), in \(code.name)\n"
      out += TracebackExcerpt.render(code, loc)
      tb = t.next
    }
    flushRepeats()
    return out
  }

  /// `  File "f.py", line 3, in g` plus the stripped source line when known
  /// (no carets: used for live stacks, where no instruction has failed).
  static func entry(_ code: CodeObject, line: Int) -> String {
    var out = "  File \"\(code.filename)\", line \(line), in \(code.name)\n"
    if let src = sourceLine(code, line) { out += "    \(src)\n" }
    return out
  }

  static func sourceLine(_ code: CodeObject, _ line: Int) -> String? {
    guard !code.filename.hasPrefix("<"), let lines = code.sourceLines, line >= 1, line <= lines.count else {
      return nil
    }
    let text = lines[line - 1].drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
    let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
    if trimmed.isEmpty { return nil }
    return String(trimmed)
  }

  /// The qualified exception type name as tracebacks show it.
  static func typeName(_ t: PyType) -> String {
    let m = t.moduleName
    if m == "builtins" || m == "__main__" { return t.qualname }
    return "\(m).\(t.qualname)"
  }

  /// The last line(s): `Type: message`, SyntaxError's caret block, notes.
  static func formatExceptionOnly(_ ts: ThreadState, _ e: PyException) -> String {
    var out = ""
    if e.type.isSubtype(of: PyType.syntaxError) {
      out += syntaxErrorBlock(ts, e)
    }
    out += exceptionLine(ts, e) + "\n"
    if let notes = e.attribute("__notes__"), let list = try? ts.collect(notes) {
      for n in list { out += ((try? ts.str(n)) ?? "<note str() failed>") + "\n" }
    }
    return out
  }

  /// `Type: message` (or just `Type` when the message is empty).
  static func exceptionLine(_ ts: ThreadState, _ e: PyException) -> String {
    let name = typeName(e.type)
    var msg: String
    do throws(PyException) {
      if e.type.isSubtype(of: PyType.syntaxError), let m = e.attribute("msg"), !m.isNone {
        msg = (try? ts.str(m)) ?? ""
      } else {
        msg = try ts.str(.object(e))
      }
    } catch {
      msg = "<exception str() failed>"
    }
    if let hint = Suggestions.hint(ts, e) { msg += hint }
    return msg.isEmpty ? name : "\(name): \(msg)"
  }

  private static func syntaxErrorBlock(_ ts: ThreadState, _ e: PyException) -> String {
    let file = e.attribute("filename").flatMap { $0.asStr?.value } ?? "<string>"
    guard let line = e.attribute("lineno")?.smallInt else { return "" }
    var out = "  File \"\(file)\", line \(line)\n"
    if let text = e.attribute("text")?.asStr?.value {
      let raw = text.hasSuffix("\n") ? String(text.dropLast()) : text
      let stripped = raw.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
      let removed = raw.unicodeScalars.count - stripped.unicodeScalars.count
      let shown = String(stripped).trimmingTrailingWhitespace()
      out += "    \(shown)\n"
      if let offset = e.attribute("offset")?.smallInt, offset >= 1 {
        var end = e.attribute("end_offset")?.smallInt ?? offset
        let endLine = e.attribute("end_lineno")?.smallInt ?? line
        if endLine != line || end <= offset { end = offset + 1 }
        let start = max(offset - 1 - removed, 0)
        let width = max(min(end - offset, shown.unicodeScalars.count - start + 1), 1)
        out += "    " + String(repeating: " ", count: start) + String(repeating: "^", count: width) + "\n"
      }
    }
    return out
  }
}

extension String {
  func trimmingTrailingWhitespace() -> String {
    var s = Substring(self)
    while let last = s.last, last == " " || last == "\t" || last == "\r" || last == "\n" { s = s.dropLast() }
    return String(s)
  }
}

/// "Did you mean ...?" hints for NameError and AttributeError (CPython 3.12+).
enum Suggestions {
  static func hint(_ ts: ThreadState, _ e: PyException) -> String? {
    if e.type === PyType.nameError || e.type === PyType.unboundLocalError {
      guard e.type === PyType.nameError, let name = e.attribute("name")?.asStr?.value else { return nil }
      var candidates: [String] = []
      if let tb = lastTraceback(e) {
        let f = tb.frame
        candidates += f.code.varnames.map { $0.value }
        candidates += f.globals.keys.compactMap { $0.asStr?.value }
        candidates += f.builtins.keys.compactMap { $0.asStr?.value }
      }
      if let s = best(name, candidates) { return ". Did you mean: '\(s)'?" }
      if stdlibModules.contains(name) { return ". Did you forget to import '\(name)'?" }
      return nil
    }
    if e.type === PyType.attributeError {
      guard let name = e.attribute("name")?.asStr?.value, let obj = e.attribute("obj") else { return nil }
      guard let dir = try? ts.defaultDir(obj) else { return nil }
      if let s = best(name, dir) { return ". Did you mean: '\(s)'?" }
    }
    return nil
  }

  private static func lastTraceback(_ e: PyException) -> PyTraceback? {
    var tb = e.traceback
    while let t = tb, let n = t.next { tb = n }
    return tb
  }

  static let stdlibModules: Set<String> = ["math", "sys", "os", "time", "random", "re", "json", "itertools",
                                           "functools", "collections", "threading", "queue", "string", "copy",
                                           "textwrap", "pickle", "enum", "dataclasses", "typing", "operator"]

  /// CPython's Levenshtein-based choice (substitution 2, case change 1).
  static func best(_ wrong: String, _ candidates: [String]) -> String? {
    if candidates.count > 750 || wrong.count > 40 { return nil }
    var bestName: String? = nil
    var bestDistance = Int.max
    var seen = Set<String>()
    for c in candidates where c != wrong && seen.insert(c).inserted {
      if c.count > 40 { continue }
      var maxDistance = (wrong.count + c.count + 3) * 2 / 6
      if bestName != nil { maxDistance = min(maxDistance, bestDistance - 1) }
      let d = distance(wrong, c, maxDistance)
      if d > maxDistance { continue }
      if bestName == nil || d < bestDistance {
        bestName = c
        bestDistance = d
      }
    }
    return bestName
  }

  static func distance(_ a: String, _ b: String, _ limit: Int) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x == y { return 0 }
    var prev = Array(0...y.count).map { $0 * 2 }
    for i in 1...max(x.count, 1) where !x.isEmpty {
      var cur = [i * 2] + Array(repeating: 0, count: y.count)
      for j in 1...max(y.count, 1) where !y.isEmpty {
        let sub: Int
        if x[i - 1] == y[j - 1] { sub = 0 } else if String(x[i - 1]).lowercased() == String(y[j - 1]).lowercased() { sub = 1 } else { sub = 2 }
        cur[j] = min(prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + sub)
      }
      prev = cur
    }
    return prev[y.count]
  }
}

/// Python stacks of live threads, for time-out and deadlock reports.
enum StackReport {
  static func describe(_ ts: ThreadState) -> String {
    var frames: [Frame] = []
    var f = ts.frame
    while let cur = f {
      frames.append(cur)
      f = cur.back
    }
    var out = "Thread '\(ts.name)' (interpreter \(ts.interp.id))"
    if frames.isEmpty { return out + ": not running Python code\n" }
    out += ", most recent call last:\n"
    for fr in frames.reversed() { out += Traceback.entry(fr.code, line: fr.line) }
    return out
  }
}
