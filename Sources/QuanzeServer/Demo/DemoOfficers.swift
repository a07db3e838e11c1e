import Fluent
import Foundation
import QuanzeCore

/// About 300 officers over the demo bodies, with training, exams, fault records and certificates
/// in every state (有效、未年审、暂扣、逾期未处理、核销建议、核销、注销), so every page and warning
/// has something true to show. Deterministic: officer `i` of body `key` always looks the same.
enum DemoOfficers {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤")
    static let givenNames = ["建国", "志强", "丽华", "秀英", "海涛", "晓明", "春雨", "玉兰", "文博", "子涵", "国庆", "红梅", "立军", "雪松",
                             "嘉怡", "宏伟", "淑芬", "思远", "浩然", "静怡", "永刚", "晨曦", "振华", "美玲", "德明", "桂香", "少杰", "佳琪", "长青"]

    struct Body: Sendable {
        let key: String
        let count: Int
        let region: String
        let numberPrefix: String
        let mayHoldCertificates: Bool
        /// Shifts which states (slots 0…19) this body's officers take, so that smaller bodies
        /// together still show every state.
        var slotOffset: Int = 0
    }

    static func name(_ n: Int) -> String {
        String(surnames[n % surnames.count]) + givenNames[(n / surnames.count + n * 7) % givenNames.count]
    }

    /// A valid GB 11643 number: region, a birth date between 1965 and 1998, sequence, check character.
    static func idNumber(region: String, n: Int) -> String {
        let year = 1965 + n % 34, month = 1 + n % 12, day = 1 + (n * 7) % 28
        let first17 = region + String(format: "%04d%02d%02d%03d", year, month, day, 100 + n % 900)
        return first17 + String(ResidentIDNumber.checkCharacter(for: first17)!)
    }

    static func load(_ bodies: [Body], users: [String: UUID] = [:], today: LocalDate, on db: any Database) async throws {
        var officers: [Officer] = [], trainings: [TrainingRecord] = [], exams: [ExamRecord] = [], faults: [FaultRecord] = []
        var certificates: [Certificate] = [], events: [CertificateEvent] = []
        var serial = 0
        let year = today.year
        for body in bodies {
            for i in 0..<body.count {
                serial += 1
                let slot = (i + body.slotOffset) % 20
                let employment: EmploymentType = i % 10 == 9 ? .auxiliary : (i % 10 == 8 ? .contracted : .established)
                let officerID = DemoIDs.uuid("officer:\(body.key):\(i)")
                let o = Officer(id: officerID, agencyID: DemoIDs.uuid("agency:\(body.key)"), name: name(serial),
                                idNumber: idNumber(region: body.region, n: serial), phone: "139\(String(format: "%08d", 4310000 + serial))",
                                employment: employment, hiredOn: slot == 7 ? "\(year)-03-01" : "20\(10 + i % 12)-07-01",
                                legalProfessionQualified: i % 6 == 0)
                o.$user.id = users["\(body.key):\(i)"]
                if slot == 17 { o.status = i % 2 == 0 ? .retired : .transferred }
                officers.append(o)
                // Training: 76 学时 this year, 40 for slot 13 (short of 72); 64 in all for the new staff member (slot 7).
                let thisYear = slot == 13 ? 40 : (slot == 7 ? 64 : 76)
                trainings.append(TrainingRecord(officerID: officerID, heldOn: "\(year)-04-\(String(format: "%02d", 10 + i % 15))",
                                                title: "公共法律知识轮训（行政处罚法、行政强制法）", hours: thisYear / 2))
                trainings.append(TrainingRecord(officerID: officerID, heldOn: "\(year)-09-\(String(format: "%02d", 8 + i % 15))",
                                                title: "专业法律知识培训", hours: thisYear - thisYear / 2))
                if slot != 7 {
                    trainings.append(TrainingRecord(officerID: officerID, heldOn: "\(year - 1)-05-12", title: "年度轮训", hours: 72))
                }
                // Exams: passed this year except slot 12 (failed, so no inspection).
                exams.append(ExamRecord(officerID: officerID, takenOn: "\(year)-06-\(String(format: "%02d", 5 + i % 20))", subject: "公共法律知识",
                                        score: slot == 12 ? 52 : 68 + (i * 3) % 30, passed: slot != 12))
                if slot == 13 {
                    faults.append(FaultRecord(officerID: officerID, occurredOn: "\(year)-08-19", description: "现场检查未出示执法证件，未制作检查笔录"))
                }
                guard employment == .established, body.mayHoldCertificates, slot != 7 else { continue }
                let certID = DemoIDs.uuid("certificate:\(body.key):\(i)")
                let issued = "\(year - 3)-03-\(String(format: "%02d", 1 + i % 28))"
                let c = Certificate(officerID: officerID, number: "\(body.numberPrefix)-\(String(format: "%05d", serial))",
                                    issuedOn: issued, validUntil: "\(year + 2)-03-\(String(format: "%02d", 1 + i % 28))")
                c.id = certID
                c.lastInspectionYear = (slot == 12 || slot == 13) ? year - 1 : year
                var log: [(CertificateEventKind, String, String, String?)] = [(.issue, issued, "核发，有效期至 \(c.validUntil)", nil)]
                for y in (year - 2)...(c.lastInspectionYear ?? year) {
                    log.append((.inspect, "\(y)-11-0\(1 + i % 8)", "\(y)年度年审通过", nil))
                }
                switch slot {
                case 14:
                    c.status = .suspended
                    c.suspendedOn = today.adding(days: -20).iso
                case 15:
                    // Suspended a third time more than two months ago: revocation proposed, decision overdue.
                    log.append((.suspend, "\(year - 1)-05-06", "同一事项未出示证件", "暂扣字〔\(year - 1)〕\(serial)号"))
                    log.append((.restore, "\(year - 1)-06-20", "经处理，恢复证件", nil))
                    log.append((.suspend, "\(year)-02-10", "转借执法证件", "暂扣字〔\(year)〕\(serial)号"))
                    log.append((.restore, "\(year)-03-28", "经处理，恢复证件", nil))
                    c.status = .suspended
                    c.suspendedOn = "\(year)-08-03"
                case 16:
                    c.status = .revoked
                    log.append((.revoke, "\(year)-05-18", "故意涂改执法证件，予以核销", nil))
                case 17:
                    c.status = .cancelled
                    log.append((.cancel, "\(year)-06-30", o.status == .retired ? "退休，证件上缴注销" : "调离执法岗位，证件上缴注销", nil))
                default:
                    break
                }
                if let on = c.suspendedOn {
                    log.append((.suspend, on, slot == 15 ? "执法过程中态度粗暴，被投诉属实" : "涉嫌违规执法，暂扣待查", "暂扣字〔\(year)〕\(serial + 1000)号"))
                }
                certificates.append(c)
                for (n, e) in log.sorted(by: { $0.1 < $1.1 }).enumerated() {
                    events.append(CertificateEvent(certificateID: certID, kind: e.0, occurredOn: e.1, detail: e.2, documentRef: e.3,
                                                   actorName: "演示数据", sequence: n + 1))
                }
            }
        }
        try await officers.create(on: db)
        try await trainings.create(on: db)
        try await exams.create(on: db)
        try await faults.create(on: db)
        try await certificates.create(on: db)
        try await events.create(on: db)
    }

    /// Decision due dates and revocation proposals follow the body's profile, as the service would set them.
    static func applyRules(_ rules: OfficerRules, agencyKeys: [String], on db: any Database) async throws {
        let agencyIDs = agencyKeys.map { DemoIDs.uuid("agency:\($0)") }
        let officerIDs = try await Officer.query(on: db).filter(\.$agency.$id ~~ agencyIDs).all(\.$id)
        for c in try await Certificate.query(on: db).filter(\.$officer.$id ~~ officerIDs).filter(\.$status == .suspended).all() {
            let count = try await CertificateEvent.query(on: db).filter(\.$certificate.$id == c.requireID()).filter(\.$kind == .suspend).count()
            c.decisionDue = c.suspendedOn.flatMap(LocalDate.init(iso:)).flatMap { SuspensionCheck.decisionDue(suspendedOn: $0, rule: rules.suspensionDecision) }?.iso
            if SuspensionCheck.proposesRevocation(suspensionCount: count, rule: rules.suspensionsForRevocation), let rule = rules.suspensionsForRevocation {
                c.revocationProposed = true
                let next = try await CertificateEvent.query(on: db).filter(\.$certificate.$id == c.requireID()).count() + 1
                try await CertificateEvent(certificateID: c.requireID(), kind: .revocationProposed, occurredOn: c.suspendedOn ?? "",
                                           detail: SuspensionCheck.proposalText(suspensionCount: count, rule: rule),
                                           actorName: "系统", sequence: next).create(on: db)
            }
            try await c.save(on: db)
        }
    }
}
