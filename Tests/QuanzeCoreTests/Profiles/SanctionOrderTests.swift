import Foundation
import Testing
@testable import QuanzeCore

/// The merged sanction catalogs keep each profile's own severity order (`ProfileMerger.mergeBySeverity`):
/// the order `DefenceGuard` ranks by (henan 第二十四条 不得因申辩而加重).
@Suite("处理方式轻重顺序 Sanction order under inheritance")
struct SanctionOrderTests {
    static let registry = try! ProfileRegistry.bundled()

    static func codes(_ items: [Inherited<CatalogItem>]) -> [String] { items.map(\.entry.code) }

    /// Whether `sub`'s elements occur in `list` in the same relative order.
    static func keepsOrder(_ sub: [String], in list: [String]) -> Bool {
        let positions = sub.compactMap { list.firstIndex(of: $0) }
        return positions.count == sub.count && positions == positions.sorted()
    }

    @Test("every profile's own list keeps its order, and so does every ancestor's list for the codes the child does not restate",
          arguments: ["national", "jilin", "changchun", "henan", "henan-yongcheng", "shandong-wrongful-case", "tax", "heilongjiang",
                      "guizhou-education", "samr", "hangzhou", "beijing-tongzhou"])
    func ordersKept(id: String) throws {
        let effective = try #require(Self.registry.effective(id: id))
        let kinds: [(own: (RuleProfile) -> [CatalogItem], merged: [Inherited<CatalogItem>])] = [
            ({ $0.catalogs.personSanctions }, effective.catalogs.personSanctions),
            ({ $0.catalogs.agencySanctions }, effective.catalogs.agencySanctions),
        ]
        for kind in kinds {
            let list = Self.codes(kind.merged)
            var restated: Set<String> = []
            for layerID in effective.lineage {
                let own = kind.own(try #require(Self.registry.profile(id: layerID))).map(\.code).filter { !restated.contains($0) }
                #expect(Self.keepsOrder(own, in: list), "\(id): \(layerID)'s order \(own) not kept in \(list)")
                restated.formUnion(own)
            }
            #expect(Set(list).count == list.count, "\(id): duplicate codes in \(list)")
        }
    }

    @Test("henan 第十条 lists 取消执法资格 before 调离执法岗位; national 37号 the other way: henan's order governs its rank")
    func henanRanksItsOwnWay() throws {
        let henan = try #require(Self.registry.effective(id: "henan"))
        let national = try #require(Self.registry.effective(id: "national"))
        let revoke = "revoke_enforcement_qualification", transfer = "transfer_off_post"
        #expect(try #require(DefenceGuard.severity(of: revoke, profile: henan)) < #require(DefenceGuard.severity(of: transfer, profile: henan)))
        #expect(try #require(DefenceGuard.severity(of: transfer, profile: national)) < #require(DefenceGuard.severity(of: revoke, profile: national)))
        // national's heavier handling henan does not restate stays heavier than everything before it.
        let list = Self.codes(henan.catalogs.personSanctions)
        #expect(Array(list.suffix(3)) == ["organizational_handling", "administrative_sanction", "judicial_referral"])
        // After the defence, replacing 取消执法资格 by 调离执法岗位 is heavier under henan.
        #expect(try DefenceGuard.isHeavier([transfer], than: [revoke], profile: henan))
        #expect(try !DefenceGuard.isHeavier([transfer], than: [revoke], profile: national))
    }
}
