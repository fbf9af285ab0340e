// swift-tools-version:6.0
import PackageDescription

/// weave: a literate documentation site generator whose Python examples run on
/// the runtime bundled in this package.
///
/// - `CMark`: system library over libcmark (the C CommonMark reference parser).
/// - `PythonRuntime`: the bundled Python runtime (syntax, compiler, VM, objects,
///   builtins, modules, and the runtime components: Runtime, Interpreter,
///   ThreadState, GIL, cross-interpreter queues).
/// - `SiteBuilder`: the documentation builder (Markdown, examples, HTML, preview).
/// - `weave`: the command-line tool (argument parsing only).
let runtimeSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v5),
  // The eval loop touches class fields on every instruction; dynamic exclusivity
  // checks there cost more than they protect (the GIL already serialises access).
  .unsafeFlags(["-enforce-exclusivity=unchecked"]),
]

let package = Package(
  name: "weave",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "weave", targets: ["weave"]),
    .library(name: "PythonRuntime", targets: ["PythonRuntime"]),
    .library(name: "SiteBuilder", targets: ["SiteBuilder"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CMark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    .target(
      name: "PythonRuntime",
      dependencies: [.product(name: "BigInt", package: "BigInt")],
      swiftSettings: runtimeSettings
    ),
    .target(
      name: "SiteBuilder",
      dependencies: [
        "CMark",
        "PythonRuntime",
        .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Yams", package: "Yams"),
      ],
      resources: [.copy("Theme")],
      swiftSettings: [.swiftLanguageMode(.v5)]
    ),
    .executableTarget(
      name: "weave",
      dependencies: [
        "PythonRuntime",
        "SiteBuilder",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: [.swiftLanguageMode(.v5)]
    ),
    .testTarget(
      name: "PythonRuntimeTests",
      dependencies: ["PythonRuntime"],
      exclude: ["Programs", "Syntax/cpython_dump.py"],
      swiftSettings: [.swiftLanguageMode(.v5)]
    ),
    .testTarget(
      name: "SiteBuilderTests",
      dependencies: ["SiteBuilder"],
      swiftSettings: [.swiftLanguageMode(.v5)]
    ),
    .testTarget(
      name: "WeaveCLITests",
      dependencies: [],
      swiftSettings: [.swiftLanguageMode(.v5)]
    ),
  ]
)
