import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("责任书: parties by role, sections and total points, signing, attachment type and size")
struct PledgeTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let eco = DemoIDs.uuid("agency:eco")
    static let inspect = DemoIDs.uuid("unit:amr:inspect")

    static func sections(_ points: [Int]) -> String {
        points.enumerated().map { #"{"title":"第\#($0.offset + 1)项","target":"完成目标","points":\#($0.element)}"# }.joined(separator: ",")
    }

    @Test("a 监督员 drafts 政府↔执法主体 pledges (5 × 200 = 1000); the body's 法制员 reads it, another body's does not")
    func governmentPledge() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let res = try await app.send(.POST, "/api/v1/pledges", sup, #"{"year":2026,"agencyId":"\#(Self.eco)","sections":[\#(Self.sections([200, 200, 200, 200, 200]))]}"#)
            #expect(res.status == .created)
            #expect(try res.content.get(Int.self, at: "totalPoints") == 1000)
            #expect(try res.content.get(String.self, at: "partyKind") == "government_body")
            #expect(try res.content.get(String.self, at: "firstParty") == "长春市人民政府")
            #expect(try res.content.get(String.self, at: "secondParty") == "长春市生态环境局")
            #expect(try res.content.get(String.self, at: "status") == "draft")
            let id = try res.content.get(UUID.self, at: "id")
            #expect(try await app.send(.GET, "/api/v1/pledges/\(id)", try await app.token("legal.eco")).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/pledges/\(id)", try await app.token("legal.amr")).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/pledges/\(id)", try await app.token("officer.eco1")).errorCode == "FORBIDDEN")
            let (_, far) = try await ScopeTests.addOtherCity(app)
            #expect(try await app.send(.GET, "/api/v1/pledges/\(id)", try await app.token(far)).errorCode == "OUT_OF_SCOPE")
            // Bad input is refused and nothing is saved.
            let before = try await Pledge.query(on: app.db).count()
            let zero = try await app.send(.POST, "/api/v1/pledges", sup, #"{"year":2026,"agencyId":"\#(Self.eco)","sections":[\#(Self.sections([200, 0]))]}"#)
            #expect((try? zero.content.get(String.self, at: "error", "details", "problems", 0, "field")) == "sections[1].points")
            let withUnit = try await app.send(.POST, "/api/v1/pledges", sup, #"{"year":2026,"agencyId":"\#(Self.amr)","unitId":"\#(Self.inspect)","sections":[\#(Self.sections([100]))]}"#)
            #expect(withUnit.status == .unprocessableEntity)
            let empty = try await app.send(.POST, "/api/v1/pledges", sup, #"{"year":2026,"agencyId":"\#(Self.eco)","sections":[]}"#)
            #expect(try await app.send(.GET, "/api/v1/pledges?year=null", sup).status == .unprocessableEntity)
            #expect(try await app.send(.GET, "/api/v1/pledges?year=2026", sup).status == .ok)
            #expect(empty.status == .unprocessableEntity)
            #expect(try await Pledge.query(on: app.db).count() == before)
        }
    }

    @Test("a 法制员 drafts 执法主体↔执法机构 pledges for its own units only, and signs them; the 监督员 signs government pledges")
    func unitPledgeAndSigning() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let res = try await app.send(.POST, "/api/v1/pledges", legal, #"{"year":2026,"unitId":"\#(Self.inspect)","sections":[\#(Self.sections([300, 700]))]}"#)
            #expect(res.status == .created)
            #expect(try res.content.get(String.self, at: "firstParty") == "长春市市场监督管理局")
            #expect(try res.content.get(String.self, at: "secondParty") == "执法稽查科")
            #expect(try res.content.get(Int.self, at: "totalPoints") == 1000)
            let id = try res.content.get(UUID.self, at: "id")
            let ecoUnit = EnforcementUnit(agencyID: Self.eco, name: "监察支队", description: nil)
            try await ecoUnit.create(on: app.db)
            let foreign = try await app.send(.POST, "/api/v1/pledges", legal, #"{"year":2026,"unitId":"\#(try ecoUnit.requireID())","sections":[\#(Self.sections([100]))]}"#)
            #expect((try? foreign.content.get(String.self, at: "error", "details", "field")) == "unitId")

            let sign = "/api/v1/pledges/\(id)/sign"
            #expect(try await app.send(.POST, sign, try await app.token("supervisor1"),
                                       #"{"firstPartySignedOn":"2026-03-01","secondPartySignedOn":"2026-03-01"}"#).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, sign, legal, #"{"firstPartySignedOn":"2026-03-01","secondPartySignedOn":"2026-12-01"}"#).status == .unprocessableEntity)
            let signed = try await app.send(.POST, sign, legal, #"{"firstPartySignedOn":"2026-03-01","secondPartySignedOn":"2026-03-02"}"#)
            #expect(signed.status == .ok)
            #expect(try signed.content.get(String.self, at: "status") == "signed")
            #expect(try signed.content.get(String.self, at: "secondPartySignedOn") == "2026-03-02")
            #expect(try await app.send(.POST, sign, legal, #"{"firstPartySignedOn":"2026-03-01","secondPartySignedOn":"2026-03-02"}"#).errorCode == "PLEDGE_SIGNED")
            #expect(try await app.audits(.pledgeSign).count == 1)

            // The demo government pledge is the 监督员's to handle, not the 法制员's.
            let gov = DemoIDs.uuid("pledge:amr:2026")
            #expect(try await app.send(.POST, "/api/v1/pledges/\(gov)/sign", legal,
                                       #"{"firstPartySignedOn":"2026-03-01","secondPartySignedOn":"2026-03-01"}"#).errorCode == "OUT_OF_SCOPE")
            let list = try await app.send(.GET, "/api/v1/pledges?year=2026", legal)
            #expect(try list.content.get([PledgeDTO].self).count == 3)
        }
    }

    @Test("the attachment must be a PDF or an image by content and at most 5 MB; it downloads as stored")
    func attachment() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let path = "/api/v1/pledges/\(DemoIDs.uuid("pledge:amr:2026"))/attachment"
            let pdf = Data("%PDF-1.4\n% 责任书扫描件\n%%EOF\n".utf8)
            let ok = try await app.send(.PUT, path, sup, #"{"fileName":"2026年责任书.pdf","contentBase64":"\#(pdf.base64EncodedString())"}"#)
            #expect(ok.status == .ok)
            #expect(try ok.content.get(String.self, at: "attachment", "contentType") == "application/pdf")
            // A text file named .pdf is refused by its content.
            let text = Data("not a pdf".utf8).base64EncodedString()
            #expect(try await app.send(.PUT, path, sup, #"{"fileName":"fake.pdf","contentBase64":"\#(text)"}"#).errorCode == "ATTACHMENT_TYPE_NOT_ALLOWED")
            var big = Data("%PDF-".utf8)
            big.append(Data(count: PledgeRules.maxAttachmentBytes))
            let tooLarge = try await app.send(.PUT, path, sup, #"{"fileName":"big.pdf","contentBase64":"\#(big.base64EncodedString())"}"#)
            #expect(tooLarge.errorCode == "ATTACHMENT_TOO_LARGE")
            #expect(try await app.send(.PUT, path, try await app.token("legal.amr"),
                                       #"{"fileName":"x.pdf","contentBase64":"\#(pdf.base64EncodedString())"}"#).errorCode == "OUT_OF_SCOPE")
            let stored = try await PledgeAttachment.query(on: app.db).all()
            #expect(stored.count == 1 && stored.first?.content == pdf && stored.first?.fileName == "2026年责任书.pdf")

            try await app.testing().test(.GET, path, headers: .bearer(try await app.token("legal.amr"))) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("application/pdf") == true)
                #expect(res.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                #expect(Data(res.body.readableBytesView) == pdf)
            }
        }
    }

    @Test("console: draft with CSRF from the 5 × 200 template, upload a scan as multipart, sign")
    func console() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/pledges", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("全面落实行政执法责任制|（填写目标任务）|200"))
                #expect(res.body.string.contains("003_70cd4ff1a2ae84d9.txt 篇2"))
            }
            try await app.testing().test(.POST, "/console/pledges", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["year": "2026", "agencyId": Self.eco.uuidString, "sections": "执法|目标|600"], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.status == .forbidden) })
            var location = ""
            try await app.testing().test(.POST, "/console/pledges", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["year": "2026", "agencyId": Self.eco.uuidString, "sections": "执法检查|年度检查全覆盖|600\n案卷评查|优良率90%|400",
                                        "_csrf": session.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            })
            try await app.testing().test(.GET, location, headers: session.headers) { res in
                #expect(res.body.string.contains("1000 分"))
                #expect(res.body.string.contains("长春市生态环境局"))
            }
            let boundary = "QuanzeBoundary7MA4YWxk"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.png\"\r\nContent-Type: image/png\r\n\r\n"
            var bytes = Data(body.utf8)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01])
            bytes.append(png)
            bytes.append(Data("\r\n--\(boundary)--\r\n".utf8))
            var headers = session.headers
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            try await app.testing().test(.POST, location + "/attachment", headers: headers, body: ByteBuffer(data: bytes)) { res in
                #expect(res.status == .ok, "\(res.body.string.prefix(300))")
                #expect(res.body.string.contains("附件已上传") && res.body.string.contains("scan.png"))
            }
            try await app.testing().test(.POST, location + "/sign", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["firstPartySignedOn": "2026-11-18", "secondPartySignedOn": "2026-11-19", "_csrf": session.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已签订"))
            })
            let pledge = try #require(try await Pledge.query(on: app.db).filter(\.$agency.$id == Self.eco).first())
            #expect(pledge.status == .signed && pledge.totalPoints == 1000)
            #expect(try await PledgeAttachment.query(on: app.db).filter(\.$pledge.$id == pledge.requireID()).first()?.content == png)
        }
    }
}
