import Foundation
import Vapor

/// Builds the OpenAPI 3.1 document from `OpenAPIOperations` and `OpenAPISchemas`.
enum OpenAPIDocument {
    static let errorStatuses = [400, 401, 403, 404, 405, 409, 413, 415, 422, 423]

    static func build() -> JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for op in OpenAPIOperations.all {
            if let i = paths.firstIndex(where: { $0.0 == op.path }) {
                paths[i].1.append((op.method.rawValue.lowercased(), operation(op)))
            } else {
                paths.append((op.path, [(op.method.rawValue.lowercased(), operation(op))]))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "权责 Quanze API", "version": "1.0.0",
                     "description": "行政执法责任制平台的 JSON API。错误统一为 {\"error\": {\"code\", \"message\", \"details\"}}。"],
            "servers": [["url": "/"]],
            "paths": .object(paths.map { ($0.0, .object($0.1)) }),
            "components": [
                "schemas": .object(OpenAPISchemas.all),
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"],
                                    "sessionCookie": ["type": "apiKey", "in": "cookie", "name": .string(Cookies.session)]],
            ],
        ]
    }

    private static func operation(_ op: APIOperation) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("summary", .string(op.summary)), ("tags", [.string(op.tag)]),
            ("operationId", .string(op.method.rawValue.lowercased() + op.path.replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").replacingOccurrences(of: ".", with: "_"))),
        ]
        if !op.parameters.isEmpty { pairs.append(("parameters", .array(op.parameters))) }
        if let body = op.body {
            pairs.append(("requestBody", ["required": true, "content": ["application/json": ["schema": Schema.ref(body)]]]))
        }
        if let media = op.rawBody {
            let binary: JSONValue = ["schema": ["type": "string", "format": "binary"]]
            pairs.append(("requestBody", ["required": true, "content": .object(media.map { ($0, binary) })]))
        }
        pairs.append(("security", op.auth == .none ? [] : [["bearerAuth": []], ["sessionCookie": []]]))
        var content: [(String, JSONValue)] = [(op.success.mediaType, JSONValue.object([("schema", op.success.schema ?? Schema.openObject())]))]
        for media in op.alsoMediaTypes {
            let schema: JSONValue = media.hasPrefix("text/") ? ["type": "string"] : ["type": "string", "format": "binary"]
            content.append((media, ["schema": schema]))
        }
        var responses: [(String, JSONValue)] = ([op.success.status] + op.alsoStatuses).map { status in
            ("\(status)", ["description": "成功", "content": .object(content)])
        }
        if op.path == "/readyz" {
            responses.append(("503", ["description": "数据库不可达", "content": ["application/json": ["schema": Schema.ref("Health")]]]))
        }
        for status in errorStatuses + op.extraErrors {
            responses.append(("\(status)", ["description": "错误", "content": ["application/json": ["schema": Schema.ref("Error")]]]))
        }
        pairs.append(("responses", .object(responses)))
        return .object(pairs)
    }

    static let json: Data = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(build())) ?? Data("{}".utf8)
    }()
}

/// Serves the OpenAPI document at `/api/v1/openapi.json`.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: document)
    }

    @Sendable func document(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: OpenAPIDocument.json))
    }
}
