import QuanzeCore
import Vapor

/// Turns any error into an `AppError` with a stable code.
enum ErrorMapping {
    static func appError(from error: any Error) -> AppError {
        switch error {
        case let e as AppError:
            return e
        case let e as LiabilityRefusal:
            return .refusal(e)
        case let e as DecodingError:
            return decoding(e)
        case let e as ValidationsError:
            let problems = e.failures.map {
                FieldProblem(field: $0.key.description, code: "invalid", message: $0.failureDescription ?? "无效")
            }
            return .validation(problems)
        case let e as any AbortError:
            return abort(e)
        default:
            return AppError("INTERNAL_ERROR", .internalServerError, "服务器内部错误，请稍后再试")
        }
    }

    private static func abort(_ e: any AbortError) -> AppError {
        switch e.status {
        case .payloadTooLarge: return .bodyTooLarge
        case .notFound: return .notFound
        case .unsupportedMediaType: return .unsupportedMediaType
        case .unauthorized: return .unauthenticated
        case .forbidden: return .forbidden
        case .badRequest:
            return AppError("BAD_REQUEST", .badRequest, "请求格式错误：\(e.reason)")
        case .unprocessableEntity:
            return AppError("VALIDATION_FAILED", .unprocessableEntity, "输入无效：\(e.reason)")
        default:
            let code = e.status.code >= 500 ? "INTERNAL_ERROR" : "HTTP_\(e.status.code)"
            let msg = e.status.code >= 500 ? "服务器内部错误，请稍后再试" : "请求无法处理（\(e.status.code)）"
            return AppError(code, e.status, msg)
        }
    }

    private static func decoding(_ e: DecodingError) -> AppError {
        func path(_ ctx: DecodingError.Context, _ extra: (any CodingKey)? = nil) -> String {
            let keys = ctx.codingPath + (extra.map { [$0] } ?? [])
            let p = keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "(请求体)" : p
        }
        switch e {
        case .keyNotFound(let key, let ctx):
            let f = path(ctx, key)
            return AppError("VALIDATION_FAILED", .unprocessableEntity, "缺少必填字段：\(f)",
                            details: ErrorDetails(field: f, problems: [FieldProblem(field: f, code: "required", message: "必填")]))
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            let f = path(ctx)
            return AppError("VALIDATION_FAILED", .unprocessableEntity, "字段类型错误：\(f)",
                            details: ErrorDetails(field: f, problems: [FieldProblem(field: f, code: "type", message: "类型错误")]))
        case .dataCorrupted(let ctx):
            let f = path(ctx)
            if ctx.codingPath.isEmpty {
                return AppError("MALFORMED_BODY", .badRequest, "请求体不是有效的 JSON")
            }
            return AppError("VALIDATION_FAILED", .unprocessableEntity, "字段值无效：\(f)（\(ctx.debugDescription)）",
                            details: ErrorDetails(field: f, problems: [FieldProblem(field: f, code: "invalid", message: ctx.debugDescription)]))
        @unknown default:
            return AppError("MALFORMED_BODY", .badRequest, "请求体无法解析")
        }
    }
}
