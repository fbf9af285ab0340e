/// Running code in another interpreter: `exec`, `call` and `prepare_main`,
/// and reporting its uncaught exceptions back as `ExecutionFailed`.
enum ExecutionSupport {
  /// An uncaught exception, captured in the interpreter where it happened,
  /// as plain strings that can cross to the caller.
  struct CapturedException: Sendable {
    var typeName: String?
    var typeQualname: String?
    var typeModule: String?
    var msg: String
    var formatted: String
    var errdisplay: String
  }

  static func capture(_ ts: ThreadState, _ e: PyException, filename: String?) -> CapturedException {
    let t = e.type!
    let msg = (try? ts.str(.object(e))) ?? ""
    var display = Traceback.format(ts, e)
    if display.hasSuffix("\n") { display.removeLast() }
    let module = t.moduleName
    let prefix = (module == "builtins" || module == "__main__") ? t.qualname : "\(module).\(t.qualname)"
    return CapturedException(typeName: t.name, typeQualname: t.qualname, typeModule: module, msg: msg,
                             formatted: "\(prefix): \(msg)", errdisplay: display)
  }

  /// `excinfo`: a namespace like CPython's.
  static func excinfoObject(_ ts: ThreadState, _ c: CapturedException) throws(PyException) -> Value {
    var typeNS: Value = .none
    if let n = c.typeName {
      typeNS = .object(SysModule.namespace([
        "__name__": Value(n), "__qualname__": Value(c.typeQualname ?? n), "__module__": Value(c.typeModule ?? "builtins"),
      ]))
    }
    return .object(SysModule.namespace([
      "type": typeNS, "msg": Value(c.msg), "formatted": Value(c.formatted), "errdisplay": Value(c.errdisplay),
    ]))
  }

  static func executionFailed(_ ts: ThreadState, _ c: CapturedException) throws(PyException) -> PyException {
    let info = try excinfoObject(ts, c)
    var cls = InterpreterModules.registrations(ts).executionFailed
    if cls.isNone {
      _ = try ts.importModule("concurrent.interpreters")
      cls = InterpreterModules.registrations(ts).executionFailed
    }
    let e = try ts.call(cls, info)
    return e.asException ?? PyException.make(InterpreterModules.interpreterError, c.formatted)
  }

  /// Marks the target's `__main__` as in use for the duration of `body`.
  static func running<T>(_ target: Interpreter, _ body: () throws(PyException) -> T) throws(PyException) -> T {
    let (exchanged, _) = target.runningCount.compareExchange(expected: 0, desired: 1, ordering: .relaxed)
    if !exchanged { throw PyException.make(InterpreterModules.interpreterError, "interpreter already running") }
    defer { target.runningCount.store(0, ordering: .relaxed) }
    return try body()
  }

  // MARK: exec

  /// Turns `exec`'s argument into code, in the calling interpreter.
  static func script(_ ts: ThreadState, _ v: Value) throws(PyException) -> SharedCode {
    if let s = v.asStr {
      return try SharedCode(try CompileAPI.compile(s.value, filename: "<script>", mode: .exec))
    }
    if let b = ts.bytesLike(v) {
      return try SharedCode(try CompileAPI.compile(String(decoding: b, as: UTF8.self), filename: "<script>", mode: .exec))
    }
    var code: CodeObject? = nil
    var closure = false
    if case .object(let o) = v {
      if let fn = o as? PyFunction {
        code = fn.code
        closure = !fn.closure.isEmpty
      } else if let c = o as? CodeObject {
        code = c
      }
    }
    guard let c = code else { throw PyException.typeError("unsupported script \(try ts.repr(v))") }
    if c.argcount > 0 || c.kwonlyargcount > 0 || c.flags.contains(.varargs) || c.flags.contains(.varkeywords) {
      throw PyException.valueError("code with args not supported")
    }
    if closure || !c.freevars.isEmpty { throw PyException.valueError("closures not supported") }
    if c.isGenerator || returnsValue(c) {
      throw PyException.valueError("code that returns a value is not a script")
    }
    return try SharedCode(c)
  }

  /// Whether some `return` in the code returns something other than None.
  private static func returnsValue(_ c: CodeObject) -> Bool {
    for (i, ins) in c.instructions.enumerated() {
      if ins.op == .returnValue {
        if i > 0, c.instructions[i - 1].op == .loadConst, case .none = c.constants[Int(c.instructions[i - 1].arg)] {
          continue
        }
        return true
      }
      if ins.op == .returnConst, !c.constants[Int(ins.arg)].isNone { return true }
    }
    return false
  }

  static func exec(_ ts: ThreadState, _ target: Interpreter, _ scriptValue: Value) throws(PyException) {
    let shared = try script(ts, scriptValue)
    let failure: CapturedException? = try running(target) { () throws(PyException) -> CapturedException? in
      try target.enter(from: ts) { (tts) -> CapturedException? in
        do throws(PyException) {
          let code = try shared.materialize(tts)
          let main = tts.interp.mainModule.attributes
          if code.flags.contains(.optimized) {
            let f = Frame(code: code, globals: main, builtins: tts.builtinsFor(main), locals: nil, function: nil)
            _ = try tts.run(f)
          } else {
            _ = try tts.runCode(code, globals: main)
          }
          return nil
        } catch {
          return capture(tts, error, filename: "<script>")
        }
      }
    }
    if let f = failure { throw try executionFailed(ts, f) }
  }

  // MARK: call

  private enum CallOutcome {
    case value(SharedData)
    case failed(CapturedException)
    case notShareable(String)
  }

  static func call(_ ts: ThreadState, _ target: Interpreter, _ callable: Value, _ positional: [Value],
                   _ keywords: [(PyStr, Value)]) throws(PyException) -> Value {
    let fnData = try CrossInterpreter.share(ts, callable, mode: .fullFallback, callable: true)
    let argsData: SharedData
    do throws(PyException) {
      argsData = try CrossInterpreter.share(ts, .object(PyTuple(positional)), mode: .fullFallback)
    } catch {
      let e = PyException.make(InterpreterModules.notShareableError, "args not shareable")
      e.cause = .object(error)
      throw e
    }
    var kwData: [(String, SharedData)] = []
    for (k, v) in keywords {
      do throws(PyException) {
        kwData.append((k.value, try CrossInterpreter.share(ts, v, mode: .fullFallback)))
      } catch {
        let e = PyException.make(InterpreterModules.notShareableError, "kwargs not shareable")
        e.cause = .object(error)
        throw e
      }
    }
    let outcome: CallOutcome = try running(target) { () throws(PyException) -> CallOutcome in
      try target.enter(from: ts) { (tts) -> CallOutcome in
        let fn: Value
        do throws(PyException) {
          fn = try CrossInterpreter.receive(tts, fnData)
        } catch {
          return .notShareable("func not shareable")
        }
        let result: Value
        do throws(PyException) {
          let args = try tts.collect(try CrossInterpreter.receive(tts, argsData))
          var kws: [(String, Value)] = []
          for (k, d) in kwData { kws.append((k, try CrossInterpreter.receive(tts, d))) }
          result = try tts.call(fn, args: args, kwargs: kws)
        } catch {
          return .failed(capture(tts, error, filename: nil))
        }
        do throws(PyException) {
          return .value(try CrossInterpreter.share(tts, result, mode: .fullFallback))
        } catch {
          return .notShareable((try? tts.str(.object(error))) ?? "object not shareable")
        }
      }
    }
    switch outcome {
    case .value(let d): return try CrossInterpreter.receive(ts, d)
    case .failed(let c): throw try executionFailed(ts, c)
    case .notShareable(let msg): throw PyException.make(InterpreterModules.notShareableError, msg)
    }
  }

  // MARK: prepare_main

  static func prepareMain(_ ts: ThreadState, _ target: Interpreter, _ ns: PyDict) throws(PyException) {
    // Convert everything first: nothing is bound if one value fails.
    var items: [(String, SharedData)] = []
    for (k, v) in ns.storageItems() {
      guard let name = k.asStr else { throw PyException.typeError("keywords must be strings") }
      items.append((name.value, try CrossInterpreter.share(ts, v, mode: .xidataOnly)))
    }
    try running(target) { () throws(PyException) in
      try target.enter(from: ts) { (tts) throws(PyException) in
        let main = tts.interp.mainModule.attributes
        for (k, d) in items { main.setStr(intern(k), try CrossInterpreter.receive(tts, d)) }
      }
    }
  }
}
