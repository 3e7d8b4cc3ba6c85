/**
 * The lifecycle journal: an SQLite file next to the notebook recording stages, objectives, dataset
 * versions, runs, models, deployments, alerts and exercise results, and answering path, lineage and
 * comparison questions. Plain Java; the magics module only parses arguments and calls it.
 */
package org.mlcycle.toolkit.journal;
