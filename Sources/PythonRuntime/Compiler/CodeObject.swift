/// Properties of a code object (a subset of CPython's `co_flags`).
struct CodeFlags: OptionSet {
  let rawValue: UInt32
  static let optimized = CodeFlags(rawValue: 0x1)
  static let newLocals = CodeFlags(rawValue: 0x2)
  static let varargs = CodeFlags(rawValue: 0x4)
  static let varkeywords = CodeFlags(rawValue: 0x8)
  static let nested = CodeFlags(rawValue: 0x10)
  static let generator = CodeFlags(rawValue: 0x20)
  static let noFree = CodeFlags(rawValue: 0x40)
  static let coroutine = CodeFlags(rawValue: 0x80)
  static let asyncGenerator = CodeFlags(rawValue: 0x200)
  /// Not CPython: the body of a class statement (runs with a namespace dict).
  static let classBody = CodeFlags(rawValue: 0x1_0000)
  /// Not CPython: module-level code (locals are the globals).
  static let moduleBody = CodeFlags(rawValue: 0x2_0000)
}

/// One row of the exception table: an exception raised by an instruction in
/// `start..<end` unwinds the value stack to `depth`, optionally pushes the
/// index of the raising instruction, pushes the exception and jumps to `handler`.
struct ExceptionTableEntry {
  var start: Int32
  var end: Int32
  var handler: Int32
  var depth: Int32
  var pushLasti: Bool
}

/// Per-instruction cache for global, attribute and method lookups.
struct InlineCache {
  /// What the cache was filled for (a dict keys version or a type version).
  var version: UInt64 = 0
  var version2: UInt64 = 0
  /// Entry position in a dict, when relevant.
  var index: Int = -1
  /// The object the cache is valid for (a type or a dict), compared by
  /// identity. Held strongly so a freed object's address cannot be reused
  /// by another and produce a false hit.
  var owner: AnyObject? = nil
  var owner2: AnyObject? = nil
}

/// A compiled block of code: a module, class body, function or lambda.
final class CodeObject: PyObject {
  let name: String
  let qualname: String
  let filename: String
  let firstLine: Int
  let instructions: UnsafeMutableBufferPointer<Instruction>
  /// Source line of each instruction (0 where none applies).
  let lines: [Int32]
  /// Source columns of each instruction: (col, endLine, endCol), for carets.
  let positions: [SourceRange]
  /// Raw buffers (like `instructions`): the eval loop reads them on nearly
  /// every instruction without touching reference counts.
  let constants: UnsafeMutableBufferPointer<Value>
  let names: UnsafeMutableBufferPointer<PyStr>
  /// Local variable names; parameters come first.
  let varnames: [PyStr]
  let cellvars: [PyStr]
  let freevars: [PyStr]
  /// For each cell variable, the index of the parameter that initialises it.
  let cellArgs: [Int?]
  let argcount: Int
  let posonlyargcount: Int
  let kwonlyargcount: Int
  let flags: CodeFlags
  let stacksize: Int
  let exceptionTable: [ExceptionTableEntry]
  let caches: UnsafeMutableBufferPointer<InlineCache>
  /// Source text lines, kept for tracebacks when known.
  let sourceLines: [Substring]?
  /// The docstring, if the body starts with one.
  let docstring: String?
  /// Recycled value storage for frames of this code (code objects belong to
  /// one interpreter, so this is only touched under its GIL).
  var slotPool: [UnsafeMutablePointer<Value>] = []
  /// Finished frames of this code that nothing else references.
  var framePool: [Frame] = []

  /// Total slots for locals, cells and free variables. Stored, not
  /// computed: every call and generator resume reads it, and summing the
  /// three array counts costs three retain/release pairs each time.
  let frameSlots: Int
  /// Parameters including *args and **kwargs.
  let totalArgs: Int
  /// Whether calls must set up cells or free variables.
  let hasCells: Bool
  var isGenerator: Bool { flags.contains(.generator) || flags.contains(.coroutine) || flags.contains(.asyncGenerator) }

  init(name: String, qualname: String, filename: String, firstLine: Int,
       instructions: [Instruction], lines: [Int32], positions: [SourceRange],
       constants: [Value], names: [PyStr], varnames: [PyStr], cellvars: [PyStr], freevars: [PyStr],
       cellArgs: [Int?], argcount: Int, posonlyargcount: Int, kwonlyargcount: Int,
       flags: CodeFlags, stacksize: Int, exceptionTable: [ExceptionTableEntry],
       sourceLines: [Substring]?, docstring: String?) {
    self.name = name
    self.qualname = qualname
    self.filename = filename
    self.firstLine = firstLine
    let buffer = UnsafeMutableBufferPointer<Instruction>.allocate(capacity: max(instructions.count, 1))
    _ = buffer.initialize(from: instructions)
    self.instructions = buffer
    self.lines = lines
    self.positions = positions
    let constantBuffer = UnsafeMutableBufferPointer<Value>.allocate(capacity: max(constants.count, 1))
    _ = constantBuffer.initialize(from: constants)
    self.constants = UnsafeMutableBufferPointer(rebasing: constantBuffer[0..<constants.count])
    let nameBuffer = UnsafeMutableBufferPointer<PyStr>.allocate(capacity: max(names.count, 1))
    _ = nameBuffer.initialize(from: names)
    self.names = UnsafeMutableBufferPointer(rebasing: nameBuffer[0..<names.count])
    self.varnames = varnames
    self.cellvars = cellvars
    self.freevars = freevars
    self.cellArgs = cellArgs
    self.argcount = argcount
    self.posonlyargcount = posonlyargcount
    self.kwonlyargcount = kwonlyargcount
    self.flags = flags
    self.stacksize = stacksize
    self.frameSlots = varnames.count + cellvars.count + freevars.count
    self.hasCells = !cellvars.isEmpty || !freevars.isEmpty
    self.totalArgs = argcount + kwonlyargcount + (flags.contains(.varargs) ? 1 : 0) + (flags.contains(.varkeywords) ? 1 : 0)
    self.exceptionTable = exceptionTable
    let caches = UnsafeMutableBufferPointer<InlineCache>.allocate(capacity: max(instructions.count, 1))
    caches.initialize(repeating: InlineCache())
    self.caches = caches
    self.sourceLines = sourceLines
    self.docstring = docstring
    super.init(type: PyType.code, kind: .code)
  }

  deinit {
    // Pooled frames refer back to this code; let them go while it is intact.
    framePool.removeAll()
    for p in slotPool { p.deallocate() }
    instructions.deallocate()
    constants.deinitialize()
    UnsafeMutablePointer(mutating: constants.baseAddress ?? UnsafeMutablePointer<Value>.allocate(capacity: 1)).deallocate()
    names.deinitialize()
    UnsafeMutablePointer(mutating: names.baseAddress ?? UnsafeMutablePointer<PyStr>.allocate(capacity: 1)).deallocate()
    caches.deinitialize()
    caches.deallocate()
  }

  /// The source line of the instruction at `index`.
  func line(at index: Int) -> Int {
    guard index >= 0 && index < lines.count else { return firstLine }
    return Int(lines[index])
  }

  /// The innermost handler covering the instruction at `index`.
  func handler(for index: Int) -> ExceptionTableEntry? {
    var best: ExceptionTableEntry? = nil
    let i = Int32(index)
    for e in exceptionTable where e.start <= i && i < e.end {
      if let b = best, b.end - b.start <= e.end - e.start { continue }
      best = e
    }
    return best
  }

  /// A copy with fresh caches, for running the same code in another
  /// interpreter (as CPython marshals code between interpreters).
  func copyForInterpreter() -> CodeObject {
    CodeObject(name: name, qualname: qualname, filename: filename, firstLine: firstLine,
               instructions: Array(instructions), lines: lines, positions: positions,
               constants: constants.map { c in
                 if case .object(let o) = c, let code = o as? CodeObject { return .object(code.copyForInterpreter()) }
                 return c
               },
               names: Array(names), varnames: varnames, cellvars: cellvars, freevars: freevars,
               cellArgs: cellArgs, argcount: argcount, posonlyargcount: posonlyargcount,
               kwonlyargcount: kwonlyargcount, flags: flags, stacksize: stacksize,
               exceptionTable: exceptionTable, sourceLines: sourceLines, docstring: docstring)
  }
}
