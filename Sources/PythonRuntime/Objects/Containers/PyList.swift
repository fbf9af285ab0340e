/// A Python `list`.
final class PyList: PyObject {
  var items: ContiguousArray<Value>

  deinit { if !items.isEmpty { Trashcan.dispose(&items) } }

  init(_ items: ContiguousArray<Value> = []) {
    self.items = items
    super.init(type: PyType.list, kind: .list)
  }

  init(_ items: [Value]) {
    self.items = ContiguousArray(items)
    super.init(type: PyType.list, kind: .list)
  }

  init(type: PyType) {
    self.items = []
    super.init(type: type, kind: .list)
  }

  var count: Int { items.count }
}

/// A Python `tuple`.
final class PyTuple: PyObject {
  /// Never changed after creation (`var` only so that `deinit` can hand the
  /// items to the trashcan).
  private(set) var items: ContiguousArray<Value>

  deinit { if !items.isEmpty { Trashcan.dispose(&items) } }
  private var cachedHash: Int? = nil

  init(_ items: ContiguousArray<Value>) {
    self.items = items
    super.init(type: PyType.tuple, kind: .tuple)
  }

  init(_ items: [Value]) {
    self.items = ContiguousArray(items)
    super.init(type: PyType.tuple, kind: .tuple)
  }

  init(_ items: ContiguousArray<Value>, type: PyType) {
    self.items = items
    super.init(type: type, kind: .tuple)
  }

  var count: Int { items.count }

  /// The shared empty tuple (immutable, so safe across interpreters).
  nonisolated(unsafe) static var empty: PyTuple! = nil

  static func make(_ items: ContiguousArray<Value>) -> PyTuple {
    items.isEmpty ? empty : PyTuple(items)
  }

  static func make(_ items: [Value]) -> PyTuple {
    items.isEmpty ? empty : PyTuple(items)
  }

  /// CPython's tuple hash (the xxHash-based combination used since 3.8).
  func hash(_ ts: ThreadState) throws(PyException) -> Int {
    if let h = cachedHash { return h }
    let prime1: UInt64 = 11_400_714_785_074_694_791
    let prime2: UInt64 = 14_029_467_366_897_019_727
    let prime5: UInt64 = 2_870_177_450_012_600_261
    var acc: UInt64 = prime5
    for item in items {
      let lane = UInt64(bitPattern: Int64(try ts.hash(item)))
      acc = acc &+ lane &* prime2
      acc = (acc << 31) | (acc >> 33)
      acc = acc &* prime1
    }
    acc = acc &+ (UInt64(items.count) ^ (prime5 ^ 3_527_539))
    var r = Int(bitPattern: UInt(acc))
    if r == -1 { r = 1_546_275_796 }
    if kind == .tuple { cachedHash = r }
    return r
  }
}

/// A reference cell for a variable shared between a function and its closures.
final class PyCell: PyObject {
  var contents: Value?
  init(_ contents: Value? = nil) {
    self.contents = contents
    super.init(type: PyType.cell, kind: .cell)
  }
}
