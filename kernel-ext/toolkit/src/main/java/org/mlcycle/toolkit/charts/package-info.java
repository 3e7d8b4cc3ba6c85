/**
 * XChart pictures for the quality and drift reports (histogram pairs, missing-value bars, drift
 * summary), drawn from the numbers a report keeps and encoded as PNG for HTML.
 */
package org.mlcycle.toolkit.charts;
