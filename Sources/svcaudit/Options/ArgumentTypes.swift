import ArgumentParser
import Foundation
import SVCAuditCore

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension Visit.Method: ExpressibleByArgument {}
