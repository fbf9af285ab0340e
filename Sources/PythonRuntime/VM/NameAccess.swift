/// Global and name-based variable access (module code, class bodies, `exec`).
extension ThreadState {
  /// `LOAD_GLOBAL` with an inline cache. A name found in the globals is
  /// remembered by its entry position, checked by key identity (entries
  /// keep their positions until the dict is compacted, so unrelated
  /// insertions and deletions — `except ... as e` at module level — do not
  /// invalidate it). A builtin is valid while neither dict's keys changed.
  /// The dicts are borrowed, not retained.
  @inline(__always)
  func loadGlobal(_ f: Frame, _ code: CodeObject, _ index: Int, _ name: PyStr) throws(PyException) -> Value {
    let cache = code.caches.baseAddress! + index
    let hit: Value? = f.globalsRef._withUnsafeGuaranteedRef { g in
      guard cache.pointee.ownerKey == objectKey(g) else { return nil }
      if cache.pointee.owner2Key == nil {
        let i = cache.pointee.index
        if cache.pointee.version == g.keysVersion || (i < g.entryCapacity && g.keyIsIdentical(at: i, to: name)) {
          return g.value(at: i)
        }
        return nil
      }
      guard cache.pointee.version == g.keysVersion else { return nil }
      return f.builtinsRef._withUnsafeGuaranteedRef { b in
        guard cache.pointee.owner2Key == objectKey(b), cache.pointee.version2 == b.keysVersion else { return nil }
        return b.value(at: cache.pointee.index)
      }
    }
    if let v = hit { return v }
    return try loadGlobalSlow(f, cache, name)
  }

  @inline(never)
  private func loadGlobalSlow(_ f: Frame, _ cache: UnsafeMutablePointer<InlineCache>, _ name: PyStr) throws(PyException) -> Value {
    let g = f.globals
    let b = f.builtins
    if let p = g.positionStr(name) {
      cache.pointee = InlineCache(version: g.keysVersion, version2: 0, index: p, owner: g, owner2: nil)
      return g.value(at: p)
    }
    if let p = b.positionStr(name) {
      cache.pointee = InlineCache(version: g.keysVersion, version2: b.keysVersion, index: p, owner: g, owner2: b)
      return b.value(at: p)
    }
    throw nameError(name)
  }

  /// Stores a global (or a module-level name) through the instruction's
  /// cache: the remembered entry position, checked by key identity, skips
  /// hashing.
  @inline(__always)
  func storeGlobalCached(_ f: Frame, _ cache: UnsafeMutablePointer<InlineCache>, _ name: PyStr, _ v: Value) {
    let stored: Bool = f.globalsRef._withUnsafeGuaranteedRef { g in
      let i = cache.pointee.index
      guard cache.pointee.ownerKey == objectKey(g),
            cache.pointee.version == g.keysVersion || (i < g.entryCapacity && g.keyIsIdentical(at: i, to: name)) else {
        return false
      }
      g.setValue(at: i, v)
      return true
    }
    if !stored { storeGlobalSlow(f.globals, cache, name, v) }
  }

  @inline(never)
  private func storeGlobalSlow(_ g: PyDict, _ cache: UnsafeMutablePointer<InlineCache>, _ name: PyStr, _ v: Value) {
    g.setStr(name, v)
    if let p = g.positionStr(name) {
      cache.pointee = InlineCache(version: g.keysVersion, version2: 0, index: p, owner: g, owner2: nil)
    }
  }

  func nameError(_ name: PyStr) -> PyException {
    let e = PyException.nameError("name '\(name.value)' is not defined")
    e.setAttribute("name", .object(name))
    return e
  }

  func loadName(_ f: Frame, _ name: PyStr) throws(PyException) -> Value {
    if let l = f.locals {
      if l.kind == .dict {
        if let v = l.getStr(name) { return v }
      } else {
        do throws(PyException) {
          return try getItem(.object(l), .object(name))
        } catch {
          if !error.isInstance(of: PyType.keyError) { throw error }
        }
      }
      if l === f.globals {
        if let v = f.builtins.getStr(name) { return v }
        throw nameError(name)
      }
    }
    if let v = f.globals.getStr(name) { return v }
    if let v = f.builtins.getStr(name) { return v }
    throw nameError(name)
  }

  func storeName(_ f: Frame, _ name: PyStr, _ v: Value) throws(PyException) {
    guard let l = f.locals else {
      throw PyException.systemError("no locals found when storing '\(name.value)'")
    }
    if l.kind == .dict { l.setStr(name, v) } else { try setItem(.object(l), .object(name), v) }
  }

  func deleteName(_ f: Frame, _ name: PyStr) throws(PyException) {
    guard let l = f.locals else { throw PyException.systemError("no locals when deleting '\(name.value)'") }
    if l.kind == .dict {
      if l.removeStr(name) == nil { throw nameError(name) }
    } else {
      try delItem(.object(l), .object(name))
    }
  }
}
