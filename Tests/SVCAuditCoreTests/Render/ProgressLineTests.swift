import Foundation
import Testing
@testable import SVCAuditCore

/// The progress line: silent for the first second, then one self-updating line; plain lines
/// without escape codes under NO_COLOR / TERM=dumb; cleared when done.
@Suite struct ProgressLineTests {
    final class Clock: @unchecked Sendable { var t = 0.0 }
    final class Sink: @unchecked Sendable { var text = "" }

    @Test func appearsAfterASecondAndRedrawsInPlace() {
        let clock = Clock(), sink = Sink()
        let p = ProgressLine(lang: .zh, plain: false, now: { clock.t }) { sink.text += $0 }
        clock.t = 0.5
        p.update(done: 10, total: 1000)
        #expect(sink.text.isEmpty, "nothing in the first second")
        clock.t = 2
        p.update(done: 400, total: 1000)
        #expect(sink.text == "\r\u{1B}[K读取 400 / 1,000 个文件（40.0%）· 每秒 200 个 · 约剩 3 秒")
        clock.t = 2.05
        p.update(done: 410, total: 1000)
        #expect(!sink.text.contains("410"), "redrawn at most ten times a second")
        p.finish()
        #expect(sink.text.hasSuffix("\r\u{1B}[K"), "cleared before the result")
    }

    @Test func plainFormHasNoEscapeCodes() {
        let clock = Clock(), sink = Sink()
        let p = ProgressLine(lang: .en, plain: true, now: { clock.t }) { sink.text += $0 }
        clock.t = 90
        p.update(done: 125_000, total: 250_000)
        #expect(sink.text == "read 125,000 of 250,000 files (50.0%) · 1,389 files/s · about 1 min 30 s left\n")
        p.finish()
        #expect(!sink.text.contains("\u{1B}"))
    }

    /// Never on a pipe: standard error here is not a terminal.
    @Test func notOnAPipe() {
        if isatty(2) == 0 { #expect(ProgressLine.forStandardError(lang: .zh) == nil) }
    }
}
