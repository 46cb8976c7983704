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

    /// Copies the JS, CSS and fonts to `destination` (e.g. `output/x/assets/katex`).
    public func copy(to destination: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        for file in ["katex.min.js", "katex.min.css", "fonts"] {
            try manager.copyItem(at: folder.appendingPathComponent(file).resolvingSymlinksInPath(), to: destination.appendingPathComponent(file))
        }
    }

    /// The JavaScript, with `://` written `:\/\/`: the same string values (KaTeX's only URLs
    /// are the SVG and MathML namespaces inside string literals), but no text that looks
    /// like a fetchable URL in a self-contained page.
    func script() throws -> String {
        try String(contentsOf: folder.appendingPathComponent("katex.min.js"), encoding: .utf8)
            .replacing("http://", with: "http:\\/\\/").replacing("https://", with: "https:\\/\\/")
    }

    /// The stylesheet with every `url(fonts/…)` replaced by a data URI (woff2 only; the
    /// other formats in the `src` lists are dropped, every current browser reads woff2).
    func inlinedStylesheet() throws -> String {
        let css = try String(contentsOf: folder.appendingPathComponent("katex.min.css"), encoding: .utf8)
        let fonts = folder.appendingPathComponent("fonts")
        var missing: String?
        let inlined = css.replacing(/src:url\((fonts\/[^)]+\.woff2)\) format\('woff2'\)[^;}]*/) { match in
            let file = fonts.appendingPathComponent(String(match.output.1.dropFirst("fonts/".count)))
            guard let data = try? Data(contentsOf: file) else {
                missing = file.path
                return String(match.output.0)
            }
            return "src:url(data:font/woff2;base64,\(data.base64EncodedString())) format(\"woff2\")"
        }
        if let missing { throw ReportError.missingAsset(path: missing, hint: "reinstall libjs-katex") }
        return inlined
    }
}
