# GA4GH Data Use Ontology matching: does a stated research purpose fit a dataset's consent codes?
#
# Primary categories (one per dataset; a dataset without one is treated as the most restrictive):
#   NRES, GRU admit every purpose; HMB admits HMB and DS; DS:X admits DS purposes on X or on a
#   descendant of X (the ontology subset in data.dsx.ontology); POA admits POA; CC admits CC.
# Disease direction (pinned in duo_test.rego and docs/policy-authoring.md): a dataset limited to
# disease X admits a purpose on X or on a narrower disease below X, never a broader one: data
# consented for "cancer" may serve a breast-cancer study; data consented for "breast cancer" may
# not serve a study of cancer in general.
#
# Modifiers give deny reasons (violations), review reasons (a steward must look) or obligations.
package dsx.duo

import data.dsx.common
import rego.v1

primary_codes := {"NRES", "GRU", "HMB", "DS", "POA", "CC"}

primaries := common.dataset_codes & primary_codes

purpose := common.purpose_code

disease := replace(input.context.purpose.disease, "_", ":") if is_string(input.context.purpose.disease)

# Ancestors of a term, the term included.
lineage(term) := graph.reachable(data.dsx.ontology.parents, {term})

admits("NRES") := true

admits("GRU") := true

admits("HMB") if purpose in {"HMB", "DS"}

admits("DS") if {
	purpose == "DS"
	d := disease
	some x in common.modifiers("DS")
	x in lineage(d)
}

admits("POA") if purpose == "POA"

admits("CC") if purpose == "CC"

known_purposes := {"GRU", "HMB", "DS", "POA", "CC"}

# --- violations: each names its rule ----------------------------------------------------------
violations contains "duo.purpose: purpose.code must be one of GRU, HMB, DS, POA, CC (or its DUO id)" if {
	not purpose in known_purposes
}

violations contains "duo.ds: a DS purpose needs purpose.disease (a MONDO term)" if {
	purpose == "DS"
	not disease
}

violations contains sprintf("duo.ds: disease %s is not in the bundle's ontology", [disease]) if {
	purpose == "DS"
	not data.dsx.ontology.parents[disease]
}

violations contains "duo.primary: the dataset has no primary DUO category (NRES, GRU, HMB, DS, POA, CC)" if {
	count(primaries) == 0
}

violations contains sprintf("duo.%s: purpose %s is not admitted by the dataset's %s consent%s", [
	lower(code), purpose, code, ds_detail(code),
]) if {
	purpose in known_purposes
	some code in primaries
	not admits(code)
}

ds_detail(code) := sprintf(" (limited to %s and narrower diseases)", [concat(", ", common.modifiers("DS"))]) if {
	code == "DS"
}

ds_detail(code) := "" if code != "DS"

violations contains "duo.npu: the dataset is for not-for-profit organisations; no AffiliationAndRole visa names one" if {
	some code in {"NPU", "NPUNCU"}
	common.has(code)
	count(common.affiliations & {o | some o in common.settings.not_for_profit_organisations}) == 0
}

violations contains "duo.ncu: the dataset is for non-commercial use; the purpose is declared commercial" if {
	some code in {"NCU", "NPUNCU"}
	common.has(code)
	object.get(input.context.purpose, "commercial", true) != false
}

violations contains "duo.irb: the dataset requires an ethics approval reference (context.ethics_approval)" if {
	common.has("IRB")
	not has_ethics_approval
}

violations contains sprintf("duo.gs: use is restricted to %s; the requester's country is not", [
	concat(", ", common.modifiers("GS")),
]) if {
	common.has("GS")
	not object.get(input.subject.attributes, "country", "") in common.modifiers("GS")
}

violations contains sprintf("duo.ts: the time limit on use (%s) has passed", [limit]) if {
	some limit in common.modifiers("TS")
	limit != ""
	time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [limit])) <= common.now_ns
}

violations contains "duo.is: use is restricted to the data owner's institution" if {
	common.has("IS")
	object.get(input.subject, "institution", "") != input.resource.dataset.owner
}

has_ethics_approval if {
	ref := input.context.ethics_approval
	is_string(ref)
	count(trim_space(ref)) > 0
}

# --- review: a steward of the owning institution decides ----------------------------------------
reviews contains "duo.col: collaboration with the data owner's investigators must be agreed by a steward" if {
	common.has("COL")
}

reviews contains "duo.irb: a steward verifies the ethics approval reference" if {
	common.has("IRB")
	has_ethics_approval
	not common.preapproved
}

reviews contains "duo.us: use is limited to approved users; a steward approves this researcher" if {
	common.has("US")
	not common.preapproved
}

reviews contains "duo.ps: use is limited to approved projects; a steward approves this project" if {
	common.has("PS")
	not common.preapproved
}

# --- obligations the grant carries ------------------------------------------------------------
obligations["publication_required"] := true if common.has("PUB")

obligations["publication_moratorium_until"] := min(common.modifiers("MOR")) if {
	common.has("MOR")
	count(common.modifiers("MOR") - {""}) > 0
}

obligations["return_derived_data"] := true if common.has("RTN")

# The latest expiry the dataset's time limit (TS, "DUO:0000025:YYYY-MM-DD") allows, in ns.
ts_limit_ns := min({time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [m])) | some m in common.modifiers("TS"); m != ""})
