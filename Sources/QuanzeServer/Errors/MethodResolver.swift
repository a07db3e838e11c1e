import RoutingKit
import Vapor

/// Knows which methods each registered path accepts, so that a request with an undeclared method on
/// a known path gets 405 with an `Allow` header instead of 404.
final class MethodResolver: @unchecked Sendable {  // the router is only read after init
    private let router: TrieRouter<[HTTPMethod]>

    init(routes: Routes) {
        var byPath: [String: (components: [PathComponent], methods: [HTTPMethod])] = [:]
        for route in routes.all {
            let key = route.path.string
            var entry = byPath[key] ?? (route.path, [])
            if !entry.methods.contains(route.method) { entry.methods.append(route.method) }
            byPath[key] = entry
        }
        let router = TrieRouter([HTTPMethod].self)
        for (_, entry) in byPath where !entry.components.isEmpty { router.register(entry.methods, at: entry.components) }
        self.router = router
    }

    func allowedMethods(for path: String) -> [HTTPMethod]? {
        var params = Parameters()
        let components = path.split(separator: "/").map(String.init)
        return router.route(path: components, parameters: &params)
    }
}

extension Application {
    private struct MethodResolverKey: StorageKey { typealias Value = MethodResolver }

    var methodResolver: MethodResolver {
        if let r = storage[MethodResolverKey.self] { return r }
        let r = MethodResolver(routes: routes)
        storage[MethodResolverKey.self] = r
        return r
    }
}
