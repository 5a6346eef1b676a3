/// The message of every code in Chinese and English. `{name}` placeholders are filled from the
/// diagnostic's arguments (see MessageTemplate); both languages must use the same ones.
extension DiagnosticCode {
    public var template: MessageTemplate {
        switch self {
        case .read: return Self.legacy
        case .path: return Self.legacy
        case .limitFileSize: return Self.legacy
        case .limitDepth: return Self.legacy
        case .limitNodes: return Self.legacy
        case .limitScalar: return Self.legacy
        case .encodingUtf16: return Self.legacy
        case .encodingUtf8: return Self.legacy
        case .encodingNul: return Self.legacy
        case .yamlEncoding: return Self.legacy
        case .yamlSyntax: return Self.legacy
        case .yamlAlias: return Self.legacy
        case .yamlComplexKey: return Self.legacy
        case .yamlInternal: return Self.legacy
        case .duplicateKey: return Self.legacy
        case .emptyFile: return Self.legacy
        case .severalDocuments: return Self.legacy
        case .unknownFileKind: return Self.legacy
        case .unknownKey: return Self.legacy
        case .missingField: return Self.legacy
        case .wrongType: return Self.legacy
        case .badValue: return Self.legacy
        case .badDate: return Self.legacy
        case .badId: return Self.legacy
        case .noChecklists: return Self.legacy
        case .duplicateChecklistId: return Self.legacy
        case .duplicateItemId: return Self.legacy
        case .badPoints: return Self.legacy
        case .perMissing: return Self.legacy
        case .perNotAllowed: return Self.legacy
        case .rolesOnBranchScope: return Self.legacy
        case .itemRoleOutside: return Self.legacy
        case .unknownItem: return Self.legacy
        case .wrongScope: return Self.legacy
        case .notApplicable: return Self.legacy
        case .notAssessed: return Self.legacy
        case .checklistNotLoaded: return Self.legacy
        case .duplicateChecklist: return Self.legacy
        case .duplicateStaff: return Self.legacy
        case .badAnswer: return Self.legacy
        case .outOfRange: return Self.legacy
        case .limitStaff: return Self.legacy
        case .limitAnswers: return Self.legacy
        case .unanswered: return Self.legacy
        case .noNote: return Self.legacy
        case .unknownRole: return Self.legacy
        case .duplicateVisitId: return Self.legacy
        case .duplicateVisit: return Self.legacy
        case .staffNameMismatch: return Self.legacy
        case .staffRoleMismatch: return Self.legacy
        case .csvSyntax, .csvNoHeader, .csvUnknownColumn, .csvDuplicateColumn, .csvMissingColumn, .csvFieldCount,
             .csvMissingValue, .csvBadDate, .eventBadType, .eventBadVerified, .eventUnknownItem, .eventDuplicateId,
             .responseNoFinding, .responseDuplicate:
            return accountTemplate
        default: return rosterTemplate
        }
    }

    /// Until a code's call sites pass typed arguments: the English text as it was written.
    static let legacy = MessageTemplate(zh: "{message}", en: "{message}")
}
