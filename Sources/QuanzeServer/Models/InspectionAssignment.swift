import Fluent
import Foundation

/// One seat of the draw's result: the object drawn at `position` (1, 2, … in draw order) and the
/// inspector drawn for it at `seat` (1…inspectorsPerObject), with the certificate number and name
/// as they stood at the draw.
final class InspectionAssignment: Model, @unchecked Sendable {
    static let schema = "inspection_assignments"

    @ID(key: .id) var id: UUID?

    @Parent(key: "plan_id") var plan: InspectionPlan
    @Parent(key: "object_id") var object: InspectionObject
    @Parent(key: "officer_id") var officer: Officer
    @Field(key: "position") var position: Int
    @Field(key: "seat") var seat: Int
    @Field(key: "certificate_number") var certificateNumber: String
    @Field(key: "officer_name") var officerName: String

    init() {}

    init(planID: UUID, objectID: UUID, officerID: UUID, position: Int, seat: Int, certificateNumber: String, officerName: String) {
        self.$plan.id = planID
        self.$object.id = objectID
        self.$officer.id = officerID
        self.position = position
        self.seat = seat
        self.certificateNumber = certificateNumber
        self.officerName = officerName
    }
}
