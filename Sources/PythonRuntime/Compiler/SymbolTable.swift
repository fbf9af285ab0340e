/// How a name is reached inside one scope.
enum NameScope {
  /// A fast local (function scopes).
  case local
  /// A local captured by an inner scope: lives in a cell.
  case cell
  /// A variable of an enclosing function scope, reached through a cell.
  case free
  /// `global x`, or a name a function never assigns: module globals, then builtins.
  case global
  /// Module and class bodies: the namespace dict, then globals, then builtins.
  case name
  /// A class body reading a variable of an enclosing function.
  case classFree
}

/// One scope of the program: the module, a class body, a function, a lambda
/// or a comprehension.
final class Scope {
  enum Kind { case module, classBody, function, lambda, comprehension }

  let kind: Kind
  let name: String
  weak var parent: Scope?
  var children: [Scope] = []
  /// Parameters in declaration order.
  var parameters: [String] = []
  private(set) var assigned = Set<String>()
  /// Assigned names in order of first binding (the order of `co_varnames`).
  private(set) var assignedOrder: [String] = []

  func bind(_ n: String) {
    if assigned.insert(n).inserted { assignedOrder.append(n) }
  }
  var used = Set<String>()
  var explicitGlobals = Set<String>()
  var nonlocals = Set<String>()
  /// Names written with `x: T` annotations.
  var annotated = Set<String>()
  var isGenerator = false
  var isCoroutine = false
  var hasAnnotations = false
  /// Uses zero-argument `super()` or `__class__`.
  var needsClassCell = false
  /// Results of analysis.
  var resolved: [String: NameScope] = [:]
  var cellVars: [String] = []
  var freeVars: [String] = []
  /// Local variables in slot order (parameters first).
  var localNames: [String] = []
  /// Source position, for error messages.
  var line: Int = 0
  /// The child scopes, consumed in order by the code generator.
  var nextChild = 0

  init(kind: Kind, name: String, parent: Scope?) {
    self.kind = kind
    self.name = name
    self.parent = parent
  }

  var isFunctionLike: Bool { kind == .function || kind == .lambda || kind == .comprehension }

  func scope(of name: String) -> NameScope {
    if let r = resolved[name] { return r }
    switch kind {
    case .module, .classBody: return .name
    default: return .global
    }
  }

  func takeChild() -> Scope {
    let c = children[nextChild]
    nextChild += 1
    return c
  }
}

/// Builds and resolves the scope tree of a module (CPython's symtable).
struct SymbolTableBuilder {
  private(set) var root: Scope
  private var current: Scope
  let filename: String

  init(filename: String) {
    self.filename = filename
    root = Scope(kind: .module, name: "<module>", parent: nil)
    current = root
  }

  static func build(_ body: [Stmt], filename: String) throws(PyException) -> Scope {
    var b = SymbolTableBuilder(filename: filename)
    try b.visitBody(body)
    try b.resolve(b.root, bound: [], classCellAvailable: false)
    return b.root
  }

  static func buildExpression(_ e: Expr, filename: String) throws(PyException) -> Scope {
    var b = SymbolTableBuilder(filename: filename)
    try b.visit(e)
    try b.resolve(b.root, bound: [], classCellAvailable: false)
    return b.root
  }

  func syntaxError(_ msg: String, _ range: SourceRange) -> PyException {
    CompileErrors.syntaxError(msg, filename: filename, range: range)
  }

  // MARK: Walking

  private mutating func push(_ kind: Scope.Kind, _ name: String, line: Int) -> Scope {
    let s = Scope(kind: kind, name: name, parent: current)
    s.line = line
    current.children.append(s)
    current = s
    return s
  }

  private mutating func pop() { current = current.parent! }

  private mutating func assign(_ name: String, _ range: SourceRange) throws(PyException) {
    current.bind(name)
  }

  private mutating func use(_ name: String) {
    current.used.insert(name)
    if name == "super" && current.isFunctionLike { current.needsClassCell = true }
    if name == "__class__" && current.isFunctionLike { current.needsClassCell = true }
  }

  mutating func visitBody(_ body: [Stmt]) throws(PyException) {
    for s in body { try visit(s) }
  }

  mutating func visit(_ s: Stmt) throws(PyException) {
    switch s.kind {
    case .functionDef(let fd):
      for d in fd.decorators { try visit(d) }
      try visitDefaults(fd.args)
      try visitAnnotations(fd.args, returns: fd.returns)
      try assign(fd.name, s.range)
      let scope = push(.function, fd.name, line: s.range.line)
      scope.isCoroutine = fd.isAsync
      try declareParameters(fd.args)
      try visitBody(fd.body)
      pop()
    case .classDef(let cd):
      for d in cd.decorators { try visit(d) }
      for b in cd.bases { try visit(b) }
      for k in cd.keywords { try visit(k.value) }
      try assign(cd.name, s.range)
      _ = push(.classBody, cd.name, line: s.range.line)
      try visitBody(cd.body)
      pop()
    case .return_(let v):
      if !current.isFunctionLike { throw syntaxError("'return' outside function", s.range) }
      if let v { try visit(v) }
    case .delete(let targets):
      for t in targets { try visitTarget(t) }
    case .assign(let targets, let value):
      try visit(value)
      for t in targets { try visitTarget(t) }
    case .augAssign(let target, _, let value):
      try visit(value)
      if case .name(let n) = target.kind { use(n) }
      try visitTarget(target)
    case .annAssign(let target, let annotation, let value, let simple):
      if case .name(let n) = target.kind {
        if current.explicitGlobals.contains(n) || current.nonlocals.contains(n), simple {
          // CPython: "annotated name 'x' can't be global/nonlocal"
          let kind = current.explicitGlobals.contains(n) ? "global" : "nonlocal"
          throw syntaxError("annotated name '\(n)' can't be \(kind)", target.range)
        }
        current.annotated.insert(n)
      }
      if current.kind != .function && current.kind != .lambda { try visit(annotation) }
      current.hasAnnotations = true
      if let v = value {
        try visit(v)
        try visitTarget(target)
      } else if case .name(let n) = target.kind, simple {
        // A bare annotation makes the name local in a function.
        if current.isFunctionLike { current.bind(n) }
      } else {
        try visitTarget(target, storeOnly: false)
      }
    case .for_(let target, let iter, let body, let orelse, let isAsync):
      if isAsync { current.isCoroutine = true }
      try visit(iter)
      try visitTarget(target)
      try visitBody(body)
      try visitBody(orelse)
    case .while_(let test, let body, let orelse):
      try visit(test)
      try visitBody(body)
      try visitBody(orelse)
    case .if_(let test, let body, let orelse):
      try visit(test)
      try visitBody(body)
      try visitBody(orelse)
    case .with(let items, let body, _):
      for item in items {
        try visit(item.contextExpr)
        if let v = item.optionalVars { try visitTarget(v) }
      }
      try visitBody(body)
    case .match(let subject, let cases):
      try visit(subject)
      for c in cases {
        try visitPattern(c.pattern)
        if let g = c.guard_ { try visit(g) }
        try visitBody(c.body)
      }
    case .raise(let exc, let cause):
      if let e = exc { try visit(e) }
      if let c = cause { try visit(c) }
    case .try_(let body, let handlers, let orelse, let finalbody, _):
      try visitBody(body)
      for h in handlers {
        if let t = h.type { try visit(t) }
        if let n = h.name { try assign(n, h.range) }
        try visitBody(h.body)
      }
      try visitBody(orelse)
      try visitBody(finalbody)
    case .assert(let test, let msg):
      try visit(test)
      if let m = msg { try visit(m) }
    case .import_(let aliases):
      for a in aliases {
        let bound = a.asName ?? String(a.name.split(separator: ".").first ?? Substring(a.name))
        try assign(bound, a.range)
      }
    case .importFrom(_, let aliases, _):
      for a in aliases {
        if a.name == "*" {
          if current.kind != .module {
            throw syntaxError("import * only allowed at module level", a.range)
          }
          continue
        }
        try assign(a.asName ?? a.name, a.range)
      }
    case .global(let names):
      for n in names {
        if current.parameters.contains(n) {
          throw syntaxError("name '\(n)' is parameter and global", s.range)
        }
        if current.used.contains(n) {
          throw syntaxError("name '\(n)' is used prior to global declaration", s.range)
        }
        if current.assigned.contains(n) {
          throw syntaxError("name '\(n)' is assigned to before global declaration", s.range)
        }
        if current.nonlocals.contains(n) {
          throw syntaxError("name '\(n)' is nonlocal and global", s.range)
        }
        current.explicitGlobals.insert(n)
      }
    case .nonlocal(let names):
      if current.kind == .module {
        throw syntaxError("nonlocal declaration not allowed at module level", s.range)
      }
      for n in names {
        if current.parameters.contains(n) {
          throw syntaxError("name '\(n)' is parameter and nonlocal", s.range)
        }
        if current.used.contains(n) {
          throw syntaxError("name '\(n)' is used prior to nonlocal declaration", s.range)
        }
        if current.assigned.contains(n) {
          throw syntaxError("name '\(n)' is assigned to before nonlocal declaration", s.range)
        }
        if current.explicitGlobals.contains(n) {
          throw syntaxError("name '\(n)' is nonlocal and global", s.range)
        }
        current.nonlocals.insert(n)
      }
    case .expr(let e):
      try visit(e)
    case .pass, .break_, .continue_:
      break
    }
  }

  private mutating func visitDefaults(_ a: Arguments) throws(PyException) {
    for d in a.defaults { try visit(d) }
    for d in a.kwDefaults { if let d { try visit(d) } }
  }

  private mutating func visitAnnotations(_ a: Arguments, returns: Expr?) throws(PyException) {
    let all = a.posonlyArgs + a.args + a.kwonlyArgs + [a.vararg, a.kwarg].compactMap { $0 }
    for p in all { if let ann = p.annotation { try visit(ann) } }
    if let r = returns { try visit(r) }
  }

  private mutating func declareParameters(_ a: Arguments) throws(PyException) {
    // Slot order as in CPython's co_varnames: positional, keyword-only, *args, **kwargs.
    var params: [Arg] = a.posonlyArgs + a.args
    params.append(contentsOf: a.kwonlyArgs)
    if let v = a.vararg { params.append(v) }
    if let k = a.kwarg { params.append(k) }
    var seen = Set<String>()
    for p in params {
      if seen.contains(p.name) {
        throw syntaxError("duplicate argument '\(p.name)' in function definition", p.range)
      }
      seen.insert(p.name)
      current.parameters.append(p.name)
      current.bind(p.name)
    }
  }

  mutating func visitTarget(_ t: Expr, storeOnly: Bool = true) throws(PyException) {
    switch t.kind {
    case .name(let n): try assign(n, t.range)
    case .tuple(let elts), .list(let elts): for e in elts { try visitTarget(e) }
    case .starred(let e): try visitTarget(e)
    case .attribute(let v, _): try visit(v)
    case .subscript(let v, let s):
      try visit(v)
      try visit(s)
    default: try visit(t)
    }
  }

  private mutating func visitPattern(_ p: Pattern) throws(PyException) {
    switch p.kind {
    case .matchValue(let e): try visit(e)
    case .matchSingleton: break
    case .matchSequence(let ps): for q in ps { try visitPattern(q) }
    case .matchMapping(let keys, let ps, let rest):
      for k in keys { try visit(k) }
      for q in ps { try visitPattern(q) }
      if let r = rest { try assign(r, p.range) }
    case .matchClass(let cls, let ps, _, let kps):
      try visit(cls)
      for q in ps + kps { try visitPattern(q) }
    case .matchStar(let n): if let n { try assign(n, p.range) }
    case .matchAs(let q, let n):
      if let q { try visitPattern(q) }
      if let n { try assign(n, p.range) }
    case .matchOr(let ps): for q in ps { try visitPattern(q) }
    }
  }

  mutating func visit(_ e: Expr) throws(PyException) {
    switch e.kind {
    case .boolOp(_, let vs): for v in vs { try visit(v) }
    case .namedExpr(let target, let value):
      try visit(value)
      // The walrus binds in the nearest enclosing non-comprehension scope.
      var s: Scope? = current
      while let sc = s, sc.kind == .comprehension {
        if sc.assigned.contains(target) {
          throw syntaxError(
            "assignment expression cannot rebind comprehension iteration variable '\(target)'", e.range)
        }
        sc.nonlocals.insert(target)
        s = sc.parent
      }
      if let sc = s {
        if sc.kind == .classBody && current.kind == .comprehension {
          throw syntaxError("assignment expression within a comprehension cannot be used in a class body", e.range)
        }
        sc.bind(target)
        if current !== sc { current.used.insert(target) }
      }
    case .binOp(let l, _, let r):
      try visit(l)
      try visit(r)
    case .unaryOp(_, let v): try visit(v)
    case .lambda(let args, let body):
      try visitDefaults(args)
      _ = push(.lambda, "<lambda>", line: e.range.line)
      try declareParameters(args)
      try visit(body)
      pop()
    case .ifExp(let t, let b, let o):
      try visit(t)
      try visit(b)
      try visit(o)
    case .dict(let keys, let values):
      for k in keys { if let k { try visit(k) } }
      for v in values { try visit(v) }
    case .set(let elts), .list(let elts), .tuple(let elts):
      for x in elts { try visit(x) }
    case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
      let name: String
      switch e.kind {
      case .listComp: name = "<listcomp>"
      case .setComp: name = "<setcomp>"
      default: name = "<genexpr>"
      }
      try visitComprehension(name, gens, isGenerator: { if case .generatorExp = e.kind { return true } else { return false } }()) {
        (b: inout SymbolTableBuilder) throws(PyException) in try b.visit(elt)
      }
    case .dictComp(let k, let v, let gens):
      try visitComprehension("<dictcomp>", gens, isGenerator: false) { (b: inout SymbolTableBuilder) throws(PyException) in
        try b.visit(k)
        try b.visit(v)
      }
    case .await_(let v):
      current.isCoroutine = true
      try visit(v)
    case .yield(let v):
      if !current.isFunctionLike { throw syntaxError("'yield' outside function", e.range) }
      current.isGenerator = true
      if let v { try visit(v) }
    case .yieldFrom(let v):
      if !current.isFunctionLike { throw syntaxError("'yield' outside function", e.range) }
      current.isGenerator = true
      try visit(v)
    case .compare(let l, _, let cs):
      try visit(l)
      for c in cs { try visit(c) }
    case .call(let f, let args, let kws):
      try visit(f)
      for a in args { try visit(a) }
      for k in kws { try visit(k.value) }
    case .formattedValue(let v, _, let spec):
      try visit(v)
      if let s = spec { try visit(s) }
    case .joinedStr(let parts): for p in parts { try visit(p) }
    case .constant: break
    case .attribute(let v, _): try visit(v)
    case .subscript(let v, let s):
      try visit(v)
      try visit(s)
    case .starred(let v): try visit(v)
    case .name(let n): use(n)
    case .slice(let a, let b, let c):
      if let a { try visit(a) }
      if let b { try visit(b) }
      if let c { try visit(c) }
    }
  }

  private mutating func visitComprehension(_ name: String, _ gens: [Comprehension], isGenerator: Bool,
                                           _ element: (inout SymbolTableBuilder) throws(PyException) -> Void) throws(PyException) {
    // The first iterable is evaluated in the enclosing scope. The code
    // generator compiles the comprehension's function before that iterable,
    // so the comprehension's scope must come first among the children.
    let firstChild = current.children.count
    try visit(gens[0].iter)
    let scope = push(.comprehension, name, line: gens[0].iter.range.line)
    if let parent = scope.parent, firstChild < parent.children.count - 1 {
      parent.children.removeLast()
      parent.children.insert(scope, at: firstChild)
    }
    scope.isGenerator = isGenerator
    scope.parameters = [".0"]
    scope.bind(".0")
    for (i, g) in gens.enumerated() {
      if i > 0 { try visit(g.iter) }
      try visitTarget(g.target)
      for cond in g.ifs { try visit(cond) }
      if g.isAsync { scope.isCoroutine = true }
    }
    try element(&self)
    pop()
  }

  // MARK: Resolution

  /// Resolves every scope. `bound` holds names visible as locals/cells of
  /// enclosing function scopes.
  private mutating func resolve(_ s: Scope, bound: Set<String>, classCellAvailable: Bool) throws(PyException) {
    switch s.kind {
    case .module:
      for n in s.assigned.union(s.used) { s.resolved[n] = .name }
      for n in s.explicitGlobals { s.resolved[n] = .global }
    case .classBody:
      for n in s.used.union(s.assigned) {
        if s.explicitGlobals.contains(n) {
          s.resolved[n] = .global
        } else if s.nonlocals.contains(n) {
          s.resolved[n] = .free
        } else if !s.assigned.contains(n) && bound.contains(n) {
          s.resolved[n] = .classFree
        } else {
          s.resolved[n] = .name
        }
      }
      for n in s.nonlocals where !bound.contains(n) {
        throw syntaxError("no binding for nonlocal '\(n)' found", SourceRange(line: s.line, col: 0, endLine: s.line, endCol: 0))
      }
    case .function, .lambda, .comprehension:
      for n in s.nonlocals where !bound.contains(n) && s.kind != .comprehension {
        throw syntaxError("no binding for nonlocal '\(n)' found", SourceRange(line: s.line, col: 0, endLine: s.line, endCol: 0))
      }
      for n in s.used.union(s.assigned) {
        if s.explicitGlobals.contains(n) {
          s.resolved[n] = .global
        } else if s.nonlocals.contains(n) {
          s.resolved[n] = bound.contains(n) ? .free : .global
        } else if s.assigned.contains(n) {
          s.resolved[n] = .local
        } else if bound.contains(n) {
          s.resolved[n] = .free
        } else {
          s.resolved[n] = .global
        }
      }
      if s.needsClassCell && classCellAvailable {
        s.resolved["__class__"] = .free
      }
    }
    // Names bound in this scope that inner scopes can capture.
    var inner = bound
    if s.isFunctionLike {
      for n in s.assigned where s.resolved[n] == .local { inner.insert(n) }
      for (n, r) in s.resolved where r == .free { inner.insert(n) }
    }
    let childClassCell = s.kind == .classBody ? true : (s.isFunctionLike ? classCellAvailable : false)
    var innerForChildren = inner
    if s.kind == .classBody { innerForChildren.insert("__class__") }
    for c in s.children {
      try resolve(c, bound: s.kind == .classBody ? innerForChildren : inner, classCellAvailable: childClassCell)
    }
    // Locals captured by children become cells; free names of children that
    // we do not bind are free here too.
    for c in s.children {
      for fv in c.freeVars {
        if s.kind == .classBody && fv == "__class__" {
          s.needsClassCell = true
          if !s.cellVars.contains("__class__") { s.cellVars.append("__class__") }
          continue
        }
        if s.isFunctionLike, s.resolved[fv] == .local || s.resolved[fv] == .cell {
          s.resolved[fv] = .cell
          if !s.cellVars.contains(fv) { s.cellVars.append(fv) }
        } else if s.resolved[fv] != .cell {
          if s.kind == .classBody {
            if s.assigned.contains(fv) && s.resolved[fv] == .name {
              // The class binds its own copy; children still reach the outer one.
              if !s.freeVars.contains(fv) { s.freeVars.append(fv) }
            } else {
              if s.resolved[fv] == nil || s.resolved[fv] == .name { s.resolved[fv] = .classFree }
              if !s.freeVars.contains(fv) { s.freeVars.append(fv) }
            }
          } else {
            if s.resolved[fv] == nil || s.resolved[fv] == .global { s.resolved[fv] = .free }
            if !s.freeVars.contains(fv) { s.freeVars.append(fv) }
          }
        }
      }
    }
    // Own free variables.
    for (n, r) in s.resolved.sorted(by: { $0.key < $1.key }) where (r == .free || r == .classFree) {
      if !s.freeVars.contains(n) { s.freeVars.append(n) }
    }
    if s.isFunctionLike {
      var locals = s.parameters
      for n in s.assignedOrder where !locals.contains(n) && (s.resolved[n] == .local || s.resolved[n] == .cell) {
        locals.append(n)
      }
      s.localNames = locals
    }
  }
}
