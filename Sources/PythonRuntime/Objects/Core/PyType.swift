/// How instances of a type are stored in Swift. A user-defined class inherits
/// the storage of its "solid" base, so `class Stack(list)` makes `PyList`s.
enum InstanceStorage: Equatable {
  case object      // PyInstance
  case list        // PyList
  case dict        // PyDict
  case set         // PySet
  case exception   // PyException
  case type        // PyType (metaclasses)
  case module      // PyModule
  case immutable   // built by the base's __new__ (int, float, str, tuple, bytes, frozenset)
  case none        // cannot be instantiated from Python (function, code, ...)
}

/// A Python type object (`type` instance).
///
/// Builtin types are created once per process, shared by every interpreter and
/// never mutated after bootstrap; their `resolved` table holds own and
/// inherited attributes so a lookup is one probe and never writes. Heap types
/// (classes made by `class` statements) belong to one interpreter, are only
/// touched under its GIL, and cache their MRO lookups in `lookupCache`.
final class PyType: PyObject {
  var name: String
  var qualname: String
  /// `__module__` of builtin types (heap types keep it in their dict).
  var builtinModule: String
  var bases: [PyType]
  /// The primary base (`__base__`): the first base, or `object`.
  var base: PyType?
  var mro: [PyType] = []
  let isHeapType: Bool
  var storage: InstanceStorage
  /// Instances get a `__dict__` (false for builtins and for classes whose
  /// whole hierarchy declares `__slots__`).
  var hasInstanceDict: Bool
  /// Whether this class (or a base) added a `__weakref__` slot.
  var providesWeakref = false
  /// Number of `__slots__` members over the whole hierarchy.
  var slotCount: Int = 0
  /// Whether Python code may subclass this type.
  var isBaseType: Bool = true
  /// For builtin types: own plus inherited attributes, resolved along the MRO.
  var resolved: PyDict?
  /// For heap types: name → result of the last MRO lookup (nil = not found).
  var lookupCache: [ObjectIdentifier: Value?] = [:]
  /// Heap subclasses, for cache invalidation when an attribute changes.
  var subclassRefs: [WeakType] = []
  /// Bumped whenever this type or a base changes; inline caches compare it.
  var version: Int = 0
  /// `__doc__` of builtin types.
  var doc: String?
  /// Set for exception types: the Swift factory of their instances' extra behaviour.
  var isExceptionType: Bool = false
  /// For builtin types: how calling the exact type constructs a value
  /// (skipping the `__new__`/`__init__` protocol, which subclasses use).
  var directCall: ((ThreadState, PyType, Args) throws(PyException) -> Value)?
  /// Names of abstract methods not yet implemented (ABCs).
  var abstractMethodNames: [String] = []
  var isAbstractClass: Bool { !abstractMethodNames.isEmpty }
  /// Some class in the MRO overrides `__getattribute__`.
  var hasCustomGetAttribute = false
  /// Some class in the MRO overrides `__setattr__` or `__delattr__`.
  var hasCustomSetAttr = false

  /// Creates a builtin type. `metatype` is nil only while bootstrapping.
  init(builtin name: String, base: PyType?, module: String = "builtins", storage: InstanceStorage,
       metatype: PyType?) {
    self.name = name
    self.qualname = name
    self.builtinModule = module
    self.base = base
    self.bases = base.map { [$0] } ?? []
    self.isHeapType = false
    self.storage = storage
    self.hasInstanceDict = false
    if let metatype {
      super.init(type: metatype, kind: .type)
      self.dict = PyDict()
    } else {
      super.init(bootstrapKind: .type)
    }
    self.mro = [self] + (base?.mro ?? [])
    self.isExceptionType = base?.isExceptionType ?? false
  }

  /// Creates a heap type (a class statement or a three-argument `type(...)` call).
  init(heap name: String, qualname: String, bases: [PyType], metatype: PyType, dict: PyDict) {
    self.name = name
    self.qualname = qualname
    self.builtinModule = ""
    self.bases = bases
    self.base = bases.first
    self.isHeapType = true
    self.storage = bases.first?.storage ?? .object
    self.hasInstanceDict = true
    super.init(type: metatype, kind: .type)
    self.dict = dict
    self.isExceptionType = bases.contains { $0.isExceptionType }
  }

  var attributes: PyDict { dict.unsafelyUnwrapped }

  /// `module.qualname` as `repr(cls)` and error messages show it.
  var moduleName: String {
    if !isHeapType { return builtinModule }
    if let m = attributes.getStr(names.__module__), let s = m.exactStr { return s.value }
    return "builtins"
  }

  var fullName: String {
    let m = moduleName
    return m == "builtins" ? qualname : "\(m).\(qualname)"
  }

  // MARK: Lookup

  /// Finds `name` along the MRO without invoking descriptors (`_PyType_Lookup`).
  @inline(__always)
  func lookup(_ name: PyStr) -> Value? {
    if let resolved { return resolved.getStr(name) }
    return lookupHeap(name)
  }

  private func lookupHeap(_ name: PyStr) -> Value? {
    let key = ObjectIdentifier(name)
    if name.isInterned, let hit = lookupCache[key] { return hit }
    var found: Value? = nil
    for t in mro {
      if let v = t.attributes.getStr(name) {
        found = v
        break
      }
    }
    if name.isInterned { lookupCache[key] = found }
    return found
  }

  /// Recomputes the flags that depend on which dunders the MRO defines.
  func refreshSpecialFlags() {
    hasCustomGetAttribute = mro.contains { $0.isHeapType && $0.attributes.getStr(names.__getattribute__) != nil }
    hasCustomSetAttr = mro.contains {
      $0.isHeapType && ($0.attributes.getStr(names.__setattr__) != nil || $0.attributes.getStr(names.__delattr__) != nil)
    }
  }

  /// Called after an attribute of this (heap) type was set or deleted.
  func noteAttributeChanged(_ name: PyStr) {
    invalidateCaches()
    if name.value.hasPrefix("__") {
      refreshSpecialFlags()
      subclassRefs.removeAll { $0.type == nil }
      for ref in subclassRefs { ref.type?.refreshSpecialFlags() }
    }
  }

  /// Called after any change to this type's dict or bases.
  func invalidateCaches() {
    lookupCache.removeAll(keepingCapacity: true)
    version &+= 1
    subclassRefs.removeAll { $0.type == nil }
    for ref in subclassRefs { ref.type?.invalidateCaches() }
  }

  func isSubtype(of other: PyType) -> Bool {
    if self === other { return true }
    for t in mro where t === other { return true }
    return false
  }

  /// Builtin types: freezes the type by resolving inherited attributes.
  func finishBuiltin() {
    let table = PyDict()
    for t in mro.reversed() {
      for (k, v) in t.attributes.storageItems() {
        if let name = k.exactStr { table.setStr(name, v) }
      }
    }
    resolved = table
  }
}

/// A weak reference to a type, for subclass lists.
struct WeakType {
  weak var type: PyType?
}

// MARK: - C3 linearisation

extension PyType {
  /// Computes the method resolution order of a class from its bases (C3).
  static func computeMRO(for cls: PyType, bases: [PyType]) throws(PyException) -> [PyType] {
    var sequences: [[PyType]] = bases.map { $0.mro } + [bases]
    var result: [PyType] = [cls]
    while true {
      sequences.removeAll { $0.isEmpty }
      if sequences.isEmpty { return result }
      var candidate: PyType? = nil
      for seq in sequences {
        let head = seq[0]
        let inTail = sequences.contains { s in s.dropFirst().contains { $0 === head } }
        if !inTail {
          candidate = head
          break
        }
      }
      guard let next = candidate else {
        // CPython lists the bases that could not be ordered.
        var seen: [PyType] = []
        for seq in sequences where !seen.contains(where: { $0 === seq[0] }) { seen.append(seq[0]) }
        let names = seen.map { $0.name }.joined(separator: ", ")
        throw PyException.make(.typeError,
          "Cannot create a consistent method resolution order (MRO) for bases \(names)")
      }
      result.append(next)
      for i in sequences.indices where sequences[i].first === next { sequences[i].removeFirst() }
    }
  }
}
