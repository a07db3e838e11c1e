import Logging
import QuanzeCore

/// Wraps a log handler so that ID numbers and phone numbers never reach the logs.
struct MaskingLogHandler: LogHandler {
    var inner: any LogHandler

    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var masked = event
        masked.message = "\(PersonalDataMasker.maskText(event.message.description))"
        masked.metadata = event.metadata?.mapValues { Logger.MetadataValue.string(PersonalDataMasker.maskText("\($0)")) }
        inner.log(event: masked)
    }
}
