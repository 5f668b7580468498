# Shared reading of the §3.4 input: time, the subject's GA4GH passport visas, DUO codes and the
# dataset's fields. Every rule here is total (defined for any input) so the decisions built on it
# fail closed instead of becoming undefined.
package dsx.common

import rego.v1

settings := data.dsx.settings

# The decision time (input.context.time, RFC 3339) in nanoseconds.
now_ns := time.parse_rfc3339_ns(input.context.time)

# --- GA4GH passport visas (input.subject.visas: decoded visa claims) --------------------------
# A visa counts only when its issuer is trusted and it has not expired at the decision time.
valid_visas contains v if {
	some v in object.get(input.subject, "visas", [])
	is_object(v)
	v.iss in settings.trusted_visa_issuers
	is_number(v.exp)
	v.exp * 1000000000 > now_ns
	is_object(v.ga4gh_visa_v1)
}

visas_of(type) := {v.ga4gh_visa_v1 | some v in valid_visas; v.ga4gh_visa_v1.type == type}

bona_fide if {
	some v in visas_of("ResearcherStatus")
	v.value == settings.bona_fide_status
}

accepted_terms if {
	some v in visas_of("AcceptedTermsAndPolicies")
	v.value == settings.accepted_terms
}

# Organisations from AffiliationAndRole visas ("faculty@uni.example" -> "uni.example").
affiliations := {org |
	some v in visas_of("AffiliationAndRole")
	parts := split(v.value, "@")
	count(parts) == 2
	org := parts[1]
}

# A ControlledAccessGrants visa for this dataset ("dsx:dataset:<id>"): a data access committee
# elsewhere already approved this researcher for it.
preapproved if {
	some v in visas_of("ControlledAccessGrants")
	v.value == concat(":", ["dsx:dataset", input.resource.dataset.id])
}

# --- DUO codes of the dataset: "DUO:0000007:MONDO_0004995" -> {"code": "DS", "modifier": ...} --
dataset_terms contains term if {
	some raw in object.get(input.resource.dataset, "duo", [])
	parts := split(raw, ":")
	count(parts) >= 2
	id := concat(":", [parts[0], parts[1]])
	code := object.get(data.dsx.duo_terms, id, id)
	term := {"code": code, "modifier": modifier(parts)}
}

modifier(parts) := replace(parts[2], "_", ":") if count(parts) > 2

modifier(parts) := "" if count(parts) <= 2

dataset_codes := {t.code | some t in dataset_terms}

has(code) if code in dataset_codes

modifiers(code) := {t.modifier | some t in dataset_terms; t.code == code}

# The purpose's code, given as "HMB" or as "DUO:0000006".
purpose_code := object.get(data.dsx.duo_terms, p, p) if {
	p := input.context.purpose.code
	is_string(p)
}

# --- fields -----------------------------------------------------------------------------------
fields := object.get(input.resource.dataset, "fields", {})

sensitivity(f) := object.get(fields[f], "sensitivity", "direct_identifier")

tags(f) := {t | some t in object.get(fields[f], "tags", [])}

# The default mask of a quasi-identifier: dates to the month, numbers to a bucket, other codes
# to a keyed hash (stable within one grant, unlinkable across grants; the gateway holds the key).
default_mask(f) := "month" if is_date(f)

default_mask(f) := sprintf("bucket:%d", [settings.number_bucket]) if {
	not is_date(f)
	object.get(fields[f], "type", "") in {"int", "long", "float", "double"}
}

default_mask(f) := "hash" if {
	not is_date(f)
	not object.get(fields[f], "type", "") in {"int", "long", "float", "double"}
}

is_date(f) if "date" in tags(f)

is_date(f) if object.get(fields[f], "type", "") in {"date", "timestamp-millis", "timestamp-micros"}

# Consent fields (tag "consent") filter rows: only records whose consent is true are served.
consent_filters := [{"field": f, "op": "eq", "value": true} |
	some f, _ in fields
	"consent" in tags(f)
]
