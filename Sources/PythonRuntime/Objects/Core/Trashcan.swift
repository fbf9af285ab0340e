#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Freeing deeply nested containers without deep native recursion (what
/// CPython calls the trashcan). Releasing a list frees its items, which
/// free theirs, and so on: a million nested lists or a long linked list of
/// objects would need a million native frames. Past `maxDepth` nested
/// frees, a container hands its items to a per-thread pending list instead;
/// the outermost free then releases that list item by item, each item
/// again at depth one.
enum Trashcan {
  static let maxDepth = 200

  final class State {
    var depth = 0
    var pending: ContiguousArray<Value> = []

    /// Releases the pending values (each may defer more) until none remain.
    func drain() {
      depth += 1
      while let v = pending.popLast() { _ = v }
      depth -= 1
    }
  }

  private static let key: pthread_key_t = {
    var k = pthread_key_t()
    pthread_key_create(&k) { raw in
      #if os(Linux)
      guard let raw else { return }
      #endif
      Unmanaged<State>.fromOpaque(raw).release()
    }
    return k
  }()

  /// This thread's state.
  @inline(__always) static var state: State {
    if let raw = pthread_getspecific(key) { return Unmanaged<State>.fromOpaque(raw).takeUnretainedValue() }
    let s = State()
    pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
    return s
  }

  /// Frees `items` (emptying it), deferring them when frees are nested deep.
  static func dispose(_ items: inout ContiguousArray<Value>) {
    let s = state
    if s.depth >= maxDepth {
      s.pending.append(contentsOf: items)
      items = []
      return
    }
    s.depth += 1
    items = []
    s.depth -= 1
    if s.depth == 0 && !s.pending.isEmpty { s.drain() }
  }

  /// `dispose` for storage that is not an array of values: `release`
  /// empties it, `defer` moves its values into the pending list.
  static func dispose(release: () -> Void, defer moveValues: (inout ContiguousArray<Value>) -> Void) {
    let s = state
    if s.depth >= maxDepth {
      moveValues(&s.pending)
      return
    }
    s.depth += 1
    release()
    s.depth -= 1
    if s.depth == 0 && !s.pending.isEmpty { s.drain() }
  }
}
