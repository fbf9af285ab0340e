/// Helpers shared by the Swift-implemented core modules.
enum CoreSupport {
  /// Creates a builtin type of a module (once per process: call from a
  /// `static let`). `install` adds its methods before the type is frozen.
  static func makeType(_ name: String, module: String, base: PyType? = nil, subclassable: Bool = false,
                       storage: InstanceStorage = .none, doc: String? = nil,
                       _ install: (PyType) -> Void) -> PyType {
    Bootstrap.ensure()
    let t = PyType(builtin: name, base: base ?? PyType.object, module: module, storage: storage,
                   metatype: PyType.type)
    t.isBaseType = subclassable
    t.doc = doc
    install(t)
    t.finishBuiltin()
    return t
  }

  /// The instance dict a heap subclass instance needs.
  static func prepareInstance(_ o: PyObject, _ cls: PyType) {
    if cls.isHeapType && cls.hasInstanceDict && o.dict == nil { o.dict = PyDict() }
  }

  /// `cls` from a `__new__` call's first argument.
  static func newClass(_ args: Args, _ what: String) throws(PyException) -> PyType {
    guard args.count >= 1, let cls = args[0].asType else {
      throw PyException.typeError("\(what).__new__(X): X is not a type object")
    }
    return cls
  }

  /// Adds the iterator protocol to an iterator type whose instances are
  /// `PyNativeIterator`s.
  static func iteratorMethods(_ t: PyType) {
    t.method("__iter__") { _, args throws(PyException) in args[0] }
    t.method("__next__") { ts, args throws(PyException) in
      guard let v = try ts.next(args[0]) else { throw PyException.stopIteration() }
      return v
    }
  }

  /// Rejects keyword arguments with CPython's message.
  static func noKeywords(_ args: Args, _ name: String) throws(PyException) {
    if args.hasKeywords { throw PyException.typeError("\(name)() takes no keyword arguments") }
  }

  /// Runs `body` with `o` marked as being repr'ed; returns `recursive` when
  /// the object is already being formatted (a reference cycle).
  static func reprGuard(_ ts: ThreadState, _ o: AnyObject, recursive: String,
                        _ body: () throws(PyException) -> String) throws(PyException) -> String {
    let id = ObjectIdentifier(o)
    if ts.reprActive.contains(id) { return recursive }
    ts.reprActive.insert(id)
    defer { ts.reprActive.remove(id) }
    return try body()
  }
}
