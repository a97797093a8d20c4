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
    /// Rows per campaign (in campaign_id byte order, `*` among them): each stage with at least
    /// one recipient, then `all`. A contact's stage is Z(c, s − 1); it responded when a response
    /// of the same campaign and customer is dated in [s, s + window], and converted when the
    /// customer has a purchase day in that range. A campaign's window is complete when
    /// s + window ≤ asOf for all its contacts; `*` pools the complete campaigns.
    /// O(contacts + responses + masters), plus sorting each master's few events: the events are
    /// grouped by master, so the history is read in master order.
    package static func rows(_ profiles: CustomerProfiles) -> [CampaignResponseRow] {
        let base = profiles.base
        let history = profiles.history
        let asOf = profiles.asOf
        let window = Int32(profiles.settings.responseWindowDays)
        let data = base.dataset
        let contacts = EventsByMaster(data.contacts, masterOfKey: base.masterOfKey, masters: profiles.count, through: asOf)
        let responses = EventsByMaster(data.responses, masterOfKey: base.masterOfKey, masters: profiles.count, through: asOf)

        // Per campaign one row a stage, then `all`.
        let slots = LifecycleStage.allCases.count + 1
        let campaigns = data.campaigns.count
        var counts = [Counts](repeating: Counts(), count: campaigns * slots)
        var complete = [Bool](repeating: true, count: campaigns)
        var hasContacts = [Bool](repeating: false, count: campaigns)
        for master in 0..<profiles.count {
            let events = contacts.events(of: master)
            var index = events.startIndex
            while index < events.endIndex {
                // A master's first event of a campaign is its contact (the earliest sent date).
                let campaign = EventsByMaster.campaign(events[index])
                let sent = EventsByMaster.date(events[index])
                index += 1
                while index < events.endIndex, EventsByMaster.campaign(events[index]) == campaign { index += 1 }
                let end = sent + window
                let responded = responses.contains(
                    master, from: EventsByMaster.event(campaign, sent), through: EventsByMaster.event(campaign, end))
                let converted = history.hasPurchase(master, from: sent, through: end)
                let stage = history.stage(master, on: sent - 1, regularMinimum: profiles.settings.z4MinPurchases)
                hasContacts[Int(campaign)] = true
                if end > asOf { complete[Int(campaign)] = false }
                counts[Int(campaign) * slots + stage.rawValue].add(responded: responded, converted: converted)
                counts[Int(campaign) * slots + slots - 1].add(responded: responded, converted: converted)
            }
        }

        var groups: [(campaign: String, complete: Bool, counts: ArraySlice<Counts>)] = []
        var pooled = [Counts](repeating: Counts(), count: slots)
        for campaign in 0..<campaigns where hasContacts[campaign] {
            let own = counts[(campaign * slots)..<((campaign + 1) * slots)]
            groups.append((data.campaigns.string(Int32(campaign)), complete[campaign], own))
            if complete[campaign] {
                for (slot, count) in own.enumerated() { pooled[slot].add(count) }
            }
        }
        if pooled[slots - 1].recipients > 0 { groups.append(("*", true, pooled[...])) }
        groups.sort { Text.bytesPrecede($0.campaign, $1.campaign) }

        var rows: [CampaignResponseRow] = []
        for (campaign, isComplete, groupCounts) in groups {
            let cold = groupCounts[groupCounts.startIndex + LifecycleStage.z0.rawValue]
            for (slot, count) in groupCounts.enumerated() where count.recipients > 0 || slot == slots - 1 {
                rows.append(
                    CampaignResponseRow(
                        campaign: campaign, stage: slot == slots - 1 ? nil : LifecycleStage.allCases[slot],
                        windowComplete: isComplete, recipients: count.recipients, responders: count.responders,
                        converters: count.converters, coldResponders: cold.responders, coldRecipients: cold.recipients))
            }
        }
        return rows
    }

    /// Recipients, responders and converters of one campaign (or the pool) and stage.
    struct Counts {
        var recipients = 0
        var responders = 0
        var converters = 0

        mutating func add(responded: Bool, converted: Bool) {
            recipients += 1
            if responded { responders += 1 }
            if converted { converters += 1 }
        }

        mutating func add(_ other: Counts) {
            recipients += other.recipients
            responders += other.responders
            converters += other.converters
        }
    }

    /// The rows of a campaign event table dated on or before the as-of date, grouped by master
    /// (a counting sort), each master's as events `campaign << 32 | date` in ascending order:
    /// by campaign, then date. O(rows + masters) and the sort of each master's events.
    struct EventsByMaster {
        /// Master `m`'s events are `events[starts[m]..<starts[m + 1]]`.
        private var starts: [Int32]
        private var events: [UInt64]

        init(_ table: CampaignEventTable, masterOfKey: [Int32], masters: Int, through asOf: Int32) {
            starts = [Int32](repeating: 0, count: masters + 1)
            for row in 0..<table.count where table.date[row] <= asOf {
                starts[Int(masterOfKey[Int(table.customer[row])]) + 1] += 1
            }
            for master in 0..<masters { starts[master + 1] += starts[master] }
            var next = starts
            events = [UInt64](repeating: 0, count: Int(starts[masters]))
            for row in 0..<table.count where table.date[row] <= asOf {
                let master = Int(masterOfKey[Int(table.customer[row])])
                events[Int(next[master])] = Self.event(table.campaign[row], table.date[row])
                next[master] += 1
            }
            for master in 0..<masters where starts[master + 1] - starts[master] > 1 {
                events[Int(starts[master])..<Int(starts[master + 1])].sort()
            }
        }

        /// The events of `master`, ascending.
        func events(of master: Int) -> ArraySlice<UInt64> { events[Int(starts[master])..<Int(starts[master + 1])] }

        /// Whether `master` has an event in `first...last`. O(log events of the master).
        func contains(_ master: Int, from first: UInt64, through last: UInt64) -> Bool {
            var (low, high) = (Int(starts[master]), Int(starts[master + 1]))
            while low < high {
                let middle = (low + high) / 2
                if events[middle] < first { low = middle + 1 } else { high = middle }
            }
            return low < Int(starts[master + 1]) && events[low] <= last
        }

        /// An event as one integer that orders by campaign, then date (the date's sign bit
        /// flipped, so that days before 1970 order first).
        static func event(_ campaign: Int32, _ date: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: campaign)) << 32 | UInt64(UInt32(bitPattern: date) ^ 0x8000_0000)
        }

        static func campaign(_ event: UInt64) -> Int32 { Int32(truncatingIfNeeded: event >> 32) }

        static func date(_ event: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: event) ^ 0x8000_0000) }
    }
}

