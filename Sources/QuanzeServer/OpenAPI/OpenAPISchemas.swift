import QuanzeCore

/// The component schemas: what the API speaks, mirroring the DTOs and their validation.
enum OpenAPISchemas {
    static let roleValues = Role.allCases.map(\.rawValue)
    static let namePattern = TextInput.schemaPattern
    static let phonePattern = #"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})?$"#

    /// The profiles shipped with the platform (a government can only choose one of these).
    static let bundledProfileIDs: [String] = (try? ProfileRegistry.bundled().all.map(\.id)) ?? [RuleProfile.nationalID]

    /// 执法主体 fields; the 统一社会信用代码 pattern is the GB 32100-2015 alphabet (the check
    /// character itself is verified by the server).
    static func agencyInput(required: [String]) -> JSONValue {
        Schema.object([
            ("name", Schema.string(min: 1, max: 100, pattern: namePattern)),
            ("uscc", Schema.string(pattern: "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$")),
            ("usccExceptionReason", Schema.string(min: 1, max: 200, pattern: namePattern)),
            ("kind", Schema.enumeration(AgencyKind.allCases.map(\.rawValue))),
            ("level", Schema.enumeration(AgencyLevel.allCases.map(\.rawValue))),
            ("regionCode", Schema.string(pattern: "^[1-9][0-9]{5}$")),
            ("managementMode", Schema.enumeration(ManagementMode.allCases.map(\.rawValue))),
            ("supervisingAgencyId", Schema.uuid),
            ("complaintChannels", ["type": "array", "maxItems": 10, "items": Schema.string(min: 1, max: 100, pattern: namePattern)]),
        ], required: required)
    }

    static var all: [(String, JSONValue)] {
        [
            ("Error", Schema.object([("error", Schema.object([
                ("code", Schema.string(pattern: "^[A-Z0-9_]+$")), ("message", Schema.string),
                ("details", Schema.object([
                    ("field", Schema.string), ("allowed", Schema.array(Schema.string)),
                    ("rows", Schema.array(Schema.object([("row", Schema.int), ("column", Schema.string), ("message", Schema.string)],
                                                        required: ["message"]))),
                    ("problems", Schema.array(Schema.object([("field", Schema.string), ("code", Schema.string), ("message", Schema.string)],
                                                            required: ["field", "code", "message"]))),
                ])),
            ], required: ["code", "message"]))], required: ["error"])),
            ("Health", Schema.object([("status", Schema.string)], required: ["status"])),
            ("Role", Schema.enumeration(roleValues)),
            ("PageInfo", Schema.object([("page", Schema.int), ("per", Schema.int), ("total", Schema.int)], required: ["page", "per", "total"])),
            ("User", Schema.object([
                ("id", Schema.uuid), ("username", Schema.string), ("displayName", Schema.string), ("phone", Schema.string),
                ("roles", Schema.array(Schema.ref("Role"))), ("jurisdictionId", Schema.uuid), ("agencyId", Schema.uuid),
                ("mustChangePassword", Schema.bool), ("locked", Schema.bool), ("lockedUntil", Schema.dateTime),
                ("disabled", Schema.bool), ("demo", Schema.bool), ("lastLoginAt", Schema.dateTime), ("createdAt", Schema.dateTime),
            ], required: ["id", "username", "displayName", "roles", "mustChangePassword", "locked", "disabled", "demo"])),
            ("UserList", Schema.object([("items", Schema.array(Schema.ref("User"))), ("page", Schema.ref("PageInfo"))], required: ["items", "page"])),
            ("CreatedUser", Schema.object([("user", Schema.ref("User")), ("initialPassword", Schema.string)], required: ["user", "initialPassword"])),
            ("CreateUserInput", Schema.object([
                ("username", Schema.string(pattern: AccountAdminService.usernamePattern)),
                ("displayName", Schema.string(min: 1, max: 50, pattern: namePattern)),
                ("phone", Schema.string(pattern: phonePattern)),
                ("jurisdictionId", Schema.uuid), ("agencyId", Schema.uuid),
            ], required: ["username", "displayName"])),
            ("UpdateUserInput", Schema.object([
                ("displayName", Schema.string(min: 1, max: 50, pattern: namePattern)),
                ("phone", Schema.string(pattern: phonePattern)),
                ("jurisdictionId", Schema.uuid), ("agencyId", Schema.uuid), ("disabled", Schema.bool),
                ("clearJurisdiction", Schema.bool), ("clearAgency", Schema.bool),
            ])),
            ("PasswordReset", Schema.object([("initialPassword", Schema.string)], required: ["initialPassword"])),
            ("RoleList", Schema.object([("userId", Schema.uuid), ("roles", Schema.array(Schema.ref("Role")))], required: ["userId", "roles"])),
            ("TokenRequest", Schema.object([("username", Schema.string(min: 1, max: 64)), ("password", Schema.string(min: 1, max: 128)),
                                            ("name", Schema.string(max: 50, pattern: namePattern))], required: ["username", "password"])),
            ("TokenCreate", Schema.object([("name", Schema.string(min: 1, max: 50, pattern: namePattern))], required: ["name"])),
            ("IssuedToken", Schema.object([("id", Schema.uuid), ("name", Schema.string), ("token", Schema.string), ("expiresAt", Schema.dateTime)],
                                          required: ["id", "name", "token", "expiresAt"])),
            ("Token", Schema.object([("id", Schema.uuid), ("name", Schema.string), ("createdAt", Schema.dateTime), ("expiresAt", Schema.dateTime),
                                     ("lastUsedAt", Schema.dateTime), ("revoked", Schema.bool)], required: ["id", "name", "expiresAt", "revoked"])),
            ("PasswordChange", Schema.object([("currentPassword", Schema.string(max: 128)), ("newPassword", Schema.string(max: 128))],
                                             required: ["currentPassword", "newPassword"])),
            ("Me", Schema.object([("user", Schema.ref("User")), ("scope", Schema.string)], required: ["user", "scope"])),
            ("Status", Schema.object([("status", Schema.string)], required: ["status"])),
            ("Dashboard", Schema.object([
                ("counts", Schema.array(Schema.object([("key", Schema.string), ("label", Schema.string), ("value", Schema.int), ("href", Schema.string)],
                                                      required: ["key", "label", "value"]))),
                ("todos", Schema.array(Schema.object([("key", Schema.string), ("text", Schema.string), ("href", Schema.string)], required: ["key", "text"]))),
            ], required: ["counts", "todos"])),
            ("SecurityPolicy", Schema.object([
                ("passwordMinLength", Schema.int(min: 8, max: 64)), ("passwordMinClasses", Schema.int(min: 3, max: 4)),
                ("lockoutThreshold", Schema.int(min: 1, max: 5)), ("lockoutMinutes", Schema.int(min: 15, max: 1440)),
                ("idleTimeoutMinutes", Schema.int(min: 5, max: 30)),
            ], required: ["passwordMinLength", "passwordMinClasses", "lockoutThreshold", "lockoutMinutes", "idleTimeoutMinutes"])),
            ("AuditEntry", Schema.object([
                ("seq", Schema.int), ("occurredAt", Schema.dateTime), ("actorId", Schema.string), ("actorName", Schema.string),
                ("ip", Schema.string), ("action", Schema.string), ("actionLabel", Schema.string), ("target", Schema.string),
                ("outcome", Schema.enumeration(["success", "failure", "denied"])), ("detail", Schema.string), ("hash", Schema.string),
            ], required: ["seq", "occurredAt", "action", "actionLabel", "outcome", "hash"])),
            ("AuditList", Schema.object([("items", Schema.array(Schema.ref("AuditEntry"))), ("page", Schema.ref("PageInfo"))], required: ["items", "page"])),
            ("AuditVerify", Schema.object([("ok", Schema.bool), ("checked", Schema.int), ("problem", Schema.string), ("problemSeq", Schema.int)],
                                          required: ["ok", "checked"])),
            ("Agency", Schema.object([
                ("id", Schema.uuid), ("jurisdictionId", Schema.uuid), ("name", Schema.string), ("uscc", Schema.string),
                ("kind", Schema.string), ("kindLabel", Schema.string), ("level", Schema.string), ("managementMode", Schema.string),
                ("managementModeLabel", Schema.string), ("isLegalOffice", Schema.bool), ("regionCode", Schema.string),
                ("supervisingAgencyId", Schema.uuid), ("status", Schema.enumeration(AgencyStatus.allCases.map(\.rawValue))),
                ("statusLabel", Schema.string), ("mayEnforce", Schema.bool), ("confirmationRef", Schema.string),
                ("confirmedAt", Schema.dateTime), ("announcementRef", Schema.string), ("announcedOn", Schema.string),
                ("usccExceptionReason", Schema.string), ("complaintChannels", Schema.array(Schema.string)),
            ], required: ["id", "jurisdictionId", "name", "kind", "kindLabel", "level", "managementMode", "managementModeLabel",
                          "isLegalOffice", "status", "statusLabel", "mayEnforce"])),
            ("AgencyCreate", agencyInput(required: ["name", "uscc", "kind", "level", "managementMode"])),
            ("AgencyUpdate", agencyInput(required: [])),
            ("AgencyConfirm", Schema.object([("confirmationRef", Schema.string(min: 1, max: 100, pattern: namePattern))], required: ["confirmationRef"])),
            ("AgencyAnnounce", Schema.object([("announcementRef", Schema.string(min: 1, max: 100, pattern: namePattern)),
                                              ("announcedOn", Schema.date)], required: ["announcementRef", "announcedOn"])),
            ("AgencyRevoke", Schema.object([("reason", Schema.string(min: 1, max: 200, pattern: namePattern))], required: ["reason"])),
            ("PublicAgency", Schema.object([
                ("id", Schema.uuid), ("name", Schema.string), ("kindLabel", Schema.string), ("level", Schema.string),
                ("managementModeLabel", Schema.string), ("uscc", Schema.string), ("announcementRef", Schema.string),
                ("announcedOn", Schema.string),
            ], required: ["id", "name", "kindLabel", "level", "managementModeLabel"])),
            ("Jurisdiction", Schema.object([
                ("id", Schema.uuid), ("regionCode", Schema.string), ("name", Schema.string), ("governmentName", Schema.string),
                ("legalOfficeName", Schema.string), ("profileId", Schema.string),
            ], required: ["id", "regionCode", "name", "governmentName", "legalOfficeName", "profileId"])),
            ("CreateJurisdiction", Schema.object([
                ("regionCode", Schema.string(pattern: "^[1-9][0-9]{5}$")),
                ("name", Schema.string(min: 1, max: 50, pattern: namePattern)),
                ("governmentName", Schema.string(min: 1, max: 50, pattern: namePattern)),
                ("legalOfficeName", Schema.string(min: 1, max: 50, pattern: namePattern)),
                ("profileId", Schema.enumeration(bundledProfileIDs)),
            ], required: ["regionCode", "name", "governmentName", "legalOfficeName", "profileId"])),
            ("LegalArticle", Schema.object([
                ("id", Schema.uuid), ("number", Schema.string), ("ordinal", Schema.int), ("text", Schema.string),
                ("status", Schema.enumeration(NormStatus.allCases.map(\.rawValue))), ("statusLabel", Schema.string), ("citable", Schema.bool),
            ], required: ["id", "number", "ordinal", "text", "status", "statusLabel", "citable"])),
            ("LegalNormEvent", Schema.object([
                ("kind", Schema.string), ("effectiveOn", Schema.string), ("summary", Schema.string), ("actor", Schema.string),
                ("recordedAt", Schema.dateTime),
            ], required: ["kind", "effectiveOn", "summary"])),
            ("LegalNorm", Schema.object([
                ("id", Schema.uuid), ("title", Schema.string), ("level", Schema.enumeration(NormLevel.allCases.map(\.rawValue))),
                ("levelLabel", Schema.string), ("mayBeEnforcementBasis", Schema.bool), ("issuer", Schema.string),
                ("documentNumber", Schema.string), ("promulgatedOn", Schema.string), ("effectiveOn", Schema.string),
                ("status", Schema.enumeration(NormStatus.allCases.map(\.rawValue))), ("statusLabel", Schema.string),
                ("articles", Schema.array(Schema.ref("LegalArticle"))), ("history", Schema.array(Schema.ref("LegalNormEvent"))),
            ], required: ["id", "title", "level", "levelLabel", "mayBeEnforcementBasis", "issuer", "documentNumber",
                          "promulgatedOn", "effectiveOn", "status", "statusLabel"])),
            ("CreateLegalNorm", Schema.object([
                ("title", Schema.string(min: 1, max: 100, pattern: namePattern)),
                ("level", Schema.enumeration(NormLevel.allCases.map(\.rawValue))),
                ("issuer", Schema.string(min: 1, max: 100, pattern: namePattern)),
                ("documentNumber", Schema.string(min: 1, max: 100, pattern: namePattern)),
                ("promulgatedOn", Schema.date), ("effectiveOn", Schema.date),
            ], required: ["title", "level", "issuer", "documentNumber", "promulgatedOn", "effectiveOn"])),
            ("CreateArticle", Schema.object([
                ("number", Schema.string(pattern: "^第([一二三四五六七八九十百千零]+|[1-9][0-9]{0,3})条$")),
                ("text", Schema.string(min: 1, max: 5000, pattern: #"\S"#)),
            ], required: ["number", "text"])),
            ("NormStatusChange", Schema.object([
                ("status", Schema.enumeration([NormStatus.amended.rawValue, NormStatus.repealed.rawValue])),
                ("effectiveOn", Schema.date), ("note", Schema.string(min: 1, max: 200, pattern: namePattern)),
                ("text", Schema.string(min: 1, max: 5000, pattern: #"\S"#)),
            ], required: ["status", "effectiveOn"])),
            ("TimeLimit", Schema.object([("value", Schema.int(min: 1, max: 3660)), ("unit", Schema.enumeration(["日", "工作日"]))],
                                        required: ["value", "unit"])),
            ("FlowStep", Schema.object([
                ("name", Schema.string(min: 1, max: 50, pattern: namePattern)), ("role", Schema.string(min: 1, max: 30, pattern: namePattern)),
                ("limit", Schema.ref("TimeLimit")), ("branch", Schema.string(min: 1, max: 30, pattern: namePattern)),
                ("limitFrom", Schema.enumeration(FlowLimitStart.allCases.map(\.rawValue))),
            ], required: ["name", "role"])),
            ("OfficerInput", Schema.object([
                ("name", Schema.string(min: 1, max: 30, pattern: namePattern)),
                ("idNumber", Schema.string(min: 1, max: 30)),
                ("phone", Schema.string(pattern: phonePattern)),
                ("employment", Schema.enumeration(EmploymentType.allCases.map(\.rawValue))),
                ("hiredOn", Schema.date), ("legalProfessionQualified", Schema.bool),
                ("status", Schema.enumeration(OfficerStatus.allCases.map(\.rawValue))),
            ])),
            ("TrainingInput", Schema.object([("heldOn", Schema.date), ("title", Schema.string(min: 1, max: 100, pattern: namePattern)),
                                             ("hours", Schema.int(min: 1, max: 200))], required: ["heldOn", "title", "hours"])),
            ("ExamInput", Schema.object([("takenOn", Schema.date), ("subject", Schema.string(min: 1, max: 50, pattern: namePattern)),
                                         ("score", Schema.int(min: 0, max: 100))], required: ["takenOn", "subject", "score"])),
            ("FaultInput", Schema.object([("occurredOn", Schema.date), ("description", Schema.string(min: 1, max: 500, pattern: namePattern))],
                                         required: ["occurredOn", "description"])),
            ("FaultProcessInput", Schema.object([("outcome", Schema.string(min: 1, max: 200, pattern: namePattern))], required: ["outcome"])),
            ("CertificateIssueInput", Schema.object([("number", Schema.string(pattern: CertificateService.numberPattern)), ("validUntil", Schema.date)],
                                                    required: ["number", "validUntil"])),
            ("CertificateActionInput", Schema.object([("reason", Schema.string(min: 1, max: 200, pattern: namePattern)),
                                                     ("documentRef", Schema.string(max: 50))])),
            ("CertificateBrief", Schema.object([
                ("id", Schema.uuid), ("number", Schema.string), ("status", Schema.enumeration(CertificateStatus.allCases.map(\.rawValue))),
                ("publicStatus", Schema.enumeration(PublicCertificateStatus.allCases.map(\.rawValue))), ("issuedOn", Schema.string),
                ("validUntil", Schema.string), ("lastInspectionYear", Schema.int), ("decisionDue", Schema.string),
                ("decisionOverdue", Schema.bool), ("revocationProposed", Schema.bool),
            ], required: ["id", "number", "status", "publicStatus", "issuedOn", "validUntil", "decisionOverdue", "revocationProposed"])),
            ("CertificateEvent", Schema.object([
                ("sequence", Schema.int), ("kind", Schema.enumeration(CertificateEventKind.allCases.map(\.rawValue))), ("occurredOn", Schema.string),
                ("detail", Schema.string), ("documentRef", Schema.string), ("actorName", Schema.string),
            ], required: ["sequence", "kind", "occurredOn", "detail"])),
            ("Certificate", Schema.object([
                ("certificate", Schema.ref("CertificateBrief")), ("officerId", Schema.uuid), ("officerName", Schema.string),
                ("agencyName", Schema.string), ("events", Schema.array(Schema.ref("CertificateEvent"))),
            ], required: ["certificate", "officerId", "officerName", "agencyName", "events"])),
            ("Officer", Schema.object([
                ("id", Schema.uuid), ("agencyId", Schema.uuid), ("agencyName", Schema.string), ("name", Schema.string),
                ("idNumberMasked", Schema.string), ("phoneMasked", Schema.string),
                ("employment", Schema.enumeration(EmploymentType.allCases.map(\.rawValue))),
                ("status", Schema.enumeration(OfficerStatus.allCases.map(\.rawValue))), ("hiredOn", Schema.string),
                ("legalProfessionQualified", Schema.bool), ("qualified", Schema.bool), ("unmetConditions", Schema.array(Schema.string)),
                ("trainingHoursTotal", Schema.int), ("trainingHoursThisYear", Schema.int), ("examPassedThisYear", Schema.bool),
                ("unprocessedFaults", Schema.int), ("certificate", Schema.ref("CertificateBrief")),
            ], required: ["id", "agencyId", "agencyName", "name", "idNumberMasked", "employment", "status", "hiredOn",
                          "legalProfessionQualified", "qualified", "unmetConditions", "trainingHoursTotal", "trainingHoursThisYear",
                          "examPassedThisYear", "unprocessedFaults"])),
            ("OfficerList", Schema.object([("items", Schema.array(Schema.ref("Officer"))), ("page", Schema.ref("PageInfo"))], required: ["items", "page"])),
            ("OfficerDetail", Schema.object([
                ("officer", Schema.ref("Officer")),
                ("trainings", Schema.array(Schema.object([("id", Schema.uuid), ("heldOn", Schema.string), ("title", Schema.string), ("hours", Schema.int)],
                                                         required: ["id", "heldOn", "title", "hours"]))),
                ("exams", Schema.array(Schema.object([("id", Schema.uuid), ("takenOn", Schema.string), ("subject", Schema.string),
                                                      ("score", Schema.int), ("passed", Schema.bool)],
                                                     required: ["id", "takenOn", "subject", "score", "passed"]))),
                ("faults", Schema.array(Schema.object([("id", Schema.uuid), ("occurredOn", Schema.string), ("description", Schema.string),
                                                       ("processedOn", Schema.string), ("outcome", Schema.string)],
                                                      required: ["id", "occurredOn", "description"]))),
                ("certificates", Schema.array(Schema.ref("CertificateBrief"))),
            ], required: ["officer", "trainings", "exams", "faults", "certificates"])),
            ("CertificateWarning", Schema.object([
                ("officerId", Schema.uuid), ("officerName", Schema.string), ("agencyName", Schema.string), ("certificateId", Schema.uuid),
                ("number", Schema.string), ("detail", Schema.string),
            ], required: ["officerId", "officerName", "agencyName", "certificateId", "number", "detail"])),
            ("CertificateWarnings", Schema.object([
                ("overdueSuspensions", Schema.array(Schema.ref("CertificateWarning"))),
                ("revocationProposals", Schema.array(Schema.ref("CertificateWarning"))),
                ("notInspected", Schema.array(Schema.ref("CertificateWarning"))),
                ("trainingShort", Schema.array(Schema.ref("CertificateWarning"))),
            ], required: ["overdueSuspensions", "revocationProposals", "notInspected", "trainingShort"])),
            ("PublicCertificate", Schema.object([
                ("number", Schema.string), ("holderName", Schema.string), ("agencyName", Schema.string),
                ("status", Schema.enumeration(PublicCertificateStatus.allCases.map(\.rawValue))), ("validUntil", Schema.string),
                ("lastInspectionYear", Schema.int),
            ], required: ["number", "holderName", "agencyName", "status", "validUntil"])),
            ("DiscretionTier", Schema.object([
                ("circumstance", Schema.string), ("sanction", Schema.string),
                ("allowedKinds", Schema.array(Schema.enumeration(PenaltyKind.allCases.map(\.rawValue)))),
                ("minAmount", Schema.int), ("maxAmount", Schema.int),
            ], required: ["circumstance", "sanction", "allowedKinds"])),
            // Server rules beyond the schema: level names distinct, a level that allows 罚款 has a range and
            // one that does not has none, ranges not inverted and sharing at most an end figure, factor texts distinct.
            ("DiscretionTierInput", Schema.object([
                ("circumstance", Schema.string(min: 1, max: 30, pattern: namePattern)), ("sanction", Schema.string(min: 1, max: 100, pattern: namePattern)),
                ("allowedKinds", ["type": "array", "minItems": 1, "uniqueItems": true, "items": Schema.enumeration(PenaltyKind.allCases.map(\.rawValue))]),
                ("minAmount", ["type": "integer", "minimum": 0]), ("maxAmount", ["type": "integer", "minimum": 0]),
            ], required: ["circumstance", "sanction", "allowedKinds"])),
            ("DiscretionFactorInput", Schema.object([
                ("text", Schema.string(min: 1, max: 100, pattern: namePattern)), ("basis", Schema.string(min: 1, max: 100, pattern: namePattern)),
            ], required: ["text"])),
            ("DiscretionFactor", Schema.object([("text", Schema.string), ("basis", Schema.string)], required: ["text"])),
            ("DiscretionBenchmarkInput", Schema.object([
                ("powerItemId", Schema.uuid), ("articleId", Schema.uuid), ("violation", Schema.string(min: 1, max: 200, pattern: namePattern)),
                ("tiers", ["type": "array", "minItems": 1, "maxItems": 5, "items": Schema.ref("DiscretionTierInput")]),
                ("mitigatingFactors", ["type": "array", "maxItems": 20, "items": Schema.ref("DiscretionFactorInput")]),
                ("aggravatingFactors", ["type": "array", "maxItems": 20, "items": Schema.ref("DiscretionFactorInput")]),
            ], required: ["articleId", "violation", "tiers"])),
            ("DiscretionBenchmark", Schema.object([
                ("id", Schema.uuid), ("agencyId", Schema.uuid), ("powerItemId", Schema.uuid), ("articleId", Schema.uuid), ("basis", Schema.string),
                ("violation", Schema.string), ("tiers", Schema.array(Schema.ref("DiscretionTier"))),
                ("mitigatingFactors", Schema.array(Schema.ref("DiscretionFactor"))), ("aggravatingFactors", Schema.array(Schema.ref("DiscretionFactor"))),
                ("needsAdjustment", Schema.bool), ("adjustmentDue", Schema.string), ("adjustmentReason", Schema.string),
            ], required: ["id", "agencyId", "articleId", "basis", "violation", "tiers", "mitigatingFactors", "aggravatingFactors", "needsAdjustment"])),
            ("DiscretionOutlier", Schema.object([
                ("caseId", Schema.uuid), ("caseNumber", Schema.string), ("decisionNumber", Schema.string), ("decidedOn", Schema.string),
                ("amount", Schema.int), ("reasons", Schema.array(Schema.enumeration(DiscretionConsistency.OutlierReason.allCases.map(\.rawValue)))),
                ("outsideRangeReason", Schema.string),
            ], required: ["caseId", "caseNumber", "decisionNumber", "decidedOn", "amount", "reasons"])),
            ("DiscretionConsistencyGroup", Schema.object([
                ("benchmarkId", Schema.uuid), ("agencyId", Schema.uuid), ("agencyName", Schema.string), ("powerCode", Schema.string),
                ("violation", Schema.string), ("circumstance", Schema.string), ("minAmount", Schema.int), ("maxAmount", Schema.int),
                ("levelInBenchmark", Schema.bool), ("count", Schema.int), ("min", Schema.int), ("max", Schema.int),
                ("median", ["type": "number"]), ("mean", ["type": "number"]), ("q1", ["type": "number"]), ("q3", ["type": "number"]),
                ("lowFence", ["type": "number"]), ("highFence", ["type": "number"]), ("outlierCount", Schema.int),
                ("outliers", Schema.array(Schema.ref("DiscretionOutlier"))),
            ], required: ["benchmarkId", "agencyId", "agencyName", "violation", "circumstance", "levelInBenchmark", "count", "min", "max",
                          "median", "mean", "q1", "q3", "outlierCount", "outliers"])),
            ("DiscretionConsistency", Schema.object([
                ("year", Schema.int), ("agencyId", Schema.uuid), ("definition", Schema.string), ("source", Schema.string),
                ("groups", Schema.array(Schema.ref("DiscretionConsistencyGroup"))),
            ], required: ["year", "definition", "source", "groups"])),
            ("PowerItemInput", Schema.object([
                ("code", Schema.string(min: 1, max: 40, pattern: namePattern)),
                ("name", Schema.string(min: 1, max: 100, pattern: namePattern)),
                ("category", Schema.enumeration(PowerCategory.allCases.map(\.rawValue))),
                ("basisArticleIds", ["type": "array", "minItems": 1, "items": Schema.uuid]),
                ("responsibilities", Schema.array(Schema.string(min: 1, max: 200, pattern: namePattern))),
                ("statutoryLimit", Schema.ref("TimeLimit")), ("promisedLimit", Schema.ref("TimeLimit")),
                ("majorCriteria", Schema.array(Schema.string(min: 1, max: 200, pattern: namePattern))),
                ("flow", Schema.array(Schema.ref("FlowStep"))),
            ], required: ["name", "category", "basisArticleIds"])),
            ("PowerItemVersion", ["type": "object", "required": ["id", "version", "name", "category", "basisArticleIds", "flow", "status",
                                                                  "needsAdjustment"]]),
            ("PowerItem", Schema.object([("id", Schema.uuid), ("agencyId", Schema.uuid), ("code", Schema.string),
                                         ("versions", Schema.array(Schema.ref("PowerItemVersion")))],
                                        required: ["id", "agencyId", "code", "versions"])),
            ("ProfileChoice", Schema.object([("profileId", Schema.enumeration(bundledProfileIDs))], required: ["profileId"])),
            ("ProfileSummary", Schema.object([("id", Schema.string), ("name", Schema.string), ("jurisdiction", Schema.string), ("inherits", Schema.string)],
                                             required: ["id", "name", "jurisdiction"])),
            ("Profile", profileSchema),
            ("CalendarYearSummary", Schema.object([("year", Schema.int), ("notice", Schema.string), ("origin", Schema.enumeration(["bundled", "added"])),
                                                   ("holidays", Schema.int), ("workingWeekends", Schema.int)],
                                                  required: ["year", "notice", "origin", "holidays", "workingWeekends"])),
            ("CalendarDay", Schema.object([("date", Schema.date), ("name", Schema.string(min: 1, max: CalendarHoliday.maxNameLength, pattern: namePattern))],
                                          required: ["date", "name"])),
            ("CalendarYear", Schema.object([
                ("year", Schema.int(min: 2000, max: 2199)), ("notice", Schema.string(pattern: #"\S"#)),
                ("holidays", ["type": "array", "minItems": 1, "items": Schema.ref("CalendarDay")]), ("workingWeekends", Schema.array(Schema.ref("CalendarDay"))),
            ], required: ["year", "notice", "holidays", "workingWeekends"])),
            ("SourceRef", ["type": "object", "required": ["document", "article"]]),
            ("DeadlineResult", ["type": "object",
                                "required": ["start", "value", "unit", "date", "provisional", "uncoveredYears", "explanation", "rule"],
                                "properties": ["date": Schema.date, "provisional": Schema.bool, "rule": Schema.ref("SourceRef")]]),
            ("WorkingDayCount", ["type": "object", "required": ["from", "to", "count", "provisional", "uncoveredYears"]]),
            // 分解职权
            ("UnitInput", Schema.object([("name", Schema.string(min: 1, max: 50, pattern: namePattern)),
                                         ("description", Schema.string(min: 1, max: 200, pattern: namePattern))], required: ["name"])),
            ("Unit", Schema.object([("id", Schema.uuid), ("agencyId", Schema.uuid), ("name", Schema.string), ("description", Schema.string)],
                                   required: ["id", "agencyId", "name"])),
            ("HoldingInput", Schema.object([("itemId", Schema.uuid), ("overlapReason", Schema.string(min: 1, max: 200, pattern: namePattern))],
                                           required: ["itemId"])),
            ("PostInput", Schema.object([
                ("unitId", Schema.uuid), ("name", Schema.string(min: 1, max: 50, pattern: namePattern)),
                ("duties", ["type": "array", "minItems": 1, "uniqueItems": true, "items": Schema.enumeration(PostDuty.allCases.map(\.rawValue))]),
                ("powers", Schema.array(Schema.ref("HoldingInput"))),
            ], required: ["unitId", "name", "duties"])),
            ("AssignmentInput", Schema.object([("officerId", Schema.uuid), ("startDate", Schema.date)], required: ["officerId", "startDate"])),
            ("EndAssignmentInput", Schema.object([("endDate", Schema.date)])),
            ("Assignment", Schema.object([("id", Schema.uuid), ("postId", Schema.uuid), ("officerId", Schema.uuid), ("officerName", Schema.string),
                                          ("startDate", Schema.date), ("endDate", Schema.date)],
                                         required: ["id", "postId", "officerId", "officerName", "startDate"])),
            ("Post", ["type": "object", "required": ["id", "agencyId", "unitId", "unitName", "name", "duties", "dutyLabels", "powers", "assignments"],
                      "properties": ["assignments": Schema.array(Schema.ref("Assignment"))]]),
            ("Coverage", ["type": "object", "required": ["agencyId", "today", "publishedPowers", "uncovered", "overlaps", "postsWithoutOfficer",
                                                         "rotation", "sources"],
                          "properties": ["sources": Schema.array(Schema.ref("SourceRef"))]]),
            // 责任书
            ("PledgeSection", Schema.object([
                ("title", Schema.string(min: 1, max: 50, pattern: namePattern)), ("target", Schema.string(min: 1, max: 1000, pattern: #"\S"#)),
                ("points", Schema.int(min: 1, max: PledgeRules.maxPoints)),
            ], required: ["title", "target", "points"])),
            ("PledgeInput", Schema.object([
                ("year", Schema.int(min: 2000, max: 2199)), ("agencyId", Schema.uuid), ("unitId", Schema.uuid),
                ("sections", ["type": "array", "minItems": 1, "maxItems": .int(PledgeRules.maxSections), "items": Schema.ref("PledgeSection")]),
            ], required: ["year", "sections"])),
            ("PledgeSignInput", Schema.object([("firstPartySignedOn", Schema.date), ("secondPartySignedOn", Schema.date)],
                                              required: ["firstPartySignedOn", "secondPartySignedOn"])),
            ("PledgeAttachmentInput", Schema.object([
                ("fileName", Schema.string(min: 1, max: 100, pattern: #"^[^/\\\x00-\x1F\x7F-\x9F]*[^\s/\\\x00-\x1F\x7F-\x9F][^/\\\x00-\x1F\x7F-\x9F]*$"#)),
                ("contentBase64", Schema.string(min: 4, max: 7_000_000, pattern: "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$")),
            ], required: ["fileName", "contentBase64"])),
            ("Pledge", ["type": "object", "required": ["id", "year", "partyKind", "firstParty", "secondParty", "agencyId", "sections", "totalPoints",
                                                       "status", "statusLabel"],
                        "properties": ["sections": Schema.array(Schema.ref("PledgeSection")), "totalPoints": Schema.int]]),
            ("PowerListImportInput", Schema.object([("csv", Schema.string)], required: ["csv"])),
            ("PowerListImportResult", Schema.object([("count", Schema.int), ("items", Schema.array(Schema.ref("PowerItem")))],
                                                    required: ["count", "items"])),
        ] + delegationSchemas + caseSchemas + recordSchemas + inspectionSchemas + collectionSchemas + transferSchemas + complaintSchemas + checkSchemas + assessmentSchemas + statisticsSchemas
            + fileReviewSchemas + gaps5Schemas + profileComparisonSchemas + liabilitySchemas
            + coordinationSchemas
    }

    // MARK: rule profiles (issue 6): the effective profile's new fields, and two profiles side by side

    static let sourceRefSchema: JSONValue = Schema.object([
        ("seed", Schema.nullable(Schema.string)), ("part", Schema.nullable(Schema.string)),
        ("document", Schema.string), ("article", Schema.string),
    ], required: ["document", "article"], closed: false)

    /// `Inherited<Entry>`: the entry and where it comes from.
    static func inherited(_ entry: JSONValue) -> JSONValue {
        Schema.object([("entry", entry), ("origin", Schema.string), ("inherited", Schema.bool), ("overrides", Schema.string)],
                      required: ["entry", "origin", "inherited"])
    }

    static let catalogItemSchema: JSONValue = Schema.object([
        ("code", Schema.string), ("name", Schema.string), ("source", sourceRefSchema),
        ("effect", Schema.enumeration(ProfileVocabulary.effects)), ("detect", Schema.enumeration(ProfileVocabulary.detectors)),
        ("count", ["type": "integer", "minimum": 1]),
    ], required: ["code", "name", "source"], closed: false)

    /// The effective profile: open objects (every entry kind has further optional fields, see
    /// docs/rule-profiles.md), with the closed vocabularies the liability engine reads described.
    static var profileSchema: JSONValue {
        let circumstances = Schema.object(["aggravating", "lenient", "mitigated", "exempt"].map { ($0, Schema.array(inherited(catalogItemSchema))) },
                                          required: ["aggravating", "lenient", "mitigated", "exempt"], closed: false)
        let catalogs = Schema.object([
            ("agencySanctions", Schema.array(inherited(catalogItemSchema))), ("personSanctions", Schema.array(inherited(catalogItemSchema))),
            ("circumstances", circumstances), ("faultSituations", Schema.array(inherited(Schema.openObject()))),
        ], required: ["agencySanctions", "personSanctions", "circumstances", "faultSituations"], closed: false)
        let share = Schema.object([("party", Schema.enumeration(ProfileVocabulary.parties)), ("share", Schema.enumeration(ProfileVocabulary.shares))],
                                  required: ["party", "share"])
        let apportionment = Schema.object([
            ("code", Schema.string), ("name", Schema.string), ("situation", Schema.string),
            ("when", Schema.enumeration(ProfileVocabulary.triggers)), ("liable", Schema.array(share)), ("source", sourceRefSchema),
        ], required: ["code", "name", "situation", "liable", "source"], closed: false)
        let gravity = Schema.object([
            ("code", Schema.string), ("name", Schema.string), ("text", Schema.string), ("level", ["type": "integer", "minimum": 1]),
            ("sanctions", Schema.array(Schema.string)), ("note", Schema.string), ("source", sourceRefSchema), ("quote", Schema.string),
        ], required: ["code", "name", "level", "sanctions", "source"])
        return Schema.object([
            ("id", Schema.string), ("name", Schema.string), ("jurisdiction", Schema.string), ("inherits", Schema.string),
            ("lineage", Schema.array(Schema.string)), ("catalogs", catalogs), ("apportionment", Schema.array(inherited(apportionment))),
            ("gravity", Schema.array(inherited(gravity))),
        ], required: ["id", "name", "jurisdiction", "lineage", "deadlines", "catalogs", "apportionment", "gravity", "assessment"], closed: false)
    }

    static var profileComparisonSchemas: [(String, JSONValue)] {
        let side = Schema.object([("id", Schema.string), ("name", Schema.string), ("jurisdiction", Schema.string),
                                  ("lineage", Schema.array(Schema.string))], required: ["id", "name", "jurisdiction", "lineage"])
        let cell = Schema.object([
            ("name", Schema.string), ("summary", Schema.string),
            ("when", Schema.enumeration(ProfileVocabulary.triggers)), ("effect", Schema.enumeration(ProfileVocabulary.effects)),
            ("detect", Schema.enumeration(ProfileVocabulary.detectors)), ("count", Schema.int),
            ("source", sourceRefSchema), ("quote", Schema.string), ("origin", Schema.string), ("inherited", Schema.bool),
        ], required: ["name", "summary", "source", "origin", "inherited"])
        let row = Schema.object([
            ("code", Schema.string), ("status", Schema.enumeration(ProfileComparison.Status.allCases.map(\.rawValue))),
            ("left", Schema.ref("ProfileComparisonCell")), ("right", Schema.ref("ProfileComparisonCell")),
        ], required: ["code", "status"])
        let section = Schema.object([("key", Schema.string), ("title", Schema.string), ("rows", Schema.array(Schema.ref("ProfileComparisonRow")))],
                                    required: ["key", "title", "rows"])
        return [
            ("ProfileComparisonCell", cell),
            ("ProfileComparisonRow", row),
            ("ProfileComparison", Schema.object([("left", side), ("right", side), ("sections", Schema.array(section))],
                                                required: ["left", "right", "sections"])),
        ]
    }

    /// 执法办案 (see `CaseDTOs.swift`, `CaseInputs.swift`; text rules of `TextInput` and `CaseText`).
    static var caseSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func text(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: namePattern) }
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        let kinds = Schema.enumeration(PenaltyKind.allCases.map(\.rawValue))
        let stage = Schema.enumeration(CaseStage.allCases.map(\.rawValue))
        let level = Schema.enumeration(WarningLevel.allCases.map(\.rawValue))
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        return [
            ("CaseParty", Schema.object([
                ("kind", Schema.enumeration(PartyKind.allCases.map(\.rawValue))), ("name", text(100)),
                ("identifier", Schema.string(min: 18, max: 18, pattern: "^[0-9A-Za-z]{18}$")), ("address", Schema.string(max: 200, pattern: "^[^\\x00-\\x1F\\x7F-\\x9F]*$")),
            ], required: ["kind", "name", "identifier"])),
            ("CaseOfficerInput", Schema.object([("officerId", Schema.uuid), ("role", Schema.enumeration(CaseOfficerRole.allCases.map(\.rawValue)))],
                                               required: ["officerId", "role"])),
            ("Sanction", Schema.object([
                ("kinds", ["type": "array", "minItems": 1, "uniqueItems": true, "items": kinds]),
                ("fineAmount", Schema.int(min: 0, max: 1_000_000_000)), ("confiscationAmount", Schema.int(min: 0, max: 1_000_000_000)),
            ], required: ["kinds"])),
            ("CaseFileInput", Schema.object([
                ("agencyId", Schema.uuid), ("powerItemId", Schema.uuid), ("procedure", Schema.enumeration(CaseProcedure.allCases.map(\.rawValue))),
                ("source", Schema.enumeration(CaseSource.allCases.map(\.rawValue))), ("title", text(100)), ("facts", para(5000)),
                ("filedOn", Schema.date), ("parties", ["type": "array", "minItems": 1, "maxItems": 20, "items": Schema.ref("CaseParty")]),
                ("officers", ["type": "array", "minItems": 1, "maxItems": 10, "items": Schema.ref("CaseOfficerInput")]),
                ("majorCriteria", Schema.array(Schema.enumeration(StatutoryMajorCriterion.allCases.map(\.rawValue)))),
            ], required: ["powerItemId", "procedure", "source", "title", "facts", "parties", "officers"])),
            ("CaseAdvanceInput", Schema.object([
                ("to", stage), ("note", para(1000)), ("sanction", Schema.ref("Sanction")),
                ("partyKind", Schema.enumeration(PartyKind.allCases.map(\.rawValue))), ("hearingOn", Schema.date),
            ], required: ["to"])),
            ("LegalReviewInput", Schema.object([("passed", Schema.bool), ("opinion", para(2000))], required: ["passed", "opinion"])),
            ("CaseDecisionInput", Schema.object([
                ("factsAndEvidence", para(5000)), ("basis", para(2000)), ("content", para(2000)), ("performance", para(1000)),
                ("remedies", para(1000)), ("sanction", Schema.ref("Sanction")), ("partyKind", Schema.enumeration(PartyKind.allCases.map(\.rawValue))),
                ("discretionId", Schema.uuid), ("circumstance", text(50)), ("outsideRangeReason", para(1000)), ("collectingBank", text(100)),
                ("factors", Schema.array(text(100))),
            ], required: ["factsAndEvidence", "basis", "content", "performance"])),
            ("CaseClockInput", Schema.object([
                ("action", Schema.enumeration(["suspend", "resume", "extend"])), ("reason", para(500)),
                ("deadlineCode", Schema.string(min: 1, max: 50)), ("days", Schema.int(min: 1, max: 365)),
            ], required: ["action", "reason"])),
            ("CaseSummary", open(["id", "number", "title", "agencyId", "agencyName", "procedure", "procedureLabel", "stage", "stageLabel",
                                  "filedOn", "suspended", "warning"])),
            ("CasePage", ["type": "object", "required": ["items", "total", "totalCapped", "page", "per"],
                          "description": "total 最多计到 10000（按编号或名称 q 筛选时 1000）；超过时 total 为该上限、totalCapped 为 true（“以上”）",
                          "properties": ["items": Schema.array(Schema.ref("CaseSummary")), "total": Schema.int, "totalCapped": Schema.bool]]),
            ("Case", ["type": "object",
                      "required": ["summary", "powerItemId", "powerCode", "powerName", "source", "facts", "parties", "officers",
                                   "legalReviewRequired", "majorReasons", "path", "deadlines", "deadlineHistory", "events", "reviews"],
                      "properties": ["summary": Schema.ref("CaseSummary"), "path": Schema.array(stage),
                                     "deadlines": Schema.array(open(["code", "name", "start", "due", "provisional", "level", "source"]))]]),
            ("CaseWarning", ["type": "object", "required": ["caseID", "number", "title", "deadline", "due", "level", "source"],
                             "properties": ["level": level]]),
        ]
    }

    /// 移送 and 执法决定公开 (see `CaseTransferDTOs.swift`).
    static var transferSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func text(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: namePattern) }
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        return [
            ("CaseTransferInput", Schema.object([
                ("kind", Schema.enumeration(CaseTransferKind.allCases.map(\.rawValue))), ("toAgencyId", Schema.uuid), ("reason", para(500)),
                ("materials", ["type": "array", "minItems": 1, "maxItems": 30, "items": text(100)]),
                ("organ", Schema.enumeration(JudicialOrgan.allCases.map(\.rawValue))), ("organName", text(100)), ("suspectedCrime", text(100)),
                ("receiptNumber", text(50)), ("transferredOn", Schema.date),
            ], required: ["kind", "reason", "materials"])),
            ("CaseTransferAcceptInput", Schema.object([
                ("powerItemId", Schema.uuid), ("procedure", Schema.enumeration(CaseProcedure.allCases.map(\.rawValue))), ("title", text(100)),
                ("facts", para(5000)), ("filedOn", Schema.date),
                ("officers", ["type": "array", "minItems": 1, "maxItems": 10, "items": Schema.ref("CaseOfficerInput")]),
                ("majorCriteria", Schema.array(Schema.enumeration(StatutoryMajorCriterion.allCases.map(\.rawValue)))),
            ], required: ["powerItemId", "procedure", "officers"])),
            ("CaseTransfer", open(["id", "caseId", "caseNumber", "fromAgencyId", "fromAgencyName", "kind", "kindLabel", "transferredOn", "reason",
                                   "materials", "status", "statusLabel", "source"])),
            ("CaseTransferAccepted", Schema.object([("transfer", Schema.ref("CaseTransfer")), ("caseId", Schema.uuid), ("caseNumber", Schema.string)],
                                                   required: ["transfer", "caseId", "caseNumber"])),
            ("DecisionWithdrawInput", Schema.object([("reason", para(500)), ("basis", text(100)), ("resultOn", Schema.date)], required: ["reason"])),
            ("DecisionPublication", open(["id", "caseId", "caseNumber", "agencyName", "decisionNumber", "decidedOn", "ruleCode", "due", "provisional",
                                          "source", "status", "statusLabel", "late", "withdrawalLate"])),
            ("PublicDecision", open(["id", "status", "statusLabel", "agencyName", "decisionNumber", "procedure", "caseTitle", "parties", "facts",
                                     "basis", "content", "decidedOn"])),
            ("PublicDecisionPage", ["type": "object", "required": ["items", "total", "page", "per"],
                                    "properties": ["items": Schema.array(Schema.ref("PublicDecision")), "total": Schema.int]]),
        ]
    }

    /// 双随机一公开 (see `InspectionDTOs.swift`, `PublicInspectionDTOs.swift`, `InspectionPlanService`).
    static var inspectionSchemas: [(String, JSONValue)] {
        let hex64 = Schema.string(pattern: "^[0-9a-f]{64}$")
        let inspector = Schema.object([("certificateNumber", Schema.string), ("name", Schema.string), ("officerId", Schema.uuid)],
                                      required: ["certificateNumber", "name"])
        let assignment = Schema.object([("order", Schema.int), ("objectId", Schema.uuid), ("objectCode", Schema.string), ("objectName", Schema.string),
                                        ("inspectors", Schema.array(inspector))], required: ["order", "objectCode", "objectName", "inspectors"])
        let result = Schema.object([("objectId", Schema.uuid), ("objectCode", Schema.string), ("kind", Schema.enumeration(InspectionResultKind.allCases.map(\.rawValue))),
                                    ("kindLabel", Schema.string), ("summary", Schema.string), ("inspectedOn", Schema.date), ("recordedBy", Schema.string),
                                    ("caseId", Schema.string)], required: ["objectCode", "kind", "kindLabel", "summary", "inspectedOn"])
        let object = Schema.object([("id", Schema.uuid), ("code", Schema.string), ("name", Schema.string), ("address", Schema.string)], required: ["code", "name"])
        let drawAssignment = Schema.object([("order", Schema.int), ("object", Schema.string), ("inspectors", Schema.array(Schema.string))],
                                           required: ["order", "object", "inspectors"])
        let status = Schema.enumeration(InspectionPlanStatus.allCases.map(\.rawValue))
        return [
            ("InspectionPlan", Schema.object([
                ("id", Schema.uuid), ("agencyId", Schema.uuid), ("agencyName", Schema.string), ("powerItemId", Schema.uuid),
                ("powerItemCode", Schema.string), ("powerItemName", Schema.string), ("name", Schema.string), ("year", Schema.int),
                ("period", Schema.string), ("objectCount", Schema.int), ("inspectorsPerObject", Schema.int), ("status", status),
                ("statusLabel", Schema.string), ("algorithm", Schema.string), ("seed", hex64), ("poolDigest", hex64),
                ("drawnAt", Schema.dateTime), ("drawnBy", Schema.string), ("publishedAt", Schema.dateTime),
                ("objects", Schema.array(object)),
                ("conflicts", Schema.array(Schema.object([("id", Schema.uuid), ("officerId", Schema.uuid), ("officerName", Schema.string),
                                                          ("objectId", Schema.uuid), ("objectCode", Schema.string), ("reason", Schema.string)],
                                                         required: ["id", "officerId", "officerName", "objectId", "objectCode", "reason"]))),
                ("inspectors", Schema.array(inspector)), ("assignments", Schema.array(assignment)), ("results", Schema.array(result)),
            ], required: ["id", "agencyId", "agencyName", "powerItemId", "powerItemCode", "powerItemName", "name", "year", "period", "objectCount",
                          "inspectorsPerObject", "status", "statusLabel", "algorithm", "objects", "conflicts", "inspectors", "assignments", "results"])),
            ("InspectionPlanInput", Schema.object([
                ("name", Schema.string(min: 1, max: 100, pattern: namePattern)), ("powerItemId", Schema.uuid),
                ("year", Schema.int(min: 2000, max: 2199)), ("period", Schema.string(min: 1, max: 20, pattern: namePattern)),
                ("objectCount", Schema.int(min: 1, max: InspectionPlanService.maxObjectCount)),
                ("inspectorsPerObject", Schema.int(min: 2, max: InspectionPlanService.maxInspectorsPerObject)),
            ], required: ["name", "powerItemId", "year", "period", "objectCount"])),
            ("InspectionObjectInput", Schema.object([
                ("code", Schema.string(pattern: "^\\s*[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}\\s*$")),
                ("name", Schema.string(min: 1, max: 100, pattern: namePattern)),
                // Empty or blank means no address; otherwise no control characters.
                ("address", Schema.string(max: 200, pattern: #"^[^\x00-\x1F\x7F-\x9F]*$"#)),
            ], required: ["code", "name"])),
            ("InspectionObjectImportInput", Schema.object([("csv", Schema.string(min: 1))], required: ["csv"])),
            ("InspectionConflictInput", Schema.object([
                ("officerId", Schema.uuid), ("objectId", Schema.uuid), ("reason", Schema.string(min: 1, max: 200, pattern: namePattern)),
            ], required: ["officerId", "objectId", "reason"])),
            ("InspectionResultInput", Schema.object([
                ("objectId", Schema.uuid), ("kind", Schema.enumeration(InspectionResultKind.allCases.map(\.rawValue))),
                ("summary", Schema.string(min: 1, max: 500, pattern: #"^[\s\S]*\S[\s\S]*$"#)), ("inspectedOn", Schema.date),
            ], required: ["objectId", "kind", "summary", "inspectedOn"])),
            ("PublicInspectionPlanSummary", Schema.object([
                ("id", Schema.uuid), ("agencyName", Schema.string), ("name", Schema.string), ("year", Schema.int), ("period", Schema.string),
                ("status", status), ("statusLabel", Schema.string), ("objectCount", Schema.int), ("publishedAt", Schema.dateTime),
            ], required: ["id", "agencyName", "name", "year", "period", "status", "statusLabel", "objectCount"])),
            ("DrawInput", Schema.object([
                ("algorithm", Schema.string), ("seed", hex64), ("objects", Schema.array(Schema.string)), ("objectCount", Schema.int),
                ("inspectors", Schema.array(Schema.string)), ("inspectorsPerObject", Schema.int),
                ("conflicts", Schema.array(Schema.object([("inspector", Schema.string), ("object", Schema.string)], required: ["inspector", "object"]))),
            ], required: ["algorithm", "seed", "objects", "objectCount", "inspectors", "inspectorsPerObject", "conflicts"])),
            ("PublicInspectionPlan", Schema.object([
                ("id", Schema.uuid), ("agencyName", Schema.string), ("powerItemCode", Schema.string), ("powerItemName", Schema.string),
                ("name", Schema.string), ("year", Schema.int), ("period", Schema.string), ("status", status), ("statusLabel", Schema.string),
                ("algorithm", Schema.string), ("seed", hex64), ("poolDigest", hex64), ("drawnAt", Schema.dateTime), ("publishedAt", Schema.dateTime),
                ("objects", Schema.array(object)), ("inspectors", Schema.array(inspector)), ("assignments", Schema.array(assignment)),
                ("results", Schema.array(result)), ("draw", Schema.ref("DrawInput")),
            ], required: ["id", "agencyName", "powerItemCode", "powerItemName", "name", "year", "period", "status", "statusLabel", "algorithm",
                          "seed", "poolDigest", "objects", "inspectors", "assignments", "results", "draw"])),
            ("Redraw", Schema.object([
                ("planId", Schema.uuid), ("algorithm", Schema.string), ("seed", hex64), ("poolDigest", hex64), ("poolDigestMatches", Schema.bool),
                ("assignments", Schema.array(drawAssignment)), ("matches", Schema.bool), ("error", Schema.string),
            ], required: ["planId", "algorithm", "seed", "poolDigest", "poolDigestMatches", "assignments", "matches"])),
        ]
    }

    /// 委托执法 (see `DelegationDTOs.swift`, `DelegationRules`).
    static var delegationSchemas: [(String, JSONValue)] {
        let item = Schema.object([("id", Schema.uuid), ("code", Schema.string), ("name", Schema.string)], required: ["id", "code", "name"])
        let text100 = Schema.string(min: 1, max: 100, pattern: namePattern)
        return [
            ("DelegatedItem", item),
            ("Delegation", Schema.object([
                ("id", Schema.uuid), ("jurisdictionId", Schema.uuid), ("delegatingAgencyId", Schema.uuid), ("delegatingAgencyName", Schema.string),
                ("delegateAgencyId", Schema.uuid), ("delegateAgencyName", Schema.string), ("basis", Schema.string),
                ("basisArticleIds", Schema.array(Schema.uuid)), ("powerItems", Schema.array(Schema.ref("DelegatedItem"))),
                ("termStart", Schema.date), ("termEnd", Schema.date), ("decisionOn", Schema.date), ("filingDue", Schema.date),
                ("filingDueSource", Schema.string), ("filingOverdue", Schema.bool), ("filedOn", Schema.date), ("filedLate", Schema.bool),
                ("filingRef", Schema.string), ("filingReport", Schema.string), ("entrustmentLetter", Schema.string),
                ("announcementDocument", Schema.string), ("status", Schema.enumeration(DelegationState.allCases.map(\.rawValue))),
                ("statusLabel", Schema.string), ("terminatedOn", Schema.date), ("terminationReason", Schema.string),
                ("history", Schema.array(Schema.object([("kind", Schema.string), ("summary", Schema.string), ("actor", Schema.string),
                                                        ("recordedAt", Schema.dateTime)], required: ["kind", "summary"]))),
            ], required: ["id", "jurisdictionId", "delegatingAgencyId", "delegatingAgencyName", "delegateAgencyId", "delegateAgencyName",
                          "basis", "basisArticleIds", "powerItems", "termStart", "termEnd", "decisionOn", "filingOverdue", "filedLate",
                          "status", "statusLabel"])),
            ("DelegationCreate", Schema.object([
                ("delegatingAgencyId", Schema.uuid), ("delegateAgencyId", Schema.uuid),
                ("basis", Schema.string(min: 1, max: 200, pattern: namePattern)), ("basisArticleIds", Schema.array(Schema.uuid)),
                ("powerItemIds", ["type": "array", "minItems": 1, "items": Schema.uuid]),
                ("termStart", Schema.date), ("termEnd", Schema.date), ("decisionOn", Schema.date),
            ], required: ["delegatingAgencyId", "delegateAgencyId", "basis", "powerItemIds", "termStart", "termEnd", "decisionOn"])),
            ("DelegationFiling", Schema.object([
                ("filedOn", Schema.date), ("filingRef", text100), ("filingReport", text100), ("entrustmentLetter", text100),
                ("announcementDocument", text100),
            ], required: ["filedOn", "filingRef", "filingReport", "entrustmentLetter", "announcementDocument"])),
            ("DelegationTerminate", Schema.object([("reason", Schema.string(min: 1, max: 200, pattern: namePattern))], required: ["reason"])),
            ("MayAct", Schema.object([
                ("agencyId", Schema.uuid), ("powerItemId", Schema.uuid), ("date", Schema.date), ("allowed", Schema.bool),
                ("code", Schema.string(pattern: "^[A-Z0-9_]+$")), ("message", Schema.string), ("delegationId", Schema.uuid),
            ], required: ["agencyId", "powerItemId", "date", "allowed", "code", "message"])),
            ("PublicDelegation", Schema.object([
                ("id", Schema.uuid), ("delegatingAgencyId", Schema.uuid), ("delegatingAgencyName", Schema.string),
                ("delegateAgencyId", Schema.uuid), ("delegateAgencyName", Schema.string), ("basis", Schema.string),
                ("powerItems", Schema.array(Schema.ref("DelegatedItem"))), ("termStart", Schema.date), ("termEnd", Schema.date),
                ("announcementDocument", Schema.string),
            ], required: ["id", "delegatingAgencyId", "delegatingAgencyName", "delegateAgencyId", "delegateAgencyName", "basis",
                          "powerItems", "termStart", "termEnd"])),
        ]
    }

    /// 全过程记录 (see `RecordDTOs.swift`).
    static var recordSchemas: [(String, JSONValue)] {
        let hash = Schema.string(min: 64, max: 64, pattern: "^[0-9a-f]{64}$")
        return [
            ("Evidence", Schema.object([
                ("sha256", hash), ("size", Schema.int), ("mediaType", Schema.enumeration(EvidenceMediaType.allCases.map(\.rawValue))),
                ("mediaTypeLabel", Schema.string), ("originalName", Schema.string), ("createdAt", Schema.dateTime),
            ], required: ["sha256", "size", "mediaType", "mediaTypeLabel", "createdAt"])),
            ("RecordCheckpoint", Schema.object([
                ("treeSize", Schema.int), ("rootHash", hash), ("algorithm", Schema.enumeration(RecordHashAlgorithm.allCases.map(\.rawValue))),
                ("createdAt", Schema.dateTime), ("note", Schema.string), ("verifierKey", Schema.string),
            ], required: ["treeSize", "rootHash", "algorithm", "createdAt", "note", "verifierKey"])),
            ("RecordConsistency", Schema.object([
                ("from", Schema.int), ("to", Schema.int), ("algorithm", Schema.string), ("fromRoot", hash), ("toRoot", hash),
                ("proof", Schema.array(hash)),
            ], required: ["from", "to", "algorithm", "fromRoot", "toRoot", "proof"])),
            ("RecordInclusion", Schema.object([
                ("index", Schema.int), ("treeSize", Schema.int), ("algorithm", Schema.string), ("leafHash", hash),
                ("auditPath", Schema.array(hash)), ("rootHash", hash), ("checkpoint", Schema.string),
            ], required: ["index", "treeSize", "algorithm", "leafHash", "auditPath", "rootHash"])),
        ]
    }

    /// 执行、复议诉讼、退款 (see `CollectionDTOs.swift`; amounts are 元 with at most two decimals, as text).
    static var collectionSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func text(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: namePattern) }
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        let amount = Schema.string(min: 1, max: 13, pattern: "^[0-9]{1,10}(\\.[0-9]{1,2})?$")
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        return [
            ("PaymentInput", Schema.object([
                ("amount", amount), ("paidOn", Schema.date), ("receiptNumber", text(50)),
                ("channel", Schema.enumeration(PaymentChannel.allCases.map(\.rawValue))),
            ], required: ["amount", "paidOn", "receiptNumber", "channel"])),
            ("PaymentReversalInput", Schema.object([("reason", para(500))], required: ["reason"])),
            ("EnforcementStepInput", Schema.object([
                ("kind", Schema.enumeration(EnforcementStepKind.allCases.map(\.rawValue))), ("takenOn", Schema.date), ("note", para(1000)),
            ], required: ["kind", "takenOn", "note"])),
            ("RemedyInput", Schema.object([
                ("kind", Schema.enumeration(RemedyKind.allCases.map(\.rawValue))), ("organ", text(100)), ("appliedOn", Schema.date), ("receivedOn", Schema.date),
            ], required: ["kind", "organ", "appliedOn", "receivedOn"])),
            ("RemedyResultInput", Schema.object([
                ("result", Schema.enumeration(RemedyResult.allCases.map(\.rawValue))), ("decidedOn", Schema.date), ("documentNumber", text(60)),
                ("newSanction", Schema.ref("Sanction")),
            ], required: ["result", "decidedOn", "documentNumber"])),
            ("RefundInput", Schema.object([
                ("remedyId", Schema.uuid), ("applicant", text(100)), ("amount", amount), ("appliedOn", Schema.date), ("paidOn", Schema.date),
            ], required: ["remedyId", "applicant", "amount", "appliedOn", "paidOn"])),
            ("Remedy", open(["id", "caseId", "kind", "organ", "appliedOn", "receivedOn", "windowDue", "late", "removedFen"])),
            ("Refund", open(["id", "remedyId", "applicant", "amountFen", "amount", "appliedOn", "paidOn", "approvedBy"])),
            ("Collection", ["type": "object",
                            "required": ["caseId", "hasFine", "fineFen", "paidFineFen", "paidLateFeeFen", "refundedFen", "outstandingFen", "lateDays",
                                         "lateFeeFen", "lateFeeAsOf", "payments", "steps", "remedies", "refunds", "sources"],
                            "properties": ["remedies": Schema.array(Schema.ref("Remedy")), "refunds": Schema.array(Schema.ref("Refund")),
                                           "payments": Schema.array(open(["id", "amountFen", "fineFen", "lateFeeFen", "paidOn", "channel", "reversed"]))]]),
            ("LiabilityIntake", open(["id", "sourceKind", "sourceKindLabel", "sourceId", "caseNumber", "agencyId", "openedOn", "summary", "status"])),
            ("FineCollectionReport", ["type": "object", "required": ["year", "quarter", "from", "to", "rows", "total", "source"],
                                      "properties": ["rows": Schema.array(open(["agencyId", "agencyName", "decidedCount", "decidedFen", "paymentCount",
                                                                                  "collectedFineFen", "collectedLateFeeFen", "refundCount", "refundedFen",
                                                                                  "outstandingFen"]))]]),
        ]
    }

    /// 投诉举报 (see `ComplaintInputs.swift`, `ComplaintQueries.swift`; text rules of `TextInput` and `CaseText.paragraph`).
    static var complaintSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func text(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: namePattern) }
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        let file = Schema.object([
            ("fileName", Schema.string(min: 1, max: 100, pattern: #"^[^/\\\x00-\x1F\x7F-\x9F]*[^\s/\\\x00-\x1F\x7F-\x9F][^/\\\x00-\x1F\x7F-\x9F]*$"#)),
            ("contentBase64", Schema.string(max: 7_000_000, pattern: "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$")),
        ], required: ["fileName", "contentBase64"])
        let attachments: JSONValue = ["type": "array", "maxItems": .int(ComplaintRules.maxAttachments), "items": file]
        let common: [(String, JSONValue)] = [
            ("agencyId", Schema.uuid), ("subjectKind", Schema.enumeration(ComplaintSubjectKind.allCases.map(\.rawValue))),
            ("subjectText", Schema.string(max: 100, pattern: "^$|" + namePattern)), ("content", para(ComplaintRules.maxContent)),
            ("anonymous", Schema.bool), ("name", Schema.string(max: 50)), ("phone", Schema.string(max: 20)), ("attachments", attachments),
        ]
        let deadline = open(["code", "name", "period", "due", "level", "levelLabel", "source"])
        return [
            ("PublicComplaintInput", Schema.object(common, required: ["agencyId", "subjectKind", "content", "anonymous"])),
            ("ComplaintRegisterInput", Schema.object(common + [("channel", Schema.enumeration(["phone", "letter", "mailbox"])),
                                                               ("receivedOn", Schema.date)],
                                                     required: ["agencyId", "subjectKind", "content", "anonymous", "channel"])),
            ("ComplaintTrackInput", Schema.object([("trackingCode", Schema.string(max: 100))], required: ["trackingCode"])),
            ("ComplaintRefuseInput", Schema.object([("reason", para(1000))], required: ["reason"])),
            ("ComplaintAssignInput", Schema.object([("handlerId", Schema.uuid)], required: ["handlerId"])),
            ("ComplaintVerifyInput", Schema.object([("finding", Schema.enumeration(ComplaintFinding.allCases.map(\.rawValue))),
                                                    ("findingText", para(2000))], required: ["finding", "findingText"])),
            ("ComplaintReplyInput", Schema.object([("replyText", para(2000))], required: ["replyText"])),
            ("ComplaintCloseInput", Schema.object([("note", Schema.string(max: 1000, pattern: "^$|" + paragraph))])),
            ("ComplaintReviewInput", Schema.object([("result", Schema.enumeration(ComplaintReviewResult.allCases.map(\.rawValue))), ("note", para(1000))],
                                                   required: ["result", "note"])),
            ("ComplaintReceipt", open(["id", "number", "trackingCode"])),
            ("PublicComplaint", open(["number", "agencyName", "subjectKindLabel", "receivedOn", "status", "statusLabel", "steps"])),
            ("Complaint", ["type": "object",
                           "required": ["id", "number", "agencyId", "agencyName", "subjectKind", "channel", "anonymous", "complainant", "identityVisible",
                                        "content", "receivedOn", "status", "statusLabel", "level", "deadlines", "actions", "events", "attachments", "findings"],
                           "properties": ["deadlines": Schema.array(deadline)]]),
            ("ComplaintStatistics", open(["year", "replyDue", "replyOnTime", "replyLate", "acknowledgementDue", "acknowledgementOnTime",
                                          "acknowledgementLate", "months"])),
        ]
    }

    /// 结案自动预审 and 重大行政处罚备案审查 (see `CheckDTOs.swift`; text rules of `TextInput` and `CaseText`).
    static var checkSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func text(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: namePattern) }
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        return [
            ("CaseCheckFinding", open(["caseId", "caseNumber", "agencyId", "agencyName", "year", "rule", "ruleName", "severity", "severityLabel",
                                       "message", "source", "checkedAt"])),
            ("CaseChecks", open(["caseId", "findings"])),
            ("CaseCheckList", open(["summary", "findings", "total", "limit"])),
            ("CaseCheckRunInput", Schema.object([("year", Schema.int(min: 2000, max: 2100)), ("agencyId", Schema.uuid)], required: ["year"])),
            ("CaseCheckRun", open(["year", "cases", "findings", "casesWithFindings"])),
            ("MajorFiling", open(["id", "caseId", "caseNumber", "agencyId", "agencyName", "decidedOn", "majorReasons", "dueSource", "provisional",
                                  "warning", "status", "statusLabel", "filedLate", "documents", "source"])),
            ("MajorFilingFileInput", Schema.object([
                ("report", para(2000)),
                ("documents", ["type": "array", "minItems": 1, "maxItems": 20, "uniqueItems": true, "items": text(100)]),
            ], required: ["report", "documents"])),
            ("MajorFilingReviewInput", Schema.object([
                ("conclusion", Schema.enumeration(MajorFilingConclusion.allCases.map(\.rawValue))), ("reasons", para(2000)),
            ], required: ["conclusion"])),
        ]
    }

    /// 评议考核 (see `AssessmentDTOs.swift`).
    static var assessmentSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        let node = Schema.object([
            ("code", Schema.string(min: 1, max: 40, pattern: "^[A-Za-z0-9_.-]{1,40}$")), ("name", Schema.string(min: 1, max: 60, pattern: namePattern)),
            ("weight", Schema.int(min: 1, max: 100)), ("kind", Schema.enumeration(IndicatorKind.allCases.map(\.rawValue))),
            ("automatic", Schema.enumeration(AutomaticIndicator.allCases.map(\.rawValue))),
            ("children", ["type": "array", "maxItems": 60, "items": Schema.ref("IndicatorNode")]),
        ], required: ["code", "name", "weight"])
        return [
            ("IndicatorNode", node),
            ("AssessmentPlanInput", Schema.object([
                ("year", Schema.int(min: 2000, max: 2199)), ("targetKind", Schema.enumeration(AssessmentTargetKind.allCases.map(\.rawValue))),
                ("name", Schema.string(min: 1, max: 60, pattern: namePattern)),
                ("indicators", ["type": "array", "minItems": 1, "maxItems": 60, "items": Schema.ref("IndicatorNode")]),
                ("excellentMin", Schema.int(min: 2, max: 100)), ("qualifiedMin", Schema.int(min: 1, max: 99)), ("contestDays", Schema.int(min: 1, max: 60)),
            ], required: ["year", "targetKind", "name", "indicators"])),
            ("FindingEnterInput", Schema.object([("points", ["type": "number", "minimum": 0, "maximum": 100]), ("evidence", para(2000))],
                                                required: ["points", "evidence"])),
            ("FindingRespondInput", Schema.object([("action", Schema.enumeration(["confirm", "contest"])), ("grounds", para(2000))], required: ["action"])),
            ("FindingDecideInput", Schema.object([("outcome", Schema.enumeration(["upheld", "revised"])),
                                                  ("points", ["type": "number", "minimum": 0, "maximum": 100]), ("reason", para(2000))],
                                                 required: ["outcome", "reason"])),
            ("ZeroEnforcementReasonInput", Schema.object([("year", Schema.int(min: 2000, max: 2199)), ("powerItemId", Schema.uuid), ("reason", para(500))],
                                                         required: ["year", "powerItemId", "reason"])),
            ("EvaluatorRatingInput", Schema.object([
                ("agencyId", Schema.uuid), ("year", Schema.int(min: 2000, max: 2199)), ("rating", Schema.int(min: 1, max: 5)),
                ("evaluatorName", Schema.string(min: 1, max: 30, pattern: namePattern)), ("comment", Schema.string(max: 500, pattern: "^$|" + paragraph)),
            ], required: ["agencyId", "year", "rating", "evaluatorName"])),
            ("SurveyImportInput", Schema.object([("year", Schema.int(min: 2000, max: 2199)), ("csv", Schema.string(min: 1, max: 1_000_000))],
                                                required: ["year", "csv"])),
            ("EvaluationCardInput", Schema.object([
                ("agencyId", Schema.uuid), ("code", Schema.string(max: 20)), ("rating", Schema.int(min: 1, max: 5)), ("comment", Schema.string(max: 500, pattern: "^$|" + paragraph)),
            ], required: ["rating"])),
            ("Evaluation", open(["id", "agencyId", "year", "channel", "rating"])),
            ("EvaluationCode", open(["code", "caseNumber", "note"])),
            ("SurveyImport", open(["imported"])),
            ("ZeroEnforcementReason", open(["agencyId", "year", "powerItemId", "reason", "statedOn"])),
            ("AssessmentFinding", open(["id", "targetId", "indicatorCode", "indicatorName", "kind", "weight", "points", "against", "againstMore", "status"])),
            ("AssessmentPlan", ["type": "object", "required": ["id", "year", "targetKind", "name", "status", "indicators", "results"],
                                "properties": ["results": Schema.array(open(["id", "targetId", "targetName", "total", "rankScore", "rank", "grade", "consequences", "findings"]))]]),
        ]
    }

    /// 执法统计 and the 执法监督看板 (`EnforcementStatistics`, `DashboardStatistics`).
    static var statisticsSchemas: [(String, JSONValue)] {
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        let row = open(["agencyName", "categoryLabel", "filedCount", "decidedCount", "closedCount", "fineFen", "confiscationFen", "collectedFen",
                        "reconsiderationCount", "litigationCount", "remedyDecidedCount", "reversalCount"])
        return [
            ("EnforcementStatistics", ["type": "object", "required": ["from", "to", "rows", "categoryTotals", "total", "sources"],
                                       "properties": ["rows": Schema.array(row), "categoryTotals": Schema.array(row), "total": row]]),
            ("SupervisionDashboard", ["type": "object",
                                      "required": ["from", "to", "today", "warningDays", "open", "yellow", "red", "limitsMet", "limitsMetOnTime",
                                                   "remedyDecided", "reversals", "months", "agencies", "warningSource"],
                                      "properties": ["months": Schema.array(open(["month", "filed", "closed", "limitsMet", "limitsMetOnTime", "remedyDecided", "reversals"])),
                                                     "agencies": Schema.array(open(["agencyId", "agencyName", "open", "yellow", "red"]))]]),
        ]
    }
}
