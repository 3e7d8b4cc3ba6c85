/** Per-cell hooks: the one contract between mlcycle's kernel and extensions beyond jjava-jupyter's API. */
package org.mlcycle.hooks;
