/// The native side of `concurrent.interpreters`: the `_interpreters` and
/// `_interpqueues` modules, the `Interpreter` and `Queue` types, and the
/// exceptions they raise.
enum InterpreterModules {
  static let whenceStdlib = "_interpreters module"
  static let whenceRuntime = "runtime init"

  // MARK: Types (process-wide, immutable after creation)

  static let interpreterError: PyType = exceptionType("InterpreterError", base: PyType.exception)
  static let interpreterNotFoundError: PyType = exceptionType("InterpreterNotFoundError", base: interpreterError)
  static let notShareableError: PyType = exceptionType("NotShareableError", base: PyType.typeError)
  static let queueError: PyType = exceptionType("QueueError", base: PyType.runtimeError, module: "concurrent.interpreters")
  static let queueNotFoundError: PyType = exceptionType("QueueNotFoundError", base: queueError, module: "concurrent.interpreters")

  static let interpreterType: PyType = {
    let t = PyType(builtin: "Interpreter", base: PyType.object, module: "concurrent.interpreters", storage: .none,
                   metatype: PyType.type)
    t.isBaseType = false
    return t
  }()

  static let queueType: PyType = {
    let t = PyType(builtin: "Queue", base: PyType.object, module: "concurrent.interpreters._queues", storage: .none,
                   metatype: PyType.type)
    t.isBaseType = false
    return t
  }()

  private static func exceptionType(_ name: String, base: PyType, module: String = "interpreters") -> PyType {
    let t = PyType(builtin: name, base: base, module: module, storage: .exception, metatype: PyType.type)
    t.isExceptionType = true
    t.isBaseType = true
    t.finishBuiltin()
    return t
  }

  private static let typesReady: Void = {
    InterpreterType.install(interpreterType)
    QueueType.install(queueType)
    interpreterType.finishBuiltin()
    queueType.finishBuiltin()
  }()

  static func ensureTypes() { _ = typesReady }

  // MARK: Per-interpreter registrations

  /// Python-level classes and helpers a module registered with the native side.
  final class Registrations {
    var executionFailed: Value = .none
    var queueEmpty: Value = .none
    var queueFull: Value = .none
    var serializeUnbound: Value = .none
    var resolveUnbound: Value = .none
    /// One `Interpreter` / `Queue` object per id in this interpreter.
    var interpreters: [Int: WeakObject] = [:]
    var queues: [Int: WeakObject] = [:]
  }

  final class WeakObject {
    weak var object: PyObject?
    init(_ o: PyObject) { object = o }
  }

  static func registrations(_ ts: ThreadState) -> Registrations {
    if let r = ts.interp.moduleState["_interpreters"] as? Registrations { return r }
    let r = Registrations()
    ts.interp.moduleState["_interpreters"] = r
    return r
  }

  static func notFound(_ id: Int) -> PyException {
    PyException.make(interpreterNotFoundError, "unrecognized interpreter ID \(id)")
  }

  /// Resolves an interpreter id argument with CPython's checks.
  static func target(_ ts: ThreadState, _ idValue: Value) throws(PyException) -> Interpreter {
    guard idValue.isInt, let id = idValue.smallInt else {
      if idValue.isInt { throw notFound(0) }
      throw PyException.typeError("interpreter ID must be an int, got \(idValue.type.name)")
    }
    if id < 0 { throw PyException.valueError("interpreter ID must be a non-negative int, got \(id)") }
    ts.interp.runtime.processPendingDestroys(ts)
    guard let interp = ts.interp.runtime.interpreter(id: id) else { throw notFound(id) }
    return interp
  }

  static func checkRestricted(_ interp: Interpreter, _ op: String) throws(PyException) {
    if interp.whence != whenceStdlib {
      throw PyException.make(interpreterError, "cannot \(op) unrecognized interpreter \(interp.id)")
    }
  }

  /// The `Interpreter` object for an id in the calling interpreter.
  static func interpreterObject(_ ts: ThreadState, id: Int, ownsRef: Bool?) throws(PyException) -> Value {
    let reg = registrations(ts)
    if let o = reg.interpreters[id]?.object { return .object(o) }
    let runtime = ts.interp.runtime
    runtime.processPendingDestroys(ts)
    guard let interp = runtime.interpreter(id: id) else { throw notFound(id) }
    let owns = ownsRef ?? (interp.whence == whenceStdlib)
    let o = PyInterpreterObject(interp: interp, ownsRef: owns)
    if owns { interp.incref() }
    reg.interpreters[id] = WeakObject(o)
    return .object(o)
  }

  /// The `Queue` object for a queue id in the calling interpreter.
  static func queueObject(_ ts: ThreadState, id: Int) throws(PyException) -> Value {
    ensureTypes()
    let reg = registrations(ts)
    if let o = reg.queues[id]?.object { return .object(o) }
    let registry = ts.interp.runtime.queues
    guard let q = registry.queue(id), registry.bind(id) else {
      throw PyException.make(queueNotFoundError, "queue \(id) not found")
    }
    let o = PyInterpQueue(registry: registry, queue: q)
    reg.queues[id] = WeakObject(o)
    return .object(o)
  }

  // MARK: Modules

  static func makeInterpreters(_ ts: ThreadState) throws(PyException) -> PyModule {
    ensureTypes()
    let m = PyModule(name: "_interpreters")
    m.add("InterpreterError", .object(interpreterError))
    m.add("InterpreterNotFoundError", .object(interpreterNotFoundError))
    m.add("NotShareableError", .object(notShareableError))
    m.add("Interpreter", .object(interpreterType))
    m.add("WHENCE_UNKNOWN", Value("unknown"))
    m.add("WHENCE_RUNTIME", Value(whenceRuntime))
    m.add("WHENCE_LEGACY_CAPI", Value("legacy C-API"))
    m.add("WHENCE_CAPI", Value("C-API"))
    m.add("WHENCE_XI", Value("cross-interpreter C-API"))
    m.add("WHENCE_STDLIB", Value(whenceStdlib))
    m.addFunction("_register_execution_failed") { ts, args throws(PyException) in
      registrations(ts).executionFailed = args[0]
      return .none
    }
    m.addFunction("create") { ts, args throws(PyException) in
      let interp = try ts.interp.runtime.createInterpreter(from: ts)
      return .int(interp.id)
    }
    m.addFunction("destroy") { ts, args throws(PyException) in
      let a = try ArgList(args, "destroy", ["id"], required: 1, keywordOnly: ["restrict"])
      let interp = try target(ts, a[0]!)
      if try a[1].map({ (v) throws(PyException) in try ts.isTrue(v) }) ?? false { try checkRestricted(interp, "destroy") }
      try ts.interp.runtime.destroyInterpreter(interp, from: ts)
      return .none
    }
    m.addFunction("list_all") { ts, _ throws(PyException) in
      ts.interp.runtime.processPendingDestroys(ts)
      return .object(PyList(ts.interp.runtime.interpreters.map {
        .object(PyTuple([.int($0.id), Value($0.whence)]))
      }))
    }
    m.addFunction("get_current") { ts, _ throws(PyException) in
      .object(PyTuple([.int(ts.interp.id), Value(ts.interp.whence)]))
    }
    m.addFunction("get_main") { ts, _ throws(PyException) in
      let main = ts.interp.runtime.main!
      return .object(PyTuple([.int(main.id), Value(main.whence)]))
    }
    m.addFunction("whence") { ts, args throws(PyException) in Value(try target(ts, args[0]).whence) }
    m.addFunction("is_running") { ts, args throws(PyException) in
      let interp = try target(ts, args[0])
      return .bool(interp.id == 0 || interp.runningCount.load(ordering: .relaxed) > 0)
    }
    m.addFunction("is_shareable") { ts, args throws(PyException) in
      try args.expect("is_shareable", 1, skipSelf: false)
      return .bool(CrossInterpreter.isShareable(ts, args[0]))
    }
    m.addFunction("incref") { ts, args throws(PyException) in
      try target(ts, args[0]).incref()
      return .none
    }
    m.addFunction("decref") { ts, args throws(PyException) in
      try target(ts, args[0]).decref()
      return .none
    }
    m.addFunction("new_config") { ts, args throws(PyException) in
      let name = args.count > 0 ? (args[0].asStr?.value ?? "isolated") : "isolated"
      let isolated = name == "isolated" || name == "" || name == "default"
      return .object(SysModule.namespace([
        "use_main_obmalloc": .bool(!isolated), "allow_fork": .bool(!isolated), "allow_exec": .bool(!isolated),
        "allow_threads": .bool(true), "allow_daemon_threads": .bool(!isolated),
        "check_multi_interp_extensions": .bool(isolated), "gil": Value(isolated ? "own" : "shared"),
      ]))
    }
    m.addFunction("capture_exception") { ts, args throws(PyException) in
      let exc = args.count > 0 && !args[0].isNone ? args[0].asException : ts.handledException.asException
      guard let e = exc else { return .none }
      return try ExecutionSupport.excinfoObject(ts, ExecutionSupport.capture(ts, e, filename: nil))
    }
    return m
  }

  static func makeQueues(_ ts: ThreadState) throws(PyException) -> PyModule {
    ensureTypes()
    let m = PyModule(name: "_interpqueues")
    m.add("QueueError", .object(queueError))
    m.add("QueueNotFoundError", .object(queueNotFoundError))
    m.add("Queue", .object(queueType))
    m.addFunction("_register_heap_types") { ts, args throws(PyException) in
      try args.expect("_register_heap_types", 5, skipSelf: false)
      let reg = registrations(ts)
      reg.queueEmpty = args[1]
      reg.queueFull = args[2]
      reg.serializeUnbound = args[3]
      reg.resolveUnbound = args[4]
      return .none
    }
    m.addFunction("create") { ts, args throws(PyException) in
      try args.expect("create", 3, skipSelf: false)
      guard args[0].isInt, let maxsize = args[0].smallInt else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      let op = UnboundOp(rawValue: args[1].smallInt ?? 3) ?? .replace
      return .int(ts.interp.runtime.queues.create(maxsize: maxsize, unbound: op))
    }
    m.addFunction("list_all") { ts, _ throws(PyException) in
      .object(PyList(ts.interp.runtime.queues.allQueues.map {
        .object(PyTuple([.int($0.id), .int($0.maxsize), .int($0.defaultUnbound.rawValue)]))
      }))
    }
    return m
  }
}

/// An `Interpreter` object: a handle on an interpreter by id. Objects made
/// by `create()` own a reference; when the last one goes away the
/// interpreter is destroyed (as in CPython).
final class PyInterpreterObject: PyObject {
  let interpID: Int
  let whence: String
  let ownsRef: Bool
  private weak var interp: Interpreter?

  init(interp: Interpreter, ownsRef: Bool) {
    interpID = interp.id
    whence = interp.whence
    self.ownsRef = ownsRef
    self.interp = interp
    super.init(type: InterpreterModules.interpreterType, kind: .other)
  }

  deinit {
    if ownsRef { interp?.decref() }
  }
}

/// A `Queue` object bound to a cross-interpreter queue.
final class PyInterpQueue: PyObject {
  let queueID: Int
  let maxsize: Int
  let registry: QueueRegistry
  var unboundOp: Int
  var unboundItems: Value = .none

  init(registry: QueueRegistry, queue: CrossInterpreterQueue) {
    self.registry = registry
    queueID = queue.id
    maxsize = queue.maxsize
    unboundOp = queue.defaultUnbound.rawValue
    super.init(type: InterpreterModules.queueType, kind: .other)
  }

  deinit { registry.release(queueID) }
}
