/// Pickle opcodes (protocols 0-5).
enum PickleOp {
  static let MARK: UInt8 = 0x28            // (
  static let STOP: UInt8 = 0x2e            // .
  static let POP: UInt8 = 0x30             // 0
  static let POP_MARK: UInt8 = 0x31        // 1
  static let DUP: UInt8 = 0x32             // 2
  static let FLOAT: UInt8 = 0x46           // F
  static let INT: UInt8 = 0x49             // I
  static let BININT: UInt8 = 0x4a          // J
  static let BININT1: UInt8 = 0x4b         // K
  static let LONG: UInt8 = 0x4c            // L
  static let BININT2: UInt8 = 0x4d         // M
  static let NONE: UInt8 = 0x4e            // N
  static let PERSID: UInt8 = 0x50          // P
  static let BINPERSID: UInt8 = 0x51       // Q
  static let REDUCE: UInt8 = 0x52          // R
  static let STRING: UInt8 = 0x53          // S
  static let BINSTRING: UInt8 = 0x54       // T
  static let SHORT_BINSTRING: UInt8 = 0x55 // U
  static let UNICODE: UInt8 = 0x56         // V
  static let BINUNICODE: UInt8 = 0x58      // X
  static let APPEND: UInt8 = 0x61          // a
  static let BUILD: UInt8 = 0x62           // b
  static let GLOBAL: UInt8 = 0x63          // c
  static let DICT: UInt8 = 0x64            // d
  static let EMPTY_DICT: UInt8 = 0x7d      // }
  static let APPENDS: UInt8 = 0x65         // e
  static let GET: UInt8 = 0x67             // g
  static let BINGET: UInt8 = 0x68          // h
  static let INST: UInt8 = 0x69            // i
  static let LONG_BINGET: UInt8 = 0x6a     // j
  static let LIST: UInt8 = 0x6c            // l
  static let EMPTY_LIST: UInt8 = 0x5d      // ]
  static let OBJ: UInt8 = 0x6f             // o
  static let PUT: UInt8 = 0x70             // p
  static let BINPUT: UInt8 = 0x71          // q
  static let LONG_BINPUT: UInt8 = 0x72     // r
  static let SETITEM: UInt8 = 0x73         // s
  static let TUPLE: UInt8 = 0x74           // t
  static let EMPTY_TUPLE: UInt8 = 0x29     // )
  static let SETITEMS: UInt8 = 0x75        // u
  static let BINFLOAT: UInt8 = 0x47        // G
  static let PROTO: UInt8 = 0x80
  static let NEWOBJ: UInt8 = 0x81
  static let EXT1: UInt8 = 0x82
  static let EXT2: UInt8 = 0x83
  static let EXT4: UInt8 = 0x84
  static let TUPLE1: UInt8 = 0x85
  static let TUPLE2: UInt8 = 0x86
  static let TUPLE3: UInt8 = 0x87
  static let NEWTRUE: UInt8 = 0x88
  static let NEWFALSE: UInt8 = 0x89
  static let LONG1: UInt8 = 0x8a
  static let LONG4: UInt8 = 0x8b
  static let BINBYTES: UInt8 = 0x42        // B
  static let SHORT_BINBYTES: UInt8 = 0x43  // C
  static let SHORT_BINUNICODE: UInt8 = 0x8c
  static let BINUNICODE8: UInt8 = 0x8d
  static let BINBYTES8: UInt8 = 0x8e
  static let EMPTY_SET: UInt8 = 0x8f
  static let ADDITEMS: UInt8 = 0x90
  static let FROZENSET: UInt8 = 0x91
  static let NEWOBJ_EX: UInt8 = 0x92
  static let STACK_GLOBAL: UInt8 = 0x93
  static let MEMOIZE: UInt8 = 0x94
  static let FRAME: UInt8 = 0x95
  static let BYTEARRAY8: UInt8 = 0x96
  static let NEXT_BUFFER: UInt8 = 0x97
  static let READONLY_BUFFER: UInt8 = 0x98

  static let highestProtocol = 5
  static let defaultProtocol = 5
  static let frameSizeTarget = 64 * 1024
  static let frameSizeMin = 4
  static let frameHeaderSize = 9
  static let batchSize = 1000
}

/// Python 2 <-> 3 name mappings used with protocols < 3 and `fix_imports`
/// (CPython's `_compat_pickle`, the entries that matter for the builtins we have).
enum PickleCompat {
  static let exceptionNames = [
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BufferError", "BytesWarning",
    "DeprecationWarning", "EOFError", "EnvironmentError", "Exception", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "NameError", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "ReferenceError", "RuntimeError", "RuntimeWarning",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TypeError",
    "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
  ]
  static let osErrorSubclasses = [
    "BrokenPipeError", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
    "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
    "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
    "ProcessLookupError", "TimeoutError",
  ]

  /// Python 3 (module, name) -> Python 2 (module, name), for pickling.
  static func reverse(_ module: String, _ name: String) -> (String, String) {
    if module == "builtins" {
      switch name {
      case "range": return ("__builtin__", "xrange")
      case "chr": return ("__builtin__", "unichr")
      case "str": return ("__builtin__", "unicode")
      case "int": return ("__builtin__", "long")
      case "zip": return ("itertools", "izip")
      case "map": return ("itertools", "imap")
      case "filter": return ("itertools", "ifilter")
      case "ModuleNotFoundError": return ("exceptions", "ImportError")
      default:
        if exceptionNames.contains(name) { return ("exceptions", name) }
        if osErrorSubclasses.contains(name) { return ("exceptions", "OSError") }
        return ("__builtin__", name)
      }
    }
    switch module {
    case "copyreg": return ("copy_reg", name)
    case "_functools": return ("functools", name)
    case "functools" where name == "reduce": return ("__builtin__", "reduce")
    case "sys" where name == "intern": return ("__builtin__", "intern")
    default: return (module, name)
    }
  }

  /// Python 2 (module, name) -> Python 3 (module, name), for unpickling.
  static func forward(_ module: String, _ name: String) -> (String, String) {
    switch (module, name) {
    case ("__builtin__", "xrange"): return ("builtins", "range")
    case ("__builtin__", "reduce"): return ("functools", "reduce")
    case ("__builtin__", "intern"): return ("sys", "intern")
    case ("__builtin__", "unichr"): return ("builtins", "chr")
    case ("__builtin__", "unicode"), ("__builtin__", "basestring"): return ("builtins", "str")
    case ("__builtin__", "long"): return ("builtins", "int")
    case ("itertools", "izip"): return ("builtins", "zip")
    case ("itertools", "imap"): return ("builtins", "map")
    case ("itertools", "ifilter"): return ("builtins", "filter")
    default: break
    }
    switch module {
    case "__builtin__", "exceptions": return ("builtins", name)
    case "copy_reg": return ("copyreg", name)
    case "cPickle": return ("pickle", name)
    case "UserDict", "UserList", "UserString": return ("collections", name)
    default: return (module, name)
    }
  }
}
