import Vapor

/// Cookie names and attributes.
enum Cookies {
    static let session = "quanze_session"
    /// Double-submit token for forms shown before sign-in (the login form).
    static let preSessionCSRF = "quanze_csrf"

    static func make(_ value: String, secure: Bool, maxAge: Int? = nil) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil,
                          path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
