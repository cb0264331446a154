/**
 * The command line: {@code java -jar mojaz.jar <command>}. The edge of the application, where configuration is
 * read, parts are wired together by constructor injection, and failures become exit codes (0 success, 1 failure,
 * 2 usage or configuration error) with one line on stderr.
 */
package dev.mojaz.cli;
