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
