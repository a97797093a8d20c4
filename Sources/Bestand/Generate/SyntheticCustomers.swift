import Foundation

/// Customer records of a fictitious German customer base with planted duplicates and the true
/// clustering, for testing and measuring deduplication.
///
/// Every real customer (person or company) gets one record; some get more records in other
/// systems, each varied the way real exports differ: case, spacing and punctuation, umlauts
/// written out (ü → ue, ß → ss), street abbreviations, legal-form spellings, typing errors,
/// phone formats, name order, e-mail case. Each duplicate keeps at least one piece of evidence
/// a careful clerk would use (e-mail, VAT id, phone with the name, address with the name, or
/// birth date with the name). Hard non-duplicates are planted too: namesakes in other cities,
/// branches of one company, relatives at one address, one name with two legal forms.
package struct SyntheticCustomers: Sendable {
    /// One customer record, with the id of the real customer it belongs to.
    package struct Record: Sendable {
        package var idSpace: String
        package var customerId: String
        package var name: String
        package var email: String
        package var phone: String
        package var street: String
        package var postcode: String
        package var city: String
        package var vatId: String
        package var birthDate: String
        package var truth: Int
    }

    package var records: [Record] = []

    /// The id spaces records are spread over, in declaration order.
    package static let idSpaces = ["crm", "shop", "erp"]

    /// About `customers` real customers; `duplicateShare` of them get one to three more records.
    package init(customers: Int, seed: UInt64, duplicateShare: Double = 0.3) {
        var random = SeededRandom(seed: seed)
        var counters = [0, 0, 0]
        func nextId(_ space: Int) -> String {
            counters[space] += 1
            return ["K", "S-", "E"][space] + String(100_000 + counters[space])
        }
        var entity = 0
        while entity < customers {
            let base = Self.makeCustomer(&random, truth: entity)
            var original = base
            original.idSpace = Self.idSpaces[0]
            original.customerId = nextId(0)
            records.append(original)
            if random.chance(duplicateShare) {
                for _ in 0..<(1 + random.below(random.chance(0.2) ? 3 : 1)) {
                    let space = 1 + random.below(2)
                    var copy = Self.vary(base, &random)
                    copy.idSpace = Self.idSpaces[space]
                    copy.customerId = nextId(space)
                    records.append(copy)
                }
            }
            entity += 1
            // Hard non-duplicates: a near neighbour that must stay a customer of its own.
            if entity < customers, random.chance(0.05) {
                var other = Self.lookalike(of: base, &random, truth: entity)
                other.idSpace = Self.idSpaces[0]
                other.customerId = nextId(0)
                records.append(other)
                entity += 1
            }
        }
    }

    /// The records of one id space as a customers CSV file (UTF-8, comma).
    package func csv(idSpace: String) -> [UInt8] {
        var writer = CSVWriter(header: ["customer_id", "name", "email", "phone", "street", "postcode", "city", "vat_id", "birth_date"])
        for record in records where record.idSpace == idSpace {
            writer.row([
                record.customerId, record.name, record.email, record.phone, record.street, record.postcode, record.city,
                record.vatId, record.birthDate,
            ])
        }
        return writer.bytes
    }

    // MARK: - Real customers

    static let firstNames = [
        "Anna", "Peter", "Thomas", "Sabine", "Jürgen", "Jörg", "Björn", "Claudia", "Michael", "Andrea", "Stefan", "Monika",
        "Klaus", "Ursula", "Wolfgang", "Petra", "Frank", "Birgit", "Uwe", "Renate", "Markus", "Katrin", "Sören", "Jens",
        "Heike", "Günter", "Dieter", "Elke", "Lukas", "Lea", "Jonas", "Marie", "Felix", "Sophie", "Maximilian", "Laura",
    ]
    static let lastNames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer",
        "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
        "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler", "Weiß", "Jäger",
        "Groß", "Böhm", "Vogel", "Günther", "Fuchs", "Kühn", "Brandt", "Haas", "Dörr", "Engel", "Voigt", "Roth", "Sauer",
    ]
    static let trades = [
        "Bäckerei", "Metallbau", "Elektro", "Autohaus", "Druckerei", "Tischlerei", "Haustechnik", "Logistik",
        "Steuerberatung", "Gartenbau", "Malerbetrieb", "Dachdecker", "Sanitär", "Kfz-Service", "Büroservice",
    ]
    static let legalForms = ["GmbH", "GmbH & Co. KG", "AG", "KG", "UG (haftungsbeschränkt)", "e.K.", "OHG", "GbR"]
    static let streets = [
        "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Lindenstraße", "Bergstraße",
        "Kirchstraße", "Waldstraße", "Ringstraße", "Mühlenweg", "Am Markt", "Goethestraße", "Schillerstraße",
        "Friedrichstraße", "Römerstraße", "Industriestraße", "Lessingweg", "Rosenweg", "Marktplatz", "Jahnstraße",
        "Wiesenweg", "Birkenallee", "Schloßstraße", "Mozartstraße", "Talstraße", "Feldstraße", "Poststraße",
    ]
    static let places: [(String, String, String)] = [
        ("10115", "Berlin", "30"), ("20095", "Hamburg", "40"), ("80331", "München", "89"), ("50667", "Köln", "221"),
        ("60311", "Frankfurt am Main", "69"), ("70173", "Stuttgart", "711"), ("40213", "Düsseldorf", "211"),
        ("44135", "Dortmund", "231"), ("45127", "Essen", "201"), ("04109", "Leipzig", "341"), ("28195", "Bremen", "421"),
        ("01067", "Dresden", "351"), ("30159", "Hannover", "511"), ("90402", "Nürnberg", "911"), ("47051", "Duisburg", "203"),
        ("44787", "Bochum", "234"), ("42103", "Wuppertal", "202"), ("33602", "Bielefeld", "521"), ("53111", "Bonn", "228"),
        ("48143", "Münster", "251"), ("76133", "Karlsruhe", "721"), ("68159", "Mannheim", "621"), ("86150", "Augsburg", "821"),
        ("65183", "Wiesbaden", "611"), ("41061", "Mönchengladbach", "2161"), ("38100", "Braunschweig", "531"),
        ("24103", "Kiel", "431"), ("09111", "Chemnitz", "371"), ("06108", "Halle (Saale)", "345"), ("39104", "Magdeburg", "391"),
        ("79098", "Freiburg im Breisgau", "761"), ("23552", "Lübeck", "451"), ("99084", "Erfurt", "361"), ("18055", "Rostock", "381"),
        ("55116", "Mainz", "6131"), ("34117", "Kassel", "561"), ("66111", "Saarbrücken", "681"), ("93047", "Regensburg", "941"),
    ]
    static let mailDomains = ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "outlook.de"]

    static func ascii(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            default: out += "-"
            }
        }
        return out
    }

    static func makeCustomer(_ random: inout SeededRandom, truth: Int) -> Record {
        let (basePostcode, city, area) = random.pick(places)
        // Cities have many postcodes: the base one plus up to 59.
        let number = Int(basePostcode)! + random.below(60)
        let postcode = String(repeating: "0", count: 5 - String(number).count) + String(number)
        let street = random.pick(streets) + " " + String(1 + random.below(140)) + (random.chance(0.1) ? random.pick(["a", "b"]) : "")
        let phone = "0" + area + " " + String(100_000 + random.below(8_900_000))
        let unique = String(truth)
        if random.chance(0.65) {
            let first = random.pick(firstNames)
            let last = random.pick(lastNames)
            let email = random.chance(0.85) ? ascii(first) + "." + ascii(last) + unique + "@" + random.pick(mailDomains) : ""
            let birth = random.chance(0.6)
                ? "\(1 + random.below(28)).\(1 + random.below(12)).\(1940 + random.below(65))" : ""
            return Record(
                idSpace: "", customerId: "", name: first + " " + last, email: email, phone: random.chance(0.8) ? phone : "",
                street: street, postcode: postcode, city: city, vatId: "", birthDate: birth, truth: truth)
        }
        let core = random.chance(0.5) ? random.pick(lastNames) + " " + random.pick(trades) : random.pick(trades) + " " + random.pick(lastNames)
        let name = core + " " + random.pick(legalForms)
        let email = random.chance(0.8) ? "info@" + ascii(core) + unique + ".de" : ""
        let vat = random.chance(0.5) ? "DE" + String(100_000_000 + random.below(899_999_999)) : ""
        return Record(
            idSpace: "", customerId: "", name: name, email: email, phone: random.chance(0.9) ? phone : "", street: street,
            postcode: postcode, city: city, vatId: vat, birthDate: "", truth: truth)
    }

    // MARK: - Variations

    /// A duplicate of `base` as another system would hold it.
    static func vary(_ base: Record, _ random: inout SeededRandom) -> Record {
        var copy = base
        if random.chance(0.4) { copy.name = writeOutUmlauts(copy.name) }
        if random.chance(0.3) { copy.name = random.chance(0.5) ? copy.name.uppercased() : copy.name.lowercased() }
        if random.chance(0.15) { copy.name = typo(copy.name, &random) }
        if random.chance(0.3) { copy.name = legalFormVariant(copy.name, &random) }
        if random.chance(0.2), base.vatId.isEmpty, let space = copy.name.lastIndex(of: " ") {
            // Persons: "Schmidt, Anna".
            copy.name = String(copy.name[copy.name.index(after: space)...]) + ", " + String(copy.name[..<space])
        }
        if random.chance(0.5) { copy.street = streetVariant(copy.street, &random) }
        if random.chance(0.05) { copy.street = typo(copy.street, &random) }
        if random.chance(0.5) { copy.phone = phoneVariant(copy.phone, &random) }
        if random.chance(0.4) { copy.email = random.chance(0.5) ? copy.email.uppercased() : capitalized(copy.email) }
        if random.chance(0.2) { copy.email = "" }  // the other system never had it
        if random.chance(0.1) { copy.phone = "" }
        if random.chance(0.3) { copy.vatId = "" }
        if random.chance(0.3) { copy.birthDate = "" }
        if !copy.birthDate.isEmpty, random.chance(0.5) { copy.birthDate = isoDate(copy.birthDate) }
        if random.chance(0.3) { copy.city = writeOutUmlauts(copy.city) }
        // Keep at least one piece of evidence (e-mail, VAT, phone, address with a number, birth date).
        if copy.email.isEmpty && copy.vatId.isEmpty && copy.phone.isEmpty && copy.birthDate.isEmpty {
            copy.email = base.email.uppercased()
            copy.phone = base.phone
        }
        return copy
    }

    /// A different real customer that resembles `base`.
    static func lookalike(of base: Record, _ random: inout SeededRandom, truth: Int) -> Record {
        var other = makeCustomer(&random, truth: truth)
        switch random.below(4) {
        case 0:
            // A namesake in another city, with other contact data.
            other.name = base.name
        case 1:
            // A relative at the same address with another first name (and often the same phone).
            if base.vatId.isEmpty, let space = base.name.firstIndex(of: " ") {
                var first = random.pick(firstNames)
                while base.name.hasPrefix(first) { first = random.pick(firstNames) }
                other.name = first + base.name[space...]
                other.street = base.street
                other.postcode = base.postcode
                other.city = base.city
                other.vatId = ""
                if random.chance(0.5) { other.phone = base.phone }
            }
        case 2:
            // The same company name with another legal form, elsewhere.
            if let form = legalForms.first(where: { base.name.hasSuffix(" " + $0) }) {
                other.name = String(base.name.dropLast(form.count)) + random.pick(legalForms.filter { $0 != form })
            }
        default:
            // A branch of the same chain: same name, other address, other e-mail and phone.
            other.name = base.name
            other.vatId = ""
        }
        return other
    }

    static func writeOutUmlauts(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "Ä": out += "Ae"
            case "Ö": out += "Oe"
            case "Ü": out += "Ue"
            case "ß": out += "ss"
            default: out.append(character)
            }
        }
        return out
    }

    static func typo(_ text: String, _ random: inout SeededRandom) -> String {
        var characters = Array(text)
        guard characters.count > 4 else { return text }
        let index = 1 + random.below(characters.count - 2)
        guard characters[index].isLetter, characters[index - 1].isLetter else { return text }
        switch random.below(3) {
        case 0: characters.swapAt(index, index - 1)
        case 1: characters.remove(at: index)
        default: characters[index] = random.pick(Array("aeinrstlo"))
        }
        return String(characters)
    }

    static func legalFormVariant(_ name: String, _ random: inout SeededRandom) -> String {
        let variants: [(String, [String])] = [
            ("GmbH & Co. KG", ["GmbH u. Co. KG", "GmbH & Co KG", "GmbH und Co. KG"]),
            ("UG (haftungsbeschränkt)", ["UG", "UG (haftungsbeschraenkt)"]),
            ("e.K.", ["e. K.", "eK"]),
            ("GmbH", ["Gmbh", "GMBH"]),
        ]
        for (form, spellings) in variants where name.hasSuffix(form) {
            return String(name.dropLast(form.count)) + random.pick(spellings)
        }
        return name
    }

    static func streetVariant(_ street: String, _ random: inout SeededRandom) -> String {
        for long in ["straße", "Straße"] where street.contains(long) {
            let replacement = random.pick(["str.", "strasse", "Str."])
            return street.replacingFirst(long, with: long.first == "S" ? replacement.capitalizedFirst : replacement)
        }
        return street.replacingFirst(" ", with: "  ")
    }

    static func phoneVariant(_ phone: String, _ random: inout SeededRandom) -> String {
        guard phone.hasPrefix("0"), let space = phone.firstIndex(of: " ") else { return phone }
        let area = phone[phone.index(after: phone.startIndex)..<space]
        let number = phone[phone.index(after: space)...]
        switch random.below(4) {
        case 0: return "+49 \(area) \(number)"
        case 1: return "0049 (0)\(area) \(number)"
        case 2: return "0\(area)/\(number.prefix(3))-\(number.dropFirst(3))"
        default: return "(0\(area)) \(number)"
        }
    }

    static func capitalized(_ email: String) -> String {
        email.split(separator: ".", omittingEmptySubsequences: false).map { $0.capitalizedFirst }.joined(separator: ".")
    }

    static func isoDate(_ german: String) -> String {
        let parts = german.split(separator: ".")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]) else { return german }
        return "\(parts[2])-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

extension StringProtocol {
    /// The text with its first character uppercased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = self.range(of: target) else { return String(self) }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}
