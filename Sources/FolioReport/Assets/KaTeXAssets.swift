import Foundation

/// KaTeX from Debian's `libjs-katex` (`/usr/share/javascript/katex`): copied beside a
/// report, or inlined into a self-contained one. Nothing is fetched from the network.
public struct KaTeXAssets: Sendable {
    /// The folder holding `katex.min.js`, `katex.min.css` and `fonts/`.
    public let folder: URL

    /// Debian's location.
    public static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")

    /// Checks that the files are there; the error names the package to install.
    public init(folder: URL = KaTeXAssets.debianFolder) throws {
        for file in ["katex.min.js", "katex.min.css", "fonts"] {
            let path = folder.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else {
                throw ReportError.missingAsset(path: path, hint: "install KaTeX with 'apt-get install libjs-katex' (make setup does)")
            }
        }
        self.folder = folder
    }

    /// Copies the JS, a stylesheet whose fonts are woff2 only, and the 20 woff2 fonts to
    /// `destination` (e.g. `output/x/assets/katex`). Every current browser reads woff2, so
    /// the woff and ttf copies (two thirds of the files) are left behind.
    public func copy(to destination: URL) throws {
        let manager = FileManager.default
        let fonts = destination.appendingPathComponent("fonts")
        try manager.createDirectory(at: fonts, withIntermediateDirectories: true)
        try manager.copyItem(
            at: folder.appendingPathComponent("katex.min.js").resolvingSymlinksInPath(),
            to: destination.appendingPathComponent("katex.min.js"))
        let sourceFonts = folder.appendingPathComponent("fonts").resolvingSymlinksInPath()
        let stylesheet = try woff2Stylesheet { file in
            try manager.copyItem(at: sourceFonts.appendingPathComponent(file), to: fonts.appendingPathComponent(file))
            return "fonts/\(file)"
        }
        try Data(stylesheet.utf8).write(to: destination.appendingPathComponent("katex.min.css"))
    }

    /// The JavaScript, with `://` written `:\/\/`: the same string values (KaTeX's only URLs
    /// are the SVG and MathML namespaces inside string literals), but no text that looks
    /// like a fetchable URL in a self-contained page.
    func script() throws -> String {
        try String(contentsOf: folder.appendingPathComponent("katex.min.js"), encoding: .utf8)
            .replacing("http://", with: "http:\\/\\/").replacing("https://", with: "https:\\/\\/")
    }

    /// The stylesheet with every font as a data URI, for a self-contained page.
    func inlinedStylesheet() throws -> String {
        let fonts = folder.appendingPathComponent("fonts")
        return try woff2Stylesheet { file in
            guard let data = try? Data(contentsOf: fonts.appendingPathComponent(file)) else {
                throw ReportError.missingAsset(path: fonts.appendingPathComponent(file).path, hint: "reinstall libjs-katex")
            }
            return "data:font/woff2;base64,\(data.base64EncodedString())"
        }
    }

    /// KaTeX's stylesheet with each `src` list reduced to its woff2 entry, whose URL is
    /// `location(fileName)` (a relative path or a data URI).
    private func woff2Stylesheet(location: (String) throws -> String) throws -> String {
        let css = try String(contentsOf: folder.appendingPathComponent("katex.min.css"), encoding: .utf8)
        var failure: Error?
        let result = css.replacing(/src:url\(fonts\/([^)]+\.woff2)\) format\('woff2'\)[^;}]*/) { match in
            do {
                return "src:url(\(try location(String(match.output.1)))) format(\"woff2\")"
            } catch {
                failure = error
                return String(match.output.0)
            }
        }
        if let failure { throw failure }
        return result
    }
}
