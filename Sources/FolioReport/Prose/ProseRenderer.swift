import Foundation
import Ink

/// A heading of the report, for the table of contents.
struct Heading: Equatable, Sendable {
    /// 1 for `#`, 2 for `##`, …
    let level: Int
    /// The anchor, unique in the page.
    let id: String
    /// The heading's text (tags removed, entities as written).
    let text: String
}

/// Markdown prose to HTML: Ink for CommonMark (lists, tables, links, code), with math and
/// cross-references protected from it, and an anchor on every heading.
struct ProseRenderer {
    /// Cross-reference text and target by label (`fig-x` → "Figure 3").
    let references: CrossReferences
    private let parser = MarkdownParser()
    private var usedAnchors: [String: Int] = [:]

    init(references: CrossReferences) {
        self.references = references
    }

    /// The HTML of one prose block, the headings it contains and whether it has math. Raw
    /// HTML written in the Markdown is escaped: prose is text, never markup that could run script.
    /// `fragments` maps placeholders in the Markdown to HTML put in their place after the
    /// Markdown pass, before headings get their anchors (so inline values reach the contents).
    mutating func render(
        _ markdown: String, fragments: [String: String] = [:]
    ) -> (html: String, headings: [Heading], hasMath: Bool) {
        // Math is protected before raw HTML is escaped: a `<` in TeX is escaped once, when
        // the math element is written, not twice (KaTeX would read `&lt;`).
        let protected = ProtectedMarkdown(markdown: markdown)
        var converted = parser.html(from: ProseRenderer.escapingRawHTML(protected.markdown))
        for (placeholder, html) in fragments where converted.contains(placeholder) {
            converted = converted.replacing(placeholder, with: html)
        }
        let withAnchors = addAnchors(to: converted)
        let html = protected.restore(in: withAnchors.html) { label in references.link(to: label) }
        let hasMath = protected.spans.contains { if case .math = $0 { true } else { false } }
        return (html, withAnchors.headings, hasMath)
    }

    /// Gives every `<hN>` an `id` from its text, unique across the page (`-2`, `-3`, …).
    private mutating func addAnchors(to html: String) -> (html: String, headings: [Heading]) {
        var headings: [Heading] = []
        let pattern = /<h([1-6])>(.*?)<\/h\1>/
        let result = html.replacing(pattern) { match in
            let level = Int(match.output.1) ?? 1
            let inner = String(match.output.2)
            let text = inner.replacing(/<[^>]*>/, with: "")
            let id = uniqueAnchor(for: text)
            headings.append(Heading(level: level, id: id, text: text))
            return "<h\(level) id=\"\(id)\">\(inner)</h\(level)>"
        }
        return (result, headings)
    }

    private mutating func uniqueAnchor(for text: String) -> String {
        let slug = ProseRenderer.slug(text)
        let count = usedAnchors[slug, default: 0] + 1
        usedAnchors[slug] = count
        return count == 1 ? slug : "\(slug)-\(count)"
    }

    /// Lower-case letters and digits joined by `-` (`"2. The VAE's energy"` → `2-the-vae-s-energy`).
    static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return words.isEmpty ? "section" : words.joined(separator: "-")
    }

    /// `<` outside code escaped as `&lt;` so Ink passes no raw HTML through; `<` inside code
    /// spans and fences is left for Ink, which escapes it there itself.
    static func escapingRawHTML(_ markdown: String) -> String {
        var output = ""
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            output += inFence || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") ? String(line) : escapingOutsideCodeSpans(line)
            output += "\n"
        }
        return String(output.dropLast())
    }

    private static func escapingOutsideCodeSpans(_ line: Substring) -> String {
        var output = ""
        var inCode = false
        for character in line {
            if character == "`" { inCode.toggle() }
            output += !inCode && character == "<" ? "&lt;" : String(character)
        }
        return output
    }
}
