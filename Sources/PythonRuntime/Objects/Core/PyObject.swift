/// The storage classes the VM recognises without a dynamic cast.
///
/// `kind` names the *exact* builtin type of an object. An instance of a
/// user-defined class — including a subclass of a builtin such as
/// `class Stack(list)` — has kind `.instance`, so a `kind == .list` test is
/// both a type test and a guarantee that no Python-level override exists.
enum ObjKind: UInt8 {
  case other
  case instance
  case str
  case bytes
  case bytearray
  case list
  case tuple
  case dict
  case set
  case frozenset
  case long
  case function
  case builtinFunction
  case methodDescriptor
  case boundMethod
  case type
  case module
  case code
  case cell
  case generator
  case range
  case rangeIterator
  case listIterator
  case tupleIterator
  case slice
  case exception
  case property
  case staticMethod
  case classMethod
  case notImplemented
  case ellipsis
}

/// Base class of every heap-allocated Python object.
///
/// `type` is read on nearly every operation, so it is stored unmanaged (no
/// reference counting of its own). Builtin types are immortal; an object of
/// a user-defined class additionally keeps its class alive through `heapType`.
class PyObject {
  /// Stored unmanaged: hot paths compare and borrow it through `typeRef`
  /// without reference counting; `type` is the convenient form.
  final var typeRef: Unmanaged<PyType>?
  final var type: PyType! {
    @inline(__always) get { typeRef?.takeUnretainedValue() }
    @inline(__always) set { typeRef = newValue.map { Unmanaged.passUnretained($0) } }
  }
  /// Strong reference to the type when it is a heap (user-defined) type.
  final var heapType: PyType?
  final let kind: ObjKind
  /// The instance `__dict__`, when the object has one.
  final var dict: PyDict?

  init(type: PyType, kind: ObjKind) {
    if type.isHeapType {
      self.heapType = type
      self.kind = .instance
      // Subclasses of immutable builtins (int, str, tuple, ...) are built by the
      // base's __new__; they still get an instance __dict__.
      if type.storage == .immutable && type.hasInstanceDict { self.dict = PyDict() }
    } else {
      self.kind = kind
    }
    self.type = type
  }

  /// Only for bootstrapping the first type objects, whose `type` is patched later.
  init(bootstrapKind kind: ObjKind) {
    self.kind = kind
    self.type = nil
  }

  /// Changes the class of the object (`obj.__class__ = Other`).
  final func setType(_ t: PyType) {
    heapType = t.isHeapType ? t : nil
    type = t
  }
}

/// The singletons `NotImplemented` and `Ellipsis`.
final class PySingleton: PyObject {
  let name: String
  init(type: PyType, kind: ObjKind, name: String) {
    self.name = name
    super.init(type: type, kind: kind)
  }
  static let notImplemented = PySingleton(type: PyType.notImplementedType, kind: .notImplemented, name: "NotImplemented")
  static let ellipsis = PySingleton(type: PyType.ellipsisType, kind: .ellipsis, name: "Ellipsis")
}

extension Value {
  static var notImplemented: Value { .object(PySingleton.notImplemented) }
  static var ellipsis: Value { .object(PySingleton.ellipsis) }
  @inline(__always) var isNotImplemented: Bool {
    if case .object(let o) = self { return o.kind == .notImplemented }
    return false
  }
}

/// An instance of a user-defined class that does not extend a builtin with
/// special storage. Attributes live in `dict` (or in `slots` with `__slots__`).
final class PyInstance: PyObject {
  /// Values of `__slots__` members, indexed by the slot descriptor.
  var slots: [Value?] = []

  deinit {
    if slots.isEmpty { return }
    Trashcan.dispose(release: { slots = [] }, defer: { pending in
      for case let v? in slots { pending.append(v) }
      slots = []
    })
  }

  init(type: PyType) {
    super.init(type: type, kind: .instance)
    if type.hasInstanceDict { dict = PyDict() }
    if type.slotCount > 0 { slots = Array(repeating: nil, count: type.slotCount) }
  }
}
