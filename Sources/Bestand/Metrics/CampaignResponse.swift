/// Response and conversion of one campaign's contacts in one lifecycle stage (SPEC §6).
package struct CampaignResponseRow: Sendable, Equatable {
    /// The campaign id, or `*` for the pool of all campaigns whose window is complete.
    package var campaign: String
    /// nil: all stages.
    package var stage: LifecycleStage?
    package var windowComplete: Bool
    package var recipients = 0
    package var responders = 0
    package var converters = 0
    /// Responders and recipients of the same campaign's Z0 row, for the lift.
    package var coldResponders = 0
    package var coldRecipients = 0
}

package enum CampaignResponse {
    /// A contact: campaign and master customer with the earliest send date on or before as-of.
    struct Contact {
        var campaign: Int32
        var customer: Int32
        var sent: Int32
        var stage: LifecycleStage
        var responded: Bool
        var converted: Bool
    }

    /// Rows per campaign (in campaign_id byte order, `*` among them): each stage with at least
    /// one recipient, then `all`. A contact's stage is Z(c, s − 1); it responded when a response
    /// of the same campaign and customer is dated in [s, s + window], and converted when the
    /// customer has a purchase day in that range. A campaign's window is complete when
    /// s + window ≤ asOf for all its contacts; `*` pools the complete campaigns.
    /// O(contacts + responses) with hashing.
    package static func rows(_ profiles: CustomerProfiles) -> [CampaignResponseRow] {
        let base = profiles.base
        let history = profiles.history
        let asOf = profiles.asOf
        let window = Int32(profiles.settings.responseWindowDays)
        let data = base.dataset

        var earliest: [UInt64: Int32] = [:]
        for row in 0..<data.contacts.count where data.contacts.date[row] <= asOf {
            let master = base.masterOfKey[Int(data.contacts.customer[row])]
            let pair = UInt64(UInt32(data.contacts.campaign[row])) << 32 | UInt64(UInt32(master))
            earliest[pair] = min(earliest[pair] ?? .max, data.contacts.date[row])
        }
        var responses: [UInt64: [Int32]] = [:]
        for row in 0..<data.responses.count where data.responses.date[row] <= asOf {
            let master = base.masterOfKey[Int(data.responses.customer[row])]
            let pair = UInt64(UInt32(data.responses.campaign[row])) << 32 | UInt64(UInt32(master))
            responses[pair, default: []].append(data.responses.date[row])
        }

        var contacts: [Contact] = []
        contacts.reserveCapacity(earliest.count)
        for (pair, sent) in earliest {
            let campaign = Int32(truncatingIfNeeded: pair >> 32)
            let customer = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            let end = sent + window
            let responded = responses[pair]?.contains { $0 >= sent && $0 <= end } ?? false
            contacts.append(
                Contact(
                    campaign: campaign, customer: customer, sent: sent,
                    stage: history.stage(Int(customer), on: sent - 1, regularMinimum: profiles.settings.z4MinPurchases),
                    responded: responded, converted: history.hasPurchase(Int(customer), from: sent, through: end)))
        }

        var complete = [Bool](repeating: true, count: data.campaigns.count)
        var hasContacts = [Bool](repeating: false, count: data.campaigns.count)
        for contact in contacts {
            hasContacts[Int(contact.campaign)] = true
            if contact.sent + window > asOf { complete[Int(contact.campaign)] = false }
        }
        var groups: [(String, Bool, [Contact])] = []
        var byCampaign = [[Contact]](repeating: [], count: data.campaigns.count)
        for contact in contacts { byCampaign[Int(contact.campaign)].append(contact) }
        for campaign in 0..<data.campaigns.count where hasContacts[campaign] {
            groups.append((data.campaigns.string(Int32(campaign)), complete[campaign], byCampaign[campaign]))
        }
        let pooled = contacts.filter { complete[Int($0.campaign)] }
        if !pooled.isEmpty { groups.append(("*", true, pooled)) }
        groups.sort { Text.bytesPrecede($0.0, $1.0) }

        var rows: [CampaignResponseRow] = []
        for (campaign, isComplete, members) in groups {
            var byStage = LifecycleStage.allCases.map { CampaignResponseRow(campaign: campaign, stage: $0, windowComplete: isComplete) }
            var all = CampaignResponseRow(campaign: campaign, stage: nil, windowComplete: isComplete)
            for contact in members {
                byStage[contact.stage.rawValue].count(contact)
                all.count(contact)
            }
            let cold = byStage[LifecycleStage.z0.rawValue]
            for var row in byStage.filter({ $0.recipients > 0 }) + [all] {
                row.coldResponders = cold.responders
                row.coldRecipients = cold.recipients
                rows.append(row)
            }
        }
        return rows
    }
}

extension CampaignResponseRow {
    fileprivate mutating func count(_ contact: CampaignResponse.Contact) {
        recipients += 1
        if contact.responded { responders += 1 }
        if contact.converted { converters += 1 }
    }
}
