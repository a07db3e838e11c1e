import Vapor

/// The JSON error envelope: `{"error": {"code": "STABLE_CODE", "message": "中文说明", "details": …}}`.
struct ErrorBody: Content {
    struct Payload: Content {
        var code: String
        var message: String
        var details: ErrorDetails?
    }
    var error: Payload
}
