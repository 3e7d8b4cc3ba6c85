/** What every toolkit result shares: the {@link org.mlcycle.toolkit.report.Rendered} forms and their helpers. */
package org.mlcycle.toolkit.report;
