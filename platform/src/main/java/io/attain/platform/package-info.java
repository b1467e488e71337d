/** Shared web infrastructure: security and problem details. */
package io.attain.platform;
