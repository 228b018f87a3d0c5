package dev.gigafactory.deployer.proxy;

/** A stable proxy could not listen (its port is taken) or close in time. */
public class ProxyBindException extends Exception {

    public ProxyBindException(String message) {
        super(message);
    }
}
