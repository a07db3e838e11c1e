import Testing
@testable import QuanzeCore

@Suite("条号 parsing")
struct ArticleNumberTests {
    @Test("article numbers as statutes write them", arguments: [
        ("第一条", 1), ("第十条", 10), ("第十一条", 11), ("第二十条", 20), ("第三十六条", 36), ("第五十八条", 58),
        ("第一百条", 100), ("第一百零三条", 103), ("第一百一十条", 110), ("第二百零九条", 209), ("第58条", 58), ("第八条之一", 8),
    ])
    func parses(_ text: String, _ expected: Int) {
        #expect(ArticleNumber.ordinal(text) == expected)
    }

    @Test("not article numbers", arguments: ["", "五十八条", "第条", "第五十八", "第X条", "第零条", "第五十八条之", "三(二)"])
    func refuses(_ text: String) {
        #expect(ArticleNumber.ordinal(text) == nil)
    }
}
