/// Every diagnostic's stable class. The raw value is what `--format json`, the summary lines
/// and the tests show; the message text in each language is the code's `template`
/// (DiagnosticCode+Templates.swift). Add a code in the section of its domain, with its template.
public enum DiagnosticCode: String, CaseIterable, Sendable, Comparable {
    // MARK: files, encodings and YAML
    case read
    case path
    case limitFileSize = "limit-file-size"
    case limitDepth = "limit-depth"
    case limitNodes = "limit-nodes"
    case limitScalar = "limit-scalar"
    case encodingUtf16 = "encoding-utf16"
    case encodingUtf8 = "encoding-utf8"
    case encodingNul = "encoding-nul"
    case yamlEncoding = "yaml-encoding"
    case yamlSyntax = "yaml-syntax"
    case yamlAlias = "yaml-alias"
    case yamlComplexKey = "yaml-complex-key"
    case yamlInternal = "yaml-internal"
    case duplicateKey = "duplicate-key"
    case emptyFile = "empty-file"
    case severalDocuments = "several-documents"
    case unknownFileKind = "unknown-file-kind"
    /// A folder given for one kind of file holds another (visits under --checklists, …).
    case wrongFolder = "wrong-folder"

    // MARK: input-method (IME) and typing slips, found on the raw line around a YAML error
    case slipFullWidth = "slip-full-width"
    case slipColonSpace = "slip-colon-space"
    case slipNoteColon = "slip-note-colon"
    case slipTab = "slip-tab"
    case slipUnbalanced = "slip-unbalanced"

    // MARK: fields of any file
    case unknownKey = "unknown-key"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case badValue = "bad-value"
    case badDate = "bad-date"
    case badId = "bad-id"

    // MARK: checklists
    case noChecklists = "no-checklists"
    case duplicateChecklistId = "duplicate-checklist-id"
    case duplicateItemId = "duplicate-item-id"
    case badPoints = "bad-points"
    case perMissing = "per-missing"
    case perNotAllowed = "per-not-allowed"
    case rolesOnBranchScope = "roles-on-branch-scope"
    case itemRoleOutside = "item-role-outside"
    /// `effective_to` before `effective_from`: the version would never be in force.
    case effectiveRange = "effective-range"
    /// Two versions of one checklist (files sharing its id) in force on a common day.
    case versionOverlap = "version-overlap"
    /// Two versions of one checklist with the same `version` (or both without one).
    case duplicateVersion = "duplicate-version"
    /// `finding_below` on an item that is not a scale item, or outside 0 < x ≤ points.
    case findingBelowNotScale = "finding-below-not-scale"
    case findingBelowRange = "finding-below-range"
    /// `breach` (the wording of a veto breach) on an item without `veto: true`.
    case breachWithoutVeto = "breach-without-veto"

    // MARK: visits
    case unknownItem = "unknown-item"
    case wrongScope = "wrong-scope"
    case notApplicable = "not-applicable"
    case notAssessed = "not-assessed"
    case checklistNotLoaded = "checklist-not-loaded"
    /// A checklist the visit assesses has no version in force on the visit's date.
    case noVersionInForce = "no-version-in-force"
    /// `versions:` pins a version of a checklist that is not loaded.
    case unknownVersion = "unknown-version"
    /// An answer to an item that the version the visit is scored against does not have.
    case itemNotInVersion = "item-not-in-version"
    case duplicateChecklist = "duplicate-checklist"
    case duplicateStaff = "duplicate-staff"
    case badAnswer = "bad-answer"
    case outOfRange = "out-of-range"
    case limitStaff = "limit-staff"
    case limitAnswers = "limit-answers"
    case unanswered = "unanswered"
    case noNote = "no-note"
    case unknownRole = "unknown-role"
    case duplicateVisitId = "duplicate-visit-id"
    case duplicateVisit = "duplicate-visit"
    case staffNameMismatch = "staff-name-mismatch"
    case staffRoleMismatch = "staff-role-mismatch"
    case nothingAnswered = "nothing-answered"
    case placeholder = "placeholder"

    // MARK: roles (roles.yaml)
    case duplicateRole = "duplicate-role"

    // MARK: policies
    /// The policy's title names another period than the one asked (--period, --from/--to): a warning.
    case policyPeriodMismatch = "policy-period-mismatch"

    // MARK: roster (branches.csv, staff.csv, waivers.csv)
    case rosterMissingFile = "roster-missing-file"
    case rosterDateOrder = "roster-date-order"
    case rosterDuplicateBranch = "roster-duplicate-branch"
    case rosterOverlap = "roster-overlap"
    case rosterUnknownBranch = "roster-unknown-branch"
    case rosterUnknownRole = "roster-unknown-role"
    // visits checked against the roster (warnings)
    case notOnRosterBranch = "not-on-roster-branch"
    case notOnRosterStaff = "not-on-roster-staff"
    case rosterBranchClosed = "roster-branch-closed"
    case rosterWrongBranch = "roster-wrong-branch"
    case rosterNameMismatch = "roster-name-mismatch"

    // MARK: events, responses (CSV files: --events, --responses)
    case csvSyntax = "csv-syntax"
    case csvNoHeader = "csv-no-header"
    case csvUnknownColumn = "csv-unknown-column"
    case csvDuplicateColumn = "csv-duplicate-column"
    case csvMissingColumn = "csv-missing-column"
    case csvFieldCount = "csv-field-count"
    case csvMissingValue = "csv-missing-value"
    case csvBadDate = "csv-bad-date"
    case eventBadType = "event-bad-type"
    case eventBadVerified = "event-bad-verified"
    case eventUnknownItem = "event-unknown-item"
    case eventDuplicateId = "event-duplicate-id"
    /// A verified event in the period naming an employee or branch that no visit of the period
    /// and no roster row knows: it changes nobody's ranking, which is worth saying (a typo).
    case eventNamesNobody = "event-names-nobody"
    case responseNoFinding = "response-no-finding"
    case responseDuplicate = "response-duplicate"

    // MARK: workbook import
    case importNoSheet = "import-no-sheet"
    case importHeader = "import-header"
    case importCell = "import-cell"
    case importExists = "import-exists"

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}
