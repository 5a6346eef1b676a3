import ArgumentParser
import Foundation
import SVCAuditCore

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension Visit.Method: ExpressibleByArgument {
    /// `--method 自查` as well as `--method self`.
    public init?(argument: String) {
        guard let m = AnswerGrammar.method(argument) else { return nil }
        self = m
    }
}
