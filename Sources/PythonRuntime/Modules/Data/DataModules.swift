/// dataclasses, enum, random, pickle, copyreg, json (see ModuleCatalog).
extension DataModules {
  static var swiftModules: [(String, ModuleRegistry.Loader)] {
    [
      ("_random", RandomModule.make),
      ("_json", JSONModule.make),
      ("_pickle", PickleModule.make),
    ]
  }

  static var pythonModules: [(String, String)] {
    [
      ("random", RandomSource.text),
      ("json", JSONSource.package),
      ("json.decoder", JSONSource.decoder),
      ("json.encoder", JSONSource.encoder),
      ("json.scanner", JSONSource.scanner),
      ("copyreg", CopyregSource.text),
      ("pickle", PickleSource.text),
      ("dataclasses", DataclassesSource.text),
      ("enum", EnumSource.text),
      ("datetime", DatetimeSource.text),
    ]
  }

  static var packages: [String] { ["json"] }
}
