import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

/// Reports are shared, so prose must not plant script in them. A corpus of cross-site
/// scripting vectors (after OWASP's XSS filter evasion cheat sheet, plus the Markdown
/// forms: link and image destinations, reference definitions, autolinks, fences, footnotes,
/// tables, math) is rendered; the page must hold no event-handler attribute, no script
/// but Folio's own, no `javascript:`/`vbscript:`/`data:` link, and run none of it in Chromium.
@Suite(.serialized) struct ProseSecurityTests {
    /// Every payload calls `console.error(1337)`, so one that runs shows in the console.
    static let vectors: [String] = [
        // Raw HTML (OWASP).
        "<script>console.error(1337)</script>",
        "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:console.error(1337);\">",
        "<IMG SRC=JaVaScRiPt:console.error(1337)>",
        "<IMG SRC=`javascript:console.error(1337)`>",
        "<a onmouseover=\"console.error(1337)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>console.error(1337)</SCRIPT>\">",
        "<IMG SRC=# onmouseover=\"console.error(1337)\">",
        "<IMG SRC=/ onerror=\"console.error(1337)\"></img>",
        "<img src=x onerror=&#99;onsole.error(1337)>",
        "<IMG SRC=\"jav\tascript:console.error(1337);\">",
        "<IMG SRC=\"jav&#x09;ascript:console.error(1337);\">",
        "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=console.error(1337)>",
        "<<SCRIPT>console.error(1337);//<</SCRIPT>",
        "<iframe src=\"javascript:console.error(1337)\" <",
        "<svg/onload=console.error(1337)>",
        "<svg><script>console.error(1337)</script></svg>",
        "<math><mi xlink:href=\"javascript:console.error(1337)\">x</mi></math>",
        "<BODY BACKGROUND=\"javascript:console.error(1337)\">",
        "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:console.error(1337);\">",
        "<!--[if gte IE 4]><SCRIPT>console.error(1337);</SCRIPT><![endif]-->",
        "<object data=\"javascript:console.error(1337)\"></object>",
        "<details open ontoggle=console.error(1337)>",
        "<div style=\"background:url(javascript:console.error(1337))\">x</div>",
        "<input autofocus onfocus=console.error(1337)>",
        // Markdown links and images.
        "[a](javascript:console.error(1337))",
        "[a](  JaVaScRiPt:console.error(1337) )",
        "[a](<javascript:console.error(1337)>)",
        "[a](java&#x09;script:console.error(1337))",
        "[a](&#x6A;avascript:console.error(1337))",
        "[a](vbscript:msgbox(1337))",
        "[a](data:text/html;base64,PHNjcmlwdD5jb25zb2xlLmVycm9yKDEzMzcpPC9zY3JpcHQ+)",
        "![a](javascript:console.error(1337))",
        "![pic](x\"onerror=\"console.error(1337))",
        "[q](x\"onmouseover=\"console.error(1337))",
        "[t](http://ok.example \"x\\\" onmouseover=console.error(1337) \\\"\")",
        "[a\"onclick=\"console.error(1337)](http://ok.example)",
        "![a\"onerror=\"console.error(1337)](missing.png)",
        "[ref][evil]\n\n[evil]: javascript:console.error(1337)",
        "![ref][evil-image]\n\n[evil-image]: javascript:console.error(1337) \"t\"",
        "<javascript:console.error(1337)>",
        "<http://ok.example/?a=\"onmouseover=console.error(1337)>",
        // Code that does not close, fences, info strings, footnotes, tables, math.
        "Unmatched ` backtick <img src=x onerror=console.error(1337)>",
        "~~~\n<img src=x onerror=console.error(1337)>\n~~~",
        "```js\"><script>console.error(1337)</script>\ncode\n```",
        "Footnote[^x].\n\n[^x]: <img src=x onerror=console.error(1337)>",
        "| a | b |\n|---|---|\n| <img src=x onerror=console.error(1337)> | [c](javascript:console.error(1337)) |",
        "$<img src=x onerror=console.error(1337)>$ and $$\\href{javascript:console.error(1337)}{x}$$",
        "# Heading <img src=x onerror=console.error(1337)>",
    ]

    static var notebook: String {
        """
        ---
        title: "XSS <script>console.error(1337)</script>"
        abstract: "[a](javascript:console.error(1337)) <img src=x onerror=console.error(1337)>"
        ---

        \(vectors.joined(separator: "\n\n"))

        ```swift
        //| label: fig-x
        //| caption: "<img src=x onerror=console.error(1337)>"
        //| alt: "\\" onerror=\\"console.error(1337)"
        plot([line(y: [1, 2], label: "<b onmouseover=console.error(1337)>")], x: "<i>", y: "y")
        ```
        """
    }

    private func renderedPage() throws -> URL {
        let result = ReportFixtures.run(Self.notebook, path: "xss.md")
        #expect(result.succeeded, "\(result.diagnostics.map(\.rendered))")
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options())
        return output.appendingPathComponent("xss/index.html")
    }

    /// What the page holds, before any browser runs it: only elements Folio writes, no
    /// event-handler attribute, no URL the link policy refuses, no script but Folio's own.
    @Test func thePageHoldsNoHandlerScriptOrDangerousURL() throws {
        let html = try String(contentsOf: try renderedPage(), encoding: .utf8)
        let tags = HTMLTags.parse(html)
        let unexpected = Set(tags.map(\.name)).subtracting(Self.foliosElements)
        #expect(unexpected.isEmpty, "elements Folio does not write: \(unexpected.sorted())")
        Self.expectNoHandlersOrDangerousURLs(tags)
        let scripts = tags.filter { $0.name == "script" }.map { $0.attributes["src"] ?? "inline" }
        #expect(scripts == ["assets/katex/katex.min.js", "inline"], "\(scripts)")
        // The vectors are shown as text, not dropped: a reader sees what the author wrote.
        #expect(html.contains("&lt;script&gt;console.error(1337)&lt;/script&gt;"))
        #expect(html.contains("<p>&lt;svg/onload=console.error(1337)&gt;</p>"))
    }

    /// Nothing runs in a real browser: no console line from a payload, no handler in the DOM.
    @Test func nothingRunsInChromium() throws {
        let browser = try HeadlessChromium.dumpDOM(of: try renderedPage())
        #expect(!browser.consoleMessages.contains { $0.contains("1337") }, "\(browser.consoleMessages)")
        Self.expectNoHandlersOrDangerousURLs(HTMLTags.parse(browser.dom))
    }

    static func expectNoHandlersOrDangerousURLs(_ tags: [HTMLTags.Tag]) {
        let handlers = tags.flatMap { tag in tag.attributes.keys.filter { $0.hasPrefix("on") }.map { "<\(tag.name) \($0)>" } }
        #expect(handlers.isEmpty, "event handlers: \(handlers)")
        let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "data", "xlink:href", "background", "poster"]
        let dangerous = tags.flatMap { tag in
            tag.attributes.filter { urlAttributes.contains($0.key) && !LinkPolicy.allows($0.value) }.map { "<\(tag.name) \($0.key)=\($0.value)>" }
        }
        #expect(dangerous.isEmpty, "dangerous URLs: \(dangerous)")
    }

    /// The elements a Folio page is made of (the page chrome, CommonMark's output, cells).
    static let foliosElements: Set<String> = [
        "html", "head", "meta", "title", "link", "style", "body", "div", "header", "main", "nav", "section", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "img", "figure", "figcaption", "pre", "code",
        "span", "em", "strong", "del", "blockquote", "hr", "br", "sup", "table", "caption", "thead", "tbody", "tr", "th",
        "td", "details", "summary", "dl", "dt", "dd", "script",
    ]

    /// The browser check can fail: a payload that does run is seen.
    @Test func aRunningPayloadIsDetected() throws {
        let page = ReportFixtures.temporaryDirectory().appendingPathComponent("ran.html")
        try Data("<!DOCTYPE html><html><body><img src=x onerror=console.error(1337)></body></html>".utf8).write(to: page)
        let browser = try HeadlessChromium.dumpDOM(of: page)
        #expect(browser.consoleMessages.contains { $0.contains("1337") })
    }

    @Test(arguments: [
        ("http://a.example", true), ("HTTPS://a.example", true), ("mailto:me@a.example", true),
        ("figures/a.png", true), ("../x.html", true), ("#sec-2", true), ("/abs", true), ("a/b:c", true), ("?q=a:b", true),
        ("javascript:x", false), ("JaVaScRiPt:x", false), ("java\tscript:x", false), (" javascript:x", false),
        ("\u{1}javascript:x", false), ("vbscript:x", false), ("data:text/html,x", false), ("file:///etc/passwd", false),
        ("ftp://a.example", false),
    ])
    func linkPolicy(url: String, allowed: Bool) {
        #expect(LinkPolicy.allows(url) == allowed)
    }
}

/// A small tokenizer for the HTML that Folio and Chromium serialise (attribute values in
/// double quotes, `<` in text escaped); the contents of `script` and `style` are skipped.
enum HTMLTags {
    struct Tag {
        let name: String
        let attributes: [String: String]
    }

    static func parse(_ html: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter else { continue }
            let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
            rest = rest.dropFirst(name.count)
            var attributes: [String: String] = [:]
            while true {
                rest = rest.drop { $0.isWhitespace || $0 == "/" }
                guard let next = rest.first, next != ">" else { break }
                let attribute = String(rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }).lowercased()
                rest = rest.dropFirst(max(attribute.count, 1))
                if rest.first == "=" {
                    rest = rest.dropFirst()
                    if rest.first == "\"" {
                        rest = rest.dropFirst()
                        let value = rest.prefix { $0 != "\"" }
                        attributes[attribute] = String(value).replacing("&amp;", with: "&").replacing("&quot;", with: "\"")
                        rest = rest.dropFirst(value.count + 1)
                    } else {
                        let value = rest.prefix { !$0.isWhitespace && $0 != ">" }
                        attributes[attribute] = String(value)
                        rest = rest.dropFirst(value.count)
                    }
                } else {
                    attributes[attribute] = ""
                }
            }
            tags.append(Tag(name: name, attributes: attributes))
            if name == "script" || name == "style", let close = rest.range(of: "</\(name)", options: .caseInsensitive) {
                rest = rest[close.lowerBound...]
            }
        }
        return tags
    }
}
