import Foundation
import Testing
@testable import QuanzeCore

@Suite("SecurityPolicy")
struct SecurityPolicyTests {
    @Test func baselineIsValid() throws {
        let b = SecurityPolicy.baseline
        #expect(b == SecurityPolicy(passwordMinLength: 8, passwordMinClasses: 3, lockoutThreshold: 5,
                                    lockoutMinutes: 15, idleTimeoutMinutes: 30))
        try b.validate()
        #expect(b.passwordPolicy == PasswordPolicy(minLength: 8, minCharacterClasses: 3))
    }

    static func policy(setting name: String, to value: Int) -> SecurityPolicy {
        var p = SecurityPolicy.baseline
        switch name {
        case "passwordMinLength": p.passwordMinLength = value
        case "passwordMinClasses": p.passwordMinClasses = value
        case "lockoutThreshold": p.lockoutThreshold = value
        case "lockoutMinutes": p.lockoutMinutes = value
        case "idleTimeoutMinutes": p.idleTimeoutMinutes = value
        default: Issue.record("unknown field \(name)")
        }
        return p
    }

    /// (field, value, valid?) — each bound and one step beyond it.
    static let bounds: [(String, Int, Bool)] = [
        ("passwordMinLength", 7, false), ("passwordMinLength", 8, true),
        ("passwordMinLength", 64, true), ("passwordMinLength", 65, false),
        ("passwordMinClasses", 2, false), ("passwordMinClasses", 3, true),
        ("passwordMinClasses", 4, true), ("passwordMinClasses", 5, false),
        ("lockoutThreshold", 0, false), ("lockoutThreshold", 1, true),
        ("lockoutThreshold", 5, true), ("lockoutThreshold", 6, false),
        ("lockoutMinutes", 14, false), ("lockoutMinutes", 15, true),
        ("lockoutMinutes", 1440, true), ("lockoutMinutes", 1441, false),
        ("idleTimeoutMinutes", 4, false), ("idleTimeoutMinutes", 5, true),
        ("idleTimeoutMinutes", 30, true), ("idleTimeoutMinutes", 31, false),
    ]

    @Test(arguments: bounds)
    func bound(_ name: String, _ value: Int, _ valid: Bool) {
        let policy = Self.policy(setting: name, to: value)
        do {
            try policy.validate()
            #expect(valid, "\(name)=\(value) should be refused")
        } catch {
            #expect(!valid, "\(name)=\(value) should be accepted")
            #expect(error.field == name)
            #expect(error.message.contains("当前为 \(value)"))
        }
    }

    @Test func allProblemsListed() {
        let p = SecurityPolicy(passwordMinLength: 6, passwordMinClasses: 2, lockoutThreshold: 10,
                               lockoutMinutes: 5, idleTimeoutMinutes: 120)
        #expect(p.problems().map(\.field)
            == ["passwordMinLength", "passwordMinClasses", "lockoutThreshold", "lockoutMinutes", "idleTimeoutMinutes"])
    }

    @Test func decodingFillsMissingFieldsFromBaseline() throws {
        let json = #"{"lockoutThreshold": 3}"#
        let p = try JSONDecoder().decode(SecurityPolicy.self, from: Data(json.utf8))
        var expected = SecurityPolicy.baseline
        expected.lockoutThreshold = 3
        #expect(p == expected)
        let back = try JSONDecoder().decode(SecurityPolicy.self, from: JSONEncoder().encode(p))
        #expect(back == p)
    }
}
