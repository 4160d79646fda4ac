package dk.kdnet.testing.contract;

/**
 * One request a test sent and the response it got, as the contract sees them.
 *
 * @param path the request's path without query, as sent (percent-encoded)
 * @param requestBody the request's body, or {@code null} when it sent none
 * @param responseBody the response's body; empty when there was none
 */
public record Exchange(String method, String path, String requestContentType, String requestBody, int status,
        String responseContentType, byte[] responseBody) {

    public Exchange {
        method = method.toUpperCase(java.util.Locale.ROOT);
        responseBody = responseBody == null ? new byte[0] : responseBody;
    }
}
