/// The core standard-library modules documentation examples import.
/// Speed-critical modules (math, itertools, operator, the containers of
/// collections, functools' caches, heapq, bisect) are written in Swift; the
/// rest are Python sources compiled on first import.
extension CoreModules {
  static var swiftModules: [(String, ModuleRegistry.Loader)] {
    [
      ("math", MathModule.make),
      ("itertools", ItertoolsModule.make),
      ("operator", OperatorModule.make),
      ("_functools", FunctoolsModule.make),
      ("_collections", CollectionsModule.make),
      ("_heapq", HeapqModule.make),
      ("_bisect", BisectModule.make),
      ("_weakref", WeakrefModule.make),
      ("gc", GCModule.make),
      ("_coreutil", CoreUtilModule.make),
      ("_io", IOModule.make),
    ]
  }

  static var pythonModules: [(String, String)] {
    [
      ("functools", FunctoolsSource.text),
      ("collections", CollectionsSource.text),
      ("collections.abc", CollectionsAbcSource.text),
      ("_collections_abc", CollectionsAbcImplSource.text),
      ("abc", AbcSource.text),
      ("heapq", HeapqSource.text),
      ("bisect", BisectSource.text),
      ("copy", CopySource.text),
      ("types", TypesSource.text),
      ("typing", TypingSource.text),
      ("contextlib", ContextlibSource.text),
      ("io", IOSource.text),
      ("keyword", KeywordSource.text),
      ("weakref", WeakrefSource.text),
      ("warnings", WarningsSource.text),
      ("traceback", TracebackSource.text),
      ("pprint", PprintSource.text),
      ("reprlib", ReprlibSource.text),
      ("atexit", AtexitSource.text),
      ("statistics", StatisticsSource.text),
    ]
  }
}
