/// Helpers for defining the attributes of builtin types in Swift.
///
/// A method receives `args[0]` as self (already checked to be an instance of
/// the type), then the call's arguments; `ArgList` binds them to parameter
/// names with CPython-style errors.
extension PyType {
  /// Adds an instance method (`list.append`).
  func method(_ name: String, doc: String? = nil, _ fn: @escaping NativeFunction) {
    attributes.setStr(intern(name), .object(PyMethodDescriptor(name: name, owner: self, doc: doc, fn)))
  }

  /// Adds a class method (`dict.fromkeys`); `args[0]` is the class.
  func classMethod(_ name: String, _ fn: @escaping NativeFunction) {
    attributes.setStr(intern(name), .object(PyClassMethodDescriptor(name: name, owner: self, fn)))
  }

  /// Adds a static method; `__new__` is one (it receives the class explicitly).
  func staticMethod(_ name: String, _ fn: @escaping NativeFunction) {
    let f = PyBuiltinFunction(name: name, qualname: "\(self.name).\(name)", fn)
    attributes.setStr(intern(name), .object(PyStaticMethod(.object(f))))
  }

  /// Adds a computed attribute.
  func getter(_ name: String, _ get: @escaping (ThreadState, Value) throws(PyException) -> Value,
              set: ((ThreadState, Value, Value?) throws(PyException) -> Void)? = nil) {
    attributes.setStr(intern(name), .object(PyGetSetDescriptor(name: name, owner: self, get: get, set: set)))
  }

  /// Adds a plain class attribute.
  func constant(_ name: String, _ value: Value) {
    attributes.setStr(intern(name), value)
  }

  /// Makes instances unhashable (`__hash__ = None`).
  func unhashable() { attributes.setStr(names.__hash__, .none) }
}

/// Binds a builtin's arguments to named parameters.
struct ArgList {
  let values: [Value?]

  /// - Parameters:
  ///   - name: the callable's name for error messages (`"split"`).
  ///   - params: parameter names in positional order.
  ///   - required: how many leading parameters are required.
  ///   - positionalOnly: parameters that may not be passed by keyword (the first n).
  ///   - skipSelf: ignore `args[0]` (methods).
  init(_ args: Args, _ name: String, _ params: [String], required: Int = 0, positionalOnly: Int? = nil,
       keywordOnly: [String] = [], skipSelf: Bool = false) throws(PyException) {
    let start = skipSelf ? 1 : 0
    let npos = args.count - start
    let all = params + keywordOnly
    var out = [Value?](repeating: nil, count: all.count)
    // CPython counts keyword arguments too when there are too many.
    let given = npos + args.kwCount
    if npos <= params.count && given > all.count && !all.isEmpty {
      throw PyException.typeError("\(name)() takes at most \(all.count) \(npos == 0 ? "keyword " : "")argument\(all.count == 1 ? "" : "s") (\(given) given)")
    }
    if npos > params.count {
      if params.isEmpty {
        throw PyException.typeError("\(name)() takes no arguments (\(npos) given)")
      }
      if required == params.count {
        if params.count == 1 {
          throw PyException.typeError("\(name)() takes exactly one argument (\(given) given)")
        }
        throw PyException.typeError("\(name)() takes exactly \(params.count) arguments (\(given) given)")
      }
      throw PyException.typeError("\(name)() takes at most \(params.count) argument\(params.count == 1 ? "" : "s") (\(given) given)")
    }
    for i in 0..<npos { out[i] = args[start + i] }
    let posOnly = positionalOnly ?? 0
    for (k, v) in args.keywords {
      guard let i = all.firstIndex(of: k.value), i >= posOnly else {
        if positionalOnly == params.count && keywordOnly.isEmpty {
          throw PyException.typeError("\(name)() takes no keyword arguments")
        }
        throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k.value)'")
      }
      if out[i] != nil {
        throw PyException.typeError("argument for \(name)() given by name ('\(k.value)') and position (\(i + 1))")
      }
      out[i] = v
    }
    for i in 0..<required where out[i] == nil {
      if i < npos { continue }
      if required == 1 && params.count == 1 {
        throw PyException.typeError("\(name)() takes exactly one argument (0 given)")
      }
      throw PyException.typeError("\(name)() missing required argument '\(params[i])' (pos \(i + 1))")
    }
    values = out
  }

  subscript(i: Int) -> Value? {
    guard let v = values[i], !v.isNull else { return nil }
    return v
  }
}

extension Args {
  /// The method's self.
  @inline(__always) var selfValue: Value { base[0] }

  /// Requires exactly `n` positional arguments after self and no keywords.
  func expect(_ name: String, _ n: Int, skipSelf: Bool = true) throws(PyException) {
    let given = count - (skipSelf ? 1 : 0)
    if hasKeywords { throw PyException.typeError("\(name)() takes no keyword arguments") }
    if given != n {
      if n == 0 { throw PyException.typeError("\(name)() takes no arguments (\(given) given)") }
      if n == 1 { throw PyException.typeError("\(name)() takes exactly one argument (\(given) given)") }
      throw PyException.typeError("\(name) expected \(n) arguments, got \(given)")
    }
  }

  /// Between `min` and `max` positional arguments after self, no keywords.
  func expect(_ name: String, min: Int, max: Int, skipSelf: Bool = true) throws(PyException) {
    let given = count - (skipSelf ? 1 : 0)
    if hasKeywords { throw PyException.typeError("\(name)() takes no keyword arguments") }
    if given < min {
      throw PyException.typeError("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(given)")
    }
    if given > max {
      throw PyException.typeError("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(given)")
    }
  }
}

extension ThreadState {
  /// A str argument, with CPython's message for the wrong type.
  func strArg(_ v: Value, _ what: @autoclosure () -> String) throws(PyException) -> PyStr {
    if let s = v.asStr { return s }
    throw PyException.typeError(what())
  }

  /// An integer argument (with `__index__`).
  func intArg(_ v: Value, _ what: @autoclosure () -> String) throws(PyException) -> Int {
    if let i = try indexValue(v) { return i }
    throw PyException.typeError(what())
  }
}
