import Synchronization

/// The process-wide registry of cross-interpreter queues (ids from 1).
final class QueueRegistry: @unchecked Sendable {
  private let state = Mutex<(next: Int, queues: [Int: AnyObject])>((1, [:]))

  func allocateID() -> Int {
    state.withLock { s in
      let id = s.next
      s.next += 1
      return id
    }
  }
}
