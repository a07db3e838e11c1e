import Fluent
import QuanzeCore
import Vapor

/// Configures the application: database, services, middleware, migrations, routes.
public func configure(_ app: Application, options: AppOptions, clock: any NowProvider = SystemClock()) async throws {
    try DatabaseSetup.register(app, storage: options.storage, postgresPoolSize: options.postgresPoolSize)
    app.passwords.use(.bcrypt(cost: options.bcryptCost))
    app.services = AppServices(
        options: options,
        clock: clock,
        profiles: try ProfileRegistry.bundled(),
        calendar: CalendarStore(official: try WorkCalendar.official()),
        audit: AuditWriter(),
        policy: PolicyCache(),
        records: RecordSettings(options: options)
    )
    ContentConfiguration.global.use(encoder: JSONEncoder.api, for: .json)
    ContentConfiguration.global.use(decoder: JSONDecoder.api, for: .json)
    app.routes.defaultMaxBodySize = "256kb"
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())   // outermost: error responses get the headers too
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())
    QuanzeMigrations.register(app)
    app.databases.middleware.use(DecisionFineMiddleware())
    app.databases.middleware.use(LiabilityIntakeMiddleware(box: LiabilityServicesBox(app)))
    try routes(app)
    try await DatabaseSetup.applySQLitePragmas(app)
}
