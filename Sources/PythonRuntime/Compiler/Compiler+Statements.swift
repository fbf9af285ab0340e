extension Compiler {
  func compileBody(_ body: [Stmt]) throws(PyException) {
    for s in body { try compileStmt(s) }
  }

  func compileStmt(_ s: Stmt) throws(PyException) {
    let savedRange = b.range
    b.range = s.range
    defer { b.range = savedRange }
    switch s.kind {
    case .expr(let e):
      if interactive && scope.kind == .module {
        try compileExpr(e)
        b.emit(.printExpr)
        return
      }
      if case .constant = e.kind { return }
      try compileExpr(e)
      b.emit(.popTop)

    case .assign(let targets, let value):
      if targets.count == 1, try compileSwapAssign(targets[0], value) { return }
      try compileExpr(value)
      for (i, t) in targets.enumerated() {
        if i < targets.count - 1 { b.emit(.copy, 1) }
        try compileStore(t)
      }

    case .augAssign(let target, let op, let value):
      try compileAugAssign(target, op, value)

    case .annAssign(let target, let annotation, let value, let simple):
      if let v = value {
        try compileExpr(v)
        try compileStore(target)
      }
      if case .name(let n) = target.kind, simple, scope.kind == .module || scope.kind == .classBody {
        try compileExpr(annotation)
        b.emit(.loadName, b.name("__annotations__"))
        b.emit(.loadConst, constant(.str(n)))
        b.emit(.storeSubscr)
      } else if value == nil {
        // `obj.attr: int` evaluates the target's object (and subscript) only.
        switch target.kind {
        case .attribute(let o, _):
          try compileExpr(o)
          b.emit(.popTop)
        case .subscript(let o, let sl):
          try compileExpr(o)
          b.emit(.popTop)
          try compileExpr(sl)
          b.emit(.popTop)
        default: break
        }
      }

    case .delete(let targets):
      for t in targets { try compileDelete(t) }

    case .pass:
      break

    case .if_(let test, let body, let orelse):
      let elseLabel = b.newLabel()
      let end = b.newLabel()
      try compileCondition(test, jumpIfTrue: false, elseLabel)
      try compileBody(body)
      if !orelse.isEmpty {
        b.emitJump(.jump, end)
        b.place(elseLabel)
        try compileBody(orelse)
      } else {
        b.place(elseLabel)
      }
      b.place(end)

    case .while_(let test, let body, let orelse):
      try compileWhile(test, body, orelse)

    case .for_(let target, let iter, let body, let orelse, _):
      try compileFor(target, iter, body, orelse)

    case .break_:
      try withSavedHandler { () throws(PyException) in
        guard let loop = try unwindBlocks(toLoop: true, preserveTop: false) else {
          throw syntaxError("'break' outside loop", s.range)
        }
        switch loop {
        case .whileLoop(_, let end): b.emitJump(.jump, end)
        case .forLoop(_, let end):
          b.emit(.popTop)
          b.emitJump(.jump, end)
        default: break
        }
      }

    case .continue_:
      try withSavedHandler { () throws(PyException) in
        guard let loop = try unwindBlocks(toLoop: true, preserveTop: false) else {
          throw syntaxError("'continue' not properly in loop", s.range)
        }
        switch loop {
        case .whileLoop(let start, _), .forLoop(let start, _): b.emitJump(.jumpBackward, start)
        default: break
        }
      }

    case .return_(let value):
      if !scope.isFunctionLike { throw syntaxError("'return' outside function", s.range) }
      if scope.isCoroutine && scope.isGenerator && value != nil {
        throw syntaxError("'return' with value in async generator", s.range)
      }
      try withSavedHandler { () throws(PyException) in
        if let v = value {
          try compileExpr(v)
        } else {
          loadConstant(.none)
        }
        _ = try unwindBlocks(toLoop: false, preserveTop: true)
        b.emit(.returnValue)
      }

    case .raise(let exc, let cause):
      var n = 0
      if let e = exc {
        try compileExpr(e)
        n = 1
        if let c = cause {
          try compileExpr(c)
          n = 2
        }
      }
      b.emit(.raiseVarargs, n)

    case .assert(let test, let msg):
      let end = b.newLabel()
      try compileCondition(test, jumpIfTrue: true, end)
      b.range = s.range
      b.emit(.loadAssertionError)
      if let m = msg {
        b.emit(.pushNull)
        try compileExpr(m)
        b.emit(.call, 1)
      }
      // Like CPython 3.13+: the failure points at the test.
      b.range = test.range
      b.emit(.raiseVarargs, 1)
      b.place(end)

    case .try_(let body, let handlers, let orelse, let finalbody, let isStar):
      if !finalbody.isEmpty {
        try compileTryFinally(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, isStar: isStar)
      } else {
        try compileTryExcept(body: body, handlers: handlers, orelse: orelse, isStar: isStar)
      }

    case .with(let items, let body, _):
      try compileWith(items[...], body)

    case .functionDef(let fd):
      try compileFunctionDef(fd, s.range)

    case .classDef(let cd):
      try compileClassDef(cd, s.range)

    case .import_(let aliases):
      for a in aliases {
        b.emit(.loadConst, constant(.int(0)))
        loadConstant(.none)
        b.emit(.importName, b.name(a.name))
        let parts = a.name.split(separator: ".").map(String.init)
        if let asName = a.asName {
          for p in parts.dropFirst() {
            b.emit(.importFrom, b.name(p))
            b.emit(.swap, 2)
            b.emit(.popTop)
          }
          compileStoreName(asName)
        } else {
          compileStoreName(parts[0])
        }
      }

    case .importFrom(let module, let aliases, let level):
      b.emit(.loadConst, constant(.int(level)))
      let fromNames = aliases.map { Value($0.name) }
      b.emit(.loadConst, b.constant(.object(PyTuple(fromNames)),
                                    key: .tuple(aliases.map { .str($0.name) })))
      b.emit(.importName, b.name(module ?? ""))
      if aliases.count == 1 && aliases[0].name == "*" {
        b.emit(.importStar)
        return
      }
      for a in aliases {
        b.emit(.importFrom, b.name(a.name))
        compileStoreName(a.asName ?? a.name)
      }
      b.emit(.popTop)

    case .global, .nonlocal:
      break

    case .match(let subject, let cases):
      try compileMatch(subject, cases)
    }
  }

  // MARK: Assignment

  /// `a, b = b, a` without building a tuple.
  private func compileSwapAssign(_ target: Expr, _ value: Expr) throws(PyException) -> Bool {
    guard case .tuple(let ts) = target.kind, case .tuple(let vs) = value.kind,
          ts.count == vs.count, ts.count >= 2, ts.count <= 3 else { return false }
    for e in ts + vs { if case .starred = e.kind { return false } }
    for v in vs { try compileExpr(v) }
    if ts.count == 2 {
      b.emit(.swap, 2)
    } else {
      b.emit(.swap, 3)
    }
    for t in ts { try compileStore(t) }
    return true
  }

  /// `self.NAME = ...` inside a class: NAME joins `__static_attributes__`.
  private func noteStaticAttribute(_ obj: Expr, _ attr: String) {
    if case .name("self") = obj.kind { staticAttributes?.names.insert(attr) }
  }

  func compileStore(_ t: Expr) throws(PyException) {
    let saved = b.range
    b.range = t.range
    defer { b.range = saved }
    switch t.kind {
    case .name(let n):
      compileStoreName(n)
    case .attribute(let obj, let attr):
      noteStaticAttribute(obj, attr)
      try compileExpr(obj)
      b.range = Compiler.attributeLocation(t.range, of: t)
      b.emit(.storeAttr, b.name(attr))
    case .subscript(let obj, let slice):
      try compileExpr(obj)
      try compileExpr(slice)
      b.emit(.storeSubscr)
    case .tuple(let elts), .list(let elts):
      try compileUnpack(elts, t.range)
      for e in elts {
        if case .starred(let inner) = e.kind { try compileStore(inner) } else { try compileStore(e) }
      }
    case .starred:
      throw syntaxError("starred assignment target must be in a list or tuple", t.range)
    default:
      throw syntaxError(CompileErrors.cannotAssign(t, verb: "assign to"), t.range)
    }
  }

  private func compileUnpack(_ elts: [Expr], _ range: SourceRange) throws(PyException) {
    var starIndex: Int? = nil
    for (i, e) in elts.enumerated() {
      if case .starred = e.kind {
        if starIndex != nil { throw syntaxError("multiple starred expressions in assignment", e.range) }
        starIndex = i
      }
    }
    if let si = starIndex {
      let after = elts.count - si - 1
      if si >= 256 || after >= (1 << 23) {
        throw syntaxError("too many expressions in star-unpacking assignment", range)
      }
      b.emit(.unpackEx, UInt32(si) | (UInt32(after) << 8))
    } else {
      b.emit(.unpackSequence, elts.count)
    }
  }

  /// Positions as CPython gives them: reading and writing the target at the
  /// target, the operation itself at the whole statement.
  private func compileAugAssign(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws(PyException) {
    let kind = BinaryOpKind(rawValue: binaryOpKind(op).rawValue + 16)!
    let statement = b.range
    switch target.kind {
    case .name(let n):
      b.range = target.range
      compileLoadName(n)
      try compileExpr(value)
      b.range = statement
      b.emit(.binaryOp, kind.rawValue)
      b.range = target.range
      compileStoreName(n)
    case .attribute(let obj, let attr):
      noteStaticAttribute(obj, attr)
      let at = Compiler.attributeLocation(target.range, of: target)
      try compileExpr(obj)
      b.range = at
      b.emit(.copy, 1)
      b.emit(.loadAttr, b.name(attr))
      try compileExpr(value)
      b.range = statement
      b.emit(.binaryOp, kind.rawValue)
      b.range = at
      b.emit(.swap, 2)
      b.emit(.storeAttr, b.name(attr))
    case .subscript(let obj, let slice):
      try compileExpr(obj)
      try compileExpr(slice)
      b.range = target.range
      b.emit(.copy, 2)
      b.emit(.copy, 2)
      b.emit(.binarySubscr)
      try compileExpr(value)
      b.range = statement
      b.emit(.binaryOp, kind.rawValue)
      b.range = target.range
      b.emit(.swap, 3)
      b.emit(.swap, 2)
      b.emit(.storeSubscr)
    default:
      throw syntaxError("'\(CompileErrors.describe(target))' is an illegal expression for augmented assignment", target.range)
    }
  }

  private func compileDelete(_ t: Expr) throws(PyException) {
    let saved = b.range
    b.range = t.range
    defer { b.range = saved }
    switch t.kind {
    case .name(let n): compileDeleteName(n)
    case .attribute(let obj, let attr):
      try compileExpr(obj)
      b.range = Compiler.attributeLocation(t.range, of: t)
      b.emit(.deleteAttr, b.name(attr))
    case .subscript(let obj, let slice):
      try compileExpr(obj)
      try compileExpr(slice)
      b.emit(.deleteSubscr)
    case .tuple(let elts), .list(let elts):
      for e in elts { try compileDelete(e) }
    default:
      throw syntaxError(CompileErrors.cannotAssign(t, verb: "delete"), t.range)
    }
  }

  // MARK: Loops

  private func compileWhile(_ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws(PyException) {
    let start = b.newLabel()
    let end = b.newLabel()
    let orelseLabel = b.newLabel()
    let alwaysTrue: Bool = {
      if case .constant(let c) = test.kind {
        switch c {
        case .bool(true): return true
        case .int(let i): return i != 0
        default: return false
        }
      }
      return false
    }()
    b.place(start)
    if !alwaysTrue { try compileCondition(test, jumpIfTrue: false, orelseLabel) }
    blocks.append(.whileLoop(start: start, end: end))
    try compileBody(body)
    blocks.removeLast()
    b.range = test.range
    b.emitJump(.jumpBackward, start)
    b.place(orelseLabel)
    try compileBody(orelse)
    b.place(end)
  }

  private func compileFor(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws(PyException) {
    try compileExpr(iter)
    b.emit(.getIter)
    let start = b.newLabel()
    let cleanup = b.newLabel()
    let end = b.newLabel()
    b.place(start)
    b.range = iter.range
    b.emitJump(.forIter, cleanup)
    try compileStore(target)
    blocks.append(.forLoop(start: start, end: end))
    try compileBody(body)
    blocks.removeLast()
    b.range = iter.range
    b.emitJump(.jumpBackward, start)
    b.place(cleanup)
    try compileBody(orelse)
    b.place(end)
  }

  // MARK: try

  /// try/except[/else] (no finally).
  private func compileTryExcept(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], isStar: Bool) throws(PyException) {
    let handlerLabel = b.newLabel()
    let end = b.newLabel()
    let baseDepth = b.depth
    let outer = b.pushHandler(handlerLabel, depth: baseDepth)
    blocks.append(.tryExcept(outerHandler: outer))
    try compileBody(body)
    blocks.removeLast()
    b.currentHandler = outer
    try compileBody(orelse)
    b.emitJump(.jump, end)
    try compileHandlers(handlers, handlerLabel: handlerLabel, baseDepth: baseDepth, outer: outer, end: end, isStar: isStar)
    b.place(end)
  }

  /// The except clauses; entered with `[exc]` on top of `baseDepth`.
  private func compileHandlers(_ handlers: [ExceptHandler], handlerLabel: Label, baseDepth: Int, outer: Int,
                               end: Label, isStar: Bool) throws(PyException) {
    if isStar {
      try compileStarHandlers(handlers, handlerLabel: handlerLabel, baseDepth: baseDepth, outer: outer, end: end)
      return
    }
    let cleanup = b.newLabel()
    b.place(handlerLabel)
    b.setDepth(baseDepth + 1)
    // While handling, an exception escaping the handler must restore the
    // previously handled exception first.
    _ = b.pushHandler(cleanup, depth: baseDepth + 1, pushLasti: false)
    let cleanupHandler = b.currentHandler
    b.emit(.pushExcInfo)   // [prev, exc]
    for (i, h) in handlers.enumerated() {
      b.range = h.range
      let next = b.newLabel()
      if let t = h.type {
        try compileExpr(t)
        b.emit(.checkExcMatch)     // [prev, exc, bool]
        b.emitJump(.popJumpIfFalse, next)
      } else if i != handlers.count - 1 {
        throw syntaxError("default 'except:' must be last", h.range)
      }
      try compileHandlerBody(h, baseDepth: baseDepth, outer: outer, cleanupHandler: cleanupHandler) {
        b.emitJump(.jump, end)
      }
      b.currentHandler = cleanupHandler
      b.place(next)
      b.setDepth(baseDepth + 2)
    }
    // No clause matched: re-raise (the cleanup handler restores prev).
    b.emit(.reraise)
    b.currentHandler = outer
    b.place(cleanup)
    b.setDepth(baseDepth + 2)          // [prev, exc2]
    b.emit(.swap, 2)
    b.emit(.popExcept)
    b.emit(.reraise)
  }

  /// One except clause whose matched exception is on top of `[prev]`:
  /// binds it (or drops it), runs the body, restores `prev`, then `leave()`.
  private func compileHandlerBody(_ h: ExceptHandler, baseDepth: Int, outer: Int, cleanupHandler: Int,
                                  leave: () -> Void) throws(PyException) {
    if let name = h.name {
      compileStoreName(name)        // [prev]
      let nameCleanup = b.newLabel()
      let inner = b.pushHandler(nameCleanup, depth: baseDepth + 1)
      blocks.append(.exceptHandler(name: name, outerHandler: outer))
      try compileBody(h.body)
      blocks.removeLast()
      b.currentHandler = inner
      b.emit(.popExcept)
      unbind(name)
      b.currentHandler = outer
      leave()
      // An exception inside the body: unbind the name, then re-raise.
      b.place(nameCleanup)
      b.setDepth(baseDepth + 2)
      b.currentHandler = cleanupHandler
      unbind(name)
      b.emit(.reraise)
    } else {
      b.emit(.popTop)               // [prev]
      blocks.append(.exceptHandler(name: nil, outerHandler: outer))
      try compileBody(h.body)
      blocks.removeLast()
      b.currentHandler = cleanupHandler
      b.emit(.popExcept)
      b.currentHandler = outer
      leave()
    }
  }

  /// `except*` clauses (PEP 654). Each clause takes the part of the group
  /// it matches and leaves the rest to the next one. What the clauses raise
  /// is collected, not propagated at once: at the end `prepReraiseStar`
  /// combines it with whatever no clause took, and that (if anything) is
  /// raised.
  private func compileStarHandlers(_ handlers: [ExceptHandler], handlerLabel: Label, baseDepth: Int, outer: Int,
                                   end: Label) throws(PyException) {
    let cleanup = b.newLabel()
    b.place(handlerLabel)
    b.setDepth(baseDepth + 1)
    _ = b.pushHandler(cleanup, depth: baseDepth + 1, pushLasti: false)
    let cleanupHandler = b.currentHandler
    b.emit(.pushExcInfo)                    // [prev, orig]
    b.emit(.copy, 1)
    b.emit(.buildList, 0)
    b.emit(.swap, 2)                        // [prev, orig, raised, rest]
    let clauseDepth = baseDepth + 4
    for h in handlers {
      b.range = h.range
      guard let t = h.type else { throw syntaxError("expected exception type after except*", h.range) }
      let noMatch = b.newLabel()
      let nextClause = b.newLabel()
      try compileExpr(t)
      b.emit(.checkEgMatch)                 // [prev, orig, raised, rest', match]
      b.emit(.copy, 1)
      b.emitJump(.popJumpIfNone, noMatch)
      let bodyFailed = b.newLabel()
      if let name = h.name { compileStoreName(name) } else { b.emit(.popTop) }
      _ = b.pushHandler(bodyFailed, depth: clauseDepth)
      blocks.append(.exceptStarHandler)
      try compileBody(h.body)
      blocks.removeLast()
      b.currentHandler = cleanupHandler
      if let name = h.name { unbind(name) }
      b.emitJump(.jump, nextClause)
      // The clause raised: keep its exception for the end.
      b.place(bodyFailed)
      b.setDepth(clauseDepth + 1)           // [prev, orig, raised, rest', exc]
      if let name = h.name { unbind(name) }
      b.emit(.listAppend, 2)
      b.emitJump(.jump, nextClause)
      b.place(noMatch)                      // [prev, orig, raised, rest', None]
      b.setDepth(clauseDepth + 1)
      b.emit(.popTop)
      b.place(nextClause)
      b.setDepth(clauseDepth)
    }
    b.emit(.listAppend, 1)                  // [prev, orig, raised + [rest]]
    b.emit(.prepReraiseStar)                // [prev, result]
    let raiseResult = b.newLabel()
    b.emit(.copy, 1)
    b.emitJump(.popJumpIfNotNone, raiseResult)
    b.emit(.popTop)
    b.currentHandler = outer
    b.emit(.popExcept)
    b.emitJump(.jump, end)
    b.place(raiseResult)
    b.setDepth(baseDepth + 2)
    b.currentHandler = cleanupHandler
    b.emit(.reraise)                        // the cleanup restores prev
    b.currentHandler = outer
    b.place(cleanup)
    b.setDepth(baseDepth + 2)
    b.emit(.swap, 2)
    b.emit(.popExcept)
    b.emit(.reraise)
  }

  /// `name = None; del name`: an except clause's target does not outlive it.
  func unbind(_ name: String) {
    loadConstant(.none)
    compileStoreName(name)
    compileDeleteName(name)
  }

  private func compileTryFinally(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt],
                                 isStar: Bool) throws(PyException) {
    let finallyHandler = b.newLabel()
    let end = b.newLabel()
    let baseDepth = b.depth
    let outer = b.pushHandler(finallyHandler, depth: baseDepth)
    blocks.append(.tryFinally(finalbody: finalbody, outerHandler: outer))
    if handlers.isEmpty {
      try compileBody(body)
    } else {
      try compileTryExcept(body: body, handlers: handlers, orelse: orelse, isStar: isStar)
    }
    blocks.removeLast()
    b.currentHandler = outer
    // Normal exit: run the finally body inline.
    try compileBody(finalbody)
    b.emitJump(.jump, end)
    // Exceptional exit.
    b.place(finallyHandler)
    b.setDepth(baseDepth + 1)
    let cleanup = b.newLabel()
    _ = b.pushHandler(cleanup, depth: baseDepth + 1)
    let cleanupHandler = b.currentHandler
    b.emit(.pushExcInfo)               // [prev, exc]
    blocks.append(.finallyEnd(outerHandler: outer))
    try compileBody(finalbody)
    blocks.removeLast()
    b.emit(.reraise)
    b.currentHandler = outer
    b.place(cleanup)
    b.setDepth(baseDepth + 2)
    b.emit(.swap, 2)
    b.emit(.popExcept)
    b.emit(.reraise)
    b.place(end)
  }

  // MARK: with

  private func compileWith(_ items: ArraySlice<WithItem>, _ body: [Stmt]) throws(PyException) {
    guard let item = items.first else {
      try compileBody(body)
      return
    }
    try compileExpr(item.contextExpr)
    // Entering and exiting are located at the context expression (CPython
    // 3.12+), not at the whole statement with its body.
    let statement = b.range
    b.range = item.contextExpr.range
    defer { b.range = statement }
    b.emit(.beforeWith)                // [exit, entered]
    let baseDepth = b.depth - 1        // depth with [exit]
    let handler = b.newLabel()
    let end = b.newLabel()
    let outer = b.pushHandler(handler, depth: baseDepth)
    if let v = item.optionalVars {
      try compileStore(v)
    } else {
      b.emit(.popTop)
    }
    blocks.append(.with(outerHandler: outer))
    try compileWith(items.dropFirst(), body)
    blocks.removeLast()
    b.currentHandler = outer
    // Normal exit: exit(None, None, None).
    b.emit(.pushNull)
    loadConstant(.none)
    loadConstant(.none)
    loadConstant(.none)
    b.emit(.call, 3)
    b.emit(.popTop)
    b.emitJump(.jump, end)
    // Exceptional exit: [exit, exc]
    b.place(handler)
    b.setDepth(baseDepth + 1)
    let cleanup = b.newLabel()
    _ = b.pushHandler(cleanup, depth: baseDepth + 1)
    b.emit(.pushExcInfo)               // [exit, prev, exc]
    b.emit(.withExceptStart)           // [exit, prev, exc, res]
    let suppress = b.newLabel()
    b.emitJump(.popJumpIfTrue, suppress)
    b.emit(.reraise)
    b.place(suppress)                  // [exit, prev, exc]
    b.emit(.popTop)                    // [exit, prev]
    b.emit(.popExcept)                 // [exit]
    b.currentHandler = outer
    b.emit(.popTop)
    b.emitJump(.jump, end)
    b.place(cleanup)
    b.setDepth(baseDepth + 2)          // [exit, prev, exc2]
    b.emit(.swap, 2)
    b.emit(.popExcept)
    b.emit(.reraise)
    b.place(end)
  }
}
