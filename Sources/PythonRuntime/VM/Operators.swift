/// Binary and unary operators, comparisons, truth and hashing — the
/// number, sequence and rich-comparison protocols.
///
/// Exact builtin operands are handled natively (`NativeOps`); everything else
/// follows CPython's dispatch: the left operand's method, the right
/// operand's reflected method (first, if its type is a subclass of the
/// left's), `NotImplemented` meaning "try the other side".
enum UnaryKind { case neg, pos, invert }

extension ThreadState {
  // MARK: Binary operators

  func binaryOp(_ kind: BinaryOpKind, _ a: Value, _ b: Value) throws(PyException) -> Value {
    if kind.isInplace {
      let base = kind.base
      // Mutable builtins update in place.
      if case .object(let o) = a {
        if o.kind == .list, base == .add {
          try listExtend(unsafeDowncast(o, to: PyList.self), b)
          return a
        }
        if o.kind == .list, base == .mul, let n = b.smallInt {
          let l = unsafeDowncast(o, to: PyList.self)
          let items = l.items
          l.items.removeAll(keepingCapacity: true)
          if n > 0 {
            try checkRepeatSize(items.count, n)
            for _ in 0..<n { l.items.append(contentsOf: items) }
          }
          return a
        }
        if o.kind == .instance || o.kind == .set || o.kind == .dict || o.kind == .bytearray {
          if let r = try inplaceNative(o, base, b) { return r }
          if o.kind == .instance, let m = a.type.lookup(Dunder.inplaceName(base)) {
            let r = try callMethodValue(m, a, b)
            if !r.isNotImplemented { return r }
          }
        }
      }
      return try binaryOpNoInplace(base, a, b, symbol: base.symbol + "=")
    }
    return try binaryOpNoInplace(kind, a, b, symbol: kind.symbol)
  }

  private func inplaceNative(_ o: PyObject, _ op: BinaryOpKind, _ b: Value) throws(PyException) -> Value? {
    if o.kind == .set, let other = b.asObject as? PySet {
      let s = unsafeDowncast(o, to: PySet.self)
      switch op {
      case .or: try s.merge(self, other); return .object(s)
      case .and, .sub, .xor:
        let r = try SetOps.binary(self, op, s, other)!
        s.removeAll()
        try s.merge(self, r)
        return .object(s)
      default: return nil
      }
    }
    if o.kind == .dict, op == .or {
      let d = unsafeDowncast(o, to: PyDict.self)
      try dictUpdate(d, from: b)
      return .object(d)
    }
    if o.kind == .bytearray, let ba = o as? PyByteArray {
      if op == .add, let other = bytesLike(b) {
        ba.bytes.append(contentsOf: other)
        return .object(ba)
      }
    }
    return nil
  }

  func binaryOpNoInplace(_ kind: BinaryOpKind, _ a: Value, _ b: Value, symbol: String) throws(PyException) -> Value {
    if let r = try NativeOps.binary(self, kind, a, b) { return r }
    let ta = a.type, tb = b.type
    let name = Dunder.binaryName(kind)
    let rname = Dunder.reflectedName(kind)
    let leftIsNative = isNativelyHandled(a)
    let rightIsNative = isNativelyHandled(b)
    let slotA: Value? = leftIsNative ? nil : ta.lookup(name)
    var slotB: Value? = (tb === ta || rightIsNative) ? nil : tb.lookup(rname)
    if let sb = slotB, let sa = slotA, sb.isIdentical(to: sa) { slotB = nil }
    if let sa = slotA {
      if let sb = slotB, tb.isSubtype(of: ta) {
        let r = try callMethodValue(sb, b, a)
        if !r.isNotImplemented { return r }
        slotB = nil
      }
      let r = try callMethodValue(sa, a, b)
      if !r.isNotImplemented { return r }
    }
    if let sb = slotB {
      let r = try callMethodValue(sb, b, a)
      if !r.isNotImplemented { return r }
    }
    // The sequence protocol's own messages (CPython's sq_concat / sq_repeat).
    if kind == .add, case .object(let o) = a, let seqName = concatName(o) {
      if o is PyBytes || o is PyByteArray {
        throw PyException.typeError("can't concat \(tb.name) to \(seqName)")
      }
      throw PyException.typeError("can only concatenate \(seqName) (not \"\(tb.name)\") to \(seqName)")
    }
    if kind == .mul, isRepeatable(a) || isRepeatable(b), !(b.isInt && isRepeatable(a)), !(a.isInt && isRepeatable(b)) {
      let other = isRepeatable(a) ? tb : ta
      throw PyException.typeError("can't multiply sequence by non-int of type '\(other.name)'")
    }
    if kind == .rshift, case .object(let o) = a, o is PyBuiltinFunction,
       (o as! PyBuiltinFunction).name == "print" {
      throw PyException.typeError(
        "unsupported operand type(s) for >>: 'builtin_function_or_method' and '\(tb.name)'. Did you mean \"print(<message>, file=<output_stream>)\"?")
    }
    throw PyException.typeError("unsupported operand type(s) for \(symbol): '\(ta.name)' and '\(tb.name)'")
  }

  private func concatName(_ o: PyObject) -> String? {
    if o is PyStr { return "str" }
    if o is PyList { return "list" }
    if o is PyTuple { return "tuple" }
    if o is PyBytes { return "bytes" }
    if o is PyByteArray { return "bytearray" }
    return nil
  }

  private func isRepeatable(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    return concatName(o) != nil
  }

  /// True when the value's type is a builtin whose operators `NativeOps` implements
  /// completely, so looking up dunders on it would only find NotImplemented.
  @inline(__always) private func isNativelyHandled(_ v: Value) -> Bool {
    switch v {
    case .int, .float, .bool, .none: return true
    case .object(let o): return o.kind != .instance && o.kind != .other && o.kind != .type
    case .null: return true
    }
  }

  // MARK: Unary operators

  func unaryOp(_ kind: UnaryKind, _ v: Value) throws(PyException) -> Value {
    if let r = try NativeOps.unary(self, kind, v) { return r }
    let name: PyStr
    let symbol: String
    switch kind {
    case .neg: name = names.__neg__; symbol = "unary -"
    case .pos: name = names.__pos__; symbol = "unary +"
    case .invert: name = names.__invert__; symbol = "unary ~"
    }
    if let m = v.type.lookup(name) { return try callMethodValue(m, v) }
    throw PyException.typeError("bad operand type for \(symbol): '\(v.type.name)'")
  }

  // MARK: Comparison

  func compare(_ a: Value, _ b: Value, _ op: CompareKind) throws(PyException) -> Value {
    if let r = try NativeOps.compare(self, a, b, op) { return .bool(r) }
    let ta = a.type, tb = b.type
    var checkedReflected = false
    // NativeOps already answered when both operands are builtin values; a
    // builtin operand's method still matters against a user-defined one
    // (dict.__eq__(d, counter)).
    let bothNative = isNativelyHandled(a) && isNativelyHandled(b)
    if tb !== ta && tb.isSubtype(of: ta) && !bothNative {
      if let m = tb.lookup(Dunder.compareName(op.swapped)) {
        checkedReflected = true
        let r = try callMethodValue(m, b, a)
        if !r.isNotImplemented { return r }
      }
    }
    if !bothNative, let m = ta.lookup(Dunder.compareName(op)) {
      let r = try callMethodValue(m, a, b)
      if !r.isNotImplemented { return r }
    }
    if !checkedReflected && !bothNative, let m = tb.lookup(Dunder.compareName(op.swapped)) {
      let r = try callMethodValue(m, b, a)
      if !r.isNotImplemented { return r }
    }
    switch op {
    case .eq: return .bool(a.isIdentical(to: b))
    case .ne: return .bool(!a.isIdentical(to: b))
    default:
      throw PyException.typeError(
        "'\(op.symbol)' not supported between instances of '\(ta.name)' and '\(tb.name)'")
    }
  }

  /// `a == b` as a Swift Bool, with the identity shortcut containers use.
  @inline(__always)
  func richEqual(_ a: Value, _ b: Value) throws(PyException) -> Bool {
    if a.isIdentical(to: b) { return true }
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x == y
    default:
      if let sa = a.exactStr, let sb = b.exactStr { return sa.equals(sb) }
      return try isTrue(try compare(a, b, .eq))
    }
  }

  func richLess(_ a: Value, _ b: Value) throws(PyException) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y
    case (.float(let x), .float(let y)): return x < y
    default:
      if let sa = a.exactStr, let sb = b.exactStr { return PyStr.compare(sa.value, sb.value) < 0 }
      return try isTrue(try compare(a, b, .lt))
    }
  }

  // MARK: Truth

  func isTrue(_ v: Value) throws(PyException) -> Bool {
    switch v {
    case .none, .null: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .object(let o):
      switch o.kind {
      case .str: return !unsafeDowncast(o, to: PyStr.self).value.isEmpty
      case .list: return !unsafeDowncast(o, to: PyList.self).items.isEmpty
      case .tuple: return unsafeDowncast(o, to: PyTuple.self).count != 0
      case .dict: return unsafeDowncast(o, to: PyDict.self).count != 0
      case .set, .frozenset: return unsafeDowncast(o, to: PySet.self).count != 0
      case .long: return unsafeDowncast(o, to: PyLong.self).value != 0
      case .bytes: return !unsafeDowncast(o, to: PyBytes.self).bytes.isEmpty
      case .function, .builtinFunction, .type, .module, .boundMethod, .code: return true
      default: break
      }
      let t = o.type!
      if let m = t.lookup(names.__bool__) {
        if m.isNone { throw PyException.typeError("'\(t.name)' object is not callable") }
        let r = try callMethodValue(m, v)
        if case .bool(let b) = r { return b }
        throw PyException.typeError("__bool__ should return bool, returned \(r.type.name)")
      }
      if let m = t.lookup(names.__len__) {
        let r = try callMethodValue(m, v)
        guard let n = try indexValue(r, forLen: true) else {
          throw PyException.typeError("'\(r.type.name)' object cannot be interpreted as an integer")
        }
        if n < 0 { throw PyException.valueError("__len__() should return >= 0") }
        return n != 0
      }
      return true
    }
  }

  // MARK: Hashing

  func hash(_ v: Value) throws(PyException) -> Int {
    switch v {
    case .int(let i): return Hashing.hashInt(i)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return Hashing.hashDouble(d)
    case .none: return Hashing.noneHash
    case .null: return 0
    case .object(let o):
      switch o.kind {
      case .str: return unsafeDowncast(o, to: PyStr.self).hash
      case .tuple: return try unsafeDowncast(o, to: PyTuple.self).hash(self)
      case .long: return Hashing.hashBig(unsafeDowncast(o, to: PyLong.self).value)
      case .frozenset: return unsafeDowncast(o, to: PySet.self).frozenHash()
      case .bytes: return unsafeDowncast(o, to: PyBytes.self).hash
      case .list, .dict, .set, .bytearray:
        throw PyException.typeError("unhashable type: '\(o.type.name)'")
      case .function, .builtinFunction, .type, .module, .code, .methodDescriptor, .cell,
           .generator, .notImplemented, .ellipsis:
        return Hashing.identity(o)
      default:
        break
      }
      let t = o.type!
      guard let m = t.lookup(names.__hash__) else { return Hashing.identity(o) }
      if m.isNone { throw PyException.typeError("unhashable type: '\(t.name)'") }
      if case .object(let mo) = m, mo === BuiltinsCore.objectHash { return Hashing.identity(o) }
      let r = try callMethodValue(m, v)
      switch r {
      case .int(let i): return i == -1 ? -2 : i
      case .bool(let b): return b ? 1 : 0
      default:
        if let big = r.bigIntValue { return Hashing.hashBig(big) }
        throw PyException.typeError("__hash__ method should return an integer")
      }
    }
  }
}

/// Dunder names for operators.
enum Dunder {
  static func binaryName(_ k: BinaryOpKind) -> PyStr {
    switch k.base {
    case .add: return names.__add__
    case .sub: return names.__sub__
    case .mul: return names.__mul__
    case .matMul: return names.__matmul__
    case .trueDiv: return names.__truediv__
    case .floorDiv: return names.__floordiv__
    case .mod: return names.__mod__
    case .pow: return names.__pow__
    case .lshift: return names.__lshift__
    case .rshift: return names.__rshift__
    case .and: return names.__and__
    case .or: return names.__or__
    case .xor: return names.__xor__
    default: return names.__add__
    }
  }

  static func reflectedName(_ k: BinaryOpKind) -> PyStr {
    switch k.base {
    case .add: return names.__radd__
    case .sub: return names.__rsub__
    case .mul: return names.__rmul__
    case .matMul: return names.__rmatmul__
    case .trueDiv: return names.__rtruediv__
    case .floorDiv: return names.__rfloordiv__
    case .mod: return names.__rmod__
    case .pow: return names.__rpow__
    case .lshift: return names.__rlshift__
    case .rshift: return names.__rrshift__
    case .and: return names.__rand__
    case .or: return names.__ror__
    case .xor: return names.__rxor__
    default: return names.__radd__
    }
  }

  static func inplaceName(_ k: BinaryOpKind) -> PyStr {
    switch k.base {
    case .add: return names.__iadd__
    case .sub: return names.__isub__
    case .mul: return names.__imul__
    case .matMul: return names.__imatmul__
    case .trueDiv: return names.__itruediv__
    case .floorDiv: return names.__ifloordiv__
    case .mod: return names.__imod__
    case .pow: return names.__ipow__
    case .lshift: return names.__ilshift__
    case .rshift: return names.__irshift__
    case .and: return names.__iand__
    case .or: return names.__ior__
    case .xor: return names.__ixor__
    default: return names.__iadd__
    }
  }

  static func compareName(_ op: CompareKind) -> PyStr {
    switch op {
    case .lt: return names.__lt__
    case .le: return names.__le__
    case .eq: return names.__eq__
    case .ne: return names.__ne__
    case .gt: return names.__gt__
    case .ge: return names.__ge__
    }
  }
}
