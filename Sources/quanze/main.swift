import QuanzeServer

try await QuanzeApp.run()
