import Foundation
import Logging
import Testing
@testable import QuanzeServer

/// Collects what reaches the wrapped handler.
final class CapturingLogHandler: LogHandler, @unchecked Sendable {
    var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        lines.append("\(event.message) \(event.metadata.map { "\($0)" } ?? "")")
    }
}

@Suite("Logs never carry ID numbers or phone numbers")
struct MaskingLogHandlerTests {
    @Test("messages and metadata are masked before the real handler sees them")
    func masks() {
        let capture = CapturingLogHandler()
        let logger = Logger(label: "test") { _ in MaskingLogHandler(inner: capture) }
        logger.info("GET /api/v1/users?q=13812345678", metadata: ["id": "11010519491231002X"])
        let line = capture.lines.joined()
        #expect(!line.contains("13812345678"))
        #expect(line.contains("138****5678"))
        #expect(!line.contains("11010519491231002X"))
    }
}
