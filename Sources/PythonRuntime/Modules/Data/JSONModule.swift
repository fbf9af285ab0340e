import BigInt

/// `_json`: the speed-critical parts of `json` (string escaping, the
/// one-shot encoder and the scanner), with CPython's output and messages.
enum JSONModule {
  // MARK: String escaping

  static func appendHex4(_ v: UInt32, _ out: inout String) {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    out.append("\\u")
    out.append(digits[Int((v >> 12) & 0xf)])
    out.append(digits[Int((v >> 8) & 0xf)])
    out.append(digits[Int((v >> 4) & 0xf)])
    out.append(digits[Int(v & 0xf)])
  }

  static func escape(_ s: String, ascii: Bool, into out: inout String) {
    out.append("\"")
    for u in s.unicodeScalars {
      switch u {
      case "\\": out.append("\\\\")
      case "\"": out.append("\\\"")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "\u{08}": out.append("\\b")
      case "\u{0C}": out.append("\\f")
      default:
        let v = u.value
        if v < 0x20 {
          appendHex4(v, &out)
        } else if ascii && v > 0x7e {
          if v >= 0x10000 {
            let x = v - 0x10000
            appendHex4(0xD800 | (x >> 10), &out)
            appendHex4(0xDC00 | (x & 0x3ff), &out)
          } else {
            appendHex4(v, &out)
          }
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out.append("\"")
  }

  static func escaped(_ s: String, ascii: Bool) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count + 2)
    escape(s, ascii: ascii, into: &out)
    return out
  }

  // MARK: Encoder

  final class Encoder {
    let trackMarkers: Bool
    var markers = Set<ObjectIdentifier>()
    let defaultFn: Value
    let encoderFn: Value
    /// 1: ASCII escaping, 2: unicode escaping, 0: call `encoderFn`.
    let fast: Int
    let indent: String?
    let keySeparator: String
    let itemSeparator: String
    let sortKeys: Bool
    let skipKeys: Bool
    let allowNan: Bool
    var separatorCache: [Int: String] = [:]

    init(trackMarkers: Bool, defaultFn: Value, encoderFn: Value, fast: Int, indent: String?,
         keySeparator: String, itemSeparator: String, sortKeys: Bool, skipKeys: Bool, allowNan: Bool) {
      self.trackMarkers = trackMarkers
      self.defaultFn = defaultFn
      self.encoderFn = encoderFn
      self.fast = fast
      self.indent = indent
      self.keySeparator = keySeparator
      self.itemSeparator = itemSeparator
      self.sortKeys = sortKeys
      self.skipKeys = skipKeys
      self.allowNan = allowNan
    }

    func writeString(_ ts: ThreadState, _ s: PyStr, _ out: inout String) throws(PyException) {
      switch fast {
      case 1: escape(s.value, ascii: true, into: &out)
      case 2: escape(s.value, ascii: false, into: &out)
      default:
        let r = try ts.call(encoderFn, .object(s))
        guard let rs = r.asStr else {
          throw PyException.typeError("encoder() must return a string, not \(r.type.name)")
        }
        out += rs.value
      }
    }

    func floatText(_ ts: ThreadState, _ d: Double, _ v: Value) throws(PyException) -> String {
      if d.isFinite { return FloatFormat.repr(d) }
      if !allowNan {
        throw PyException.valueError("Out of range float values are not JSON compliant: \(try ts.repr(v))")
      }
      if d.isNaN { return "NaN" }
      return d > 0 ? "Infinity" : "-Infinity"
    }

    func newlineIndent(_ level: Int) -> String {
      "\n" + String(repeating: indent!, count: level)
    }

    func separator(_ level: Int) -> String {
      if let s = separatorCache[level] { return s }
      let s = itemSeparator + newlineIndent(level)
      separatorCache[level] = s
      return s
    }

    func intText(_ ts: ThreadState, _ v: Value) throws(PyException) -> String {
      switch v {
      case .int(let i): return String(i)
      case .bool(let b): return b ? "1" : "0"
      default: return try ts.bigIntString(v.bigIntValue!)
      }
    }

    func encode(_ ts: ThreadState, _ v: Value, _ level: Int, _ out: inout String) throws(PyException) {
      switch v {
      case .none: out += "null"; return
      case .bool(let b): out += b ? "true" : "false"; return
      case .int(let i): out += String(i); return
      case .float(let d): out += try floatText(ts, d, v); return
      default: break
      }
      guard case .object(let o) = v else { out += "null"; return }
      if let s = o as? PyStr { try writeString(ts, s, &out); return }
      if let l = o as? PyLong { out += try ts.bigIntString(l.value); return }
      if let f = o as? PyFloatObject { out += try floatText(ts, f.value, v); return }
      if o is PyList || o is PyTuple {
        try ts.enterNativeRecursion(" while encoding a JSON object")
        defer { ts.leaveNativeRecursion() }
        try encodeList(ts, o, level, &out)
        return
      }
      if let d = o as? PyDict {
        try ts.enterNativeRecursion(" while encoding a JSON object")
        defer { ts.leaveNativeRecursion() }
        try encodeDict(ts, d, level, &out)
        return
      }
      let ident = ObjectIdentifier(o)
      if trackMarkers {
        if markers.contains(ident) { throw PyException.valueError("Circular reference detected") }
        markers.insert(ident)
      }
      let newObj = try ts.call(defaultFn, v)
      try ts.enterNativeRecursion(" while encoding a JSON object")
      do throws(PyException) {
        try encode(ts, newObj, level, &out)
      } catch {
        ts.leaveNativeRecursion()
        error.addNote("when serializing \(o.type.fullyQualifiedName) object")
        throw error
      }
      ts.leaveNativeRecursion()
      if trackMarkers { markers.remove(ident) }
    }

    func encodeList(_ ts: ThreadState, _ o: PyObject, _ level: Int, _ out: inout String) throws(PyException) {
      let items: ContiguousArray<Value> = (o as? PyList)?.items ?? (o as! PyTuple).items
      if items.isEmpty { out += "[]"; return }
      let ident = ObjectIdentifier(o)
      if trackMarkers {
        if markers.contains(ident) { throw PyException.valueError("Circular reference detected") }
        markers.insert(ident)
      }
      out += "["
      var sep = itemSeparator
      var lvl = level
      if indent != nil {
        lvl += 1
        sep = separator(lvl)
        out += newlineIndent(lvl)
      }
      for (i, item) in items.enumerated() {
        if i > 0 { out += sep }
        do throws(PyException) {
          try encode(ts, item, lvl, &out)
        } catch {
          error.addNote("when serializing \(o.type.fullyQualifiedName) item \(i)")
          throw error
        }
      }
      if trackMarkers { markers.remove(ident) }
      if indent != nil { out += newlineIndent(lvl - 1) }
      out += "]"
    }

    func encodeDict(_ ts: ThreadState, _ d: PyDict, _ level: Int, _ out: inout String) throws(PyException) {
      if d.count == 0 { out += "{}"; return }
      let ident = ObjectIdentifier(d)
      if trackMarkers {
        if markers.contains(ident) { throw PyException.valueError("Circular reference detected") }
        markers.insert(ident)
      }
      out += "{"
      var sep = itemSeparator
      var lvl = level
      if indent != nil {
        lvl += 1
        sep = separator(lvl)
      }
      var pairs: [(Value, Value)]
      if sortKeys || d.kind != .dict {
        let itemsValue = try ts.callMethod(.object(d), intern("items"))
        let list = PyList(try ts.collect(itemsValue))
        if sortKeys { try Sorting.sortList(ts, list, key: nil, reverse: false) }
        pairs = []
        for item in list.items {
          guard let t = item.asTuple, t.items.count == 2 else {
            throw PyException.valueError("items must return 2-tuples")
          }
          pairs.append((t.items[0], t.items[1]))
        }
      } else {
        pairs = d.storageItems()
      }
      var first = true
      for (key, value) in pairs {
        let keyText: String
        switch key {
        case .bool(let b): keyText = b ? "true" : "false"
        case .none: keyText = "null"
        case .int(let i): keyText = String(i)
        case .float(let f): keyText = try floatText(ts, f, key)
        case .object(let ko):
          if let s = ko as? PyStr {
            keyText = ""
            if first {
              first = false
              if indent != nil { out += newlineIndent(lvl) }
            } else {
              out += sep
            }
            try writeString(ts, s, &out)
            out += keySeparator
            try encodeValue(ts, d, key, value, lvl, &out)
            continue
          } else if let f = ko as? PyFloatObject {
            keyText = try floatText(ts, f.value, key)
          } else if let l = ko as? PyLong {
            keyText = try ts.bigIntString(l.value)
          } else if skipKeys {
            continue
          } else {
            throw PyException.typeError("keys must be str, int, float, bool or None, not \(ko.type.name)")
          }
        case .null: continue
        }
        if first {
          first = false
          if indent != nil { out += newlineIndent(lvl) }
        } else {
          out += sep
        }
        try writeString(ts, PyStr(keyText), &out)
        out += keySeparator
        try encodeValue(ts, d, key, value, lvl, &out)
      }
      if trackMarkers { markers.remove(ident) }
      if indent != nil && !first { out += newlineIndent(lvl - 1) }
      out += "}"
    }

    private func encodeValue(_ ts: ThreadState, _ d: PyDict, _ key: Value, _ value: Value, _ lvl: Int,
                             _ out: inout String) throws(PyException) {
      do throws(PyException) {
        try encode(ts, value, lvl, &out)
      } catch {
        let keyRepr = (try? ts.repr(key)) ?? "?"
        error.addNote("when serializing \(d.type.fullyQualifiedName) item \(keyRepr)")
        throw error
      }
    }
  }

  // MARK: Scanner

  final class Scanner {
    let strict: Bool
    let objectHook: Value
    let objectPairsHook: Value
    let parseFloat: Value
    let parseInt: Value
    let parseConstant: Value
    var text: [Unicode.Scalar] = []
    var source: Value = .none

    init(_ ts: ThreadState, context ctx: Value) throws(PyException) {
      strict = try ts.isTrue(try ts.getAttr(ctx, intern("strict")))
      objectHook = try ts.getAttr(ctx, intern("object_hook"))
      objectPairsHook = try ts.getAttr(ctx, intern("object_pairs_hook"))
      parseFloat = try ts.getAttr(ctx, intern("parse_float"))
      parseInt = try ts.getAttr(ctx, intern("parse_int"))
      parseConstant = try ts.getAttr(ctx, intern("parse_constant"))
    }

    func error(_ ts: ThreadState, _ msg: String, _ pos: Int) -> PyException {
      do throws(PyException) {
        let mod = try ts.importModule("json.decoder")
        let cls = try ts.getAttr(mod, intern("JSONDecodeError"))
        let e = try ts.call(cls, Value(msg), source, .int(pos))
        if let ex = e.asException { return ex }
        return PyException.typeError("exceptions must derive from BaseException")
      } catch {
        return error
      }
    }

    @inline(__always) func isWS(_ c: Unicode.Scalar) -> Bool {
      c == " " || c == "\t" || c == "\n" || c == "\r"
    }

    func skipWS(_ i: Int) -> Int {
      var i = i
      while i < text.count && isWS(text[i]) { i += 1 }
      return i
    }

    func scanString(_ ts: ThreadState, _ start: Int) throws(PyException) -> (String, Int) {
      var end = start
      let begin = start - 1
      let len = text.count
      if end < 0 || end > len { throw PyException.valueError("end is out of bounds") }
      var result = String.UnicodeScalarView()
      while true {
        var next = end
        var c: Unicode.Scalar = "\0"
        while next < len {
          c = text[next]
          if c == "\"" || c == "\\" { break }
          if c.value <= 0x1f && strict { throw error(ts, "Invalid control character at", next) }
          next += 1
        }
        if next >= len { throw error(ts, "Unterminated string starting at", begin) }
        if next != end { result.append(contentsOf: text[end..<next]) }
        next += 1
        if c == "\"" {
          end = next
          break
        }
        if next == len { throw error(ts, "Unterminated string starting at", begin) }
        c = text[next]
        if c != "u" {
          end = next + 1
          var out: Unicode.Scalar?
          switch c {
          case "\"": out = "\""
          case "\\": out = "\\"
          case "/": out = "/"
          case "b": out = "\u{08}"
          case "f": out = "\u{0C}"
          case "n": out = "\n"
          case "r": out = "\r"
          case "t": out = "\t"
          default: out = nil
          }
          guard let o = out else { throw error(ts, "Invalid \\escape", end - 2) }
          result.append(o)
        } else {
          next += 1
          end = next + 4
          if end >= len { throw error(ts, "Invalid \\uXXXX escape", next - 1) }
          guard var u = hex4(next) else { throw error(ts, "Invalid \\uXXXX escape", end - 5) }
          next = end
          if (0xD800...0xDBFF).contains(u) && end + 6 < len && text[next] == "\\" && text[next + 1] == "u" {
            guard let u2 = hex4(next + 2) else { throw error(ts, "Invalid \\uXXXX escape", end + 1) }
            if (0xDC00...0xDFFF).contains(u2) {
              u = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)
              end += 6
            }
          }
          // Lone surrogates cannot be represented; use U+FFFD.
          result.append(Unicode.Scalar(u) ?? "\u{FFFD}")
        }
      }
      return (String(result), end)
    }

    private func hex4(_ at: Int) -> UInt32? {
      var v: UInt32 = 0
      for i in at..<(at + 4) {
        guard let d = hexDigit(text[i]) else { return nil }
        v = v << 4 | d
      }
      return v
    }

    private func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
      switch c.value {
      case 0x30...0x39: return c.value - 0x30
      case 0x61...0x66: return c.value - 0x61 + 10
      case 0x41...0x46: return c.value - 0x41 + 10
      default: return nil
      }
    }

    func scanOnce(_ ts: ThreadState, _ idx: Int) throws(PyException) -> (Value, Int) {
      let len = text.count
      if idx < 0 { throw PyException.valueError("idx cannot be negative") }
      if idx >= len { throw PyException.stopIteration(.int(idx)) }
      func matches(_ word: String) -> Bool {
        var i = idx
        for u in word.unicodeScalars {
          if i >= len || text[i] != u { return false }
          i += 1
        }
        return true
      }
      switch text[idx] {
      case "\"":
        let (s, end) = try scanString(ts, idx + 1)
        return (Value(s), end)
      case "{":
        try ts.enterNativeRecursion(" while decoding a JSON object from a unicode string")
        defer { ts.leaveNativeRecursion() }
        return try parseObject(ts, idx + 1)
      case "[":
        try ts.enterNativeRecursion(" while decoding a JSON array from a unicode string")
        defer { ts.leaveNativeRecursion() }
        return try parseArray(ts, idx + 1)
      case "n" where matches("null"): return (.none, idx + 4)
      case "t" where matches("true"): return (.bool(true), idx + 4)
      case "f" where matches("false"): return (.bool(false), idx + 5)
      case "N" where matches("NaN"): return (try ts.call(parseConstant, Value("NaN")), idx + 3)
      case "I" where matches("Infinity"): return (try ts.call(parseConstant, Value("Infinity")), idx + 8)
      case "-" where matches("-Infinity"): return (try ts.call(parseConstant, Value("-Infinity")), idx + 9)
      default: break
      }
      return try matchNumber(ts, idx)
    }

    private func isDigit(_ i: Int) -> Bool {
      let v = text[i].value
      return v >= 0x30 && v <= 0x39
    }

    func matchNumber(_ ts: ThreadState, _ start: Int) throws(PyException) -> (Value, Int) {
      let endIdx = text.count - 1
      var idx = start
      if text[idx] == "-" {
        idx += 1
        if idx > endIdx { throw PyException.stopIteration(.int(start)) }
      }
      if text[idx].value >= 0x31 && text[idx].value <= 0x39 {
        idx += 1
        while idx <= endIdx && isDigit(idx) { idx += 1 }
      } else if text[idx] == "0" {
        idx += 1
      } else {
        throw PyException.stopIteration(.int(start))
      }
      var isFloat = false
      if idx < endIdx && text[idx] == "." && isDigit(idx + 1) {
        isFloat = true
        idx += 2
        while idx <= endIdx && isDigit(idx) { idx += 1 }
      }
      if idx < endIdx && (text[idx] == "e" || text[idx] == "E") {
        let eStart = idx
        idx += 1
        if idx < endIdx && (text[idx] == "-" || text[idx] == "+") { idx += 1 }
        while idx <= endIdx && isDigit(idx) { idx += 1 }
        if isDigit(idx - 1) { isFloat = true } else { idx = eStart }
      }
      var s = String.UnicodeScalarView()
      s.append(contentsOf: text[start..<idx])
      let numstr = String(s)
      if isFloat {
        if !(parseFloat.asObject === PyType.float) { return (try ts.call(parseFloat, Value(numstr)), idx) }
        return (.float(Double(numstr) ?? .nan), idx)
      }
      if !(parseInt.asObject === PyType.int) { return (try ts.call(parseInt, Value(numstr)), idx) }
      if let i = Int(numstr) { return (.int(i), idx) }
      let digits = numstr.hasPrefix("-") ? numstr.count - 1 : numstr.count
      let limit = ts.interp.runtime.maxStrDigits.load(ordering: .relaxed)
      if limit > 0 && digits > limit {
        throw PyException.valueError(
          "Exceeds the limit (\(limit) digits) for integer string conversion: value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit")
      }
      return (Value.int(BigInt(numstr)!), idx)
    }

    func parseObject(_ ts: ThreadState, _ start: Int) throws(PyException) -> (Value, Int) {
      let endIdx = text.count - 1
      let hasPairsHook = !objectPairsHook.isNone
      var pairs: [Value] = []
      let dict = PyDict()
      var idx = skipWS(start)
      if idx > endIdx || text[idx] != "}" {
        while true {
          if idx > endIdx || text[idx] != "\"" {
            throw error(ts, "Expecting property name enclosed in double quotes", idx)
          }
          let (key, next) = try scanString(ts, idx + 1)
          idx = skipWS(next)
          if idx > endIdx || text[idx] != ":" { throw error(ts, "Expecting ':' delimiter", idx) }
          idx = skipWS(idx + 1)
          let (val, after) = try scanOnce(ts, idx)
          let k = Value(key)
          if hasPairsHook {
            pairs.append(.object(PyTuple([k, val])))
          } else {
            try dict.set(ts, k, val)
          }
          idx = skipWS(after)
          if idx <= endIdx && text[idx] == "}" { break }
          if idx > endIdx || text[idx] != "," { throw error(ts, "Expecting ',' delimiter", idx) }
          let comma = idx
          idx = skipWS(idx + 1)
          if idx <= endIdx && text[idx] == "}" {
            throw error(ts, "Illegal trailing comma before end of object", comma)
          }
        }
      }
      let next = idx + 1
      if hasPairsHook { return (try ts.call(objectPairsHook, .object(PyList(pairs))), next) }
      if !objectHook.isNone { return (try ts.call(objectHook, .object(dict)), next) }
      return (.object(dict), next)
    }

    func parseArray(_ ts: ThreadState, _ start: Int) throws(PyException) -> (Value, Int) {
      let endIdx = text.count - 1
      var items: ContiguousArray<Value> = []
      var idx = skipWS(start)
      if idx > endIdx || text[idx] != "]" {
        while true {
          let (val, after) = try scanOnce(ts, idx)
          items.append(val)
          idx = skipWS(after)
          if idx <= endIdx && text[idx] == "]" { break }
          if idx > endIdx || text[idx] != "," { throw error(ts, "Expecting ',' delimiter", idx) }
          let comma = idx
          idx = skipWS(idx + 1)
          if idx <= endIdx && text[idx] == "]" {
            throw error(ts, "Illegal trailing comma before end of array", comma)
          }
        }
      }
      if idx > endIdx || text[idx] != "]" { throw error(ts, "Expecting value", endIdx) }
      return (.object(PyList(items)), idx + 1)
    }

    func load(_ s: Value) throws(PyException) {
      if source.asObject !== s.asObject {
        guard let str = s.asStr else {
          throw PyException.typeError("first argument must be a string, not \(s.type.name)")
        }
        text = Array(str.value.unicodeScalars)
        source = s
      }
    }
  }

  static let scannerType: PyType = {
    let t = PyType(builtin: "Scanner", base: PyType.object, module: "_json", storage: .none, metatype: PyType.type)
    t.isBaseType = false
    t.method("__call__") { ts, args throws(PyException) in
      guard case .object(let o) = args[0], let box = o as? PyScannerObject else {
        throw PyException.typeError("bad scanner")
      }
      let a = try ArgList(args, "scan_once", ["string", "idx"], required: 2, skipSelf: true)
      guard let idx = try ts.indexValue(a[1]!) else {
        throw PyException.typeError("'\(a[1]!.type.name)' object cannot be interpreted as an integer")
      }
      try box.scanner.load(a[0]!)
      defer { box.scanner.source = .none; box.scanner.text = [] }
      let (v, end) = try box.scanner.scanOnce(ts, idx)
      return .object(PyTuple([v, .int(end)]))
    }
    t.finishBuiltin()
    return t
  }()

  static let encoderType: PyType = {
    let t = PyType(builtin: "Encoder", base: PyType.object, module: "_json", storage: .none, metatype: PyType.type)
    t.isBaseType = false
    t.method("__call__") { ts, args throws(PyException) in
      guard case .object(let o) = args[0], let box = o as? PyEncoderObject else {
        throw PyException.typeError("bad encoder")
      }
      let a = try ArgList(args, "_iterencode", ["obj", "_current_indent_level"], required: 2, skipSelf: true)
      let level = try ts.indexValue(a[1]!) ?? 0
      var out = ""
      box.encoder.markers.removeAll()
      try box.encoder.encode(ts, a[0]!, level, &out)
      return .object(PyTuple([Value(out)]))
    }
    t.finishBuiltin()
    return t
  }()

  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_json")
    m.addFunction("encode_basestring_ascii") { ts, args throws(PyException) in
      try args.expect("encode_basestring_ascii", 1, skipSelf: false)
      guard let s = args[0].asStr else {
        throw PyException.typeError("first argument must be a string, not \(args[0].type.name)")
      }
      return Value(escaped(s.value, ascii: true))
    }
    m.addFunction("encode_basestring") { ts, args throws(PyException) in
      try args.expect("encode_basestring", 1, skipSelf: false)
      guard let s = args[0].asStr else {
        throw PyException.typeError("first argument must be a string, not \(args[0].type.name)")
      }
      return Value(escaped(s.value, ascii: false))
    }
    let asciiFn = m.attributes.getStr(intern("encode_basestring_ascii"))!
    let unicodeFn = m.attributes.getStr(intern("encode_basestring"))!
    m.addFunction("scanstring") { ts, args throws(PyException) in
      try args.expect("scanstring", min: 2, max: 3, skipSelf: false)
      guard args[0].asStr != nil else {
        throw PyException.typeError("first argument must be a string, not \(args[0].type.name)")
      }
      let ctx = PyInstance(type: PyType.simpleNamespace)
      let d = ctx.dict!
      d.setStr(intern("strict"), args.count > 2 ? args[2] : .bool(true))
      for n in ["object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"] {
        d.setStr(intern(n), .none)
      }
      let sc = try Scanner(ts, context: .object(ctx))
      try sc.load(args[0])
      guard let end = try ts.indexValue(args[1]) else { throw PyException.typeError("end must be an integer") }
      let (s, next) = try sc.scanString(ts, end)
      return .object(PyTuple([Value(s), .int(next)]))
    }
    m.addFunction("make_scanner") { ts, args throws(PyException) in
      try args.expect("make_scanner", 1, skipSelf: false)
      return .object(PyScannerObject(try Scanner(ts, context: args[0])))
    }
    m.addFunction("skip_whitespace") { ts, args throws(PyException) in
      try args.expect("skip_whitespace", 2, skipSelf: false)
      guard let s = args[0].asStr, var i = args[1].smallInt else { throw PyException.typeError("bad arguments") }
      let n = s.count
      while i < n {
        let c = s.scalar(at: i)
        if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1 } else { break }
      }
      return .int(i)
    }
    m.addFunction("linecol") { ts, args throws(PyException) in
      // (doc.count('\n', 0, pos) + 1, pos - doc.rfind('\n', 0, pos))
      try args.expect("linecol", 2, skipSelf: false)
      guard let s = args[0].asStr, let pos = args[1].smallInt else { throw PyException.typeError("bad arguments") }
      var line = 1, lastNewline = -1, i = 0
      for u in s.value.unicodeScalars {
        if i >= pos { break }
        if u == "\n" { line += 1; lastNewline = i }
        i += 1
      }
      return .object(PyTuple([.int(line), .int(pos - lastNewline)]))
    }
    m.addFunction("make_encoder") { ts, args throws(PyException) in
      try args.expect("make_encoder", 9, skipSelf: false)
      let encoderFn = args[2]
      let fast = encoderFn.asObject === asciiFn.asObject ? 1 : (encoderFn.asObject === unicodeFn.asObject ? 2 : 0)
      var indent: String? = nil
      if !args[3].isNone {
        guard let s = args[3].asStr else {
          throw PyException.typeError("make_encoder() argument 4 must be str or None, not \(args[3].type.name)")
        }
        indent = s.value
      }
      guard let ks = args[4].asStr else {
        throw PyException.typeError("make_encoder() argument 5 must be str, not \(args[4].type.name)")
      }
      guard let isep = args[5].asStr else {
        throw PyException.typeError("make_encoder() argument 6 must be str, not \(args[5].type.name)")
      }
      let enc = Encoder(trackMarkers: !args[0].isNone, defaultFn: args[1], encoderFn: encoderFn, fast: fast,
                        indent: indent, keySeparator: ks.value, itemSeparator: isep.value,
                        sortKeys: try ts.isTrue(args[6]), skipKeys: try ts.isTrue(args[7]),
                        allowNan: try ts.isTrue(args[8]))
      return .object(PyEncoderObject(enc))
    }
    return m
  }
}

final class PyScannerObject: PyObject {
  let scanner: JSONModule.Scanner
  init(_ s: JSONModule.Scanner) {
    scanner = s
    super.init(type: JSONModule.scannerType, kind: .other)
  }
}

final class PyEncoderObject: PyObject {
  let encoder: JSONModule.Encoder
  init(_ e: JSONModule.Encoder) {
    encoder = e
    super.init(type: JSONModule.encoderType, kind: .other)
  }
}
