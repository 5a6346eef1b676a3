/// libyaml's problem and context texts in Chinese, for a syntax error no typing slip explains.
/// The English text is libyaml's own; an unknown text stays as libyaml wrote it.
enum SyntaxProblem {
    static func chinese(_ text: String) -> String {
        table[text] ?? text
    }

    private static let table: [String: String] = [
        "could not find expected ':'": "找不到应有的冒号 ':'",
        "mapping values are not allowed in this context": "这里不能再出现“键: 值”（冒号后跟空格）",
        "did not find expected key": "这里应当是一个键（key: …），缩进是否对齐？",
        "did not find expected ',' or '}'": "花括号 {…} 里应当用 ',' 分隔或以 '}' 结束",
        "did not find expected ',' or ']'": "方括号 […] 里应当用 ',' 分隔或以 ']' 结束",
        "did not find expected '-' indicator": "这里应当是列表项 '- '，缩进是否对齐？",
        "did not find expected node content": "这里缺少内容",
        "found character that cannot start any token": "这个字符不能出现在这里",
        "found a tab character that violates indentation": "缩进里有 Tab 键；请只用空格缩进",
        "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
        "found unexpected ':'": "多了一个冒号 ':'",
        "found undefined tag handle": "未定义的标签（!）",
        "block sequence entries are not allowed in this context": "这里不能出现列表项 '- '",
        "while scanning a simple key": "读取键时",
        "while scanning for the next token": "读取下一段内容时",
        "while parsing a block mapping": "读取映射时",
        "while parsing a block collection": "读取列表时",
        "while parsing a flow mapping": "读取花括号 {…} 时",
        "while parsing a flow sequence": "读取方括号 […] 时",
        "while scanning a quoted scalar": "读取引号里的文字时",
        "while scanning a plain scalar": "读取文字时",
        "while parsing a block node": "读取内容时",
        "while parsing a flow node": "读取内容时",
        "while scanning an alias": "读取别名时",
        "while scanning an anchor": "读取锚点时",
        "while scanning a tag": "读取标签时",
        "while scanning a block scalar": "读取多行文字时",
    ]
}
