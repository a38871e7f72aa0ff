package org.civcheck.web;

/** A request the service answers with a problem document of this status; thrown by controllers. */
final class ApiException extends RuntimeException {

    final int status;
    final String type;
    final String title;

    ApiException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }
}
