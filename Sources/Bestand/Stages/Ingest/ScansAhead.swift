import Foundation

/// The scans of input files (size, encoding, NUL bytes) made ahead on a thread of their own,
/// one file after the other, while earlier files are parsed: a file's parse then need not wait
/// for a full read of it first. Each file's scan is handed out once.
final class ScansAhead: @unchecked Sendable {
    private var results: [Int: Result<FileScan, BestandError>] = [:]
    private let condition = NSCondition()

    /// Starts scanning `files` (by read-order index) in the order given.
    init(_ files: [(index: Int, file: Ingest.InputFile)]) {
        guard !files.isEmpty else { return }
        Thread { [self] in
            for (index, file) in files {
                let result = Result { () throws(BestandError) -> FileScan in
                    try FileScan.scan(FileBytes(path: file.openPath, displayPath: file.displayPath))
                }
                condition.lock()
                results[index] = result
                condition.broadcast()
                condition.unlock()
            }
        }.start()
    }

    /// Waits for the scan of file `index`, which must be one of those being scanned.
    func scan(_ index: Int) throws(BestandError) -> FileScan {
        condition.lock()
        while results[index] == nil { condition.wait() }
        let result = results.removeValue(forKey: index)!
        condition.unlock()
        return try result.get()
    }
}
