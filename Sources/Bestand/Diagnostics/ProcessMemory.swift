/// The peak resident memory of this process, for run.json and the benchmark.
///
/// Reads `VmHWM` from `/proc/self/status` (Linux); nil where that is not available. The
/// library never calls this on its own: the command line passes it in through `RunOptions`.
package enum ProcessMemory {
    package static func peakResidentBytes() -> Int? {
        guard let status = try? PipelineLoader.readWholeFile("/proc/self/status") else { return nil }
        return kilobytes(of: "VmHWM:", in: status).map { $0 * 1024 }
    }

    /// The number of kB on the line that starts with `label` in a `/proc/*/status` text.
    static func kilobytes(of label: String, in status: [UInt8]) -> Int? {
        let text = String(decoding: status, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(label) {
            return Int(line.dropFirst(label.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }
}
