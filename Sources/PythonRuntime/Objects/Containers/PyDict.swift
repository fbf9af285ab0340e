/// A Python `dict`: an insertion-ordered hash map.
///
/// Entries live in insertion order in `entries` (deleted ones become holes
/// until the next compaction); `indices` is an open-addressing table of
/// positions into `entries`. Dicts of up to `linearLimit` entries have no
/// index table at all and are scanned linearly — most instance and keyword
/// dicts are that small, and a scan comparing cached hashes beats hashing.
final class PyDict: PyObject {
  struct Entry {
    var hash: Int
    /// nil marks a deleted entry.
    var key: Value?
    var value: Value
  }

  static let linearLimit = 8
  private static let emptySlot: Int32 = -1
  private static let dummySlot: Int32 = -2

  private(set) var entries: ContiguousArray<Entry> = []

  deinit {
    if entries.isEmpty { return }
    Trashcan.dispose(release: { entries = [] }, defer: { pending in
      for e in entries {
        if let k = e.key { pending.append(k) }
        pending.append(e.value)
      }
      entries = []
    })
  }
  private var indices: [Int32] = []
  private(set) var count: Int = 0
  /// Changes whenever a key is added or removed (not on value updates), so
  /// an entry's position stays valid while `keysVersion` is unchanged.
  private(set) var keysVersion: UInt64 = 0

  init() { super.init(type: PyType.dict, kind: .dict) }
  init(type: PyType) { super.init(type: type, kind: .dict) }

  /// Only for bootstrap, before the `dict` type exists.
  init(bootstrap: Void) { super.init(bootstrapKind: .dict) }

  @inline(__always) private func bumpKeys() {
    keysVersion &+= 1
  }

  // MARK: Probing

  /// Position of `key` in `entries`, or nil. `eq` decides equality for
  /// entries whose hash matches and that are not identical.
  @inline(__always)
  private func find(hash: Int, _ eq: (Value) throws(PyException) -> Bool) throws(PyException) -> Int? {
    if indices.isEmpty {
      var i = 0
      let n = entries.count
      while i < n {
        let e = entries[i]
        if e.hash == hash, let k = e.key, try eq(k) { return i }
        i += 1
      }
      return nil
    }
    let mask = indices.count - 1
    var slot = hash & mask
    var perturb = UInt(bitPattern: hash)
    while true {
      let ix = indices[slot]
      if ix == PyDict.emptySlot { return nil }
      if ix >= 0 {
        let e = entries[Int(ix)]
        if e.hash == hash, let k = e.key, try eq(k) { return Int(ix) }
      }
      perturb >>= 5
      slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
    }
  }

  private func insertIndex(hash: Int, position: Int) {
    let mask = indices.count - 1
    var slot = hash & mask
    var perturb = UInt(bitPattern: hash)
    while indices[slot] >= 0 {
      perturb >>= 5
      slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
    }
    indices[slot] = Int32(position)
  }

  private func removeIndex(position: Int, hash: Int) {
    let mask = indices.count - 1
    var slot = hash & mask
    var perturb = UInt(bitPattern: hash)
    while indices[slot] != Int32(position) {
      perturb >>= 5
      slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
    }
    indices[slot] = PyDict.dummySlot
  }

  /// Makes room for `n` entries at once (module namespaces filled with
  /// known numbers of names), sparing the intermediate regrowths.
  func reserveCapacity(_ n: Int) {
    entries.reserveCapacity(n)
    if n > PyDict.linearLimit && indices.count * 2 < n * 3 { rebuild(minimumCapacity: n) }
  }

  /// Compacts deleted entries and rebuilds (or drops) the index table.
  private func rebuild(minimumCapacity: Int) {
    if count != entries.count {
      entries = ContiguousArray(entries.lazy.filter { $0.key != nil })
    }
    if minimumCapacity <= PyDict.linearLimit {
      indices = []
      return
    }
    var size = 16
    while size * 2 < minimumCapacity * 3 { size <<= 1 }
    indices = [Int32](repeating: PyDict.emptySlot, count: size)
    for (i, e) in entries.enumerated() { insertIndex(hash: e.hash, position: i) }
  }

  private func appendEntry(_ hash: Int, _ key: Value, _ value: Value) {
    let needed = entries.count + 1
    if indices.isEmpty {
      if needed > PyDict.linearLimit { rebuild(minimumCapacity: needed) }
    } else if needed * 3 > indices.count * 2 {
      rebuild(minimumCapacity: max(count + 1, 8) * 2)
    }
    entries.append(Entry(hash: hash, key: key, value: value))
    if !indices.isEmpty { insertIndex(hash: hash, position: entries.count - 1) }
    count += 1
    bumpKeys()
  }

  // MARK: Generic keys (may call __eq__ / __hash__)

  func position(_ ts: ThreadState, _ key: Value, hash: Int) throws(PyException) -> Int? {
    switch key {
    case .object(let o) where o.kind == .str:
      let s = unsafeDowncast(o, to: PyStr.self)
      return try find(hash: hash) { (k) throws(PyException) in
        if case .object(let ko) = k {
          if ko === s { return true }
          if ko.kind == .str { return s.equals(unsafeDowncast(ko, to: PyStr.self)) }
        }
        return try ts.richEqual(k, key)
      }
    case .int(let i):
      return try find(hash: hash) { (k) throws(PyException) in
        switch k {
        case .int(let j): return i == j
        case .object(let ko) where ko.kind == .str: return false
        default: return try ts.richEqual(k, key)
        }
      }
    default:
      return try find(hash: hash) { (k) throws(PyException) in
        if k.isIdentical(to: key) { return true }
        return try ts.richEqual(k, key)
      }
    }
  }

  func get(_ ts: ThreadState, _ key: Value) throws(PyException) -> Value? {
    let h = try ts.hash(key)
    guard let p = try position(ts, key, hash: h) else { return nil }
    return entries[p].value
  }

  func get(_ ts: ThreadState, _ key: Value, hash: Int) throws(PyException) -> Value? {
    guard let p = try position(ts, key, hash: hash) else { return nil }
    return entries[p].value
  }

  func set(_ ts: ThreadState, _ key: Value, _ value: Value) throws(PyException) {
    let h = try ts.hash(key)
    try set(ts, key, value, hash: h)
  }

  func set(_ ts: ThreadState, _ key: Value, _ value: Value, hash: Int) throws(PyException) {
    if let p = try position(ts, key, hash: hash) {
      entries[p].value = value
    } else {
      appendEntry(hash, key, value)
    }
  }

  /// Removes `key`; returns its value, or nil when absent.
  @discardableResult
  func remove(_ ts: ThreadState, _ key: Value) throws(PyException) -> Value? {
    let h = try ts.hash(key)
    guard let p = try position(ts, key, hash: h) else { return nil }
    return removeEntry(at: p)
  }

  func contains(_ ts: ThreadState, _ key: Value) throws(PyException) -> Bool {
    let h = try ts.hash(key)
    return try position(ts, key, hash: h) != nil
  }

  private func removeEntry(at p: Int) -> Value {
    let old = entries[p].value
    if !indices.isEmpty { removeIndex(position: p, hash: entries[p].hash) }
    entries[p].key = nil
    entries[p].value = .none
    count -= 1
    bumpKeys()
    if count == 0 {
      entries.removeAll(keepingCapacity: true)
      indices = []
    } else if p == entries.count - 1 && indices.isEmpty {
      entries.removeLast()
    } else if entries.count > 16 && count * 2 < entries.count {
      rebuild(minimumCapacity: count)
    }
    return old
  }

  // MARK: String keys (attribute and namespace dicts)

  /// Looks up an exact-`str` key without calling Python code: a key that is
  /// not an exact `str` never matches. Used for namespaces and attributes.
  @inline(__always)
  func getStr(_ key: PyStr) -> Value? {
    guard let p = positionStr(key) else { return nil }
    return entries[p].value
  }

  @inline(__always)
  func positionStr(_ key: PyStr) -> Int? {
    let h = key.hash
    return try! find(hash: h) { (k) throws(PyException) in
      if case .object(let ko) = k {
        if ko === key { return true }
        if ko.kind == .str { return key.equals(unsafeDowncast(ko, to: PyStr.self)) }
      }
      return false
    }
  }

  func setStr(_ key: PyStr, _ value: Value) {
    if let p = positionStr(key) {
      entries[p].value = value
    } else {
      appendEntry(key.hash, .object(key), value)
    }
  }

  func setStr(_ key: String, _ value: Value) { setStr(intern(key), value) }

  @discardableResult
  func removeStr(_ key: PyStr) -> Value? {
    guard let p = positionStr(key) else { return nil }
    return removeEntry(at: p)
  }

  func getStr(_ key: String) -> Value? { getStr(PyStr(key)) }

  // MARK: Entry access for caches and iteration

  /// Value at an entry position obtained from `positionStr` (valid while
  /// `keysVersion` is unchanged).
  @inline(__always) func value(at position: Int) -> Value { entries[position].value }

  /// Whether the entry at `position` has exactly this key object.
  @inline(__always) func keyIsIdentical(at position: Int, to key: PyStr) -> Bool {
    if case .object(let o)? = entries[position].key { return objectKey(o) == objectKey(key) }
    return false
  }
  @inline(__always) func setValue(at position: Int, _ v: Value) { entries[position].value = v }

  /// Number of entry slots, including holes (for iteration by position).
  var entryCapacity: Int { entries.count }

  /// The live entry at slot `i`, or nil for a hole.
  @inline(__always) func entry(at i: Int) -> (key: Value, value: Value)? {
    let e = entries[i]
    guard let k = e.key else { return nil }
    return (k, e.value)
  }

  func entryHash(at i: Int) -> Int { entries[i].hash }

  /// Live (key, value) pairs in insertion order (a snapshot).
  func storageItems() -> [(Value, Value)] {
    var out: [(Value, Value)] = []
    out.reserveCapacity(count)
    for e in entries { if let k = e.key { out.append((k, e.value)) } }
    return out
  }

  var keys: [Value] { entries.compactMap { $0.key } }
  var values: [Value] { entries.compactMap { $0.key == nil ? nil : $0.value } }

  func removeAll() {
    entries.removeAll()
    indices = []
    count = 0
    bumpKeys()
  }

  /// Removes and returns the last inserted item (`dict.popitem`).
  func popLast() -> (Value, Value)? {
    guard count > 0 else { return nil }
    var p = entries.count - 1
    while entries[p].key == nil { p -= 1 }
    let k = entries[p].key!
    let v = removeEntry(at: p)
    return (k, v)
  }

  /// A shallow copy preserving order.
  func copy(type: PyType? = nil) -> PyDict {
    let d = type.map { PyDict(type: $0) } ?? PyDict()
    d.entries = ContiguousArray(entries.lazy.filter { $0.key != nil })
    d.count = count
    if count > PyDict.linearLimit { d.rebuild(minimumCapacity: count) }
    return d
  }

  /// Appends every entry of `other`, overwriting equal keys (`dict.update`).
  func update(_ ts: ThreadState, from other: PyDict) throws(PyException) {
    if count == 0 && other.kind == .dict {
      entries = ContiguousArray(other.entries.lazy.filter { $0.key != nil })
      count = other.count
      if count > PyDict.linearLimit { rebuild(minimumCapacity: count) }
      bumpKeys()
      return
    }
    for e in other.entries {
      guard let k = e.key else { continue }
      try set(ts, k, e.value, hash: e.hash)
    }
  }
}
