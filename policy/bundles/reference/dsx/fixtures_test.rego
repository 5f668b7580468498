# Inputs shared by the reference bundle's tests: a cardiology dataset of hospital-a and a
# researcher holding every visa the policy asks for.
package dsx.fixtures_test

import rego.v1

now := "2026-12-07T12:00:00Z"

visa(type, value) := {
	"iss": "https://visas.dsx.example", "exp": 1893456000, # 2030-01-01
	"ga4gh_visa_v1": {"type": type, "value": value, "source": "https://visas.dsx.example", "by": "so", "asserted": 1700000000},
}

visas := [
	visa("ResearcherStatus", "https://doi.org/10.1038/s41431-018-0219-y"),
	visa("AcceptedTermsAndPolicies", "https://dsx.example/terms/data-access-agreement/v1"),
	visa("AffiliationAndRole", "faculty@uni.example"),
]

researcher := {
	"id": "u-1", "kind": "researcher", "institution": "", "roles": ["researcher"],
	"affiliation": "University of Example", "visas": visas, "attributes": {"country": "NL"},
}

fields := {
	"subject": {"sensitivity": "direct_identifier", "tags": [], "type": "string"},
	"birth_year": {"sensitivity": "quasi_identifier", "tags": [], "type": "int"},
	"postcode": {"sensitivity": "quasi_identifier", "tags": [], "type": "string"},
	"visit_date": {"sensitivity": "quasi_identifier", "tags": ["date"], "type": "string"},
	"diagnosis": {"sensitivity": "sensitive", "tags": ["diagnosis"], "type": "string"},
	"ward": {"sensitivity": "non_sensitive", "tags": [], "type": "string"},
	"consent_research": {"sensitivity": "non_sensitive", "tags": ["consent"], "type": "boolean"},
}

dataset(duo) := {"id": "cardio-visits", "owner": "hospital-a", "duo": duo, "fields": fields}

request(duo, requested, purpose) := {
	"action": "request_access",
	"subject": researcher,
	"resource": {"dataset": dataset(duo), "fields_requested": requested},
	"context": {
		"purpose": purpose, "project": "heart-study", "ethics_approval": "METC-2026-001",
		"time": now, "request_id": "r-1", "duration_days": 30,
	},
}

hmb := {"code": "HMB"}

ds(disease) := {"code": "DS", "disease": disease}

# A request that the reference policy grants at once: HMB purpose on an HMB dataset.
granted_request := request(["DUO:0000006"], ["ward", "visit_date", "birth_year", "postcode"], hmb)

with_subject(req, patch) := object.union(req, {"subject": object.union(req.subject, patch)})

with_context(req, patch) := object.union(req, {"context": object.union(req.context, patch)})
