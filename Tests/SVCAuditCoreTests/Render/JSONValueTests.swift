import Foundation
import Testing
@testable import SVCAuditCore

@Suite struct JSONValueTests {
    let doc: JSONValue = .object([
        ("id", .string("E1001")),
        ("name", .string("李娜")),
        ("score", .number(93.333333)),
        ("base", .number(88.125)),
        ("bonus", .int(2)),
        ("checklists", .object([("counter", .number(85)), ("uniform", .number(100))])),
        ("veto", .array([])),
        ("extra", .object([])),
        ("unanswered", .array([.string("G04"), .null, .bool(true)])),
        ("rank", .opt(nil as Int?)),
    ])

    @Test func prettyLayout() {
        let expected = """
            {
              "id": "E1001",
              "name": "李娜",
              "score": 93.33,
              "base": 88.13,
              "bonus": 2,
              "checklists": {
                "counter": 85.0,
                "uniform": 100.0
              },
              "veto": [],
              "extra": {},
              "unanswered": [
                "G04",
                null,
                true
              ],
              "rank": null
            }

            """
        #expect(doc.render() == expected)
    }

    @Test func compactLayout() {
        let v: JSONValue = ["b": 1, "a": [1.5, "x", false], "c": [:], "d": []]
        #expect(v.render(pretty: false) == "{\"b\":1,\"a\":[1.5,\"x\",false],\"c\":{},\"d\":[]}\n")
    }

    @Test func keyOrderIsAsGiven() {
        let v: JSONValue = .object([("z", 1), ("a", 2), ("m", 3)])
        #expect(v.render(pretty: false) == "{\"z\":1,\"a\":2,\"m\":3}\n")
    }

    @Test func escaping() {
        let v: JSONValue = .string("a\"b\\c/d\n\r\t\u{1}\u{1F}\u{7F}中文😀")
        #expect(v.render(pretty: false) == "\"a\\\"b\\\\c/d\\n\\r\\t\\u0001\\u001f\u{7F}中文😀\"\n")
        // Round-trips through Foundation's parser.
        let data = Data(JSONValue.array([v]).render().utf8)
        let back = try? JSONSerialization.jsonObject(with: data) as? [String]
        #expect(back == ["a\"b\\c/d\n\r\t\u{1}\u{1F}\u{7F}中文😀"])
    }

    @Test func numbers() {
        #expect(JSONValue.number(.nan).render() == "null\n")
        #expect(JSONValue.number(.infinity).render() == "null\n")
        #expect(JSONValue.number(-.infinity).render() == "null\n")
        #expect(JSONValue.number(-0.001).render() == "0.0\n")
        #expect(JSONValue.number(91.25).render() == "91.25\n")
        #expect(JSONValue.int(-7).render() == "-7\n")
        #expect(JSONValue.opt(2.675).render() == "2.68\n")
        #expect(JSONValue.opt(nil as Double?) == .null)
        #expect(JSONValue.opt("x") == .string("x"))
        #expect(JSONValue.opt(nil as String?) == .null)
    }

    @Test func deterministic() {
        #expect(doc.render() == doc.render())
        #expect(doc == doc)
        #expect(JSONValue.object([("a", 1)]) != JSONValue.object([("b", 1)]))
    }
}
