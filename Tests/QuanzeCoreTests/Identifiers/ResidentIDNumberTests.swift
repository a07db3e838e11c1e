import Foundation
import Testing
@testable import QuanzeCore

@Suite("ResidentIDNumber (GB 11643-1999)")
struct ResidentIDNumberTests {
    static let today = LocalDate(year: 2025, month: 6, day: 1)!

    @Test func weightsFollowTheStandard() {
        #expect(ResidentIDNumber.weights == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
    }

    /// The two examples printed in GB 11643-1999.
    @Test func standardExamples() throws {
        let a = try ResidentIDNumber("11010519491231002X", asOf: Self.today)
        #expect(a.birthDate == LocalDate(year: 1949, month: 12, day: 31))
        #expect(a.regionCode == "110105")
        #expect(!a.isMale)
        let b = try ResidentIDNumber("440524188001010014", asOf: Self.today)
        #expect(b.birthDate == LocalDate(year: 1880, month: 1, day: 1))
        #expect(b.isMale)
    }

    @Test func lowercaseXIsNormalized() throws {
        #expect(try ResidentIDNumber(" 11010519491231002x ").value == "11010519491231002X")
    }

    @Test(arguments: ["22010219850615123", "32050319991231000", "62010220000229555"])
    func generated(_ first17: String) throws {
        let check = try #require(ResidentIDNumber.checkCharacter(for: first17))
        try ResidentIDNumber.validate(first17 + String(check), asOf: Self.today)
    }

    @Test(arguments: [
        ("110105194912310021", ResidentIDNumberError.wrongCheckCharacter(expected: "X", found: "1")),
        ("440524188001010015", .wrongCheckCharacter(expected: "4", found: "5")),
        ("110101199902301231", .invalidBirthDate("19990230")),
        ("110101190002291233", .invalidBirthDate("19000229")),
        ("110101179912311232", .invalidBirthDate("17991231")),
        ("220102203001011238", .birthDateInFuture(LocalDate(year: 2030, month: 1, day: 1)!)),
        ("110105491231002", .length(found: 15)),
        ("11010519491231002", .length(found: 17)),
        ("11010519491231002XX", .length(found: 19)),
        ("11010519491231002A", .illegalCharacter(position: 18, character: "A")),
        ("1101051949123100X2", .illegalCharacter(position: 17, character: "X")),
        ("11010519491231 02X", .illegalCharacter(position: 15, character: " ")),
    ])
    func invalid(_ id: String, _ expected: ResidentIDNumberError) {
        #expect(throws: expected) { try ResidentIDNumber.validate(id, asOf: Self.today) }
        #expect(!ResidentIDNumber.isValid(id, asOf: Self.today))
    }

    @Test func futureCheckOnlyWithReferenceDate() {
        // Check digit computed for 22010220300101123; date is real but after `today`.
        let check = ResidentIDNumber.checkCharacter(for: "22010220300101123")!
        let id = "22010220300101123" + String(check)
        #expect(ResidentIDNumber.isValid(id))
        #expect(!ResidentIDNumber.isValid(id, asOf: Self.today))
        let bornToday = "22010220250601123" + String(ResidentIDNumber.checkCharacter(for: "22010220250601123")!)
        #expect(ResidentIDNumber.isValid(bornToday, asOf: Self.today), "born today is not in the future")
    }

    @Test func legacyUpgrade() {
        #expect(ResidentIDNumber.upgradeLegacy("110105491231002") == "11010519491231002X")
        #expect(ResidentIDNumber.upgradeLegacy("11010549123100") == nil)
    }

    @Test func messages() {
        #expect(ResidentIDNumberError.invalidBirthDate("19990230").message == "公民身份号码中的出生日期“19990230”不是有效日期")
        #expect(ResidentIDNumberError.length(found: 15).message.contains("升位"))
        #expect(ResidentIDNumberError.wrongCheckCharacter(expected: "X", found: "1").code == "wrong_check_character")
    }
}
