/// A Python exception instance (any subclass of `BaseException`).
///
/// It is also the Swift error every runtime operation throws (typed throws,
/// so throwing costs no boxing), which keeps "a Python exception is
/// propagating" and "a Swift error is propagating" the same thing.
final class PyException: PyObject, Error, @unchecked Sendable {
  var args: PyTuple
  var traceback: PyTraceback?
  var cause: Value = .none
  var context: Value = .none
  var suppressContext = false
  /// Whether implicit chaining (`__context__`) was already decided for the
  /// current raise.
  var contextAttached = false
  /// The message and members of a `BaseExceptionGroup` instance (nil for
  /// every other exception).
  var group: ExceptionGroupFields?

  init(type: PyType, args: PyTuple) {
    self.args = args
    super.init(type: type, kind: .exception)
    self.dict = PyDict()
  }

  static func make(_ type: PyType, _ message: String) -> PyException {
    PyException(type: type, args: PyTuple([Value(message)]))
  }

  static func make(_ type: PyType, args: [Value]) -> PyException {
    PyException(type: type, args: PyTuple.make(args))
  }

  var contextException: PyException? { context.asException }
  var causeException: PyException? { cause.asException }

  /// Whether this exception is an instance of `t` (or a subclass).
  func isInstance(of t: PyType) -> Bool { type.isSubtype(of: t) }

  /// The members of an exception group (nil when this is not one).
  var groupMembers: [PyException]? {
    group?.exceptions.items.map { $0.asException! }
  }

  /// The first argument as a Swift string, for messages of builtin errors.
  var firstArgString: String? {
    guard args.count > 0 else { return nil }
    return args.items[0].exactStr?.value
  }

  /// Prepends a traceback entry for `frame` at instruction `lasti` (as the
  /// exception passes through the frame on its way out).
  func addTraceback(frame: Frame, lasti: Int) {
    let line = frame.code.line(at: lasti)
    traceback = PyTraceback(frame: frame, lasti: lasti, lineno: line, next: traceback)
  }

  /// An attribute stored in the instance dict (`name`, `obj`, `value`, ...).
  func attribute(_ name: String) -> Value? { dict?.getStr(intern(name)) }
  func setAttribute(_ name: String, _ value: Value) { dict?.setStr(intern(name), value) }
}

/// One entry of a traceback: a frame and the line it was executing.
final class PyTraceback: PyObject {
  let frame: Frame
  let lasti: Int
  let lineno: Int
  var next: PyTraceback?

  init(frame: Frame, lasti: Int, lineno: Int, next: PyTraceback?) {
    self.frame = frame
    self.lasti = lasti
    self.lineno = lineno
    self.next = next
    super.init(type: PyType.traceback, kind: .other)
  }
}

// MARK: - Constructors for the errors the runtime raises itself

extension PyException {
  static func typeError(_ m: String) -> PyException { make(PyType.typeError, m) }
  static func valueError(_ m: String) -> PyException { make(PyType.valueError, m) }
  static func indexError(_ m: String) -> PyException { make(PyType.indexError, m) }
  static func keyError(_ key: Value) -> PyException { make(PyType.keyError, args: [key]) }
  static func attributeError(_ m: String) -> PyException { make(PyType.attributeError, m) }
  static func nameError(_ m: String) -> PyException { make(PyType.nameError, m) }
  static func zeroDivision(_ m: String) -> PyException { make(PyType.zeroDivisionError, m) }
  static func overflow(_ m: String) -> PyException { make(PyType.overflowError, m) }
  static func runtimeError(_ m: String) -> PyException { make(PyType.runtimeError, m) }
  static func notImplemented(_ m: String) -> PyException { make(PyType.notImplementedError, m) }
  static func recursionError(_ m: String) -> PyException { make(PyType.recursionError, m) }
  static func memoryError(_ m: String = "") -> PyException {
    m.isEmpty ? make(PyType.memoryError, args: []) : make(PyType.memoryError, m)
  }
  static func stopIteration(_ value: Value? = nil) -> PyException {
    let e = make(PyType.stopIteration, args: value.map { [$0] } ?? [])
    return e
  }
  static func lookupError(_ m: String) -> PyException { make(PyType.lookupError, m) }
  static func systemError(_ m: String) -> PyException { make(PyType.systemError, m) }
  static func osError(_ m: String) -> PyException { make(PyType.osError, m) }
  static func importError(_ m: String, name: String? = nil) -> PyException {
    let e = make(PyType.importError, m)
    e.setAttribute("name", name.map { Value($0) } ?? .none)
    return e
  }
  static func moduleNotFound(_ name: String) -> PyException {
    let e = make(PyType.moduleNotFoundError, "No module named '\(name)'")
    e.setAttribute("name", Value(name))
    return e
  }
  static func unboundLocal(_ name: String) -> PyException {
    make(PyType.unboundLocalError,
         "cannot access local variable '\(name)' where it is not associated with a value")
  }
  static func assertionError(_ m: Value? = nil) -> PyException {
    make(PyType.assertionError, args: m.map { [$0] } ?? [])
  }
}
