# A realistic data-access decision (DESIGN.md 3.4): roles, purpose and DUO checks, and field
# filtering by sensitivity. About 20 rules; the bench measures data.dsx.read.decision.
package dsx.read

import rego.v1

sensitivity_rank := {"public": 0, "internal": 1, "confidential": 2, "restricted": 3}

default decision := {"allow": false, "reasons": ["no rule granted access"]}

decision := {"allow": true, "fields": sort(fields), "reasons": sort(reasons), "obligations": obligations} if {
	allowed
}

decision := {"allow": false, "reasons": sort(deny_reasons)} if {
	not allowed
	count(deny_reasons) > 0
}

allowed if {
	count(deny_reasons) == 0
	researcher_or_steward
	count(fields) > 0
}

researcher_or_steward if "researcher" in input.subject.roles

researcher_or_steward if "steward" in input.subject.roles

is_steward if "steward" in input.subject.roles

has_visa if {
	some v in input.subject.visas
	v.type == "ControlledAccessGrants"
	v.value == input.resource.dataset.id
}

clearance := 3 if is_steward

else := 2 if has_visa

else := 1

purpose_ok if "GRU" in input.resource.dataset.duo

purpose_ok if {
	"HMB" in input.resource.dataset.duo
	input.context.purpose.code in {"HMB", "DS"}
}

purpose_ok if {
	"DS" in input.resource.dataset.duo
	input.context.purpose.code == "DS"
	input.context.purpose.disease == input.resource.dataset.disease
}

ethics_required if "IRB" in input.resource.dataset.duo

ethics_ok if not ethics_required

ethics_ok if input.context.ethics_approval

deny_reasons contains "subject has neither researcher nor steward role" if not researcher_or_steward

deny_reasons contains "purpose not permitted by the dataset's data use conditions" if not purpose_ok

deny_reasons contains "ethics approval required" if not ethics_ok

deny_reasons contains "subject institution is suspended" if input.subject.institution in data.suspended

field_allowed(meta) if {
	sensitivity_rank[meta.sensitivity] <= clearance
	not "direct_identifier" in meta.tags
}

fields contains f if {
	some f in input.resource.fields_requested
	field_allowed(input.resource.dataset.fields[f])
}

mask[f] := "year" if {
	some f in fields
	"date" in input.resource.dataset.fields[f].tags
}

mask[f] := "hash" if {
	some f in fields
	"quasi_identifier" in input.resource.dataset.fields[f].tags
	not "date" in input.resource.dataset.fields[f].tags
}

reasons contains sprintf("clearance level %d", [clearance])

reasons contains "visa for dataset" if has_visa

obligations := {
	"mask": mask,
	"max_records": 10000,
	"min_cell_count": 5,
	"row_filter": [{"field": "consent", "op": "==", "value": true}],
}
