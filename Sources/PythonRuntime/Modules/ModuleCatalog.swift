/// The list of importable modules. Each group of modules keeps its own
/// list (a `ModuleGroup`), so adding a module touches one small file.
enum ModuleCatalog {
  static let groups: [ModuleGroup.Type] = [
    CoreModules.self,
    TextModules.self,
    DataModules.self,
    LibraryModules.self,
    ConcurrencyModules.self,
  ]

  static var swift: [(String, ModuleRegistry.Loader)] { groups.flatMap { $0.swiftModules } }
  static var python: [(String, String)] { groups.flatMap { $0.pythonModules } }
  static var packages: [String] { ["concurrent", "collections"] + groups.flatMap { $0.packages } }
}

/// A set of modules implemented together.
protocol ModuleGroup {
  /// Modules implemented in Swift: name and loader.
  static var swiftModules: [(String, ModuleRegistry.Loader)] { get }
  /// Modules written in Python: name and source.
  static var pythonModules: [(String, String)] { get }
  /// Package names (modules with submodules) beyond `concurrent` and `collections`.
  static var packages: [String] { get }
}

extension ModuleGroup {
  static var swiftModules: [(String, ModuleRegistry.Loader)] { [] }
  static var pythonModules: [(String, String)] { [] }
  static var packages: [String] { [] }
}

/// math, itertools, functools, operator, collections, copy, heapq, bisect,
/// types, typing, abc, contextlib, io, keyword, weakref, gc, warnings, traceback.
enum CoreModules: ModuleGroup {}
/// string, textwrap.
enum TextModules: ModuleGroup {}
/// dataclasses, enum, random, time, pickle, copyreg, json.
enum DataModules: ModuleGroup {}
/// Anything else of the standard library examples need.
enum LibraryModules: ModuleGroup {}
/// threading, _thread, queue, concurrent.interpreters, concurrent.futures.
enum ConcurrencyModules: ModuleGroup {}
