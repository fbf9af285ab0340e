/// The `sys` module (one per interpreter).
enum SysModule {
  static func make(_ ts: ThreadState) -> PyModule {
    let interp = ts.interp
    let runtime = interp.runtime
    let m = PyModule(name: "sys")
    m.attributes.reserveCapacity(64)
    m.add("modules", .object(interp.modules))
    m.add("stdout", .object(PyTextStream(runtime: runtime, stream: .stdout, name: "<stdout>")))
    m.add("stderr", .object(PyTextStream(runtime: runtime, stream: .stderr, name: "<stderr>")))
    m.add("stdin", .object(PyTextStream(runtime: runtime, stream: nil, name: "<stdin>")))
    m.add("__stdout__", m.attributes.getStr(names.stdout)!)
    m.add("__stderr__", m.attributes.getStr(names.stderr)!)
    m.add("__stdin__", m.attributes.getStr(names.stdin)!)
    m.add("argv", .object(PyList(runtime.argv.map { Value($0) })))
    m.add("orig_argv", .object(PyList([Value("python3")] + runtime.argv.map { Value($0) })))
    m.add("version", Value("3.14.0 (weave bundled runtime)"))
    m.add("version_info", .object(PyTuple([.int(3), .int(14), .int(0), Value("final"), .int(0)])))
    m.add("hexversion", .int(0x030E00F0))
    m.add("platform", Value("linux"))
    m.add("byteorder", Value("little"))
    m.add("maxsize", .int(Int.max))
    m.add("maxunicode", .int(0x10FFFF))
    m.add("executable", Value(""))
    m.add("prefix", Value(""))
    m.add("path", .object(PyList([Value("")])))
    m.add("builtin_module_names", .object(PyTuple(ModuleRegistry.allNames.map { Value($0) })))
    m.add("implementation", .object(namespace(["name": Value("weave"), "cache_tag": .none,
                                                 "version": .object(PyTuple([.int(3), .int(14), .int(0), Value("final"), .int(0)]))])))
    m.add("float_info", .object(namespace([
      "max": .float(Double.greatestFiniteMagnitude), "min": .float(Double.leastNormalMagnitude),
      "epsilon": .float(Double.ulpOfOne), "dig": .int(15), "mant_dig": .int(53),
      "max_exp": .int(1024), "min_exp": .int(-1021), "radix": .int(2)])))
    m.add("dont_write_bytecode", .bool(true))
    m.add("flags", .object(namespace(["optimize": .int(0), "dont_write_bytecode": .int(1), "verbose": .int(0),
                                        "interactive": .int(0), "isolated": .int(1), "utf8_mode": .int(1)])))
    let hook = PyBuiltinFunction(name: "displayhook", selfObject: .object(m)) { ts, args throws(PyException) in
      try args.expect("displayhook", 1, skipSelf: false)
      let v = args[0]
      if v.isNone { return .none }
      ts.interp.builtins.setStr(names.underscore, .none)
      try ts.writeStdout(try ts.repr(v) + "\n")
      ts.interp.builtins.setStr(names.underscore, v)
      return .none
    }
    BuiltinsCore.defaultDisplayHook = hook
    m.add("displayhook", .object(hook))
    m.add("__displayhook__", .object(hook))
    let excepthook = PyBuiltinFunction(name: "excepthook", selfObject: .object(m)) { ts, args throws(PyException) in
      try args.expect("excepthook", 3, skipSelf: false)
      if let e = args[1].asException {
        try ts.writeStderr(Traceback.format(ts, e))
      }
      return .none
    }
    m.add("excepthook", .object(excepthook))
    m.add("__excepthook__", .object(excepthook))
    m.addFunction("exit") { _, args throws(PyException) in
      throw PyException.make(PyType.systemExit, args: Array(args.positional))
    }
    m.addFunction("getrecursionlimit") { ts, _ throws(PyException) in .int(ts.interp.recursionLimit) }
    m.addFunction("setrecursionlimit") { ts, args throws(PyException) in
      try args.expect("setrecursionlimit", 1, skipSelf: false)
      guard let n = args[0].smallInt, args[0].isInt else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      if n < 1 { throw PyException.valueError("recursion limit must be greater or equal than 1") }
      ts.interp.recursionLimit = n
      return .none
    }
    m.addFunction("getswitchinterval") { ts, _ throws(PyException) in .float(ts.interp.gil.interval) }
    m.addFunction("setswitchinterval") { ts, args throws(PyException) in
      try args.expect("setswitchinterval", 1, skipSelf: false)
      guard let d = Num(args[0]), let x = try? d.toDouble() else {
        throw PyException.typeError("must be real number, not \(args[0].type.name)")
      }
      if x <= 0 { throw PyException.valueError("switch interval must be strictly positive") }
      ts.interp.gil.setInterval(x)
      return .none
    }
    m.addFunction("_is_gil_enabled") { _, _ throws(PyException) in .bool(true) }
    m.addFunction("getrefcount") { _, _ throws(PyException) in .int(2) }
    m.addFunction("getsizeof") { ts, args throws(PyException) in
      if args.count < 1 { throw PyException.typeError("getsizeof() missing required argument 'object' (pos 1)") }
      return .int(64)
    }
    m.addFunction("intern") { ts, args throws(PyException) in
      try args.expect("intern", 1, skipSelf: false)
      guard let s = args[0].exactStr else {
        throw PyException.typeError("intern() argument must be str, not \(args[0].type.name)")
      }
      return .object(Interned.intern(s))
    }
    m.addFunction("exc_info") { ts, _ throws(PyException) in
      guard let e = ts.handledException.asException else { return .object(PyTuple([.none, .none, .none])) }
      return .object(PyTuple([.object(e.type), .object(e), e.traceback.map { .object($0) } ?? .none]))
    }
    m.addFunction("exception") { ts, _ throws(PyException) in ts.handledException }
    m.addFunction("_getframe") { ts, args throws(PyException) in
      var depth = args.count > 0 ? (args[0].smallInt ?? 0) : 0
      var f = ts.frame
      while depth > 0, let cur = f {
        f = cur.back
        depth -= 1
      }
      guard let fr = f else { throw PyException.valueError("call stack is not deep enough") }
      return .object(fr)
    }
    m.addFunction("get_int_max_str_digits") { ts, _ throws(PyException) in
      .int(ts.interp.runtime.maxStrDigits.load(ordering: .relaxed))
    }
    m.addFunction("set_int_max_str_digits") { ts, args throws(PyException) in
      let a = try ArgList(args, "set_int_max_str_digits", ["maxdigits"], required: 1)
      guard let n = a[0]?.smallInt else { throw PyException.typeError("maxdigits must be an int") }
      if n != 0 && n < 640 {
        throw PyException.valueError("maxdigits must be >= 640 or 0 for unlimited")
      }
      ts.interp.runtime.maxStrDigits.store(n, ordering: .relaxed)
      return .none
    }
    m.addFunction("getdefaultencoding") { _, _ throws(PyException) in Value("utf-8") }
    m.addFunction("getfilesystemencoding") { _, _ throws(PyException) in Value("utf-8") }
    return m
  }

  /// A `types.SimpleNamespace` with the attributes in the order given
  /// (its repr lists them in insertion order, as CPython's does).
  static func namespace(_ values: KeyValuePairs<String, Value>) -> PyObject {
    let o = PyInstance(type: PyType.simpleNamespace)
    for (k, v) in values { o.dict!.setStr(intern(k), v) }
    return o
  }
}
