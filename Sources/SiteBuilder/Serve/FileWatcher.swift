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
    let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey]
    for (index, folder) in folders.enumerated() {
      guard let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { continue }
      for case let url as URL in enumerator {
        guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isDirectory != true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))
        stamps["\(index):\(relative)"] = Stamp(modified: values.contentModificationDate ?? .distantPast,
                                               size: values.fileSize ?? 0)
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
