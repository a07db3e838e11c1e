// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Quanze",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "quanze", targets: ["quanze"]),
        .library(name: "QuanzeCore", targets: ["QuanzeCore"]),
        .library(name: "QuanzeServer", targets: ["QuanzeServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        .target(
            name: "QuanzeCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QuanzeServer",
            dependencies: [
                "QuanzeCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "quanze",
            dependencies: ["QuanzeServer"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QuanzeCoreTests",
            dependencies: ["QuanzeCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QuanzeServerTests",
            dependencies: [
                "QuanzeServer",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
