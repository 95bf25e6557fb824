/**
 * What the deployment checks before it touches anything: that a production server does not run on the
 * development values the configuration falls back to. It never prints a secret.
 */
package org.hearth.deployment;
