import Testing
@testable import SVCAuditCore

@Test func versionIsSet() {
    #expect(!SVCAudit.version.isEmpty)
}
