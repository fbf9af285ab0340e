/// An immutable `bytes` object.
final class PyBytes: PyObject {
  let bytes: [UInt8]
  private var cachedHash: Int? = nil

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    super.init(type: PyType.bytes, kind: .bytes)
  }

  init(_ bytes: [UInt8], type: PyType) {
    self.bytes = bytes
    super.init(type: type, kind: .bytes)
  }

  var hash: Int {
    if let h = cachedHash { return h }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    h ^= h >> 31
    var r = Int(bitPattern: UInt(h))
    if r == -1 { r = -2 }
    cachedHash = r
    return r
  }
}

/// A mutable `bytearray`. Its bytes live in a `SharedBuffer`, so every
/// memoryview over it — in this interpreter or, sent through
/// `concurrent.interpreters`, in another — reads and writes the same memory.
final class PyByteArray: PyObject {
  let storage: SharedBuffer

  var bytes: [UInt8] {
    @inline(__always) get { storage.bytes }
    set { storage.bytes = newValue }
    _modify { yield &storage.bytes }
  }

  init(_ bytes: [UInt8]) {
    self.storage = SharedBuffer(bytes, readonly: false)
    super.init(type: PyType.bytearray, kind: .bytearray)
  }

  init(type: PyType) {
    self.storage = SharedBuffer([], readonly: false)
    super.init(type: type, kind: .bytearray)
  }
}

/// Memory shared by memoryviews, possibly across interpreters. Like
/// CPython's buffers, there is no lock: interpreters writing the same bytes
/// at the same time must coordinate (through a queue, say).
final class SharedBuffer: @unchecked Sendable {
  var bytes: [UInt8]
  let readonly: Bool
  init(_ bytes: [UInt8], readonly: Bool) {
    self.bytes = bytes
    self.readonly = readonly
  }
}

/// A `memoryview` over bytes, a bytearray or a shared buffer.
final class PyMemoryView: PyObject {
  /// The exporting object when it lives in this interpreter (`obj`).
  let source: PyObject?
  /// The memory itself for mutable exporters and views received from
  /// another interpreter; nil for a view over immutable `bytes`.
  let shared: SharedBuffer?
  let start: Int
  let length: Int
  var released = false

  init(source: PyObject) {
    self.source = source
    self.shared = (source as? PyByteArray)?.storage
    self.start = 0
    self.length = (source as? PyBytes)?.bytes.count ?? (source as? PyByteArray)?.bytes.count ?? 0
    super.init(type: PyType.memoryview, kind: .other)
  }

  init(shared: SharedBuffer, source: PyObject? = nil, start: Int = 0, length: Int? = nil) {
    self.source = source
    self.shared = shared
    self.start = start
    self.length = length ?? shared.bytes.count
    super.init(type: PyType.memoryview, kind: .other)
  }

  var readonly: Bool {
    if let s = shared { return s.readonly }
    return !(source is PyByteArray)
  }

  /// The viewed bytes (clamped if the exporter shrank since).
  var bytes: [UInt8] {
    let all: [UInt8]
    if let s = shared { all = s.bytes } else if let b = source as? PyBytes { all = b.bytes } else { return [] }
    let lo = min(start, all.count)
    return Array(all[lo..<min(start + length, all.count)])
  }

  func setByte(_ i: Int, _ v: UInt8) {
    guard let s = shared, start + i < s.bytes.count else { return }
    s.bytes[start + i] = v
  }
}

/// A module object.
final class PyModule: PyObject {
  let name: String

  init(name: String, interp: Interpreter? = nil, type: PyType = PyType.module) {
    self.name = name
    super.init(type: type, kind: .module)
    let d = PyDict()
    d.setStr(names.__name__, Value(name))
    self.dict = d
  }

  var attributes: PyDict { dict.unsafelyUnwrapped }

  /// Adds a builtin function to the module.
  func addFunction(_ name: String, doc: String? = nil, _ fn: @escaping NativeFunction) {
    attributes.setStr(intern(name), .object(PyBuiltinFunction(name: name, doc: doc, selfObject: .object(self), fn)))
  }

  func add(_ name: String, _ value: Value) { attributes.setStr(intern(name), value) }
}
