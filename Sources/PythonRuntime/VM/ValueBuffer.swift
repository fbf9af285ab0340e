/// Element-wise operations on raw `Value` memory (frame slots, the value
/// stack, argument buffers).
///
/// The standard `initialize(from:count:)`, `deinitialize(count:)` and
/// `initialize(repeating:count:)` go through the Swift runtime's generic
/// array entry points, which call the enum's value witnesses once per
/// element. For the short runs the eval loop deals with (a call's arguments,
/// a few stack slots) a plain loop, which the compiler specialises for
/// `Value`, is several times cheaper.
extension UnsafeMutablePointer where Pointee == Value {
  @inline(__always)
  func releaseValues(_ count: Int) {
    var i = 0
    while i < count {
      _ = (self + i).move()
      i += 1
    }
  }

  @inline(__always)
  func copyValues(from source: UnsafePointer<Value>, _ count: Int) {
    var i = 0
    while i < count {
      (self + i).initialize(to: source[i])
      i += 1
    }
  }

  @inline(__always)
  func fillNull(_ count: Int) {
    var i = 0
    while i < count {
      (self + i).initialize(to: .null)
      i += 1
    }
  }

  /// Replaces `count` values with `.null`, releasing the old ones.
  @inline(__always)
  func resetToNull(_ count: Int) {
    var i = 0
    while i < count {
      (self + i).pointee = .null
      i += 1
    }
  }
}
