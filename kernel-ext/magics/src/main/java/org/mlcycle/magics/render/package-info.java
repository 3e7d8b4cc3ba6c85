/**
 * Renderers that turn live objects into Jupyter MIME bundles: Tablesaw tables, XChart charts,
 * toolkit results, and a progress bar that redraws in place.
 */
package org.mlcycle.magics.render;
