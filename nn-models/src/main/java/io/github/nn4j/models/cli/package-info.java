/** The {@code nn4j} command-line app: the only code of the project that prints to the console. */
package io.github.nn4j.models.cli;
