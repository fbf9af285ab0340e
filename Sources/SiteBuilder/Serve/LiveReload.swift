import Foundation
import FlyingFox
import FlyingSocks

/// Server-Sent Events to open browser tabs: `reload` after a good rebuild,
/// `failed` (with the failure report) after a bad one, `ok` when a failure is fixed
/// without a content change. Every new connection first gets the current state.
public final class LiveReloadHub: @unchecked Sendable {
  private let lock = NSLock()
  private var clients: [UUID: AsyncStream<Data>.Continuation] = [:]
  private var currentState: Data = LiveReloadHub.event("ok", "")

  public init() {}

  public var clientCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return clients.count
  }

  static func event(_ name: String, _ data: String) -> Data {
    var text = "event: \(name)\n"
    for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
    return Data((text + "\n").utf8)
  }

  public func broadcastReload() { broadcast(Self.event("reload", ""), state: Self.event("ok", "")) }

  public func broadcastFailure(_ report: String) {
    let event = Self.event("failed", report)
    broadcast(event, state: event)
  }

  private func broadcast(_ event: Data, state: Data) {
    lock.lock()
    currentState = state
    let targets = Array(clients.values)
    lock.unlock()
    for client in targets { client.yield(event) }
  }

  /// A new event stream; it starts with the current state and a comment
  /// every 15 s keeps it alive (and finds closed tabs).
  public func subscribe() -> HTTPBodySequence {
    let id = UUID()
    let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(16))
    lock.lock()
    clients[id] = continuation
    let state = currentState
    lock.unlock()
    continuation.yield(Data("retry: 500\n\n".utf8))
    continuation.yield(state)
    let keepAlive = Task {
      while !Task.isCancelled {
        try? await Task.sleep(nanoseconds: 15_000_000_000)
        continuation.yield(Data(": keep-alive\n\n".utf8))
      }
    }
    continuation.onTermination = { [weak self] _ in
      keepAlive.cancel()
      self?.remove(id)
    }
    return HTTPBodySequence(from: EventStreamBytes(stream: stream, onEnd: { [weak self] in self?.remove(id) }))
  }

  private func remove(_ id: UUID) {
    lock.lock()
    let client = clients.removeValue(forKey: id)
    lock.unlock()
    client?.finish()
  }

  /// Ends every stream (on shutdown).
  public func closeAll() {
    lock.lock()
    let all = clients
    clients = [:]
    lock.unlock()
    for client in all.values { client.finish() }
  }
}

/// Adapts an `AsyncStream<Data>` to the byte sequence FlyingFox streams as a
/// chunked response body.
struct EventStreamBytes: AsyncBufferedSequence, Sendable {
  typealias Element = UInt8
  let stream: AsyncStream<Data>
  let onEnd: @Sendable () -> Void

  func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator(), onEnd: onEnd) }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var base: AsyncStream<Data>.Iterator
    let onEnd: @Sendable () -> Void
    var pending: [UInt8] = []

    mutating func next() async throws -> UInt8? {
      guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
      return buffer.first
    }

    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
      while pending.isEmpty {
        guard let data = await base.next() else {
          onEnd()
          return nil
        }
        pending = Array(data)
      }
      let size = Swift.max(1, Swift.min(count, pending.count))
      let chunk = Array(pending.prefix(size))
      pending.removeFirst(size)
      return chunk
    }
  }
}
