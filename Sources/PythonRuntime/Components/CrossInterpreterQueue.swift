import Synchronization

/// What happens to a queued item when the interpreter that put it is
/// destroyed (CPython's "unbound" ops).
enum UnboundOp: Int {
  /// The item is removed at once.
  case remove = 1
  /// The item stays; `get()` raises ItemInterpreterDestroyed.
  case error = 2
  /// The item stays; `get()` returns the UNBOUND sentinel.
  case replace = 3
}

/// A FIFO of `SharedData` that lives outside every interpreter and every
/// GIL. Blocking waits happen here without holding any GIL.
final class CrossInterpreterQueue: @unchecked Sendable {
  struct Item {
    /// nil once the owning interpreter is destroyed.
    var data: SharedData?
    let owner: Int
    let unbound: UnboundOp
  }

  let id: Int
  let maxsize: Int
  let defaultUnbound: UnboundOp
  let cond = PthreadCondition()
  var items: [Item] = []
  /// Bound `Queue` objects and in-flight references.
  var refs = 0

  init(id: Int, maxsize: Int, unbound: UnboundOp) {
    self.id = id
    self.maxsize = maxsize
    self.defaultUnbound = unbound
  }

  var isFull: Bool { maxsize > 0 && items.count >= maxsize }
}

/// The runtime-wide registry of cross-interpreter queues (ids from 1).
final class QueueRegistry: @unchecked Sendable {
  private let state = Mutex<(next: Int, queues: [Int: CrossInterpreterQueue])>((1, [:]))

  func create(maxsize: Int, unbound: UnboundOp) -> Int {
    state.withLock { s in
      let id = s.next
      s.next += 1
      s.queues[id] = CrossInterpreterQueue(id: id, maxsize: maxsize, unbound: unbound)
      return id
    }
  }

  func queue(_ id: Int) -> CrossInterpreterQueue? { state.withLock { $0.queues[id] } }

  var allQueues: [CrossInterpreterQueue] { state.withLock { Array($0.queues.values).sorted { $0.id < $1.id } } }

  func bind(_ id: Int) -> Bool {
    guard let q = queue(id) else { return false }
    q.cond.withLock { q.refs += 1 }
    return true
  }

  /// Drops one reference; the queue and its items go away with the last one.
  func release(_ id: Int) {
    guard let q = queue(id) else { return }
    var dropped: [CrossInterpreterQueue.Item] = []
    let last: Bool = q.cond.withLock {
      q.refs -= 1
      if q.refs <= 0 {
        dropped = q.items
        q.items = []
        return true
      }
      return false
    }
    if last { _ = state.withLock { $0.queues.removeValue(forKey: id) } }
    dropped.removeAll()
  }

  /// Called when an interpreter is destroyed: its items become unbound.
  func interpreterDestroyed(_ interpID: Int) {
    for q in allQueues {
      var dropped: [SharedData] = []
      q.cond.withLock {
        var kept: [CrossInterpreterQueue.Item] = []
        for item in q.items {
          guard item.owner == interpID else {
            kept.append(item)
            continue
          }
          if let d = item.data { dropped.append(d) }
          switch item.unbound {
          case .remove: continue
          case .error, .replace: kept.append(CrossInterpreterQueue.Item(data: nil, owner: item.owner, unbound: item.unbound))
          }
        }
        q.items = kept
        q.cond.broadcast()
      }
      dropped.removeAll()
    }
  }
}

/// Keeps a queue alive while a reference to it is in transit.
final class QueueBinding: @unchecked Sendable {
  let registry: QueueRegistry
  let id: Int
  init(_ registry: QueueRegistry, _ id: Int) {
    self.registry = registry
    self.id = id
    _ = registry.bind(id)
  }
  deinit { registry.release(id) }
}
