/**
 * The contract between mlcycle's kernel and extensions beyond jjava-jupyter's API: per-cell hooks
 * and the one table of magics with their usage.
 */
package org.mlcycle.hooks;
