// FolioReport: the HTML report: templates, math, numbering, provenance (issue F4).
// Its dependencies are declared in Package.swift; the code arrives with its issue.
