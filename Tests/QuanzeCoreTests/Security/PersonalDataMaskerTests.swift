import Testing
@testable import QuanzeCore

@Suite("PersonalDataMasker")
struct PersonalDataMaskerTests {
    @Test(arguments: [
        ("11010519491231002X", "110***********002X"),
        ("440524188001010014", "440***********0014"),
        ("110105491231002", "110********1002"),
        ("1234567", "*******"),
    ])
    func idNumbers(_ input: String, _ expected: String) {
        #expect(PersonalDataMasker.maskIDNumber(input) == expected)
    }

    @Test(arguments: [
        ("13812345678", "138****5678"),
        ("19912345678", "199****5678"),
        ("138-1234-5678", "138-****-5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("0431-88886666", "0431-******66"),
        ("010-8888666", "010-*****66"),
        ("(0431)88886666-8001", "(0431)******66-8001"),
        ("01088886666", "010******66"),
        ("043188886666", "0431******66"),
        ("88886666", "******66"),
    ])
    func phones(_ input: String, _ expected: String) {
        #expect(PersonalDataMasker.maskPhone(input) == expected)
    }

    /// (text, expected after masking)
    static let masked: [(String, String)] = [
        ("当事人张三，身份证号11010519491231002X，联系电话13812345678。",
         "当事人张三，身份证号110***********002X，联系电话138****5678。"),
        ("身份证号：11010519491231002x", "身份证号：110***********002x"),
        ("证件440524188001010014已核验", "证件440***********0014已核验"),
        ("旧证号110105491231002补录", "旧证号110********1002补录"),
        ("电话：0431-88886666转8001", "电话：0431-******66转8001"),
        ("座机(010)88886666", "座机(010)******66"),
        ("座机（021）62345678", "座机（021）******78"),
        ("办公电话 0755 26543210", "办公电话 0755 ******10"),
        ("无分隔座机043188886666", "无分隔座机0431******66"),
        ("手机 138-1234-5678 或 139 8765 4321", "手机 138-****-5678 或 139 **** 4321"),
        ("mobile=+8613812345678;", "mobile=+86138****5678;"),
        ("国际 008613812345678", "国际 0086138****5678"),
        ("全角手机１３８１２３４５６７８", "全角手机１３８****５６７８"),
        ("user 13812345678 login failed from 10.0.0.8", "user 138****5678 login failed from 10.0.0.8"),
    ]

    @Test(arguments: masked)
    func masksEmbedded(_ text: String, _ expected: String) {
        #expect(PersonalDataMasker.maskText(text) == expected)
        #expect(PersonalDataMasker.maskText(expected) == expected, "masking is idempotent")
    }

    static let untouched: [String] = [
        "罚款金额 50000000 元，没收违法所得 1380000 元",
        "金额 13812345678.50 元",
        "决定日期 20250101，送达日期 2025-01-08",
        "时间戳 1735660800000，秒 1735660800",
        "请求 550e8400-e29b-41d4-a716-446655440000 已处理",
        "记录 13812345-6789-4abc-8def-012345678901",
        "统一社会信用代码 91350100M000100Y43",
        "统一社会信用代码 911101077776591113",
        "某单位 91440300708461136T、91110108551385082Q",
        "十八位数字 123456789012345678",
        "校验码正确但日期不存在 110101199902301231",
        "哈希 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "案号（2025）吉0102行罚字第123号",
        "编号12812345678，区号外的号码 0431-12345678",
        "Tel13812345678",
        "",
    ]

    @Test(arguments: untouched)
    func leavesOtherNumbersAlone(_ text: String) {
        #expect(PersonalDataMasker.maskText(text) == text)
    }

    @Test func bogusIDSampleReallyHasAValidCheckDigit() {
        // The "bad date" sample above must fail only because of its date.
        #expect(ResidentIDNumber.checkCharacter(for: "11010119990230123") == "1")
        #expect(throws: ResidentIDNumberError.invalidBirthDate("19990230")) {
            try ResidentIDNumber.validate("110101199902301231")
        }
    }
}
