/// `match` statements. A pattern is compiled with the value to match on top
/// of the stack; on success it consumes the value (binding names), on
/// failure it jumps to a fail target that expects a known stack depth —
/// small stubs pop whatever the pattern had pushed in between.
extension Compiler {
  struct FailTarget {
    let label: Label
    let depth: Int
  }

  /// Pop-then-jump stubs requested while compiling one case.
  final class FailStubs {
    var pending: [(label: Label, pops: Int, target: Label, depth: Int)] = []
  }

  func compileMatch(_ subject: Expr, _ cases: [MatchCase]) throws(PyException) {
    try compileExpr(subject)
    let end = b.newLabel()
    for (i, c) in cases.enumerated() {
      let isLast = i == cases.count - 1
      let next = b.newLabel()
      let stubs = FailStubs()
      if !isLast { b.emit(.copy, 1) }
      let failDepth = b.depth - 1
      try compilePattern(c.pattern, FailTarget(label: next, depth: failDepth), stubs)
      if let g = c.guard_ { try compileCondition(g, jumpIfTrue: false, next) }
      if !isLast { b.emit(.popTop) }
      try compileBody(c.body)
      if !b.unreachable { b.emitJump(.jump, end) }
      emitStubs(stubs)
      b.place(next)
      if isLast { b.setDepth(failDepth) }
    }
    b.place(end)
  }

  private func emitStubs(_ stubs: FailStubs) {
    for s in stubs.pending {
      b.place(s.label)
      b.setDepth(s.depth + s.pops)
      for _ in 0..<s.pops { b.emit(.popTop) }
      b.emitJump(.jump, s.target)
    }
    stubs.pending.removeAll()
  }

  /// Emits a jump (conditional or not) to `fail`, popping extra stack items first.
  private func jumpToFail(_ op: Opcode, _ fail: FailTarget, _ stubs: FailStubs) {
    let after = b.depth + CodeBuilder.stackEffect(op, 0, jump: true)
    let pops = after - fail.depth
    if pops <= 0 {
      b.emitJump(op, fail.label)
      return
    }
    let stub = b.newLabel()
    stubs.pending.append((stub, pops, fail.label, fail.depth))
    b.emitJump(op, stub)
  }

  private func compilePattern(_ p: Pattern, _ fail: FailTarget, _ stubs: FailStubs) throws(PyException) {
    b.range = p.range
    switch p.kind {
    case .matchValue(let e):
      try compileExpr(e)
      b.emit(.compareOp, CompareKind.eq.rawValue)
      jumpToFail(.popJumpIfFalse, fail, stubs)

    case .matchSingleton(let c):
      loadConstant(c)
      b.emit(.isOp, 0)
      jumpToFail(.popJumpIfFalse, fail, stubs)

    case .matchAs(let inner, let name):
      if let q = inner {
        if name != nil { b.emit(.copy, 1) }
        let innerFail = FailTarget(label: fail.label, depth: fail.depth)
        try compilePattern(q, innerFail, stubs)
        if let n = name { compileStoreName(n) }
      } else if let n = name {
        compileStoreName(n)
      } else {
        b.emit(.popTop)
      }

    case .matchOr(let alts):
      let success = b.newLabel()
      let baseDepth = b.depth
      for (i, alt) in alts.enumerated() {
        if i == alts.count - 1 {
          try compilePattern(alt, fail, stubs)
          break
        }
        let nextAlt = b.newLabel()
        b.emit(.copy, 1)
        try compilePattern(alt, FailTarget(label: nextAlt, depth: baseDepth), stubs)
        b.emit(.popTop)
        b.emitJump(.jump, success)
        emitStubs(stubs)
        b.place(nextAlt)
        b.setDepth(baseDepth)
      }
      b.place(success)

    case .matchSequence(let patterns):
      b.emit(.matchSequence)
      jumpToFail(.popJumpIfFalse, fail, stubs)
      let starIndex = patterns.firstIndex { if case .matchStar = $0.kind { return true } else { return false } }
      let fixed = patterns.count - (starIndex == nil ? 0 : 1)
      b.emit(.getLen)
      loadConstant(.int(fixed))
      b.emit(.compareOp, (starIndex == nil ? CompareKind.eq : CompareKind.ge).rawValue)
      jumpToFail(.popJumpIfFalse, fail, stubs)
      if let si = starIndex {
        b.emit(.unpackEx, UInt32(si) | (UInt32(patterns.count - si - 1) << 8))
      } else {
        b.emit(.unpackSequence, patterns.count)
      }
      for q in patterns {
        if case .matchStar(let name) = q.kind {
          if let n = name { compileStoreName(n) } else { b.emit(.popTop) }
        } else {
          try compilePattern(q, fail, stubs)
        }
      }

    case .matchMapping(let keys, let patterns, let rest):
      b.emit(.matchMapping)
      jumpToFail(.popJumpIfFalse, fail, stubs)
      if !keys.isEmpty {
        b.emit(.getLen)
        loadConstant(.int(keys.count))
        b.emit(.compareOp, CompareKind.ge.rawValue)
        jumpToFail(.popJumpIfFalse, fail, stubs)
      }
      for k in keys { try compileExpr(k) }
      b.emit(.buildTuple, keys.count)          // [x, keys]
      if !keys.isEmpty {
        b.emit(.matchKeys)                     // [x, keys, values|None]
        b.emit(.copy, 1)
        jumpToFail(.popJumpIfNone, fail, stubs)
        b.emit(.unpackSequence, keys.count)
        for q in patterns { try compilePattern(q, fail, stubs) }
      }
      if let r = rest {
        b.emit(.copyDictWithoutKeys)           // [x, rest]
        compileStoreName(r)
      } else {
        b.emit(.popTop)
      }
      b.emit(.popTop)

    case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
      try compileExpr(cls)
      b.emit(.loadConst, b.constant(.object(PyTuple(kwdAttrs.map { Value($0) })),
                                    key: .tuple(kwdAttrs.map { .str($0) })))
      b.emit(.matchClass, patterns.count)      // [attrs|None]
      b.emit(.copy, 1)
      jumpToFail(.popJumpIfNone, fail, stubs)
      let all = patterns + kwdPatterns
      if all.isEmpty {
        b.emit(.popTop)
      } else {
        b.emit(.unpackSequence, all.count)
        for q in all { try compilePattern(q, fail, stubs) }
      }

    case .matchStar:
      throw syntaxError("can't use starred name here", p.range)
    }
  }
}
