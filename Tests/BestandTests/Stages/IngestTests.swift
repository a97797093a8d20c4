import Testing

@testable import Bestand

@Suite struct IngestTests {
    static func day(_ text: String) -> Int32 { Day.parseISO(text)! }

    @Test func ordersAreTypedAndBadRowsRejectedWithReasons() throws {
        let folder = TemporaryFolder()
        folder.write(
            "orders.csv",
            """
            Auftragsnummer;Kundennummer;Auftragsdatum;Betrag;Status
            A1;K1;05.03.2025;1.234,56;geliefert
            A2;K1;5.3.2025;-45,00 €;storniert
            A3;K2;31.02.2024;10,00;offen
            A4;K2;01.04.2025;12,3,4;offen
            A5;;01.04.2025;10,00;offen
            A6;K3;01.04.2025;10,00
            A7;K3;31.12.1899;10,00;offen
            A8;K3;01.07.2025;10,00;Teilstorno

            ;;;;
            A9;K4;"02.07.2025";" 5,00 ";STORNO

            """)
        let pipeline = makePipeline(folder: folder.path, sources: [source("erp", .orders, "orders.csv")])
        let data = try ingest(pipeline)
        let report = data.files[0]
        // 9 records are read (blank line and the all-empty record are skipped): 4 accepted, 5 rejected.
        #expect(report.rowsRead == 9)
        #expect(report.rowsAccepted == 4)
        #expect(report.rowsRejected == 5)
        #expect(report.rowsRead == report.rowsAccepted + report.rowsRejected)
        #expect(report.encoding == .utf8)
        #expect(report.delimiter == UInt8(ascii: ";"))
        // A8 (1 July) and A9 (2 July) lie after the as-of date 2025-06-30.
        #expect(report.afterAsOf == 2)
        // The table keeps the orders dated up to the as-of date; the counts cover all four.
        #expect(Array(data.orders.amount) == [123_456, -4500])
        #expect(data.orders.date == [Self.day("2025-03-05"), Self.day("2025-03-05")])
        #expect(data.orders.acceptedRows == 4)
        #expect(data.orders.uniqueOrders == 4)
        // storniert and STORNO are cancellations; Teilstorno is not (whole-value comparison).
        #expect(data.orders.cancelled == [false, true])
        #expect(data.orders.cancelledOrders == 2)
        #expect(data.orders.repeats == OrderRepeats())
        #expect(data.rejects.map(\.line) == [4, 5, 6, 7, 8])
        #expect(
            data.rejects.map { $0.reason.prefix(while: { $0 != ":" }) } == [
                "invalid_date", "invalid_amount", "missing_value", "field_count", "date_before_1900",
            ])
        #expect(data.rejects[0].reason == "invalid_date: order_date (field 3 \"Auftragsdatum\", column 7): \"31.02.2024\" is not a date")
        #expect(data.rejects[0].record == "A3;K2;31.02.2024;10,00;offen")
        // K1 and K3 interned once each; the rejected rows' K2 and the empty id are not interned.
        #expect(data.keys.count == 3)
        #expect(data.keys.text(of: data.orders.customer[0]) == "erp:K1")
    }

    @Test func customersWithOptionalFieldsAndAliases() throws {
        let folder = TemporaryFolder()
        folder.write(
            "crm.csv",
            bytes: Array("Kundennummer;Firma;E-Mail;PLZ;Ort;Angelegt am;Geburtsdatum\n".utf8)
                + Array("K1;M".utf8) + [0xFC] + Array("ller GmbH;a@b.de;10115;K".utf8) + [0xF6]
                + Array("ln;01.02.2020;\n".utf8)
                + Array("K2;\"Kiosk \"\"Am Eck\"\" e.K.\";;;;kein Datum;3.4.1970\n".utf8))
        let pipeline = makePipeline(folder: folder.path, sources: [source("crm", .customers, "crm.csv")])
        let data = try ingest(pipeline)
        #expect(data.files[0].encoding == .windows1252)
        #expect(Array(data.customers.name) == ["Müller GmbH", "Kiosk \"Am Eck\" e.K."])
        #expect(Array(data.customers.city) == ["Köln", ""])
        #expect(data.customers.createdAt == [Self.day("2020-02-01"), noDay])
        #expect(data.customers.birthDate == [noDay, Self.day("1970-04-03")])
        // The bad optional date is counted, and the row kept.
        #expect(data.files[0].invalidOptional == ["created_at": 1])
        #expect(data.files[0].rowsAccepted == 2)
        #expect(data.files[0].columns["name"] == "Firma")
    }

    @Test func missingRequiredColumnListsTheHeaders() {
        let folder = TemporaryFolder()
        folder.write("o.csv", "Nummer,Kunde,Datum\n1,2,2025-01-01\n")
        let pipeline = makePipeline(folder: folder.path, sources: [source("shop", .orders, "o.csv")])
        let error = #expect(throws: BestandError.self) { try ingest(pipeline) }
        #expect(error?.code == .missingColumn)
        #expect(error?.code.exitCode == 1)
        #expect(error?.location?.line == 1)
        #expect(error?.message.contains("order_id") == true)
        #expect(error?.message.contains("\"Nummer\", \"Kunde\", \"Datum\"") == true)
    }

    @Test func explicitColumnMapWins() throws {
        let folder = TemporaryFolder()
        folder.write("o.csv", "Bestellnummer,Kunde,Datum,Netto,Brutto\nW1,S1,2025-01-01T10:00:00+01:00,10.00,11.90\n")
        let pipeline = makePipeline(
            folder: folder.path,
            sources: [
                source(
                    "shop", .orders, "o.csv",
                    columns: ["order_id": "Bestellnummer", "customer_id": "Kunde", "order_date": "Datum", "amount": "Brutto"])
            ])
        let data = try ingest(pipeline)
        #expect(Array(data.orders.amount) == [1190])
    }

    @Test func headerOnlyFileReadsNoRows() throws {
        let folder = TemporaryFolder()
        folder.write("h.csv", "customer_id,name\n")
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("c", .customers, "h.csv")]))
        #expect(data.files[0].rowsRead == 0)
    }

    @Test func emptyFileNeedsAHeader() {
        let folder = TemporaryFolder()
        folder.write("e.csv", "\n\n")
        let error = #expect(throws: BestandError.self) {
            try ingest(makePipeline(folder: folder.path, sources: [source("c", .customers, "e.csv")]))
        }
        #expect(error?.code == .malformedInput)
        #expect(error?.message.contains("header") == true)
    }

    @Test func globsReadFilesInSortedOrder() throws {
        let folder = TemporaryFolder()
        folder.write("exports/orders_2.csv", "order_id,customer_id,order_date,amount\nB,1,2025-01-02,2.00\n")
        folder.write("exports/orders_1.csv", "order_id,customer_id,order_date,amount\nA,1,2025-01-01,1.00\n")
        folder.write("exports/other.csv", "x\n")
        let pipeline = makePipeline(folder: folder.path, sources: [source("shop", .orders, "exports/orders_*.csv")])
        let data = try ingest(pipeline)
        #expect(data.files.map(\.path) == ["exports/orders_1.csv", "exports/orders_2.csv"])
        #expect(Array(data.orders.amount) == [100, 200])
    }

    @Test func globMatchingNothingIsAnError() {
        let folder = TemporaryFolder()
        let pipeline = makePipeline(folder: folder.path, sources: [source("shop", .orders, "exports/*.csv")])
        let error = #expect(throws: BestandError.self) { try ingest(pipeline) }
        #expect(error?.code == .inputFile)
        #expect(error?.message.contains("matches no file") == true)
    }

    /// Order files and the other files are read side by side; the failure reported is still
    /// the one that reading the files in turn meets first.
    @Test(arguments: [true, false]) func firstFailureInReadOrderIsReported(ordersFirst: Bool) {
        let folder = TemporaryFolder()
        folder.write("good_orders.csv", "order_id,customer_id,order_date,amount\nA1,K1,2025-01-02,1.00\n")
        folder.write("bad_orders.csv", "order_id,customer_id,amount\nA1,K1,1.00\n")
        folder.write("good_customers.csv", "customer_id,name\nK1,Anna\n")
        folder.write("bad_customers.csv", "name\nAnna\n")
        let orders = [source("o1", .orders, "good_orders.csv"), source("o2", .orders, "bad_orders.csv")]
        let customers = [source("c1", .customers, "good_customers.csv"), source("c2", .customers, "bad_customers.csv")]
        let sources = ordersFirst ? orders + customers : customers + orders
        let error = #expect(throws: BestandError.self) { try ingest(makePipeline(folder: folder.path, sources: sources)) }
        #expect(error?.code == .missingColumn)
        #expect(error?.location?.path.hasSuffix(ordersFirst ? "bad_orders.csv" : "bad_customers.csv") == true)
    }

    /// Keys named by orders and by other files are one key each, whichever file named them first.
    @Test func keysOfOrdersAndOtherFilesAreUnited() throws {
        let folder = TemporaryFolder()
        folder.write("orders.csv", "order_id,customer_id,order_date,amount\nA1,K2,2025-01-02,1.00\nA2,K9,2025-01-03,2.00\n")
        folder.write("customers.csv", "customer_id,name\nK1,Anna\nK2,Berta\n")
        let data = try ingest(
            makePipeline(
                folder: folder.path,
                sources: [source("o", .orders, "orders.csv", idSpace: "crm"), source("c", .customers, "customers.csv", idSpace: "crm")]))
        #expect(data.keys.count == 3)
        #expect(data.orders.customer.map { data.keys.customerId(of: $0) } == ["K2", "K9"])
        #expect(data.customers.key.map { data.keys.customerId(of: $0) } == ["K1", "K2"])
        #expect(data.files.map(\.path) == ["orders.csv", "customers.csv"])
    }

    @Test func unterminatedQuoteRejectsOnlyItsLine() throws {
        let folder = TemporaryFolder()
        folder.write("i.csv", "customer_id,date,type\n1,2025-01-01,Anfrage\n2,2025-01-02,\"Angebot\n3,2025-01-03,Anfrage\n")
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("i", .interactions, "i.csv")]))
        #expect(data.files[0].rowsRead == 3)
        #expect(data.files[0].rowsRejected == 1)
        #expect(data.rejects[0].line == 3)
        #expect(data.rejects[0].reason.hasPrefix("unterminated_quote"))
        #expect(data.rejects[0].record == "2,2025-01-02,\"Angebot")
        #expect(data.interactions.isProspect == [true, true])
    }

    @Test func byteOrderMarkIsDroppedWhenTheFileFallsBackToWindows1252() throws {
        let folder = TemporaryFolder()
        folder.write("b.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("customer_id,name\n1,M".utf8) + [0xFC, 0x0A])
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("c", .customers, "b.csv")]))
        #expect(data.files[0].encoding == .windows1252)
        #expect(data.files[0].header == ["customer_id", "name"])
        #expect(Array(data.customers.name) == ["Mü"])
    }

    @Test func prospectTypesCompareWholeValues() throws {
        let folder = TemporaryFolder()
        folder.write(
            "i.csv",
            "Kundennummer,Datum,Art\n1,2025-01-01,ANFRAGE\n2,2025-01-01, Angebot \n3,2025-01-01,Anfrage per Mail\n4,2025-01-01,Ängebot\n")
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("i", .interactions, "i.csv")]))
        #expect(data.interactions.isProspect == [true, true, false, false])
    }

    @Test func fileThatIsNotUTF8IsReadAsWindows1252EvenWhenDeclaredUTF8() throws {
        let folder = TemporaryFolder()
        folder.write("x.csv", bytes: Array("customer_id,name\n1,M".utf8) + [0xFC, 0x0A])
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("c", .customers, "x.csv", encoding: .utf8)]))
        #expect(data.files[0].encoding == .windows1252)
        #expect(Array(data.customers.name) == ["Mü"])
    }

    /// Files after the first of each side are scanned ahead on another thread: their encoding
    /// and their scan errors come out as when each file is scanned as it is read.
    @Test func filesScannedAheadKeepTheirEncodingAndErrors() throws {
        let folder = TemporaryFolder()
        folder.write("c1.csv", "customer_id,name\nK1,Anna\n")
        folder.write("c2.csv", bytes: Array("customer_id,name\nK2,M".utf8) + [0xFC, 0x0A])
        folder.write("o1.csv", "order_id,customer_id,order_date,amount\nA1,K1,2025-01-02,1.00\n")
        folder.write("o2.csv", bytes: Array("order_id,customer_id,order_date,amount\nA2,K2,2025-01-02,2.00\n".utf8) + [0x00])
        let good = [source("c1", .customers, "c1.csv"), source("o1", .orders, "o1.csv"), source("c2", .customers, "c2.csv")]
        let data = try ingest(makePipeline(folder: folder.path, sources: good))
        #expect(data.files.map(\.encoding) == [.utf8, .utf8, .windows1252])
        #expect(Array(data.customers.name) == ["Anna", "Mü"])
        let error = #expect(throws: BestandError.self) {
            try ingest(makePipeline(folder: folder.path, sources: good + [source("o2", .orders, "o2.csv")]))
        }
        #expect(error?.code == .malformedInput)
        #expect(error?.location?.path.hasSuffix("o2.csv") == true)
        let missing = #expect(throws: BestandError.self) {
            try ingest(makePipeline(folder: folder.path, sources: good + [source("c3", .customers, "c3.csv")]))
        }
        #expect(missing?.code == .inputFile)
    }

    @Test func binaryFileIsAnError() {
        let folder = TemporaryFolder()
        folder.write("b.csv", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x10])
        let error = #expect(throws: BestandError.self) {
            try ingest(makePipeline(folder: folder.path, sources: [source("c", .customers, "b.csv")]))
        }
        #expect(error?.code == .malformedInput)
    }

    @Test func campaignEventsShareCampaignIds() throws {
        let folder = TemporaryFolder()
        folder.write("m.csv", "Aktion;Kundennummer;Versanddatum\nFJ;K1;04.03.2024\nHB;K2;16.09.2024\n")
        folder.write("r.csv", "Aktion,Kundennummer,Antwortdatum\nHB,K2,2024-09-20\n")
        let pipeline = makePipeline(
            folder: folder.path,
            sources: [source("m", .campaignContacts, "m.csv", idSpace: "crm"), source("r", .campaignResponses, "r.csv", idSpace: "crm")])
        let data = try ingest(pipeline)
        #expect(data.contacts.campaign == [0, 1])
        #expect(data.responses.campaign == [1])
        #expect(data.responses.customer == [data.contacts.customer[1]])
    }
}
