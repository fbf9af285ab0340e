/// The list of importable modules; each module file adds its entry here.
enum ModuleCatalog {
  static let swift: [(String, ModuleRegistry.Loader)] = [
  ]

  static let python: [(String, String)] = [
  ]

  static let packages: [String] = ["concurrent", "collections"]
}
