import Foundation
import Testing
@testable import FolioPlot

/// Two renders of the same figure are byte-identical in every format.
@Test func rendersAreByteIdentical() throws {
    let figure = Fixtures.mixedPanels
    #expect(try figure.renderPNG() == figure.renderPNG())
    #expect(try figure.renderSVG() == figure.renderSVG())
    #expect(try figure.renderPDF() == figure.renderPDF())
    #expect(try figure.sceneDump() == figure.sceneDump())
}

/// The engine may render figures from several threads at once; output must not change.
@Test func concurrentRendersMatchSerialOnes() async throws {
    let figures = Fixtures.all.map(\.figure)
    let serial = try figures.map { try $0.renderPNG(scale: 1) }
    let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
        for (index, figure) in figures.enumerated() {
            group.addTask { (index, try figure.renderPNG(scale: 1)) }
        }
        var results = [[UInt8]](repeating: [], count: figures.count)
        for try await (index, png) in group { results[index] = png }
        return results
    }
    #expect(parallel == serial)
}

@Test func pdfCarriesNoCurrentTimestamp() throws {
    let pdf = String(decoding: try Fixtures.line.renderPDF(), as: UTF8.self)
    #expect(pdf.hasPrefix("%PDF"))
    #expect(pdf.contains("/CreationDate (20000101000000Z)"))
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())
    #expect(!pdf.contains("Date (\(year)") && !pdf.contains("Date (D:\(year)"))
}

@Test func svgIsAStandaloneDocument() throws {
    let svg = String(decoding: try Fixtures.heatmap.renderSVG(), as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("width=\"432pt\""))
}

@Test func pngHasTwiceThePointSize() throws {
    let image = try PNGImage(pngBytes: try Fixtures.annotation.renderPNG(scale: 2))
    #expect(image.width == 600 && image.height == 440)
}

@Test func writeReplacesFilesAtomically() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folioplot-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("figure.svg")
    try Fixtures.annotation.write(to: url, format: .svg)
    try Fixtures.annotation.write(to: url, format: .svg)
    #expect(try Data(contentsOf: url) == Data(try Fixtures.annotation.renderSVG()))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["figure.svg"])
}
