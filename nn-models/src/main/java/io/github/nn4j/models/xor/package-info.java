/** The report's XOR experiment: a 2-4-1 tanh/sigmoid network trained with full-batch SGD. */
package io.github.nn4j.models.xor;
