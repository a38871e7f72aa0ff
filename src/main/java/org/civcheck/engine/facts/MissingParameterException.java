package org.civcheck.engine.facts;

/** A rule asked for a parameter the indicator's criteria do not give: a fault in the criteria, not a bug. */
public final class MissingParameterException extends RuntimeException {

    private final String indicator;
    private final String parameter;

    public MissingParameterException(String indicator, String parameter, String what) {
        super("指标 " + indicator + " 的参数 " + parameter + " " + what);
        this.indicator = indicator;
        this.parameter = parameter;
    }

    public String indicator() { return indicator; }
    public String parameter() { return parameter; }
}
