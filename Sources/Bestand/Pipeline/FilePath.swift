/// Lexical path helpers: joining relative paths and folding `.` and `..` without touching the disk.
package enum FilePath {
    /// `folder/path`, or `path` itself when it is absolute or the folder is empty; normalised.
    package static func resolve(_ path: String, relativeTo folder: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty { return normalize(path) }
        return normalize(folder + "/" + path)
    }

    /// Removes `.` parts and folds `name/..` pairs; keeps leading `..` of relative paths.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute, parts.isEmpty {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path` relative to `folder`, with `..` steps where needed; both are taken relative to
    /// the same starting point (normalised first). Falls back to `path` when `folder` climbs
    /// above that point further than `path` does.
    package static func relative(_ path: String, to folder: String) -> String {
        let target = normalize(path).split(separator: "/").filter { $0 != "." }
        let base = normalize(folder).split(separator: "/").filter { $0 != "." }
        guard path.hasPrefix("/") == folder.hasPrefix("/") else { return normalize(path) }
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        if base[common...].contains("..") { return normalize(path) }
        let steps = [Substring](repeating: "..", count: base.count - common) + target[common...]
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }

    /// The folder part of a path (`""` for a bare file name).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
