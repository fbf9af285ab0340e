/// A jump target; resolved to an instruction index at assembly.
struct Label: Equatable { let id: Int }

/// Emits the instructions of one code object while tracking the value-stack
/// depth (for the frame size and for exception handler depths), the source
/// position of every instruction and the exception handler covering it.
final class CodeBuilder {
  private(set) var instructions: [Instruction] = []
  private var lines: [Int32] = []
  private var positions: [SourceRange] = []
  private var handlerOfInstruction: [Int] = []

  struct Handler {
    let label: Label
    let depth: Int
    let pushLasti: Bool
  }
  private(set) var handlers: [Handler] = []
  /// Index into `handlers` of the handler covering new instructions, or -1.
  var currentHandler = -1

  private var labelPositions: [Int] = []
  private var labelDepths: [Int] = []

  private(set) var depth = 0
  private(set) var maxDepth = 0
  /// True after an unconditional transfer until the next label.
  private(set) var unreachable = false

  var range = SourceRange.unknown

  // Constants and names
  private(set) var constants: [Value] = []
  private var constantIndex: [ConstKey: Int] = [:]
  private(set) var names: [PyStr] = []
  private var nameIndex: [String: Int] = [:]

  // MARK: Emission

  func emit(_ op: Opcode, _ arg: UInt32 = 0) {
    append(op, arg)
    adjustDepth(CodeBuilder.stackEffect(op, arg, jump: false))
    switch op {
    case .jump, .jumpBackward, .returnValue, .returnConst, .raiseVarargs, .reraise:
      unreachable = true
    default: break
    }
  }

  func emit(_ op: Opcode, _ arg: Int) { emit(op, UInt32(arg)) }

  /// Emits a jump; records the stack depth the target sees when taken.
  func emitJump(_ op: Opcode, _ label: Label) {
    let before = depth
    append(op, UInt32(label.id))
    let taken = before + CodeBuilder.stackEffect(op, 0, jump: true)
    recordDepth(label, taken)
    if op == .jump || op == .jumpBackward {
      unreachable = true
    } else {
      adjustDepth(CodeBuilder.stackEffect(op, 0, jump: false))
    }
  }

  private func append(_ op: Opcode, _ arg: UInt32) {
    instructions.append(Instruction(op, arg))
    lines.append(Int32(range.line))
    positions.append(range)
    handlerOfInstruction.append(currentHandler)
  }

  private func adjustDepth(_ delta: Int) {
    depth += delta
    if depth > maxDepth { maxDepth = depth }
    if depth < 0 { depth = 0 }
  }

  /// Sets the depth explicitly (entering a handler).
  func setDepth(_ d: Int) {
    depth = d
    if depth > maxDepth { maxDepth = depth }
    unreachable = false
  }

  // MARK: Labels

  func newLabel() -> Label {
    labelPositions.append(-1)
    labelDepths.append(-1)
    return Label(id: labelPositions.count - 1)
  }

  private func recordDepth(_ label: Label, _ d: Int) {
    if labelDepths[label.id] < 0 || d > labelDepths[label.id] { labelDepths[label.id] = d }
    if d > maxDepth { maxDepth = d }
  }

  func place(_ label: Label) {
    labelPositions[label.id] = instructions.count
    let recorded = labelDepths[label.id]
    if unreachable {
      if recorded >= 0 { depth = recorded }
      unreachable = false
    } else if recorded < 0 {
      labelDepths[label.id] = depth
    } else if recorded > depth {
      depth = recorded
    }
  }

  // MARK: Handlers

  /// Starts a protected region; returns the handler active before it.
  func pushHandler(_ label: Label, depth d: Int, pushLasti: Bool = false) -> Int {
    handlers.append(Handler(label: label, depth: d, pushLasti: pushLasti))
    recordDepth(label, d + 1 + (pushLasti ? 1 : 0))
    let previous = currentHandler
    currentHandler = handlers.count - 1
    return previous
  }

  // MARK: Constants and names

  func constant(_ v: Value, key: ConstKey) -> Int {
    if let i = constantIndex[key] { return i }
    constants.append(v)
    constantIndex[key] = constants.count - 1
    return constants.count - 1
  }

  /// Adds a code object constant (never deduplicated).
  func constant(code: CodeObject) -> Int {
    constants.append(.object(code))
    return constants.count - 1
  }

  func name(_ s: String) -> Int {
    if let i = nameIndex[s] { return i }
    names.append(intern(s))
    nameIndex[s] = names.count - 1
    return names.count - 1
  }

  // MARK: Assembly

  struct Assembled {
    let instructions: [Instruction]
    let lines: [Int32]
    let positions: [SourceRange]
    let exceptionTable: [ExceptionTableEntry]
    let stackSize: Int
  }

  func assemble() -> Assembled {
    var out = instructions
    for i in out.indices {
      switch out[i].op {
      case .jump, .jumpBackward, .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone,
           .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIter, .send:
        out[i].arg = UInt32(labelPositions[Int(out[i].arg)])
      default: break
      }
    }
    fuseSuperinstructions(&out)
    var table: [ExceptionTableEntry] = []
    var i = 0
    while i < out.count {
      let h = handlerOfInstruction[i]
      if h < 0 {
        i += 1
        continue
      }
      var j = i
      while j < out.count && handlerOfInstruction[j] == h { j += 1 }
      let handler = handlers[h]
      table.append(ExceptionTableEntry(start: Int32(i), end: Int32(j),
                                       handler: Int32(labelPositions[handler.label.id]),
                                       depth: Int32(handler.depth), pushLasti: handler.pushLasti))
      i = j
    }
    return Assembled(instructions: out, lines: lines, positions: positions, exceptionTable: table,
                     stackSize: maxDepth + 2)
  }

  /// Turns common instruction pairs into superinstructions (the second of
  /// the pair is kept but skipped), never across a jump target.
  private func fuseSuperinstructions(_ out: inout [Instruction]) {
    var targets = Set(labelPositions)
    for h in handlers { targets.insert(labelPositions[h.label.id]) }
    var i = 0
    while i + 1 < out.count {
      let a = out[i], b = out[i + 1]
      if targets.contains(i + 1) || handlerOfInstruction[i] != handlerOfInstruction[i + 1] {
        i += 1
        continue
      }
      switch (a.op, b.op) {
      case (.compareOp, .popJumpIfFalse):
        out[i] = Instruction(.compareJump, a.arg)
        i += 2
      case (.compareOp, .popJumpIfTrue):
        out[i] = Instruction(.compareJump, a.arg | 8)
        i += 2
      case (.loadFast, .loadFast) where a.arg < 65536 && b.arg < 65536:
        out[i] = Instruction(.loadFastLoadFast, a.arg | (b.arg << 16))
        i += 2
      case (.loadFast, .loadConst) where a.arg < 65536 && b.arg < 65536:
        out[i] = Instruction(.loadFastLoadConst, a.arg | (b.arg << 16))
        i += 2
      default:
        i += 1
      }
    }
  }

  // MARK: Stack effects

  static func stackEffect(_ op: Opcode, _ arg: UInt32, jump: Bool) -> Int {
    let n = Int(arg)
    switch op {
    case .nop, .swap, .deleteFast, .deleteDeref, .deleteGlobal, .deleteName, .loadAttr, .unaryNegative,
         .unaryPositive, .unaryInvert, .unaryNot, .listToTuple, .jump, .jumpBackward, .getIter, .returnConst,
         .checkExcMatch, .checkEgMatch, .yieldValue, .getYieldFromIter, .setupAnnotations, .copyDictWithoutKeys:
      return 0
    case .popTop, .storeFast, .storeDeref, .storeGlobal, .storeName, .deleteAttr, .binaryOp, .compareOp,
         .isOp, .containsOp, .binarySubscr, .listAppend, .setAdd, .listExtend, .setUpdate, .dictUpdate,
         .dictMerge, .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone, .returnValue,
         .reraise, .popExcept, .prepReraiseStar, .importName, .importStar, .printExpr:
      return -1
    case .pushNull, .copy, .loadConst, .loadFast, .loadFastUnchecked, .loadDeref, .loadClosure,
         .loadClassDeref, .loadGlobal, .loadName, .loadMethod, .loadBuildClass, .pushExcInfo,
         .loadAssertionError, .beforeWith, .withExceptStart, .importFrom, .matchMapping, .matchSequence,
         .matchKeys, .getLen:
      return 1
    case .storeAttr, .mapAdd, .deleteSubscr: return -2
    case .storeSubscr: return -3
    case .buildSlice: return -(n - 1)
    case .buildTuple, .buildList, .buildSet, .buildString: return 1 - n
    case .buildMap: return 1 - 2 * n
    case .unpackSequence: return n - 1
    case .unpackEx: return Int(arg & 0xFF) + Int(arg >> 8)
    case .jumpIfFalseOrPop, .jumpIfTrueOrPop: return jump ? 0 : -1
    case .forIter: return jump ? -1 : 1
    case .send: return jump ? -1 : 0
    case .call: return -(n + 1)
    case .callKw: return -(n + 2)
    case .callFunctionEx: return -(2 + (n & 1))
    case .makeFunction: return -MakeFunctionFlags(rawValue: arg).rawValue.nonzeroBitCount
    case .raiseVarargs: return -n
    case .formatValue: return (n & 4) != 0 ? -1 : 0
    case .matchClass: return -2
    case .compareJump: return -2
    case .loadFastLoadFast, .loadFastLoadConst: return 2
    }
  }
}

/// A hashable identity for deduplicating constants.
indirect enum ConstKey: Hashable {
  case none, ellipsis
  case bool(Bool)
  case int(Int)
  case big(String)
  case float(UInt64)
  case str(String)
  case bytes([UInt8])
  case tuple([ConstKey])
  case frozenset([ConstKey])
}
