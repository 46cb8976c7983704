import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

/// End-to-end checks on the rendered tour notebook: self-contained output and the page in
/// a real (headless) browser.
@Suite(.serialized) struct TourReportTests {
    static let tourPath = ReportFixtures.templatesFolder.deletingLastPathComponent()
        .appendingPathComponent("notebooks/tour.md").path

    /// Renders the tour into a fresh folder and returns its `index.html`.
    static func renderTour(selfContained: Bool) throws -> URL {
        let source = try String(contentsOfFile: tourPath, encoding: .utf8)
        let result = ReportFixtures.run(source, path: tourPath)
        #expect(result.succeeded, "the tour must render without errors")
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options(selfContained: selfContained))
        return output.appendingPathComponent("tour/index.html")
    }

    @Test func selfContainedPageHasNoExternalOrRelativeResources() throws {
        let page = try Self.renderTour(selfContained: true)
        let folder = page.deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["index.html", "manifest.json"])
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://"))
        let references = html.matches(of: /(?:src|href)\s*=\s*"([^"]*)"/).map { String($0.output.1) }
        #expect(!references.isEmpty)
        let relative = references.filter { !$0.hasPrefix("data:") && !$0.hasPrefix("#") }
        #expect(relative.isEmpty, "relative resources remain: \(relative)")
        let cssURLs = html.matches(of: /url\(([^)]*)\)/).map { String($0.output.1) }
        #expect(cssURLs.allSatisfy { $0.hasPrefix("data:") }, "\(cssURLs.filter { !$0.hasPrefix("data:") })")
        #expect(html.contains("data:image/png;base64,"))
    }

    @Test func linkedPageTypesetsMathLoadsImagesAndLogsNothingInChromium() throws {
        let page = try Self.renderTour(selfContained: false)
        let browser = try HeadlessChromium.dumpDOM(of: page)
        let mathCount = try String(contentsOf: page, encoding: .utf8).matches(of: /class="math (inline|display)"/).count
        #expect(mathCount >= 2)
        #expect(browser.dom.matches(of: /class="katex"/).count >= mathCount, "KaTeX did not typeset every formula")
        #expect(!browser.dom.contains("katex-error"))
        let images = browser.dom.matches(of: /<img [^>]*>/).map { String($0.output) }
        #expect(!images.isEmpty)
        #expect(images.allSatisfy { $0.contains("data-state=\"loaded\"") }, "images not loaded: \(images)")
        #expect(browser.consoleMessages.isEmpty, "console: \(browser.consoleMessages)")
    }
}

extension TourReportTests {
    /// The browser check must be able to fail: a page with a console error and a missing image.
    @Test func brokenPageIsDetected() throws {
        let folder = ReportFixtures.temporaryDirectory()
        let page = folder.appendingPathComponent("broken.html")
        try Data("""
            <!DOCTYPE html><html><body><img src="missing.png">
            <script>console.error("boom");
            window.addEventListener("load", function () { document.querySelectorAll("img").forEach(function (i) {
              i.dataset.state = i.complete && i.naturalWidth > 0 ? "loaded" : "broken"; }); });</script></body></html>
            """.utf8).write(to: page)
        let browser = try HeadlessChromium.dumpDOM(of: page)
        #expect(browser.consoleMessages.contains { $0.contains("boom") })
        #expect(browser.dom.contains("data-state=\"broken\""))
    }
}

/// Runs Debian's `chromium` headless (installed by `make setup`).
enum HeadlessChromium {
    struct Result {
        var dom: String
        /// Lines the page wrote to the console (errors, warnings, logs).
        var consoleMessages: [String]
    }

    static func dumpDOM(of page: URL) throws -> Result {
        guard let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw TestFailure("chromium is not installed; run `make setup` (Debian package chromium)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let profile = ReportFixtures.temporaryDirectory()
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", page.absoluteString,
        ]
        let log = profile.appendingPathComponent("stderr.log")
        try Data().write(to: log)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let messages = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let console = messages.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        guard process.terminationStatus == 0, !dom.isEmpty else {
            throw TestFailure("chromium exited with \(process.terminationStatus): \(messages.suffix(2000))")
        }
        return Result(dom: dom, consoleMessages: console)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
