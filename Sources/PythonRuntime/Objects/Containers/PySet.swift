/// A Python `set` or `frozenset`.
///
/// The table follows CPython's layout and probing (linear probes of 9, then
/// perturbed jumps; resize when 60% full) so that iteration order — which
/// programs print — is the same as CPython's for the same operations.
final class PySet: PyObject {
  struct Slot {
    var hash: Int
    /// nil: never used (hash 0) or deleted (hash -1).
    var key: Value?
  }

  static let minSize = 8
  static let linearProbes = 9

  private(set) var table: [Slot]
  private(set) var used = 0
  private(set) var fill = 0
  private var cachedHash: Int? = nil
  /// Bumped on every change, for "set changed size during iteration".
  private(set) var version: UInt64 = 0

  var mask: Int { table.count - 1 }
  var count: Int { used }
  var isFrozen: Bool { type.isSubtype(of: PyType.frozenset) }

  init(frozen: Bool = false) {
    table = Array(repeating: Slot(hash: 0, key: nil), count: PySet.minSize)
    super.init(type: frozen ? PyType.frozenset : PyType.set, kind: frozen ? .frozenset : .set)
  }

  init(type: PyType) {
    table = Array(repeating: Slot(hash: 0, key: nil), count: PySet.minSize)
    super.init(type: type, kind: type.isSubtype(of: PyType.frozenset) ? .frozenset : .set)
  }

  // MARK: Core operations

  private func keysEqual(_ ts: ThreadState, _ a: Value, _ b: Value) throws(PyException) -> Bool {
    if a.isIdentical(to: b) { return true }
    if let sa = a.exactStr, let sb = b.exactStr { return sa.equals(sb) }
    return try ts.richEqual(a, b)
  }

  /// Adds `key` (whose hash is `hash`); returns false if it was present.
  @discardableResult
  func add(_ ts: ThreadState, _ key: Value, hash: Int) throws(PyException) -> Bool {
    restart: while true {
      let m = mask
      var i = hash & m
      var freeSlot: Int? = nil
      var perturb = UInt(bitPattern: hash)
      while true {
        var probes = (i + PySet.linearProbes <= m) ? PySet.linearProbes : 0
        var j = i
        while true {
          let slot = table[j]
          if slot.key == nil && slot.hash == 0 {
            // Unused slot: insert here (or in the first dummy seen).
            if let f = freeSlot {
              table[f] = Slot(hash: hash, key: key)
              used += 1
            } else {
              table[j] = Slot(hash: hash, key: key)
              fill += 1
              used += 1
              if fill * 5 >= m * 3 { resize(used > 50000 ? used * 2 : used * 4) }
            }
            version &+= 1
            return true
          }
          if let k = slot.key, slot.hash == hash {
            let before = table.count
            if try keysEqual(ts, k, key) { return false }
            if table.count != before { continue restart }
          } else if slot.key == nil && slot.hash == -1 && freeSlot == nil {
            freeSlot = j
          }
          if probes == 0 { break }
          probes -= 1
          j += 1
        }
        perturb >>= 5
        i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & m
      }
    }
  }

  func add(_ ts: ThreadState, _ key: Value) throws(PyException) {
    try add(ts, key, hash: try ts.hash(key))
  }

  /// Slot index holding an equal key, or nil.
  func find(_ ts: ThreadState, _ key: Value, hash: Int) throws(PyException) -> Int? {
    let m = mask
    var i = hash & m
    var perturb = UInt(bitPattern: hash)
    while true {
      var probes = (i + PySet.linearProbes <= m) ? PySet.linearProbes : 0
      var j = i
      while true {
        let slot = table[j]
        if slot.key == nil && slot.hash == 0 { return nil }
        if let k = slot.key, slot.hash == hash, try keysEqual(ts, k, key) { return j }
        if probes == 0 { break }
        probes -= 1
        j += 1
      }
      perturb >>= 5
      i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & m
    }
  }

  func contains(_ ts: ThreadState, _ key: Value) throws(PyException) -> Bool {
    try find(ts, key, hash: try ts.hash(key)) != nil
  }

  func contains(_ ts: ThreadState, _ key: Value, hash: Int) throws(PyException) -> Bool {
    try find(ts, key, hash: hash) != nil
  }

  /// Removes `key`; returns whether it was present.
  @discardableResult
  func discard(_ ts: ThreadState, _ key: Value, hash: Int) throws(PyException) -> Bool {
    guard let j = try find(ts, key, hash: hash) else { return false }
    table[j] = Slot(hash: -1, key: nil)
    used -= 1
    version &+= 1
    return true
  }

  func discard(_ ts: ThreadState, _ key: Value) throws(PyException) -> Bool {
    try discard(ts, key, hash: try ts.hash(key))
  }

  private static func insertClean(_ table: inout [Slot], _ key: Value, _ hash: Int) {
    let m = table.count - 1
    var i = hash & m
    var perturb = UInt(bitPattern: hash)
    while true {
      if table[i].key == nil {
        table[i] = Slot(hash: hash, key: key)
        return
      }
      if i + PySet.linearProbes <= m {
        for j in 1...PySet.linearProbes where table[i + j].key == nil {
          table[i + j] = Slot(hash: hash, key: key)
          return
        }
      }
      perturb >>= 5
      i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & m
    }
  }

  private func resize(_ minUsed: Int) {
    var newSize = PySet.minSize
    while newSize <= minUsed { newSize <<= 1 }
    var newTable = Array(repeating: Slot(hash: 0, key: nil), count: newSize)
    for slot in table { if let k = slot.key { PySet.insertClean(&newTable, k, slot.hash) } }
    table = newTable
    fill = used
  }

  func removeAll() {
    table = Array(repeating: Slot(hash: 0, key: nil), count: PySet.minSize)
    used = 0
    fill = 0
    version &+= 1
  }

  /// Removes and returns an arbitrary element (CPython's `set.pop` order).
  private var popFinger = 0
  func pop() -> Value? {
    guard used > 0 else { return nil }
    var i = popFinger & mask
    while table[i].key == nil { i = (i + 1) & mask }
    let k = table[i].key!
    table[i] = Slot(hash: -1, key: nil)
    used -= 1
    popFinger = i + 1
    version &+= 1
    return k
  }

  /// Live (key, hash) pairs in table order — the iteration order.
  var elements: [(key: Value, hash: Int)] {
    var out: [(key: Value, hash: Int)] = []
    out.reserveCapacity(used)
    for s in table { if let k = s.key { out.append((k, s.hash)) } }
    return out
  }

  var keys: [Value] { table.compactMap { $0.key } }

  // MARK: Bulk updates (CPython's set_update_internal / set_merge)

  func merge(_ ts: ThreadState, _ other: PySet) throws(PyException) {
    if other === self || other.used == 0 { return }
    if (fill + other.used) * 5 >= mask * 3 { resize((used + other.used) * 2) }
    if fill == 0 && mask == other.mask && other.fill == other.used {
      table = other.table
      fill = other.fill
      used = other.used
      version &+= 1
      return
    }
    if fill == 0 {
      for s in other.table { if let k = s.key { PySet.insertClean(&table, k, s.hash) } }
      fill = other.used
      used = other.used
      version &+= 1
      return
    }
    for s in other.table { if let k = s.key { try add(ts, k, hash: s.hash) } }
  }

  func update(_ ts: ThreadState, from iterable: Value) throws(PyException) {
    if case .object(let o) = iterable {
      if let s = o as? PySet { return try merge(ts, s) }
      if let d = o as? PyDict, d.kind == .dict {
        if (fill + d.count) * 5 >= mask * 3 { resize((used + d.count) * 2) }
        for i in 0..<d.entryCapacity {
          if let e = d.entry(at: i) { try add(ts, e.key, hash: d.entryHash(at: i)) }
        }
        return
      }
    }
    try ts.iterate(iterable) { (v) throws(PyException) in try self.add(ts, v) }
  }

  func copy(type: PyType? = nil, ts: ThreadState) throws(PyException) -> PySet {
    let s = PySet(type: type ?? self.type)
    try s.merge(ts, self)
    return s
  }

  // MARK: Hash (frozenset)

  func frozenHash() -> Int {
    if let h = cachedHash { return h }
    func shuffle(_ h: UInt) -> UInt { ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167 }
    var hash: UInt = 0
    for s in table { hash ^= shuffle(UInt(bitPattern: s.hash)) }
    if (mask + 1 - fill) & 1 == 1 { hash ^= shuffle(0) }
    if (fill - used) & 1 == 1 { hash ^= shuffle(UInt(bitPattern: -1)) }
    hash ^= (UInt(used) + 1) &* 1_927_868_237
    hash ^= (hash >> 11) ^ (hash >> 25)
    hash = hash &* 69069 &+ 907_133_923
    var r = Int(bitPattern: hash)
    if r == -1 { r = 590_923_713 }
    cachedHash = r
    return r
  }
}
