/// `str.format` / `str.format_map`: replacement fields with auto or manual
/// numbering, attribute and index lookups, conversions and nested specs.
enum StrFormat {
  static func format(_ ts: ThreadState, _ fmt: String, _ args: Args, mapping: Value? = nil) throws(PyException) -> String {
    var state = State(positional: Array(args.positional), keywords: args.keywords, mapping: mapping)
    return try render(ts, Array(fmt.unicodeScalars), &state, depth: 0)
  }

  struct State {
    var positional: [Value]
    var keywords: [(PyStr, Value)]
    var mapping: Value?
    var autoIndex = 0
    var usedAuto = false
    var usedManual = false
  }

  private static func render(_ ts: ThreadState, _ s: [Unicode.Scalar], _ state: inout State, depth: Int) throws(PyException) -> String {
    if depth > 2 { throw PyException.valueError("Max string recursion exceeded") }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      let c = s[i]
      if c == "{" {
        if i + 1 < s.count && s[i + 1] == "{" {
          out.append("{")
          i += 2
          continue
        }
        if i + 1 >= s.count { throw PyException.valueError("Single '{' encountered in format string") }
        // Find the matching close brace, allowing nested braces in the spec.
        var j = i + 1
        var level = 1
        while j < s.count {
          if s[j] == "{" { level += 1 }
          if s[j] == "}" {
            level -= 1
            if level == 0 { break }
          }
          j += 1
        }
        if j >= s.count { throw PyException.valueError("expected '}' before end of string") }
        let field = Array(s[(i + 1)..<j])
        out.append(contentsOf: try replace(ts, field, &state, depth: depth).unicodeScalars)
        i = j + 1
        continue
      }
      if c == "}" {
        if i + 1 < s.count && s[i + 1] == "}" {
          out.append("}")
          i += 2
          continue
        }
        throw PyException.valueError("Single '}' encountered in format string")
      }
      out.append(c)
      i += 1
    }
    return String(out)
  }

  private static func replace(_ ts: ThreadState, _ field: [Unicode.Scalar], _ state: inout State, depth: Int) throws(PyException) -> String {
    // Split into name, conversion and spec (brackets may contain ':' or '!').
    var nameEnd = 0
    var inBracket = false
    while nameEnd < field.count {
      let c = field[nameEnd]
      if c == "[" { inBracket = true }
      if c == "]" { inBracket = false }
      if !inBracket && (c == "!" || c == ":") { break }
      nameEnd += 1
    }
    let name = Array(field[0..<nameEnd])
    var conversion: Unicode.Scalar? = nil
    var rest = nameEnd
    if rest < field.count && field[rest] == "!" {
      guard rest + 1 < field.count else {
        throw PyException.valueError("end of string while looking for conversion specifier")
      }
      conversion = field[rest + 1]
      rest += 2
      if rest < field.count && field[rest] != ":" {
        throw PyException.valueError("expected ':' after conversion specifier")
      }
    }
    var value = try resolve(ts, name, &state)
    var spec = ""
    if rest < field.count && field[rest] == ":" {
      let specScalars = Array(field[(rest + 1)...])
      spec = try render(ts, specScalars, &state, depth: depth + 1)
    }
    if let conv = conversion {
      switch conv {
      case "r": value = Value(try ts.repr(value))
      case "s": value = Value(try ts.str(value))
      case "a": value = Value(try ts.ascii(value))
      default:
        throw PyException.valueError("Unknown conversion specifier \(String(conv))")
      }
    }
    return try ts.format(value, spec)
  }

  private static func resolve(_ ts: ThreadState, _ name: [Unicode.Scalar], _ state: inout State) throws(PyException) -> Value {
    // The first part: an index, a keyword, or empty (automatic numbering).
    var i = 0
    while i < name.count && name[i] != "." && name[i] != "[" { i += 1 }
    let first = String(String.UnicodeScalarView(name[0..<i]))
    var value: Value
    if state.mapping != nil && (first.isEmpty || first.allSatisfy({ $0.isASCII && $0.isNumber })) {
      throw PyException.valueError("Format string contains positional fields")
    }
    if first.isEmpty {
      if state.usedManual {
        throw PyException.valueError("cannot switch from manual field specification to automatic field numbering")
      }
      state.usedAuto = true
      let idx = state.autoIndex
      state.autoIndex += 1
      guard idx < state.positional.count else {
        throw PyException.indexError("Replacement index \(idx) out of range for positional args tuple")
      }
      value = state.positional[idx]
    } else if let idx = Int(first), first.allSatisfy({ $0.isASCII && $0.isNumber }) {
      if state.usedAuto {
        throw PyException.valueError("cannot switch from automatic field numbering to manual field specification")
      }
      state.usedManual = true
      guard idx < state.positional.count else {
        throw PyException.indexError("Replacement index \(idx) out of range for positional args tuple")
      }
      value = state.positional[idx]
    } else {
      if let m = state.mapping {
        value = try ts.getItem(m, Value(first))
      } else if let kv = state.keywords.first(where: { $0.0.value == first }) {
        value = kv.1
      } else {
        throw PyException.keyError(Value(first))
      }
    }
    // Then .attr and [key] parts.
    while i < name.count {
      if name[i] == "." {
        var j = i + 1
        while j < name.count && name[j] != "." && name[j] != "[" { j += 1 }
        let attr = String(String.UnicodeScalarView(name[(i + 1)..<j]))
        if attr.isEmpty { throw PyException.valueError("Empty attribute in format string") }
        value = try ts.getAttr(value, intern(attr))
        i = j
      } else if name[i] == "[" {
        var j = i + 1
        while j < name.count && name[j] != "]" { j += 1 }
        if j >= name.count { throw PyException.valueError("Missing ']' in format string") }
        let key = String(String.UnicodeScalarView(name[(i + 1)..<j]))
        if let k = Int(key) { value = try ts.getItem(value, .int(k)) } else { value = try ts.getItem(value, Value(key)) }
        i = j + 1
        if i < name.count && name[i] != "." && name[i] != "[" {
          throw PyException.valueError("Only '.' or '[' may follow ']' in format field specifier")
        }
      } else {
        throw PyException.valueError("Only '.' or '[' may follow ']' in format field specifier")
      }
    }
    return value
  }
}
