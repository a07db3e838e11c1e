import Foundation
import Vapor

extension Request {
    /// A UUID path parameter; a malformed one is 404 (no such resource), never a server error.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw AppError.notFound }
        return id
    }
}
