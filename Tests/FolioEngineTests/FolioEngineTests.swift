// Tests for FolioEngine arrive with its issue.
import Testing
