/// The condition `split`/`subgroup` select exceptions by.
enum ExceptionGroupMatcher {
  /// An exception class or a tuple of them (`isinstance`-style).
  case types(Value)
  /// A function called with each exception (groups included).
  case predicate(Value)
  /// Exactly these leaf exceptions: how `except*` finds the part of the
  /// original group that handlers re-raised.
  case leaves(Set<ObjectIdentifier>)

  init(_ ts: ThreadState, _ condition: Value) throws(PyException) {
    if condition.asType == nil, ts.isCallable(condition) {
      self = .predicate(condition)
      return
    }
    if let t = condition.asType, t.isExceptionType {
      self = .types(condition)
      return
    }
    if let tuple = condition.exactTuple,
       tuple.items.allSatisfy({ $0.asType?.isExceptionType ?? false }) {
      self = .types(condition)
      return
    }
    throw PyException.typeError(
      "expected an exception type, a tuple of exception types, or a callable (other than a class)")
  }

  func matches(_ ts: ThreadState, _ e: PyException) throws(PyException) -> Bool {
    switch self {
    case .types(let condition):
      if let t = condition.asType { return e.isInstance(of: t) }
      return condition.asTuple!.items.contains { e.isInstance(of: $0.asType!) }
    case .predicate(let f):
      return try ts.isTrue(try ts.call(f, .object(e)))
    case .leaves(let ids):
      return ids.contains(ObjectIdentifier(e))
    }
  }
}

/// Splitting exception groups (`split`, `subgroup`, `except*`): the parts
/// keep the nesting of the original, are built by each group's `derive()`
/// and carry its traceback, cause, context and notes.
extension ThreadState {
  func splitGroup(_ e: PyException, by matcher: ExceptionGroupMatcher,
                  withRest: Bool) throws(PyException) -> (match: PyException?, rest: PyException?) {
    if try matcher.matches(self, e) { return (e, nil) }
    guard e.isInstance(of: PyType.baseExceptionGroup), let members = e.groupMembers else {
      return (nil, withRest ? e : nil)
    }
    try enterNativeRecursion(" in exceptiongroup_split_recursive")
    defer { leaveNativeRecursion() }
    var matched: [Value] = []
    var rest: [Value] = []
    for member in members {
      let parts = try splitGroup(member, by: matcher, withRest: withRest)
      if let m = parts.match { matched.append(.object(m)) }
      if let r = parts.rest { rest.append(.object(r)) }
    }
    let matchPart = try derivedPart(of: e, matched)
    let restPart = withRest ? try derivedPart(of: e, rest) : nil
    return (matchPart, restPart)
  }

  /// A group like `orig` holding `members` (nil when there are none), made
  /// by `orig.derive(list)` so subclasses choose their own type and fields.
  private func derivedPart(of orig: PyException, _ members: [Value]) throws(PyException) -> PyException? {
    if members.isEmpty { return nil }
    let made = try callMethod(.object(orig), intern("derive"), .object(PyList(members)))
    guard let part = made.asException, part.isInstance(of: PyType.baseExceptionGroup) else {
      throw PyException.typeError("derive must return an instance of BaseExceptionGroup")
    }
    if let tb = orig.traceback { part.traceback = tb }
    part.context = orig.context
    // Setting the cause (as CPython's PyException_SetCause does) also
    // suppresses the context when the part is displayed.
    part.cause = orig.cause
    part.suppressContext = true
    if let notes = try lookupAttrOptional(.object(orig), names.__notes__), isNotesSequence(notes) {
      // A copy, so notes added to one part do not show on the others.
      try setAttr(.object(part), names.__notes__, .object(PyList(try collect(notes))))
    }
    return part
  }

  private func isNotesSequence(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    if o is PyDict { return false }
    return o.type.lookup(names.__getitem__) != nil
  }

  /// `ExceptionGroup("", members)` (a `BaseExceptionGroup` if any member is
  /// not an `Exception`), as the interpreter builds it for `except*`.
  func makeExceptionGroup(_ message: String, _ members: Value) throws(PyException) -> PyException {
    try call(.object(PyType.baseExceptionGroup), Value(message), members).asException!
  }

  /// The part of the group `orig` whose leaves are among those of `keep`,
  /// in `orig`'s nesting (nil when `keep` is empty).
  func groupProjection(_ orig: PyException, keep: [PyException]) throws(PyException) -> PyException? {
    if keep.isEmpty { return nil }
    var ids = Set<ObjectIdentifier>()
    func collectLeaves(_ e: PyException) {
      if e.isInstance(of: PyType.baseExceptionGroup), let members = e.groupMembers {
        members.forEach(collectLeaves)
      } else {
        ids.insert(ObjectIdentifier(e))
      }
    }
    keep.forEach(collectLeaves)
    return try splitGroup(orig, by: .leaves(ids), withRest: false).match
  }
}
