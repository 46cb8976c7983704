/// Cairo names SVG images and surfaces from process-wide counters (`image5` in one render,
/// `image16` in the next). Renumbering them in document order makes SVG output depend only
/// on the figure. Works on the bytes in two passes: collect the ids, then rewrite every
/// `id="name"`, `#name"` and `#name)`.
enum SVGIdentifiers {
    static let prefixes = ["image", "surface", "source", "pattern", "mask", "clip"].map { Array($0.utf8) }
    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), close = UInt8(ascii: ")")
    private static let idOpen = Array("id=\"".utf8)

    /// A counter-named identifier starting at `start`: its prefix index, number and end.
    private static func identifier(in bytes: [UInt8], at start: Int) -> (prefix: Int, number: Int, end: Int)? {
        for (index, prefix) in prefixes.enumerated() where bytes[start...].starts(with: prefix) {
            var end = start + prefix.count
            var number = 0
            while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, number < 1_000_000_000 {
                number = number * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            return end > start + prefix.count ? (index, number, end) : nil
        }
        return nil
    }

    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        struct Name: Hashable { let prefix: Int, number: Int }
        var renamed: [Name: Int] = [:]
        var counters = [Int](repeating: 0, count: prefixes.count)
        var index = 0
        while index < svg.count {
            if svg[index] == idOpen[0], svg[index...].starts(with: idOpen),
               let found = identifier(in: svg, at: index + idOpen.count), found.end < svg.count, svg[found.end] == quote {
                let name = Name(prefix: found.prefix, number: found.number)
                if renamed[name] == nil {
                    counters[found.prefix] += 1
                    renamed[name] = counters[found.prefix]
                }
                index = found.end
            } else {
                index += 1
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        index = 0
        while index < svg.count {
            let byte = svg[index]
            let afterId = byte == idOpen[0] && svg[index...].starts(with: idOpen)
            let start = afterId ? index + idOpen.count : index + 1
            if afterId || byte == hash, start < svg.count, let found = identifier(in: svg, at: start),
               found.end < svg.count, svg[found.end] == quote || (!afterId && svg[found.end] == close),
               let number = renamed[Name(prefix: found.prefix, number: found.number)] {
                output += svg[index..<start] + prefixes[found.prefix] + Array(String(number).utf8)
                index = found.end
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
