import Foundation

/// Writes a complete synthetic multi-source data set (`bestand generate`): customer exports of
/// three systems with planted duplicates, webshop and ERP orders, inquiries, mailings and
/// responses, a few planted bad rows, the true clustering, and a pipeline file to run it.
///
/// Deterministic for a seed. Lifecycle: about a fifth of customers are cold addresses, some are
/// prospects who only inquired, about half of the buyers buy once, regulars buy often, with
/// more orders in the fourth quarter, same-day orders, credit notes and cancellations. Campaign
/// response rises from Z0 to Z4. About 10 order rows per customer. Memory grows with the
/// customers; order rows are streamed to disk.
package enum SyntheticDataSet {
    /// The evaluation date of generated data sets.
    package static let asOf = "2025-06-30"

    /// Numbers of what was written, for the caller to print.
    package struct Summary: Sendable {
        package var customers = 0
        package var records = 0
        package var orders = 0
        package var plantedRejects = 0
        package var files: [String] = []
    }

    /// Writes the data set for `count` real customers. `orderFactor` multiplies every buyer's
    /// order count and divides the gaps between orders, so the same customers buy that many
    /// times as often over the same years (for measuring how memory grows with order rows).
    package static func write(
        customers count: Int, seed: UInt64, orderFactor: Int = 1, to folder: String
    ) throws(BestandError) -> Summary {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw BestandError(.output, "cannot create the output folder", location: SourceLocation(path: folder))
        }
        var random = SeededRandom(seed: seed &+ 0x5EED)
        let people = SyntheticCustomers(customers: count, seed: seed)
        var summary = Summary(customers: count, records: people.records.count)

        // Customer exports, one per system, each in its own dialect.
        let crm = try GeneratedFile(folder, "crm_kunden.csv", encoding: .windows1252, lineEnd: "\r\n")
        crm.line("Kundennummer;Firma;E-Mail;Telefon;Straße;PLZ;Ort;USt-IdNr.;Geburtsdatum")
        let shop = try GeneratedFile(folder, "shop_customers.csv", byteOrderMark: true)
        shop.line("customer_id,name,email,phone,street,postcode,city,vat_id,birth_date")
        let erp = try GeneratedFile(folder, "erp_kunden.csv")
        erp.line("Kundennummer;Name;E-Mail;Telefon;Strasse;PLZ;Ort;UStIdNr;Geburtsdatum")
        let truth = try GeneratedFile(folder, "truth.csv")
        truth.line("key,customer")
        // The ids each real customer has in the systems that take orders (crm for the ERP, shop).
        var crmId = [String](repeating: "", count: count)
        var shopId = [String?](repeating: nil, count: count)
        for record in people.records {
            let fields = [
                record.customerId, record.name, record.email, record.phone, record.street, record.postcode, record.city,
                record.vatId, record.birthDate,
            ]
            switch record.idSpace {
            case "crm":
                crm.line(fields.map { csvField($0, delimiter: ";") }.joined(separator: ";"))
                if crmId[record.truth].isEmpty { crmId[record.truth] = record.customerId }
            case "shop":
                shop.line(fields.map { csvField($0, delimiter: ",") }.joined(separator: ","))
                if shopId[record.truth] == nil { shopId[record.truth] = record.customerId }
            default:
                erp.line(fields.map { csvField($0, delimiter: ";") }.joined(separator: ";"))
            }
            truth.line("\(record.idSpace):\(record.customerId),\(record.truth)")
        }

        // Orders, inquiries and campaigns per real customer.
        let erpOrders = try GeneratedFile(folder, "erp_auftraege.csv", encoding: .windows1252, lineEnd: "\r\n")
        erpOrders.line("Auftragsnummer;Kundennummer;Auftragsdatum;Betrag;Status")
        let shopOrders = try GeneratedFile(folder, "shop_orders.csv")
        shopOrders.line("order_id,customer_id,order_date,amount,status")
        let inquiries = try GeneratedFile(folder, "anfragen.csv")
        inquiries.line("Kundennummer,Datum,Art")
        let mailings = try GeneratedFile(folder, "mailings.csv")
        mailings.line("Aktion;Kundennummer;Versanddatum")
        let responses = try GeneratedFile(folder, "responses.csv")
        responses.line("Aktion,Kundennummer,Antwortdatum")
        let planted = try GeneratedFile(folder, "planted_rejects.csv")
        planted.line("file,line,reason")

        let first = Day.number(year: 2020, month: 7, day: 1)
        let last = Day.parseISO(asOf)!
        let campaigns: [(String, Int32)] = [
            ("FJ2024", Day.number(year: 2024, month: 3, day: 4)), ("HERBST2024", Day.number(year: 2024, month: 9, day: 16)),
            ("WINTER2024", Day.number(year: 2024, month: 11, day: 25)), ("SOMMER2025", Day.number(year: 2025, month: 6, day: 20)),
        ]
        var erpCount = 0
        var shopCount = 0
        for customer in 0..<count {
            let kind = random.below(100)
            // Order count by kind: cold 20 %, prospect 8 %, one-time 35 %, occasional 17 %, regular 20 %.
            let orders: Int
            switch kind {
            case 0..<28: orders = 0
            case 28..<63: orders = 1
            case 63..<80: orders = 2 + random.below(3)
            default: orders = 25 + random.below(60)
            }
            if (20..<28).contains(kind) || (orders == 0 && random.chance(0.1)) {
                let day = first + Int32(random.below(Int(last - first)))
                inquiries.line("\(crmId[customer]),\(Day.iso(day)),\(random.pick(["Anfrage", "Angebot", "Anfrage"]))")
            }
            // Regulars have been customers since the first year; others start at any time.
            let start = first + Int32(random.below(orders > 10 ? 365 : Int(last - first)))
            var day = start
            var dates: [Int32] = []
            for _ in 0..<(orders * orderFactor) {
                // A few orders of the weeks after the as-of date, as in a real export.
                if day > last + 14 { break }
                dates.append(day)
                // Seasonality: a purchase in the fourth quarter is more likely to come sooner.
                day += Int32(1 + random.below((orders > 10 ? 50 : 500) / orderFactor))
                if random.chance(0.05) { dates.append(dates.last!) }  // a second order the same day
            }
            for (position, date) in dates.enumerated() {
                let cents = 500 + random.below(Day.civil(date).month >= 10 ? 60_000 : 40_000)
                // Credit notes follow a purchase.
                let credit = position > 0 && random.chance(0.03)
                let cancelled = random.chance(0.025)
                if let shopKey = shopId[customer], random.chance(0.5) {
                    shopCount += 1
                    let hour = random.below(24)
                    let (year, month, dayOfMonth) = Day.civil(date)
                    let offset = month >= 4 && month <= 10 ? "+02:00" : "+01:00"
                    var amount = Decimal.money(Int64(credit ? -cents / 4 : cents))
                    if random.chance(0.1) { amount = "€ " + amount }
                    let stamp = "\(year)-\(two(month))-\(two(dayOfMonth))T\(two(hour)):\(two(random.below(60))):00\(offset)"
                    shopOrders.line("WS-\(shopCount),\(shopKey),\(stamp),\(amount),\(cancelled ? "cancelled" : "paid")")
                } else {
                    erpCount += 1
                    let (year, month, dayOfMonth) = Day.civil(date)
                    let status = cancelled ? random.pick(["storniert", "Storno"]) : random.pick(["berechnet", "geliefert", "Teilstorno"])
                    erpOrders.line(
                        "A-\(erpCount);\(crmId[customer]);\(two(dayOfMonth)).\(two(month)).\(year);\(germanAmount(Int64(credit ? -cents / 4 : cents)));\(status)"
                    )
                }
            }
            summary.orders += dates.count
            // Campaigns: response rises with engagement.
            for (campaign, sent) in campaigns where random.chance(0.25) {
                mailings.line(
                    "\(campaign);\(crmId[customer]);\(two(Day.civil(sent).day)).\(two(Day.civil(sent).month)).\(Day.civil(sent).year)")
                let bought = dates.filter { $0 < sent }.count
                let rate = bought >= 3 ? 0.2 : bought == 2 ? 0.12 : bought == 1 ? 0.08 : orders == 0 && kind >= 20 ? 0.05 : 0.02
                if random.chance(rate) {
                    responses.line("\(campaign),\(crmId[customer]),\(Day.iso(sent + Int32(random.below(40))))")
                }
            }
            // A planted bad row now and then (about 1 in 2,000 customers), recorded with its line.
            if random.chance(0.0005) {
                erpCount += 1
                planted.line("erp_auftraege.csv,\(erpOrders.lines + 1),invalid_date")
                erpOrders.line("A-\(erpCount);\(crmId[customer]);31.02.2024;10,00;berechnet")
                summary.plantedRejects += 1
            }
        }
        let files = [crm, shop, erp, truth, erpOrders, shopOrders, inquiries, mailings, responses, planted]
        for file in files { try file.close() }
        try writePipeline(folder)
        summary.files = files.map(\.name) + ["pipeline.json"]
        return summary
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// `1.234,56` with thousands dots and a decimal comma.
    static func germanAmount(_ cents: Int64) -> String {
        let euros = cents.magnitude / 100
        var digits = String(euros)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return (cents < 0 ? "-" : "") + digits + grouped + "," + two(Int(cents.magnitude % 100))
    }

    /// A field quoted when it holds the delimiter, a quote or a line break.
    static func csvField(_ text: String, delimiter: Character) -> String {
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func writePipeline(_ folder: String) throws(BestandError) {
        let pipeline = """
            {
              "name": "generated",
              "as_of": "\(asOf)",
              "timezone": "Europe/Berlin",
              "language": "de",
              "sources": [
                { "name": "crm", "entity": "customers", "path": "crm_kunden.csv", "id_space": "crm" },
                { "name": "shop_customers", "entity": "customers", "path": "shop_customers.csv", "id_space": "shop" },
                { "name": "erp_customers", "entity": "customers", "path": "erp_kunden.csv", "id_space": "erp" },
                { "name": "shop_orders", "entity": "orders", "path": "shop_orders.csv", "id_space": "shop" },
                { "name": "erp", "entity": "orders", "path": "erp_auftraege.csv", "id_space": "crm" },
                { "name": "inquiries", "entity": "interactions", "path": "anfragen.csv", "id_space": "crm" },
                { "name": "mailings", "entity": "campaign_contacts", "path": "mailings.csv", "id_space": "crm" },
                { "name": "responses", "entity": "campaign_responses", "path": "responses.csv", "id_space": "crm" }
              ]
            }

            """
        let file = try GeneratedFile(folder, "pipeline.json")
        file.raw(pipeline)
        try file.close()
    }
}

/// A text file written in 8 MiB pieces, in UTF-8 (optionally with a byte-order mark) or
/// Windows-1252, counting its lines.
final class GeneratedFile {
    let name: String
    private let handle: FileHandle
    private let path: String
    private let encoding: TextEncoding
    private let lineEnd: String
    private var buffer: [UInt8] = []
    private(set) var lines = 0

    init(
        _ folder: String, _ name: String, encoding: TextEncoding = .utf8, byteOrderMark: Bool = false, lineEnd: String = "\n"
    ) throws(BestandError) {
        self.name = name
        path = folder + "/" + name
        self.encoding = encoding
        self.lineEnd = lineEnd
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BestandError(.output, "cannot write the file", location: SourceLocation(path: path))
        }
        self.handle = handle
        if byteOrderMark { buffer = [0xEF, 0xBB, 0xBF] }
    }

    func line(_ text: String) {
        raw(text + lineEnd)
        lines += 1
    }

    func raw(_ text: String) {
        // Appends to a local array (swapped in and out), so the bytes cost no access checks.
        var bytes: [UInt8] = []
        swap(&bytes, &buffer)
        if encoding == .utf8 {
            bytes.append(contentsOf: text.utf8)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0..<0x80, 0xA0...0xFF: bytes.append(UInt8(scalar.value))
                case 0x20AC: bytes.append(0x80)
                default: bytes.append(UInt8(ascii: "?"))
                }
            }
        }
        swap(&bytes, &buffer)
        if buffer.count > 8 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(BestandError) {
        flush()
        do {
            try handle.close()
        } catch {
            throw BestandError(.output, "cannot finish the file", location: SourceLocation(path: path))
        }
    }
}
