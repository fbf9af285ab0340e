import Foundation
@testable import PythonRuntime

/// Runs one differential test case — an operation name and string
/// arguments — through the numeric library and renders the result in the
/// same text form that `.generator/numeric_cases.py` produces from CPython:
///
/// - floats as `f:` + the 16 hex digits of their bit pattern (`f:nan` for
///   any NaN), so comparisons are exact;
/// - ints in decimal; strings as they are; tuples joined with `|`;
/// - errors as `!Type: message`.
///
/// The same table drives the checked-in fixtures (`NumericFixtures*.swift`)
/// and live randomized runs against python3 (the dev probe).
enum NumericCaseRunner {
  static func run(_ c: [String]) -> String {
    do {
      return try dispatch(c)
    } catch let e as NumericError {
      return "!\(e.typeName): \(e.message)"
    } catch let e as TestKeyError {
      return "!KeyError: \(e.key)"
    } catch {
      return "!error: \(error)"
    }
  }

  static func double(_ s: String) -> Double {
    precondition(s.hasPrefix("0x"), "float argument must be a bit pattern: \(s)")
    return Double(bitPattern: UInt64(s.dropFirst(2), radix: 16)!)
  }

  static func integer(_ s: String) -> IntegerValue {
    try! NumericParse.parseInt(s, base: 10, maxDigits: 0)
  }

  static func show(_ d: Double) -> String {
    if d.isNaN { return "f:nan" }
    let hex = String(d.bitPattern, radix: 16)
    return "f:" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  static func show(_ p: PowerResult) -> String {
    switch p {
    case .int(let i): return i.description
    case .float(let d): return show(d)
    case .complex: return "complex"
    }
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
  }

  static func bytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex {
      let j = hex.index(i, offsetBy: 2)
      out.append(UInt8(hex[i..<j], radix: 16)!)
      i = j
    }
    return out
  }

  private static func dispatch(_ c: [String]) throws -> String {
    let a = Array(c.dropFirst())
    switch c[0] {
    case "repr": return NumericFormat.floatRepr(double(a[0]))
    case "fmtf": return try NumericFormat.format(double(a[0]), spec: a[1])
    case "fmti": return try NumericFormat.format(integer(a[0]), spec: a[1])
    case "fmts": return try NumericFormat.format(a[0], spec: a[1])
    case "int": return try NumericParse.parseInt(a[0], base: Int(a[1])!).description
    case "float": return show(try NumericParse.parseFloat(a[0]))
    case "intb": return try NumericParse.parseInt(bytes: bytes(a[0]), base: Int(a[1])!).description
    case "floatb": return show(try NumericParse.parseFloat(bytes: bytes(a[0])))
    case "srepr": return NumericFormat.pythonStringRepr(a[0])
    case "ascii": return NumericFormat.pythonAscii(a[0])
    case "brepr": return NumericFormat.pythonBytesRepr(bytes(a[0]))
    case "istr": return try NumericFormat.intToString(integer(a[0]))
    case "ibase": return NumericFormat.intToString(integer(a[0]), radix: Int(a[1])!)
    case "roundf":
      if a[1].isEmpty { return try NumericOps.round(double(a[0])).description }
      return show(try NumericOps.round(double(a[0]), ndigits: Int(a[1])!))
    case "roundi": return NumericOps.round(integer(a[0]), ndigits: Int(a[1])!).description
    case "hashi": return String(NumericOps.hash(integer(a[0])))
    case "hashf": return String(NumericOps.hash(double(a[0])))
    case "ratio":
      let (n, d) = try NumericOps.asIntegerRatio(double(a[0]))
      return "\(n)|\(d)"
    case "isint": return NumericOps.isInteger(double(a[0])) ? "True" : "False"
    case "fhex": return NumericOps.floatHex(double(a[0]))
    case "fromhex": return show(try NumericOps.floatFromHex(a[0]))
    case "bitlen": return String(NumericOps.bitLength(integer(a[0])))
    case "bitcount": return String(NumericOps.bitCount(integer(a[0])))
    case "tobytes":
      return hex(try NumericOps.toBytes(integer(a[0]), length: Int(a[1])!, bigEndian: a[2] == "big", signed: a[3] == "1"))
    case "frombytes":
      return NumericOps.fromBytes(bytes(a[0]), bigEndian: a[1] == "big", signed: a[2] == "1").description
    case "idivmod":
      let (q, r) = try NumericOps.divmod(integer(a[0]), integer(a[1]))
      return "\(q)|\(r)"
    case "ifloordiv": return try NumericOps.floorDivide(integer(a[0]), integer(a[1])).description
    case "imod": return try NumericOps.modulo(integer(a[0]), integer(a[1])).description
    case "itruediv": return show(try NumericOps.trueDivide(integer(a[0]), integer(a[1])))
    case "fdivmod":
      let (q, r) = try NumericOps.divmod(double(a[0]), double(a[1]))
      return "\(show(q))|\(show(r))"
    case "ffloordiv": return show(try NumericOps.floorDivide(double(a[0]), double(a[1])))
    case "fmod": return show(try NumericOps.modulo(double(a[0]), double(a[1])))
    case "ftruediv": return show(try NumericOps.trueDivide(double(a[0]), double(a[1])))
    case "fpow": return show(try NumericOps.power(double(a[0]), double(a[1])))
    case "ipow": return show(try NumericOps.power(integer(a[0]), integer(a[1])))
    case "tofloat": return show(try NumericOps.toDouble(integer(a[0])))
    case "toint": return try NumericOps.toInteger(double(a[0])).description
    case "pct": return try percent(a[0], a[1])
    default: fatalError("unknown case kind \(c[0])")
    }
  }

  // MARK: % formatting with a tiny object model

  struct TestKeyError: Error { let key: String }

  /// Just enough Python values to exercise `%` formatting.
  indirect enum Value {
    case int(IntegerValue), float(Double), str(String), bool(Bool), none
    case tuple([Value]), list([Value]), dict([(String, Value)])

    var typeName: String {
      switch self {
      case .int: return "int"
      case .float: return "float"
      case .str: return "str"
      case .bool: return "bool"
      case .none: return "NoneType"
      case .tuple: return "tuple"
      case .list: return "list"
      case .dict: return "dict"
      }
    }

    var repr: String {
      switch self {
      case .int(let i): return i.description
      case .float(let d): return NumericFormat.floatRepr(d)
      case .str(let s): return NumericFormat.pythonStringRepr(s)
      case .bool(let b): return b ? "True" : "False"
      case .none: return "None"
      case .tuple(let items):
        return "(" + items.map(\.repr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
      case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
      case .dict(let items):
        return "{" + items.map { NumericFormat.pythonStringRepr($0.0) + ": " + $0.1.repr }.joined(separator: ", ") + "}"
      }
    }

    var str: String {
      if case .str(let s) = self { return s }
      return repr
    }
  }

  /// Decodes `i:123`, `f:0x…`, `s:text`, `b:1`, `n:`, and JSON lists
  /// (`["tuple", …]`, `["list", …]`, `["dict", [key, value], …]`).
  static func decode(_ any: Any) -> Value {
    if let s = any as? String {
      // Split by code points: "s:" + a combining mark is one Character.
      let body = String(s.unicodeScalars.dropFirst(2))
      switch String(s.unicodeScalars.prefix(2)) {
      case "i:": return .int(integer(body))
      case "f:": return .float(double(body))
      case "s:": return .str(body)
      case "b:": return .bool(body == "1")
      default: return .none
      }
    }
    let list = any as! [Any]
    let kind = list[0] as! String
    let rest = list.dropFirst()
    switch kind {
    case "tuple": return .tuple(rest.map(decode))
    case "list": return .list(rest.map(decode))
    default:
      return .dict(rest.map { pair in
        let p = pair as! [Any]
        return (p[0] as! String, decode(p[1]))
      })
    }
  }

  static let hooks = PercentHooks<Value>(
    classify: { v in
      switch v {
      case .int(let i): return .int(i)
      case .bool(let b): return .int(.small(b ? 1 : 0))
      case .float(let d): return .float(d)
      case .str(let s): return .string(s)
      default: return .other
      }
    },
    str: { $0.str },
    repr: { $0.repr },
    typeName: { $0.typeName }
  )

  static func percent(_ format: String, _ argsJSON: String) throws -> String {
    let parsed = try! JSONSerialization.jsonObject(with: Data(argsJSON.utf8), options: [.fragmentsAllowed])
    let value = decode(parsed)
    let args: PercentArguments<Value>
    switch value {
    case .tuple(let items): args = .tuple(items)
    case .dict(let items):
      args = .mapping(value, lookup: { key in
        guard let found = items.first(where: { $0.0 == key }) else { throw TestKeyError(key: NumericFormat.pythonStringRepr(key)) }
        return found.1
      })
    case .list(let items):
      args = .mapping(value, lookup: { _ in
        _ = items
        throw NumericError.typeError("list indices must be integers or slices, not str")
      })
    default: args = .single(value)
    }
    let direct = try NumericFormat.percentFormat(format, args, hooks: hooks)
    // The pre-parsed path must agree with the one-pass path.
    let viaSegments = try NumericFormat.percentFormat(segments: NumericFormat.parsePercentFormat(format), args, hooks: hooks)
    if direct != viaSegments { return "!mismatch: \(direct) vs \(viaSegments)" }
    return direct
  }
}
