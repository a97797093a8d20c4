/// The kinds of input a source can hold, with their canonical fields and header aliases (SPEC §3).
package enum Entity: String, CaseIterable, Sendable {
    case customers
    case orders
    case interactions
    case campaignContacts = "campaign_contacts"
    case campaignResponses = "campaign_responses"

    /// Canonical field names in the order of SPEC §3.
    package var fields: [String] {
        switch self {
        case .customers:
            return [
                "customer_id", "name", "email", "phone", "street", "postcode", "city", "country",
                "created_at", "vat_id", "birth_date",
            ]
        case .orders: return ["order_id", "customer_id", "order_date", "amount", "status"]
        case .interactions: return ["customer_id", "date", "type"]
        case .campaignContacts: return ["campaign_id", "customer_id", "sent_date"]
        case .campaignResponses: return ["campaign_id", "customer_id", "response_date"]
        }
    }

    package var requiredFields: Set<String> {
        switch self {
        case .customers: return ["customer_id"]
        case .orders: return ["order_id", "customer_id", "order_date", "amount"]
        case .interactions: return ["customer_id", "date", "type"]
        case .campaignContacts: return ["campaign_id", "customer_id", "sent_date"]
        case .campaignResponses: return ["campaign_id", "customer_id", "response_date"]
        }
    }

    /// Header aliases per field, most specific first; compared after `HeaderName.key`.
    package func aliases(of field: String) -> [String] {
        switch (self, field) {
        case (_, "customer_id"):
            return [
                "Kundennummer", "Kunden-Nr.", "KdNr", "Kd-Nr.", "Kunden-ID", "Customer number",
                "Customer no", "Customer",
            ].filter { self != .customers || $0 != "Customer" }
        case (.customers, "name"): return ["Firma", "Name", "Kunde", "Firmenname", "Company"]
        case (.customers, "email"): return ["E-Mail", "Mail", "E-Mail-Adresse", "Email address"]
        case (.customers, "phone"): return ["Telefon", "Tel.", "Telefonnummer", "Phone number"]
        case (.customers, "street"): return ["Straße", "Strasse", "Str.", "Address"]
        case (.customers, "postcode"): return ["PLZ", "Postleitzahl", "Zip", "Zip code", "Postal code"]
        case (.customers, "city"): return ["Ort", "Stadt", "Town"]
        case (.customers, "country"): return ["Land"]
        case (.customers, "created_at"): return ["Angelegt am", "Angelegt", "Erstellt am", "Created"]
        case (.customers, "vat_id"): return ["USt-IdNr.", "UStIdNr", "USt-ID", "VAT"]
        case (.customers, "birth_date"): return ["Geburtsdatum", "Date of birth"]
        case (.orders, "order_id"): return ["Bestellnummer", "Auftragsnummer", "Belegnummer", "Order number", "Order no"]
        case (.orders, "order_date"): return ["Bestelldatum", "Auftragsdatum", "Belegdatum", "Datum", "Date"]
        case (.orders, "amount"): return ["Betrag", "Umsatz", "Netto", "Nettobetrag", "Net amount"]
        case (.orders, "status"): return ["Status", "Auftragsstatus", "Bestellstatus"]
        case (.interactions, "date"): return ["Datum"]
        case (.interactions, "type"): return ["Art", "Typ", "Kontaktart"]
        case (.campaignContacts, "campaign_id"), (.campaignResponses, "campaign_id"):
            return ["Aktion", "Kampagne", "Campaign", "Aktionscode"]
        case (.campaignContacts, "sent_date"): return ["Versanddatum", "Versandt am", "Datum", "Date"]
        case (.campaignResponses, "response_date"): return ["Antwortdatum", "Reaktionsdatum", "Datum", "Date"]
        default: return []
        }
    }

    /// Maps canonical fields to header indexes: the explicit map first, then the canonical
    /// name, then the aliases in order. Returns the mapping and the fields left unmapped.
    package func mapColumns(
        headers: [String], explicit: [String: String]
    ) -> (columns: [String: Int], unknownExplicit: [String: String]) {
        let keys = headers.map(HeaderName.key)
        var columns: [String: Int] = [:]
        var unknownExplicit: [String: String] = [:]
        for field in fields {
            if let header = explicit[field] {
                if let index = keys.firstIndex(of: HeaderName.key(header)) {
                    columns[field] = index
                } else {
                    unknownExplicit[field] = header
                }
                continue
            }
            for candidate in [field] + aliases(of: field) {
                if let index = keys.firstIndex(of: HeaderName.key(candidate)), !columns.values.contains(index) {
                    columns[field] = index
                    break
                }
            }
        }
        return (columns, unknownExplicit)
    }
}

/// Normalises header names for matching: case, accents, ß and punctuation do not matter.
package enum HeaderName {
    /// `"Kunden-Nr."` → `"kundennr"`, `"Straße"` → `"strasse"`, `"Created_At"` → `"createdat"`.
    package static func key(_ header: String) -> String {
        var result = ""
        for scalar in header.lowercased().unicodeScalars {
            switch scalar {
            case "ß": result += "ss"
            case "ä", "à", "á", "â", "ã", "å": result += "a"
            case "ö", "ò", "ó", "ô", "õ", "ø": result += "o"
            case "ü", "ù", "ú", "û": result += "u"
            case "é", "è", "ê", "ë": result += "e"
            case "í", "ì", "î", "ï": result += "i"
            case "ç": result += "c"
            case "ñ": result += "n"
            default:
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
