/// The builtin types, created once per process by `Bootstrap` and shared by
/// every interpreter (they are immutable after bootstrap, like CPython's
/// static types). Stored as plain globals so reading one is a single load.
extension PyType {
  nonisolated(unsafe) static var type: PyType!
  nonisolated(unsafe) static var object: PyType!
  nonisolated(unsafe) static var dict: PyType!
  nonisolated(unsafe) static var str: PyType!
  nonisolated(unsafe) static var noneType: PyType!
  nonisolated(unsafe) static var notImplementedType: PyType!
  nonisolated(unsafe) static var ellipsisType: PyType!
  nonisolated(unsafe) static var int: PyType!
  nonisolated(unsafe) static var bool: PyType!
  nonisolated(unsafe) static var float: PyType!
  nonisolated(unsafe) static var complex: PyType!
  nonisolated(unsafe) static var bytes: PyType!
  nonisolated(unsafe) static var bytearray: PyType!
  nonisolated(unsafe) static var memoryview: PyType!
  nonisolated(unsafe) static var list: PyType!
  nonisolated(unsafe) static var tuple: PyType!
  nonisolated(unsafe) static var set: PyType!
  nonisolated(unsafe) static var frozenset: PyType!
  nonisolated(unsafe) static var range: PyType!
  nonisolated(unsafe) static var slice: PyType!
  nonisolated(unsafe) static var function: PyType!
  nonisolated(unsafe) static var builtinFunction: PyType!
  nonisolated(unsafe) static var methodDescriptor: PyType!
  nonisolated(unsafe) static var classMethodDescriptor: PyType!
  nonisolated(unsafe) static var getSetDescriptor: PyType!
  nonisolated(unsafe) static var memberDescriptor: PyType!
  nonisolated(unsafe) static var method: PyType!
  nonisolated(unsafe) static var staticmethod: PyType!
  nonisolated(unsafe) static var classmethod: PyType!
  nonisolated(unsafe) static var property: PyType!
  nonisolated(unsafe) static var code: PyType!
  nonisolated(unsafe) static var cell: PyType!
  nonisolated(unsafe) static var module: PyType!
  nonisolated(unsafe) static var generator: PyType!
  nonisolated(unsafe) static var coroutine: PyType!
  nonisolated(unsafe) static var asyncGenerator: PyType!
  nonisolated(unsafe) static var frame: PyType!
  nonisolated(unsafe) static var traceback: PyType!
  nonisolated(unsafe) static var superType: PyType!
  nonisolated(unsafe) static var mappingProxy: PyType!
  nonisolated(unsafe) static var dictKeys: PyType!
  nonisolated(unsafe) static var dictValues: PyType!
  nonisolated(unsafe) static var dictItems: PyType!
  nonisolated(unsafe) static var rangeIterator: PyType!
  nonisolated(unsafe) static var longRangeIterator: PyType!
  nonisolated(unsafe) static var listIterator: PyType!
  nonisolated(unsafe) static var listReverseIterator: PyType!
  nonisolated(unsafe) static var tupleIterator: PyType!
  nonisolated(unsafe) static var strIterator: PyType!
  nonisolated(unsafe) static var bytesIterator: PyType!
  nonisolated(unsafe) static var dictKeyIterator: PyType!
  nonisolated(unsafe) static var dictValueIterator: PyType!
  nonisolated(unsafe) static var dictItemIterator: PyType!
  nonisolated(unsafe) static var setIterator: PyType!
  nonisolated(unsafe) static var seqIterator: PyType!
  nonisolated(unsafe) static var callableIterator: PyType!
  nonisolated(unsafe) static var enumerate: PyType!
  nonisolated(unsafe) static var zip: PyType!
  nonisolated(unsafe) static var map: PyType!
  nonisolated(unsafe) static var filter: PyType!
  nonisolated(unsafe) static var reversed: PyType!
  nonisolated(unsafe) static var genericAlias: PyType!
  nonisolated(unsafe) static var unionType: PyType!
  nonisolated(unsafe) static var simpleNamespace: PyType!
  nonisolated(unsafe) static var nativeIterator: PyType!

  // Exceptions
  nonisolated(unsafe) static var baseException: PyType!
  nonisolated(unsafe) static var baseExceptionGroup: PyType!
  nonisolated(unsafe) static var exceptionGroup: PyType!
  nonisolated(unsafe) static var generatorExit: PyType!
  nonisolated(unsafe) static var keyboardInterrupt: PyType!
  nonisolated(unsafe) static var systemExit: PyType!
  nonisolated(unsafe) static var exception: PyType!
  nonisolated(unsafe) static var arithmeticError: PyType!
  nonisolated(unsafe) static var floatingPointError: PyType!
  nonisolated(unsafe) static var overflowError: PyType!
  nonisolated(unsafe) static var zeroDivisionError: PyType!
  nonisolated(unsafe) static var assertionError: PyType!
  nonisolated(unsafe) static var attributeError: PyType!
  nonisolated(unsafe) static var bufferError: PyType!
  nonisolated(unsafe) static var eofError: PyType!
  nonisolated(unsafe) static var importError: PyType!
  nonisolated(unsafe) static var moduleNotFoundError: PyType!
  nonisolated(unsafe) static var lookupError: PyType!
  nonisolated(unsafe) static var indexError: PyType!
  nonisolated(unsafe) static var keyError: PyType!
  nonisolated(unsafe) static var memoryError: PyType!
  nonisolated(unsafe) static var nameError: PyType!
  nonisolated(unsafe) static var unboundLocalError: PyType!
  nonisolated(unsafe) static var osError: PyType!
  nonisolated(unsafe) static var fileNotFoundError: PyType!
  nonisolated(unsafe) static var permissionError: PyType!
  nonisolated(unsafe) static var timeoutError: PyType!
  nonisolated(unsafe) static var referenceError: PyType!
  nonisolated(unsafe) static var runtimeError: PyType!
  nonisolated(unsafe) static var notImplementedError: PyType!
  nonisolated(unsafe) static var recursionError: PyType!
  nonisolated(unsafe) static var pythonFinalizationError: PyType!
  nonisolated(unsafe) static var stopAsyncIteration: PyType!
  nonisolated(unsafe) static var stopIteration: PyType!
  nonisolated(unsafe) static var syntaxError: PyType!
  nonisolated(unsafe) static var indentationError: PyType!
  nonisolated(unsafe) static var tabError: PyType!
  nonisolated(unsafe) static var systemError: PyType!
  nonisolated(unsafe) static var typeError: PyType!
  nonisolated(unsafe) static var valueError: PyType!
  nonisolated(unsafe) static var unicodeError: PyType!
  nonisolated(unsafe) static var unicodeDecodeError: PyType!
  nonisolated(unsafe) static var unicodeEncodeError: PyType!
  nonisolated(unsafe) static var warning: PyType!
  /// Raised in every thread of a runtime whose time limit passed; derives
  /// from BaseException so `except Exception:` cannot swallow it.
  nonisolated(unsafe) static var timeLimitExceeded: PyType!
  /// Every builtin exception type by name, for the builtins module.
  nonisolated(unsafe) static var exceptionTypes: [(String, PyType)] = []
  /// Every builtin type, for finishing after methods are installed.
  nonisolated(unsafe) static var allBuiltins: [PyType] = []
}

/// Native functions whose identity the VM checks ("is this the default
/// `object.__repr__`?") to take fast paths.
enum BuiltinsCore {
  nonisolated(unsafe) static var objectRepr: PyObject!
  nonisolated(unsafe) static var objectStr: PyObject!
  nonisolated(unsafe) static var objectHash: PyObject!
  nonisolated(unsafe) static var objectInit: PyObject!
  nonisolated(unsafe) static var objectNewStatic: PyObject!
  nonisolated(unsafe) static var objectInitSubclass: PyObject!
  nonisolated(unsafe) static var objectDelAttr: PyObject!
  nonisolated(unsafe) static var objectFormat: PyObject!
  nonisolated(unsafe) static var typeCall: PyObject!
  nonisolated(unsafe) static var exceptionStr: PyObject!
  nonisolated(unsafe) static var defaultDisplayHook: PyObject!
}

/// Creates the builtin types exactly once per process.
enum Bootstrap {
  private static let once: Void = run()

  static func ensure() { _ = once }

  private static func make(_ name: String, _ base: PyType?, storage: InstanceStorage = .none,
                           module: String = "builtins", subclassable: Bool = false) -> PyType {
    let t = PyType(builtin: name, base: base, module: module, storage: storage, metatype: PyType.type)
    t.isBaseType = subclassable
    PyType.allBuiltins.append(t)
    return t
  }

  private static func run() {
    // The three types that must exist before any other object can.
    let typeType = PyType(builtin: "type", base: nil, storage: .type, metatype: nil)
    let objectType = PyType(builtin: "object", base: nil, storage: .object, metatype: nil)
    let dictType = PyType(builtin: "dict", base: nil, storage: .dict, metatype: nil)
    PyType.type = typeType
    PyType.object = objectType
    PyType.dict = dictType
    for t in [typeType, objectType, dictType] { t.type = typeType }
    typeType.base = objectType
    typeType.bases = [objectType]
    typeType.mro = [typeType, objectType]
    dictType.base = objectType
    dictType.bases = [objectType]
    dictType.mro = [dictType, objectType]
    objectType.mro = [objectType]
    for t in [typeType, objectType, dictType] { t.dict = PyDict() }
    PyType.allBuiltins = [typeType, objectType, dictType]

    PyType.str = make("str", objectType, storage: .immutable, subclassable: true)
    names = CommonNames()
    PyStr.makeASCIITable()

    let o = objectType
    PyType.noneType = make("NoneType", o)
    PyType.notImplementedType = make("NotImplementedType", o)
    PyType.ellipsisType = make("ellipsis", o)
    PyType.int = make("int", o, storage: .immutable, subclassable: true)
    PyType.bool = make("bool", PyType.int, storage: .immutable)
    PyType.float = make("float", o, storage: .immutable, subclassable: true)
    PyType.complex = make("complex", o, storage: .immutable, subclassable: true)
    PyType.bytes = make("bytes", o, storage: .immutable, subclassable: true)
    PyType.bytearray = make("bytearray", o, storage: .immutable, subclassable: true)
    PyType.memoryview = make("memoryview", o)
    PyType.list = make("list", o, storage: .list, subclassable: true)
    PyType.tuple = make("tuple", o, storage: .immutable, subclassable: true)
    PyType.set = make("set", o, storage: .set, subclassable: true)
    PyType.frozenset = make("frozenset", o, storage: .immutable, subclassable: true)
    PyType.range = make("range", o)
    PyType.slice = make("slice", o)
    PyType.function = make("function", o)
    PyType.builtinFunction = make("builtin_function_or_method", o)
    PyType.methodDescriptor = make("method_descriptor", o)
    PyType.classMethodDescriptor = make("classmethod_descriptor", o)
    PyType.getSetDescriptor = make("getset_descriptor", o)
    PyType.memberDescriptor = make("member_descriptor", o)
    PyType.method = make("method", o)
    PyType.staticmethod = make("staticmethod", o, storage: .object, subclassable: true)
    PyType.classmethod = make("classmethod", o, storage: .object, subclassable: true)
    PyType.property = make("property", o, storage: .object, subclassable: true)
    PyType.code = make("code", o)
    PyType.cell = make("cell", o)
    PyType.module = make("module", o, storage: .module, subclassable: true)
    PyType.generator = make("generator", o)
    PyType.coroutine = make("coroutine", o)
    PyType.asyncGenerator = make("async_generator", o)
    PyType.frame = make("frame", o)
    PyType.traceback = make("traceback", o)
    PyType.superType = make("super", o, storage: .object, subclassable: true)
    PyType.mappingProxy = make("mappingproxy", o)
    PyType.dictKeys = make("dict_keys", o)
    PyType.dictValues = make("dict_values", o)
    PyType.dictItems = make("dict_items", o)
    PyType.nativeIterator = make("iterator", o)
    PyType.rangeIterator = make("range_iterator", o)
    PyType.longRangeIterator = make("longrange_iterator", o)
    PyType.listIterator = make("list_iterator", o)
    PyType.listReverseIterator = make("list_reverseiterator", o)
    PyType.tupleIterator = make("tuple_iterator", o)
    PyType.strIterator = make("str_ascii_iterator", o)
    PyType.bytesIterator = make("bytes_iterator", o)
    PyType.dictKeyIterator = make("dict_keyiterator", o)
    PyType.dictValueIterator = make("dict_valueiterator", o)
    PyType.dictItemIterator = make("dict_itemiterator", o)
    PyType.setIterator = make("set_iterator", o)
    PyType.seqIterator = make("iterator", o)
    PyType.callableIterator = make("callable_iterator", o)
    PyType.enumerate = make("enumerate", o, subclassable: true)
    PyType.zip = make("zip", o, subclassable: true)
    PyType.map = make("map", o, subclassable: true)
    PyType.filter = make("filter", o, subclassable: true)
    PyType.reversed = make("reversed", o, subclassable: true)
    PyType.genericAlias = make("GenericAlias", o, module: "types")
    PyType.unionType = make("UnionType", o, module: "types")
    PyType.textStream = make("TextIOWrapper", o, module: "_io")
    PyType.simpleNamespace = make("SimpleNamespace", o, storage: .object, module: "types", subclassable: true)

    PyType.simpleNamespace.hasInstanceDict = true
    makeExceptionTypes()

    PyTuple.empty = PyTuple([Value]())
    ObjectType.install()
    TypeType.install()
    BuiltinTypeMethods.installAll()
    ExceptionTypes.install()
    for t in PyType.allBuiltins { t.finishBuiltin() }
  }

  private static func makeExceptionTypes() {
    func exc(_ name: String, _ base: PyType, module: String = "builtins") -> PyType {
      let t = make(name, base, storage: .exception, module: module, subclassable: true)
      t.isExceptionType = true
      if module == "builtins" { PyType.exceptionTypes.append((name, t)) }
      return t
    }
    let base = exc("BaseException", PyType.object)
    PyType.baseException = base
    PyType.baseExceptionGroup = exc("BaseExceptionGroup", base)
    PyType.generatorExit = exc("GeneratorExit", base)
    PyType.keyboardInterrupt = exc("KeyboardInterrupt", base)
    PyType.systemExit = exc("SystemExit", base)
    let e = exc("Exception", base)
    PyType.exception = e
    PyType.arithmeticError = exc("ArithmeticError", e)
    PyType.floatingPointError = exc("FloatingPointError", PyType.arithmeticError)
    PyType.overflowError = exc("OverflowError", PyType.arithmeticError)
    PyType.zeroDivisionError = exc("ZeroDivisionError", PyType.arithmeticError)
    PyType.assertionError = exc("AssertionError", e)
    PyType.attributeError = exc("AttributeError", e)
    PyType.bufferError = exc("BufferError", e)
    PyType.eofError = exc("EOFError", e)
    let eg = exc("ExceptionGroup", PyType.baseExceptionGroup)
    eg.bases = [PyType.baseExceptionGroup, e]
    eg.mro = [eg, PyType.baseExceptionGroup, e, base, PyType.object]
    PyType.exceptionGroup = eg
    PyType.importError = exc("ImportError", e)
    PyType.moduleNotFoundError = exc("ModuleNotFoundError", PyType.importError)
    PyType.lookupError = exc("LookupError", e)
    PyType.indexError = exc("IndexError", PyType.lookupError)
    PyType.keyError = exc("KeyError", PyType.lookupError)
    PyType.memoryError = exc("MemoryError", e)
    PyType.nameError = exc("NameError", e)
    PyType.unboundLocalError = exc("UnboundLocalError", PyType.nameError)
    let os = exc("OSError", e)
    PyType.osError = os
    _ = exc("BlockingIOError", os)
    _ = exc("ChildProcessError", os)
    let ce = exc("ConnectionError", os)
    _ = exc("BrokenPipeError", ce)
    _ = exc("ConnectionAbortedError", ce)
    _ = exc("ConnectionRefusedError", ce)
    _ = exc("ConnectionResetError", ce)
    _ = exc("FileExistsError", os)
    PyType.fileNotFoundError = exc("FileNotFoundError", os)
    _ = exc("InterruptedError", os)
    _ = exc("IsADirectoryError", os)
    _ = exc("NotADirectoryError", os)
    PyType.permissionError = exc("PermissionError", os)
    _ = exc("ProcessLookupError", os)
    PyType.timeoutError = exc("TimeoutError", os)
    PyType.referenceError = exc("ReferenceError", e)
    PyType.runtimeError = exc("RuntimeError", e)
    PyType.notImplementedError = exc("NotImplementedError", PyType.runtimeError)
    PyType.pythonFinalizationError = exc("PythonFinalizationError", PyType.runtimeError)
    PyType.recursionError = exc("RecursionError", PyType.runtimeError)
    PyType.stopAsyncIteration = exc("StopAsyncIteration", e)
    PyType.stopIteration = exc("StopIteration", e)
    PyType.syntaxError = exc("SyntaxError", e)
    PyType.indentationError = exc("IndentationError", PyType.syntaxError)
    PyType.tabError = exc("TabError", PyType.indentationError)
    PyType.systemError = exc("SystemError", e)
    PyType.typeError = exc("TypeError", e)
    PyType.valueError = exc("ValueError", e)
    PyType.unicodeError = exc("UnicodeError", PyType.valueError)
    PyType.unicodeDecodeError = exc("UnicodeDecodeError", PyType.unicodeError)
    PyType.unicodeEncodeError = exc("UnicodeEncodeError", PyType.unicodeError)
    _ = exc("UnicodeTranslateError", PyType.unicodeError)
    let w = exc("Warning", e)
    PyType.warning = w
    for name in ["BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
                 "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning",
                 "UnicodeWarning", "UserWarning"] {
      _ = exc(name, w)
    }
    PyType.timeLimitExceeded = exc("TimeLimitExceeded", base, module: "weave")
  }
}
