import CCmark
import Foundation

/// Markdown to HTML by cmark-gfm, the reference CommonMark implementation (with GitHub's
/// tables, strikethrough, autolinks and footnotes), under Folio's prose policy:
///
/// - Raw HTML written in prose is text: it is shown as written, never interpreted, so a
///   notebook cannot plant markup or script in a report that others open.
/// - A link or image keeps its URL only when it is relative, a `#fragment`, or `http:`,
///   `https:` or `mailto:` (`LinkPolicy`); any other link
///   is replaced by its text, any other image by its alt text.
/// - Everything else (URLs, titles, alt text, a fence's info string) is escaped by cmark's
///   HTML writer, which also runs in its safe mode as a second line of defence.
///
/// Why cmark rather than Ink (which Folio used first): Ink is not CommonMark. It put link
/// destinations into attributes unescaped (`[q](x"onmouseover="…)`), kept `javascript:`
/// links, let an unmatched backtick swallow the rest of a block with its raw HTML, rendered
/// no indented code and split a paragraph before a line starting with a code span.
enum CommonMark {
    /// The HTML of `markdown` under the policy above.
    static func html(_ markdown: String) -> String {
        registerExtensions
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return markdown.htmlEscaped }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return markdown.htmlEscaped }
        defer { cmark_node_free(document) }
        applyPolicy(to: document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return markdown.htmlEscaped
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// cmark-gfm's extensions register themselves once per process.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Raw HTML becomes text; links and images with a URL the policy refuses are unwrapped.
    /// The nodes are collected first: cmark's iterator must not see the tree change under it.
    private static func applyPolicy(to document: OpaquePointer) {
        var rawHTML: [OpaquePointer] = []
        var refused: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK {
                rawHTML.append(node)
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !LinkPolicy.allows(url) { refused.append(node) }
            }
        }
        for node in rawHTML { replaceByText(node) }
        for node in refused { unwrap(node) }
    }

    /// Puts text with the node's literal in its place: inline HTML becomes text where it
    /// stood, an HTML block becomes a paragraph of that text.
    private static func replaceByText(_ node: OpaquePointer) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(text, literal.trimmingCharacters(in: .newlines))
        if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return cmark_node_free(text) }
            cmark_node_append_child(paragraph, text)
            cmark_node_insert_before(node, paragraph)
        } else {
            cmark_node_insert_before(node, text)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Replaces a link or image by its children (its text, or an image's alt text).
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

/// Which URLs a report's links and images may carry: relative ones (`figures/a.png`,
/// `../other.html`, `#sec-2`, `/x`) and the schemes `http`, `https` and `mailto`. Before
/// the scheme is read, whitespace and control characters are removed and the comparison
/// ignores case, as browsers do (`java\tscript:` and `JaVaScRiPt:` are `javascript:`).
enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    static func allows(_ url: String) -> Bool {
        let cleaned = url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let beforeColon = String(String.UnicodeScalarView(cleaned[..<colon]))
        // A `/`, `?` or `#` before the first colon makes it a relative path, not a scheme.
        if beforeColon.contains(where: { "/?#".contains($0) }) { return true }
        return allowedSchemes.contains(beforeColon.lowercased())
    }
}
