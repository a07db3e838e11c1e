import Testing
@testable import QuanzeCore

@Suite("TokenDigest")
struct TokenDigestTests {
    @Test func knownVectors() {
        #expect(TokenDigest.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(TokenDigest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [(32, 43), (16, 22), (1, 2), (33, 44)])
    func randomTokenShape(_ bytes: Int, _ length: Int) {
        let token = TokenDigest.randomToken(byteCount: bytes)
        #expect(token.count == length)
        let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(token.allSatisfy(urlSafe.contains))
    }

    @Test func tokensDiffer() {
        let tokens = Set((0..<100).map { _ in TokenDigest.randomToken() })
        #expect(tokens.count == 100)
    }

    @Test func matches() {
        let token = TokenDigest.randomToken()
        let digest = TokenDigest.sha256Hex(token)
        #expect(TokenDigest.matches(token, digest: digest))
        #expect(TokenDigest.matches(token, digest: digest.uppercased()))
        #expect(!TokenDigest.matches(token + "x", digest: digest))
        #expect(!TokenDigest.matches(token, digest: String(digest.dropLast())))
    }
}
