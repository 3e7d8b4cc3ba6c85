/**
 * The contract between mlcycle's kernel and extensions beyond jjava-jupyter's API: per-cell hooks,
 * the one table of magics with their usage, and the notebook's class path.
 */
package org.mlcycle.hooks;
