/**
 * The web module: Faces pages and their backing beans, the REST API, and the sign-in plumbing. Beans
 * here are thin adapters over the services in the ejb module; no rule lives only here.
 */
package org.hearth.web;
