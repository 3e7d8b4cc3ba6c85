/**
 * Reading data files: {@link org.mlcycle.toolkit.io.Data#read(String)} is the one entry point a
 * notebook needs; {@code io.csv} holds the reader itself.
 */
package org.mlcycle.toolkit.io;
