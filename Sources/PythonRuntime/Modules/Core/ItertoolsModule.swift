import BigInt

/// The `itertools` module: lazy iterator types implemented in Swift.
enum ItertoolsModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "itertools")
    for t in [countType, cycleType, repeatType, accumulateType, batchedType, chainType, compressType,
              dropwhileType, filterfalseType, groupbyType, isliceType, pairwiseType, starmapType,
              takewhileType, zipLongestType, productType, permutationsType, combinationsType,
              combinationsWithReplacementType] {
      m.add(t.name, .object(t))
    }
    m.add("_grouper", .object(grouperType))
    m.add("_tee", .object(teeType))
    m.addFunction("tee") { ts, args throws(PyException) in
      if args.hasKeywords { throw PyException.typeError("tee() takes no keyword arguments") }
      guard args.count >= 1 && args.count <= 2 else {
        throw PyException.typeError("tee expected at \(args.count < 1 ? "least 1 argument" : "most 2 arguments"), got \(args.count)")
      }
      var n = 2
      if args.count == 2 {
        n = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
      }
      if n < 0 { throw PyException.valueError("n must be >= 0") }
      var out: [Value] = []
      if n == 0 { return .object(PyTuple(out)) }
      let first: Tee
      if case .object(let o) = args[0], let t = o as? Tee {
        first = t.copy()
      } else {
        let it = try ts.getIter(args[0])
        first = Tee(node: TeeNode(source: it))
      }
      out.append(.object(first))
      for _ in 1..<n { out.append(.object(first.copy())) }
      return .object(PyTuple(out))
    }
    return m
  }

  // MARK: Helpers

  static func iterType(_ name: String, subclassable: Bool = false,
                       _ install: (PyType) -> Void = { _ in }) -> PyType {
    CoreSupport.makeType(name, module: "itertools", subclassable: subclassable) { t in
      CoreSupport.iteratorMethods(t)
      install(t)
    }
  }

  /// Gives the type a `__new__` (so `type.__call__` and subclasses work)
  /// that forwards to its direct constructor.
  static func newFromDirect(_ t: PyType) {
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let cls = try CoreSupport.newClass(args, t.name)
      let v = try t.directCall!(ts, cls, args.droppingFirst)
      if case .object(let o) = v { CoreSupport.prepareInstance(o, cls) }
      return v
    }
  }

  static func closure(_ t: PyType, _ body: @escaping (ThreadState) throws(PyException) -> Value?) -> Value {
    .object(PyClosureIterator(type: t, body))
  }

  static func getIter(_ ts: ThreadState, _ v: Value) throws(PyException) -> Value { try ts.getIter(v) }

  static func intArgument(_ ts: ThreadState, _ v: Value) throws(PyException) -> Int {
    try ts.intArg(v, "'\(v.type.name)' object cannot be interpreted as an integer")
  }

  static func noKeywords(_ args: Args, _ name: String) throws(PyException) {
    if args.hasKeywords { throw PyException.typeError("\(name)() takes no keyword arguments") }
  }

  static func positional(_ args: Args, _ name: String, _ lo: Int, _ hi: Int) throws(PyException) {
    if args.count < lo || args.count > hi {
      if lo == hi {
        throw PyException.typeError("\(name) expected \(lo) argument\(lo == 1 ? "" : "s"), got \(args.count)")
      }
      if args.count < lo {
        throw PyException.typeError("\(name) expected at least \(lo) argument\(lo == 1 ? "" : "s"), got \(args.count)")
      }
      throw PyException.typeError("\(name) expected at most \(hi) argument\(hi == 1 ? "" : "s"), got \(args.count)")
    }
  }

  // MARK: count

  final class Count: PyNativeIterator {
    var current: Value
    let step: Value
    init(start: Value, step: Value, type: PyType) {
      current = start
      self.step = step
      super.init(type: type)
    }
    override func next(_ ts: ThreadState) throws(PyException) -> Value? {
      let v = current
      if case .int(let a) = current, case .int(let b) = step {
        let (r, o) = a.addingReportingOverflow(b)
        current = o ? Value.int(BigInt(a) + BigInt(b)) : .int(r)
      } else {
        current = try ts.binaryOp(.add, current, step)
      }
      return v
    }
  }

  static let countType: PyType = iterType("count", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "count", ["start", "step"])
      let start = a[0] ?? .int(0)
      let step = a[1] ?? .int(1)
      for v in [start, step] where Num(v) == nil && v.type.lookup(names.__add__) == nil {
        throw PyException.typeError("a number is required")
      }
      return .object(Count(start: start, step: step, type: t))
    }
    newFromDirect(t)
    t.method("__repr__") { ts, args throws(PyException) in
      let c = args[0].asObject as! Count
      let name = c.type === countType ? "count" : c.type.name
      if case .int(1) = c.step { return Value("\(name)(\(try ts.repr(c.current)))") }
      return Value("\(name)(\(try ts.repr(c.current)), \(try ts.repr(c.step)))")
    }
  }

  // MARK: repeat

  final class Repeat: PyNativeIterator {
    let object: Value
    var remaining: Int?
    init(_ object: Value, times: Int?, type: PyType) {
      self.object = object
      self.remaining = times
      super.init(type: type)
    }
    override func next(_ ts: ThreadState) throws(PyException) -> Value? {
      if let r = remaining {
        if r <= 0 { return nil }
        remaining = r - 1
      }
      return object
    }
    override var lengthHint: Int? { remaining.map { max($0, 0) } }
  }

  static let repeatType: PyType = iterType("repeat", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "repeat", ["object", "times"], required: 1)
      var times: Int? = nil
      if let tv = a[1] { times = max(0, try intArgument(ts, tv)) }
      return .object(Repeat(a[0]!, times: times, type: t))
    }
    newFromDirect(t)
    t.method("__repr__") { ts, args throws(PyException) in
      let r = args[0].asObject as! Repeat
      let name = r.type === repeatType ? "repeat" : r.type.name
      if let n = r.remaining { return Value("\(name)(\(try ts.repr(r.object)), \(n))") }
      return Value("\(name)(\(try ts.repr(r.object)))")
    }
    t.method("__length_hint__") { _, args throws(PyException) in
      let r = args[0].asObject as! Repeat
      guard let n = r.remaining else { throw PyException.typeError("len() of unsized object") }
      return .int(max(n, 0))
    }
  }

  // MARK: cycle, chain, compress, dropwhile, takewhile, filterfalse, starmap, pairwise

  static let cycleType: PyType = iterType("cycle", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "cycle")
      try positional(args, "cycle", 1, 1)
      let it = try getIter(ts, args[0])
      var saved: [Value] = []
      var exhausted = false
      var index = 0
      return closure(t) { (ts) throws(PyException) -> Value? in
        if !exhausted {
          if let v = try ts.next(it) {
            saved.append(v)
            return v
          }
          exhausted = true
          if saved.isEmpty { return nil }
        }
        if saved.isEmpty { return nil }
        let v = saved[index]
        index = (index + 1) % saved.count
        return v
      }
    }
    newFromDirect(t)
  }

  static func chainIterator(_ t: PyType, sources: Value) -> Value {
    var current: Value? = nil
    var sourceIter: Value? = nil
    return closure(t) { (ts) throws(PyException) -> Value? in
      while true {
        if let c = current {
          if let v = try ts.next(c) { return v }
          current = nil
        }
        if sourceIter == nil { sourceIter = try ts.getIter(sources) }
        guard let nextIterable = try ts.next(sourceIter!) else { return nil }
        current = try ts.getIter(nextIterable)
      }
    }
  }

  static let chainType: PyType = iterType("chain", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "chain")
      return chainIterator(t, sources: .object(PyTuple(Array(args.positional))))
    }
    newFromDirect(t)
    t.classMethod("from_iterable") { ts, args throws(PyException) in
      try args.expect("from_iterable", 1)
      let cls = args[0].asType ?? chainType
      return chainIterator(cls, sources: try ts.getIter(args[1]))
    }
    t.classMethod("__class_getitem__") { _, args throws(PyException) in .object(GenericAlias(origin: args[0], args: args[1])) }
  }

  static let compressType: PyType = iterType("compress", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "compress", ["data", "selectors"], required: 2)
      let data = try getIter(ts, a[0]!), sel = try getIter(ts, a[1]!)
      return closure(t) { (ts) throws(PyException) -> Value? in
        while true {
          guard let d = try ts.next(data), let s = try ts.next(sel) else { return nil }
          if try ts.isTrue(s) { return d }
        }
      }
    }
    newFromDirect(t)
  }

  static let dropwhileType: PyType = iterType("dropwhile", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "dropwhile")
      try positional(args, "dropwhile", 2, 2)
      let pred = args[0], it = try getIter(ts, args[1])
      var dropping = true
      return closure(t) { (ts) throws(PyException) -> Value? in
        while let v = try ts.next(it) {
          if !dropping { return v }
          if !(try ts.isTrue(try ts.call(pred, v))) {
            dropping = false
            return v
          }
        }
        return nil
      }
    }
    newFromDirect(t)
  }

  static let takewhileType: PyType = iterType("takewhile", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "takewhile")
      try positional(args, "takewhile", 2, 2)
      let pred = args[0], it = try getIter(ts, args[1])
      var stopped = false
      return closure(t) { (ts) throws(PyException) -> Value? in
        if stopped { return nil }
        guard let v = try ts.next(it) else { return nil }
        if try ts.isTrue(try ts.call(pred, v)) { return v }
        stopped = true
        return nil
      }
    }
    newFromDirect(t)
  }

  static let filterfalseType: PyType = iterType("filterfalse", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "filterfalse")
      try positional(args, "filterfalse", 2, 2)
      let pred = args[0], it = try getIter(ts, args[1])
      return closure(t) { (ts) throws(PyException) -> Value? in
        while let v = try ts.next(it) {
          let keep = pred.isNone ? try ts.isTrue(v) : try ts.isTrue(try ts.call(pred, v))
          if !keep { return v }
        }
        return nil
      }
    }
    newFromDirect(t)
  }

  static let starmapType: PyType = iterType("starmap", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "starmap")
      try positional(args, "starmap", 2, 2)
      let fn = args[0], it = try getIter(ts, args[1])
      return closure(t) { (ts) throws(PyException) -> Value? in
        guard let v = try ts.next(it) else { return nil }
        let items: [Value]
        if let tup = v.exactTuple {
          items = Array(tup.items)
        } else {
          do throws(PyException) {
            items = try ts.collect(v)
          } catch {
            if error.isInstance(of: PyType.typeError) && v.type.lookup(names.__iter__) == nil {
              throw PyException.typeError("'\(v.type.name)' object is not iterable")
            }
            throw error
          }
        }
        return try ts.withArgs(items) { (a) throws(PyException) in try ts.call(fn, a) }
      }
    }
    newFromDirect(t)
  }

  static let pairwiseType: PyType = iterType("pairwise", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "pairwise")
      try positional(args, "pairwise", 1, 1)
      let it = try getIter(ts, args[0])
      var previous: Value? = nil
      var started = false
      return closure(t) { (ts) throws(PyException) -> Value? in
        if !started {
          started = true
          previous = try ts.next(it)
        }
        guard let a = previous, let b = try ts.next(it) else {
          previous = nil
          return nil
        }
        previous = b
        return .object(PyTuple([a, b]))
      }
    }
    newFromDirect(t)
  }

  // MARK: accumulate, batched, islice, zip_longest

  static let accumulateType: PyType = iterType("accumulate", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "accumulate", ["iterable", "func"], required: 1, keywordOnly: ["initial"])
      let it = try getIter(ts, a[0]!)
      let fn = a[1] ?? .none
      var total: Value? = a[2]
      var emitInitial = total != nil
      return closure(t) { (ts) throws(PyException) -> Value? in
        if emitInitial {
          emitInitial = false
          return total
        }
        guard let v = try ts.next(it) else { return nil }
        if let cur = total {
          if fn.isNone {
            if case .int(let x) = cur, case .int(let y) = v, case (let r, false) = x.addingReportingOverflow(y) {
              total = .int(r)
            } else {
              total = try ts.binaryOp(.add, cur, v)
            }
          } else {
            total = try ts.call(fn, cur, v)
          }
        } else {
          total = v
        }
        return total
      }
    }
    newFromDirect(t)
  }

  static let batchedType: PyType = iterType("batched", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "batched", ["iterable", "n"], required: 2, keywordOnly: ["strict"])
      let n = try intArgument(ts, a[1]!)
      if n < 1 { throw PyException.valueError("n must be at least one") }
      let strict = try a[2].map { (v) throws(PyException) in try ts.isTrue(v) } ?? false
      let it = try getIter(ts, a[0]!)
      var done = false
      return closure(t) { (ts) throws(PyException) -> Value? in
        if done { return nil }
        var items: [Value] = []
        items.reserveCapacity(min(n, 64))
        while items.count < n, let v = try ts.next(it) { items.append(v) }
        if items.count < n { done = true }
        if items.isEmpty { return nil }
        if strict && items.count < n { throw PyException.valueError("batched(): incomplete batch") }
        return .object(PyTuple(items))
      }
    }
    newFromDirect(t)
  }

  static let isliceType: PyType = iterType("islice", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      try noKeywords(args, "islice")
      try positional(args, "islice", 2, 4)
      func index(_ v: Value, _ message: String) throws(PyException) -> Int? {
        if v.isNone { return nil }
        guard let x = (try? ts.indexValue(v, clamp: true)) ?? nil, x >= 0 else {
          throw PyException.valueError(message)
        }
        return x
      }
      var start = 0, step = 1
      var stop: Int?
      if args.count == 2 {
        stop = try index(args[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
      } else {
        let startValue = args[1], stopValue = args[2]
        let startIndex = try index(startValue, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        stop = try index(stopValue, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        start = startIndex ?? 0
        if args.count == 4 && !args[3].isNone {
          guard let x = (try? ts.indexValue(args[3], clamp: true)) ?? nil, x >= 1 else {
            throw PyException.valueError("Step for islice() must be a positive integer or None.")
          }
          step = x
        }
      }
      let it = try getIter(ts, args[0])
      var position = 0
      var nextWanted = start
      var finished = false
      return closure(t) { (ts) throws(PyException) -> Value? in
        if finished { return nil }
        if let s = stop, nextWanted >= s {
          // Consume up to stop, as CPython does, then finish.
          while position < s, try ts.next(it) != nil { position += 1 }
          finished = true
          return nil
        }
        while position < nextWanted {
          guard try ts.next(it) != nil else {
            finished = true
            return nil
          }
          position += 1
        }
        guard let v = try ts.next(it) else {
          finished = true
          return nil
        }
        position += 1
        let (n, o) = nextWanted.addingReportingOverflow(step)
        nextWanted = o ? Int.max : n
        return v
      }
    }
    newFromDirect(t)
  }

  static let zipLongestType: PyType = iterType("zip_longest", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      var fill: Value = .none
      for (k, v) in args.keywords {
        if k.value == "fillvalue" { fill = v } else {
          throw PyException.typeError("zip_longest() got an unexpected keyword argument '\(k.value)'")
        }
      }
      var iters: [Value?] = []
      for i in 0..<args.count {
        iters.append(try ts.getIter(args[i]))
      }
      var active = iters.count
      return closure(t) { (ts) throws(PyException) -> Value? in
        if iters.isEmpty || active == 0 { return nil }
        var items: [Value] = []
        items.reserveCapacity(iters.count)
        for i in 0..<iters.count {
          if let it = iters[i], let v = try ts.next(it) {
            items.append(v)
            continue
          }
          if iters[i] != nil {
            iters[i] = nil
            active -= 1
            if active == 0 { return nil }
          }
          items.append(fill)
        }
        return .object(PyTuple(items))
      }
    }
    newFromDirect(t)
  }

  // MARK: groupby

  final class GroupBy: PyNativeIterator {
    let it: Value
    let keyfunc: Value
    var tgtkey: Value? = nil
    var currkey: Value? = nil
    var currvalue: Value? = nil
    weak var currgrouper: Grouper? = nil

    init(it: Value, keyfunc: Value, type: PyType) {
      self.it = it
      self.keyfunc = keyfunc
      super.init(type: type)
    }

    /// Advances to the next item; false when the input is exhausted.
    func step(_ ts: ThreadState) throws(PyException) -> Bool {
      guard let v = try ts.next(it) else { return false }
      let key = keyfunc.isNone ? v : try ts.call(keyfunc, v)
      currvalue = v
      currkey = key
      return true
    }

    override func next(_ ts: ThreadState) throws(PyException) -> Value? {
      currgrouper = nil
      while true {
        if let ck = currkey {
          guard let tk = tgtkey else { break }
          if !(try ts.richEqual(tk, ck)) { break }
        }
        if !(try step(ts)) { return nil }
      }
      tgtkey = currkey
      let g = Grouper(parent: self, key: currkey!)
      currgrouper = g
      return .object(PyTuple([currkey!, .object(g)]))
    }
  }

  final class Grouper: PyNativeIterator {
    let parent: GroupBy
    let key: Value
    init(parent: GroupBy, key: Value) {
      self.parent = parent
      self.key = key
      super.init(type: grouperType)
    }
    override func next(_ ts: ThreadState) throws(PyException) -> Value? {
      guard parent.currgrouper === self else { return nil }
      if parent.currvalue == nil {
        if !(try parent.step(ts)) { return nil }
      }
      guard let ck = parent.currkey, try ts.richEqual(key, ck) else { return nil }
      let r = parent.currvalue
      parent.currvalue = nil
      return r
    }
  }

  static let grouperType: PyType = iterType("_grouper")

  static let groupbyType: PyType = iterType("groupby", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "groupby", ["iterable", "key"], required: 1)
      return .object(GroupBy(it: try getIter(ts, a[0]!), keyfunc: a[1] ?? .none, type: t))
    }
    newFromDirect(t)
  }

  // MARK: tee

  final class TeeNode {
    static let size = 57
    var values: [Value] = []
    var next: TeeNode?
    /// The shared source iterator (nil once exhausted).
    let source: TeeSource
    init(source: TeeSource) { self.source = source }
    convenience init(source it: Value) { self.init(source: TeeSource(it)) }
  }

  final class TeeSource {
    var iterator: Value?
    var running = false
    init(_ it: Value) { iterator = it }
  }

  final class Tee: PyNativeIterator {
    var node: TeeNode
    var index = 0
    init(node: TeeNode, index: Int = 0) {
      self.node = node
      self.index = index
      super.init(type: teeType)
    }
    func copy() -> Tee { Tee(node: node, index: index) }
    override func next(_ ts: ThreadState) throws(PyException) -> Value? {
      if index == TeeNode.size {
        if node.next == nil { node.next = TeeNode(source: node.source) }
        node = node.next!
        index = 0
      }
      if index < node.values.count {
        index += 1
        return node.values[index - 1]
      }
      let src = node.source
      guard let it = src.iterator else { return nil }
      if src.running { throw PyException.runtimeError("cannot re-enter the tee iterator") }
      src.running = true
      defer { src.running = false }
      guard let v = try ts.next(it) else {
        src.iterator = nil
        return nil
      }
      node.values.append(v)
      index += 1
      return v
    }
  }

  static let teeType: PyType = iterType("_tee") { t in
    t.method("__copy__") { _, args throws(PyException) in .object((args[0].asObject as! Tee).copy()) }
  }

  // MARK: Combinatorics

  static func pools(_ ts: ThreadState, _ args: Args, repeatCount: Int) throws(PyException) -> [[Value]] {
    var pools: [[Value]] = []
    for i in 0..<args.count { pools.append(try ts.collect(args[i])) }
    var all: [[Value]] = []
    for _ in 0..<repeatCount { all.append(contentsOf: pools) }
    return all
  }

  static let productType: PyType = iterType("product", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      var repeatCount = 1
      for (k, v) in args.keywords {
        if k.value == "repeat" { repeatCount = try intArgument(ts, v) } else {
          throw PyException.typeError("product() got an unexpected keyword argument '\(k.value)'")
        }
      }
      if repeatCount < 0 { throw PyException.valueError("repeat argument cannot be negative") }
      let pools = try pools(ts, args, repeatCount: repeatCount)
      var indices = [Int](repeating: 0, count: pools.count)
      var first = true
      var done = pools.contains { $0.isEmpty }
      return closure(t) { (_) throws(PyException) -> Value? in
        if done { return nil }
        if first {
          first = false
        } else {
          var i = pools.count - 1
          while i >= 0 {
            indices[i] += 1
            if indices[i] < pools[i].count { break }
            indices[i] = 0
            i -= 1
          }
          if i < 0 {
            done = true
            return nil
          }
        }
        var items: [Value] = []
        items.reserveCapacity(pools.count)
        for (i, p) in pools.enumerated() { items.append(p[indices[i]]) }
        return .object(PyTuple(items))
      }
    }
    newFromDirect(t)
  }

  static func rArgument(_ ts: ThreadState, _ v: Value?, default n: Int) throws(PyException) -> Int {
    guard let v, !v.isNone else { return n }
    guard v.isInt else { throw PyException.typeError("Expected int as r") }
    let r = try intArgument(ts, v)
    if r < 0 { throw PyException.valueError("r must be non-negative") }
    return r
  }

  static let permutationsType: PyType = iterType("permutations", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "permutations", ["iterable", "r"], required: 1)
      let pool = try ts.collect(a[0]!)
      let n = pool.count
      let r = try rArgument(ts, a[1], default: n)
      var indices = Array(0..<n)
      var cycles = Array(stride(from: n, to: n - r, by: -1))
      var first = true
      var done = r > n
      return closure(t) { (_) throws(PyException) -> Value? in
        if done { return nil }
        if first {
          first = false
          return .object(PyTuple(indices.prefix(r).map { pool[$0] }))
        }
        if n == 0 {
          done = true
          return nil
        }
        var i = r - 1
        while i >= 0 {
          cycles[i] -= 1
          if cycles[i] == 0 {
            let moved = indices.remove(at: i)
            indices.append(moved)
            cycles[i] = n - i
          } else {
            let j = cycles[i]
            indices.swapAt(i, n - j)
            return .object(PyTuple(indices.prefix(r).map { pool[$0] }))
          }
          i -= 1
        }
        done = true
        return nil
      }
    }
    newFromDirect(t)
  }

  static let combinationsType: PyType = iterType("combinations", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "combinations", ["iterable", "r"], required: 2)
      let pool = try ts.collect(a[0]!)
      let n = pool.count
      guard a[1]!.isInt else { throw PyException.typeError("'\(a[1]!.type.name)' object cannot be interpreted as an integer") }
      let r = try intArgument(ts, a[1]!)
      if r < 0 { throw PyException.valueError("r must be non-negative") }
      var indices = Array(0..<r)
      var first = true
      var done = r > n
      return closure(t) { (_) throws(PyException) -> Value? in
        if done { return nil }
        if first {
          first = false
          return .object(PyTuple(indices.map { pool[$0] }))
        }
        var i = r - 1
        while i >= 0 && indices[i] == i + n - r { i -= 1 }
        if i < 0 {
          done = true
          return nil
        }
        indices[i] += 1
        for j in (i + 1)..<max(r, i + 1) { indices[j] = indices[j - 1] + 1 }
        return .object(PyTuple(indices.map { pool[$0] }))
      }
    }
    newFromDirect(t)
  }

  static let combinationsWithReplacementType: PyType = iterType("combinations_with_replacement", subclassable: true) { t in
    t.directCall = { ts, t, args throws(PyException) in
      let a = try ArgList(args, "combinations_with_replacement", ["iterable", "r"], required: 2)
      let pool = try ts.collect(a[0]!)
      let n = pool.count
      guard a[1]!.isInt else { throw PyException.typeError("'\(a[1]!.type.name)' object cannot be interpreted as an integer") }
      let r = try intArgument(ts, a[1]!)
      if r < 0 { throw PyException.valueError("r must be non-negative") }
      var indices = [Int](repeating: 0, count: r)
      var first = true
      var done = n == 0 && r > 0
      return closure(t) { (_) throws(PyException) -> Value? in
        if done { return nil }
        if first {
          first = false
          return .object(PyTuple(indices.map { pool[$0] }))
        }
        var i = r - 1
        while i >= 0 && indices[i] == n - 1 { i -= 1 }
        if i < 0 {
          done = true
          return nil
        }
        let v = indices[i] + 1
        for j in i..<r { indices[j] = v }
        return .object(PyTuple(indices.map { pool[$0] }))
      }
    }
    newFromDirect(t)
  }
}
