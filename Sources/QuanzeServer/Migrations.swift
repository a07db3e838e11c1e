import Fluent
import Vapor

/// The ordered list of migrations. Never reorder or edit a released one; add `Migrations/NNN/`.
enum QuanzeMigrations {
    static func register(_ app: Application) {
        app.migrations.add(CreateJurisdiction())
        app.migrations.add(CreateAgency())
        app.migrations.add(CreateUser())
        app.migrations.add(CreateSessionAndToken())
        app.migrations.add(CreateAudit())
        app.migrations.add(CreateSettings())
        // 002: 执法主体 register
        app.migrations.add(UpdateAgencyAddRegistry())
        app.migrations.add(CreateLegalNorm())
        app.migrations.add(CreatePowerItem())
        // 003: 委托执法
        app.migrations.add(CreateDelegation())
    }
}
