import Foundation
import Plot
import QuanzeCore

/// One 执法主体: its registry data, status, and the legal office's actions (edit, confirm, announce, revoke).
struct AgencyDetailPage {
    let principal: Principal
    let agency: Agency
    let supervising: Agency?
    let others: [Agency]
    var powers: [(PowerItem, PowerItemVersion)] = []
    /// 委托执法: per delegated item “委托给：…”, and the items this body carries out by delegation.
    var delegationNotes: [UUID: [String]] = [:]
    var received: [DelegationRecord] = []
    var today: LocalDate? = nil
    var message: String? = nil
    var error: String? = nil

    var canManage: Bool { principal.has(.supervisor) && principal.jurisdictionID == agency.$jurisdiction.id }

    func render() -> HTML {
        let path = SiteURL.consoleAgency(agency.id!)
        return Layout.console(title: agency.name, principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text(agency.name)),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .section(.class("card"),
                     .dl(.dt(.text("主体资格")), .dd(.span(.class(agency.mayEnforce ? "badge ok" : "badge warn"), .text(agency.status.label)),
                                                  .text(agency.mayEnforce ? " 可以从事行政执法" : " 未经确认、公告，不得从事行政执法")),
                         .dt(.text("统一社会信用代码")), .dd(.text(agency.uscc ?? "—"),
                                                      .unwrap(agency.usccExceptionReason) { .text("（校验码例外：\($0)）") }),
                         .dt(.text("主体类别")), .dd(.text(agency.kind.label)),
                         .dt(.text("层级")), .dd(.text(agency.level)),
                         .dt(.text("行政区划代码")), .dd(.text(agency.regionCode ?? "—")),
                         .dt(.text("管理体制")), .dd(.text(agency.managementMode.label)),
                         .dt(.text("上级主管机关")), .dd(.text(supervising?.name ?? "—")),
                         .dt(.text("确认文件")), .dd(.text(agency.confirmationRef.map { "\($0)（\(UI.dateTime(agency.confirmedAt))，\(agency.confirmedBy ?? "")）" } ?? "—")),
                         .dt(.text("公告")), .dd(.text(agency.announcementRef.map { "\($0)（\(agency.announcedOn ?? "")）" } ?? "—")))),
            .h2(.text("权责清单")),
            .if(principal.has(.legalOfficer) && principal.agencyID == agency.id,
                .p(.a(.class("button"), .href(SiteURL.consoleNewPowerItem(agency.id!)), .text("草拟职权事项")))),
            UI.table(caption: "职权事项（共 \(powers.count) 项）", headers: ["编码", "名称", "类别", "最新版本", "需调整", "委托"], rows: powers.map { item, v in
                [.text(item.code), .a(.href(SiteURL.consolePowerItem(item.id!)), .text(v.name)), .text(v.category.label),
                 .text("v\(v.version)（\(v.status.label)）"),
                 v.needsAdjustment ? .span(.class("badge warn"), .text("需调整（\(v.adjustmentDue ?? "")）")) : .text("—"),
                 .text((delegationNotes[item.id!] ?? ["—"]).joined(separator: "；"))]
            }, empty: "尚无职权事项。"),
            .if(principal.hasAny([.supervisor, .reviewer, .legalOfficer, .officer]),
                AgencyDelegationsSection.node(received: received, today: today, canCreate: principal.has(.legalOfficer) && principal.agencyID == agency.id)),
            .if(principal.has(.legalOfficer) && principal.agencyID == agency.id,
                PowerListImportForm.node(agency: agency.id!, csrf: principal.csrfToken)),
            .if(canManage, actions(path)),
            .if(canManage && agency.status != .revoked, .section(.class("card"), .attribute(named: "aria-labelledby", value: "edit-h"),
                .h2(.id("edit-h"), .text("修改主体信息")),
                .p(.class("hint"), .text("修改名称、主体类别或统一社会信用代码后，须重新确认和公告。")),
                AgencyForm.fields(action: path + "/edit", agency: agency, others: others, csrf: principal.csrfToken, submit: "保存"))),
            .if(PostScope.canRead(agency, principal), .section(.class("card"), .attribute(named: "aria-labelledby", value: "posts-h"),
                .h2(.id("posts-h"), .text("分解职权")),
                .p(.a(.href(SiteURL.consolePosts(agency.id!)), .text("执法机构与岗位")), .text(" · "),
                   .a(.href(SiteURL.consoleCoverage(agency.id!)), .text("职权分解情况报告")))))
        ))
    }

    private func actions(_ path: String) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "act-h"),
                 .h2(.id("act-h"), .text("确认与公告")),
                 .p(.class("hint"), .text("执法主体经行政执法监督机关确认并向社会公告后方可执法（永政办〔2015〕98号 四(二)；黑龙江省行政执法责任制规定 第五条）。")),
                 .if(agency.status == .pending, .form(.method(.post), .action(path + "/confirm"),
                     UI.csrfField(principal.csrfToken),
                     UI.field("确认文件文号", name: "confirmationRef", required: true, hint: "如 长司确〔2026〕12号"),
                     .button(.type(.submit), .text("确认主体资格")))),
                 .if(agency.status == .confirmed, .form(.method(.post), .action(path + "/announce"),
                     UI.csrfField(principal.csrfToken),
                     UI.field("公告文号", name: "announcementRef", required: true),
                     UI.field("公告日期", name: "announcedOn", type: .date, required: true),
                     .button(.type(.submit), .text("公告")))),
                 .if(agency.status != .revoked && !agency.isLegalOffice, .form(.method(.post), .action(path + "/revoke"),
                     UI.csrfField(principal.csrfToken),
                     UI.field("撤销原因", name: "reason", required: true),
                     .button(.type(.submit), .class("secondary"), .text("撤销主体资格")))))
    }
}

/// The 执法主体 form, shared by 新建 and 修改.
enum AgencyForm {
    static func fields(action: String, agency: Agency?, others: [Agency], csrf: String?, submit: String,
                       errors: [String: String] = [:], values: [String: String] = [:]) -> Node<HTML.BodyContext> {
        func v(_ key: String, _ current: String?) -> String { values[key] ?? current ?? "" }
        return .form(.method(.post), .action(action),
                     UI.csrfField(csrf),
                     UI.field("名称", name: "name", value: v("name", agency?.name), required: true, error: errors["name"]),
                     UI.field("统一社会信用代码", name: "uscc", value: v("uscc", agency?.uscc), required: true,
                              hint: "18 位，按 GB 32100-2015 校验", error: errors["uscc"]),
                     UI.field("校验码例外原因", name: "usccExceptionReason", value: v("usccExceptionReason", agency?.usccExceptionReason),
                              hint: "仅当代码系标准实施前试点地区赋予、无法通过校验时填写", error: errors["usccExceptionReason"]),
                     UI.select("主体类别", name: "kind", options: AgencyKind.allCases.map { ($0.rawValue, $0.label) },
                               selected: v("kind", agency?.kind.rawValue)),
                     UI.select("层级", name: "level", options: AgencyLevel.allCases.map { ($0.rawValue, $0.rawValue) },
                               selected: v("level", agency?.level ?? AgencyLevel.city.rawValue)),
                     UI.field("行政区划代码", name: "regionCode", value: v("regionCode", agency?.regionCode), error: errors["regionCode"]),
                     UI.select("管理体制", name: "managementMode", options: ManagementMode.allCases.map { ($0.rawValue, $0.label) },
                               selected: v("managementMode", agency?.managementMode.rawValue)),
                     UI.select("上级主管机关", name: "supervisingAgencyId",
                               options: [("", "（无）")] + others.filter { $0.id != agency?.id }.map { ($0.id!.uuidString, $0.name) },
                               selected: v("supervisingAgencyId", agency?.$supervisingAgency.id?.uuidString)),
                     .div(.class("field"), .label(.for("complaintChannels"), .text("投诉举报渠道（每行一项，如 投诉电话、来信地址、电子信箱）")),
                          .textarea(.name("complaintChannels"), .id("complaintChannels"), .rows(4), .cols(60),
                                    .text(v("complaintChannels", agency?.complaintChannels.joined(separator: "\n"))))),
                     .button(.type(.submit), .text(submit)))
    }
}
