/** Pages of the support groups: the list, defining a group, one group, a session's roster. */
package org.hearth.web.view.groups;
