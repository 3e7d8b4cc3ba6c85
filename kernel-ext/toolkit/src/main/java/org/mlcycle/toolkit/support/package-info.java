/** Small helpers with nothing domain-specific in them: argument checks. */
package org.mlcycle.toolkit.support;
