import Vapor

/// Registers every route: public portal, console pages, JSON API, health.
func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: PublicController())
    try app.register(collection: LoginController())
    try app.register(collection: HomeController())
    try app.register(collection: AccountController())
    try app.register(collection: UsersPageController())
    try app.register(collection: SecurityPolicyPageController())
    try app.register(collection: AuditPageController())
    try app.register(collection: ReferencePagesController())
    try app.register(collection: AgencyPagesController())
    try app.register(collection: LegalNormPagesController())
    try app.register(collection: PowerItemPagesController())
    try app.register(collection: PostPagesController())
    try app.register(collection: PledgePagesController())

    let api = app.grouped("api", "v1")
    try api.register(collection: OpenAPIController())
    try api.register(collection: APIAuthController())
    try api.register(collection: APIMeController())
    try api.register(collection: APIUsersController())
    try api.register(collection: APISecurityPolicyController())
    try api.register(collection: APIAuditController())
    try api.register(collection: APIAgenciesController())
    try api.register(collection: APILegalNormsController())
    try api.register(collection: APIPowerItemsController())
    try api.register(collection: APIProfilesController())
    try api.register(collection: APICalendarController())
    try api.register(collection: APIPostsController())
    try api.register(collection: APIPledgesController())
}
