// `ast.dump(tree)` in CPython 3.11's format, minus the fields the AST here
// leaves out: `ctx`, `type_ignores`, `type_comment`, `kind` (of Constant) and
// `type_params`. As in CPython, an optional field that is absent is omitted,
// and an empty list is shown as `[]`. Tests compare it with
// `Tests/PythonRuntimeTests/Syntax/cpython_dump.py`, which prints CPython's
// own tree in the same normal form.

///
/// With `asciiOnly`, strings are shown as Python's `ascii()` shows them (every
/// non-ASCII character escaped), which makes comparisons independent of the
/// Unicode database version that decides what `repr()` considers printable.
///
/// With `positions`, nodes carry `lineno`, `col_offset`, `end_lineno` and
/// `end_col_offset` as in `ast.dump(tree, include_attributes=True)` (columns
/// in scalars, not UTF-8 bytes), except inside f-strings, whose inner
/// positions changed between CPython versions.
public func dumpAST(_ tree: ModuleAST, asciiOnly: Bool = false, positions: Bool = false) -> String {
  var out = ASTDumper(asciiOnly: asciiOnly)
  out.positions = positions
  switch tree {
  case .module(let body):
    out.node("Module") { $0.stmts("body", body) }
  case .interactive(let body):
    out.node("Interactive") { $0.stmts("body", body) }
  case .expression(let expr):
    out.node("Expression") { $0.expr("body", expr) }
  }
  return out.text
}

public func dumpAST(_ expr: Expr, asciiOnly: Bool = false) -> String {
  var out = ASTDumper(asciiOnly: asciiOnly)
  out.write(expr)
  return out.text
}

struct ASTDumper {
  let asciiOnly: Bool
  var text = ""
  private var needsComma = false

  var positions = false
  private var insideFString = 0

  init(asciiOnly: Bool) { self.asciiOnly = asciiOnly }

  /// Appends the position fields after a node's own fields.
  private mutating func position(_ r: SourceRange) {
    guard positions && insideFString == 0 else { return }
    text.removeLast()  // the ")" that `node` wrote
    if text.last != "(" { text += ", " }
    text += "lineno=\(r.line), col_offset=\(r.col), end_lineno=\(r.endLine), end_col_offset=\(r.endCol))"
  }

  // MARK: Structure

  mutating func node(_ name: String, _ fields: (inout ASTDumper) -> Void) {
    text += name
    text += "("
    needsComma = false
    fields(&self)
    text += ")"
    needsComma = true
  }

  private mutating func field(_ name: String) {
    if needsComma { text += ", " }
    text += name
    text += "="
    needsComma = false
  }

  private mutating func list<T>(_ name: String, _ items: [T], _ write: (inout ASTDumper, T) -> Void) {
    field(name)
    text += "["
    for (i, item) in items.enumerated() {
      if i > 0 { text += ", " }
      needsComma = false
      write(&self, item)
    }
    text += "]"
    needsComma = true
  }

  mutating func stmts(_ name: String, _ body: [Stmt]) { list(name, body) { $0.write($1) } }
  mutating func exprs(_ name: String, _ items: [Expr]) { list(name, items) { $0.write($1) } }
  mutating func expr(_ name: String, _ e: Expr) {
    field(name)
    write(e)
  }
  mutating func optionalExpr(_ name: String, _ e: Expr?) {
    if let e { expr(name, e) }
  }
  mutating func identifier(_ name: String, _ value: String) {
    field(name)
    text += pythonRepr(value, asciiOnly: asciiOnly)
    needsComma = true
  }
  mutating func optionalIdentifier(_ name: String, _ value: String?) {
    if let value { identifier(name, value) }
  }
  mutating func raw(_ name: String, _ value: String) {
    field(name)
    text += value
    needsComma = true
  }
  mutating func identifiers(_ name: String, _ values: [String]) {
    list(name, values) { out, value in out.text += pythonRepr(value, asciiOnly: out.asciiOnly) }
  }
  mutating func op(_ name: String, _ opName: String) { raw(name, opName + "()") }

  // MARK: Statements

  mutating func write(_ s: Stmt) {
    writeKind(s)
    position(s.range)
  }

  private mutating func writeKind(_ s: Stmt) {
    switch s.kind {
    case .functionDef(let f):
      node(f.isAsync ? "AsyncFunctionDef" : "FunctionDef") {
        $0.identifier("name", f.name)
        $0.field("args")
        $0.write(f.args)
        $0.stmts("body", f.body)
        $0.exprs("decorator_list", f.decorators)
        $0.optionalExpr("returns", f.returns)
      }
    case .classDef(let c):
      node("ClassDef") {
        $0.identifier("name", c.name)
        $0.exprs("bases", c.bases)
        $0.list("keywords", c.keywords) { $0.write($1) }
        $0.stmts("body", c.body)
        $0.exprs("decorator_list", c.decorators)
      }
    case .return_(let value):
      node("Return") { $0.optionalExpr("value", value) }
    case .delete(let targets):
      node("Delete") { $0.exprs("targets", targets) }
    case .assign(let targets, let value):
      node("Assign") {
        $0.exprs("targets", targets)
        $0.expr("value", value)
      }
    case .augAssign(let target, let op, let value):
      node("AugAssign") {
        $0.expr("target", target)
        $0.op("op", binaryOperatorName(op))
        $0.expr("value", value)
      }
    case .annAssign(let target, let annotation, let value, let simple):
      node("AnnAssign") {
        $0.expr("target", target)
        $0.expr("annotation", annotation)
        $0.optionalExpr("value", value)
        $0.raw("simple", simple ? "1" : "0")
      }
    case .for_(let target, let iter, let body, let orelse, let isAsync):
      node(isAsync ? "AsyncFor" : "For") {
        $0.expr("target", target)
        $0.expr("iter", iter)
        $0.stmts("body", body)
        $0.stmts("orelse", orelse)
      }
    case .while_(let test, let body, let orelse):
      node("While") {
        $0.expr("test", test)
        $0.stmts("body", body)
        $0.stmts("orelse", orelse)
      }
    case .if_(let test, let body, let orelse):
      node("If") {
        $0.expr("test", test)
        $0.stmts("body", body)
        $0.stmts("orelse", orelse)
      }
    case .with(let items, let body, let isAsync):
      node(isAsync ? "AsyncWith" : "With") {
        $0.list("items", items) { out, item in
          out.node("withitem") {
            $0.expr("context_expr", item.contextExpr)
            $0.optionalExpr("optional_vars", item.optionalVars)
          }
        }
        $0.stmts("body", body)
      }
    case .match(let subject, let cases):
      node("Match") {
        $0.expr("subject", subject)
        $0.list("cases", cases) { out, c in
          out.node("match_case") {
            $0.field("pattern")
            $0.write(c.pattern)
            $0.optionalExpr("guard", c.guard_)
            $0.stmts("body", c.body)
          }
        }
      }
    case .raise(let exc, let cause):
      node("Raise") {
        $0.optionalExpr("exc", exc)
        $0.optionalExpr("cause", cause)
      }
    case .try_(let body, let handlers, let orelse, let finalbody, let isStar):
      node(isStar ? "TryStar" : "Try") {
        $0.stmts("body", body)
        $0.list("handlers", handlers) { out, h in
          out.node("ExceptHandler") {
            $0.optionalExpr("type", h.type)
            $0.optionalIdentifier("name", h.name)
            $0.stmts("body", h.body)
          }
          out.position(h.range)
        }
        $0.stmts("orelse", orelse)
        $0.stmts("finalbody", finalbody)
      }
    case .assert(let test, let msg):
      node("Assert") {
        $0.expr("test", test)
        $0.optionalExpr("msg", msg)
      }
    case .import_(let names):
      node("Import") { $0.list("names", names) { $0.write($1) } }
    case .importFrom(let module, let names, let level):
      node("ImportFrom") {
        $0.optionalIdentifier("module", module)
        $0.list("names", names) { $0.write($1) }
        $0.raw("level", String(level))
      }
    case .global(let names):
      node("Global") { $0.identifiers("names", names) }
    case .nonlocal(let names):
      node("Nonlocal") { $0.identifiers("names", names) }
    case .expr(let value):
      node("Expr") { $0.expr("value", value) }
    case .pass:
      node("Pass") { _ in }
    case .break_:
      node("Break") { _ in }
    case .continue_:
      node("Continue") { _ in }
    }
  }

  mutating func write(_ alias: Alias) {
    node("alias") {
      $0.identifier("name", alias.name)
      $0.optionalIdentifier("asname", alias.asName)
    }
    position(alias.range)
  }

  mutating func write(_ keyword: Keyword) {
    node("keyword") {
      $0.optionalIdentifier("arg", keyword.name)
      $0.expr("value", keyword.value)
    }
    position(keyword.range)
  }

  mutating func write(_ args: Arguments) {
    node("arguments") {
      $0.list("posonlyargs", args.posonlyArgs) { $0.write($1) }
      $0.list("args", args.args) { $0.write($1) }
      if let vararg = args.vararg {
        $0.field("vararg")
        $0.write(vararg)
      }
      $0.list("kwonlyargs", args.kwonlyArgs) { $0.write($1) }
      $0.list("kw_defaults", args.kwDefaults) { out, value in
        if let value { out.write(value) } else { out.text += "None" }
      }
      if let kwarg = args.kwarg {
        $0.field("kwarg")
        $0.write(kwarg)
      }
      $0.exprs("defaults", args.defaults)
    }
  }

  mutating func write(_ arg: Arg) {
    node("arg") {
      $0.identifier("arg", arg.name)
      $0.optionalExpr("annotation", arg.annotation)
    }
    position(arg.range)
  }

  // MARK: Expressions

  mutating func write(_ e: Expr) {
    if case .joinedStr = e.kind { insideFString += 1 }
    writeKind(e)
    if case .joinedStr = e.kind { insideFString -= 1 }
    position(e.range)
  }

  private mutating func writeKind(_ e: Expr) {
    switch e.kind {
    case .boolOp(let op, let values):
      node("BoolOp") {
        $0.op("op", op == .and ? "And" : "Or")
        $0.exprs("values", values)
      }
    case .namedExpr(let target, let value):
      node("NamedExpr") {
        $0.field("target")
        $0.node("Name") { $0.identifier("id", target) }
        // The target's own range is not kept; CPython's starts the NamedExpr.
        $0.position(SourceRange(line: e.range.line, col: e.range.col, endLine: e.range.line,
                                endCol: e.range.col + target.unicodeScalars.count))
        $0.expr("value", value)
      }
    case .binOp(let left, let op, let right):
      node("BinOp") {
        $0.expr("left", left)
        $0.op("op", binaryOperatorName(op))
        $0.expr("right", right)
      }
    case .unaryOp(let op, let operand):
      node("UnaryOp") {
        $0.op("op", unaryOperatorName(op))
        $0.expr("operand", operand)
      }
    case .lambda(let args, let body):
      node("Lambda") {
        $0.field("args")
        $0.write(args)
        $0.expr("body", body)
      }
    case .ifExp(let test, let body, let orelse):
      node("IfExp") {
        $0.expr("test", test)
        $0.expr("body", body)
        $0.expr("orelse", orelse)
      }
    case .dict(let keys, let values):
      node("Dict") {
        $0.list("keys", keys) { out, key in
          if let key { out.write(key) } else { out.text += "None" }
        }
        $0.exprs("values", values)
      }
    case .set(let elements):
      node("Set") { $0.exprs("elts", elements) }
    case .listComp(let elt, let generators):
      node("ListComp") {
        $0.expr("elt", elt)
        $0.comprehensions(generators)
      }
    case .setComp(let elt, let generators):
      node("SetComp") {
        $0.expr("elt", elt)
        $0.comprehensions(generators)
      }
    case .dictComp(let key, let value, let generators):
      node("DictComp") {
        $0.expr("key", key)
        $0.expr("value", value)
        $0.comprehensions(generators)
      }
    case .generatorExp(let elt, let generators):
      node("GeneratorExp") {
        $0.expr("elt", elt)
        $0.comprehensions(generators)
      }
    case .await_(let value):
      node("Await") { $0.expr("value", value) }
    case .yield(let value):
      node("Yield") { $0.optionalExpr("value", value) }
    case .yieldFrom(let value):
      node("YieldFrom") { $0.expr("value", value) }
    case .compare(let left, let ops, let comparators):
      node("Compare") {
        $0.expr("left", left)
        $0.list("ops", ops) { out, op in out.text += compareOperatorName(op) + "()" }
        $0.exprs("comparators", comparators)
      }
    case .call(let function, let args, let keywords):
      node("Call") {
        $0.expr("func", function)
        $0.exprs("args", args)
        $0.list("keywords", keywords) { $0.write($1) }
      }
    case .formattedValue(let value, let conversion, let formatSpec):
      node("FormattedValue") {
        $0.expr("value", value)
        $0.raw("conversion", String(conversion))
        $0.optionalExpr("format_spec", formatSpec)
      }
    case .joinedStr(let values):
      node("JoinedStr") { $0.exprs("values", values) }
    case .constant(let c):
      node("Constant") { $0.raw("value", pythonRepr(c, asciiOnly: $0.asciiOnly)) }
    case .attribute(let value, let attr):
      node("Attribute") {
        $0.expr("value", value)
        $0.identifier("attr", attr)
      }
    case .subscript(let value, let slice):
      node("Subscript") {
        $0.expr("value", value)
        $0.expr("slice", slice)
      }
    case .starred(let value):
      node("Starred") { $0.expr("value", value) }
    case .name(let id):
      node("Name") { $0.identifier("id", id) }
    case .list(let elements):
      node("List") { $0.exprs("elts", elements) }
    case .tuple(let elements):
      node("Tuple") { $0.exprs("elts", elements) }
    case .slice(let lower, let upper, let step):
      node("Slice") {
        $0.optionalExpr("lower", lower)
        $0.optionalExpr("upper", upper)
        $0.optionalExpr("step", step)
      }
    }
  }

  mutating func comprehensions(_ generators: [Comprehension]) {
    list("generators", generators) { out, g in
      out.node("comprehension") {
        $0.expr("target", g.target)
        $0.expr("iter", g.iter)
        $0.exprs("ifs", g.ifs)
        $0.raw("is_async", g.isAsync ? "1" : "0")
      }
    }
  }

  // MARK: Patterns

  mutating func write(_ p: Pattern) {
    writeKind(p)
    position(p.range)
  }

  private mutating func writeKind(_ p: Pattern) {
    switch p.kind {
    case .matchValue(let value):
      node("MatchValue") { $0.expr("value", value) }
    case .matchSingleton(let c):
      node("MatchSingleton") { $0.raw("value", pythonRepr(c)) }
    case .matchSequence(let patterns):
      node("MatchSequence") { $0.patterns("patterns", patterns) }
    case .matchMapping(let keys, let patterns, let rest):
      node("MatchMapping") {
        $0.exprs("keys", keys)
        $0.patterns("patterns", patterns)
        $0.optionalIdentifier("rest", rest)
      }
    case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
      node("MatchClass") {
        $0.expr("cls", cls)
        $0.patterns("patterns", patterns)
        $0.identifiers("kwd_attrs", kwdAttrs)
        $0.patterns("kwd_patterns", kwdPatterns)
      }
    case .matchStar(let name):
      node("MatchStar") { $0.optionalIdentifier("name", name) }
    case .matchAs(let pattern, let name):
      node("MatchAs") {
        if let pattern {
          $0.field("pattern")
          $0.write(pattern)
        }
        $0.optionalIdentifier("name", name)
      }
    case .matchOr(let patterns):
      node("MatchOr") { $0.patterns("patterns", patterns) }
    }
  }

  mutating func patterns(_ name: String, _ items: [Pattern]) { list(name, items) { $0.write($1) } }
}

// MARK: - Operator names

private func binaryOperatorName(_ op: BinaryOperator) -> String {
  switch op {
  case .add: return "Add"
  case .sub: return "Sub"
  case .mult: return "Mult"
  case .matMult: return "MatMult"
  case .div: return "Div"
  case .mod: return "Mod"
  case .pow: return "Pow"
  case .lShift: return "LShift"
  case .rShift: return "RShift"
  case .bitOr: return "BitOr"
  case .bitXor: return "BitXor"
  case .bitAnd: return "BitAnd"
  case .floorDiv: return "FloorDiv"
  }
}

private func unaryOperatorName(_ op: UnaryOperator) -> String {
  switch op {
  case .invert: return "Invert"
  case .not: return "Not"
  case .uAdd: return "UAdd"
  case .uSub: return "USub"
  }
}

private func compareOperatorName(_ op: CompareOperator) -> String {
  switch op {
  case .eq: return "Eq"
  case .notEq: return "NotEq"
  case .lt: return "Lt"
  case .ltE: return "LtE"
  case .gt: return "Gt"
  case .gtE: return "GtE"
  case .is_: return "Is"
  case .isNot: return "IsNot"
  case .in_: return "In"
  case .notIn: return "NotIn"
  }
}

// MARK: - Python reprs of constants

private func pythonRepr(_ c: Constant, asciiOnly: Bool = false) -> String {
  switch c {
  case .none: return "None"
  case .bool(let b): return b ? "True" : "False"
  case .int(let i): return String(i)
  case .bigInt(let b): return b.description
  case .float(let d): return pythonFloatRepr(d)
  case .imaginary(let d): return pythonFloatRepr(d, addDotZero: false) + "j"
  case .str(let s): return pythonRepr(s, asciiOnly: asciiOnly)
  case .bytes(let b): return pythonBytesRepr(b)
  case .ellipsis: return "Ellipsis"
  }
}

/// `repr(str)` (or `ascii(str)`): CPython's quote choice and escapes.
private func pythonRepr(_ s: String, asciiOnly: Bool = false) -> String {
  var hasSingle = false, hasDouble = false
  for u in s.unicodeScalars {
    if u == "'" { hasSingle = true } else if u == "\"" { hasDouble = true }
  }
  let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
  var out = String.UnicodeScalarView()
  out.append(quote)
  for u in s.unicodeScalars {
    switch u {
    case quote, "\\":
      out.append("\\")
      out.append(u)
    case "\t": out.append(contentsOf: "\\t".unicodeScalars)
    case "\n": out.append(contentsOf: "\\n".unicodeScalars)
    case "\r": out.append(contentsOf: "\\r".unicodeScalars)
    default:
      let v = u.value
      if v < 0x20 || v == 0x7F {
        out.append(contentsOf: hexEscape(v, "x", 2).unicodeScalars)
      } else if v < 0x7F || (!asciiOnly && isPythonPrintable(u)) {
        out.append(u)
      } else if v <= 0xFF {
        out.append(contentsOf: hexEscape(v, "x", 2).unicodeScalars)
      } else if v <= 0xFFFF {
        out.append(contentsOf: hexEscape(v, "u", 4).unicodeScalars)
      } else {
        out.append(contentsOf: hexEscape(v, "U", 8).unicodeScalars)
      }
    }
  }
  out.append(quote)
  return String(out)
}

private func pythonBytesRepr(_ bytes: [UInt8]) -> String {
  let hasSingle = bytes.contains(0x27), hasDouble = bytes.contains(0x22)
  let quote: UInt8 = hasSingle && !hasDouble ? 0x22 : 0x27
  var out = "b" + String(UnicodeScalar(quote))
  for b in bytes {
    switch b {
    case quote, 0x5C: out += "\\" + String(UnicodeScalar(b))
    case 0x09: out += "\\t"
    case 0x0A: out += "\\n"
    case 0x0D: out += "\\r"
    case 0x20..<0x7F: out += String(UnicodeScalar(b))
    default: out += hexEscape(UInt32(b), "x", 2)
    }
  }
  return out + String(UnicodeScalar(quote))
}

private func hexEscape(_ v: UInt32, _ letter: String, _ width: Int) -> String {
  let hex = String(v, radix: 16)
  return "\\" + letter + String(repeating: "0", count: max(0, width - hex.count)) + hex
}

/// Python's `str.isprintable()` for one character.
private func isPythonPrintable(_ u: Unicode.Scalar) -> Bool {
  if u == " " { return true }
  switch u.properties.generalCategory {
  case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
       .spaceSeparator:
    return false
  default:
    return true
  }
}

/// `repr(float)`: the shortest round-tripping digits, in fixed notation for
/// exponents -4..<16 and scientific notation otherwise.
private func pythonFloatRepr(_ d: Double, addDotZero: Bool = true) -> String {
  if d.isNaN { return "nan" }
  if d.isInfinite { return d < 0 ? "-inf" : "inf" }
  if d == 0 { return (d.sign == .minus ? "-0" : "0") + (addDotZero ? ".0" : "") }
  // Swift's description also gives the shortest round-tripping digits; only the layout differs.
  var description = Swift.abs(d).description
  var exponent = 0
  if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
    exponent = Int(description[description.index(after: e)...])!
    description = String(description[..<e])
  }
  var digits = ""
  var pointPosition = 0
  var seenPoint = false
  for ch in description {
    if ch == "." { seenPoint = true; continue }
    digits.append(ch)
    if !seenPoint { pointPosition += 1 }
  }
  // Strip leading zeros (0.00123) and trailing zeros (120.0).
  while digits.first == "0" && digits.count > 1 {
    digits.removeFirst()
    pointPosition -= 1
  }
  while digits.last == "0" && digits.count > 1 { digits.removeLast() }
  let decimalPoint = pointPosition + exponent  // value = 0.DIGITS × 10^decimalPoint
  let sign = d < 0 ? "-" : ""
  if decimalPoint <= -4 || decimalPoint > 16 {
    var mantissa = String(digits.first!)
    if digits.count > 1 { mantissa += "." + digits.dropFirst() }
    let e = decimalPoint - 1
    let exponentText = e < 0 ? "-" + pad2(-e) : "+" + pad2(e)
    return sign + mantissa + "e" + exponentText
  }
  if decimalPoint <= 0 {
    return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
  }
  if digits.count <= decimalPoint {
    let integer = digits + String(repeating: "0", count: decimalPoint - digits.count)
    return sign + integer + (addDotZero ? ".0" : "")
  }
  let index = digits.index(digits.startIndex, offsetBy: decimalPoint)
  return sign + digits[..<index] + "." + digits[index...]
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
