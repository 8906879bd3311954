/** The Spark engine for meiplan studies (see docs/studies.md). */
package org.meiplan.spark;
