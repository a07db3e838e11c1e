import Foundation
import QuanzeServer

// A failing command (e.g. `quanze records verify` finding a change) has already reported its
// error; exit with status 1 instead of trapping on an uncaught top-level error.
do {
    try await QuanzeApp.run()
} catch {
    exit(1)
}
