/// dataclasses, enum, random, pickle, copyreg, json (see ModuleCatalog).
extension DataModules {
  static var swiftModules: [(String, ModuleRegistry.Loader)] {
    [
      ("_random", RandomModule.make),
    ]
  }

  static var pythonModules: [(String, String)] {
    [
      ("random", RandomSource.text),
    ]
  }
}
