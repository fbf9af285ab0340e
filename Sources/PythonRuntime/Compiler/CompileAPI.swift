/// Source text to code objects, and running code objects in a namespace.
enum CompileMode {
  case exec, single, eval
}

enum CompileAPI {
  static func compile(_ source: String, filename: String, mode: CompileMode) throws(PyException) -> CodeObject {
    let ast: ModuleAST
    do throws(SyntaxErrorInfo) {
      let parseMode: ParseMode
      switch mode {
      case .exec: parseMode = .exec
      case .single: parseMode = .single
      case .eval: parseMode = .eval
      }
      ast = try parsePython(source, mode: parseMode, filename: filename)
    } catch {
      throw syntaxError(from: error)
    }
    return try Compiler.compileModule(ast, filename: filename, source: source)
  }

  /// Converts the parser's error into the Python exception CPython raises.
  static func syntaxError(from e: SyntaxErrorInfo) -> PyException {
    let type: PyType
    switch e.kind {
    case .syntax: type = PyType.syntaxError
    case .indentation: type = PyType.indentationError
    case .tab: type = PyType.tabError
    case .recursion:
      return PyException.recursionError(e.msg)
    }
    let exc = PyException.make(type, args: [Value(e.msg)])
    exc.setAttribute("msg", Value(e.msg))
    exc.setAttribute("filename", Value(e.filename))
    exc.setAttribute("lineno", .int(e.lineno))
    exc.setAttribute("offset", .int(e.offset))
    exc.setAttribute("end_lineno", .int(e.endLineno))
    exc.setAttribute("end_offset", .int(e.endOffset))
    exc.setAttribute("text", e.text.map { Value($0) } ?? .none)
    exc.setAttribute("print_file_and_line", .none)
    exc.setAttribute("_incomplete", .bool(e.isIncomplete))
    exc.args = PyTuple([Value(e.msg), .object(PyTuple([Value(e.filename), .int(e.lineno), .int(e.offset),
                                                         e.text.map { Value($0) } ?? .none,
                                                         .int(e.endLineno), .int(e.endOffset)]))])
    return exc
  }
}

extension ThreadState {
  /// The builtins dict a namespace sees (`globals['__builtins__']`).
  func builtinsFor(_ globals: PyDict) -> PyDict {
    if let b = globals.getStr(names.__builtins__) {
      if case .object(let o) = b {
        if let m = o as? PyModule { return m.attributes }
        if let d = o as? PyDict { return d }
      }
    }
    return interp.builtins
  }

  /// Runs module-level code with `globals` (and `locals`, default: the globals).
  func runCode(_ code: CodeObject, globals: PyDict, locals: PyDict? = nil) throws(PyException) -> Value {
    if globals.getStr(names.__builtins__) == nil {
      globals.setStr(names.__builtins__, .object(interp.builtinsModule))
    }
    let f = Frame(code: code, globals: globals, builtins: builtinsFor(globals), locals: locals ?? globals, function: nil)
    return try run(f)
  }
}
