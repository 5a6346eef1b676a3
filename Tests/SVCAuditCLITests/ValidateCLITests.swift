import Foundation
import Testing

@Suite struct ValidateCLITests {
    let fixtures = ["--checklists", "Tests/Fixtures/checklists"]

    @Test func samplesAreValidEvenStrictly() throws {
        let r = try CLI.run(["validate", "samples"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(try CLI.run(["validate", "--strict", "samples", "checklists"]).code == 0)
    }

    /// Every broken fixture is reported as file:line:col, all of them, and the run exits 1.
    @Test func brokenFilesAreAllReported() throws {
        let r = try CLI.run(["validate"] + fixtures + ["Tests/Fixtures/broken"])
        #expect(r.code == 1)
        try Golden.check(r.stderr, "validate-broken.stderr.txt")
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Tests/Fixtures/broken").path)
        for f in files where f != "duplicate-id-a.yaml" {  // the first holder of an id is fine
            #expect(r.stderr.contains("Tests/Fixtures/broken/\(f):"), "no diagnostic for \(f)")
        }
        for line in r.stderr.split(separator: "\n") {
            #expect(line.wholeMatch(of: #/[^:]+:\d+:\d+: (error|warning): .+/#) != nil, "not file:line:col: \(line)")
        }
    }

    /// Each error class of SPEC §1 has a stable code in --format json.
    @Test func everyErrorClassHasItsCode() throws {
        let r = try CLI.run(["validate", "--format", "json"] + fixtures + ["Tests/Fixtures/broken"])
        #expect(r.code == 1)
        let json = try JSONSerialization.jsonObject(with: r.stdoutData) as! [String: Any]
        let codes = Set((json["diagnostics"] as! [[String: Any]]).map { $0["code"] as! String })
        let expected: Set<String> = [
            "unknown-item", "duplicate-key", "wrong-scope", "not-applicable", "bad-answer", "out-of-range",
            "checklist-not-loaded", "missing-field", "bad-date", "duplicate-staff", "not-assessed", "unknown-key",
            "bad-value", "yaml-syntax", "yaml-alias", "limit-depth", "encoding-utf8", "encoding-utf16", "empty-file",
            "several-documents", "unknown-file-kind", "duplicate-visit-id",
        ]
        #expect(expected.subtracting(codes).isEmpty, "missing: \(expected.subtracting(codes).sorted())")
        #expect(json["ok"] as? Bool == false)
        #expect(r.stderr.isEmpty)   // JSON mode: diagnostics are in the document only
    }

    @Test func brokenChecklistsStopTheRun() throws {
        let r = try CLI.run(["validate", "--lang", "en", "--checklists", "Tests/Fixtures/broken-checklists", "samples/visits/2026-07"])
        #expect(r.code == 1)
        try Golden.check(r.stderr, "validate-broken-checklists.stderr.txt")
        for code in ["must match", "is for staff-scope checklists", "greater than 0", "unknown key 'itemz'", "needs 'per'",
                     "'per' is only for", "already used by", "unique across all checklists", "already used at line",
                     "not among the checklist's roles", "the required field 'id' is missing", "must be a number"] {
            #expect(r.stderr.contains(code), "missing: \(code)")
        }
        #expect(!r.stderr.contains("samples/visits"))
    }

    @Test func warningsPassUnlessStrict() throws {
        let r = try CLI.run(["validate", "--lang", "en"] + fixtures + ["Tests/Fixtures/warnings"])
        #expect(r.code == 0)
        for code in ["unanswered", "without a note", "is named 李莉 here but 李娜", "has role lobby_manager here but teller",
                     "recorded twice", "did you mean 'teller'"] {
            #expect(r.stderr.contains(code), "missing warning: \(code)")
        }
        #expect(try CLI.run(["validate", "--strict"] + fixtures + ["Tests/Fixtures/warnings"]).code == 1)
        #expect(try CLI.run(["validate", "--quiet"] + fixtures + ["Tests/Fixtures/warnings"]).stderr.isEmpty)
    }

    @Test func missingPathAndUsage() throws {
        let r = try CLI.run(["validate", "no-such-dir"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("no-such-dir"))
        #expect(try CLI.run(["validate"]).code == 64)
        #expect(try CLI.run(["validate", "--format", "xml", "samples"]).code == 64)
    }

    @Test func standardInput() throws {
        let visit = try Data(contentsOf: CLI.root.appendingPathComponent("samples/visits/2026-07/BR0421-20260710-01.yaml"))
        #expect(try CLI.run(["validate", "-"], stdin: visit).code == 0)
        let r = try CLI.run(["validate", "-"], stdin: Data("branch: {id: X\n".utf8))
        #expect(r.code == 1)
        #expect(r.stderr.hasPrefix("<stdin>:"), "\(r.stderr)")
    }

    /// `new` prints a template that validates blank (warnings only) and strictly once answered.
    @Test func newTemplateValidatesOnceAnswered() throws {
        let r = try CLI.run(["new"] + fixtures + ["--branch", "0421", "--branch-name", "城中支行", "--date", "2026-07-14",
                             "--inspector", "王敏", "--staff", "007:李娜:teller", "--staff", "E2:张伟:lobby_manager"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("id: \"0421\""))
        #expect(r.stdout.contains("S5:"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = dir.appendingPathComponent("blank.yaml")
        try r.stdout.write(to: blank, atomically: true, encoding: .utf8)
        // Handed in blank, it is an error: nothing was answered (it would count as a visit).
        let v1 = try CLI.run(["validate", "--lang", "en"] + fixtures + [blank.path])
        #expect(v1.code == 1, "\(v1.stderr)")
        #expect(v1.stderr.contains("nothing was answered"))
        // Answer every item the way an inspector would.
        var filled = ""
        for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = String(line)
            if let range = l.range(of: ":  # ") {
                let answer = l.contains("[pass/fail/na]") ? "pass" : l.contains("[0-") ? "10" : "0"
                l = l.replacingCharacters(in: range, with: ": \(answer)  # ")
            }
            filled += l + "\n"
        }
        let done = dir.appendingPathComponent("filled.yaml")
        try filled.write(to: done, atomically: true, encoding: .utf8)
        let v2 = try CLI.run(["validate", "--strict"] + fixtures + [done.path])
        #expect(v2.code == 0, "\(v2.stderr)")
        let s = try CLI.run(["new", "--branch", "B", "--staff", "bad-format"])
        #expect(s.code == 64)
    }
}
