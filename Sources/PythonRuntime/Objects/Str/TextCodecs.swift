/// The text codecs behind `str.encode`, `bytes.decode` and `str(b, enc)`:
/// utf-8 (and utf-8-sig), ascii, latin-1, utf-16 and utf-32 (with or
/// without a byte order mark), unicode_escape and raw_unicode_escape, with
/// the error handlers strict, ignore, replace, backslashreplace,
/// xmlcharrefreplace (encoding) and namereplace (encoding).
///
/// Errors are real `UnicodeEncodeError` / `UnicodeDecodeError` instances
/// whose args are CPython's (encoding, object, start, end, reason).
enum TextCodecs {
  enum Codec: Equatable {
    case utf8, utf8sig, ascii, latin1
    case utf16(bigEndian: Bool?), utf32(bigEndian: Bool?)
    case unicodeEscape, rawUnicodeEscape

    /// The name CPython uses in error messages.
    var name: String {
      switch self {
      case .utf8, .utf8sig: return "utf-8"
      case .ascii: return "ascii"
      case .latin1: return "latin-1"
      case .utf16(let be): return be == true ? "utf-16-be" : "utf-16-le"
      case .utf32(let be): return be == true ? "utf-32-be" : "utf-32-le"
      case .unicodeEscape: return "unicodeescape"
      case .rawUnicodeEscape: return "rawunicodeescape"
      }
    }
  }

  static func lookup(_ encoding: String) throws(PyException) -> Codec {
    var key = ""
    for c in encoding.lowercased().unicodeScalars {
      key.unicodeScalars.append(c == "-" || c == " " ? "_" : c)
    }
    switch key {
    case "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001": return .utf8
    case "utf_8_sig", "utf8_sig": return .utf8sig
    case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367",
         "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6":
      return .ascii
    case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100",
         "iso_8859_1_1987", "ibm819", "csisolatin1":
      return .latin1
    case "utf_16", "utf16", "u16": return .utf16(bigEndian: nil)
    case "utf_16_le", "utf_16le", "unicodelittleunmarked": return .utf16(bigEndian: false)
    case "utf_16_be", "utf_16be", "unicodebigunmarked": return .utf16(bigEndian: true)
    case "utf_32", "utf32", "u32": return .utf32(bigEndian: nil)
    case "utf_32_le", "utf_32le": return .utf32(bigEndian: false)
    case "utf_32_be", "utf_32be": return .utf32(bigEndian: true)
    case "unicode_escape": return .unicodeEscape
    case "raw_unicode_escape": return .rawUnicodeEscape
    case "rot13", "rot_13", "hex", "hex_codec", "base64", "base_64", "base64_codec", "zlib", "zip", "zlib_codec",
         "bz2", "bz2_codec", "quopri", "quopri_codec", "uu", "uu_codec":
      let canonical: String
      switch key {
      case "rot13", "rot_13": canonical = "rot13"
      case "hex", "hex_codec": canonical = "hex"
      case "base64", "base_64", "base64_codec": canonical = "base64"
      case "zlib", "zip", "zlib_codec": canonical = "zlib"
      case "bz2", "bz2_codec": canonical = "bz2"
      case "quopri", "quopri_codec": canonical = "quopri"
      default: canonical = "uu"
      }
      throw PyException.make(PyType.lookupError,
        "'\(canonical)' is not a text encoding; use codecs.encode() to handle arbitrary codecs")
    default:
      throw PyException.make(PyType.lookupError, "unknown encoding: \(encoding)")
    }
  }

  static let knownHandlers: Set<String> = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                                           "namereplace", "surrogateescape", "surrogatepass"]

  static func checkHandler(_ errors: String) throws(PyException) {
    if !knownHandlers.contains(errors) {
      throw PyException.make(PyType.lookupError, "unknown error handler name '\(errors)'")
    }
  }

  // MARK: Encoding

  static func encode(_ s: PyStr, encoding: String, errors: String) throws(PyException) -> [UInt8] {
    let codec = try lookup(encoding)
    switch codec {
    case .utf8: return Array(s.value.utf8)
    case .utf8sig: return [0xEF, 0xBB, 0xBF] + Array(s.value.utf8)
    case .ascii, .latin1:
      if s.isASCII { return Array(s.value.utf8) }
      return try encodeCharmap(s, codec: codec, limit: codec == .ascii ? 0x80 : 0x100, errors: errors)
    case .utf16(let be):
      var out: [UInt8] = []
      let big = be ?? false
      if be == nil { out += [0xFF, 0xFE] }
      for u in s.value.utf16 {
        if big { out.append(UInt8(u >> 8)); out.append(UInt8(u & 0xFF)) } else { out.append(UInt8(u & 0xFF)); out.append(UInt8(u >> 8)) }
      }
      return out
    case .utf32(let be):
      var out: [UInt8] = []
      let big = be ?? false
      if be == nil { out += [0xFF, 0xFE, 0, 0] }
      for c in s.value.unicodeScalars {
        let v = c.value
        let bytes = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
        out += big ? bytes.reversed() : bytes
      }
      return out
    case .unicodeEscape, .rawUnicodeEscape:
      var out: [UInt8] = []
      let raw = codec == .rawUnicodeEscape
      for c in s.value.unicodeScalars {
        let v = c.value
        if raw {
          if v < 0x100 { out.append(UInt8(v)) } else { out += Array(hexEscape(v).utf8) }
          continue
        }
        switch v {
        case 0x5C: out += [0x5C, 0x5C]
        case 0x09: out += [0x5C, 0x74]
        case 0x0A: out += [0x5C, 0x6E]
        case 0x0D: out += [0x5C, 0x72]
        case 0x20..<0x7F: out.append(UInt8(v))
        default: out += Array(hexEscape(v).utf8)
        }
      }
      return out
    }
  }

  /// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
  static func hexEscape(_ v: UInt32) -> String {
    if v < 0x100 { return "\\x" + hex(v, 2) }
    if v < 0x10000 { return "\\u" + hex(v, 4) }
    return "\\U" + hex(v, 8)
  }

  static func hex(_ v: UInt32, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }

  private static func encodeCharmap(_ s: PyStr, codec: Codec, limit: UInt32, errors: String) throws(PyException) -> [UInt8] {
    var out: [UInt8] = []
    let cs = s.scalars
    var i = 0
    while i < cs.count {
      let v = cs[i].value
      if v < limit {
        out.append(UInt8(v))
        i += 1
        continue
      }
      var j = i + 1
      while j < cs.count && cs[j].value >= limit { j += 1 }
      switch errors {
      case "ignore": break
      case "replace": out += [UInt8](repeating: 0x3F, count: j - i)
      case "backslashreplace": for k in i..<j { out += Array(hexEscape(cs[k].value).utf8) }
      case "xmlcharrefreplace": for k in i..<j { out += Array("&#\(cs[k].value);".utf8) }
      case "namereplace":
        for k in i..<j {
          if let name = cs[k].properties.name {
            out += Array("\\N{\(name)}".utf8)
          } else {
            out += Array(hexEscape(cs[k].value).utf8)
          }
        }
      case "strict", "surrogateescape", "surrogatepass":
        throw encodeError(codec.name, s, i, j, "ordinal not in range(\(limit))")
      default:
        throw PyException.make(PyType.lookupError, "unknown error handler name '\(errors)'")
      }
      i = j
    }
    return out
  }

  static func encodeError(_ enc: String, _ s: PyStr, _ start: Int, _ end: Int, _ reason: String) -> PyException {
    PyException.make(PyType.unicodeEncodeError,
                     args: [Value(enc), .object(PyStr(s.value)), .int(start), .int(end), Value(reason)])
  }

  static func decodeError(_ enc: String, _ b: [UInt8], _ start: Int, _ end: Int, _ reason: String) -> PyException {
    PyException.make(PyType.unicodeDecodeError,
                     args: [Value(enc), .object(PyBytes(b)), .int(start), .int(end), Value(reason)])
  }

  // MARK: Decoding

  static func decode(_ bytes: [UInt8], encoding: String, errors: String) throws(PyException) -> String {
    let codec = try lookup(encoding)
    switch codec {
    case .utf8, .utf8sig:
      var b = bytes[...]
      if codec == .utf8sig && b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
      if let s = String(validating: b, as: UTF8.self) { return s }
      return try decodeUTF8Slow(bytes, from: b.startIndex, errors: errors)
    case .ascii, .latin1:
      let limit: UInt8 = codec == .ascii ? 0x80 : 0xFF
      var out = String.UnicodeScalarView()
      for (i, b) in bytes.enumerated() {
        if codec == .ascii && b >= limit {
          try handleDecodeError(&out, codec.name, bytes, i, i + 1, "ordinal not in range(128)", errors)
          continue
        }
        out.append(Unicode.Scalar(b))
      }
      _ = limit
      return String(out)
    case .utf16(let be):
      return try decodeUTF16(bytes, bigEndian: be, errors: errors)
    case .utf32(let be):
      return try decodeUTF32(bytes, bigEndian: be, errors: errors)
    case .unicodeEscape, .rawUnicodeEscape:
      return try decodeEscapes(bytes, raw: codec == .rawUnicodeEscape, errors: errors)
    }
  }

  /// Applies the error handler for the undecodable bytes `start..<end`.
  private static func handleDecodeError(_ out: inout String.UnicodeScalarView, _ enc: String, _ bytes: [UInt8],
                                        _ start: Int, _ end: Int, _ reason: String, _ errors: String) throws(PyException) {
    switch errors {
    case "ignore": return
    case "replace": out.append("\u{FFFD}")
    case "backslashreplace":
      for k in start..<end { out.append(contentsOf: ("\\x" + hex(UInt32(bytes[k]), 2)).unicodeScalars) }
    case "strict", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace":
      if errors == "xmlcharrefreplace" || errors == "namereplace" {
        throw PyException.typeError("don't know how to handle UnicodeDecodeError in error callback")
      }
      throw decodeError(enc, bytes, start, end, reason)
    default:
      throw PyException.make(PyType.lookupError, "unknown error handler name '\(errors)'")
    }
  }

  private static func decodeUTF8Slow(_ bytes: [UInt8], from: Int, errors: String) throws(PyException) -> String {
    var out = String.UnicodeScalarView()
    var i = from
    let n = bytes.count
    while i < n {
      let b0 = bytes[i]
      if b0 < 0x80 {
        out.append(Unicode.Scalar(b0))
        i += 1
        continue
      }
      var need = 0
      var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
      switch b0 {
      case 0xC2...0xDF: need = 1
      case 0xE0: need = 2; lo = 0xA0
      case 0xE1...0xEC, 0xEE, 0xEF: need = 2
      case 0xED: need = 2; hi = 0x9F
      case 0xF0: need = 3; lo = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4: need = 3; hi = 0x8F
      default:
        try handleDecodeError(&out, "utf-8", bytes, i, i + 1, "invalid start byte", errors)
        i += 1
        continue
      }
      var j = i + 1
      var valid = true
      for k in 0..<need {
        if j >= n { break }
        let c = bytes[j]
        let (l, h): (UInt8, UInt8) = k == 0 ? (lo, hi) : (0x80, 0xBF)
        if c < l || c > h { valid = false; break }
        j += 1
      }
      if valid && j - i == need + 1 {
        var v = UInt32(b0) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
        for k in (i + 1)..<j { v = (v << 6) | (UInt32(bytes[k]) & 0x3F) }
        out.append(Unicode.Scalar(v)!)
        i = j
        continue
      }
      let reason = valid ? "unexpected end of data" : "invalid continuation byte"
      try handleDecodeError(&out, "utf-8", bytes, i, j, reason, errors)
      i = j
    }
    return String(out)
  }

  private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool?, errors: String) throws(PyException) -> String {
    var big = bigEndian ?? false
    var i = 0
    if bigEndian == nil && bytes.count >= 2 {
      if bytes[0] == 0xFF && bytes[1] == 0xFE { i = 2 } else if bytes[0] == 0xFE && bytes[1] == 0xFF { i = 2; big = true }
    }
    let name = big ? "utf-16-be" : "utf-16-le"
    var out = String.UnicodeScalarView()
    func unit(_ k: Int) -> UInt32 {
      big ? UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1]) : UInt32(bytes[k + 1]) << 8 | UInt32(bytes[k])
    }
    while i < bytes.count {
      if i + 1 >= bytes.count {
        try handleDecodeError(&out, name, bytes, i, bytes.count, "truncated data", errors)
        break
      }
      let u = unit(i)
      if u < 0xD800 || u > 0xDFFF {
        out.append(Unicode.Scalar(u)!)
        i += 2
        continue
      }
      if u >= 0xDC00 {
        try handleDecodeError(&out, name, bytes, i, i + 2, "illegal encoding", errors)
        i += 2
        continue
      }
      if i + 3 >= bytes.count {
        try handleDecodeError(&out, name, bytes, i, bytes.count, "unexpected end of data", errors)
        break
      }
      let u2 = unit(i + 2)
      guard u2 >= 0xDC00 && u2 <= 0xDFFF else {
        try handleDecodeError(&out, name, bytes, i, i + 2, "illegal UTF-16 surrogate", errors)
        i += 2
        continue
      }
      out.append(Unicode.Scalar(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00))!)
      i += 4
    }
    return String(out)
  }

  private static func decodeUTF32(_ bytes: [UInt8], bigEndian: Bool?, errors: String) throws(PyException) -> String {
    var big = bigEndian ?? false
    var i = 0
    if bigEndian == nil && bytes.count >= 4 {
      if bytes[0...3] == [0xFF, 0xFE, 0, 0] { i = 4 } else if bytes[0...3] == [0, 0, 0xFE, 0xFF] { i = 4; big = true }
    }
    let name = big ? "utf-32-be" : "utf-32-le"
    var out = String.UnicodeScalarView()
    while i < bytes.count {
      if i + 3 >= bytes.count {
        try handleDecodeError(&out, name, bytes, i, bytes.count, "truncated data", errors)
        break
      }
      let b = bytes[i..<i + 4].map { UInt32($0) }
      let v = big ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
      if let c = Unicode.Scalar(v) {
        out.append(c)
      } else {
        let reason = v < 0x110000 ? "code point in surrogate code point range(0xd800, 0xe000)"
          : "code point not in range(0x110000)"
        try handleDecodeError(&out, name, bytes, i, i + 4, reason, errors)
      }
      i += 4
    }
    return String(out)
  }

  private static func decodeEscapes(_ bytes: [UInt8], raw: Bool, errors: String) throws(PyException) -> String {
    var out = String.UnicodeScalarView()
    let name = raw ? "rawunicodeescape" : "unicodeescape"
    var i = 0
    let n = bytes.count
    func hexDigits(_ start: Int, _ count: Int) -> UInt32? {
      guard start + count <= n else { return nil }
      var v: UInt32 = 0
      for k in start..<start + count {
        guard let d = hexValue(bytes[k]) else { return nil }
        v = v * 16 + d
      }
      return v
    }
    while i < n {
      let b = bytes[i]
      if b != 0x5C || i + 1 >= n {
        if b == 0x5C && !raw {
          try handleDecodeError(&out, name, bytes, i, n, "\\ at end of string", errors)
          break
        }
        out.append(Unicode.Scalar(b))
        i += 1
        continue
      }
      let e = bytes[i + 1]
      if raw && e != 0x75 && e != 0x55 {
        out.append(Unicode.Scalar(b))
        i += 1
        continue
      }
      switch e {
      case 0x0A: i += 2
      case 0x5C: out.append("\\"); i += 2
      case 0x27: out.append("'"); i += 2
      case 0x22: out.append("\""); i += 2
      case 0x61: out.append("\u{07}"); i += 2
      case 0x62: out.append("\u{08}"); i += 2
      case 0x66: out.append("\u{0C}"); i += 2
      case 0x6E: out.append("\n"); i += 2
      case 0x72: out.append("\r"); i += 2
      case 0x74: out.append("\t"); i += 2
      case 0x76: out.append("\u{0B}"); i += 2
      case 0x30...0x37:
        var v: UInt32 = 0
        var j = i + 1
        while j < n && j < i + 4 && (0x30...0x37).contains(bytes[j]) { v = v * 8 + UInt32(bytes[j] - 0x30); j += 1 }
        out.append(Unicode.Scalar(v)!)
        i = j
      case 0x78, 0x75, 0x55:
        let count = e == 0x78 ? 2 : e == 0x75 ? 4 : 8
        guard let v = hexDigits(i + 2, count) else {
          var j = i + 2
          while j < min(n, i + 2 + count), hexValue(bytes[j]) != nil { j += 1 }
          let kind = e == 0x78 ? "\\xXX" : e == 0x75 ? "\\uXXXX" : "\\UXXXXXXXX"
          try handleDecodeError(&out, name, bytes, i, j, "truncated \(kind) escape", errors)
          i = j
          continue
        }
        guard let c = Unicode.Scalar(v) else {
          try handleDecodeError(&out, name, bytes, i, i + 2 + count, "illegal Unicode character", errors)
          i += 2 + count
          continue
        }
        out.append(c)
        i += 2 + count
      case 0x4E:
        guard i + 2 < n, bytes[i + 2] == 0x7B, let close = bytes[(i + 3)...].firstIndex(of: 0x7D),
              let scalar = UnicodeNames.lookup(String(decoding: bytes[(i + 3)..<close], as: UTF8.self)) else {
          try handleDecodeError(&out, name, bytes, i, min(n, i + 2), "malformed \\N character escape", errors)
          i += 2
          continue
        }
        out.append(scalar)
        i = close + 1
      default:
        out.append("\\")
        out.append(Unicode.Scalar(e))
        i += 2
      }
    }
    return String(out)
  }

  static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x41 + 10)
    case 0x61...0x66: return UInt32(b - 0x61 + 10)
    default: return nil
    }
  }

  // MARK: The error types' attributes

  /// UnicodeEncodeError / UnicodeDecodeError: `encoding`, `object`,
  /// `start`, `end`, `reason` and CPython's message.
  static func installErrorTypes() {
    for (t, encode) in [(PyType.unicodeEncodeError!, true), (PyType.unicodeDecodeError!, false)] {
      for (i, name) in ["encoding", "object", "start", "end", "reason"].enumerated() {
        t.getter(name, { _, v throws(PyException) in
          let e = v.asException!
          if let a = e.attribute(name) { return a }
          return i < e.args.count ? e.args.items[i] : .none
        }, set: { _, v, nv throws(PyException) in
          v.asException!.setAttribute(name, nv ?? .none)
        })
      }
      t.method("__str__") { ts, args throws(PyException) in
        let e = args[0].asException!
        func attr(_ i: Int, _ name: String) -> Value {
          e.attribute(name) ?? (i < e.args.count ? e.args.items[i] : .none)
        }
        guard e.args.count == 5 else { return Value(try ts.exceptionMessage(e)) }
        let enc = try ts.str(attr(0, "encoding")), reason = try ts.str(attr(4, "reason"))
        guard let start = attr(2, "start").smallInt, let end = attr(3, "end").smallInt else {
          return Value(try ts.exceptionMessage(e))
        }
        let obj = attr(1, "object")
        if encode, let s = obj.asStr {
          if end == start + 1 && start >= 0 && start < s.count {
            let v = s.scalar(at: start).value
            return Value("'\(enc)' codec can't encode character '\(hexEscape(v))' in position \(start): \(reason)")
          }
          return Value("'\(enc)' codec can't encode characters in position \(start)-\(end - 1): \(reason)")
        }
        if !encode, let b = ts.bytesLike(obj) {
          if end == start + 1 && start >= 0 && start < b.count {
            return Value("'\(enc)' codec can't decode byte 0x\(hex(UInt32(b[start]), 2)) in position \(start): \(reason)")
          }
          return Value("'\(enc)' codec can't decode bytes in position \(start)-\(end - 1): \(reason)")
        }
        return Value(try ts.exceptionMessage(e))
      }
    }
  }
}
