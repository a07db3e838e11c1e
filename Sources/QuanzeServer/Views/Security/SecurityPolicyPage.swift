import Foundation
import Plot
import QuanzeCore

/// 安全策略 (安全管理员): may be tightened, never weakened below the baseline.
struct SecurityPolicyPage {
    let principal: Principal
    let policy: SecurityPolicy
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        let b = SecurityPolicy.baseline
        return Layout.console(title: "安全策略", principal: principal, active: SiteURL.consoleSecurityPolicy, content: .div(
            .h1(.text("安全策略")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .p(.class("hint"), .text("基线（不可放宽）：密码至少 \(b.passwordMinLength) 位、至少 \(b.passwordMinClasses) 类字符；连续 \(b.lockoutThreshold) 次失败锁定 \(b.lockoutMinutes) 分钟；空闲 \(b.idleTimeoutMinutes) 分钟超时。")),
            .form(.method(.post), .action(SiteURL.consoleSecurityPolicy),
                  UI.csrfField(principal.csrfToken),
                  UI.field("密码最小长度（8–64）", name: "passwordMinLength", type: .number, value: "\(policy.passwordMinLength)", required: true),
                  UI.field("密码最少字符类别（3–4）", name: "passwordMinClasses", type: .number, value: "\(policy.passwordMinClasses)", required: true),
                  UI.field("连续失败锁定阈值（1–5 次）", name: "lockoutThreshold", type: .number, value: "\(policy.lockoutThreshold)", required: true),
                  UI.field("锁定时长（15–1440 分钟）", name: "lockoutMinutes", type: .number, value: "\(policy.lockoutMinutes)", required: true),
                  UI.field("空闲超时（5–30 分钟）", name: "idleTimeoutMinutes", type: .number, value: "\(policy.idleTimeoutMinutes)", required: true),
                  .button(.type(.submit), .text("保存策略")))
        ))
    }
}
