/// Every master customer classified as of the evaluation date (SPEC §5): enrich's output.
package struct CustomerProfiles: Sendable {
    package var base: CustomerBase
    package var history: CustomerHistory
    package var settings: Settings
    /// Position of each master in master_id byte order (for ties and for output order).
    package var idRank: [Int32]
    /// Masters in master_id byte order.
    package var byMasterId: [Int32]

    package var stage: [LifecycleStage]
    package var activity: [Activity]
    package var abc: [ABCClass?]
    /// RFM scores 1–5; 0 for customers without a purchase.
    package var recency: [UInt8]
    package var frequency: [UInt8]
    package var monetary: [UInt8]
    package var revenueTotal: [Int64]
    package var revenue12Months: [Int64]

    package var count: Int { stage.count }
    package var asOf: Int32 { history.asOf }
}
