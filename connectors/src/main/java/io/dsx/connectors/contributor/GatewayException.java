package io.dsx.connectors.contributor;

/**
 * A gateway call that did not succeed: a refusal (problem+json with a stable {@code code}), a
 * server error, an unreachable gateway or a receipt that does not verify.
 */
public final class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Code of a receipt whose signature or content does not match what was sent. */
    public static final String BAD_RECEIPT = "bad_receipt";
    /** Code of an I/O failure (connection refused, reset, timeout). */
    public static final String UNREACHABLE = "unreachable";

    private final int status;
    private final String code;
    private final String detail;

    public GatewayException(int status, String code, String detail) {
        super(describe(status, code, detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    private static String describe(int status, String code, String detail) {
        String head = status > 0 ? "gateway answered " + status + " " + code : "gateway " + code;
        return detail == null || detail.isBlank() ? head : head + ": " + detail;
    }

    /** HTTP status, or 0 when there was no answer or the answer itself was wrong. */
    public int status() {
        return status;
    }

    /** Stable problem code ({@code bad_signature}, {@code unknown_dataset}, ...). */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** Code of a 409 the gateway gives while another request writes the same contribution id. */
    public static final String IN_PROGRESS = "contribution_in_progress";

    /**
     * I/O failures and 5xx answers may be retried; refusals (4xx) and bad receipts may not, except
     * {@code 409 contribution_in_progress}, which asks for a retry to fetch the first receipt.
     */
    public boolean retriable() {
        return code.equals(UNREACHABLE) || status >= 500 || (status == 409 && code.equals(IN_PROGRESS));
    }
}
