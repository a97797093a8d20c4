import Foundation

/// A parsed, checked pipeline file (SPEC §2): what to read, how, and which stages to run.
package struct Pipeline: Sendable {
    package var name: String
    /// The pipeline file's path as given, and the folder its relative paths start from.
    package var path: String
    package var folder: String
    package var asOf: Int32?
    package var timeZone: TimeZone
    package var timeZoneName: String
    package var currency: String
    package var language: ReportLanguage
    package var output: String?
    package var stages: [StageName]
    package var sources: [SourceConfig]
    package var settings: Settings

    package init(
        name: String, path: String, folder: String, asOf: Int32?, timeZone: TimeZone, timeZoneName: String,
        currency: String, language: ReportLanguage, output: String?, stages: [StageName], sources: [SourceConfig],
        settings: Settings
    ) {
        self.name = name
        self.path = path
        self.folder = folder
        self.asOf = asOf
        self.timeZone = timeZone
        self.timeZoneName = timeZoneName
        self.currency = currency
        self.language = language
        self.output = output
        self.stages = stages
        self.sources = sources
        self.settings = settings
    }

    /// The id spaces in the order of their first declaration.
    package var idSpaces: [String] {
        var seen: [String] = []
        for source in sources where !seen.contains(source.idSpace) { seen.append(source.idSpace) }
        return seen
    }

    /// Whether the deduplicate stage is part of the run.
    package var deduplicates: Bool { stages.contains(.deduplicate) }
}

package enum ReportLanguage: String, Sendable {
    case en, de
}

package enum StageName: String, CaseIterable, Sendable {
    case ingest, deduplicate, enrich, score, export
}

/// One input source of a pipeline: an entity read from one file or a glob of files.
package struct SourceConfig: Sendable {
    package var name: String
    package var entity: Entity
    /// The path or glob as written in the pipeline file.
    package var path: String
    package var idSpace: String
    /// Canonical field → header name.
    package var columns: [String: String]
    package var delimiter: UInt8?
    package var encoding: TextEncoding?
    package var decimalSeparator: UInt8?

    package init(
        name: String, entity: Entity, path: String, idSpace: String? = nil, columns: [String: String] = [:],
        delimiter: UInt8? = nil, encoding: TextEncoding? = nil, decimalSeparator: UInt8? = nil
    ) {
        self.name = name
        self.entity = entity
        self.path = path
        self.idSpace = idSpace ?? name
        self.columns = columns
        self.delimiter = delimiter
        self.encoding = encoding
        self.decimalSeparator = decimalSeparator
    }
}

/// The `settings` object with SPEC §2's defaults.
package struct Settings: Sendable {
    package var period: PeriodKind = .quarter
    package var periods = 8
    package var activeDays = 365
    package var dormantDays = 1825
    package var z4MinPurchases = 3
    package var abcAPercent = 80
    package var abcBPercent = 95
    package var secondOrderWindows = [30, 90, 180, 365]
    package var responseWindowDays = 30
    package var cancelledStatuses = ["cancelled", "canceled", "storniert", "storno"]
    package var prospectInteractionTypes = ["inquiry", "quote", "offer", "anfrage", "angebot"]
    package var maxRejectRate = 0.05
    package var phoneCountryCode = "49"
    package var deduplicate = DeduplicationSettings()
    /// Path of a key file; when set, names in customers.csv are replaced by a keyed hash.
    package var pseudonymize: String?

    package init() {}
}

/// Calendar period length for retention, cohorts and second-order conversion.
package enum PeriodKind: String, Sendable {
    case month, quarter, year
}
