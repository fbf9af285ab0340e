#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Native threads for Python threads. Each gets a large stack (reserved,
/// not committed) so that deep Python recursion ends in RecursionError long
/// before the native stack runs out.
enum OSThread {
  /// Stack size of every thread that runs Python code.
  static let pythonStackSize = 256 * 1024 * 1024

  private final class Box {
    let body: (UInt) -> Void
    let stackSize: Int
    init(_ body: @escaping (UInt) -> Void, stackSize: Int) {
      self.body = body
      self.stackSize = stackSize
    }

    /// Runs the body with the lowest safe stack address of this thread.
    func run() {
      var marker: UInt8 = 0
      let top = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
      let reserve = UInt(min(1 << 20, stackSize / 8))
      body(top - UInt(stackSize) + reserve)
    }
  }

  /// Starts `body` on a new detached thread; returns false if the OS refused.
  @discardableResult
  static func start(name: String, stackSize: Int = pythonStackSize, _ body: @escaping (_ stackLimit: UInt) -> Void) -> Bool {
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    pthread_attr_setstacksize(&attr, stackSize)
    pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED))
    let box = Unmanaged.passRetained(Box(body, stackSize: stackSize)).toOpaque()
    #if os(Linux)
    var tid = pthread_t()
    let rc = pthread_create(&tid, &attr, { raw in
      let b = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
      b.run()
      return nil
    }, box)
    #else
    var tid: pthread_t? = nil
    let rc = pthread_create(&tid, &attr, { raw in
      let b = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
      b.run()
      return nil
    }, box)
    #endif
    if rc != 0 {
      Unmanaged<Box>.fromOpaque(box).release()
      return false
    }
    return true
  }

  /// The kernel thread id (`threading.get_native_id()`).
  static func nativeID() -> Int {
    #if os(Linux)
    return Int(c_gettid())
    #else
    var tid: UInt64 = 0
    pthread_threadid_np(nil, &tid)
    return Int(tid)
    #endif
  }
}

/// A one-shot completion signal between OS threads.
final class Completion<T>: @unchecked Sendable {
  private let cond = PthreadCondition()
  private var value: T?

  func complete(_ v: T) {
    cond.withLock {
      value = v
      cond.broadcast()
    }
  }

  /// Waits up to `timeout` seconds (forever when nil); nil on time-out.
  func wait(timeout: Double?) -> T? {
    cond.lock()
    defer { cond.unlock() }
    guard let t = timeout else {
      while value == nil { cond.wait() }
      return value
    }
    let deadline = monotonicNow() + t
    while value == nil {
      let left = deadline - monotonicNow()
      if left <= 0 { break }
      cond.wait(seconds: left)
    }
    return value
  }
}

#if os(Linux)
@_silgen_name("gettid")
private func c_gettid() -> Int32
#endif
