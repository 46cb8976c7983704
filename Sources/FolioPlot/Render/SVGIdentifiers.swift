import Foundation

/// Cairo names SVG images and surfaces from process-wide counters (`image5` in one render,
/// `image16` in the next). Renumbering them in document order makes SVG output depend only
/// on the figure.
enum SVGIdentifiers {
    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        var text = String(decoding: svg, as: UTF8.self)
        let pattern = try? NSRegularExpression(pattern: #"id="(image|surface|source|pattern|mask|clip)(\d+)""#)
        guard let pattern else { return svg }
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        var renamed: [(old: String, new: String)] = []
        var counters: [String: Int] = [:]
        for match in matches {
            guard let prefixRange = Range(match.range(at: 1), in: text), let numberRange = Range(match.range(at: 2), in: text)
            else { continue }
            let prefix = String(text[prefixRange])
            let old = prefix + text[numberRange]
            guard !renamed.contains(where: { $0.old == old }) else { continue }
            counters[prefix, default: 0] += 1
            renamed.append((old, "\(prefix)\(counters[prefix, default: 0])"))
        }
        // Two passes through placeholders so that renaming image1 → image2 cannot collide.
        for (index, name) in renamed.enumerated() {
            for (before, after) in delimited(name.old, placeholder: "\u{1}\(index)\u{1}") {
                text = text.replacingOccurrences(of: before, with: after)
            }
        }
        for (index, name) in renamed.enumerated() {
            text = text.replacingOccurrences(of: "\u{1}\(index)\u{1}", with: name.new)
        }
        return Array(text.utf8)
    }

    /// The ways an identifier appears: as an id, and as a reference in an attribute or url().
    private static func delimited(_ name: String, placeholder: String) -> [(String, String)] {
        [("id=\"\(name)\"", "id=\"\(placeholder)\""), ("#\(name)\"", "#\(placeholder)\""), ("#\(name))", "#\(placeholder))")]
    }
}
