import QuanzeCore
import Vapor

// Core value types the API returns as they are (they are plain Codable data, not models).
extension Dashboard: Content {}
extension SecurityPolicy: Content {}
extension DeadlineResult: Content {}
extension CalendarYear: Content {}
extension EffectiveProfile: Content {}
extension ProfileComparison: Content {}
extension DrawInput: Content {}
extension DrawAssignment: Content {}
