/// Everything ingest read: typed tables, the interned ids, per-file reports and rejects.
package struct Dataset: Sendable {
    package var keys: CustomerKeys
    package var campaigns = ByteInterner(capacity: 64)
    package var customers = CustomerTable()
    package var orders = OrderTable()
    package var interactions = InteractionTable()
    package var contacts = CampaignEventTable()
    package var responses = CampaignEventTable()
    package var files: [InputFileReport] = []
    package var rejects: [Reject] = []
    /// The user's always_merge / never_merge corrections for deduplicate.
    package var overrides: [Override] = []
    /// The pseudonymisation key, when the pipeline asks for pseudonyms.
    package var pseudonymKey: [UInt8]?
    /// Override rows skipped because they name a key that no input has.
    package var unknownOverrideKeys = 0

    package init(idSpaces: [String]) {
        keys = CustomerKeys(idSpaces: idSpaces)
    }

    package var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    package var rowsAccepted: Int { files.reduce(0) { $0 + $1.rowsAccepted } }
}
