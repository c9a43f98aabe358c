// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "kinerja",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kinerjad", targets: ["kinerjad"]),
        .executable(name: "kinerjactl", targets: ["kinerjactl"]),
        .executable(name: "kinerja-web", targets: ["kinerja-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(
            name: "Systemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(name: "KinerjaCore", swiftSettings: strict),
        // JSON text as Foundation's JSONEncoder writes it, for the wire and the store.
        .target(name: "KinerjaJSON", swiftSettings: strict),
        // Seeded generation shared by kinerja-bench and the tests (and .xlsx packages made in them).
        .target(
            name: "KinerjaSampleData",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "KinerjaStore",
            dependencies: ["KinerjaCore", "KinerjaJSON", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // The store port on PostgreSQL, for several daemons sharing one database.
        .target(
            name: "KinerjaStorePostgres",
            dependencies: [
                "KinerjaStore", "KinerjaCore", "KinerjaJSON",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // A PostgreSQL server of the test process's own, for the PostgreSQL adapter's tests.
        .target(name: "KinerjaTestPostgres", swiftSettings: strict),
        // The checks every adapter of the store port passes (run by each adapter's tests).
        .target(
            name: "KinerjaStoreConformance",
            dependencies: ["KinerjaStore", "KinerjaCore", "KinerjaSampleData"],
            swiftSettings: strict
        ),
        // .xlsx workbooks read into the rows the CSV path reads (only kinerjad links it: the
        // CLI sends a workbook's bytes, so that it keeps linking FoundationEssentials alone).
        .target(
            name: "KinerjaSheets",
            dependencies: ["KinerjaCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "KinerjaRPC",
            dependencies: ["KinerjaJSON"],
            resources: [.embedInCode("id.kinerja.Kinerja.varlink")],
            swiftSettings: strict
        ),
        .target(
            name: "KinerjaRPCServer",
            dependencies: [
                "KinerjaRPC",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "KinerjaRules",
            dependencies: ["KinerjaCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerjad",
            dependencies: [
                "KinerjaCore", "KinerjaRules", "KinerjaStore", "KinerjaStorePostgres", "KinerjaRPC", "KinerjaRPCServer", "KinerjaSheets", "Systemd",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The words for the wire's ids (steps, flags, states, audit actions…) in both languages,
        // one table per kind, for every client that shows them to people: kinerjactl, kinerja-web.
        .target(name: "KinerjaVocabulary", swiftSettings: strict),
        // What kinerjactl accepts and how it ends, without ArgumentParser or I/O: the syntax of
        // its arguments, its exit statuses, ArgumentParser's own words in Indonesian. A library
        // so that unit tests reach it (kinerjactl itself links its runtime statically).
        .target(name: "KinerjactlCore", dependencies: ["KinerjaRPC", "KinerjaVocabulary"], swiftSettings: strict),
        .executableTarget(
            name: "kinerjactl",
            dependencies: [
                "KinerjaRPC", "KinerjaJSON", "KinerjactlCore", "KinerjaVocabulary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            // Swift's runtime and Foundation linked in: resolving their symbols and
            // conformances at every start took 8 of kinerjactl's 12 ms, before any work.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims", "-lswiftSynchronization"])]
        ),
        // The year-long drill of `make drill`, and its short form in the end-to-end tests.
        .target(name: "KinerjaDrill", dependencies: ["KinerjaCore", "KinerjaRPC"], swiftSettings: strict),
        .executableTarget(name: "kinerja-drill", dependencies: ["KinerjaDrill", "KinerjaCore"], swiftSettings: strict),
        // The office head's read-only dashboard: pages, exports and calendar feeds from
        // kinerjad's read methods (library, so that the router tests reach every route).
        .target(
            name: "KinerjaWeb",
            dependencies: [
                "KinerjaRPC", "KinerjaCore", "KinerjaVocabulary", "Systemd",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-web",
            dependencies: [
                "KinerjaWeb", "Systemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-bench",
            dependencies: ["KinerjaRPC", "KinerjaSampleData", "KinerjaCore", "KinerjaRules"],
            swiftSettings: strict
        ),
        .testTarget(name: "KinerjaCoreTests", dependencies: ["KinerjaCore", "KinerjaSampleData"], swiftSettings: strict),
        .testTarget(
            name: "KinerjaVocabularyTests", dependencies: ["KinerjaVocabulary", "KinerjaCore", "KinerjaStore", "KinerjaRPC"], swiftSettings: strict),
        .testTarget(name: "KinerjactlCoreTests", dependencies: ["KinerjactlCore", "KinerjaVocabulary", "KinerjaRPC"], swiftSettings: strict),
        .testTarget(
            name: "KinerjaSheetsTests",
            dependencies: ["KinerjaSheets", "KinerjaCore", "KinerjaSampleData"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaStoreTests",
            dependencies: ["KinerjaStore", "KinerjaStoreConformance", "KinerjaCore", "KinerjaRules", "KinerjaSampleData"],
            swiftSettings: strict),
        .testTarget(
            name: "KinerjaStorePostgresTests",
            dependencies: [
                "KinerjaStorePostgres", "KinerjaStore", "KinerjaStoreConformance", "KinerjaTestPostgres", "KinerjaCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "KinerjaRPCTests",
            dependencies: [
                "KinerjaRPC", "KinerjaRPCServer", "KinerjaSampleData",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SystemdTests",
            dependencies: ["Systemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjadTests",
            dependencies: ["kinerjad", "KinerjaCore", "KinerjaRules", "KinerjaStore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaWebTests",
            dependencies: [
                "KinerjaWeb", "KinerjaRPC", "KinerjaRPCServer", "KinerjaCore", "KinerjaRules", "KinerjaStore", "KinerjaVocabulary", "kinerjad",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["KinerjaRPC", "KinerjaSampleData", "KinerjaDrill", "KinerjaCore", "KinerjaVocabulary", "KinerjaTestPostgres"],
            swiftSettings: strict),
    ]
)
