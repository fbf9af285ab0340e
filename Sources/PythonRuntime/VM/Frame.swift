/// An activation of a code object: its local variables, cells and value stack.
///
/// Locals, cells and free variables occupy the first `code.frameSlots`
/// slots (cells hold `PyCell` objects); the value stack follows. Unbound
/// locals hold `.null`. The frame is a Python object (`tb_frame`,
/// `sys._getframe()`), and generators keep theirs alive between resumptions.
final class Frame: PyObject {
  /// Read on every instruction, so not reference counted here; `codeOwner`
  /// keeps the code alive while the frame is in use. A recycled frame waits
  /// in its code object's pool, which owns it, so the code outlives it.
  unowned(unsafe) let code: CodeObject
  private var codeOwner: CodeObject?
  /// Not reference counted here: the frame's function (or `namespaceOwner`
  /// for module code) keeps them alive.
  unowned(unsafe) private(set) var globals: PyDict
  unowned(unsafe) private(set) var builtins: PyDict
  private var namespaceOwner: (PyDict, PyDict)?
  /// The namespace for name-based access: the class namespace in a class
  /// body, the globals in module code, or an explicit `exec` mapping.
  var locals: PyDict? {
    didSet { localsAreGlobals = locals != nil && locals === globals && locals!.kind == .dict }
  }
  /// Module-level code: the names mapping is the globals dict itself, so
  /// name access can use the global-variable caches.
  private(set) var localsAreGlobals = false
  let slots: UnsafeMutablePointer<Value>
  let capacity: Int
  /// Stack depth (number of live stack values above the locals) while suspended.
  var stackDepth = 0
  /// Index of the next instruction to execute.
  var pc = 0
  /// Index of the instruction that last ran (for line numbers).
  var lasti = 0
  /// The calling frame while this one executes.
  /// Not reference counted: the caller's `run` keeps its frame alive.
  unowned(unsafe) var back: Frame? = nil
  private(set) var function: PyFunction?
  /// Exception state saved by a suspended generator frame.
  var savedException: Value = .none
  var isExecuting = false
  /// Set when the last `run` ended at a `yield` (the frame can be resumed).
  var suspended = false
  /// While suspended inside `yield from`: where to continue once the
  /// sub-iterator finishes; -1 otherwise.
  var delegateExit = -1

  init(code: CodeObject, globals: PyDict, builtins: PyDict, locals: PyDict?, function: PyFunction?) {
    self.code = code
    self.codeOwner = code
    self.globals = globals
    self.builtins = builtins
    self.namespaceOwner = (globals, builtins)
    self.locals = locals
    self.localsAreGlobals = locals != nil && locals === globals && locals!.kind == .dict
    self.function = function
    let n = code.frameSlots + code.stacksize
    capacity = n
    slots = code.slotPool.popLast() ?? UnsafeMutablePointer<Value>.allocate(capacity: max(n, 1))
    slots.fillNull(code.frameSlots)
    super.init(type: PyType.frame, kind: .other)
  }

  /// A function frame whose first `count` locals are the arguments.
  init(code: CodeObject, function: PyFunction, arguments: UnsafePointer<Value>, count: Int) {
    self.code = code
    self.codeOwner = code
    self.globals = function.globals
    self.builtins = function.builtins
    self.locals = nil
    self.function = function
    let n = code.frameSlots + code.stacksize
    capacity = n
    slots = code.slotPool.popLast() ?? UnsafeMutablePointer<Value>.allocate(capacity: max(n, 1))
    slots.copyValues(from: arguments, count)
    (slots + count).fillNull(code.frameSlots - count)
    super.init(type: PyType.frame, kind: .other)
  }

  /// Reuses a parked frame (see `park`) for a call whose arguments fill
  /// the first locals. Every slot is already `.null`, so only the
  /// arguments are written.
  func reuse(function: PyFunction, arguments: UnsafePointer<Value>, count: Int) {
    slots.copyValues(from: arguments, count)
    codeOwner = code
    globals = function.globals
    builtins = function.builtins
    self.function = function
  }

  deinit {
    slots.releaseValues(code.frameSlots + stackDepth)
    if code.slotPool.count < 4 {
      code.slotPool.append(slots)
    } else {
      slots.deallocate()
    }
  }

  /// Readies a finished frame for its code's pool: the locals and any
  /// leftover stack values are released now (objects die when the call
  /// returns, as in CPython) and the frame lets go of its function.
  func park() {
    slots.resetToNull(code.frameSlots)
    (slots + code.frameSlots).releaseValues(stackDepth)
    stackDepth = 0
    codeOwner = nil
    namespaceOwner = nil
    function = nil
    if locals != nil { locals = nil }
    pc = 0
    lasti = 0
    back = nil
    if !savedException.isNone { savedException = .none }
    isExecuting = false
    suspended = false
    delegateExit = -1
  }

  @inline(__always) var stackBase: UnsafeMutablePointer<Value> { slots + code.frameSlots }

  /// The line being executed.
  var line: Int { code.line(at: lasti) }

  /// The value of local `i` (nil when unbound), unwrapping cells.
  func localValue(_ i: Int) -> Value? {
    let v = slots[i]
    if i >= code.varnames.count, case .object(let o) = v, let cell = o as? PyCell {
      return cell.contents
    }
    if case .null = v { return nil }
    return v
  }

  /// `frame.f_locals` / `locals()`: a snapshot dict of the fast locals.
  func localsSnapshot() -> PyDict {
    if let l = locals { return l }
    let d = PyDict()
    let c = code
    for (i, name) in c.varnames.enumerated() {
      if let v = localValue(i) { d.setStr(name, v) }
    }
    for (j, name) in (c.cellvars + c.freevars).enumerated() {
      if let v = localValue(c.varnames.count + j) { d.setStr(name, v) }
    }
    return d
  }
}
