# data.dsx.request_access.decision: a researcher asks for some fields of a dataset for a purpose.
#
# Three outcomes, as the gateway reads them (DESIGN.md §3.4):
#   deny   allow = false, reasons name the rules that refused ("<rule>: <why>");
#   grant  allow = true, the permitted fields, obligations (mask, row_filter, expires_at,
#          max_records, ...);
#   review allow = true and obligations.requires_approval lists what a steward of the owning
#          institution must decide; the grant waits for that steward.
# Direct identifiers are never released; quasi-identifiers are masked by default.
package dsx.request_access

import data.dsx.common
import data.dsx.duo
import rego.v1

requested := {f | some f in object.get(input.resource, "fields_requested", [])}

unknown := {f | some f in requested; not common.fields[f]}

withheld := {f | some f in requested; common.fields[f]; common.sensitivity(f) == "direct_identifier"}

permitted := requested - unknown - withheld

# --- deny reasons -----------------------------------------------------------------------------
violations contains "subject.kind: only researchers request access" if {
	input.subject.kind != "researcher"
}

violations contains "request.fields: fields_requested must name at least one field" if {
	count(requested) == 0
}

violations contains sprintf("request.fields: the dataset has no field %s", [f]) if {
	some f in unknown
}

violations contains "request.fields: every requested field is a direct identifier, which is never released" if {
	count(requested) > 0
	count(unknown) == 0
	count(permitted) == 0
}

violations contains "request.duration: duration_days must be a whole number from 1 to the maximum" if {
	not valid_duration
}

violations contains "visa.researcher_status: no valid ResearcherStatus (bona fide) visa from a trusted issuer" if {
	not common.has("NRES")
	not common.bona_fide
}

violations contains "visa.accepted_terms: the data access agreement has not been accepted (AcceptedTermsAndPolicies visa)" if {
	not common.has("NRES")
	not common.accepted_terms
}

violations contains v if some v in duo.violations

# --- review reasons ---------------------------------------------------------------------------
reviews contains r if some r in duo.reviews

reviews contains sprintf("fields.sensitive: %s requested without an ethics approval reference", [
	concat(", ", sort(sensitive_requested)),
]) if {
	count(sensitive_requested) > 0
	not duo.has_ethics_approval
}

sensitive_requested := {f | some f in permitted; common.sensitivity(f) == "sensitive"}

# --- the grant's terms ------------------------------------------------------------------------
duration := object.get(input.context, "duration_days", common.settings.default_duration_days)

valid_duration if {
	is_number(duration)
	duration == floor(duration)
	duration >= 1
	duration <= common.settings.max_duration_days
}

requested_expiry_ns := time.add_date(common.now_ns, 0, 0, duration)

expiry_ns := min({requested_expiry_ns, duo.ts_limit_ns}) if duo.ts_limit_ns

expiry_ns := requested_expiry_ns if not duo.ts_limit_ns

mask := {f: common.default_mask(f) | some f in permitted; common.sensitivity(f) == "quasi_identifier"}

obligations := object.union(duo.obligations, {
	"mask": mask,
	"row_filter": common.consent_filters,
	"expires_at": time.format([expiry_ns, "UTC", "2006-01-02T15:04:05Z07:00"]),
	"max_records": common.settings.max_records,
	"requires_approval": sort(reviews),
})

notes := [sprintf("request.fields: %s withheld: direct identifiers are never released", [f]) |
	some f in sort(withheld)
]

default decision := {
	"allow": false, "fields": [], "obligations": {},
	"reasons": ["policy.default: the request did not meet any rule that grants access"],
}

decision := {"allow": false, "fields": [], "reasons": sort(violations), "obligations": {}} if {
	count(violations) > 0
}

decision := {"allow": true, "fields": sort(permitted), "reasons": notes, "obligations": obligations} if {
	count(violations) == 0
	valid_duration
}
