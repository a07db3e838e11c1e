import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 执法人员 register, kept by the body's 法制员 (or the jurisdiction's legal office): the person,
/// training hours, exams and fault records. Qualification is derived from these, never entered.
enum OfficerService {
    struct Fields: Sendable {
        var name: String?
        var idNumber: String?
        var phone: String?
        var employment: EmploymentType?
        var hiredOn: String?
        var legalProfessionQualified: Bool?
        var status: OfficerStatus?
    }

    static func create(_ f: Fields, agency: Agency, req: Request) async throws -> Officer {
        var problems: [FieldProblem] = []
        for (field, value) in [("name", f.name), ("idNumber", f.idNumber), ("hiredOn", f.hiredOn)] where value == nil {
            problems.append(.init(field: field, code: "required", message: "必填"))
        }
        if f.employment == nil { problems.append(.init(field: "employment", code: "required", message: "必填")) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let officer = Officer(agencyID: try agency.requireID(), name: "", idNumber: "", phone: nil,
                              employment: f.employment!, hiredOn: "")
        try await apply(f, to: officer, req: req)
        try await req.db.transaction { tx in
            try await officer.create(on: tx)
            try await req.audit(.officerCreate, .success, target: officer.name,
                                detail: "\(agency.name)，\(officer.employment.label)，身份证号 \(PersonalDataMasker.maskIDNumber(officer.idNumber))", on: tx)
        }
        return officer
    }

    static func update(_ officer: Officer, _ f: Fields, req: Request) async throws {
        try await apply(f, to: officer, req: req)
        try await req.db.transaction { tx in
            try await officer.save(on: tx)
            try await req.audit(.officerUpdate, .success, target: officer.name, detail: "\(officer.employment.label)，\(officer.status.label)", on: tx)
        }
    }

    private static func apply(_ f: Fields, to o: Officer, req: Request) async throws {
        var problems: [FieldProblem] = []
        if let raw = f.name {
            if let p = TextInput.problem(raw, field: "name", max: 30) { problems.append(p) } else { o.name = try TextInput.name(raw, field: "name", max: 30) }
        }
        if let raw = f.idNumber {
            switch Result(catching: { () throws(ResidentIDNumberError) in try ResidentIDNumber(raw, asOf: req.today) }) {
            case .success(let id):
                if id.value != o.idNumber,
                   try await Officer.query(on: req.db).filter(\.$idNumber == id.value).first() != nil {
                    problems.append(.init(field: "idNumber", code: "taken", message: "该身份证号已登记为执法人员"))
                }
                o.idNumber = id.value
            case .failure(let error):
                problems.append(.init(field: "idNumber", code: error.code, message: error.message))
            }
        }
        if let raw = f.phone {
            let phone = raw.trimmingCharacters(in: .whitespaces)
            if phone.isEmpty { o.phone = nil }
            else if !PhoneFormat.isValid(phone) {
                problems.append(.init(field: "phone", code: "format", message: "手机号须为 11 位（1 开头），座机如 0431-88886666"))
            } else { o.phone = phone }
        }
        if let raw = f.hiredOn, let day = pastDay(raw, field: "hiredOn", req: req, problems: &problems) { o.hiredOn = day.iso }
        if let e = f.employment { o.employment = e }
        if let q = f.legalProfessionQualified { o.legalProfessionQualified = q }
        if let s = f.status { o.status = s }
        guard problems.isEmpty else { throw AppError.validation(problems) }
    }

    static func addTraining(_ o: Officer, heldOn: String, title: String, hours: Int, req: Request) async throws {
        var problems: [FieldProblem] = []
        let day = pastDay(heldOn, field: "heldOn", req: req, problems: &problems)
        if let p = TextInput.problem(title, field: "title", max: 100) { problems.append(p) }
        if !(1...200).contains(hours) { problems.append(.init(field: "hours", code: "range", message: "学时须为 1 至 200 的整数")) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        try await TrainingRecord(officerID: o.requireID(), heldOn: day!.iso, title: try TextInput.name(title, field: "title", max: 100), hours: hours).create(on: req.db)
    }

    /// A score of 60 or more passes (百分制).
    static func addExam(_ o: Officer, takenOn: String, subject: String, score: Int, req: Request) async throws {
        var problems: [FieldProblem] = []
        let day = pastDay(takenOn, field: "takenOn", req: req, problems: &problems)
        if let p = TextInput.problem(subject, field: "subject", max: 50) { problems.append(p) }
        if !(0...100).contains(score) { problems.append(.init(field: "score", code: "range", message: "成绩须为 0 至 100 的整数")) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        try await ExamRecord(officerID: o.requireID(), takenOn: day!.iso, subject: try TextInput.name(subject, field: "subject", max: 50),
                             score: score, passed: score >= 60).create(on: req.db)
    }

    static func addFault(_ o: Officer, occurredOn: String, description: String, req: Request) async throws {
        var problems: [FieldProblem] = []
        let day = pastDay(occurredOn, field: "occurredOn", req: req, problems: &problems)
        if let p = TextInput.problem(description, field: "description", max: 500) { problems.append(p) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        try await FaultRecord(officerID: o.requireID(), occurredOn: day!.iso,
                              description: try TextInput.name(description, field: "description", max: 500)).create(on: req.db)
    }

    static func processFault(_ fault: FaultRecord, outcome: String, req: Request) async throws {
        guard fault.processedOn == nil else { throw AppError.conflict("FAULT_ALREADY_PROCESSED", "该过错记录已于 \(fault.processedOn!) 处理") }
        fault.outcome = try TextInput.name(outcome, field: "outcome", max: 200)
        fault.processedOn = req.today.iso
        try await fault.save(on: req.db)
    }
}

extension OfficerService {
    /// A date that is not after today, or a problem for `field`.
    fileprivate static func pastDay(_ raw: String, field: String, req: Request, problems: inout [FieldProblem]) -> LocalDate? {
        guard let day = LocalDate(iso: raw), day <= req.today else {
            problems.append(.init(field: field, code: "date", message: "须为不晚于今天的有效日期（YYYY-MM-DD）"))
            return nil
        }
        return day
    }
}

extension Request {
    /// Today in China Standard Time, from the injected clock.
    var today: LocalDate { LocalDate(instant: now) }
}
