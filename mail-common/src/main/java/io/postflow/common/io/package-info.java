/** Socket-side helpers shared by the protocol servers; no codec and no session logic. */
package io.postflow.common.io;
