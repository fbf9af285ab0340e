import Synchronization

/// One Python interpreter: an isolated world of modules and objects with its
/// own GIL.
///
/// It owns `sys.modules` (so each interpreter imports its own copy of every
/// module), its `builtins` and `sys` modules, its `__main__`, the state of
/// the modules it imported, its threads, and its GIL. No object of one
/// interpreter is ever referenced by another, except the immutable ones the
/// runtime shares (builtin types, interned names) — values cross between
/// interpreters only by copy (see `CrossInterpreterData`).
final class Interpreter: @unchecked Sendable {
  unowned let runtime: Runtime
  let id: Int
  /// How the interpreter came to be (`Interpreter.whence`).
  let whence: String
  let gil = GIL()
  /// `sys.modules`.
  let modules: PyDict
  /// Modules whose body is running, with the thread running it: another
  /// thread importing one of them waits until it is complete instead of
  /// seeing it half-initialised (guarded by the GIL).
  var modulesInitializing: [String: ObjectIdentifier] = [:]
  private(set) var builtinsModule: PyModule! = nil
  private(set) var sysModule: PyModule! = nil
  private(set) var mainModule: PyModule! = nil
  var builtins: PyDict { builtinsModule.attributes }
  var recursionLimit = 1000
  /// Per-module private state for modules implemented in Swift (e.g. the
  /// random generator of `random`), keyed by module name.
  var moduleState: [String: AnyObject] = [:]

  /// Threads bound to this interpreter (guarded by `threadsLock`).
  private let threadsLock = Mutex<[ThreadState]>([])
  /// Number of threads currently running code in `__main__` through
  /// `exec`/`call`/`prepare_main` (for `is_running`).
  let runningCount = Atomic<Int>(0)
  /// Set once `close()` has begun; no new work may start.
  let isFinalizing = Atomic<Bool>(false)
  /// References held by `Interpreter` objects from `create()`.
  let refs = Atomic<Int>(0)
  /// `threading` counters (Thread-N names) and the like.
  var threadNameCounter = 0
  /// `get_ident()` of the thread that initialised the interpreter.
  var mainThreadIdent = 0

  init(runtime: Runtime, id: Int, whence: String) {
    self.runtime = runtime
    self.id = id
    self.whence = whence
    self.modules = PyDict()
  }

  /// Creates `builtins`, `sys` and `__main__`. Needs a thread state of this
  /// interpreter (module creation may run Python code).
  func initializeModules(_ ts: ThreadState) throws(PyException) {
    mainThreadIdent = ThreadModule.ident()
    builtinsModule = BuiltinsModule.make(ts)
    modules.setStr(intern("builtins"), .object(builtinsModule))
    sysModule = SysModule.make(ts)
    modules.setStr(intern("sys"), .object(sysModule))
    mainModule = PyModule(name: "__main__", interp: self)
    mainModule.attributes.setStr(names.__builtins__, .object(builtinsModule))
    mainModule.attributes.setStr(names.__doc__, .none)
    mainModule.attributes.setStr(names.__spec__, .none)
    mainModule.attributes.setStr(names.__package__, .none)
    mainModule.attributes.setStr(names.__loader__, .none)
    modules.setStr(names.__main__, .object(mainModule))
  }

  // MARK: Threads

  func register(_ ts: ThreadState) { threadsLock.withLock { $0.append(ts) } }
  func unregister(_ ts: ThreadState) { threadsLock.withLock { $0.removeAll { $0 === ts } } }
  var threads: [ThreadState] { threadsLock.withLock { $0 } }

  /// Makes a new thread state bound to this interpreter.
  func makeThreadState(name: String) -> ThreadState {
    let ts = ThreadState(interp: self, name: name)
    register(ts)
    return ts
  }

  /// Tears down module state so reference cycles through module globals are
  /// broken (the runtime uses reference counting, which cannot collect them).
  func clearModules() {
    for v in modules.values {
      if case .object(let o) = v, let m = o as? PyModule, m !== builtinsModule {
        m.attributes.removeAll()
      }
    }
    modules.removeAll()
    moduleState.removeAll()
  }
}
