package org.hearth.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from, filled by the web layer for each HTTP request so the audit
 * trail can record the client address without the services knowing about HTTP.
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;

    public String getClientAddress() {
        return clientAddress;
    }

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }
}
