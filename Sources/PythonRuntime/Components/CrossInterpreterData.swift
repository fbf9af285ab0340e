import BigInt

/// A value in transit between two interpreters.
///
/// It holds no object of either interpreter: immutable scalars and strings
/// are copied into Swift values, code is snapshotted, anything else travels
/// as pickle bytes. The sender builds it while holding its own GIL; the
/// receiver turns it into fresh objects while holding its GIL. Only
/// memoryview buffers and queues are truly shared.
indirect enum SharedData: @unchecked Sendable {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case str(String)
  case bytes([UInt8])
  case tuple([SharedData])
  case memoryview(SharedBuffer, start: Int, length: Int)
  case queue(QueueBinding)
  /// A stateless function: its code is rebuilt with the receiver's `__main__` globals.
  case function(SharedCode)
  /// A function or class of the sender's `__main__`, found in the receiver
  /// by re-running the main program as `<fake __main__>`.
  case mainAttribute(qualname: String)
  /// A function or class of an importable module, by name (pickle's way).
  case byReference(module: String, qualname: String)
  /// Copies of builtin containers (what pickle would produce, without its bytes).
  case list([SharedData])
  case dict([(SharedData, SharedData)])
  case set([SharedData])
  case bytearray([UInt8])
  case pickled([UInt8])
  // Constants inside code objects only:
  case bigInt(BigInt)
  case complex(Double, Double)
  case ellipsis
  case frozenset([SharedData])
  case code(SharedCode)
}

/// A snapshot of a code object, independent of any interpreter.
final class SharedCode: @unchecked Sendable {
  let name: String
  let qualname: String
  let filename: String
  let firstLine: Int
  let instructions: [Instruction]
  let lines: [Int32]
  let positions: [SourceRange]
  let constants: [SharedData]
  let names: [String]
  let varnames: [String]
  let cellvars: [String]
  let freevars: [String]
  let cellArgs: [Int?]
  let argcount: Int
  let posonlyargcount: Int
  let kwonlyargcount: Int
  let flags: CodeFlags
  let stacksize: Int
  let exceptionTable: [ExceptionTableEntry]
  let sourceLines: [String]?
  let docstring: String?

  init(_ c: CodeObject) throws(PyException) {
    name = c.name
    qualname = c.qualname
    filename = c.filename
    firstLine = c.firstLine
    instructions = Array(c.instructions)
    lines = c.lines
    positions = c.positions
    var consts: [SharedData] = []
    for v in c.constants { consts.append(try SharedCode.constant(v)) }
    constants = consts
    names = c.names.map { $0.value }
    varnames = c.varnames.map { $0.value }
    cellvars = c.cellvars.map { $0.value }
    freevars = c.freevars.map { $0.value }
    cellArgs = c.cellArgs
    argcount = c.argcount
    posonlyargcount = c.posonlyargcount
    kwonlyargcount = c.kwonlyargcount
    flags = c.flags
    stacksize = c.stacksize
    exceptionTable = c.exceptionTable
    sourceLines = c.sourceLines?.map { String($0) }
    docstring = c.docstring
  }

  private static func constant(_ v: Value) throws(PyException) -> SharedData {
    switch v {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .object(let o):
      if let s = o as? PyStr { return .str(s.value) }
      if let b = o as? PyBytes { return .bytes(b.bytes) }
      if let l = o as? PyLong { return .bigInt(l.value) }
      if let t = o as? PyTuple {
        var items: [SharedData] = []
        for x in t.items { items.append(try constant(x)) }
        return .tuple(items)
      }
      if let c = o as? CodeObject { return .code(try SharedCode(c)) }
      if let z = o as? PyComplex { return .complex(z.real, z.imag) }
      if o.kind == .ellipsis { return .ellipsis }
      if let s = o as? PySet {
        var items: [SharedData] = []
        for x in s.keys { items.append(try constant(x)) }
        return .frozenset(items)
      }
      throw PyException.systemError("unexpected constant of type \(o.type.name)")
    case .null: return .none
    }
  }

  /// Builds a code object for the receiving interpreter.
  func materialize(_ ts: ThreadState) throws(PyException) -> CodeObject {
    var consts: [Value] = []
    for c in constants { consts.append(try CrossInterpreter.receive(ts, c)) }
    return CodeObject(
      name: name, qualname: qualname, filename: filename, firstLine: firstLine,
      instructions: instructions, lines: lines, positions: positions, constants: consts,
      names: names.map { intern($0) }, varnames: varnames.map { intern($0) },
      cellvars: cellvars.map { intern($0) }, freevars: freevars.map { intern($0) },
      cellArgs: cellArgs, argcount: argcount, posonlyargcount: posonlyargcount,
      kwonlyargcount: kwonlyargcount, flags: flags, stacksize: stacksize,
      exceptionTable: exceptionTable, sourceLines: sourceLines?.map { Substring($0) }, docstring: docstring)
  }
}

/// Converting values to and from `SharedData` with CPython's rules.
enum CrossInterpreter {
  enum Mode {
    /// Only the natively shareable types (prepare_main).
    case xidataOnly
    /// Native types, then stateless functions, then pickle (call, queues).
    case fullFallback
  }

  /// `is_shareable(obj)`: a check of the exact type only, never a conversion.
  static func isShareable(_ ts: ThreadState, _ v: Value) -> Bool {
    switch v {
    case .none, .bool, .int, .float: return true
    case .null: return false
    case .object(let o):
      switch o.kind {
      case .str, .bytes, .tuple, .long: return true
      default: break
      }
      if o.type === PyType.memoryview { return true }
      if o.type === InterpreterModules.queueType { return true }
      return false
    }
  }

  static func notShareable(_ ts: ThreadState, _ v: Value, cause: PyException? = nil) -> PyException {
    // CPython formats the object with %S, i.e. str().
    let r = (try? ts.str(v)) ?? "<object>"
    let e = PyException.make(InterpreterModules.notShareableError, "\(r) does not support cross-interpreter data")
    if let c = cause {
      e.cause = .object(c)
      e.suppressContext = true
    }
    return e
  }

  /// Converts a value in the sending interpreter.
  ///
  /// `callable` marks the function handed to `Interpreter.call`: CPython
  /// packs it as a function first and reports why it is not stateless,
  /// while anywhere else (arguments, queues) a value that nothing can carry
  /// gets the generic "does not support cross-interpreter data" error.
  static func share(_ ts: ThreadState, _ v: Value, mode: Mode, callable: Bool = false) throws(PyException) -> SharedData {
    if let d = try native(ts, v, mode: mode) { return d }
    guard mode == .fullFallback else { throw notShareable(ts, v) }
    // A function: stateless ones travel as code. Others are sent by
    // reference (pickle's way), which only works for importable functions.
    if case .object(let o) = v, let fn = o as? PyFunction {
      guard let problem = statelessProblem(ts, fn) else { return .function(try SharedCode(fn.code)) }
      // Pickle sends such a function by name, which works only when the
      // name leads back to this very function (not for lambdas, say).
      if problem != "closures not supported", fn.module.asStr?.value == "__main__",
         FakeMain.resolvesInMain(ts, fn.qualname, to: o) {
        return .mainAttribute(qualname: fn.qualname)
      }
      do throws(PyException) {
        return try pickle(ts, v)
      } catch {
        guard callable else { throw notShareable(ts, v) }
        let e = PyException.make(InterpreterModules.notShareableError, "only stateless functions are shareable")
        e.cause = .object(PyException.valueError(problem))
        e.suppressContext = true
        throw e
      }
    }
    if let d = try byReference(ts, v) { return d }
    var active = Set<ObjectIdentifier>()
    if let d = try copyContainer(ts, v, &active) { return d }
    return try pickle(ts, v)
  }

  /// Functions and classes that pickle would send by reference.
  private static func byReference(_ ts: ThreadState, _ v: Value) throws(PyException) -> SharedData? {
    guard case .object(let o) = v else { return nil }
    if let f = o as? PyBuiltinFunction, case .object(let so) = f.selfObject, let m = so as? PyModule {
      return .byReference(module: m.name, qualname: f.name)
    }
    if let t = o as? PyType, !t.qualname.contains("<locals>") {
      let module = t.moduleName
      if module == "__main__" {
        guard FakeMain.resolvesInMain(ts, t.qualname, to: o) else { return nil }
        return .mainAttribute(qualname: t.qualname)
      }
      return .byReference(module: module, qualname: t.qualname)
    }
    return nil
  }

  /// Copies exact builtin containers (as pickling and unpickling them
  /// would); nil when something inside needs real pickling.
  private static func copyContainer(_ ts: ThreadState, _ v: Value, _ active: inout Set<ObjectIdentifier>) throws(PyException) -> SharedData? {
    if let d = try native(ts, v, mode: .xidataOnly, orNil: true) { return d }
    guard case .object(let o) = v else { return nil }
    if o.kind == .long { return .bigInt(unsafeDowncast(o, to: PyLong.self).value) }
    if o.kind == .bytearray, let b = o as? PyByteArray { return .bytearray(b.bytes) }
    let id = ObjectIdentifier(o)
    guard !active.contains(id) else { return nil }
    active.insert(id)
    defer { active.remove(id) }
    func each(_ items: [Value], _ active: inout Set<ObjectIdentifier>) throws(PyException) -> [SharedData]? {
      var out: [SharedData] = []
      out.reserveCapacity(items.count)
      for x in items {
        guard let d = try copyContainer(ts, x, &active) else { return nil }
        out.append(d)
      }
      return out
    }
    switch o.kind {
    case .list: return try each(Array(unsafeDowncast(o, to: PyList.self).items), &active).map { .list($0) }
    case .tuple: return try each(Array(unsafeDowncast(o, to: PyTuple.self).items), &active).map { .tuple($0) }
    case .set: return try each(unsafeDowncast(o, to: PySet.self).keys, &active).map { .set($0) }
    case .frozenset: return try each(unsafeDowncast(o, to: PySet.self).keys, &active).map { .frozenset($0) }
    case .dict:
      var pairs: [(SharedData, SharedData)] = []
      for (k, x) in unsafeDowncast(o, to: PyDict.self).storageItems() {
        guard let kd = try copyContainer(ts, k, &active), let xd = try copyContainer(ts, x, &active) else { return nil }
        pairs.append((kd, xd))
      }
      return .dict(pairs)
    default:
      return nil
    }
  }

  /// The natively shareable types, converted; nil for anything else.
  private static func native(_ ts: ThreadState, _ v: Value, mode: Mode, orNil: Bool = false) throws(PyException) -> SharedData? {
    switch v {
    case .none: return SharedData.none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .null: return SharedData.none
    case .object(let o):
      switch o.kind {
      case .str: return .str(unsafeDowncast(o, to: PyStr.self).value)
      case .bytes: return .bytes(unsafeDowncast(o, to: PyBytes.self).bytes)
      case .long:
        if mode == .fullFallback || orNil { return nil }
        throw notShareable(ts, v, cause: PyException.overflow("try sending as bytes"))
      case .tuple:
        if orNil { return nil }
        var items: [SharedData] = []
        for x in unsafeDowncast(o, to: PyTuple.self).items {
          do throws(PyException) {
            items.append(try share(ts, x, mode: mode))
          } catch {
            throw notShareable(ts, v, cause: error)
          }
        }
        return .tuple(items)
      default:
        break
      }
      if let mv = o as? PyMemoryView, o.type === PyType.memoryview {
        if let sh = mv.shared { return .memoryview(sh, start: mv.start, length: mv.length) }
        // Re-export the buffer through shared memory the first time.
        let buffer = SharedBuffer(mv.bytes, readonly: mv.readonly)
        return .memoryview(buffer, start: 0, length: mv.length)
      }
      if o.type === InterpreterModules.queueType, let q = o as? PyInterpQueue {
        return .queue(QueueBinding(ts.interp.runtime.queues, q.queueID))
      }
      return nil
    }
  }

  /// Why a function cannot cross as code, or nil when it is stateless.
  static func statelessProblem(_ ts: ThreadState, _ fn: PyFunction) -> String? {
    if !fn.closure.isEmpty || !fn.code.freevars.isEmpty { return "closures not supported" }
    if !fn.defaults.isEmpty { return "defaults not supported" }
    if let kw = fn.kwdefaults, kw.count > 0 { return "keyword defaults not supported" }
    if fn.code.flags.contains(.classBody) { return "only basic code objects are supported" }
    if !codeUsesOnlyBuiltinGlobals(fn.code, builtins: fn.builtins) { return "globals not supported" }
    return nil
  }

  private static func codeUsesOnlyBuiltinGlobals(_ code: CodeObject, builtins: PyDict) -> Bool {
    for ins in code.instructions where ins.op == .loadGlobal || ins.op == .storeGlobal || ins.op == .deleteGlobal {
      let name = code.names[Int(ins.arg)]
      if ins.op != .loadGlobal || builtins.getStr(name) == nil { return false }
    }
    for c in code.constants {
      if case .object(let o) = c, let inner = o as? CodeObject, !codeUsesOnlyBuiltinGlobals(inner, builtins: builtins) {
        return false
      }
    }
    return true
  }

  static func pickle(_ ts: ThreadState, _ v: Value) throws(PyException) -> SharedData {
    let pickleModule: Value
    do throws(PyException) {
      pickleModule = try ts.importModule("pickle")
    } catch {
      throw notShareable(ts, v, cause: error)
    }
    do throws(PyException) {
      let data = try ts.callMethod(pickleModule, intern("dumps"), v)
      guard let bytes = ts.bytesLike(data) else { throw notShareable(ts, v) }
      return .pickled(bytes)
    } catch {
      if error.type.isSubtype(of: InterpreterModules.notShareableError) { throw error }
      throw notShareable(ts, v, cause: error)
    }
  }

  /// Builds the value in the receiving interpreter.
  static func receive(_ ts: ThreadState, _ d: SharedData) throws(PyException) -> Value {
    switch d {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let x): return .float(x)
    case .str(let s): return .object(PyStr(s))
    case .bytes(let b): return .object(PyBytes(b))
    case .tuple(let items):
      var out: [Value] = []
      for x in items { out.append(try receive(ts, x)) }
      return .object(PyTuple.make(out))
    case .memoryview(let buf, let start, let length):
      return .object(PyMemoryView(shared: buf, start: start, length: length))
    case .queue(let binding):
      return try InterpreterModules.queueObject(ts, id: binding.id)
    case .function(let sc):
      let code = try sc.materialize(ts)
      let main = ts.interp.mainModule.attributes
      return .object(PyFunction(code: code, globals: main, builtins: ts.builtinsFor(main)))
    case .mainAttribute(let qualname):
      return try FakeMain.lookup(ts, qualname: qualname)
    case .byReference(let module, let qualname):
      var v = try ts.importModule(module)
      for part in qualname.split(separator: ".") { v = try ts.getAttr(v, intern(String(part))) }
      return v
    case .list(let items):
      var out: [Value] = []
      for x in items { out.append(try receive(ts, x)) }
      return .object(PyList(out))
    case .dict(let pairs):
      let d = PyDict()
      for (k, v) in pairs { try d.set(ts, try receive(ts, k), try receive(ts, v)) }
      return .object(d)
    case .set(let items):
      let s = PySet()
      for x in items { try s.add(ts, try receive(ts, x)) }
      return .object(s)
    case .bytearray(let b):
      return .object(PyByteArray(b))
    case .pickled(let bytes):
      let pickleModule = try ts.importModule("pickle")
      do throws(PyException) {
        return try ts.callMethod(pickleModule, intern("loads"), .object(PyBytes(bytes)))
      } catch {
        throw error
      }
    case .bigInt(let b): return Value.int(b)
    case .complex(let r, let i): return .object(PyComplex(real: r, imag: i))
    case .ellipsis: return .ellipsis
    case .frozenset(let items):
      let s = PySet(frozen: true)
      for x in items { try s.add(ts, try receive(ts, x)) }
      return .object(s)
    case .code(let sc):
      return .object(try sc.materialize(ts))
    }
  }
}

/// Functions of the main program that are not stateless: like CPython, the
/// receiving interpreter runs the main program's source again under the
/// name `<fake __main__>` (once per interpreter) and looks the function up
/// there. Without a main program file this is impossible.
enum FakeMain {
  /// Whether `__main__.<qualname>` in the current interpreter is `object`
  /// (pickle's check before sending something by name).
  static func resolvesInMain(_ ts: ThreadState, _ qualname: String, to object: PyObject) -> Bool {
    guard let found = find(ts, qualname, in: ts.interp.mainModule.attributes),
          case .object(let o) = found else { return false }
    return o === object
  }

  /// Walks a dotted qualname from a module namespace; nil when a part is missing.
  private static func find(_ ts: ThreadState, _ qualname: String, in ns: PyDict) -> Value? {
    var value: Value = .object(ns)
    for part in qualname.split(separator: ".") {
      if let d = value.asDict {
        guard let v = d.getStr(intern(String(part))) else { return nil }
        value = v
      } else {
        guard let v = try? ts.lookupAttrOptional(value, intern(String(part))) else { return nil }
        value = v
      }
    }
    return value
  }

  static func lookup(_ ts: ThreadState, qualname: String) throws(PyException) -> Value {
    let interp = ts.interp
    // Like pickle.loads: the receiver's own __main__ first.
    if let found = find(ts, qualname, in: interp.mainModule.attributes) { return found }
    let ns: PyDict
    if let cached = interp.moduleState["<fake __main__>"] as? PyDict {
      ns = cached
    } else {
      guard let source = interp.runtime.mainSource, let file = interp.runtime.mainFilename else {
        throw PyException.make(InterpreterModules.notShareableError, "func not shareable")
      }
      ns = PyDict()
      ns.setStr(names.__name__, Value("<fake __main__>"))
      ns.setStr(names.__file__, Value(file))
      ns.setStr(names.__builtins__, .object(interp.builtinsModule))
      interp.moduleState["<fake __main__>"] = ns
      let code = try CompileAPI.compile(source, filename: file, mode: .exec)
      _ = try ts.runCode(code, globals: ns)
    }
    var value: Value = .object(ns)
    for part in qualname.split(separator: ".") {
      if let d = value.asDict {
        guard let v = d.getStr(intern(String(part))) else {
          throw PyException.attributeError("module '__main__' has no attribute '\(part)'")
        }
        value = v
      } else {
        value = try ts.getAttr(value, intern(String(part)))
      }
    }
    return value
  }
}
