// libFuzzer target: the date parser, the amount parser (both separators), the JSON parser and
// the pipeline-file checks on top of it.
// Invariants: parsing never traps; a parsed amount printed and parsed again is the same.
import Bestand
import Foundation

let berlin = DateParser(zone: ZoneOffsets(zone: TimeZone(identifier: "Europe/Berlin")!))
let commaAmounts = AmountParser(decimalSeparator: UInt8(ascii: ","))
let dotAmounts = AmountParser(decimalSeparator: UInt8(ascii: "."))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = berlin.parse(bytes)
    for parser in [commaAmounts, dotAmounts] {
        if let cents = parser.parse(bytes) {
            let printed = Decimal.money(cents)
            let again = dotAmounts.parse(printed)
            precondition(again == cents, "amount \(cents) printed as \(printed) reads back as \(String(describing: again))")
        }
    }
    _ = try? PipelineLoader.parse(Array(bytes), path: "p.json")
    return 0
}
