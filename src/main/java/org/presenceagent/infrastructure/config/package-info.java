/**
 * Configuration: every parameter of the application, typed, with its default, meaning and seed
 * equivalent, read once at start-up and validated with an error that names the parameter.
 */
package org.presenceagent.infrastructure.config;
