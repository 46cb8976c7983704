import FolioNotebook

/// Something in prose that the Markdown pass must not touch: TeX math (typeset by KaTeX)
/// or a cross-reference `@fig-x` / `@tbl-x` (a numbered link).
enum ProtectedSpan: Equatable, Sendable {
    case math(MathSpan)
    case reference(label: String)
}

/// TeX math found in prose.
struct MathSpan: Equatable, Sendable {
    /// The TeX source between the delimiters.
    let tex: String
    /// `$$…$$` (display) rather than `$…$` (inline).
    let isDisplay: Bool

    /// The element KaTeX renders in the browser; the TeX is escaped, so it is also what
    /// a reader without JavaScript sees.
    var html: String {
        isDisplay
            ? "<div class=\"math display\">\(tex.htmlEscaped)</div>"
            : "<span class=\"math inline\">\(tex.htmlEscaped)</span>"
    }
}

/// Replaces math and cross-references in Markdown by inert placeholders before Markdown is
/// converted, and puts their HTML back afterwards, so `_`, `*` and `\\` inside TeX are never
/// read as emphasis or escapes.
///
/// Rules (pandoc's): `$$…$$` is display math; `$…$` is inline math when the opening `$`
/// is not followed by a space and the closing `$` is not preceded by a space nor followed
/// by a digit (so "$5 and $6" stays text); `\$` is a literal dollar; nothing inside code
/// spans or fenced code blocks is touched. What a reference is: `CrossReference.match`.
struct ProtectedMarkdown: Sendable {
    /// The Markdown with placeholders.
    let markdown: String
    /// The spans, in order; placeholder *i* stands for `spans[i]`.
    let spans: [ProtectedSpan]

    init(markdown source: String) {
        var output = ""
        var spans: [ProtectedSpan] = []
        let characters = Array(source)
        var index = 0
        var atLineStart = true
        var fence: CodeFence? = nil
        while index < characters.count {
            let character = characters[index]
            if atLineStart {
                let line = characters[index...].prefix { $0 != "\n" }
                if let open = fence {
                    if open.isClosed(by: String(line)) { fence = nil }
                    // The closing line itself is still code.
                    output += String(line)
                    index += line.count
                    atLineStart = false
                    continue
                }
                fence = CodeFence(opening: String(line))
            }
            atLineStart = character == "\n"
            if fence != nil {
                output.append(character)
                index += 1
                continue
            }
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "$" {
                output += "\\$"
                index += 2
                continue
            }
            if character == "`" {
                let end = CodeSpan.end(in: characters, from: index) ?? index + CodeSpan.run(in: characters, at: index)
                output += String(characters[index..<end])
                index = end
                continue
            }
            if character == "$", let (span, end) = ProtectedMarkdown.math(characters, at: index) {
                output += ProtectedMarkdown.placeholder(spans.count)
                spans.append(.math(span))
                index = end
                continue
            }
            if let (label, end) = CrossReference.match(in: characters, at: index) {
                output += ProtectedMarkdown.placeholder(spans.count)
                spans.append(.reference(label: label))
                index = end
                continue
            }
            output.append(character)
            index += 1
        }
        self.markdown = output
        self.spans = spans
    }

    /// Replaces the placeholders in converted HTML by the math elements and by
    /// `reference(label)` for cross-references. A display-math placeholder alone in a
    /// paragraph replaces the whole `<p>`.
    func restore(in html: String, reference: (String) -> String) -> String {
        var result = html
        for (i, span) in spans.enumerated().reversed() {
            let token = ProtectedMarkdown.placeholder(i)
            switch span {
            case .math(let math):
                if math.isDisplay { result = result.replacing("<p>\(token)</p>", with: math.html) }
                result = result.replacing(token, with: math.html)
            case .reference(let label):
                result = result.replacing(token, with: reference(label))
            }
        }
        return result
    }

    /// Letters and digits only, so Markdown leaves it alone.
    static func placeholder(_ index: Int) -> String { "FOLIOPROTECTED\(index)Z" }

    private static func math(_ characters: [Character], at start: Int) -> (MathSpan, Int)? {
        if start + 1 < characters.count, characters[start + 1] == "$" {
            var i = start + 2
            while i + 1 < characters.count {
                if characters[i] == "\\" { i += 2; continue }
                if characters[i] == "$", characters[i + 1] == "$" {
                    let tex = String(characters[(start + 2)..<i]).trimmingWhitespace
                    return tex.isEmpty ? nil : (MathSpan(tex: tex, isDisplay: true), i + 2)
                }
                i += 1
            }
            return nil
        }
        guard start + 1 < characters.count, !characters[start + 1].isWhitespace else { return nil }
        var i = start + 1
        while i < characters.count, characters[i] != "\n" || (i + 1 < characters.count && characters[i + 1] != "\n") {
            if characters[i] == "\\" { i += 2; continue }
            if characters[i] == "$" {
                let closesProperly = !characters[i - 1].isWhitespace
                    && !(i + 1 < characters.count && characters[i + 1].isNumber)
                guard closesProperly else { return nil }
                return (MathSpan(tex: String(characters[(start + 1)..<i]), isDisplay: false), i + 1)
            }
            i += 1
        }
        return nil
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
