import Vapor

/// An error with a stable machine code, an HTTP status and a Chinese message.
/// API callers get `{"error": {"code", "message", "details"}}`; pages get a Chinese error page.
struct AppError: Error, AbortError, Sendable {
    let code: String
    let status: HTTPResponseStatus
    let message: String
    let details: ErrorDetails?
    var headers: HTTPHeaders = [:]

    var reason: String { message }

    init(_ code: String, _ status: HTTPResponseStatus, _ message: String, details: ErrorDetails? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.details = details
    }
}

/// Machine-readable detail of an error; `field` names the input that failed.
struct ErrorDetails: Content, Sendable, Equatable {
    var field: String?
    var problems: [FieldProblem]?
    var allowed: [String]?
    /// Problems of an imported file, by row and column (CSV_INVALID).
    var rows: [CSVRowProblem]?

    init(field: String? = nil, problems: [FieldProblem]? = nil, allowed: [String]? = nil, rows: [CSVRowProblem]? = nil) {
        self.field = field
        self.problems = problems
        self.allowed = allowed
        self.rows = rows
    }
}

struct FieldProblem: Content, Sendable, Equatable {
    var field: String
    var code: String
    var message: String
}

extension AppError {
    static let unauthenticated = AppError("UNAUTHENTICATED", .unauthorized, "请先登录")
    static let sessionExpired = AppError("SESSION_EXPIRED", .unauthorized, "会话已超时，请重新登录")
    static let forbidden = AppError("FORBIDDEN", .forbidden, "无权访问该资源")
    static let outOfScope = AppError("OUT_OF_SCOPE", .forbidden, "该数据不在您的管辖或所属单位范围内")
    static let csrfInvalid = AppError("CSRF_INVALID", .forbidden, "表单已失效（缺少或错误的防伪令牌），请刷新页面后重试")
    static let passwordChangeRequired = AppError("PASSWORD_CHANGE_REQUIRED", .forbidden, "首次登录或密码被重置后，须先修改密码")
    static let invalidCredentials = AppError("INVALID_CREDENTIALS", .unauthorized, "用户名或密码错误")
    static let accountDisabled = AppError("ACCOUNT_DISABLED", .forbidden, "账号已停用，请联系系统管理员")
    static let demoAccountRefused = AppError("DEMO_ACCOUNT_REFUSED", .forbidden, "演示账号仅在演示模式下可用")
    static let notFound = AppError("NOT_FOUND", .notFound, "未找到请求的资源")
    static let bodyTooLarge = AppError("BODY_TOO_LARGE", .payloadTooLarge, "请求体过大")
    static let unsupportedMediaType = AppError("UNSUPPORTED_MEDIA_TYPE", .unsupportedMediaType, "请求体须为 JSON（Content-Type: application/json）")

    static func accountLocked(until: Date) -> AppError {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "HH:mm"
        return AppError("ACCOUNT_LOCKED", .locked, "登录失败次数过多，账号已锁定至 \(f.string(from: until))（北京时间），请稍后再试")
    }

    static func validation(_ field: String, _ message: String, code: String = "invalid") -> AppError {
        AppError("VALIDATION_FAILED", .unprocessableEntity, "\(field)：\(message)",
                 details: ErrorDetails(field: field, problems: [FieldProblem(field: field, code: code, message: message)]))
    }

    static func validation(_ problems: [FieldProblem]) -> AppError {
        let text = problems.map { "\($0.field)：\($0.message)" }.joined(separator: "；")
        return AppError("VALIDATION_FAILED", .unprocessableEntity, text,
                        details: ErrorDetails(field: problems.first?.field, problems: problems))
    }

    static func badRequest(_ code: String, _ message: String, field: String? = nil) -> AppError {
        AppError(code, .badRequest, message, details: field.map { ErrorDetails(field: $0) })
    }

    static func conflict(_ code: String, _ message: String) -> AppError {
        AppError(code, .conflict, message)
    }

    static func methodNotAllowed(allowed: [HTTPMethod]) -> AppError {
        var e = AppError("METHOD_NOT_ALLOWED", .methodNotAllowed, "该地址不支持此请求方法",
                         details: ErrorDetails(allowed: allowed.map(\.rawValue)))
        e.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
        return e
    }
}
