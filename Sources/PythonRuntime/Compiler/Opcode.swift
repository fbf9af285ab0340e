/// The instruction set of the VM. Every instruction is an opcode plus one
/// 32-bit argument; jump arguments are absolute instruction indices.
///
/// Calls use a two-slot convention: below the arguments sit `callable` and
/// `self-or-null`. `loadMethod` pushes `[function, self]` when it finds a
/// plain method (no bound-method object is created) and `[attribute, null]`
/// otherwise; ordinary calls push the callable then `pushNull`.
enum Opcode: UInt8 {
  case nop

  // Stack manipulation
  case popTop
  case pushNull
  /// Pushes a copy of the item `arg` places down (1 = top).
  case copy
  /// Swaps the top with the item `arg` places down (2 = the one below top).
  case swap

  // Constants and variables
  case loadConst
  case loadFast
  case storeFast
  case deleteFast
  /// Loads a local that cannot be unbound (no check needed).
  case loadFastUnchecked
  case loadDeref
  case storeDeref
  case deleteDeref
  /// Pushes the cell object itself (for building closures).
  case loadClosure
  /// In a class body: the class namespace first, then the enclosing cell.
  case loadClassDeref
  case loadGlobal
  case storeGlobal
  case deleteGlobal
  case loadName
  case storeName
  case deleteName
  case loadAttr
  case storeAttr
  case deleteAttr
  case loadMethod

  // Operators
  case binaryOp
  case unaryNegative
  case unaryPositive
  case unaryInvert
  case unaryNot
  case compareOp
  case isOp
  case containsOp
  case binarySubscr
  case storeSubscr
  case deleteSubscr
  case buildSlice

  // Building containers
  case buildTuple
  case buildList
  case buildSet
  /// `arg` key/value pairs.
  case buildMap
  /// Concatenates `arg` strings (f-strings).
  case buildString
  /// `stack[-arg].append(top)` (comprehensions); `arg` counts from the top after popping.
  case listAppend
  case setAdd
  /// `stack[-arg][key] = value` with key below value on top.
  case mapAdd
  case listExtend
  case setUpdate
  case dictUpdate
  /// Like dictUpdate but refuses duplicate keys (`f(**a, **b)`).
  case dictMerge
  case listToTuple
  case unpackSequence
  /// `arg` = count before the star | (count after the star << 8).
  case unpackEx

  // Control flow
  case jump
  /// A backward jump: also polls the eval breaker (GIL drop requests, time limits).
  case jumpBackward
  case popJumpIfFalse
  case popJumpIfTrue
  case popJumpIfNone
  case popJumpIfNotNone
  case jumpIfFalseOrPop
  case jumpIfTrueOrPop
  case getIter
  /// Pushes the next item, or pops the iterator and jumps to `arg` when exhausted.
  case forIter
  case returnValue
  case returnConst

  // Calls and definitions
  case call
  /// Like call; a tuple of keyword names is on top, their values are the last arguments.
  case callKw
  /// `f(*args, **kwargs)`: `arg` is 1 when a kwargs mapping is on top.
  case callFunctionEx
  /// Builds a function from the code object on top; `arg` flags say which of
  /// defaults, keyword defaults, annotations and closure sit below it.
  case makeFunction
  case loadBuildClass

  // Exceptions
  /// `raise` (0), `raise exc` (1), `raise exc from cause` (2).
  case raiseVarargs
  case reraise
  case pushExcInfo
  case popExcept
  case checkExcMatch
  case checkEgMatch
  /// `[orig, excs]` → what an except* statement raises at its end (or None).
  case prepReraiseStar
  case loadAssertionError
  case beforeWith
  case withExceptStart

  // Generators
  case yieldValue
  case getYieldFromIter
  /// Sends the top value into the sub-iterator below it; on exhaustion pops
  /// both, pushes the return value and jumps to `arg`.
  case send

  // Modules, annotations, formatting, matching
  case setupAnnotations
  case importName
  case importFrom
  case importStar
  /// `arg`: conversion in bits 0-1 (0 none, 1 str, 2 repr, 3 ascii), bit 2 = spec on top.
  case formatValue
  case printExpr
  case matchClass
  case matchMapping
  case matchSequence
  case matchKeys
  case getLen
  case copyDictWithoutKeys

  // Superinstructions, made by the assembler from a pair of instructions.
  // The second instruction of the pair stays in place (so positions, line
  // numbers and jump targets are unchanged) and is skipped.
  /// `compareOp` + `popJumpIfFalse`/`popJumpIfTrue`: `arg` = kind | 8 when
  /// jumping on true; the target is the next instruction's argument.
  case compareJump
  /// Two `loadFast`: `arg` = first | second << 16.
  case loadFastLoadFast
  /// `loadFast` + `loadConst`: `arg` = local | constant << 16.
  case loadFastLoadConst
}

/// The operators `binaryOp` carries in its argument (in-place forms offset by 16).
enum BinaryOpKind: UInt32 {
  case add = 0, sub, mul, matMul, trueDiv, floorDiv, mod, pow, lshift, rshift, and, or, xor
  case inplaceAdd = 16, inplaceSub, inplaceMul, inplaceMatMul, inplaceTrueDiv, inplaceFloorDiv,
       inplaceMod, inplacePow, inplaceLshift, inplaceRshift, inplaceAnd, inplaceOr, inplaceXor

  var isInplace: Bool { rawValue >= 16 }
  var base: BinaryOpKind { isInplace ? BinaryOpKind(rawValue: rawValue - 16)! : self }

  var symbol: String {
    switch base {
    case .add: return "+"
    case .sub: return "-"
    case .mul: return "*"
    case .matMul: return "@"
    case .trueDiv: return "/"
    case .floorDiv: return "//"
    case .mod: return "%"
    case .pow: return "**"
    case .lshift: return "<<"
    case .rshift: return ">>"
    case .and: return "&"
    case .or: return "|"
    case .xor: return "^"
    default: return "?"
    }
  }
}

/// The rich comparisons `compareOp` carries.
enum CompareKind: UInt32 {
  case lt = 0, le, eq, ne, gt, ge

  var symbol: String {
    switch self {
    case .lt: return "<"
    case .le: return "<="
    case .eq: return "=="
    case .ne: return "!="
    case .gt: return ">"
    case .ge: return ">="
    }
  }

  /// The operator with operands swapped (`a < b` is `b > a`).
  var swapped: CompareKind {
    switch self {
    case .lt: return .gt
    case .le: return .ge
    case .eq: return .eq
    case .ne: return .ne
    case .gt: return .lt
    case .ge: return .le
    }
  }
}

/// `makeFunction` argument bits.
struct MakeFunctionFlags: OptionSet {
  let rawValue: UInt32
  static let defaults = MakeFunctionFlags(rawValue: 1)
  static let kwDefaults = MakeFunctionFlags(rawValue: 2)
  static let annotations = MakeFunctionFlags(rawValue: 4)
  static let closure = MakeFunctionFlags(rawValue: 8)
}

struct Instruction {
  var op: Opcode
  var arg: UInt32
  init(_ op: Opcode, _ arg: UInt32 = 0) {
    self.op = op
    self.arg = arg
  }
}
