/** Helpers that the tests of every module share through the {@code nn-api} test-jar. */
package io.github.nn4j.api.testsupport;
