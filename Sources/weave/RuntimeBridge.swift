import SiteBuilder

/// The runtime-backed implementations of the site builder's seams.
enum RuntimeBridge {
  static func exampleRunner() -> any ExampleRunner { PythonRuntimeRunner() }
  static func highlighter() -> any CodeHighlighter { PythonRuntimeHighlighter() }
}
