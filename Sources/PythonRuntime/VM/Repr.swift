import BigInt

/// `repr()`, `str()`, `ascii()` and `format()`.
extension ThreadState {
  func repr(_ v: Value) throws(PyException) -> String {
    switch v {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return FloatFormat.repr(d)
    case .null: return "<NULL>"
    case .object(let o):
      switch o.kind {
      case .str: return StrOps.repr(unsafeDowncast(o, to: PyStr.self).value)
      case .long: return try bigIntString(unsafeDowncast(o, to: PyLong.self).value)
      case .list, .tuple, .dict, .set, .frozenset:
        return try reprContainer(o)
      default:
        break
      }
      let t = o.type!
      if let m = t.lookup(names.__repr__) {
        if m.asObject === BuiltinsCore.objectRepr { return defaultRepr(o) }
        let r = try callMethodValue(m, v)
        guard let s = r.asStr else {
          throw PyException.typeError("__repr__ returned non-string (type \(r.type.name))")
        }
        return s.value
      }
      return defaultRepr(o)
    }
  }

  func defaultRepr(_ o: PyObject) -> String {
    "<\(o.type.fullName) object at \(hexAddress(o))>"
  }

  func hexAddress(_ o: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16).leftPadded(to: 12)
  }

  func bigIntString(_ b: BigInt) throws(PyException) -> String {
    let limit = interp.runtime.maxStrDigits.load(ordering: .relaxed)
    if limit > 0 && b.bitWidth > 14_000 {
      // A quick bound before the real conversion: bits * log10(2).
      let digits = Int(Double(b.bitWidth - 1) * 0.30103) + 1
      if digits > limit {
        throw PyException.valueError(
          "Exceeds the limit (\(limit) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
      }
    }
    let s = String(b)
    if limit > 0 {
      let digits = s.utf8.count - (b.sign == .minus ? 1 : 0)
      if digits > limit {
        throw PyException.valueError(
          "Exceeds the limit (\(limit) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
      }
    }
    return s
  }

  private func reprContainer(_ o: PyObject) throws(PyException) -> String {
    let id = ObjectIdentifier(o)
    if reprActive.contains(id) {
      switch o.kind {
      case .list: return "[...]"
      case .dict: return "{...}"
      default: return "\(o.type.name)(...)"
      }
    }
    try enterNativeRecursion(" while getting the repr of an object")
    defer { leaveNativeRecursion() }
    reprActive.insert(id)
    defer { reprActive.remove(id) }
    switch o.kind {
    case .list:
      let items = unsafeDowncast(o, to: PyList.self).items
      var parts: [String] = []
      parts.reserveCapacity(items.count)
      for v in items { parts.append(try repr(v)) }
      return "[" + parts.joined(separator: ", ") + "]"
    case .tuple:
      let items = unsafeDowncast(o, to: PyTuple.self).items
      var parts: [String] = []
      for v in items { parts.append(try repr(v)) }
      if parts.count == 1 { return "(" + parts[0] + ",)" }
      return "(" + parts.joined(separator: ", ") + ")"
    case .dict:
      let d = unsafeDowncast(o, to: PyDict.self)
      var parts: [String] = []
      for (k, v) in d.storageItems() { parts.append(try repr(k) + ": " + repr(v)) }
      return "{" + parts.joined(separator: ", ") + "}"
    case .set, .frozenset:
      let s = unsafeDowncast(o, to: PySet.self)
      let name = o.kind == .set ? "set" : "frozenset"
      if s.count == 0 { return name + "()" }
      var parts: [String] = []
      for v in s.keys { parts.append(try repr(v)) }
      let body = "{" + parts.joined(separator: ", ") + "}"
      return o.kind == .set ? body : "frozenset(" + body + ")"
    default:
      return defaultRepr(o)
    }
  }

  func str(_ v: Value) throws(PyException) -> String {
    switch v {
    case .object(let o):
      switch o.kind {
      case .str: return unsafeDowncast(o, to: PyStr.self).value
      case .exception where o.type.lookup(names.__str__)?.asObject === BuiltinsCore.exceptionStr:
        return try exceptionMessage(unsafeDowncast(o, to: PyException.self))
      default: break
      }
      let t = o.type!
      if let m = t.lookup(names.__str__), !(m.asObject === BuiltinsCore.objectStr) {
        let r = try callMethodValue(m, v)
        guard let s = r.asStr else {
          throw PyException.typeError("__str__ returned non-string (type \(r.type.name))")
        }
        return s.value
      }
      return try repr(v)
    default:
      return try repr(v)
    }
  }

  /// `str(exc)` for builtin exception types.
  func exceptionMessage(_ e: PyException) throws(PyException) -> String {
    if e.type.isSubtype(of: PyType.keyError), e.args.count == 1 { return try repr(e.args.items[0]) }
    if e.type.isSubtype(of: PyType.syntaxError), let msg = e.attribute("msg"), !msg.isNone {
      var s = try str(msg)
      let file = e.attribute("filename") ?? .none
      let line = e.attribute("lineno") ?? .none
      if !file.isNone && !line.isNone {
        s += " (\(try str(file)), line \(try str(line)))"
      } else if !line.isNone {
        s += " (line \(try str(line)))"
      }
      return s
    }
    switch e.args.count {
    case 0: return ""
    case 1: return try str(e.args.items[0])
    default: return try repr(.object(e.args))
    }
  }

  func ascii(_ v: Value) throws(PyException) -> String {
    StrOps.asciiEscape(try repr(v))
  }

  // MARK: format()

  func format(_ v: Value, _ spec: String) throws(PyException) -> String {
    switch v {
    case .int, .bool:
      if case .bool = v, spec.isEmpty { return try str(v) }
      return try FormatBridge.formatInt(v.bigIntValue!, spec)
    case .float(let d):
      return try FormatBridge.formatFloat(d, spec)
    case .object(let o):
      if o.kind == .str { return try FormatBridge.formatStr(unsafeDowncast(o, to: PyStr.self).value, spec) }
      if o.kind == .long { return try FormatBridge.formatInt(unsafeDowncast(o, to: PyLong.self).value, spec) }
      let t = o.type!
      if let m = t.lookup(names.__format__), !(m.asObject === BuiltinsCore.objectFormat) {
        let r = try callMethodValue(m, v, Value(spec))
        guard let s = r.asStr else {
          throw PyException.typeError("__format__ must return a str, not \(r.type.name)")
        }
        return s.value
      }
      if !spec.isEmpty {
        throw PyException.typeError("unsupported format string passed to \(t.name).__format__")
      }
      return try str(v)
    default:
      if !spec.isEmpty {
        throw PyException.typeError("unsupported format string passed to \(v.type.name).__format__")
      }
      return try str(v)
    }
  }

  /// One f-string replacement field.
  func formatValue(_ v: Value, conversion: Int, spec: Value?) throws(PyException) -> Value {
    var value = v
    switch conversion {
    case 1: value = Value(try str(v))
    case 2: value = Value(try repr(v))
    case 3: value = Value(try ascii(v))
    default: break
    }
    let specString = spec?.asStr?.value ?? ""
    if specString.isEmpty, let s = value.exactStr { return .object(s) }
    if specString.isEmpty, case .int(let i) = value { return Value(String(i)) }
    return Value(try format(value, specString))
  }

  /// The interactive echo of an expression statement (`sys.displayhook`).
  func displayHook(_ v: Value) throws(PyException) {
    let hook = interp.sysModule.attributes.getStr(names.displayhook)
    if let h = hook, !(h.asObject === BuiltinsCore.defaultDisplayHook) {
      _ = try call(h, v)
      return
    }
    if v.isNone { return }
    interp.builtins.setStr(names.underscore, .none)
    let text = try repr(v)
    try writeStdout(text + "\n")
    interp.builtins.setStr(names.underscore, v)
  }
}

extension String {
  func leftPadded(to n: Int, with c: Character = "0") -> String {
    count >= n ? self : String(repeating: c, count: n - count) + self
  }
}
