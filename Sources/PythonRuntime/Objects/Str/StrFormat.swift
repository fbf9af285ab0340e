/// `str.format` / `str.format_map`: replacement fields with auto or manual
/// numbering, attribute and index lookups, conversions and nested specs.
///
/// The format string is scanned as UTF-8 bytes: every character with a
/// meaning here (`{ } ! : . [ ]`) is ASCII, and literal text between fields
/// is copied in runs.
enum StrFormat {
  static func format(_ ts: ThreadState, _ fmt: String, _ args: Args, mapping: Value? = nil) throws(PyException) -> String {
    var state = State(args: args, mapping: mapping)
    let bytes = Array(fmt.utf8)
    return try bytes.withUnsafeBufferPointer { (b) throws(PyException) -> String in
      try render(ts, b, 0, b.count, &state, depth: 0)
    }
  }

  struct State {
    let args: Args
    var mapping: Value?
    var autoIndex = 0
    var usedAuto = false
    var usedManual = false

    init(args: Args, mapping: Value?) {
      self.args = args
      self.mapping = mapping
    }
  }

  private static let open: UInt8 = 123, close: UInt8 = 125

  private static func text(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
  }

  private static func render(_ ts: ThreadState, _ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int,
                             _ state: inout State, depth: Int) throws(PyException) -> String {
    if depth > 2 { throw PyException.valueError("Max string recursion exceeded") }
    var out = ""
    var i = lo
    var literalStart = lo
    while i < hi {
      let c = s[i]
      if c != open && c != close {
        i += 1
        continue
      }
      out += text(s, literalStart, i)
      let atEnd = i + 1 >= hi
      if c == close && (atEnd || s[i + 1] != close) {
        throw PyException.valueError("Single '}' encountered in format string")
      }
      if atEnd { throw PyException.valueError("Single '{' encountered in format string") }
      if s[i + 1] == c {
        out += c == open ? "{" : "}"
        i += 2
        literalStart = i
        continue
      }
      i += 1
      let field = try parseField(s, &i, hi)
      out += try replace(ts, s, field, &state, depth: depth)
      literalStart = i
    }
    if literalStart == lo && out.isEmpty { return text(s, lo, hi) }
    out += text(s, literalStart, hi)
    return out
  }

  /// A replacement field: its name, conversion character and spec.
  struct Field {
    var nameLo = 0, nameHi = 0
    var conversion: UInt32? = nil
    var specLo = 0, specHi = 0
    var specNeedsExpanding = false
  }

  /// Parses a field starting after its '{'; leaves `i` after its '}'.
  private static func parseField(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ hi: Int) throws(PyException) -> Field {
    var field = Field()
    field.nameLo = i
    var c: UInt8 = 0
    // The name ends at '}', ':' or '!'; '[' skips to the next ']'.
    nameLoop: while i < hi {
      c = s[i]
      i += 1
      switch c {
      case open: throw PyException.valueError("unexpected '{' in field name")
      case 91:
        while i < hi && s[i] != 93 { i += 1 }
      case close, 58, 33: break nameLoop
      default: continue
      }
    }
    field.nameHi = i - 1
    if c == 33 || c == 58 {
      if c == 33 {
        guard i < hi else {
          throw PyException.valueError("end of string while looking for conversion specifier")
        }
        let (v, len) = StrMethods.decode(s, i)
        field.conversion = v
        i += len
        if i < hi {
          let d = s[i]
          i += 1
          if d == close { return field }
          if d != 58 { throw PyException.valueError("expected ':' after conversion specifier") }
        }
      }
      field.specLo = i
      var count = 1
      while i < hi {
        let d = s[i]
        i += 1
        if d == open {
          field.specNeedsExpanding = true
          count += 1
        } else if d == close {
          count -= 1
          if count == 0 {
            field.specHi = i - 1
            return field
          }
        }
      }
      throw PyException.valueError("unmatched '{' in format spec")
    }
    if c != close { throw PyException.valueError("expected '}' before end of string") }
    return field
  }

  private static func replace(_ ts: ThreadState, _ f: UnsafeBufferPointer<UInt8>, _ field: Field,
                              _ state: inout State, depth: Int) throws(PyException) -> String {
    var value = try resolve(ts, f, field.nameLo, field.nameHi, &state)
    if let conv = field.conversion {
      switch conv {
      case 114: value = Value(try ts.repr(value))   // r
      case 115: value = Value(try ts.str(value))    // s
      case 97: value = Value(try ts.ascii(value))   // a
      default:
        let shown = conv > 32 && conv < 127 ? String(UnicodeScalar(UInt8(conv))) : "\\x" + String(conv, radix: 16)
        throw PyException.valueError("Unknown conversion specifier \(shown)")
      }
    }
    var spec = ""
    if field.specHi > field.specLo {
      spec = field.specNeedsExpanding
        ? try render(ts, f, field.specLo, field.specHi, &state, depth: depth + 1)
        : text(f, field.specLo, field.specHi)
    }
    if spec.isEmpty, let s = value.exactStr { return s.value }
    return try ts.format(value, spec)
  }

  private static func isDigits(_ f: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
    if lo >= hi { return false }
    for k in lo..<hi where f[k] < 48 || f[k] > 57 { return false }
    return true
  }

  private static func resolve(_ ts: ThreadState, _ f: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int,
                              _ state: inout State) throws(PyException) -> Value {
    // The first part: an index, a keyword, or empty (automatic numbering).
    var i = lo
    while i < hi && f[i] != 46 && f[i] != 91 { i += 1 }   // . [
    let positional = state.args.count
    var value: Value
    if state.mapping != nil && (i == lo || isDigits(f, lo, i)) {
      throw PyException.valueError("Format string contains positional fields")
    }
    if i == lo {
      if state.usedManual {
        throw PyException.valueError("cannot switch from manual field specification to automatic field numbering")
      }
      state.usedAuto = true
      let idx = state.autoIndex
      state.autoIndex += 1
      guard idx < positional else {
        throw PyException.indexError("Replacement index \(idx) out of range for positional args tuple")
      }
      value = state.args[idx]
    } else if isDigits(f, lo, i), let idx = Int(text(f, lo, i)) {
      if state.usedAuto {
        throw PyException.valueError("cannot switch from automatic field numbering to manual field specification")
      }
      state.usedManual = true
      guard idx < positional else {
        throw PyException.indexError("Replacement index \(idx) out of range for positional args tuple")
      }
      value = state.args[idx]
    } else {
      let first = text(f, lo, i)
      if let m = state.mapping {
        value = try ts.getItem(m, Value(first))
      } else if let v = state.args.keyword(first) {
        value = v
      } else {
        throw PyException.keyError(Value(first))
      }
    }
    // Then .attr and [key] parts.
    while i < hi {
      if f[i] == 46 {
        var j = i + 1
        while j < hi && f[j] != 46 && f[j] != 91 { j += 1 }
        if j == i + 1 { throw PyException.valueError("Empty attribute in format string") }
        value = try ts.getAttr(value, intern(text(f, i + 1, j)))
        i = j
      } else if f[i] == 91 {
        var j = i + 1
        while j < hi && f[j] != 93 { j += 1 }
        if j >= hi { throw PyException.valueError("Missing ']' in format string") }
        if isDigits(f, i + 1, j), let k = Int(text(f, i + 1, j)) {
          value = try ts.getItem(value, .int(k))
        } else {
          value = try ts.getItem(value, Value(text(f, i + 1, j)))
        }
        i = j + 1
        if i < hi && f[i] != 46 && f[i] != 91 {
          throw PyException.valueError("Only '.' or '[' may follow ']' in format field specifier")
        }
      } else {
        throw PyException.valueError("Only '.' or '[' may follow ']' in format field specifier")
      }
    }
    return value
  }
}
