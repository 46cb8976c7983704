import Foundation

/// A heading of the report, for the table of contents.
struct Heading: Equatable, Sendable {
    /// 1 for `#`, 2 for `##`, …
    let level: Int
    /// The anchor, unique in the page.
    let id: String
    /// The heading's HTML as the contents list shows it: its math and code kept, its links
    /// unwrapped (a link may not sit inside the contents entry's own link).
    let html: String
}

/// Markdown prose to HTML: CommonMark (`CommonMark`, which also holds the policy for raw
/// HTML and URLs), with math and cross-references protected from it, and an anchor on
/// every heading.
struct ProseRenderer {
    /// Cross-reference text and target by label (`fig-x` → "Figure 3").
    let references: CrossReferences
    private var anchors = UniqueIdentifiers()

    /// `reservedAnchors` are ids the page already uses (its cells' and figures'); headings
    /// get others.
    init(references: CrossReferences, reservedAnchors: Set<String> = []) {
        self.references = references
        for anchor in reservedAnchors.sorted() { _ = anchors.claim(anchor) }
    }

    /// The HTML of one prose block, the headings it contains and whether it has math.
    /// `fragments` maps placeholders in the Markdown to HTML put in their place after the
    /// Markdown pass, before headings get their anchors (so inline values reach the contents).
    mutating func render(
        _ markdown: String, fragments: [String: String] = [:]
    ) -> (html: String, headings: [Heading], hasMath: Bool) {
        let protected = ProtectedMarkdown(markdown: markdown)
        var converted = CommonMark.html(protected.markdown)
        for (placeholder, html) in fragments where converted.contains(placeholder) {
            converted = converted.replacing(placeholder, with: html)
        }
        let restored = protected.restore(in: converted) { label in references.link(to: label) }
        let withAnchors = addAnchors(to: restored)
        let hasMath = protected.spans.contains { if case .math = $0 { true } else { false } }
        return (withAnchors.html, withAnchors.headings, hasMath)
    }

    /// Gives every `<hN>` an `id` from its text, unique across the page (`-2`, `-3`, …).
    private mutating func addAnchors(to html: String) -> (html: String, headings: [Heading]) {
        var headings: [Heading] = []
        let pattern = /<h([1-6])>(.*?)<\/h\1>/.dotMatchesNewlines()
        let result = html.replacing(pattern) { match in
            let level = Int(match.output.1) ?? 1
            let inner = String(match.output.2)
            let id = anchors.claim(ProseRenderer.slug(ProseRenderer.plainText(ofHTML: inner)))
            let contentsHTML = inner.replacing(/<\/?a(\s[^>]*)?>/, with: "")
            headings.append(Heading(level: level, id: id, html: contentsHTML))
            return "<h\(level) id=\"\(id)\">\(inner)</h\(level)>"
        }
        return (result, headings)
    }

    /// Lower-case letters and digits joined by `-` (`"2. The VAE's energy"` → `2-the-vae-s-energy`).
    static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return words.isEmpty ? "section" : words.joined(separator: "-")
    }

    /// The text of an HTML fragment written by this module: tags removed, the entities that
    /// cmark and `htmlEscaped` write decoded (`A &amp; B` → `A & B`).
    static func plainText(ofHTML html: String) -> String {
        html.replacing(/<[^>]*>/, with: "")
            .replacing(/&(#x?[0-9A-Fa-f]+|amp|lt|gt|quot|apos);/) { match in
                let name = match.output.1
                switch name {
                case "amp": return "&"
                case "lt": return "<"
                case "gt": return ">"
                case "quot": return "\""
                case "apos": return "'"
                default:
                    let digits = name.dropFirst()
                    let value = digits.first == "x" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
                }
            }
    }
}
