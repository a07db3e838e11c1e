import Testing
@testable import QuanzeCore
@Test func placeholder() { #expect(QuanzeCoreInfo.name == "QuanzeCore") }
