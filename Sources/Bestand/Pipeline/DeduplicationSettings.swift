/// How deduplicate matches customer records (the `deduplicate` object in `settings`).
package struct DeduplicationSettings: Sendable, Equatable {
    /// The default rules of SPEC §4, each of which can be switched off or tuned.
    package enum Rule: String, CaseIterable, Sendable {
        /// Same e-mail address (case and spaces ignored).
        case email
        /// Same VAT id.
        case vatId = "vat_id"
        /// Same phone number (any format) and a similar name.
        case phoneName = "phone_name"
        /// Same postcode, a similar name and a similar street with the same house number.
        case addressName = "address_name"
        /// A similar name and the same birth date.
        case nameBirthDate = "name_birth_date"
    }

    package var enabled: Set<Rule> = Set(Rule.allCases)
    /// Minimum name similarity (0…1, token-wise Jaro-Winkler) per rule that compares names.
    package var nameSimilarity: [Rule: Double] = [.phoneName: 0.85, .addressName: 0.88, .nameBirthDate: 0.9]
    /// Minimum street-name similarity for `address_name`.
    package var streetSimilarity = 0.9
    /// `address_name` candidates share the postcode, house number and the street's first letter;
    /// `postcode` alone is far looser.
    package var addressBlocking = AddressBlocking.postcodeAndNumber
    /// Records sharing one blocking value beyond this are not compared (the value is reported).
    package var maxBlockSize = 1000
    /// A run whose blocking yields more candidate pairs than this is refused.
    package var maxCandidatePairs = 50_000_000
    /// Path of an overrides file (`action,key_a,key_b`), relative to the pipeline file.
    package var overrides: String?

    package enum AddressBlocking: String, Sendable {
        case postcodeAndNumber = "postcode+number"
        case postcode
    }

    package init() {}
}
