/// The `builtins` module: one per interpreter.
enum BuiltinsModule {
  static func make(_ ts: ThreadState) -> PyModule {
    let m = PyModule(name: "builtins")
    m.attributes.reserveCapacity(160)
    let d = m.attributes
    d.setStr(names.__doc__, Value("Built-in functions, types, exceptions, and other objects."))
    d.setStr("None", .none)
    d.setStr("True", .bool(true))
    d.setStr("False", .bool(false))
    d.setStr("Ellipsis", .ellipsis)
    d.setStr("NotImplemented", .notImplemented)
    d.setStr("__debug__", .bool(true))
    let types: [(String, PyType)] = [
      ("object", PyType.object), ("type", PyType.type), ("int", PyType.int), ("bool", PyType.bool),
      ("float", PyType.float), ("complex", PyType.complex), ("str", PyType.str), ("bytes", PyType.bytes),
      ("bytearray", PyType.bytearray), ("memoryview", PyType.memoryview), ("list", PyType.list),
      ("tuple", PyType.tuple), ("dict", PyType.dict), ("set", PyType.set), ("frozenset", PyType.frozenset),
      ("range", PyType.range), ("slice", PyType.slice), ("staticmethod", PyType.staticmethod),
      ("classmethod", PyType.classmethod), ("property", PyType.property), ("super", PyType.superType),
      ("enumerate", PyType.enumerate), ("zip", PyType.zip), ("map", PyType.map), ("filter", PyType.filter),
      ("reversed", PyType.reversed),
    ]
    for (n, t) in types { d.setStr(n, .object(t)) }
    for (n, t) in PyType.exceptionTypes { d.setStr(n, .object(t)) }
    d.setStr("EnvironmentError", .object(PyType.osError))
    d.setStr("IOError", .object(PyType.osError))
    BuiltinFunctions.install(m)
    return m
  }
}
