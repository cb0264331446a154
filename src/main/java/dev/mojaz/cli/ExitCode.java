package dev.mojaz.cli;

/**
 * The exit codes scripts rely on, the same for every command: 0 success, 2 a usage or configuration error (the
 * command line or the configuration file is wrong), 1 any other failure.
 */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
