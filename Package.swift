// swift-tools-version:6.0
import PackageDescription

// Linux only (SO_PEERCRED, st_mtim, glibc's malloc, /proc; see the README): no Apple platform is claimed.
let package = Package(
    name: "Needle",
    products: [
        .executable(name: "needle", targets: ["needle"]),
        .executable(name: "needled", targets: ["needled"]),
        .executable(name: "needle-eval", targets: ["needle-eval"]),
        .executable(name: "needle-bench", targets: ["needle-bench"]),
        .executable(name: "needle-http", targets: ["needle-http"]),
        .library(name: "NeedleClient", targets: ["NeedleClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Wire types of the socket protocol: requests, responses, error codes. No I/O.
        .target(name: "NeedleProtocol"),
        // Reading and validating articles and synonyms.txt. No SQLite.
        .target(
            name: "NeedleCorpus",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The index file: schema, atomic building, format version, metadata.
        .target(
            name: "NeedleIndex",
            dependencies: [
                "NeedleCorpus", "NeedleProtocol", "CNeedleSQLite",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // SQLite calls Swift cannot make or should not run: sqlite3_config (variadic), the query
        // deadline's progress handler, FTS5's auxiliary-function API, the held-file VFS.
        .target(name: "CNeedleSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The C library's malloc_trim and mallopt, which Swift's Glibc module does not export.
        .target(name: "CNeedleMemory"),
        // Query parsing, concept expansion, safe FTS5 expressions, ranking and snippets.
        .target(
            name: "NeedleSearch",
            dependencies: [
                "CNeedleSQLite", "NeedleCorpus", "NeedleIndex", "NeedleProtocol", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The NIO socket server: framing, request dispatch, lifecycle.
        .target(
            name: "NeedleServer",
            dependencies: [
                "CNeedleMemory", "NeedleIndex", "NeedleSearch", "NeedleProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The Swift client library (a product): typed async/await calls, and raw connections for tests and tools.
        .target(
            name: "NeedleClient",
            dependencies: [
                "NeedleProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ]
        ),
        // The MCP server of `needle mcp`: tools and article resources over the socket protocol.
        .target(
            name: "NeedleMCP",
            dependencies: [
                "NeedleClient", "NeedleProtocol",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Fixtures for tests: temporary corpora and indexes, spawning needled.
        .target(
            name: "NeedleTesting",
            dependencies: ["NeedleCorpus", "NeedleIndex", "NeedleClient", "NeedleProtocol"]
        ),
        // Search-quality measures and the evaluation sets' formats, for the eval tool.
        .target(
            name: "NeedleEvaluation",
            dependencies: ["NeedleClient", "NeedleProtocol"]
        ),
        // The benchmark's pure parts and load driver: closed-loop clients, percentiles, report, chart.
        .target(name: "NeedleBench", dependencies: ["NeedleProtocol"]),
        .executableTarget(
            name: "needle-bench",
            dependencies: ["NeedleBench", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "needle",
            dependencies: [
                "NeedleCorpus", "NeedleIndex", "NeedleSearch", "NeedleClient", "NeedleMCP", "NeedleProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The command-line options needled and needle-http share: the socket and the log level.
        .target(
            name: "NeedleServiceOptions",
            dependencies: [
                "NeedleProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "NeedleServiceOptionsTests", dependencies: ["NeedleServiceOptions", "NeedleProtocol"]),
        .executableTarget(
            name: "needled",
            dependencies: [
                "NeedleServer", "NeedleSearch", "NeedleServiceOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "needle-eval",
            dependencies: ["NeedleEvaluation", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "NeedleEvaluationTests", dependencies: ["NeedleEvaluation", "NeedleProtocol"]),
        // The HTTP/JSON gateway's routes, answered by needled over pooled socket connections or by the index in process, and the page.
        .target(
            name: "NeedleHTTP",
            dependencies: [
                "NeedleProtocol", "NeedleServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Page"), .copy("openapi.json")]
        ),
        .executableTarget(
            name: "needle-http",
            dependencies: [
                "NeedleHTTP", "NeedleSearch", "NeedleServer", "NeedleServiceOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "NeedleHTTPTests",
            dependencies: [
                "NeedleHTTP", "NeedleServer", "NeedleTesting", "NeedleProtocol", "needled", "needle-http",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "NeedleClientTests", dependencies: ["NeedleClient", "NeedleProtocol", "NeedleTesting", "needled"]),
        .testTarget(
            name: "NeedleMCPTests",
            dependencies: [
                "NeedleTesting", "needle", "needled",
                .product(name: "MCP", package: "swift-sdk"), .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Tools/NeedleProof: protocol fuzzing and reload soaks against a live needled (docs/reliability.md).
        .executableTarget(
            name: "needle-proof",
            dependencies: [
                "NeedleTesting", "NeedleClient", "NeedleProtocol", "NeedleCorpus", "NeedleIndex", "NeedleBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/NeedleProof"
        ),
        .testTarget(name: "NeedleProtocolTests", dependencies: ["NeedleProtocol", "NeedleTesting"]),
        .testTarget(name: "NeedleBenchTests", dependencies: ["NeedleBench", "NeedleProtocol"]),
        .testTarget(name: "NeedleCorpusTests", dependencies: ["NeedleCorpus", "NeedleTesting"]),
        .testTarget(
            name: "NeedleIndexTests",
            dependencies: [
                "NeedleCorpus", "NeedleIndex", "NeedleProtocol", "NeedleTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "NeedleSearchTests",
            dependencies: [
                "NeedleCorpus", "NeedleIndex", "NeedleProtocol", "NeedleSearch", "NeedleTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "NeedleServerTests",
            dependencies: [
                "NeedleProtocol", "NeedleServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "NeedleCommandLineTests", dependencies: ["needle", "NeedleProtocol"]),
        .testTarget(
            name: "NeedleEndToEndTests",
            dependencies: [
                "NeedleTesting", "NeedleClient", "NeedleProtocol", "NeedleIndex", "NeedleBench", "needle", "needled",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
