extension ConcurrencyModules {
  static var swiftModules: [(String, ModuleRegistry.Loader)] {
    [
      ("time", TimeModule.make),
      ("_thread", ThreadModule.make),
      ("_interpreters", InterpreterModules.makeInterpreters),
      ("_interpqueues", InterpreterModules.makeQueues),
    ]
  }

  static var pythonModules: [(String, String)] {
    [
      ("threading", ThreadingSource.text),
      ("queue", QueueSource.text),
      ("concurrent.interpreters", InterpretersSources.interpreters),
      ("concurrent.interpreters._crossinterp", InterpretersSources.crossinterp),
      ("concurrent.interpreters._queues", InterpretersSources.queues),
      ("concurrent.futures", FuturesSource.text),
    ]
  }

  static var packages: [String] {
    ["concurrent.interpreters"]
  }
}
