/// `_heapq` and `_bisect`: the binary-heap and binary-search primitives in
/// Swift. Heap layout follows CPython's algorithm exactly (sift-up to a leaf,
/// then sift-down), so printed heaps match.
enum HeapqModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_heapq")
    m.addFunction("heappush") { ts, args throws(PyException) in
      try args.expect("heappush", 2, skipSelf: false)
      let h = try heap(args[0], "heappush")
      h.items.append(args[1])
      try siftDown(ts, h, 0, h.items.count - 1, max: false)
      return .none
    }
    m.addFunction("heappush_max") { ts, args throws(PyException) in
      try args.expect("heappush_max", 2, skipSelf: false)
      let h = try heap(args[0], "heappush_max")
      h.items.append(args[1])
      try siftDown(ts, h, 0, h.items.count - 1, max: true)
      return .none
    }
    for isMax in [false, true] {
      let suffix = isMax ? "_max" : ""
      m.addFunction("heappop" + suffix) { ts, args throws(PyException) in
        try args.expect("heappop" + suffix, 1, skipSelf: false)
        let h = try heap(args[0], "heappop" + suffix)
        guard let last = h.items.popLast() else { throw PyException.indexError("index out of range") }
        if h.items.isEmpty { return last }
        let top = h.items[0]
        h.items[0] = last
        try siftUp(ts, h, 0, max: isMax)
        return top
      }
      m.addFunction("heapreplace" + suffix) { ts, args throws(PyException) in
        try args.expect("heapreplace" + suffix, 2, skipSelf: false)
        let h = try heap(args[0], "heapreplace" + suffix)
        if h.items.isEmpty { throw PyException.indexError("index out of range") }
        let top = h.items[0]
        h.items[0] = args[1]
        try siftUp(ts, h, 0, max: isMax)
        return top
      }
      m.addFunction("heappushpop" + suffix) { ts, args throws(PyException) in
        try args.expect("heappushpop" + suffix, 2, skipSelf: false)
        let h = try heap(args[0], "heappushpop" + suffix)
        let item = args[1]
        guard !h.items.isEmpty else { return item }
        let top = h.items[0]
        let topFirst = isMax ? try ts.richLess(item, top) : try ts.richLess(top, item)
        if !topFirst { return item }
        h.items[0] = item
        try siftUp(ts, h, 0, max: isMax)
        return top
      }
      m.addFunction("heapify" + suffix) { ts, args throws(PyException) in
        try args.expect("heapify" + suffix, 1, skipSelf: false)
        let h = try heap(args[0], "heapify" + suffix)
        var i = h.items.count / 2 - 1
        while i >= 0 {
          try siftUp(ts, h, i, max: isMax)
          i -= 1
        }
        return .none
      }
    }
    return m
  }

  static func heap(_ v: Value, _ name: String) throws(PyException) -> PyList {
    guard let l = v.asList else { throw PyException.typeError("\(name)() argument 1 must be list, not \(v.type.name)") }
    return l
  }

  /// "a sorts before b" for the heap kind.
  @inline(__always)
  static func before(_ ts: ThreadState, _ a: Value, _ b: Value, max: Bool) throws(PyException) -> Bool {
    max ? try ts.richLess(b, a) : try ts.richLess(a, b)
  }

  /// Moves the item at `pos` towards the root until its parent sorts before it.
  static func siftDown(_ ts: ThreadState, _ h: PyList, _ start: Int, _ pos: Int, max: Bool) throws(PyException) {
    var pos = pos
    let item = h.items[pos]
    while pos > start {
      let parentPos = (pos - 1) >> 1
      let parent = h.items[parentPos]
      let moves = try before(ts, item, parent, max: max)
      if pos >= h.items.count || parentPos >= h.items.count {
        throw PyException.runtimeError("list changed size during iteration")
      }
      if !moves { break }
      h.items[pos] = parent
      pos = parentPos
    }
    h.items[pos] = item
  }

  /// Moves the smaller child up repeatedly until a leaf is reached, puts the
  /// item there, then sifts it back down to its place.
  static func siftUp(_ ts: ThreadState, _ h: PyList, _ pos: Int, max: Bool) throws(PyException) {
    let end = h.items.count
    let start = pos
    var pos = pos
    let item = h.items[pos]
    var child = 2 * pos + 1
    while child < end {
      let right = child + 1
      if right < end {
        if !(try before(ts, h.items[child], h.items[right], max: max)) { child = right }
        if h.items.count != end { throw PyException.runtimeError("list changed size during iteration") }
      }
      h.items[pos] = h.items[child]
      pos = child
      child = 2 * pos + 1
    }
    h.items[pos] = item
    try siftDown(ts, h, start, pos, max: max)
  }
}

enum BisectModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_bisect")
    for right in [false, true] {
      let side = right ? "right" : "left"
      m.addFunction("bisect_" + side) { ts, args throws(PyException) in
        let a = try ArgList(args, "bisect_" + side, ["a", "x", "lo", "hi"], required: 2, keywordOnly: ["key"])
        return .int(try search(ts, a, right: right))
      }
      m.addFunction("insort_" + side) { ts, args throws(PyException) in
        let a = try ArgList(args, "insort_" + side, ["a", "x", "lo", "hi"], required: 2, keywordOnly: ["key"])
        let i = try search(ts, a, right: right, insorting: true)
        let seq = a[0]!
        if let l = seq.exactList {
          l.items.insert(a[1]!, at: i)
        } else {
          _ = try ts.callMethod(seq, intern("insert"), .int(i), a[1]!)
        }
        return .none
      }
    }
    return m
  }

  static func search(_ ts: ThreadState, _ a: ArgList, right: Bool, insorting: Bool = false) throws(PyException) -> Int {
    let seq = a[0]!
    var x = a[1]!
    var lo = 0
    if let l = a[2] {
      lo = try ts.intArg(l, "'\(l.type.name)' object cannot be interpreted as an integer")
      if lo < 0 { throw PyException.valueError("lo must be non-negative") }
    }
    var hi: Int
    if let h = a[3], !h.isNone {
      hi = try ts.intArg(h, "'\(h.type.name)' object cannot be interpreted as an integer")
    } else {
      hi = try ts.len(seq)
    }
    let key = a[4] ?? .none
    if insorting && !key.isNone { x = try ts.call(key, x) }
    let list = seq.exactList
    while lo < hi {
      let mid = Int((UInt(bitPattern: lo) &+ UInt(bitPattern: hi)) / 2)
      var item = list != nil && mid < list!.items.count ? list!.items[mid] : try ts.getItem(seq, .int(mid))
      if !key.isNone { item = try ts.call(key, item) }
      if right {
        if try ts.richLess(x, item) { hi = mid } else { lo = mid + 1 }
      } else {
        if try ts.richLess(item, x) { lo = mid + 1 } else { hi = mid }
      }
    }
    return lo
  }
}
