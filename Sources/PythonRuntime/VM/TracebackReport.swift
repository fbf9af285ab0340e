/// The whole printed report of an exception, as CPython's
/// `traceback.TracebackException(..., compact=True).format()` writes it:
/// causes and contexts first, and exception groups drawn as nested boxes
/// (`  + Exception Group Traceback ...`, `  +-+---- 1 ----`, `    | ...`).
enum ReportPrinter {
  static let maxGroupWidth = 15
  static let maxGroupDepth = 10

  static func format(_ ts: ThreadState, _ e: PyException, chain: Bool) -> String {
    var printer = Printer(ts: ts)
    printer.write(ReportNode.tree(e), chain: chain)
    return printer.out
  }
}

/// An exception with the chained and grouped exceptions that will be shown
/// with it. Each exception is shown once: the tree is built breadth-first
/// with a shared `seen` set, in CPython's order, so shared or cyclic chains
/// are cut at the same places.
private final class ReportNode {
  let exc: PyException
  var cause: ReportNode?
  var context: ReportNode?
  /// The members, for an exception group.
  var members: [ReportNode]?

  init(_ exc: PyException) { self.exc = exc }

  static func tree(_ root: PyException) -> ReportNode {
    var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
    func node(_ e: PyException) -> ReportNode {
      seen.insert(ObjectIdentifier(e))
      return ReportNode(e)
    }
    let top = ReportNode(root)
    var pending = [top]
    while let n = pending.popLast() {
      let e = n.exc
      if let c = e.causeException, !seen.contains(ObjectIdentifier(c)) { n.cause = node(c) }
      // Compact form: the context only when there is no cause to show.
      if n.cause == nil, !e.suppressContext, let c = e.contextException, !seen.contains(ObjectIdentifier(c)) {
        n.context = node(c)
      }
      n.members = groupMembers(e)?.map(node)
      if let c = n.cause { pending.append(c) }
      if let c = n.context { pending.append(c) }
      pending += n.members ?? []
    }
    return top
  }

  private static func groupMembers(_ e: PyException) -> [PyException]? {
    e.isInstance(of: PyType.baseExceptionGroup) ? e.groupMembers : nil
  }
}

/// Writes report text, prefixing it with the margin of the group boxes it
/// is nested in.
private struct Printer {
  let ts: ThreadState
  var out = ""
  /// Nesting in exception group boxes.
  var depth = 0
  /// Whether the box being written still needs its closing line.
  var needClose = false

  init(ts: ThreadState) { self.ts = ts }

  mutating func emit(_ text: String, margin: String = "|") {
    var prefix = String(repeating: " ", count: 2 * depth)
    if depth > 0 { prefix += margin + " " }
    out += TracebackText.indent(Array(text.unicodeScalars), prefix)
  }

  mutating func write(_ node: ReportNode, chain: Bool) {
    // The chain, most recent last.
    var order: [(message: String?, node: ReportNode)] = []
    var current: ReportNode? = node
    while let n = current {
      if chain, let c = n.cause {
        order.append(("\nThe above exception was the direct cause of the following exception:\n\n", n))
        current = c
      } else if chain, let c = n.context {
        order.append(("\nDuring handling of the above exception, another exception occurred:\n\n", n))
        current = c
      } else {
        order.append((nil, n))
        current = nil
      }
    }
    for (message, n) in order.reversed() {
      if let m = message { emit(m) }
      writeOne(n, chain: chain)
    }
  }

  private mutating func writeOne(_ n: ReportNode, chain: Bool) {
    guard let members = n.members else {
      if let tb = n.exc.traceback {
        emit("Traceback (most recent call last):\n")
        emit(Traceback.formatEntries(tb))
      }
      emit(Traceback.formatExceptionOnly(ts, n.exc))
      return
    }
    if depth > ReportPrinter.maxGroupDepth {
      emit("... (max_group_depth is \(ReportPrinter.maxGroupDepth))\n")
      return
    }
    let topLevel = depth == 0
    if topLevel { depth += 1 }
    if let tb = n.exc.traceback {
      emit("Exception Group Traceback (most recent call last):\n", margin: topLevel ? "+" : "|")
      emit(Traceback.formatEntries(tb))
    }
    emit(Traceback.formatExceptionOnly(ts, n.exc))
    let width = ReportPrinter.maxGroupWidth
    let shown = members.count <= width ? members.count : width + 1
    needClose = false
    for i in 0..<shown {
      let isLast = i == shown - 1
      if isLast { needClose = true }
      let truncated = i >= width
      let title = truncated ? "..." : "\(i + 1)"
      out += String(repeating: " ", count: 2 * depth) + (i == 0 ? "+-" : "  ")
        + "+---------------- \(title) ----------------\n"
      depth += 1
      if truncated {
        let more = members.count - width
        emit("and \(more) more exception\(more > 1 ? "s" : "")\n")
      } else {
        write(members[i], chain: chain)
      }
      if isLast && needClose {
        out += String(repeating: " ", count: 2 * depth) + "+------------------------------------\n"
        needClose = false
      }
      depth -= 1
    }
    if topLevel { depth = 0 }
  }
}
