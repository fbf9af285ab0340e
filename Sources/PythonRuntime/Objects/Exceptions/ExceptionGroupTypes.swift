/// What `BaseExceptionGroup.__new__` fixes for a group: the message and the
/// members. They never change afterwards, whatever is done to `args`
/// (`args[1]` is the sequence as given, which may be a list mutated later).
final class ExceptionGroupFields {
  let message: Value
  let exceptions: PyTuple
  /// `repr` of the given sequence when it was neither a list nor a tuple:
  /// CPython 3.14 shows a group as it was built, and for a custom sequence
  /// that is its repr at construction time.
  let givenRepr: String?

  init(message: Value, exceptions: PyTuple, givenRepr: String?) {
    self.message = message
    self.exceptions = exceptions
    self.givenRepr = givenRepr
  }
}

/// `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction rules,
/// `message`/`exceptions`, `derive`, `split`, `subgroup`, `str` and `repr`.
enum ExceptionGroupTypes {
  static func install() {
    let t = PyType.baseExceptionGroup!
    t.staticMethod("__new__") { ts, args throws(PyException) in
      try makeGroup(ts, args)
    }
    // Like BaseException.__init__ (args become the call's arguments), but
    // without keywords: subclasses that take more parameters override
    // `__new__` and inherit this.
    t.method("__init__") { _, args throws(PyException) in
      let e = args[0].asException!
      if args.hasKeywords { throw PyException.typeError("\(e.type.name)() takes no keyword arguments") }
      e.args = PyTuple.make(Array(args.positional.dropFirst()))
      return .none
    }
    t.getter("message", { _, v throws(PyException) in v.asException!.group?.message ?? .none },
             set: { _, _, _ throws(PyException) in throw PyException.attributeError("readonly attribute") })
    t.getter("exceptions", { _, v throws(PyException) in
      v.asException!.group.map { .object($0.exceptions) } ?? .object(PyTuple([]))
    }, set: { _, _, _ throws(PyException) in throw PyException.attributeError("readonly attribute") })
    t.method("__str__") { ts, args throws(PyException) in
      let e = args[0].asException!
      let n = e.group?.exceptions.count ?? 0
      let message = try ts.str(e.group?.message ?? .none)
      return Value("\(message) (\(n) sub-exception\(n > 1 ? "s" : ""))")
    }
    t.method("__repr__") { ts, args throws(PyException) in
      Value(try groupRepr(ts, args[0].asException!))
    }
    t.method("derive") { ts, args throws(PyException) in
      try expectOne(args, "derive")
      let e = args[0].asException!
      return try ts.call(.object(PyType.baseExceptionGroup), e.group?.message ?? .none, args[1])
    }
    t.method("split") { ts, args throws(PyException) in
      try expectOne(args, "split")
      let e = args[0].asException!
      let parts = try ts.splitGroup(e, by: try ExceptionGroupMatcher(ts, args[1]), withRest: true)
      return .object(PyTuple([parts.match.map { .object($0) } ?? .none, parts.rest.map { .object($0) } ?? .none]))
    }
    t.method("subgroup") { ts, args throws(PyException) in
      try expectOne(args, "subgroup")
      let e = args[0].asException!
      let parts = try ts.splitGroup(e, by: try ExceptionGroupMatcher(ts, args[1]), withRest: false)
      return parts.match.map { .object($0) } ?? .none
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in
      .object(GenericAlias(origin: args[0], args: args[1]))
    }
  }

  private static func expectOne(_ args: Args, _ name: String) throws(PyException) {
    if args.hasKeywords { throw PyException.typeError("BaseExceptionGroup.\(name)() takes no keyword arguments") }
    if args.count != 2 {
      throw PyException.typeError("BaseExceptionGroup.\(name)() takes exactly one argument (\(args.count - 1) given)")
    }
  }

  /// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
  private static func makeGroup(_ ts: ThreadState, _ args: Args) throws(PyException) -> Value {
    guard args.count >= 1, let requested = args[0].asType else {
      let what = args.count >= 1 ? args[0].type.name : ""
      throw PyException.typeError(args.count >= 1 ? "BaseExceptionGroup.__new__(X): X is not a type object (\(what))"
                                                  : "BaseExceptionGroup.__new__(): not enough arguments")
    }
    guard requested.isSubtype(of: PyType.baseExceptionGroup) else {
      throw PyException.typeError(
        "BaseExceptionGroup.__new__(\(requested.name)): \(requested.name) is not a subtype of BaseExceptionGroup")
    }
    // Keywords are left to `__init__`, which refuses them unless overridden.
    guard args.count == 3 else {
      throw PyException.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (\(args.count - 1) given)")
    }
    let message = args[1]
    let given = args[2]
    guard message.asStr != nil else {
      throw PyException.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not \(message.type.name)")
    }
    guard isSequence(given) else {
      throw PyException.typeError("second argument (exceptions) must be a sequence")
    }
    let members: PyTuple
    if given.exactTuple != nil, let tuple = given.asTuple {
      members = tuple
    } else {
      members = PyTuple(try ts.collect(given))
    }
    if members.count == 0 {
      throw PyException.valueError("second argument (exceptions) must be a non-empty sequence")
    }
    var holdsBaseExceptions = false
    for (i, item) in members.items.enumerated() {
      guard let e = item.asException else {
        throw PyException.valueError("Item \(i) of second argument (exceptions) is not an exception")
      }
      if !e.isInstance(of: PyType.exception) { holdsBaseExceptions = true }
    }
    let cls = try groupClass(requested, holdsBaseExceptions: holdsBaseExceptions)
    let givenRepr = given.asList != nil || given.asTuple != nil ? nil : try ts.repr(given)
    let e = PyException(type: cls, args: PyTuple([message, given]))
    e.group = ExceptionGroupFields(message: message, exceptions: members, givenRepr: givenRepr)
    return .object(e)
  }

  /// The class of a new group: `BaseExceptionGroup(...)` of plain exceptions
  /// is an `ExceptionGroup`; a group that is an `Exception` may not hold
  /// exceptions that are not.
  private static func groupClass(_ requested: PyType, holdsBaseExceptions: Bool) throws(PyException) -> PyType {
    if requested === PyType.baseExceptionGroup {
      return holdsBaseExceptions ? requested : PyType.exceptionGroup
    }
    guard holdsBaseExceptions, requested.isSubtype(of: PyType.exception) else { return requested }
    if requested === PyType.exceptionGroup {
      throw PyException.typeError("Cannot nest BaseExceptions in an ExceptionGroup")
    }
    throw PyException.typeError("Cannot nest BaseExceptions in '\(requested.name)'")
  }

  /// CPython's sequence check: indexable, and not a mapping.
  private static func isSequence(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    if o is PyList || o is PyTuple || o is PyStr { return true }
    if o is PyDict { return false }
    return o.type.lookup(names.__getitem__) != nil
  }

  /// CPython 3.14's repr: the message and the members as `exceptions` holds
  /// them, spelt as a list when the group was built from one (python/cpython
  /// #141732: mutating that list later no longer shows).
  static func groupRepr(_ ts: ThreadState, _ e: PyException) throws(PyException) -> String {
    guard let g = e.group else { return e.type.name + (try ts.repr(.object(e.args))) }
    let members: String
    if let saved = g.givenRepr {
      members = saved
    } else if e.args.count > 1, e.args.items[1].asList != nil {
      members = try ts.repr(.object(PyList(Array(g.exceptions.items))))
    } else {
      members = try ts.repr(.object(g.exceptions))
    }
    return "\(e.type.name)(\(try ts.repr(g.message)), \(members))"
  }
}
