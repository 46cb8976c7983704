// FolioPlot: deterministic figures through Cairo (issue F3).
// Its dependencies are declared in Package.swift; the code arrives with its issue.
