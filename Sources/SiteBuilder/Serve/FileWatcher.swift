import Foundation

/// Watches folders by polling modification times and sizes: simple, and
/// robust across editors that save by rename, network file systems and
/// containers where inotify events go missing.
public struct FolderSnapshot: Equatable, Sendable {
  public struct Stamp: Equatable, Sendable {
    public var modified: Date
    public var size: Int
  }

  /// Path (relative to the watched folder it came from, prefixed with the
  /// folder's index) → stamp.
  public var stamps: [String: Stamp]

  public static func take(_ folders: [URL]) -> FolderSnapshot {
    var stamps: [String: Stamp] = [:]
    for (index, folder) in folders.enumerated() {
      // Plain stat(2) calls: polling runs several times a second, and
      // URL resource values cost far more.
      guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
      for case let relative as String in enumerator {
        if relative.hasPrefix(".") || relative.contains("/.") {
          continue
        }
        var info = stat()
        guard stat(folder.path + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        stamps["\(index):/\(relative)"] = Stamp(modified: modified, size: Int(info.st_size))
      }
    }
    return FolderSnapshot(stamps: stamps)
  }

  /// Files added, removed or modified since `earlier`, and the newest
  /// modification time among them (to measure change-to-reload latency).
  public func changes(since earlier: FolderSnapshot) -> (paths: [String], newest: Date?) {
    var changed: [String] = []
    var newest: Date?
    for (path, stamp) in stamps where earlier.stamps[path] != stamp {
      changed.append(path)
      newest = max(newest ?? stamp.modified, stamp.modified)
    }
    for path in earlier.stamps.keys where stamps[path] == nil { changed.append(path) }
    return (changed.sorted(), newest)
  }
}

/// Wakes the preview loop when something in the watched folders may have
/// changed. On Linux, inotify reports changes as they happen, so a save is
/// seen within milliseconds and an idle server does no work; the snapshot
/// comparison stays the judge of what changed, and a slow full poll still
/// runs as a safety net (file systems where events go missing). Elsewhere,
/// or when inotify is unavailable, it simply sleeps for the poll interval.
public final class ChangeNotifier: @unchecked Sendable {
  /// True when changes are reported by the kernel rather than found by polling.
  public let isEventDriven: Bool
  private let lock = NSLock()
  private var pending = false
  private var waiter: CheckedContinuation<Bool, Never>?
  /// Numbers the waits, so a timer only ends the wait that started it.
  private var generation = 0
  #if os(Linux)
  private let descriptor: Int32
  private var source: DispatchSourceRead?
  private let queue = DispatchQueue(label: "weave.file-events")
  #endif

  public init(folders: [URL]) {
    #if os(Linux)
    descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    isEventDriven = descriptor >= 0
    guard isEventDriven else { return }
    watch(folders)
    let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
    source.setEventHandler { [weak self] in self?.drain() }
    source.setCancelHandler { [descriptor] in close(descriptor) }
    source.resume()
    self.source = source
    #else
    isEventDriven = false
    #endif
  }

  deinit {
    #if os(Linux)
    source?.cancel()  // its cancel handler closes the descriptor
    #endif
  }

  /// Adds a watch on every (non-hidden) folder under `folders`; folders
  /// already watched keep their watch. Call after a change, so new folders
  /// are watched too.
  public func watch(_ folders: [URL]) {
    #if os(Linux)
    guard descriptor >= 0 else { return }
    let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
      | IN_DELETE_SELF | IN_MOVE_SELF)
    for folder in folders {
      _ = inotify_add_watch(descriptor, folder.path, mask)
      guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
      for case let relative as String in enumerator {
        if relative.hasPrefix(".") || relative.contains("/.") { continue }
        var info = stat()
        let path = folder.path + "/" + relative
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { _ = inotify_add_watch(descriptor, path, mask) }
      }
    }
    #endif
  }

  #if os(Linux)
  private func drain() {
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while read(descriptor, &buffer, buffer.count) > 0 {}
    signal()
  }
  #endif

  private func signal() {
    lock.lock()
    if let waiter {
      self.waiter = nil
      lock.unlock()
      waiter.resume(returning: true)
    } else {
      pending = true
      lock.unlock()
    }
  }

  /// Returns true as soon as a change is reported, false after `timeout`
  /// seconds without one. Polling mode always sleeps the whole timeout.
  public func wait(timeout: Double) async -> Bool {
    guard isEventDriven else {
      try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
      return false
    }
    return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
      lock.lock()
      if pending {
        pending = false
        lock.unlock()
        continuation.resume(returning: true)
        return
      }
      generation += 1
      let mine = generation
      waiter = continuation
      lock.unlock()
      DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak self] in
        guard let self else { return }
        self.lock.lock()
        guard self.generation == mine, let waiter = self.waiter else {
          self.lock.unlock()
          return
        }
        self.waiter = nil
        self.lock.unlock()
        waiter.resume(returning: false)
      }
    }
  }
}
