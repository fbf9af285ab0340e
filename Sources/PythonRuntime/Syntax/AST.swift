import BigInt

// The abstract syntax tree the parser produces and the compiler consumes.
// It mirrors CPython's `ast` module (same node names and fields) so that the
// grammar and CPython's documentation map onto it directly. Expression
// contexts (Load/Store/Del) are left out: the compiler knows from the position
// of a node whether it is read, assigned or deleted.

/// A span of source text. Lines are 1-based; columns are 0-based offsets in
/// Unicode scalars from the start of the line (CPython counts UTF-8 bytes; the
/// difference only matters for caret placement under non-ASCII text).
public struct SourceRange: Equatable, Sendable {
  public var line: Int
  public var col: Int
  public var endLine: Int
  public var endCol: Int

  public init(line: Int, col: Int, endLine: Int, endCol: Int) {
    self.line = line
    self.col = col
    self.endLine = endLine
    self.endCol = endCol
  }

  /// The range from the start of `self` to the end of `other`.
  public func through(_ other: SourceRange) -> SourceRange {
    SourceRange(line: line, col: col, endLine: other.endLine, endCol: other.endCol)
  }

  public static let unknown = SourceRange(line: 0, col: 0, endLine: 0, endCol: 0)
}

/// What `compile()` was asked to build: a module ('exec'), one interactive
/// statement ('single': expression statements print their repr), or a single
/// expression ('eval').
public enum ModuleAST {
  case module([Stmt])
  case interactive([Stmt])
  case expression(Expr)
}

public struct Stmt {
  public var kind: StmtKind
  public var range: SourceRange
  public init(_ kind: StmtKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

public indirect enum StmtKind {
  case functionDef(FunctionDef)
  case classDef(ClassDef)
  case return_(Expr?)
  case delete([Expr])
  /// `a = b = value`: every target receives the same value, left to right.
  case assign(targets: [Expr], value: Expr)
  case augAssign(target: Expr, op: BinaryOperator, value: Expr)
  /// `simple` is true for a bare name target not in parentheses; only those
  /// are recorded in `__annotations__`.
  case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
  case for_(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
  case while_(test: Expr, body: [Stmt], orelse: [Stmt])
  case if_(test: Expr, body: [Stmt], orelse: [Stmt])
  case with(items: [WithItem], body: [Stmt], isAsync: Bool)
  case match(subject: Expr, cases: [MatchCase])
  case raise(exc: Expr?, cause: Expr?)
  case try_(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt], isStar: Bool)
  case assert(test: Expr, msg: Expr?)
  case import_([Alias])
  /// `from .mod import a as b`; `module` is nil for `from . import x`.
  case importFrom(module: String?, names: [Alias], level: Int)
  case global([String])
  case nonlocal([String])
  case expr(Expr)
  case pass
  case break_
  case continue_
}

public struct FunctionDef {
  public var name: String
  public var args: Arguments
  public var body: [Stmt]
  public var decorators: [Expr]
  public var returns: Expr?
  public var isAsync: Bool
  public init(name: String, args: Arguments, body: [Stmt], decorators: [Expr], returns: Expr?, isAsync: Bool) {
    self.name = name
    self.args = args
    self.body = body
    self.decorators = decorators
    self.returns = returns
    self.isAsync = isAsync
  }
}

public struct ClassDef {
  public var name: String
  public var bases: [Expr]
  public var keywords: [Keyword]
  public var body: [Stmt]
  public var decorators: [Expr]
  public init(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr]) {
    self.name = name
    self.bases = bases
    self.keywords = keywords
    self.body = body
    self.decorators = decorators
  }
}

public struct Expr {
  public var kind: ExprKind
  public var range: SourceRange
  public init(_ kind: ExprKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

public indirect enum ExprKind {
  /// `a and b and c` is one node with three values.
  case boolOp(BoolOperator, [Expr])
  /// The walrus `target := value`; the target is always a name.
  case namedExpr(target: String, value: Expr)
  case binOp(Expr, BinaryOperator, Expr)
  case unaryOp(UnaryOperator, Expr)
  case lambda(Arguments, body: Expr)
  case ifExp(test: Expr, body: Expr, orelse: Expr)
  /// A `nil` key stands for `**mapping` unpacking of the matching value.
  case dict(keys: [Expr?], values: [Expr])
  case set([Expr])
  case listComp(elt: Expr, generators: [Comprehension])
  case setComp(elt: Expr, generators: [Comprehension])
  case dictComp(key: Expr, value: Expr, generators: [Comprehension])
  case generatorExp(elt: Expr, generators: [Comprehension])
  case await_(Expr)
  case yield(Expr?)
  case yieldFrom(Expr)
  /// `a < b <= c` is one node: left `a`, ops `[<, <=]`, comparators `[b, c]`.
  case compare(left: Expr, ops: [CompareOperator], comparators: [Expr])
  case call(func_: Expr, args: [Expr], keywords: [Keyword])
  /// One `{...}` replacement field of an f-string. `conversion` is -1 for none,
  /// otherwise the code of 's', 'r' or 'a'. `formatSpec` is itself a joinedStr.
  case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
  /// An f-string: constants and formattedValues, in order.
  case joinedStr([Expr])
  case constant(Constant)
  case attribute(Expr, attr: String)
  case `subscript`(Expr, slice: Expr)
  case starred(Expr)
  case name(String)
  case list([Expr])
  case tuple([Expr])
  /// Only appears as the `slice` of a subscript (possibly inside a tuple).
  case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

public enum Constant {
  case none
  case bool(Bool)
  case int(Int)
  /// An integer literal too large for a machine word.
  case bigInt(BigInt)
  case float(Double)
  /// An imaginary literal such as `2j`.
  case imaginary(Double)
  case str(String)
  case bytes([UInt8])
  case ellipsis
}

public enum BoolOperator { case and, or }

public enum BinaryOperator: CaseIterable {
  case add, sub, mult, matMult, div, mod, pow, lShift, rShift, bitOr, bitXor, bitAnd, floorDiv
}

public enum UnaryOperator { case invert, not, uAdd, uSub }

public enum CompareOperator { case eq, notEq, lt, ltE, gt, gtE, is_, isNot, in_, notIn }

public struct Comprehension {
  public var target: Expr
  public var iter: Expr
  public var ifs: [Expr]
  public var isAsync: Bool
  public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
    self.target = target
    self.iter = iter
    self.ifs = ifs
    self.isAsync = isAsync
  }
}

public struct ExceptHandler {
  public var type: Expr?
  public var name: String?
  public var body: [Stmt]
  public var range: SourceRange
  public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
    self.type = type
    self.name = name
    self.body = body
    self.range = range
  }
}

/// A function's parameter list, in CPython's `ast.arguments` shape.
/// `defaults` align with the *last* entries of `posonlyArgs + args`;
/// `kwDefaults` has one entry per keyword-only parameter (`nil` = required).
public struct Arguments {
  public var posonlyArgs: [Arg] = []
  public var args: [Arg] = []
  public var vararg: Arg?
  public var kwonlyArgs: [Arg] = []
  public var kwDefaults: [Expr?] = []
  public var kwarg: Arg?
  public var defaults: [Expr] = []
  public init() {}
}

public struct Arg {
  public var name: String
  public var annotation: Expr?
  public var range: SourceRange
  public init(name: String, annotation: Expr?, range: SourceRange) {
    self.name = name
    self.annotation = annotation
    self.range = range
  }
}

/// A keyword argument in a call or class definition; `name` is nil for `**mapping`.
public struct Keyword {
  public var name: String?
  public var value: Expr
  public var range: SourceRange
  public init(name: String?, value: Expr, range: SourceRange) {
    self.name = name
    self.value = value
    self.range = range
  }
}

/// `import a.b as c` / `from m import x as y`; `name` may be `*` in a from-import.
public struct Alias {
  public var name: String
  public var asName: String?
  public var range: SourceRange
  public init(name: String, asName: String?, range: SourceRange) {
    self.name = name
    self.asName = asName
    self.range = range
  }
}

public struct WithItem {
  public var contextExpr: Expr
  public var optionalVars: Expr?
  public init(contextExpr: Expr, optionalVars: Expr?) {
    self.contextExpr = contextExpr
    self.optionalVars = optionalVars
  }
}

public struct MatchCase {
  public var pattern: Pattern
  public var guard_: Expr?
  public var body: [Stmt]
  public init(pattern: Pattern, guard_: Expr?, body: [Stmt]) {
    self.pattern = pattern
    self.guard_ = guard_
    self.body = body
  }
}

public struct Pattern {
  public var kind: PatternKind
  public var range: SourceRange
  public init(_ kind: PatternKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

public indirect enum PatternKind {
  /// A literal or dotted-name value compared with `==`.
  case matchValue(Expr)
  /// `None`, `True` or `False`, compared with `is`.
  case matchSingleton(Constant)
  case matchSequence([Pattern])
  /// `{key: pattern, **rest}`.
  case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
  /// `Cls(p1, p2, attr=p3)`.
  case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
  /// `*name` inside a sequence pattern; `nil` name for `*_`.
  case matchStar(String?)
  /// `pattern as name`, a bare capture `name` (pattern nil), or the wildcard `_` (both nil).
  case matchAs(pattern: Pattern?, name: String?)
  case matchOr([Pattern])
}
