/// Guesses a file's delimiter from its first lines.
package enum DialectDetector {
    /// The candidates, in the order that breaks ties.
    package static let candidates: [UInt8] = [
        UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"),
    ]

    /// Picks the candidate that splits the header into more than one column and that splits
    /// most of the first 20 lines into the header's number of columns; ties go to the one with
    /// more columns, then to the candidates' order. Quotes are respected. `,` when none splits.
    package static func detectDelimiter(_ sample: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let lines = countsPerLine(sample, maxLines: 20)
        guard let header = lines.first else { return candidates[0] }
        var best = candidates[0]
        var bestScore = (-1, -1)
        for (index, candidate) in candidates.enumerated() where header[index] > 0 {
            let agreeing = lines.filter { $0[index] == header[index] }.count
            let score = (agreeing, header[index])
            if score > bestScore {
                bestScore = score
                best = candidate
            }
        }
        return best
    }

    /// For each line (quote-aware, blank lines skipped), how often each candidate occurs outside quotes.
    private static func countsPerLine(_ sample: UnsafeBufferPointer<UInt8>, maxLines: Int) -> [[Int]] {
        var result: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lineHasContent = false
        var i = 0
        while i < sample.count, result.count < maxLines {
            let byte = sample[i]
            i += 1
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                lineHasContent = true
                continue
            }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if lineHasContent { result.append(counts) }
                counts = [Int](repeating: 0, count: candidates.count)
                lineHasContent = false
                continue
            }
            lineHasContent = true
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        // A last line is used only if the sample ended there (not cut off mid-line).
        if lineHasContent, !inQuotes, result.count < maxLines, i == sample.count, result.isEmpty {
            result.append(counts)
        }
        return result
    }
}
