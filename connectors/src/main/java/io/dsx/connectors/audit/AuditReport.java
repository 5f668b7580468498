package io.dsx.connectors.audit;

import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.Verdict;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The regulator's report: one self-contained HTML file (no script, no external asset, a content
 * security policy that forbids loading any): verification result per log and the checkpoint it was
 * checked against, then records released per dataset and per institution over time (inline SVG),
 * refusals, and grants. Every value from the log is escaped.
 */
public final class AuditReport {
    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.25em .5em;"
            + "text-align:left;font-size:.9em}th{background:#eee}.ok{color:#0a6b0a;font-weight:bold}"
            + ".bad{color:#b00;font-weight:bold}code{font-size:.85em}.empty{color:#777}";

    private AuditReport() {}

    /** The report over every event of {@code export}, verified as {@code verification} says. */
    public static String build(
            AuditExport export,
            ExportVerification.Result verification,
            NoteVerifierKey key,
            Instant generatedAt,
            ProgressListener progress)
            throws AuditToolException {
        ReportData data = new ReportData();
        ExportEvents.forEach(export, progress, (partition, chained) -> data.add(chained.event()));
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>dsx audit report</title><style>")
                .append(CSS)
                .append("</style></head><body>\n<h1>dsx audit report</h1>\n<p>Generated ")
                .append(Html.esc(generatedAt.toString()))
                .append(" from ")
                .append(data.events)
                .append(" events in ")
                .append(export.partitions().size())
                .append(" log(s), ")
                .append(data.decisions)
                .append(" of them policy decisions.</p>\n");
        verification(h, verification, key);
        h.append("<h2>Records released per dataset</h2>\n")
                .append(SvgChart.lines("Records released per dataset per day", data.accessesByDataset))
                .append("\n<h2>Records released per institution</h2>\n")
                .append(SvgChart.lines("Records released per institution per day", data.accessesByInstitution));
        refusals(h, data);
        grants(h, data);
        counts(h, "Events by action", "action", data.byAction);
        return h.append("</body></html>\n").toString();
    }

    private static void verification(StringBuilder h, ExportVerification.Result v, NoteVerifierKey key) {
        h.append("<h2>Verification</h2>\n<p>")
                .append(
                        v.ok()
                                ? "<span class=\"ok\">Every log verifies.</span>"
                                : "<span class=\"bad\">Verification FAILED.</span>")
                .append(" Checkpoint signatures checked with the key <code>")
                .append(Html.esc(key.toString()))
                .append("</code>.</p>\n<table><tr><th>log</th><th>events</th><th>result</th>")
                .append(
                        "<th>first bad position</th><th>checked against checkpoint</th><th>events after it</th></tr>\n");
        for (Map.Entry<Integer, Verdict> e : v.verdicts().entrySet()) {
            Verdict r = e.getValue();
            h.append("<tr><td>")
                    .append(Html.esc(r.origin()))
                    .append("</td><td>")
                    .append(r.events())
                    .append("</td><td class=\"")
                    .append(r.ok() ? "ok\">ok" : "bad\">" + Html.esc(r.problem().wire()) + ": " + Html.esc(r.detail()))
                    .append("</td><td>")
                    .append(r.ok() ? "" : Long.toString(r.firstBadPosition()))
                    .append("</td><td>")
                    .append(
                            r.latest() == null
                                    ? "none"
                                    : "size " + r.latest().treeSize() + ", root <code>"
                                            + Base64.getEncoder()
                                                    .encodeToString(r.latest().rootHash()) + "</code>")
                    .append("</td><td>")
                    .append(r.uncovered())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (String origin : v.missing()) {
            h.append("<p class=\"bad\">The saved checkpoint names log ")
                    .append(Html.esc(origin))
                    .append(", which the export does not hold.</p>\n");
        }
    }

    private static void refusals(StringBuilder h, ReportData data) {
        counts(h, "Refusals and denials", "action: reason", data.refusalsByReason);
        if (data.recentRefusals.isEmpty()) {
            return;
        }
        h.append("<h3>The latest ")
                .append(data.recentRefusals.size())
                .append("</h3>\n<table><tr><th>time</th>")
                .append(
                        "<th>action</th><th>outcome</th><th>who</th><th>institution</th><th>dataset</th><th>reason</th></tr>\n");
        for (AuditEvent e : data.recentRefusals) {
            var d = e.dsx();
            h.append("<tr>");
            for (String cell : new String[] {
                e.timestampText(), d.action(), d.outcome().wire(), d.subject(), d.institution(), d.dataset(), d.reason()
            }) {
                h.append("<td>").append(Html.esc(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void grants(StringBuilder h, ReportData data) {
        h.append("<h2>Grants</h2>\n");
        if (data.grants.isEmpty()) {
            h.append("<p class=\"empty\">No grant appears in the log.</p>\n");
            return;
        }
        h.append("<table><tr><th>grant</th><th>first seen</th><th>dataset</th><th>institution</th><th>researcher</th>")
                .append("<th>last decision</th><th>reads</th><th>records</th></tr>\n");
        for (Map.Entry<String, ReportData.Grant> e : data.grants.entrySet()) {
            ReportData.Grant g = e.getValue();
            String last = g.lastAction == null ? "" : g.lastAction + " (" + g.lastOutcome + ")";
            h.append("<tr>");
            for (String cell : new String[] {e.getKey(), g.firstSeen, g.dataset, g.institution, g.researcher, last}) {
                h.append("<td>").append(Html.esc(cell)).append("</td>");
            }
            h.append("<td>")
                    .append(g.reads)
                    .append("</td><td>")
                    .append(g.records)
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void counts(StringBuilder h, String title, String what, Map<String, Long> counts) {
        h.append("<h2>").append(Html.esc(title)).append("</h2>\n");
        if (counts.isEmpty()) {
            h.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        h.append("<table><tr><th>").append(Html.esc(what)).append("</th><th>count</th></tr>\n");
        counts.forEach((k, n) -> h.append("<tr><td>")
                .append(Html.esc(k))
                .append("</td><td>")
                .append(n)
                .append("</td></tr>\n"));
        h.append("</table>\n");
    }
}
