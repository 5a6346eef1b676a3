import Testing

/// Usage errors (exit 64) speak the language of every other message: Chinese by default,
/// English with --lang en; the option names and the usage line stay as typed.
@Suite struct UsageErrorCLITests {
    @Test func unknownOptionInChinese() throws {
        let r = try CLI.run(["rank", "samples/visits", "--bogus"])
        #expect(r.code == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            错误：未知选项 '--bogus'，是否应为 '--jobs'？
            用法：svcaudit rank [<options>] [<paths> ...]
              详见 'svcaudit rank --help'。

            """, "\(r.stderr)")
    }

    @Test func badAndMissingValuesInChinese() throws {
        let bad = try CLI.run(["rank", "samples/visits", "--jobs", "x"])
        #expect(bad.code == 64)
        #expect(bad.stderr.hasPrefix("错误：'--jobs <n>' 的值 'x' 无效\n说明：--jobs <n>"), "\(bad.stderr)")
        let missing = try CLI.run(["checklists", "show"])
        #expect(missing.code == 64)
        #expect(missing.stderr.hasPrefix("错误：缺少参数 '<id>'\n"), "\(missing.stderr)")
        #expect(missing.stderr.contains("用法：svcaudit checklists show <id>"))
        #expect(!missing.stderr.contains("Error:") && !missing.stderr.contains("Usage:"))
    }

    @Test func englishWithLangEn() throws {
        let r = try CLI.run(["rank", "samples/visits", "--bogus", "--lang", "en"])
        #expect(r.code == 64)
        #expect(r.stderr.hasPrefix("Error: Unknown option '--bogus'. Did you mean '--jobs'?\nUsage: svcaudit rank"), "\(r.stderr)")
    }

    @Test func helpAndVersionUnchanged() throws {
        let help = try CLI.run(["rank", "--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("USAGE: svcaudit rank"))
        #expect(try CLI.run(["--version"]).code == 0)
    }
}
