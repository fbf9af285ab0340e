/// A Python function: code plus the environment it closes over.
final class PyFunction: PyObject {
  var code: CodeObject
  let globals: PyDict
  /// The builtins dict seen by this function (from `globals['__builtins__']`
  /// at creation, as CPython does).
  let builtins: PyDict
  var name: String
  var qualname: String
  var defaults: [Value]
  var kwdefaults: PyDict?
  let closure: [PyCell]
  var annotations: PyDict?
  var doc: Value
  var module: Value

  init(code: CodeObject, globals: PyDict, builtins: PyDict, closure: [PyCell] = [],
       defaults: [Value] = [], kwdefaults: PyDict? = nil) {
    self.code = code
    self.globals = globals
    self.builtins = builtins
    self.name = code.name
    self.qualname = code.qualname
    self.defaults = defaults
    self.kwdefaults = kwdefaults
    self.closure = closure
    self.doc = code.docstring.map { Value($0) } ?? .none
    self.module = globals.getStr(names.__name__) ?? .none
    super.init(type: PyType.function, kind: .function)
  }
}

/// The arguments of a call as the callee sees them: positional values
/// followed by keyword values, with the keyword names alongside (CPython's
/// vectorcall layout). The storage belongs to the caller — usually the
/// caller's value stack — and is only valid during the call.
struct Args {
  let base: UnsafePointer<Value>
  /// Number of positional arguments.
  let count: Int
  /// Names of the keyword arguments whose values follow the positional ones.
  let kwnames: PyTuple?

  @inline(__always) subscript(i: Int) -> Value { base[i] }

  var kwCount: Int { kwnames?.count ?? 0 }
  var hasKeywords: Bool { kwnames != nil && kwnames!.count > 0 }

  var positional: UnsafeBufferPointer<Value> { UnsafeBufferPointer(start: base, count: count) }

  /// The keyword (name, value) pairs.
  var keywords: [(PyStr, Value)] {
    guard let kw = kwnames else { return [] }
    return (0..<kw.count).map { (unsafeDowncast(kw.items[$0].asObject!, to: PyStr.self), base[count + $0]) }
  }

  /// The value of keyword argument `name`, if given.
  func keyword(_ name: String) -> Value? {
    guard let kw = kwnames else { return nil }
    for i in 0..<kw.count where kw.items[i].exactStr?.value == name { return base[count + i] }
    return nil
  }

  /// Arguments without the first positional one (bound `self`).
  var droppingFirst: Args { Args(base: base + 1, count: count - 1, kwnames: kwnames) }
}

/// A Swift implementation of a callable: receives the thread and arguments.
typealias NativeFunction = (ThreadState, Args) throws(PyException) -> Value

/// A builtin function (`len`, `math.sqrt`), optionally bound to a module or object.
final class PyBuiltinFunction: PyObject {
  let name: String
  let qualname: String
  let fn: NativeFunction
  let doc: String?
  /// `__self__`: the module for module functions, the object for bound builtins.
  let selfObject: Value

  init(name: String, qualname: String? = nil, doc: String? = nil, selfObject: Value = .none,
       _ fn: @escaping NativeFunction) {
    self.name = name
    self.qualname = qualname ?? name
    self.fn = fn
    self.doc = doc
    self.selfObject = selfObject
    super.init(type: PyType.builtinFunction, kind: .builtinFunction)
  }
}

/// An unbound method of a builtin type (`list.append`); `args[0]` is self.
final class PyMethodDescriptor: PyObject {
  let name: String
  unowned(unsafe) let owner: PyType
  let fn: NativeFunction
  let doc: String?

  init(name: String, owner: PyType, doc: String? = nil, _ fn: @escaping NativeFunction) {
    self.name = name
    self.owner = owner
    self.fn = fn
    self.doc = doc
    super.init(type: PyType.methodDescriptor, kind: .methodDescriptor)
  }
}

/// A builtin class method (`dict.fromkeys`); receives the class as `args[0]`.
final class PyClassMethodDescriptor: PyObject {
  let name: String
  unowned(unsafe) let owner: PyType
  let fn: NativeFunction

  init(name: String, owner: PyType, _ fn: @escaping NativeFunction) {
    self.name = name
    self.owner = owner
    self.fn = fn
    super.init(type: PyType.classMethodDescriptor, kind: .other)
  }
}

/// A computed attribute of a builtin type (`function.__name__`, `exc.args`).
final class PyGetSetDescriptor: PyObject {
  let name: String
  unowned(unsafe) let owner: PyType
  let getter: (ThreadState, Value) throws(PyException) -> Value
  let setter: ((ThreadState, Value, Value?) throws(PyException) -> Void)?

  init(name: String, owner: PyType,
       get: @escaping (ThreadState, Value) throws(PyException) -> Value,
       set: ((ThreadState, Value, Value?) throws(PyException) -> Void)? = nil) {
    self.name = name
    self.owner = owner
    self.getter = get
    self.setter = set
    super.init(type: PyType.getSetDescriptor, kind: .other)
  }
}

/// A `__slots__` member of a user class.
final class PySlotDescriptor: PyObject {
  let name: String
  let index: Int
  unowned(unsafe) let owner: PyType

  init(name: String, index: Int, owner: PyType) {
    self.name = name
    self.index = index
    self.owner = owner
    super.init(type: PyType.memberDescriptor, kind: .other)
  }
}

/// A function bound to an instance (`obj.method`).
final class PyBoundMethod: PyObject {
  let function: Value
  let selfValue: Value

  init(function: Value, selfValue: Value) {
    self.function = function
    self.selfValue = selfValue
    super.init(type: PyType.method, kind: .boundMethod)
  }
}

/// `staticmethod(f)`.
final class PyStaticMethod: PyObject {
  var function: Value
  init(_ function: Value, type: PyType = PyType.staticmethod) {
    self.function = function
    super.init(type: type, kind: .staticMethod)
    self.dict = PyDict()
  }
}

/// `classmethod(f)`.
final class PyClassMethod: PyObject {
  var function: Value
  init(_ function: Value, type: PyType = PyType.classmethod) {
    self.function = function
    super.init(type: type, kind: .classMethod)
    self.dict = PyDict()
  }
}

/// `property(fget, fset, fdel, doc)`.
final class PyProperty: PyObject {
  var fget: Value
  var fset: Value
  var fdel: Value
  var doc: Value
  var name: Value = .none

  init(fget: Value, fset: Value, fdel: Value, doc: Value, type: PyType = PyType.property) {
    self.fget = fget
    self.fset = fset
    self.fdel = fdel
    self.doc = doc
    super.init(type: type, kind: .property)
    if type.isHeapType { self.dict = PyDict() }
  }
}
