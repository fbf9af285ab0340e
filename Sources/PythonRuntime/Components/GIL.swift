#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The per-thread word the eval loop polls at backward jumps and calls.
/// Any set bit sends the thread into `ThreadState.handleEvalBreaker()`.
final class EvalBreaker: @unchecked Sendable {
  static let gilDropRequest: UInt32 = 1
  /// An asynchronous exception is pending (time limit, interpreter shutdown).
  static let asyncException: UInt32 = 2

  let bits = Atomic<UInt32>(0)

  @inline(__always) var isSet: Bool { bits.load(ordering: .relaxed) != 0 }
  func set(_ bit: UInt32) { bits.bitwiseOr(bit, ordering: .relaxed) }
  func clear(_ bit: UInt32) { bits.bitwiseAnd(~bit, ordering: .relaxed) }
  func has(_ bit: UInt32) -> Bool { bits.load(ordering: .relaxed) & bit != 0 }
}

/// A mutex and condition variable pair on stable heap memory.
final class PthreadCondition: @unchecked Sendable {
  let mutex: UnsafeMutablePointer<pthread_mutex_t>
  let cond: UnsafeMutablePointer<pthread_cond_t>

  init() {
    mutex = .allocate(capacity: 1)
    cond = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    var attr = pthread_condattr_t()
    pthread_condattr_init(&attr)
    #if os(Linux)
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
    #endif
    pthread_cond_init(cond, &attr)
    pthread_condattr_destroy(&attr)
  }

  deinit {
    pthread_cond_destroy(cond)
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
    cond.deallocate()
  }

  @inline(__always) func lock() { pthread_mutex_lock(mutex) }
  @inline(__always) func unlock() { pthread_mutex_unlock(mutex) }
  func signal() { pthread_cond_signal(cond) }
  func broadcast() { pthread_cond_broadcast(cond) }
  func wait() { pthread_cond_wait(cond, mutex) }

  /// Waits at most `seconds`; returns false on time-out.
  @discardableResult
  func wait(seconds: Double) -> Bool {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let whole = Int(seconds)
    var nsec = now.tv_nsec + Int((seconds - Double(whole)) * 1e9)
    var sec = now.tv_sec + whole
    if nsec >= 1_000_000_000 {
      sec += 1
      nsec -= 1_000_000_000
    }
    var deadline = timespec(tv_sec: sec, tv_nsec: nsec)
    #if os(Linux)
    return pthread_cond_timedwait(cond, mutex, &deadline) == 0
    #else
    return pthread_cond_timedwait_relative_np(cond, mutex, &deadline) == 0
    #endif
  }

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
}

/// Monotonic clock in seconds.
func monotonicNow() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The global interpreter lock of one interpreter (CPython >= 3.12 gives every
/// isolated interpreter its own).
///
/// Threads of the interpreter take turns: a thread that wants the GIL waits
/// in slices of the switch interval; when a slice passes without any hand-off
/// it sets the holder's drop request, which the holder's eval loop sees at
/// its next backward jump or call. The holder then releases the GIL and — the
/// "forced switching" rule — waits until another thread has actually taken
/// it, so on a multi-core machine it cannot win it straight back.
final class GIL: @unchecked Sendable {
  /// Guards every field; `state.cond` signals "the GIL was released".
  private let state = PthreadCondition()
  /// Signalled (under `state.mutex`) when a thread takes the GIL.
  private let switchCond: UnsafeMutablePointer<pthread_cond_t>
  private var locked = false
  private var holder: ThreadState? = nil
  private var switchNumber: UInt64 = 0
  private var waiters = 0
  /// Seconds; `sys.setswitchinterval` changes it for this interpreter only.
  private(set) var interval: Double = 0.005

  init() {
    switchCond = .allocate(capacity: 1)
    pthread_cond_init(switchCond, nil)
  }

  deinit {
    pthread_cond_destroy(switchCond)
    switchCond.deallocate()
  }

  func setInterval(_ seconds: Double) {
    state.withLock { interval = seconds }
  }

  func isHeld(by ts: ThreadState) -> Bool { state.withLock { locked && holder === ts } }

  /// Takes the GIL for `ts`, blocking while another thread holds it.
  func acquire(_ ts: ThreadState) {
    state.lock()
    if locked {
      waiters += 1
      while locked {
        let seen = switchNumber
        if !state.wait(seconds: max(interval, 0.000_001)) {
          // A whole interval passed with no hand-off: ask the holder to drop it.
          if locked && switchNumber == seen, let h = holder {
            h.breaker.set(EvalBreaker.gilDropRequest)
          }
        }
      }
      waiters -= 1
    }
    locked = true
    if holder !== ts { switchNumber &+= 1 }
    holder = ts
    ts.breaker.clear(EvalBreaker.gilDropRequest)
    pthread_cond_broadcast(switchCond)
    state.unlock()
  }

  /// Takes the GIL if it can within `timeout` seconds (used by observers
  /// such as the time-out reporter, never by Python threads).
  func tryAcquire(_ ts: ThreadState, timeout: Double) -> Bool {
    state.lock()
    defer { state.unlock() }
    let deadline = monotonicNow() + timeout
    if locked {
      waiters += 1
      defer { waiters -= 1 }
      while locked {
        let left = deadline - monotonicNow()
        if left <= 0 { return false }
        let seen = switchNumber
        if !state.wait(seconds: min(interval, left)) {
          if locked && switchNumber == seen, let h = holder { h.breaker.set(EvalBreaker.gilDropRequest) }
        }
      }
    }
    locked = true
    if holder !== ts { switchNumber &+= 1 }
    holder = ts
    pthread_cond_broadcast(switchCond)
    return true
  }

  /// Releases the GIL. With `forceSwitch` (a drop request is being honoured)
  /// and other threads waiting, blocks until one of them has taken it.
  func release(_ ts: ThreadState, forceSwitch: Bool = false) {
    state.lock()
    locked = false
    holder = nil
    let before = switchNumber
    state.signal()
    if forceSwitch {
      while waiters > 0 && switchNumber == before && !locked {
        pthread_cond_wait(switchCond, state.mutex)
      }
    }
    state.unlock()
  }

  /// Honours a drop request: release, let another thread run, take it back.
  func yieldToWaiters(_ ts: ThreadState) {
    release(ts, forceSwitch: true)
    acquire(ts)
  }
}
