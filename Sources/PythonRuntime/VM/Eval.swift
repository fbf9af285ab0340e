/// The bytecode interpreter loop.
///
/// One Swift call of `run` executes one frame until it returns or yields.
/// The value stack is raw memory in the frame (`sp` points at the next free
/// slot); values are moved on and off it without copies. Every instruction
/// that can fail leaves the stack consistent *before* it throws, so the
/// handler search in the `catch` below only has to pop down to the handler's
/// depth. Backward jumps and calls poll the eval breaker (GIL hand-off,
/// time limits) with a single relaxed load.
extension ThreadState {
  func run(_ f: Frame, throwing initialError: PyException? = nil) throws(PyException) -> Value {
    depth += 1
    if depth > interp.recursionLimit || nativeStackExhausted() {
      depth -= 1
      throw PyException.recursionError("maximum recursion depth exceeded")
    }
    f.back = frame
    frame = f
    f.isExecuting = true
    defer {
      f.isExecuting = false
      frame = f.back
      f.back = nil
      depth -= 1
    }

    let code = f.code
    let instrs = code.instructions.baseAddress!
    let constants = code.constants
    let names = code.names
    let locals = f.slots
    let base = f.stackBase
    var sp = base + f.stackDepth
    var pc = f.pc
    var pending = initialError
    /// True while re-raising: the traceback already has this frame's entry.
    var reraising = false

    while true {
      do throws(PyException) {
        if let e = pending {
          pending = nil
          throw e
        }
        while true {
          let ins = instrs[pc]
          pc &+= 1
          switch ins.op {
          case .nop:
            break

          // MARK: Stack
          case .popTop:
            sp -= 1
            sp.releaseValues(1)
          case .pushNull:
            sp.initialize(to: .null)
            sp += 1
          case .copy:
            sp.initialize(to: sp[-Int(ins.arg)])
            sp += 1
          case .swap:
            let i = Int(ins.arg)
            swap(&sp[-1], &sp[-i])

          // MARK: Variables
          case .loadConst:
            sp.initialize(to: constants[Int(ins.arg)])
            sp += 1
          case .loadFast:
            let v = locals[Int(ins.arg)]
            if case .null = v {
              f.lasti = pc - 1
              throw PyException.unboundLocal(code.varnames[Int(ins.arg)].value)
            }
            sp.initialize(to: v)
            sp += 1
          case .loadFastLoadFast:
            let a = locals[Int(ins.arg & 0xFFFF)]
            let b = locals[Int(ins.arg >> 16)]
            if case .null = a {
              throw PyException.unboundLocal(code.varnames[Int(ins.arg & 0xFFFF)].value)
            }
            if case .null = b {
              pc &+= 1
              throw PyException.unboundLocal(code.varnames[Int(ins.arg >> 16)].value)
            }
            sp.initialize(to: a)
            (sp + 1).initialize(to: b)
            sp += 2
            pc &+= 1
          case .loadFastLoadConst:
            let a = locals[Int(ins.arg & 0xFFFF)]
            if case .null = a {
              throw PyException.unboundLocal(code.varnames[Int(ins.arg & 0xFFFF)].value)
            }
            sp.initialize(to: a)
            (sp + 1).initialize(to: constants[Int(ins.arg >> 16)])
            sp += 2
            pc &+= 1
          case .compareJump:
            // Operands are inspected in place: plain ints and floats need
            // neither a copy nor a release.
            let kind = ins.arg & 7
            let outcome: Bool
            if case .int(let a) = sp[-2], case .int(let b) = sp[-1] {
              outcome = Arith.compareInts(kind, a, b)
              sp -= 2
            } else if case .float(let a) = sp[-2], case .float(let b) = sp[-1] {
              outcome = Arith.compareFloats(kind, a, b)
              sp -= 2
            } else {
              f.lasti = pc - 1
              sp -= 2
              let lhs = sp.move()
              let rhs = (sp + 1).move()
              let r = try compare(lhs, rhs, CompareKind(rawValue: kind)!)
              if case .bool(let b) = r { outcome = b } else { outcome = try isTrue(r) }
            }
            let jump = instrs[pc]
            pc &+= 1
            if outcome == (ins.arg & 8 != 0) { pc = Int(jump.arg) }
          case .loadFastUnchecked:
            sp.initialize(to: locals[Int(ins.arg)])
            sp += 1
          case .storeFast:
            sp -= 1
            (locals + Int(ins.arg)).pointee = sp.move()
          case .deleteFast:
            if case .null = locals[Int(ins.arg)] {
              f.lasti = pc - 1
              throw PyException.unboundLocal(code.varnames[Int(ins.arg)].value)
            }
            locals[Int(ins.arg)] = .null
          case .loadDeref:
            let cell = unsafeDowncast(locals[Int(ins.arg)].asObject!, to: PyCell.self)
            guard let v = cell.contents else {
              f.lasti = pc - 1
              throw unboundDeref(code, Int(ins.arg))
            }
            sp.initialize(to: v)
            sp += 1
          case .storeDeref:
            sp -= 1
            unsafeDowncast(locals[Int(ins.arg)].asObject!, to: PyCell.self).contents = sp.move()
          case .deleteDeref:
            let cell = unsafeDowncast(locals[Int(ins.arg)].asObject!, to: PyCell.self)
            if cell.contents == nil {
              f.lasti = pc - 1
              throw unboundDeref(code, Int(ins.arg))
            }
            cell.contents = nil
          case .loadClosure:
            sp.initialize(to: locals[Int(ins.arg)])
            sp += 1
          case .loadClassDeref:
            let slot = Int(ins.arg)
            let name = code.freevars[slot - code.varnames.count - code.cellvars.count]
            if let ns = f.locals, let v = ns.getStr(name) {
              sp.initialize(to: v)
            } else {
              let cell = unsafeDowncast(locals[slot].asObject!, to: PyCell.self)
              guard let v = cell.contents else {
                f.lasti = pc - 1
                throw unboundDeref(code, slot)
              }
              sp.initialize(to: v)
            }
            sp += 1
          case .loadGlobal:
            f.lasti = pc - 1
            let v = try loadGlobal(f, code, pc - 1, names[Int(ins.arg)])
            sp.initialize(to: v)
            sp += 1
          case .storeGlobal:
            sp -= 1
            storeGlobalCached(f, code.caches.baseAddress! + (pc - 1), names[Int(ins.arg)], sp.move())
          case .deleteGlobal:
            f.lasti = pc - 1
            let name = names[Int(ins.arg)]
            if f.globals.removeStr(name) == nil {
              throw PyException.nameError("name '\(name.value)' is not defined")
            }
          case .loadName:
            f.lasti = pc - 1
            // Module code (locals are the globals) gets LOAD_GLOBAL's cache.
            let v = f.localsAreGlobals
              ? try loadGlobal(f, code, pc - 1, names[Int(ins.arg)])
              : try loadName(f, names[Int(ins.arg)])
            sp.initialize(to: v)
            sp += 1
          case .storeName:
            f.lasti = pc - 1
            sp -= 1
            let v = sp.move()
            if f.localsAreGlobals {
              storeGlobalCached(f, code.caches.baseAddress! + (pc - 1), names[Int(ins.arg)], v)
            } else {
              try storeName(f, names[Int(ins.arg)], v)
            }
          case .deleteName:
            f.lasti = pc - 1
            try deleteName(f, names[Int(ins.arg)])

          // MARK: Attributes
          case .loadAttr:
            let obj = sp[-1]
            let name = names[Int(ins.arg)]
            if case .object(let o) = obj, o.kind == .instance {
              let cache = code.caches.baseAddress! + (pc - 1)
              if let v = AttributeCache.load(o, name, cache) {
                sp[-1] = v
                break
              }
              f.lasti = pc - 1
              let v = try getAttr(obj, name)
              AttributeCache.fillLoad(o, name, cache)
              sp[-1] = v
              break
            }
            f.lasti = pc - 1
            let v = try getAttr(obj, name)
            sp[-1] = v
          case .storeAttr:
            f.lasti = pc - 1
            sp -= 2
            let obj = sp[1] // top: object
            let value = sp[0]
            (sp + 1).releaseValues(1)
            sp.releaseValues(1)
            let name = names[Int(ins.arg)]
            if case .object(let o) = obj, o.kind == .instance {
              let cache = code.caches.baseAddress! + (pc - 1)
              if AttributeCache.store(o, name, value, cache) { break }
              try setAttr(obj, name, value)
              AttributeCache.fillStore(o, name, cache)
              break
            }
            try setAttr(obj, name, value)
          case .deleteAttr:
            f.lasti = pc - 1
            sp -= 1
            let obj = sp.move()
            try delAttr(obj, names[Int(ins.arg)])
          case .loadMethod:
            let obj = sp[-1]
            let name = names[Int(ins.arg)]
            if case .object(let o) = obj, o.kind != .module, o.kind != .type {
              let cache = code.caches.baseAddress! + (pc - 1)
              if let m = AttributeCache.method(o, name, cache) {
                sp[-1] = m
                sp.initialize(to: obj)
                sp += 1
                break
              }
              f.lasti = pc - 1
              let (callable, selfValue) = try loadMethod(obj, name)
              if !selfValue.isNull { AttributeCache.fillMethod(o, name, cache) }
              sp[-1] = callable
              sp.initialize(to: selfValue)
              sp += 1
              break
            }
            f.lasti = pc - 1
            let (callable, selfValue) = try loadMethod(obj, name)
            sp[-1] = callable
            sp.initialize(to: selfValue)
            sp += 1

          // MARK: Operators
          case .binaryOp:
            // Fast paths read the operands in place and overwrite them:
            // ints and floats hold no references, so nothing is released.
            let result: Value?
            switch (sp[-2], sp[-1]) {
            case (.int(let a), .int(let b)): result = Arith.fastIntOp(ins.arg, a, b)
            case (.float(let a), .float(let b)): result = Arith.fastFloatOp(ins.arg, a, b)
            case (.int(let a), .float(let b)): result = Arith.exactDouble(a).flatMap { Arith.fastFloatOp(ins.arg, $0, b) }
            case (.float(let a), .int(let b)): result = Arith.exactDouble(b).flatMap { Arith.fastFloatOp(ins.arg, a, $0) }
            default: result = nil
            }
            if let r = result {
              sp -= 1
              (sp - 1).initialize(to: r)
              break
            }
            f.lasti = pc - 1
            sp -= 2
            let lhs = sp.move()
            let rhs = (sp + 1).move()
            let r = try binaryOp(BinaryOpKind(rawValue: ins.arg)!, lhs, rhs)
            sp.initialize(to: r)
            sp += 1
          case .compareOp:
            if case .int(let a) = sp[-2], case .int(let b) = sp[-1] {
              sp -= 1
              (sp - 1).initialize(to: .bool(Arith.compareInts(ins.arg, a, b)))
              break
            }
            if case .float(let a) = sp[-2], case .float(let b) = sp[-1] {
              sp -= 1
              (sp - 1).initialize(to: .bool(Arith.compareFloats(ins.arg, a, b)))
              break
            }
            f.lasti = pc - 1
            sp -= 2
            let lhs = sp.move()
            let rhs = (sp + 1).move()
            let r = try compare(lhs, rhs, CompareKind(rawValue: ins.arg)!)
            sp.initialize(to: r)
            sp += 1
          case .isOp:
            sp -= 1
            let rhs = sp.move()
            let same = sp[-1].isIdentical(to: rhs)
            sp[-1] = .bool(ins.arg == 0 ? same : !same)
          case .containsOp:
            f.lasti = pc - 1
            sp -= 2
            let container = sp[1]
            let item = sp[0]
            sp.releaseValues(2)
            let found = try contains(container, item)
            sp.initialize(to: .bool(ins.arg == 0 ? found : !found))
            sp += 1
          case .unaryNot:
            let v = sp[-1]
            let b: Bool
            switch v {
            case .bool(let x): b = x
            case .none: b = false
            case .int(let i): b = i != 0
            default:
              f.lasti = pc - 1
              b = try isTrue(v)
            }
            sp[-1] = .bool(!b)
          case .unaryNegative:
            f.lasti = pc - 1
            let v = sp[-1]
            if case .int(let i) = v, i != Int.min {
              sp[-1] = .int(-i)
            } else if case .float(let d) = v {
              sp[-1] = .float(-d)
            } else {
              sp -= 1
              sp.releaseValues(1)
              let r = try unaryOp(.neg, v)
              sp.initialize(to: r)
              sp += 1
            }
          case .unaryPositive:
            f.lasti = pc - 1
            sp -= 1
            let v = sp.move()
            let r = try unaryOp(.pos, v)
            sp.initialize(to: r)
            sp += 1
          case .unaryInvert:
            f.lasti = pc - 1
            sp -= 1
            let v = sp.move()
            let r = try unaryOp(.invert, v)
            sp.initialize(to: r)
            sp += 1
          case .binarySubscr:
            if case .int(var i) = sp[-1], case .object(let o) = sp[-2], o.kind == .list {
              let list = unsafeDowncast(o, to: PyList.self)
              if i < 0 { i += list.items.count }
              if i >= 0 && i < list.items.count {
                let v = list.items[i]
                sp -= 1
                sp[-1] = v  // releases the list; the int key needs nothing
                break
              }
            }
            f.lasti = pc - 1
            sp -= 2
            let container = sp.move()
            let key = (sp + 1).move()
            let v = try getItem(container, key)
            sp.initialize(to: v)
            sp += 1
          case .storeSubscr:
            // stack: value, container, key
            sp -= 3
            let value = sp.move()
            let container = (sp + 1).move()
            if case .int(var i) = sp[2], case .object(let o) = container, o.kind == .list {
              let list = unsafeDowncast(o, to: PyList.self)
              if i < 0 { i += list.items.count }
              if i >= 0 && i < list.items.count {
                list.items[i] = value
                break
              }
            }
            let key = (sp + 2).move()
            f.lasti = pc - 1
            try setItem(container, key, value)
          case .deleteSubscr:
            f.lasti = pc - 1
            sp -= 2
            let key = sp[1]
            let container = sp[0]
            sp.releaseValues(2)
            try delItem(container, key)
          case .buildSlice:
            let n = Int(ins.arg)
            let step: Value = n == 3 ? sp[-1] : .none
            let stop = sp[-n + 1]
            let start = sp[-n]
            sp -= n
            sp.releaseValues(n)
            sp.initialize(to: .object(PySlice(start: start, stop: stop, step: step)))
            sp += 1

          // MARK: Building
          case .buildTuple:
            let n = Int(ins.arg)
            let t = PyTuple.make(ContiguousArray(UnsafeBufferPointer(start: sp - n, count: n)))
            sp -= n
            sp.releaseValues(n)
            sp.initialize(to: .object(t))
            sp += 1
          case .buildList:
            let n = Int(ins.arg)
            let l = PyList(ContiguousArray(UnsafeBufferPointer(start: sp - n, count: n)))
            sp -= n
            sp.releaseValues(n)
            sp.initialize(to: .object(l))
            sp += 1
          case .buildSet:
            f.lasti = pc - 1
            let n = Int(ins.arg)
            let items = Array(UnsafeBufferPointer(start: sp - n, count: n))
            sp -= n
            sp.releaseValues(n)
            let s = PySet()
            for v in items { try s.add(self, v) }
            sp.initialize(to: .object(s))
            sp += 1
          case .buildMap:
            f.lasti = pc - 1
            let n = Int(ins.arg)
            let items = Array(UnsafeBufferPointer(start: sp - 2 * n, count: 2 * n))
            sp -= 2 * n
            sp.releaseValues(2 * n)
            let d = PyDict()
            var i = 0
            while i < items.count {
              try d.set(self, items[i], items[i + 1])
              i += 2
            }
            sp.initialize(to: .object(d))
            sp += 1
          case .buildString:
            let n = Int(ins.arg)
            var s = ""
            for i in 0..<n {
              if let str = sp[i - n].asStr { s += str.value }
            }
            sp -= n
            sp.releaseValues(n)
            sp.initialize(to: Value(s))
            sp += 1
          case .listAppend:
            sp -= 1
            let v = sp.move()
            unsafeDowncast(sp[-Int(ins.arg)].asObject!, to: PyList.self).items.append(v)
          case .setAdd:
            f.lasti = pc - 1
            sp -= 1
            let v = sp.move()
            try unsafeDowncast(sp[-Int(ins.arg)].asObject!, to: PySet.self).add(self, v)
          case .mapAdd:
            f.lasti = pc - 1
            sp -= 2
            let value = sp[1]
            let key = sp[0]
            sp.releaseValues(2)
            try unsafeDowncast(sp[-Int(ins.arg)].asObject!, to: PyDict.self).set(self, key, value)
          case .listExtend:
            f.lasti = pc - 1
            sp -= 1
            let iterable = sp.move()
            let list = unsafeDowncast(sp[-Int(ins.arg)].asObject!, to: PyList.self)
            try listExtend(list, iterable)
          case .setUpdate:
            f.lasti = pc - 1
            sp -= 1
            let iterable = sp.move()
            try unsafeDowncast(sp[-Int(ins.arg)].asObject!, to: PySet.self).update(self, from: iterable)
          case .dictUpdate, .dictMerge:
            f.lasti = pc - 1
            sp -= 1
            let other = sp.move()
            let d = unsafeDowncast(sp[-Int(ins.arg)].asObject!, to: PyDict.self)
            try dictMergeForCall(d, other, refuseDuplicates: ins.op == .dictMerge,
                                 callable: ins.op == .dictMerge ? sp[-Int(ins.arg) - 3] : nil)
          case .listToTuple:
            let l = unsafeDowncast(sp[-1].asObject!, to: PyList.self)
            sp[-1] = .object(PyTuple.make(l.items))
          case .unpackSequence:
            f.lasti = pc - 1
            let n = Int(ins.arg)
            sp -= 1
            let seq = sp.move()
            if let t = seq.exactTuple, t.count == n {
              for i in 0..<n { (sp + i).initialize(to: t.items[n - 1 - i]) }
            } else if let l = seq.exactList, l.count == n {
              for i in 0..<n { (sp + i).initialize(to: l.items[n - 1 - i]) }
            } else {
              let items = try unpackIterable(seq, count: n)
              for i in 0..<n { (sp + i).initialize(to: items[n - 1 - i]) }
            }
            sp += n
          case .unpackEx:
            f.lasti = pc - 1
            let before = Int(ins.arg & 0xFF)
            let after = Int(ins.arg >> 8)
            sp -= 1
            let seq = sp.move()
            let items = try unpackIterableEx(seq, before: before, after: after)
            // items: before values, list, after values; pushed reversed
            for (i, v) in items.reversed().enumerated() { (sp + i).initialize(to: v) }
            sp += items.count

          // MARK: Control flow
          case .jump:
            pc = Int(ins.arg)
          case .jumpBackward:
            if breaker.isSet {
              f.lasti = pc - 1
              f.stackDepth = sp - base
              try handleEvalBreaker()
            }
            pc = Int(ins.arg)
          case .popJumpIfFalse:
            sp -= 1
            switch sp.pointee {
            case .bool(let b): if !b { pc = Int(ins.arg) }
            case .none: pc = Int(ins.arg)
            case .int(let i): if i == 0 { pc = Int(ins.arg) }
            default:
              let v = sp.move()
              f.lasti = pc - 1
              if try !isTrue(v) { pc = Int(ins.arg) }
            }
          case .popJumpIfTrue:
            sp -= 1
            switch sp.pointee {
            case .bool(let b): if b { pc = Int(ins.arg) }
            case .none: break
            case .int(let i): if i != 0 { pc = Int(ins.arg) }
            default:
              let v = sp.move()
              f.lasti = pc - 1
              if try isTrue(v) { pc = Int(ins.arg) }
            }
          case .popJumpIfNone:
            sp -= 1
            if case .none = sp.move() { pc = Int(ins.arg) }
          case .popJumpIfNotNone:
            sp -= 1
            if case .none = sp.move() {} else { pc = Int(ins.arg) }
          case .jumpIfFalseOrPop:
            f.lasti = pc - 1
            if try !isTrue(sp[-1]) {
              pc = Int(ins.arg)
            } else {
              sp -= 1
              sp.releaseValues(1)
            }
          case .jumpIfTrueOrPop:
            f.lasti = pc - 1
            if try isTrue(sp[-1]) {
              pc = Int(ins.arg)
            } else {
              sp -= 1
              sp.releaseValues(1)
            }
          case .getIter:
            f.lasti = pc - 1
            let v = sp[-1]
            if case .object(let o) = v, o.kind == .generator || o.kind == .rangeIterator || o.kind == .listIterator {
              break
            }
            let it = try getIter(v)
            sp[-1] = it
          case .forIter:
            let it = sp[-1]
            guard case .object(let o) = it else { fatalError("forIter on a non-object") }
            let next: Value?
            switch o.kind {
            case .rangeIterator:
              next = unsafeDowncast(o, to: PyRangeIterator.self).nextInt()
            case .listIterator:
              next = unsafeDowncast(o, to: PyListIterator.self).nextItem()
            default:
              f.lasti = pc - 1
              f.stackDepth = sp - base
              next = try self.next(it)
            }
            if let v = next {
              sp.initialize(to: v)
              sp += 1
            } else {
              sp -= 1
              sp.releaseValues(1)
              pc = Int(ins.arg)
            }
          case .returnValue:
            sp -= 1
            let v = sp.move()
            f.stackDepth = sp - base
            f.pc = pc
            f.lasti = pc - 1
            f.suspended = false
            return v
          case .returnConst:
            f.stackDepth = sp - base
            f.pc = pc
            f.lasti = pc - 1
            f.suspended = false
            return constants[Int(ins.arg)]

          // MARK: Calls
          case .call, .callKw:
            var argc = Int(ins.arg)
            var kwnames: PyTuple? = nil
            if ins.op == .callKw {
              sp -= 1
              kwnames = unsafeDowncast(sp.move().asObject!, to: PyTuple.self)
            }
            let callableSlot = sp - argc - 2
            let selfSlot = sp - argc - 1
            var argsBase = selfSlot + 1
            if case .null = selfSlot.pointee {
              if case .object(let o) = callableSlot.pointee, o.kind == .boundMethod {
                let m = unsafeDowncast(o, to: PyBoundMethod.self)
                selfSlot.pointee = m.selfValue
                callableSlot.pointee = m.function
                argsBase = selfSlot
                argc += 1
              }
            } else {
              argsBase = selfSlot
              argc += 1
            }
            f.lasti = pc - 1
            f.stackDepth = sp - base
            let positional = argc - (kwnames?.count ?? 0)
            let result: Value
            if case .object(let co) = callableSlot.pointee, co.kind == .function {
              result = try callFunction(unsafeDowncast(co, to: PyFunction.self),
                                        Args(base: argsBase, count: positional, kwnames: kwnames))
            } else {
              result = try call(callableSlot.pointee, Args(base: argsBase, count: positional, kwnames: kwnames))
            }
            let n = sp - callableSlot
            sp = callableSlot
            sp.releaseValues(n)
            sp.initialize(to: result)
            sp += 1
            if breaker.isSet {
              f.stackDepth = sp - base
              try handleEvalBreaker()
            }
          case .callFunctionEx:
            f.lasti = pc - 1
            var kwargs: Value = .none
            if ins.arg & 1 == 1 {
              sp -= 1
              kwargs = sp.move()
            }
            sp -= 1
            let posargs = sp.move()
            sp -= 1
            let selfValue = sp.move()
            sp -= 1
            let callable = sp.move()
            let result = try callEx(callable, selfValue: selfValue, args: posargs, kwargs: kwargs)
            sp.initialize(to: result)
            sp += 1
          case .makeFunction:
            sp -= 1
            let codeObj = unsafeDowncast(sp.move().asObject!, to: CodeObject.self)
            let flags = MakeFunctionFlags(rawValue: ins.arg)
            var closure: [PyCell] = []
            var annotations: PyDict? = nil
            var kwdefaults: PyDict? = nil
            var defaults: [Value] = []
            if flags.contains(.closure) {
              sp -= 1
              closure = unsafeDowncast(sp.move().asObject!, to: PyTuple.self).items.map {
                unsafeDowncast($0.asObject!, to: PyCell.self)
              }
            }
            if flags.contains(.annotations) {
              sp -= 1
              annotations = sp.move().asDict
            }
            if flags.contains(.kwDefaults) {
              sp -= 1
              kwdefaults = sp.move().asDict
            }
            if flags.contains(.defaults) {
              sp -= 1
              defaults = Array(unsafeDowncast(sp.move().asObject!, to: PyTuple.self).items)
            }
            let fn = PyFunction(code: codeObj, globals: f.globals, builtins: f.builtins, closure: closure,
                                defaults: defaults, kwdefaults: kwdefaults)
            fn.annotations = annotations
            sp.initialize(to: .object(fn))
            sp += 1
          case .loadBuildClass:
            sp.initialize(to: f.builtins.getStr(PythonRuntime.names.__build_class__) ?? .none)
            sp += 1

          // MARK: Exceptions
          case .raiseVarargs:
            f.lasti = pc - 1
            let n = Int(ins.arg)
            var cause: Value? = nil
            if n == 2 {
              sp -= 1
              cause = sp.move()
            }
            if n == 0 {
              guard let exc = handledException.asException else {
                throw PyException.runtimeError("No active exception to reraise")
              }
              reraising = true
              throw exc
            }
            sp -= 1
            let excValue = sp.move()
            throw try makeRaise(excValue, cause: cause)
          case .reraise:
            sp -= 1
            let exc = sp.move()
            if ins.arg != 0 {
              if case .int(let l) = sp[-1] { f.lasti = l }
            }
            reraising = true
            throw exc.asException!
          case .pushExcInfo:
            let exc = sp[-1]
            sp[-1] = handledException
            sp.initialize(to: exc)
            sp += 1
            handledException = exc
          case .popExcept:
            sp -= 1
            handledException = sp.move()
          case .checkExcMatch:
            f.lasti = pc - 1
            sp -= 1
            let typeValue = sp.move()
            let matched = try exceptionMatches(sp[-1], typeValue)
            sp.initialize(to: .bool(matched))
            sp += 1
          case .checkEgMatch:
            f.lasti = pc - 1
            sp -= 1
            let typeValue = sp.move()
            sp -= 1
            let exc = sp.move()
            let (rest, match) = try exceptionGroupSplit(exc, typeValue, frame: f, lasti: pc - 1)
            // Inside the clause, the matched part is the handled exception.
            if !match.isNone { handledException = match }
            sp.initialize(to: rest)
            sp += 1
            sp.initialize(to: match)
            sp += 1
          case .prepReraiseStar:
            f.lasti = pc - 1
            sp -= 1
            let excs = sp.move()
            sp[-1] = try prepareReraiseStar(sp[-1], excs)
          case .loadAssertionError:
            sp.initialize(to: .object(PyType.assertionError))
            sp += 1
          case .beforeWith:
            f.lasti = pc - 1
            let mgr = sp[-1]
            let (exit, entered) = try beforeWith(mgr)
            sp[-1] = exit
            sp.initialize(to: entered)
            sp += 1
          case .withExceptStart:
            // stack: exit, prev, exc
            f.lasti = pc - 1
            let exc = sp[-1]
            let exit = sp[-3]
            let r = try callWithExit(exit, exc)
            sp.initialize(to: r)
            sp += 1

          // MARK: Generators
          case .yieldValue:
            sp -= 1
            let v = sp.move()
            f.stackDepth = sp - base
            f.pc = pc
            f.lasti = pc - 1
            f.suspended = true
            return v
          case .getYieldFromIter:
            f.lasti = pc - 1
            let v = sp[-1]
            if case .object(let o) = v, o.kind == .generator { break }
            sp[-1] = try getIter(v)
          case .send:
            f.lasti = pc - 1
            sp -= 1
            let value = sp.move()
            let sub = sp[-1]
            f.stackDepth = sp - base
            switch try sendInto(sub, value) {
            case .yielded(let y):
              f.delegateExit = Int(ins.arg)
              sp.initialize(to: y)
              sp += 1
            case .returned(let r):
              sp[-1] = r
              pc = Int(ins.arg)
            }

          // MARK: Modules and the rest
          case .setupAnnotations:
            if let ns = f.locals, ns.getStr(PythonRuntime.names.__annotations__) == nil {
              ns.setStr(PythonRuntime.names.__annotations__, .object(PyDict()))
            }
          case .importName:
            f.lasti = pc - 1
            sp -= 2
            let fromlist = sp[1]
            let level = sp[0]
            sp.releaseValues(2)
            let m = try importName(names[Int(ins.arg)], fromlist: fromlist, level: level, frame: f)
            sp.initialize(to: m)
            sp += 1
          case .importFrom:
            f.lasti = pc - 1
            let v = try importFrom(sp[-1], names[Int(ins.arg)])
            sp.initialize(to: v)
            sp += 1
          case .importStar:
            f.lasti = pc - 1
            sp -= 1
            let m = sp.move()
            try importStar(m, into: f)
          case .formatValue:
            f.lasti = pc - 1
            var spec: Value? = nil
            if ins.arg & 4 != 0 {
              sp -= 1
              spec = sp.move()
            }
            sp -= 1
            let v = sp.move()
            let r = try formatValue(v, conversion: Int(ins.arg & 3), spec: spec)
            sp.initialize(to: r)
            sp += 1
          case .printExpr:
            f.lasti = pc - 1
            sp -= 1
            let v = sp.move()
            try displayHook(v)
          case .getLen:
            f.lasti = pc - 1
            let n = try len(sp[-1])
            sp.initialize(to: .int(n))
            sp += 1
          case .matchMapping:
            sp.initialize(to: .bool(isMappingForMatch(sp[-1])))
            sp += 1
          case .matchSequence:
            sp.initialize(to: .bool(isSequenceForMatch(sp[-1])))
            sp += 1
          case .matchKeys:
            f.lasti = pc - 1
            let r = try matchKeys(subject: sp[-2], keys: sp[-1])
            sp.initialize(to: r)
            sp += 1
          case .matchClass:
            f.lasti = pc - 1
            // stack: subject, cls, kwnames tuple
            sp -= 3
            let kw = sp[2]
            let cls = sp[1]
            let subject = sp[0]
            sp.releaseValues(3)
            let r = try matchClass(subject: subject, cls: cls, positionalCount: Int(ins.arg), kwnames: kw)
            sp.initialize(to: r)
            sp += 1
          case .copyDictWithoutKeys:
            f.lasti = pc - 1
            let r = try copyDictWithoutKeys(sp[-2], keys: sp[-1])
            sp[-1] = r
          }
        }
      } catch {
        // Find a handler in this frame, or leave it. `pc - 1` is always the
        // instruction that failed (a resumed generator's pc follows its yield).
        let lasti = pc - 1
        f.lasti = lasti
        if !reraising {
          attachContext(error)
          error.addTraceback(frame: f, lasti: lasti)
        }
        reraising = false
        if let h = code.handler(for: lasti) {
          let target = base + Int(h.depth)
          if sp > target {
            let n = sp - target
            sp = target
            sp.releaseValues(n)
          }
          if h.pushLasti {
            sp.initialize(to: .int(lasti))
            sp += 1
          }
          sp.initialize(to: .object(error))
          sp += 1
          pc = Int(h.handler)
          continue
        }
        let n = sp - base
        sp = base
        sp.releaseValues(n)
        f.stackDepth = 0
        f.suspended = false
        f.pc = pc
        throw error
      }
    }
  }

  private func unboundDeref(_ code: CodeObject, _ slot: Int) -> PyException {
    let i = slot - code.varnames.count
    if i < code.cellvars.count {
      return PyException.unboundLocal(code.cellvars[i].value)
    }
    let name = code.freevars[i - code.cellvars.count].value
    return PyException.nameError(
      "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
  }
}
