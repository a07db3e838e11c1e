import Foundation
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every registered API route is in the OpenAPI document, and nothing else is")
    func complete() async throws {
        try await withTestApp(demoData: false) { app, _ in
            var documented = Set<String>()
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let doc = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
                #expect(doc?["openapi"] as? String == "3.1.0")
                for (path, ops) in (doc?["paths"] as? [String: [String: Any]]) ?? [:] {
                    for method in ops.keys { documented.insert("\(method.uppercased()) \(path)") }
                }
            }
            let registered = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/") || path == "/healthz" || path == "/readyz" else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            #expect(registered.subtracting(documented).isEmpty, "missing from OpenAPI: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
        }
    }

    @Test("every schema reference resolves")
    func references() throws {
        let data = OpenAPIDocument.json
        let text = String(decoding: data, as: UTF8.self)
        let schemas = Set(OpenAPISchemas.all.map(\.0))
        let refs = text.components(separatedBy: "#/components/schemas/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!refs.isEmpty)
        for r in refs { #expect(schemas.contains(r), "unresolved $ref \(r)") }
    }
}
