import Fluent
import Foundation
import QuanzeCore

/// Demo 执法办案: handlers on the posts that hold the curated powers, so that cases can be filed.
enum DemoCases {
    /// 案件承办岗 (XZCF-001) gets officers 0…3 of amr, 许可受理审查岗 (XZXK-001) officers 4 and 5.
    static func assignHandlers(on db: any Database) async throws {
        let rows: [(post: String, officers: [Int])] = [("case", [0, 1, 2, 3]), ("accept", [4, 5])]
        for row in rows {
            let postID = DemoIDs.uuid("post:amr:\(row.post)")
            let existing = Set(try await PostAssignment.query(on: db).filter(\.$post.$id == postID).all().map { $0.$officer.id })
            for i in row.officers {
                let officerID = DemoIDs.uuid("officer:amr:\(i)")
                guard !existing.contains(officerID), let officer = try await Officer.find(officerID, on: db) else { continue }
                try await PostAssignment(id: DemoIDs.uuid("assignment:amr:\(row.post):\(i)"), postID: postID, officerID: officerID,
                                         startDate: max("2024-01-01", officer.hiredOn)).create(on: db)
            }
        }
    }
}
