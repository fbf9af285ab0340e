/// dataclasses, enum, random, pickle, copyreg, json (see ModuleCatalog).
extension DataModules {
  static var swiftModules: [(String, ModuleRegistry.Loader)] {
    [
      ("_random", RandomModule.make),
      ("_json", JSONModule.make),
    ]
  }

  static var pythonModules: [(String, String)] {
    [
      ("random", RandomSource.text),
      ("json", JSONSource.package),
      ("json.decoder", JSONSource.decoder),
      ("json.encoder", JSONSource.encoder),
      ("json.scanner", JSONSource.scanner),
    ]
  }

  static var packages: [String] { ["json"] }
}
