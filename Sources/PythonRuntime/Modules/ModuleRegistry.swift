/// Every module example code can import. Modules are implemented in Swift
/// (`swiftModules`) or written in Python and compiled from source embedded
/// in the runtime (`pythonSources`). There is deliberately no file-system
/// import: `import os`, `import subprocess` and friends fail with
/// ModuleNotFoundError, so a documentation build can never touch the machine.
enum ModuleRegistry {
  typealias Loader = (ThreadState) throws(PyException) -> PyModule

  nonisolated(unsafe) private static var swiftModules: [String: Loader] = [:]
  nonisolated(unsafe) private static var pythonSources: [String: String] = [:]
  /// Names that are packages (have submodules).
  nonisolated(unsafe) private static var packages: Set<String> = []
  private static let once: Void = registerAll()

  static func register(_ name: String, _ loader: @escaping Loader) { swiftModules[name] = loader }
  static func register(_ name: String, source: String) { pythonSources[name] = source }
  static func registerPackage(_ name: String) { packages.insert(name) }

  private static func registerAll() {
    for entry in ModuleCatalog.swift { register(entry.0, entry.1) }
    for entry in ModuleCatalog.python { register(entry.0, source: entry.1) }
    for p in ModuleCatalog.packages { registerPackage(p) }
  }

  static func exists(_ name: String) -> Bool {
    _ = once
    return swiftModules[name] != nil || pythonSources[name] != nil || packages.contains(name)
  }

  /// Every module name, sorted (`sys.builtin_module_names`); computed once,
  /// since each new interpreter's `sys` lists them.
  static var allNames: [String] { sortedNames }

  private static let sortedNames: [String] = {
    _ = once
    return (Array(swiftModules.keys) + Array(pythonSources.keys) + Array(packages) + ["builtins", "sys"]).sorted()
  }()

  /// Creates, registers in `sys.modules` and returns the module, or nil
  /// when no such module exists.
  static func load(_ name: String, _ ts: ThreadState) throws(PyException) -> Value? {
    _ = once
    let key = intern(name)
    if let loader = swiftModules[name] {
      let m = try loader(ts)
      ts.interp.modules.setStr(key, .object(m))
      return .object(m)
    }
    if let source = pythonSources[name] {
      let m = PyModule(name: name)
      let d = m.attributes
      d.setStr(names.__builtins__, .object(ts.interp.builtinsModule))
      d.setStr(names.__file__, Value("<frozen \(name)>"))
      if packages.contains(name) {
        d.setStr(names.__path__, .object(PyList()))
        d.setStr(names.__package__, Value(name))
      } else {
        d.setStr(names.__package__, Value(String(name.split(separator: ".").dropLast().joined(separator: "."))))
      }
      ts.interp.modules.setStr(key, .object(m))
      ts.interp.modulesInitializing[name] = ObjectIdentifier(ts)
      defer { ts.interp.modulesInitializing[name] = nil }
      do throws(PyException) {
        let code = try CompileAPI.compile(source, filename: "<frozen \(name)>", mode: .exec)
        _ = try ts.runCode(code, globals: d)
      } catch {
        ts.interp.modules.removeStr(key)
        throw error
      }
      return ts.interp.modules.getStr(key) ?? .object(m)
    }
    if packages.contains(name) {
      let m = PyModule(name: name)
      m.attributes.setStr(names.__path__, .object(PyList()))
      m.attributes.setStr(names.__package__, Value(name))
      ts.interp.modules.setStr(key, .object(m))
      return .object(m)
    }
    return nil
  }
}
