/// Run-time support for `match` statements.
extension ThreadState {
  /// `collections.abc.Mapping` check as `match` does it (dicts and classes
  /// marked as mappings).
  func isMappingForMatch(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    if o is PyDict || o is PyMappingProxy { return true }
    return o.type.mro.contains { $0.isHeapType && $0.attributes.getStr(intern("_abc_mapping")) != nil }
  }

  /// `collections.abc.Sequence` check, excluding str, bytes and bytearray.
  func isSequenceForMatch(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    switch o.kind {
    case .list, .tuple, .range: return true
    case .str, .bytes, .bytearray, .dict: return false
    default:
      if o is PyList || o is PyTuple || o is PyMemoryView { return true }
      if o is PyStr || o is PyBytes || o is PyByteArray || o is PyDict { return false }
      return o.type.mro.contains { $0.isHeapType && $0.attributes.getStr(intern("_abc_sequence")) != nil }
    }
  }

  /// Values for `keys` in a mapping subject, or None when one is missing.
  func matchKeys(subject: Value, keys: Value) throws(PyException) -> Value {
    guard let kt = keys.asTuple else { return .none }
    var values: [Value] = []
    var seen: [Value] = []
    for k in kt.items {
      for s in seen where try richEqual(s, k) {
        throw PyException.valueError("mapping pattern checks duplicate key (\(try repr(k)))")
      }
      seen.append(k)
      if let d = subject.asDict, d.kind == .dict {
        guard let v = try d.get(self, k) else { return .none }
        values.append(v)
      } else {
        let getter = try getAttr(subject, names.get)
        let sentinel = Value.object(PySingleton.ellipsis)
        let v = try call(getter, k, .object(PyTuple([sentinel])))
        if case .object(let vo) = v, let t = vo as? PyTuple, t.count == 1, t.items[0].isIdentical(to: sentinel) {
          return .none
        }
        values.append(v)
      }
    }
    return .object(PyTuple(values))
  }

  /// The attributes a class pattern binds, or None when the subject does not match.
  func matchClass(subject: Value, cls: Value, positionalCount: Int, kwnames: Value) throws(PyException) -> Value {
    guard let t = cls.asType else {
      throw PyException.typeError("called match pattern must be a class")
    }
    guard try isInstance(subject, cls) else { return .none }
    var attrs: [Value] = []
    var used = Set<String>()
    if positionalCount > 0 {
      let selfMatching: Set<String> = ["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list",
                                       "set", "str", "tuple"]
      let matchArgs = try lookupAttrOptional(cls, names.__match_args__)
      if matchArgs == nil, t.mro.contains(where: { !$0.isHeapType && selfMatching.contains($0.name) }) {
        if positionalCount > 1 {
          throw PyException.typeError("\(t.name)() accepts 1 positional sub-pattern (\(positionalCount) given)")
        }
        attrs.append(subject)
      } else {
        let args: [Value]
        if let m = matchArgs {
          guard let tup = m.asTuple else {
            throw PyException.typeError("\(t.name).__match_args__ must be a tuple (got \(m.type.name))")
          }
          args = Array(tup.items)
        } else {
          args = []
        }
        if positionalCount > args.count {
          throw PyException.typeError(
            "\(t.name)() accepts \(args.count) positional sub-pattern\(args.count == 1 ? "" : "s") (\(positionalCount) given)")
        }
        for i in 0..<positionalCount {
          guard let name = args[i].asStr else {
            throw PyException.typeError("__match_args__ elements must be strings (got \(args[i].type.name))")
          }
          used.insert(name.value)
          guard let v = try lookupAttrOptional(subject, intern(name.value)) else { return .none }
          attrs.append(v)
        }
      }
    }
    if let kw = kwnames.asTuple {
      for k in kw.items {
        let name = k.asStr!.value
        if used.contains(name) {
          throw PyException.typeError("\(t.name)() got multiple sub-patterns for attribute '\(name)'")
        }
        used.insert(name)
        guard let v = try lookupAttrOptional(subject, intern(name)) else { return .none }
        attrs.append(v)
      }
    }
    return .object(PyTuple(attrs))
  }

  /// `{**rest}`: a copy of the mapping without the matched keys.
  func copyDictWithoutKeys(_ subject: Value, keys: Value) throws(PyException) -> Value {
    let d = PyDict()
    try dictUpdate(d, from: subject)
    if let kt = keys.asTuple {
      for k in kt.items { try d.remove(self, k) }
    }
    return .object(d)
  }
}
