extension Compiler {
  private func childQualname(_ name: String) -> String {
    switch scope.kind {
    case .module: return name
    case .classBody: return qualname + "." + name
    default: return qualname + ".<locals>." + name
    }
  }

  /// Pushes defaults, keyword defaults, annotations and the closure for a
  /// function about to be made; returns the MAKE_FUNCTION flags.
  private func compileFunctionPrelude(_ args: Arguments, returns: Expr?, child: Scope,
                                      annotations: Bool) throws(PyException) -> MakeFunctionFlags {
    var flags: MakeFunctionFlags = []
    if !args.defaults.isEmpty {
      for d in args.defaults { try compileExpr(d) }
      b.emit(.buildTuple, args.defaults.count)
      flags.insert(.defaults)
    }
    let kwPairs = zip(args.kwonlyArgs, args.kwDefaults).compactMap { a, d in d.map { (a.name, $0) } }
    if !kwPairs.isEmpty {
      for (n, d) in kwPairs {
        loadConstant(.str(n))
        try compileExpr(d)
      }
      b.emit(.buildMap, kwPairs.count)
      flags.insert(.kwDefaults)
    }
    if annotations {
      var count = 0
      let all = args.posonlyArgs + args.args + [args.vararg].compactMap { $0 } + args.kwonlyArgs
        + [args.kwarg].compactMap { $0 }
      for a in all {
        if let ann = a.annotation {
          loadConstant(.str(a.name))
          try compileAnnotation(ann)
          count += 1
        }
      }
      if let r = returns {
        loadConstant(.str("return"))
        try compileAnnotation(r)
        count += 1
      }
      if count > 0 {
        b.emit(.buildMap, count)
        flags.insert(.annotations)
      }
    }
    if !child.freeVars.isEmpty {
      for fv in child.freeVars { loadClosure(fv) }
      b.emit(.buildTuple, child.freeVars.count)
      flags.insert(.closure)
    }
    return flags
  }

  /// Annotations are evaluated when the function is defined; a name that is
  /// not defined yet (a forward reference) is kept as its source string, as
  /// PEP 649's deferred evaluation would show it.
  private func compileAnnotation(_ e: Expr) throws(PyException) {
    try compileExpr(e)
  }

  func compileFunctionDef(_ fd: FunctionDef, _ range: SourceRange) throws(PyException) {
    for d in fd.decorators {
      try compileExpr(d)
      b.emit(.pushNull)
    }
    let child = scope.takeChild()
    let flags = try compileFunctionPrelude(fd.args, returns: fd.returns, child: child, annotations: true)
    let code = try compileFunctionBody(child, name: fd.name, qualname: childQualname(fd.name), args: fd.args,
                                       body: fd.body, range: range)
    b.range = range
    b.emit(.loadConst, b.constant(code: code))
    b.emit(.makeFunction, flags.rawValue)
    applyDecorators(fd.decorators)
    b.range = range
    compileStoreName(fd.name)
  }

  /// Calls the decorators (innermost first), each located at its own
  /// expression as in CPython, so a failing decorator's line is shown.
  private func applyDecorators(_ decorators: [Expr]) {
    for d in decorators.reversed() {
      b.range = d.range
      b.emit(.call, 1)
    }
  }

  private func compileFunctionBody(_ child: Scope, name: String, qualname: String, args: Arguments,
                                   body: [Stmt], range: SourceRange) throws(PyException) -> CodeObject {
    let c = Compiler(scope: child, filename: filename, sourceLines: sourceLines, qualname: qualname,
                     firstLine: range.line)
    c.staticAttributes = staticAttributes
    var stmts = body[...]
    var docstring: String? = nil
    if let first = stmts.first, case .expr(let e) = first.kind, case .constant(.str(let s)) = e.kind {
      docstring = s
      stmts = stmts.dropFirst()
    }
    for s in stmts { try c.compileStmt(s) }
    if !c.b.unreachable {
      c.b.range = SourceRange(line: body.last?.range.endLine ?? range.line, col: 0, endLine: 0, endCol: 0)
      c.b.emit(.returnConst, c.constant(.none))
    }
    var flags: CodeFlags = []
    if args.vararg != nil { flags.insert(.varargs) }
    if args.kwarg != nil { flags.insert(.varkeywords) }
    if scope.kind != .module { flags.insert(.nested) }
    return c.finish(name: name, flags: flags, argcount: args.posonlyArgs.count + args.args.count,
                    posonly: args.posonlyArgs.count, kwonly: args.kwonlyArgs.count, docstring: docstring)
  }

  func compileLambda(_ args: Arguments, _ body: Expr, _ range: SourceRange) throws(PyException) {
    let child = scope.takeChild()
    let flags = try compileFunctionPrelude(args, returns: nil, child: child, annotations: false)
    let c = Compiler(scope: child, filename: filename, sourceLines: sourceLines,
                     qualname: childQualname("<lambda>"), firstLine: range.line)
    c.staticAttributes = staticAttributes
    c.b.range = body.range
    try c.compileExpr(body)
    if child.isGenerator {
      c.b.emit(.popTop)
      c.b.emit(.returnConst, c.constant(.none))
    } else {
      c.b.emit(.returnValue)
    }
    var cflags: CodeFlags = []
    if args.vararg != nil { cflags.insert(.varargs) }
    if args.kwarg != nil { cflags.insert(.varkeywords) }
    let code = c.finish(name: "<lambda>", flags: cflags, argcount: args.posonlyArgs.count + args.args.count,
                        posonly: args.posonlyArgs.count, kwonly: args.kwonlyArgs.count, docstring: nil)
    b.range = range
    b.emit(.loadConst, b.constant(code: code))
    b.emit(.makeFunction, flags.rawValue)
  }

  // MARK: Classes

  func compileClassDef(_ cd: ClassDef, _ range: SourceRange) throws(PyException) {
    for d in cd.decorators {
      try compileExpr(d)
      b.emit(.pushNull)
    }
    let child = scope.takeChild()
    let qn = childQualname(cd.name)
    let c = Compiler(scope: child, filename: filename, sourceLines: sourceLines, qualname: qn, firstLine: range.line)
    c.staticAttributes = StaticAttributes()
    c.b.range = range
    c.b.emit(.loadName, c.b.name("__name__"))
    c.b.emit(.storeName, c.b.name("__module__"))
    c.loadConstant(.str(qn))
    c.b.emit(.storeName, c.b.name("__qualname__"))
    c.loadConstant(.int(range.line))
    c.b.emit(.storeName, c.b.name("__firstlineno__"))
    var stmts = cd.body[...]
    var doc: String? = nil
    if let first = stmts.first, case .expr(let e) = first.kind, case .constant(.str(let s)) = e.kind {
      doc = s
      c.loadConstant(.str(s))
      c.b.emit(.storeName, c.b.name("__doc__"))
      stmts = stmts.dropFirst()
    }
    if child.hasAnnotations { c.b.emit(.setupAnnotations) }
    for s in stmts { try c.compileStmt(s) }
    // CPython 3.13+: the names assigned as `self.NAME` in the class's
    // methods, sorted.
    let attributes = c.staticAttributes!.names.sorted()
    for name in attributes { c.loadConstant(.str(name)) }
    c.b.emit(.buildTuple, attributes.count)
    c.b.emit(.storeName, c.b.name("__static_attributes__"))
    if child.cellVars.contains("__class__") {
      c.loadClosure("__class__")
      c.b.emit(.storeName, c.b.name("__classcell__"))
    }
    c.b.emit(.returnConst, c.constant(.none))
    let code = c.finish(name: cd.name, flags: [.classBody], argcount: 0, posonly: 0, kwonly: 0, docstring: doc)

    b.range = range
    b.emit(.loadBuildClass)
    b.emit(.pushNull)
    var flags: MakeFunctionFlags = []
    if !child.freeVars.isEmpty {
      for fv in child.freeVars { loadClosure(fv) }
      b.emit(.buildTuple, child.freeVars.count)
      flags.insert(.closure)
    }
    b.emit(.loadConst, b.constant(code: code))
    b.emit(.makeFunction, flags.rawValue)
    loadConstant(.str(cd.name))
    let hasStar = cd.bases.contains { if case .starred = $0.kind { return true } else { return false } }
    let hasDoubleStar = cd.keywords.contains { $0.name == nil }
    if hasStar || hasDoubleStar {
      // [build_class, null, func, name, *bases] as a tuple, kwargs as a dict.
      b.emit(.buildList, 2)
      for x in cd.bases {
        if case .starred(let inner) = x.kind {
          try compileExpr(inner)
          b.emit(.listExtend, 1)
        } else {
          try compileExpr(x)
          b.emit(.listAppend, 1)
        }
      }
      b.emit(.listToTuple)
      var hasKw = 0
      if !cd.keywords.isEmpty {
        hasKw = 1
        b.emit(.buildMap, 0)
        for k in cd.keywords {
          if let name = k.name {
            loadConstant(.str(name))
            try compileExpr(k.value)
            b.emit(.buildMap, 1)
            b.emit(.dictMerge, 1)
          } else {
            try compileExpr(k.value)
            b.emit(.dictMerge, 1)
          }
        }
      }
      b.emit(.callFunctionEx, hasKw)
    } else {
      for x in cd.bases { try compileExpr(x) }
      if cd.keywords.isEmpty {
        b.emit(.call, 2 + cd.bases.count)
      } else {
        for k in cd.keywords { try compileExpr(k.value) }
        let names = cd.keywords.map { Value($0.name!) }
        b.emit(.loadConst, b.constant(.object(PyTuple(names)), key: .tuple(cd.keywords.map { .str($0.name!) })))
        b.emit(.callKw, 2 + cd.bases.count + cd.keywords.count)
      }
    }
    applyDecorators(cd.decorators)
    b.range = range
    compileStoreName(cd.name)
  }

  // MARK: Comprehensions

  /// A comprehension is a nested function called at once with the iterator
  /// of its first iterable (evaluated in the enclosing scope).
  func compileComprehension(_ e: Expr, _ name: String, _ gens: [Comprehension],
                            _ element: (Compiler, Int) throws(PyException) -> Void) throws(PyException) {
    let child = scope.takeChild()
    let c = Compiler(scope: child, filename: filename, sourceLines: sourceLines,
                     qualname: childQualname(name), firstLine: e.range.line)
    c.staticAttributes = staticAttributes
    c.b.range = e.range
    let isGenerator = child.isGenerator
    if !isGenerator {
      switch e.kind {
      case .listComp: c.b.emit(.buildList, 0)
      case .setComp: c.b.emit(.buildSet, 0)
      default: c.b.emit(.buildMap, 0)
      }
    }
    try c.compileGenerators(gens[...], isFirst: true, depth: isGenerator ? 0 : 1, element: element)
    if isGenerator {
      c.b.emit(.returnConst, c.constant(.none))
    } else {
      c.b.emit(.returnValue)
    }
    let code = c.finish(name: name, flags: [.nested], argcount: 1, posonly: 0, kwonly: 0, docstring: nil)
    b.range = e.range
    var flags: MakeFunctionFlags = []
    if !child.freeVars.isEmpty {
      for fv in child.freeVars { loadClosure(fv) }
      b.emit(.buildTuple, child.freeVars.count)
      flags.insert(.closure)
    }
    b.emit(.loadConst, b.constant(code: code))
    b.emit(.makeFunction, flags.rawValue)
    b.emit(.pushNull)
    try compileExpr(gens[0].iter)
    b.emit(.getIter)
    b.emit(.call, 1)
  }

  /// The nested loops of a comprehension; `depth` counts the values below
  /// the innermost iterator down to the result container.
  private func compileGenerators(_ gens: ArraySlice<Comprehension>, isFirst: Bool, depth: Int,
                                 element: (Compiler, Int) throws(PyException) -> Void) throws(PyException) {
    guard let g = gens.first else {
      try element(self, depth)
      return
    }
    if isFirst {
      b.emit(.loadFast, 0)   // .0: the iterator
    } else {
      try compileExpr(g.iter)
      b.emit(.getIter)
    }
    let start = b.newLabel()
    let end = b.newLabel()
    b.place(start)
    b.range = g.iter.range
    b.emitJump(.forIter, end)
    try compileStore(g.target)
    let next = b.newLabel()
    for cond in g.ifs { try compileCondition(cond, jumpIfTrue: false, next) }
    try compileGenerators(gens.dropFirst(), isFirst: false, depth: depth + 1, element: element)
    b.place(next)
    b.emitJump(.jumpBackward, start)
    b.place(end)
  }
}
