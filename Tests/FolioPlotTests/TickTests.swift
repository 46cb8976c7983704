import Foundation
import Testing
@testable import FolioPlot

private func labels(_ ticks: AxisTicks) -> [String] { ticks.major.map(\.label.plainText) }

@Test func wilkinsonPrefersRoundSteps() throws {
    let labeling = try #require(ExtendedWilkinson.labeling(dmin: 0.13, dmax: 9.7, m: 6))
    #expect(labeling.step == 2)
    #expect(labeling.values == [0, 2, 4, 6, 8, 10])
}

@Test func tinyRangeGetsCleanScientificLabels() {
    let ticks = AxisTicks.linear(domain: 0...0.0003, target: 5)
    #expect(ticks.major.count >= 3)
    #expect(labels(ticks).first == "0")
    #expect(labels(ticks).allSatisfy { !$0.contains("0000") && $0.count < 9 })
    #expect(labels(ticks).dropFirst().allSatisfy { $0.hasSuffix("×10−4") })
}

@Test func wideSignedRangeUsesSharedExponent() {
    let ticks = AxisTicks.linear(domain: -1e6...3e6, target: 5)
    #expect(labels(ticks) == ["−1×10⁶", "0", "1×10⁶", "2×10⁶", "3×10⁶"].map { $0.replacingOccurrences(of: "⁶", with: "6") })
}

@Test func decimalsAreSharedAcrossAnAxis() {
    let ticks = AxisTicks.linear(domain: 0...1.2, target: 7)
    #expect(labels(ticks) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2"])
    #expect(!labels(AxisTicks.linear(domain: 0.1...0.7, target: 7)).contains { $0.contains("0000") })
}

@Test func singleValueAxisIsWidenedAndLabelled() throws {
    let domain = try ResolvedPanel.domain(Extent(range: 5...5), axis: Axis(), name: "test")
    #expect(domain.contains(5) && domain.lowerBound < 5 && domain.upperBound > 5)
    let ticks = AxisTicks.linear(domain: domain, target: 5)
    #expect(ticks.major.contains { $0.value == 5 && $0.label.plainText.hasPrefix("5.0") })
    #expect(throws: PlotError.self) {
        try ResolvedPanel.domain(Extent(range: 0...0), axis: Axis(scale: .log), name: "test")
    }
}

@Test func logTicksArePowersOfTenWithMinorTicks() {
    let ticks = AxisTicks.logarithmic(domain: 1e-9...1, target: 6)
    #expect(ticks.major.allSatisfy { abs(log10($0.value) - log10($0.value).rounded()) < 1e-9 })
    #expect(labels(ticks) == ["10−8", "10−6", "10−4", "10−2", "100"])
    #expect(!ticks.minor.isEmpty)
    let short = AxisTicks.logarithmic(domain: 1e-3...1, target: 6)
    #expect(labels(short) == ["10−3", "10−2", "10−1", "100"])
    #expect(short.minor.count == 8 * 3)
}

@Test func awkwardWideRangeKeepsSeveralTicks() {
    for target in 4...7 {
        let ticks = AxisTicks.linear(domain: -3.6e6...9.6e6, target: target)
        #expect(ticks.major.count >= 3, "target \(target): \(labels(ticks))")
    }
}

@Test func categoricalTicksThinWhenCrowded() {
    let ticks = AxisTicks.categorical((1...20).map(String.init), stride: 3)
    #expect(labels(ticks) == ["1", "4", "7", "10", "13", "16", "19"])
}
