/// HMAC-SHA256 (RFC 2104): a keyed hash, for pseudonyms that only the key holder can recompute.
package enum HMAC {
    /// The 32-byte HMAC-SHA256 of `message` under `key`. O(key + message).
    package static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key
        if block.count > 64 {
            var hasher = SHA256()
            hasher.update(block)
            block = hasher.finalize()
        }
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(inner.finalize())
        return outer.finalize()
    }
}
