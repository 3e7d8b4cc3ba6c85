/**
 * The jjava-jupyter extension: {@link org.mlcycle.magics.MlcycleExtension} registers mlcycle's
 * magics and renderers. Thin by design: magics parse arguments, call the toolkit and render.
 */
package org.mlcycle.magics;
