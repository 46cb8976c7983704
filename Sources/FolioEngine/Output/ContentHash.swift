import Crypto
import Foundation

/// SHA-256 as lower-case hex: cache keys, figure hashes in the manifest, input-file hashes.
public enum ContentHash {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// Lower-case hex of `bytes`, two digits a byte. Written out by hand: every run hashes
    /// each cell's key, and `String(format: "%02x")` a byte at a time cost more than the
    /// hash itself (a fifth of an empty cell's run).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
