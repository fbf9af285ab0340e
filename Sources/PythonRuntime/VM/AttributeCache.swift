/// Inline caches for attribute access on instances of user classes.
///
/// Each `loadAttr`/`storeAttr`/`loadMethod` instruction owns an
/// `InlineCache`. It remembers, for one class (compared by identity) at one
/// version (bumped whenever the class or a base changes):
/// - for attributes stored on the instance: that the class defines nothing of
///   that name, plus the position of the name in the last instance dict
///   (instances of a class usually build their dicts in the same order, so
///   the position usually matches and is verified by key identity);
/// - for `__slots__` members: the member's index in the instance's slots;
/// - for methods: the function the class lookup found.
/// A miss falls back to the general algorithm and refills the cache.
enum AttributeCache {
  static let instanceAttribute = 1
  static let method = 2
  static let slot = 3

  /// Reads `o.name` through the cache, or nil on a miss.
  @inline(__always)
  static func load(_ o: PyObject, _ name: PyStr, _ cache: UnsafeMutablePointer<InlineCache>) -> Value? {
    let t = o.type!
    guard cache.pointee.owner === t, cache.pointee.version == UInt64(truncatingIfNeeded: t.version) else { return nil }
    if Int(cache.pointee.version2) == slot {
      // Filled only for PyInstance storage, which the type determines.
      let inst = unsafeDowncast(o, to: PyInstance.self)
      let i = cache.pointee.index
      return i < inst.slots.count ? inst.slots[i] : nil
    }
    guard let d = o.dict else { return nil }
    switch Int(cache.pointee.version2) {
    case instanceAttribute:
      let i = cache.pointee.index
      if i >= 0 && i < d.entryCapacity, d.keyIsIdentical(at: i, to: name) { return d.value(at: i) }
      guard let p = d.positionStr(name) else { return nil }
      cache.pointee.index = p
      return d.value(at: p)
    case method:
      if d.count > 0 && d.positionStr(name) != nil { return nil }
      return .object(PyBoundMethod(function: .object(unsafeDowncast(cache.pointee.owner2!, to: PyObject.self)), selfValue: .object(o)))
    default:
      return nil
    }
  }

  /// Fills the cache after a slow-path read of `o.name`.
  static func fillLoad(_ o: PyObject, _ name: PyStr, _ cache: UnsafeMutablePointer<InlineCache>) {
    let t = o.type!
    // Classes (of user-defined metaclasses) follow type attribute rules: never cached here.
    guard t.isHeapType, !t.hasCustomGetAttribute, !(o is PyType) else { return }
    if let sd = slotDescriptor(o, t, name) {
      cache.pointee = InlineCache(version: UInt64(truncatingIfNeeded: t.version), version2: UInt64(slot),
                                  index: sd.index, owner: t, owner2: nil)
      return
    }
    guard let d = o.dict else { return }
    if let found = t.lookup(name) {
      guard case .object(let f) = found, f.kind == .function else { return }
      cache.pointee = InlineCache(version: UInt64(truncatingIfNeeded: t.version), version2: UInt64(method),
                                  index: -1, owner: t, owner2: f)
      return
    }
    guard let p = d.positionStr(name) else { return }
    cache.pointee = InlineCache(version: UInt64(truncatingIfNeeded: t.version), version2: UInt64(instanceAttribute),
                                index: p, owner: t, owner2: nil)
  }

  /// Stores `o.name = value` through the cache; false on a miss.
  @inline(__always)
  static func store(_ o: PyObject, _ name: PyStr, _ value: Value, _ cache: UnsafeMutablePointer<InlineCache>) -> Bool {
    let t = o.type!
    guard cache.pointee.owner === t, cache.pointee.version == UInt64(truncatingIfNeeded: t.version) else { return false }
    if Int(cache.pointee.version2) == slot {
      let inst = unsafeDowncast(o, to: PyInstance.self)
      let i = cache.pointee.index
      guard i < inst.slots.count else { return false }
      inst.slots[i] = value
      return true
    }
    guard Int(cache.pointee.version2) == instanceAttribute, let d = o.dict else { return false }
    let i = cache.pointee.index
    if i >= 0 && i < d.entryCapacity, d.keyIsIdentical(at: i, to: name) {
      d.setValue(at: i, value)
      return true
    }
    d.setStr(name, value)
    if let p = d.positionStr(name) { cache.pointee.index = p }
    return true
  }

  /// Fills the store cache when the class defines no data descriptor `name`.
  static func fillStore(_ o: PyObject, _ name: PyStr, _ cache: UnsafeMutablePointer<InlineCache>) {
    let t = o.type!
    guard t.isHeapType, !t.hasCustomSetAttr, !(o is PyType) else { return }
    if let sd = slotDescriptor(o, t, name) {
      cache.pointee = InlineCache(version: UInt64(truncatingIfNeeded: t.version), version2: UInt64(slot),
                                  index: sd.index, owner: t, owner2: nil)
      return
    }
    guard let d = o.dict, t.lookup(name) == nil else { return }
    cache.pointee = InlineCache(version: UInt64(truncatingIfNeeded: t.version), version2: UInt64(instanceAttribute),
                                index: d.positionStr(name) ?? -1, owner: t, owner2: nil)
  }

  /// The `__slots__` member `name` resolves to on `o`'s class, when `o`
  /// keeps its members in PyInstance storage.
  private static func slotDescriptor(_ o: PyObject, _ t: PyType, _ name: PyStr) -> PySlotDescriptor? {
    guard o is PyInstance, let found = t.lookup(name), case .object(let f) = found,
          let sd = f as? PySlotDescriptor, sd.index < t.slotCount else { return nil }
    return sd
  }

  /// For `obj.name(...)`: the cached method of the object's class, or nil.
  @inline(__always)
  static func method(_ o: PyObject, _ name: PyStr, _ cache: UnsafeMutablePointer<InlineCache>) -> Value? {
    let t = o.type!
    guard cache.pointee.owner === t, cache.pointee.version == UInt64(truncatingIfNeeded: t.version),
          Int(cache.pointee.version2) == method else { return nil }
    if let d = o.dict, d.count > 0, d.positionStr(name) != nil { return nil }
    return .object(unsafeDowncast(cache.pointee.owner2!, to: PyObject.self))
  }

  static func fillMethod(_ o: PyObject, _ name: PyStr, _ cache: UnsafeMutablePointer<InlineCache>) {
    let t = o.type!
    guard !t.hasCustomGetAttribute, !(o is PyType), let found = t.lookup(name), case .object(let f) = found,
          f.kind == .function || f.kind == .methodDescriptor else { return }
    // Builtin types never change; user classes carry a version.
    cache.pointee = InlineCache(version: UInt64(truncatingIfNeeded: t.version), version2: UInt64(method),
                                index: -1, owner: t, owner2: f)
  }
}
