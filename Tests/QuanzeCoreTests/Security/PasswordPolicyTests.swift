import Testing
@testable import QuanzeCore

@Suite("PasswordPolicy")
struct PasswordPolicyTests {
    struct Case: Sendable, CustomStringConvertible {
        let password: String
        let username: String
        let codes: [String]
        var description: String { "\(password.prefix(20)) / \(username)" }
    }

    static let cases: [Case] = [
        Case(password: "Abcdef1!", username: "zhangsan", codes: []),
        Case(password: "正确的口令Ab1", username: "user01", codes: []),
        Case(password: "correct horse Battery 9", username: "li", codes: []),
        Case(password: "", username: "zhangsan", codes: ["empty"]),
        Case(password: "      \t ", username: "zhangsan", codes: ["whitespace_only"]),
        Case(password: "Ab1!", username: "zhangsan", codes: ["too_short"]),
        Case(password: String(repeating: "Ab1!", count: 33), username: "zhangsan", codes: ["too_long"]),
        Case(password: "abcdefgh12", username: "zhangsan", codes: ["too_few_classes"]),
        Case(password: "ABCDEFGH!!", username: "zhangsan", codes: ["too_few_classes"]),
        Case(password: "Zhangsan#2025", username: "zhangsan", codes: ["contains_username"]),
        Case(password: "x-ZHANGSAN-9", username: " ZhangSan ", codes: ["contains_username"]),
        Case(password: "Nasgnahz#2025", username: "zhangsan", codes: ["contains_username"]),
        Case(password: "Ab1!Ab1!", username: "ab", codes: []),  // short usernames not searched
        Case(password: "abc", username: "abc", codes: ["too_short", "too_few_classes", "contains_username"]),
    ]

    @Test(arguments: cases)
    func violations(_ c: Case) {
        let got = PasswordPolicy().violations(password: c.password, username: c.username)
        #expect(got.map(\.code) == c.codes)
        #expect(got.allSatisfy { !$0.message.isEmpty })
    }

    @Test func fourClassesRequired() {
        let policy = PasswordPolicy(minLength: 10, minCharacterClasses: 4)
        #expect(policy.violations(password: "Abcdefgh12", username: "u")
            == [.tooFewClasses(required: 4, found: 3)])
        #expect(policy.violations(password: "Abcdefg12#", username: "u").isEmpty)
        #expect(policy.violations(password: "Abcdef12#", username: "u") == [.tooShort(minimum: 10)])
    }

    @Test func exactly128IsAllowed() {
        let pw = String(repeating: "Ab1!", count: 32)
        #expect(pw.count == 128)
        #expect(PasswordPolicy().violations(password: pw, username: "zhangsan").isEmpty)
    }

    @Test(arguments: [("abc", 1), ("aB", 2), ("aB3", 3), ("aB3#", 4), ("汉字", 1), ("a b", 1), ("", 0)])
    func classCount(_ password: String, _ expected: Int) {
        #expect(PasswordPolicy.characterClassCount(password) == expected)
    }

    @Test func messagesAreChinese() {
        #expect(PasswordViolation.tooShort(minimum: 8).message == "口令长度不得少于 8 位")
        #expect(PasswordViolation.tooFewClasses(required: 3, found: 2).message.contains("3 类"))
    }
}
