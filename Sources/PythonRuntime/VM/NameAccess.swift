/// Global and name-based variable access (module code, class bodies, `exec`).
extension ThreadState {
  /// `LOAD_GLOBAL` with an inline cache: the position of the name in the
  /// globals (or builtins) dict stays valid until that dict gains or loses a
  /// key, so a hit is two version compares and an indexed read.
  @inline(__always)
  func loadGlobal(_ f: Frame, _ code: CodeObject, _ index: Int, _ name: PyStr) throws(PyException) -> Value {
    let cache = code.caches.baseAddress! + index
    let g = f.globals
    let b = f.builtins
    if cache.pointee.owner === g && cache.pointee.version == g.keysVersion {
      if cache.pointee.owner2 == nil { return g.value(at: cache.pointee.index) }
      if cache.pointee.owner2 === b && cache.pointee.version2 == b.keysVersion {
        return b.value(at: cache.pointee.index)
      }
    }
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
  /// cache: while the dict's keys are unchanged, the entry's position is
  /// still right and the store skips hashing.
  @inline(__always)
  func storeGlobalCached(_ g: PyDict, _ cache: UnsafeMutablePointer<InlineCache>, _ name: PyStr, _ v: Value) {
    if cache.pointee.owner === g && cache.pointee.version == g.keysVersion {
      g.setValue(at: cache.pointee.index, v)
      return
    }
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
