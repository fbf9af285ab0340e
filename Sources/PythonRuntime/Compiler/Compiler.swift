/// Turns an AST into code objects.
///
/// One `Compiler` compiles one scope (module, class body, function, lambda,
/// comprehension) into one `CodeObject`; nested scopes get their own
/// compiler and become constants of the enclosing code. Scoping decisions
/// come from the symbol table built beforehand.
final class Compiler {
  let scope: Scope
  /// The innermost enclosing class's `self.NAME` stores (nil outside classes).
  var staticAttributes: StaticAttributes?
  let b = CodeBuilder()
  let filename: String
  let sourceLines: [Substring]?
  let qualname: String
  let interactive: Bool
  var firstLine: Int

  /// Loops, try blocks, with blocks and except handlers currently open,
  /// innermost last — what `break`, `continue` and `return` must unwind.
  var blocks: [FBlock] = []

  /// Slot numbers of locals, cells and free variables.
  private var localSlots: [String: Int] = [:]
  private var cellSlots: [String: Int] = [:]

  enum FBlock {
    case whileLoop(start: Label, end: Label)
    case forLoop(start: Label, end: Label)
    /// `try` with a `finally`: the finally body runs on the way out.
    case tryFinally(finalbody: [Stmt], outerHandler: Int)
    /// Running the finally body after an exception: `[prev_exc, exc]` on the stack.
    case finallyEnd(outerHandler: Int)
    /// Inside an except clause: `[prev_exc]` on the stack; `name` is the `as` target.
    case exceptHandler(name: String?, outerHandler: Int)
    /// Inside a with block: `[exit]` on the stack.
    case with(outerHandler: Int)
    /// Inside try body of try/except (no cleanup, just handler scope).
    case tryExcept(outerHandler: Int)
    /// Inside an except* clause, which no jump may leave.
    case exceptStarHandler
  }

  init(scope: Scope, filename: String, sourceLines: [Substring]?, qualname: String, interactive: Bool = false,
       firstLine: Int) {
    self.scope = scope
    self.filename = filename
    self.sourceLines = sourceLines
    self.qualname = qualname
    self.interactive = interactive
    self.firstLine = firstLine
    if scope.isFunctionLike {
      for (i, n) in scope.localNames.enumerated() { localSlots[n] = i }
    }
    let nlocals = scope.isFunctionLike ? scope.localNames.count : 0
    for (i, n) in scope.cellVars.enumerated() { cellSlots[n] = nlocals + i }
    for (i, n) in scope.freeVars.enumerated() { cellSlots[n] = nlocals + scope.cellVars.count + i }
  }

  // MARK: Entry points

  /// Compiles a whole module (`exec` mode) or one interactive statement.
  static func compileModule(_ ast: ModuleAST, filename: String, source: String?) throws(PyException) -> CodeObject {
    let lines = source.map(splitSourceLines)
    switch ast {
    case .module(let body), .interactive(let body):
      let interactive: Bool
      if case .interactive = ast { interactive = true } else { interactive = false }
      let root = try SymbolTableBuilder.build(body, filename: filename)
      let c = Compiler(scope: root, filename: filename, sourceLines: lines, qualname: "<module>",
                       interactive: interactive, firstLine: 1)
      return try c.compileModuleBody(body)
    case .expression(let e):
      let root = try SymbolTableBuilder.buildExpression(e, filename: filename)
      let c = Compiler(scope: root, filename: filename, sourceLines: lines, qualname: "<module>", firstLine: 1)
      c.b.range = e.range
      try c.compileExpr(e)
      c.b.emit(.returnValue)
      return c.finish(name: "<module>", flags: [.moduleBody], argcount: 0, posonly: 0, kwonly: 0, docstring: nil)
    }
  }

  private func compileModuleBody(_ body: [Stmt]) throws(PyException) -> CodeObject {
    var stmts = body[...]
    var docstring: String? = nil
    if !interactive, let first = stmts.first, case .expr(let e) = first.kind, case .constant(.str(let s)) = e.kind {
      docstring = s
      b.range = first.range
      b.emit(.loadConst, constant(.str(s)))
      b.emit(.storeName, b.name("__doc__"))
      stmts = stmts.dropFirst()
    }
    if scope.hasAnnotations { b.emit(.setupAnnotations) }
    for s in stmts { try compileStmt(s) }
    if !b.unreachable {
      b.emit(.returnConst, constant(.none))
    }
    return finish(name: "<module>", flags: [.moduleBody], argcount: 0, posonly: 0, kwonly: 0, docstring: docstring)
  }

  func finish(name: String, flags: CodeFlags, argcount: Int, posonly: Int, kwonly: Int, docstring: String?) -> CodeObject {
    let asm = b.assemble()
    var f = flags
    if scope.isFunctionLike {
      f.insert(.optimized)
      f.insert(.newLocals)
    }
    if scope.freeVars.isEmpty && scope.cellVars.isEmpty { f.insert(.noFree) }
    if scope.isGenerator {
      f.insert(scope.isCoroutine ? .asyncGenerator : .generator)
    } else if scope.isCoroutine && scope.kind == .function {
      f.insert(.coroutine)
    }
    let cellArgs: [Int?] = scope.cellVars.map { n in scope.isFunctionLike ? localSlots[n].flatMap { $0 < scope.parameters.count ? $0 : nil } : nil }
    return CodeObject(
      name: name, qualname: qualname, filename: filename, firstLine: firstLine,
      instructions: asm.instructions, lines: asm.lines, positions: asm.positions,
      constants: b.constants, names: b.names,
      varnames: scope.isFunctionLike ? scope.localNames.map { intern($0) } : [],
      cellvars: scope.cellVars.map { intern($0) }, freevars: scope.freeVars.map { intern($0) },
      cellArgs: cellArgs, argcount: argcount, posonlyargcount: posonly, kwonlyargcount: kwonly,
      flags: f, stacksize: asm.stackSize, exceptionTable: asm.exceptionTable,
      sourceLines: sourceLines, docstring: docstring)
  }

  func syntaxError(_ msg: String, _ range: SourceRange) -> PyException {
    CompileErrors.syntaxError(msg, filename: filename, range: range, sourceLines: sourceLines)
  }

  /// The source's lines, split where the tokenizer counts lines: at `\n`,
  /// `\r\n` and a lone `\r`. (Splitting on the Character "\n" would keep
  /// `\r\n`, a single Character, inside lines.)
  static func splitSourceLines(_ source: String) -> [Substring] {
    var lines: [Substring] = []
    let scalars = source.unicodeScalars
    var start = scalars.startIndex
    var i = start
    while i < scalars.endIndex {
      let c = scalars[i]
      if c == "\n" || c == "\r" {
        lines.append(Substring(scalars[start..<i]))
        i = scalars.index(after: i)
        if c == "\r", i < scalars.endIndex, scalars[i] == "\n" { i = scalars.index(after: i) }
        start = i
      } else {
        i = scalars.index(after: i)
      }
    }
    lines.append(Substring(scalars[start...]))
    return lines
  }

  /// The location CPython gives attribute operations and method calls
  /// (`range` being the attribute's or the call's): when the expression
  /// spans lines, it starts at the attribute name, so a traceback shows
  /// the line of `.name` rather than the start of a long chain.
  static func attributeLocation(_ range: SourceRange, of attribute: Expr) -> SourceRange {
    guard case .attribute(_, let name) = attribute.kind, range.line != attribute.range.endLine else { return range }
    var r = range
    r.line = attribute.range.endLine
    let length = name.unicodeScalars.count
    if length <= attribute.range.endCol {
      r.col = attribute.range.endCol - length
    } else {
      r.col = -1
      r.endCol = -1
    }
    r.endLine = max(r.line, r.endLine)
    if r.line == r.endLine { r.endCol = max(r.col, r.endCol) }
    return r
  }

  // MARK: Constants

  func constant(_ c: Constant) -> Int {
    switch c {
    case .none: return b.constant(.none, key: .none)
    case .bool(let v): return b.constant(.bool(v), key: .bool(v))
    case .int(let i): return b.constant(.int(i), key: .int(i))
    case .bigInt(let big): return b.constant(Value.int(big), key: .big(String(big)))
    case .float(let d): return b.constant(.float(d), key: .float(d.bitPattern))
    case .imaginary(let d): return b.constant(.object(PyComplex(real: 0, imag: d)), key: .float(d.bitPattern ^ 0x5555))
    case .str(let s): return b.constant(.object(PyStr(s)), key: .str(s))
    case .bytes(let bytes): return b.constant(.object(PyBytes(bytes)), key: .bytes(bytes))
    case .ellipsis: return b.constant(.ellipsis, key: .ellipsis)
    }
  }

  func constantKey(_ c: Constant) -> ConstKey? {
    switch c {
    case .none: return ConstKey.none
    case .bool(let v): return .bool(v)
    case .int(let i): return .int(i)
    case .bigInt(let big): return .big(String(big))
    case .float(let d): return .float(d.bitPattern)
    case .str(let s): return .str(s)
    case .bytes(let bytes): return .bytes(bytes)
    case .ellipsis: return .ellipsis
    case .imaginary: return nil
    }
  }

  func constantValue(_ c: Constant) -> Value {
    switch c {
    case .none: return .none
    case .bool(let v): return .bool(v)
    case .int(let i): return .int(i)
    case .bigInt(let big): return Value.int(big)
    case .float(let d): return .float(d)
    case .imaginary(let d): return .object(PyComplex(real: 0, imag: d))
    case .str(let s): return .object(PyStr(s))
    case .bytes(let bytes): return .object(PyBytes(bytes))
    case .ellipsis: return .ellipsis
    }
  }

  func loadConstant(_ c: Constant) { b.emit(.loadConst, constant(c)) }

  // MARK: Names

  func compileLoadName(_ name: String) {
    switch scope.scope(of: name) {
    case .local:
      if let slot = localSlots[name] { b.emit(.loadFast, slot) } else { b.emit(.loadGlobal, b.name(name)) }
    case .cell, .free:
      b.emit(.loadDeref, cellSlots[name]!)
    case .classFree:
      if let slot = cellSlots[name] { b.emit(.loadClassDeref, slot) } else { b.emit(.loadName, b.name(name)) }
    case .global:
      b.emit(.loadGlobal, b.name(name))
    case .name:
      b.emit(.loadName, b.name(name))
    }
  }

  func compileStoreName(_ name: String) {
    switch scope.scope(of: name) {
    case .local:
      if let slot = localSlots[name] { b.emit(.storeFast, slot) } else { b.emit(.storeGlobal, b.name(name)) }
    case .cell, .free:
      b.emit(.storeDeref, cellSlots[name]!)
    case .global:
      b.emit(.storeGlobal, b.name(name))
    case .name, .classFree:
      b.emit(.storeName, b.name(name))
    }
  }

  func compileDeleteName(_ name: String) {
    switch scope.scope(of: name) {
    case .local:
      if let slot = localSlots[name] { b.emit(.deleteFast, slot) } else { b.emit(.deleteGlobal, b.name(name)) }
    case .cell, .free:
      b.emit(.deleteDeref, cellSlots[name]!)
    case .global:
      b.emit(.deleteGlobal, b.name(name))
    case .name, .classFree:
      b.emit(.deleteName, b.name(name))
    }
  }

  /// Pushes the cell of `name` (for building a closure of an inner scope).
  func loadClosure(_ name: String) {
    if let slot = cellSlots[name] {
      b.emit(.loadClosure, slot)
    }
  }

  // MARK: Blocks

  /// Emits the cleanup of every block up to (not including) the innermost
  /// loop (for break/continue, `toLoop`) or all blocks (for return).
  /// `preserveTop` keeps a return value on top of the stack.
  func unwindBlocks(toLoop: Bool, preserveTop: Bool) throws(PyException) -> FBlock? {
    let savedHandler = b.currentHandler
    var index = blocks.count - 1
    var loop: FBlock? = nil
    while index >= 0 {
      let block = blocks[index]
      switch block {
      case .whileLoop, .forLoop:
        if toLoop {
          loop = block
          index = -1
          continue
        }
        if case .forLoop = block {
          if preserveTop { b.emit(.swap, 2) }
          b.emit(.popTop)
        }
      case .tryFinally(let finalbody, let outer):
        b.currentHandler = outer
        let saved = blocks
        blocks = Array(blocks[0..<index])
        for s in finalbody { try compileStmt(s) }
        blocks = saved
      case .finallyEnd(let outer):
        b.currentHandler = outer
        if preserveTop {
          b.emit(.swap, 2)
          b.emit(.popTop)
          b.emit(.swap, 2)
        } else {
          b.emit(.popTop)
        }
        b.emit(.popExcept)
      case .exceptHandler(let name, let outer):
        b.currentHandler = outer
        if preserveTop { b.emit(.swap, 2) }
        b.emit(.popExcept)
        if let n = name { unbind(n) }
      case .with(let outer):
        b.currentHandler = outer
        if preserveTop { b.emit(.swap, 2) }
        b.emit(.pushNull)
        loadConstant(.none)
        loadConstant(.none)
        loadConstant(.none)
        b.emit(.call, 3)
        b.emit(.popTop)
      case .tryExcept(let outer):
        b.currentHandler = outer
      case .exceptStarHandler:
        throw syntaxError("'break', 'continue' and 'return' cannot appear in an except* block", b.range)
      }
      index -= 1
    }
    _ = savedHandler
    return loop
  }

  /// Restores the handler state after emitting an early exit.
  func withSavedHandler(_ body: () throws(PyException) -> Void) throws(PyException) {
    let saved = b.currentHandler
    try body()
    b.currentHandler = saved
  }
}

/// Building SyntaxError exceptions from compile-time problems.
enum CompileErrors {
  static func syntaxError(_ msg: String, filename: String, range: SourceRange,
                          sourceLines: [Substring]? = nil, type: PyType? = nil) -> PyException {
    let e = PyException.make(type ?? PyType.syntaxError, args: [Value(msg)])
    e.setAttribute("msg", Value(msg))
    e.setAttribute("filename", Value(filename))
    e.setAttribute("lineno", .int(range.line))
    e.setAttribute("offset", .int(range.col + 1))
    e.setAttribute("end_lineno", .int(range.endLine))
    e.setAttribute("end_offset", .int(range.endCol + 1))
    var text: Value = .none
    if let lines = sourceLines, range.line >= 1, range.line <= lines.count {
      text = Value(String(lines[range.line - 1]) + "\n")
    }
    e.setAttribute("text", text)
    e.setAttribute("print_file_and_line", .none)
    let argsTuple = PyTuple([Value(msg), .object(PyTuple([Value(filename), .int(range.line), .int(range.col + 1), text,
                                                          .int(range.endLine), .int(range.endCol + 1)]))])
    e.args = argsTuple
    return e
  }
}

extension CompileErrors {
  /// CPython's description of an expression in "cannot assign to ..." errors.
  static func describe(_ e: Expr) -> String {
    switch e.kind {
    case .call: return "function call"
    case .constant(let c):
      switch c {
      case .none, .bool, .ellipsis: return "\(constantName(c))"
      default: return "literal"
      }
    case .boolOp, .binOp, .unaryOp: return "expression"
    case .lambda: return "lambda"
    case .ifExp: return "conditional expression"
    case .dict: return "dict literal"
    case .set: return "set display"
    case .listComp: return "list comprehension"
    case .setComp: return "set comprehension"
    case .dictComp: return "dict comprehension"
    case .generatorExp: return "generator expression"
    case .await_: return "await expression"
    case .yield, .yieldFrom: return "yield expression"
    case .compare: return "comparison"
    case .joinedStr, .formattedValue: return "f-string expression"
    case .namedExpr: return "named expression"
    case .attribute: return "attribute"
    case .subscript: return "subscript"
    case .starred: return "starred"
    case .name: return "name"
    case .list: return "list"
    case .tuple: return "tuple"
    case .slice: return "slice"
    }
  }

  private static func constantName(_ c: Constant) -> String {
    switch c {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .ellipsis: return "ellipsis"
    default: return "literal"
    }
  }

  static func cannotAssign(_ e: Expr, verb: String) -> String {
    "cannot \(verb) \(describe(e))"
  }
}

/// Attribute names a class body's code stores through `self` (CPython 3.13+
/// records them in `__static_attributes__`).
final class StaticAttributes {
  var names: Set<String> = []
}
