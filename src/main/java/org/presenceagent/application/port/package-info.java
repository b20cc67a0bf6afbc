/**
 * Ports: what the use cases need from the outside world (sending NOTIFYs, reading and writing
 * documents, scheduling expiries), implemented by the adapters in {@code sip}, {@code document}
 * and {@code infrastructure}.
 */
package org.presenceagent.application.port;
