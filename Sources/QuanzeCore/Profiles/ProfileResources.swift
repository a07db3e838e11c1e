import Foundation

/// Finds the bundled profile files. The QuanzeCore target copies its `Resources` directory
/// as a whole (`resources: [.copy("Resources")]`), so the files sit in
/// `<bundle>/Resources/profiles/*.json`.
enum ProfileResources {
    static var directory: URL? {
        let candidates = [
            Bundle.module.resourceURL?.appendingPathComponent("Resources/profiles", isDirectory: true),
            Bundle.module.url(forResource: "profiles", withExtension: nil, subdirectory: "Resources"),
        ]
        return candidates.compactMap { $0 }.first { isDirectory($0) }
    }

    static func bundledFiles() throws -> [(name: String, data: Data)] {
        guard let directory else {
            throw ProfileLoadError(problems: [ProfileProblem(
                file: "Resources/profiles", kind: .missingNational,
                message: "找不到内置的规则配置目录（bundled Resources/profiles not found in \(Bundle.module.bundlePath)）"
            )])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map { name in
            (name: name, data: try Data(contentsOf: directory.appendingPathComponent(name)))
        }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
}
