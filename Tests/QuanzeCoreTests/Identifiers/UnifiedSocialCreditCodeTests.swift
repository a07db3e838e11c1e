import Foundation
import Testing
@testable import QuanzeCore

@Suite("UnifiedSocialCreditCode (GB 32100-2015)")
struct UnifiedSocialCreditCodeTests {
    /// Codes of registered organisations, published widely as examples.
    static let published = [
        "91350100M000100Y43", "91440300708461136T", "91110108551385082Q", "91110105771583283D",
        "91110000802100433B", "91110108740084270C", "911101077776591113", "51610700305332460K",
        "91440300359143307G",
    ]

    @Test(arguments: published)
    func publishedCodesAreValid(_ code: String) throws {
        let c = try UnifiedSocialCreditCode(code)
        #expect(c.value == code)
        #expect(UnifiedSocialCreditCode.checkCharacter(for: String(code.prefix(17))) == code.last)
    }

    @Test func weightsFollowTheStandard() {
        #expect(UnifiedSocialCreditCode.weights == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
        #expect(UnifiedSocialCreditCode.alphabet.count == 31)
        #expect(!UnifiedSocialCreditCode.alphabet.contains { "IOSVZ".contains($0) })
    }

    /// Demo data: generate codes from 17 characters and the computed check character.
    @Test(arguments: ["91220102MA17XBXK1", "12220000412759478", "31220000MD0123456", "92220104MA0Y8QG7L"])
    func generatedCodesValidate(_ first17: String) throws {
        let check = try #require(UnifiedSocialCreditCode.checkCharacter(for: first17))
        try UnifiedSocialCreditCode.validate(first17 + String(check))
    }

    @Test func everySingleSubstitutionIsDetected() {
        let code = Array("91350100M000100Y43")
        for i in 0..<17 {
            for replacement in UnifiedSocialCreditCode.alphabet where replacement != code[i] {
                var changed = code
                changed[i] = replacement
                #expect(!UnifiedSocialCreditCode.isValid(String(changed)), "position \(i + 1) → \(replacement)")
            }
        }
    }

    @Test(arguments: [
        ("91350100M000100Y44", UnifiedSocialCreditCodeError.wrongCheckCharacter(expected: "3", found: "4")),
        ("91350100M000100Y4", .length(found: 17)),
        ("91350100M000100Y433", .length(found: 19)),
        ("", .length(found: 0)),
        ("91350100M0001O0Y43", .illegalCharacter(position: 14, character: "O")),
        ("I1350100M000100Y43", .illegalCharacter(position: 1, character: "I")),
        ("91350100M000100Y4Z", .illegalCharacter(position: 18, character: "Z")),
        ("9135010-M000100Y43", .illegalCharacter(position: 8, character: "-")),
    ])
    func invalid(_ code: String, _ expected: UnifiedSocialCreditCodeError) {
        #expect(throws: expected) { try UnifiedSocialCreditCode.validate(code) }
        #expect(!UnifiedSocialCreditCode.isValid(code))
    }

    @Test func messagesAndCodes() {
        let wrong = UnifiedSocialCreditCodeError.wrongCheckCharacter(expected: "3", found: "4")
        #expect(wrong.code == "wrong_check_character")
        #expect(wrong.message == "统一社会信用代码校验码错误：第 18 位应为“3”，实际为“4”")
        #expect(wrong.isConfirmable)
        let illegal = UnifiedSocialCreditCodeError.illegalCharacter(position: 14, character: "O")
        #expect(illegal.message.hasPrefix("统一社会信用代码第 14 位“O”不是合法字符"))
        #expect(!illegal.isConfirmable)
    }

    @Test func normalizesCaseAndWhitespace() throws {
        #expect(try UnifiedSocialCreditCode(" 91350100m000100y43\n").value == "91350100M000100Y43")
        #expect(UnifiedSocialCreditCode.checkCharacter(for: "91350100M000100Y") == nil)
        #expect(UnifiedSocialCreditCode.checkCharacter(for: "91350100M00010OY4") == nil)
    }

    @Test func codable() throws {
        let c = try UnifiedSocialCreditCode("91350100M000100Y43")
        let data = try JSONEncoder().encode([c])
        #expect(String(decoding: data, as: UTF8.self) == #"["91350100M000100Y43"]"#)
        #expect(try JSONDecoder().decode([UnifiedSocialCreditCode].self, from: data) == [c])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([UnifiedSocialCreditCode].self, from: Data(#"["91350100M000100Y44"]"#.utf8))
        }
    }
}
