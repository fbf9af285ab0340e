extension Compiler {
  func binaryOpKind(_ op: BinaryOperator) -> BinaryOpKind {
    switch op {
    case .add: return .add
    case .sub: return .sub
    case .mult: return .mul
    case .matMult: return .matMul
    case .div: return .trueDiv
    case .floorDiv: return .floorDiv
    case .mod: return .mod
    case .pow: return .pow
    case .lShift: return .lshift
    case .rShift: return .rshift
    case .bitAnd: return .and
    case .bitOr: return .or
    case .bitXor: return .xor
    }
  }

  func compileExpr(_ e: Expr) throws(PyException) {
    let saved = b.range
    b.range = e.range
    defer { b.range = saved }
    switch e.kind {
    case .constant(let c):
      loadConstant(c)

    case .name(let n):
      compileLoadName(n)

    case .attribute(let obj, let attr):
      try compileExpr(obj)
      b.range = Compiler.attributeLocation(e.range, of: e)
      b.emit(.loadAttr, b.name(attr))

    case .binOp(let l, let op, let r):
      if let folded = foldBinary(l, op, r) {
        b.emit(.loadConst, folded)
        return
      }
      try compileExpr(l)
      try compileExpr(r)
      b.range = e.range
      b.emit(.binaryOp, binaryOpKind(op).rawValue)

    case .unaryOp(let op, let operand):
      if op == .uSub, case .constant(let c) = operand.kind {
        switch c {
        case .int(let i) where i != Int.min:
          loadConstant(.int(-i))
          return
        case .float(let d):
          loadConstant(.float(-d))
          return
        case .bigInt(let big):
          loadConstant(.bigInt(-big))
          return
        default: break
        }
      }
      try compileExpr(operand)
      b.range = e.range
      switch op {
      case .not: b.emit(.unaryNot)
      case .uSub: b.emit(.unaryNegative)
      case .uAdd: b.emit(.unaryPositive)
      case .invert: b.emit(.unaryInvert)
      }

    case .boolOp(let op, let values):
      let end = b.newLabel()
      for (i, v) in values.enumerated() {
        try compileExpr(v)
        if i < values.count - 1 {
          b.emitJump(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop, end)
        }
      }
      b.place(end)

    case .compare(let left, let ops, let comparators):
      try compileCompare(left, ops, comparators, e.range)

    case .ifExp(let test, let body, let orelse):
      let elseLabel = b.newLabel()
      let end = b.newLabel()
      try compileCondition(test, jumpIfTrue: false, elseLabel)
      try compileExpr(body)
      b.emitJump(.jump, end)
      b.place(elseLabel)
      try compileExpr(orelse)
      b.place(end)

    case .call(let fn, let args, let keywords):
      try compileCall(fn, args, keywords, e.range)

    case .subscript(let obj, let slice):
      try compileExpr(obj)
      try compileExpr(slice)
      b.range = e.range
      b.emit(.binarySubscr)

    case .slice(let lower, let upper, let step):
      if let l = lower { try compileExpr(l) } else { loadConstant(.none) }
      if let u = upper { try compileExpr(u) } else { loadConstant(.none) }
      if let s = step {
        try compileExpr(s)
        b.emit(.buildSlice, 3)
      } else {
        b.emit(.buildSlice, 2)
      }

    case .tuple(let elts):
      if let key = constantTupleKey(elts) {
        b.emit(.loadConst, b.constant(constantTupleValue(elts), key: key))
        return
      }
      try compileSequence(elts, kind: .tuple)

    case .list(let elts):
      try compileSequence(elts, kind: .list)

    case .set(let elts):
      try compileSequence(elts, kind: .set)

    case .dict(let keys, let values):
      try compileDict(keys, values)

    case .listComp(let elt, let gens):
      try compileComprehension(e, "<listcomp>", gens) { (c: Compiler, depth: Int) throws(PyException) in
        try c.compileExpr(elt)
        c.b.emit(.listAppend, depth)
      }
    case .setComp(let elt, let gens):
      try compileComprehension(e, "<setcomp>", gens) { (c: Compiler, depth: Int) throws(PyException) in
        try c.compileExpr(elt)
        c.b.emit(.setAdd, depth)
      }
    case .dictComp(let key, let value, let gens):
      try compileComprehension(e, "<dictcomp>", gens) { (c: Compiler, depth: Int) throws(PyException) in
        try c.compileExpr(key)
        try c.compileExpr(value)
        c.b.emit(.mapAdd, depth)
      }
    case .generatorExp(let elt, let gens):
      try compileComprehension(e, "<genexpr>", gens) { (c: Compiler, depth: Int) throws(PyException) in
        try c.compileExpr(elt)
        c.b.emit(.yieldValue)
        c.b.emit(.popTop)
      }

    case .lambda(let args, let body):
      try compileLambda(args, body, e.range)

    case .namedExpr(let target, let value):
      try compileExpr(value)
      b.emit(.copy, 1)
      compileStoreName(target)

    case .yield(let value):
      if let v = value { try compileExpr(v) } else { loadConstant(.none) }
      b.emit(.yieldValue)

    case .yieldFrom(let value):
      try compileExpr(value)
      b.emit(.getYieldFromIter)
      loadConstant(.none)
      try compileYieldFromLoop()

    case .await_(let value):
      if !scope.isFunctionLike {
        throw syntaxError("'await' outside function", e.range)
      }
      try compileExpr(value)
      b.emit(.getYieldFromIter)
      loadConstant(.none)
      try compileYieldFromLoop()

    case .joinedStr(let parts):
      try compileJoinedStr(parts)

    case .formattedValue:
      try compileJoinedStr([e])

    case .starred:
      throw syntaxError("can't use starred expression here", e.range)
    }
  }

  /// `[sub, value]` on the stack: the SEND/YIELD loop of `yield from` and `await`.
  func compileYieldFromLoop() throws(PyException) {
    let send = b.newLabel()
    let exit = b.newLabel()
    b.place(send)
    b.emitJump(.send, exit)
    b.emit(.yieldValue)
    b.emitJump(.jump, send)
    b.place(exit)
  }

  // MARK: Constant folding

  private func foldBinary(_ l: Expr, _ op: BinaryOperator, _ r: Expr) -> Int? {
    guard case .constant(let a) = l.kind, case .constant(let c) = r.kind else { return nil }
    switch (a, c, op) {
    case (.int(let x), .int(let y), .add):
      let (v, o) = x.addingReportingOverflow(y)
      return o ? nil : constant(.int(v))
    case (.int(let x), .int(let y), .sub):
      let (v, o) = x.subtractingReportingOverflow(y)
      return o ? nil : constant(.int(v))
    case (.int(let x), .int(let y), .mult):
      let (v, o) = x.multipliedReportingOverflow(by: y)
      return o ? nil : constant(.int(v))
    case (.str(let x), .str(let y), .add):
      return constant(.str(x + y))
    default:
      return nil
    }
  }

  private func constantTupleKey(_ elts: [Expr]) -> ConstKey? {
    var keys: [ConstKey] = []
    for e in elts {
      switch e.kind {
      case .constant(let c):
        guard let k = constantKey(c) else { return nil }
        keys.append(k)
      case .tuple(let inner):
        guard let k = constantTupleKey(inner) else { return nil }
        keys.append(k)
      case .unaryOp(.uSub, let operand):
        guard case .constant(.int(let i)) = operand.kind, i != Int.min else { return nil }
        keys.append(.int(-i))
      default:
        return nil
      }
    }
    return .tuple(keys)
  }

  private func constantTupleValue(_ elts: [Expr]) -> Value {
    var items: [Value] = []
    for e in elts {
      switch e.kind {
      case .constant(let c): items.append(constantValue(c))
      case .tuple(let inner): items.append(constantTupleValue(inner))
      case .unaryOp(.uSub, let operand):
        if case .constant(.int(let i)) = operand.kind { items.append(.int(-i)) }
      default: break
      }
    }
    return .object(PyTuple.make(items))
  }

  // MARK: Comparisons and conditions

  private func emitCompare(_ op: CompareOperator) {
    switch op {
    case .eq: b.emit(.compareOp, CompareKind.eq.rawValue)
    case .notEq: b.emit(.compareOp, CompareKind.ne.rawValue)
    case .lt: b.emit(.compareOp, CompareKind.lt.rawValue)
    case .ltE: b.emit(.compareOp, CompareKind.le.rawValue)
    case .gt: b.emit(.compareOp, CompareKind.gt.rawValue)
    case .gtE: b.emit(.compareOp, CompareKind.ge.rawValue)
    case .is_: b.emit(.isOp, 0)
    case .isNot: b.emit(.isOp, 1)
    case .in_: b.emit(.containsOp, 0)
    case .notIn: b.emit(.containsOp, 1)
    }
  }

  private func compileCompare(_ left: Expr, _ ops: [CompareOperator], _ comparators: [Expr],
                              _ range: SourceRange) throws(PyException) {
    try compileExpr(left)
    if ops.count == 1 {
      try compileExpr(comparators[0])
      b.range = range
      emitCompare(ops[0])
      return
    }
    let cleanup = b.newLabel()
    let end = b.newLabel()
    for i in 0..<(ops.count - 1) {
      try compileExpr(comparators[i])
      b.range = range
      b.emit(.swap, 2)
      b.emit(.copy, 2)
      emitCompare(ops[i])
      b.emitJump(.jumpIfFalseOrPop, cleanup)
    }
    try compileExpr(comparators.last!)
    b.range = range
    emitCompare(ops.last!)
    b.emitJump(.jump, end)
    b.place(cleanup)
    b.emit(.swap, 2)
    b.emit(.popTop)
    b.place(end)
  }

  /// Compiles `e` as a branch: jumps to `label` when its truth equals `jumpIfTrue`.
  func compileCondition(_ e: Expr, jumpIfTrue: Bool, _ label: Label) throws(PyException) {
    switch e.kind {
    case .unaryOp(.not, let inner):
      try compileCondition(inner, jumpIfTrue: !jumpIfTrue, label)
      return
    case .boolOp(let op, let values):
      let isAnd = op == .and
      if isAnd != jumpIfTrue {
        // and/false or or/true: any operand decides.
        for v in values { try compileCondition(v, jumpIfTrue: jumpIfTrue, label) }
      } else {
        let skip = b.newLabel()
        for v in values.dropLast() { try compileCondition(v, jumpIfTrue: !jumpIfTrue, skip) }
        try compileCondition(values.last!, jumpIfTrue: jumpIfTrue, label)
        b.place(skip)
      }
      return
    case .constant(let c):
      let truth: Bool? = {
        switch c {
        case .bool(let v): return v
        case .none: return false
        case .int(let i): return i != 0
        default: return nil
        }
      }()
      if let t = truth {
        if t == jumpIfTrue { b.emitJump(.jump, label) }
        return
      }
    default:
      break
    }
    try compileExpr(e)
    b.range = e.range
    b.emitJump(jumpIfTrue ? .popJumpIfTrue : .popJumpIfFalse, label)
  }

  // MARK: Calls

  private func compileCall(_ fn: Expr, _ args: [Expr], _ keywords: [Keyword], _ range: SourceRange) throws(PyException) {
    let hasStar = args.contains { if case .starred = $0.kind { return true } else { return false } }
    let hasDoubleStar = keywords.contains { $0.name == nil }
    if case .attribute(let obj, let attr) = fn.kind {
      try compileExpr(obj)
      b.range = Compiler.attributeLocation(fn.range, of: fn)
      b.emit(.loadMethod, b.name(attr))
    } else {
      try compileExpr(fn)
      b.emit(.pushNull)
    }
    if hasStar || hasDoubleStar || args.count + keywords.count > 255 {
      if args.count == 1, case .starred(let inner) = args[0].kind {
        // `f(*xs)`: the iterable itself; the call turns it into arguments.
        try compileExpr(inner)
      } else {
        try compileSequence(args, kind: .tuple, forceList: hasStar)
      }
      var hasKw = 0
      if keywords.count == 1, keywords[0].name == nil {
        // `f(..., **kw)`: passed as is; the call copies what is not a dict.
        hasKw = 1
        try compileExpr(keywords[0].value)
      } else if !keywords.isEmpty {
        hasKw = 1
        b.emit(.buildMap, 0)
        var pending = 0
        for k in keywords {
          if let name = k.name {
            loadConstant(.str(name))
            try compileExpr(k.value)
            pending += 1
          } else {
            if pending > 0 {
              b.emit(.buildMap, pending)
              b.emit(.dictMerge, 1)
              pending = 0
            }
            try compileExpr(k.value)
            b.emit(.dictMerge, 1)
          }
        }
        if pending > 0 {
          b.emit(.buildMap, pending)
          b.emit(.dictMerge, 1)
        }
      }
      b.range = range
      b.emit(.callFunctionEx, hasKw)
      return
    }
    // A method call is located from its `.name` when it spans lines.
    let callRange = Compiler.attributeLocation(range, of: fn)
    for a in args { try compileExpr(a) }
    if keywords.isEmpty {
      b.range = callRange
      b.emit(.call, args.count)
      return
    }
    for k in keywords { try compileExpr(k.value) }
    let names = keywords.map { Value($0.name!) }
    b.emit(.loadConst, b.constant(.object(PyTuple(names)), key: .tuple(keywords.map { .str($0.name!) })))
    b.range = callRange
    b.emit(.callKw, args.count + keywords.count)
  }

  // MARK: Displays

  enum SequenceKind { case tuple, list, set }

  private func compileSequence(_ elts: [Expr], kind: SequenceKind, forceList: Bool = false) throws(PyException) {
    let hasStar = elts.contains { if case .starred = $0.kind { return true } else { return false } }
    if !hasStar && !forceList {
      for x in elts { try compileExpr(x) }
      switch kind {
      case .tuple: b.emit(.buildTuple, elts.count)
      case .list: b.emit(.buildList, elts.count)
      case .set: b.emit(.buildSet, elts.count)
      }
      return
    }
    if kind == .set {
      b.emit(.buildSet, 0)
      for x in elts {
        if case .starred(let inner) = x.kind {
          try compileExpr(inner)
          b.emit(.setUpdate, 1)
        } else {
          try compileExpr(x)
          b.emit(.setAdd, 1)
        }
      }
      return
    }
    b.emit(.buildList, 0)
    for x in elts {
      if case .starred(let inner) = x.kind {
        try compileExpr(inner)
        b.emit(.listExtend, 1)
      } else {
        try compileExpr(x)
        b.emit(.listAppend, 1)
      }
    }
    if kind == .tuple { b.emit(.listToTuple) }
  }

  private func compileDict(_ keys: [Expr?], _ values: [Expr]) throws(PyException) {
    if !keys.contains(where: { $0 == nil }) {
      for (k, v) in zip(keys, values) {
        try compileExpr(k!)
        try compileExpr(v)
      }
      b.emit(.buildMap, keys.count)
      return
    }
    b.emit(.buildMap, 0)
    var pending = 0
    for (k, v) in zip(keys, values) {
      if let k {
        try compileExpr(k)
        try compileExpr(v)
        pending += 1
      } else {
        if pending > 0 {
          b.emit(.buildMap, pending)
          b.emit(.dictUpdate, 1)
          pending = 0
        }
        try compileExpr(v)
        b.emit(.dictUpdate, 1)
      }
    }
    if pending > 0 {
      b.emit(.buildMap, pending)
      b.emit(.dictUpdate, 1)
    }
  }

  // MARK: f-strings

  private func compileJoinedStr(_ parts: [Expr]) throws(PyException) {
    if parts.isEmpty {
      loadConstant(.str(""))
      return
    }
    for p in parts {
      switch p.kind {
      case .formattedValue(let value, let conversion, let spec):
        try compileExpr(value)
        var flags: UInt32 = 0
        switch conversion {
        case 115: flags = 1  // 's'
        case 114: flags = 2  // 'r'
        case 97: flags = 3   // 'a'
        default: flags = 0
        }
        if let s = spec {
          try compileExpr(s)
          flags |= 4
        }
        b.emit(.formatValue, flags)
      default:
        try compileExpr(p)
      }
    }
    if parts.count > 1 { b.emit(.buildString, parts.count) }
  }
}
