import Foundation

/// The import system. Every module is either implemented in Swift or
/// written in Python and compiled from source embedded in the runtime;
/// nothing is ever read from the file system (example code is hermetic).
extension ThreadState {
  func importName(_ name: PyStr, fromlist: Value, level: Value, frame f: Frame?) throws(PyException) -> Value {
    let lvl = level.smallInt ?? 0
    var full = name.value
    if lvl > 0 {
      let package = try resolvePackage(f?.globals, level: lvl)
      full = full.isEmpty ? package : package + "." + full
    }
    if full.isEmpty { throw PyException.valueError("Empty module name") }
    let module = try importModule(full)
    let hasFromlist: Bool = {
      if fromlist.isNone { return false }
      if let t = fromlist.asTuple { return t.count > 0 }
      if let l = fromlist.asList { return l.count > 0 }
      return true
    }()
    if hasFromlist { return module }
    if lvl > 0 { return module }
    let top = String(full.split(separator: ".").first!)
    return interp.modules.getStr(intern(top)) ?? module
  }

  private func resolvePackage(_ globals: PyDict?, level: Int) throws(PyException) -> String {
    var package = ""
    if let g = globals {
      if let p = g.getStr(names.__package__)?.asStr?.value {
        package = p
      } else if let n = g.getStr(names.__name__)?.asStr?.value {
        package = g.getStr(names.__path__) != nil ? n : String(n.split(separator: ".").dropLast().joined(separator: "."))
      }
    }
    if package.isEmpty { throw PyException.importError("attempted relative import with no known parent package") }
    var parts = package.split(separator: ".").map(String.init)
    if level - 1 > parts.count - 1 && level > 1 {
      throw PyException.importError("attempted relative import beyond top-level package")
    }
    parts.removeLast(min(level - 1, parts.count))
    return parts.joined(separator: ".")
  }

  /// Imports `fullname` (and its parent packages) into this interpreter.
  func importModule(_ fullname: String) throws(PyException) -> Value {
    let key = intern(fullname)
    if let m = interp.modules.getStr(key), !m.isNone {
      if interp.modulesInitializing.isEmpty { return m }
      return try waitForInitialization(fullname) ?? m
    }
    let parts = fullname.split(separator: ".").map(String.init)
    var parent: Value? = nil
    if parts.count > 1 {
      parent = try importModule(parts.dropLast().joined(separator: "."))
      if let m = interp.modules.getStr(key), !m.isNone { return m }
    }
    guard let module = try ModuleRegistry.load(fullname, self) else {
      throw PyException.moduleNotFound(fullname)
    }
    if let p = parent, case .object(let po) = p, let pm = po as? PyModule {
      pm.attributes.setStr(intern(parts.last!), module)
    }
    return module
  }

  /// A module another thread is still initialising: wait (without the GIL)
  /// until its body has run, then import again (nil: use what is there).
  /// The thread running the body itself (a circular import) gets the
  /// partial module, as in CPython.
  private func waitForInitialization(_ fullname: String) throws(PyException) -> Value? {
    guard let owner = interp.modulesInitializing[fullname], owner != ObjectIdentifier(self) else { return nil }
    while interp.modulesInitializing[fullname] != nil {
      withoutGIL { usleep(50) }
      try checkAsyncException()
    }
    return try importModule(fullname)
  }

  func importFrom(_ module: Value, _ name: PyStr) throws(PyException) -> Value {
    if let v = try lookupAttrOptional(module, name) { return v }
    if case .object(let o) = module, let m = o as? PyModule {
      let sub = m.name + "." + name.value
      if ModuleRegistry.exists(sub) { return try importModule(sub) }
      throw PyException.importError("cannot import name '\(name.value)' from '\(m.name)' (unknown location)",
                                    name: m.name)
    }
    throw PyException.importError("cannot import name '\(name.value)'")
  }

  func importStar(_ module: Value, into f: Frame) throws(PyException) {
    guard let target = f.locals else { throw PyException.systemError("import * only allowed at module level") }
    guard case .object(let o) = module, let m = o as? PyModule else { return }
    if let all = m.attributes.getStr(names.__all__) {
      for n in try collect(all) {
        guard let s = n.asStr else { continue }
        target.setStr(intern(s.value), try getAttr(module, intern(s.value)))
      }
      return
    }
    for (k, v) in m.attributes.storageItems() {
      guard let s = k.asStr, !s.value.hasPrefix("_") else { continue }
      target.setStr(s, v)
    }
  }
}
