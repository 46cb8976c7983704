import Foundation
import Mustache

/// The report's templates: `report.html`, its partials (`*.mustache`) and `style.css`,
/// read from one folder (the repository's `templates/`, or the notebook's `template:`).
public struct TemplateSet: Sendable {
    /// The folder the templates came from.
    public let folder: URL
    let library: MustacheLibrary
    /// The stylesheet, inlined into every page.
    let stylesheet: String

    /// Partials every report template may use.
    static let partialNames = [
        "title-block", "toc", "prose", "cell", "output-text", "value-preview", "table", "figure", "error-card", "footer",
    ]

    /// Reads and parses the templates in `folder`; a missing file or a Mustache syntax error
    /// is a `ReportError` naming the file.
    public init(folder: URL) throws {
        var library = MustacheLibrary()
        let files = [("report", "report.html")] + TemplateSet.partialNames.map { ($0, "\($0).mustache") }
        for (name, file) in files {
            let url = folder.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ReportError.missingTemplate(path: url.path)
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw ReportError.badTemplate(path: url.path, message: "\(error)")
            }
        }
        let styleURL = folder.appendingPathComponent("style.css")
        guard let stylesheet = try? String(contentsOf: styleURL, encoding: .utf8) else {
            throw ReportError.missingTemplate(path: styleURL.path)
        }
        self.folder = folder
        self.library = library
        self.stylesheet = stylesheet
    }

    /// The default templates: `FOLIO_TEMPLATES` if set, else the `templates/` folder of the
    /// Folio checkout the executable was built in (`.build/<config>/folio` → `templates/`),
    /// else `templates/` in the working directory.
    public static func defaultFolder(environment: [String: String], executable: URL, workingDirectory: URL) -> URL {
        if let override = environment["FOLIO_TEMPLATES"] { return URL(fileURLWithPath: override) }
        var candidate = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let templates = candidate.appendingPathComponent("templates")
            if FileManager.default.fileExists(atPath: templates.appendingPathComponent("report.html").path) {
                return templates
            }
            candidate = candidate.deletingLastPathComponent()
        }
        return workingDirectory.appendingPathComponent("templates")
    }

    func render(_ context: [String: Any]) -> String {
        library.render(context, withTemplate: "report") ?? ""
    }
}

/// Why a report could not be made.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingTemplate(path: String)
    case badTemplate(path: String, message: String)
    case missingAsset(path: String, hint: String)

    public var description: String {
        switch self {
        case .missingTemplate(let path):
            return "\(path): error: template file not found (a template folder needs report.html, style.css and the partials)"
        case .badTemplate(let path, let message):
            return "\(path): error: \(message)"
        case .missingAsset(let path, let hint):
            return "\(path): error: not found; \(hint)"
        }
    }
}
