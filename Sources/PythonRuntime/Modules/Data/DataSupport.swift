/// Small helpers shared by the data modules (json, pickle, ...).
extension PyException {
  /// `BaseException.add_note(note)`.
  func addNote(_ note: String) {
    if let notes = attribute("__notes__")?.asList {
      notes.items.append(Value(note))
    } else {
      setAttribute("__notes__", .object(PyList([Value(note)])))
    }
  }
}

extension ThreadState {
  /// `_Py_EnterRecursiveCall(where)`: native recursion counts against the
  /// recursion limit like Python calls do.
  func enterNativeRecursion(_ whereText: String) throws(PyException) {
    depth += 1
    if depth > interp.recursionLimit || nativeStackExhausted() {
      depth -= 1
      throw PyException.recursionError("maximum recursion depth exceeded\(whereText)")
    }
  }

  func leaveNativeRecursion() { depth -= 1 }
}

extension PyType {
  /// `%T` in CPython's error formatting: the fully qualified type name
  /// (`dict`, `__main__.Point`).
  var fullyQualifiedName: String {
    let m = moduleName
    return m == "builtins" ? qualname : "\(m).\(qualname)"
  }
}
